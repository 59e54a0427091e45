//! `cargo xtask check`: does the spec still agree with what Chatwork sends?

use std::collections::{BTreeMap, BTreeSet};

use base64::Engine as _;
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

use crate::{Fixture, Project, codegen, generate};

/// What `check` found: errors fail the check, warnings are listed.
#[derive(Debug, Default, Clone)]
pub struct Report {
    /// Disagreements that fail the check.
    pub errors: Vec<String>,
    /// Things worth a look that do not fail it.
    pub warnings: Vec<String>,
}

impl Report {
    /// True when some error contains `needle`.
    pub fn has_error(&self, needle: &str) -> bool {
        self.errors.iter().any(|e| e.contains(needle))
    }
}

const METHODS: &[&str] = &["get", "put", "post", "delete", "patch"];

/// Headers that carry no API meaning and need no description in the spec.
const TRANSPORT_HEADERS: &[&str] = &[
    "content-type",
    "content-length",
    "date",
    "connection",
    "server",
];

struct Operation<'a> {
    id: String,
    method: String,
    path: String,
    op: &'a Value,
}

struct Spec<'a> {
    doc: &'a Value,
}

impl<'a> Spec<'a> {
    fn components(&self) -> &'a Value {
        &self.doc["components"]
    }

    /// Follows a local `$ref` (one or more levels).
    fn resolve(&self, mut v: &'a Value) -> &'a Value {
        for _ in 0..16 {
            let Some(r) = v.get("$ref").and_then(Value::as_str) else {
                return v;
            };
            let Some(pointer) = r.strip_prefix('#') else {
                return v;
            };
            match self.doc.pointer(pointer) {
                Some(next) => v = next,
                None => return v,
            }
        }
        v
    }

    fn operations(&self) -> Vec<Operation<'a>> {
        let mut out = Vec::new();
        if let Some(paths) = self.doc["paths"].as_object() {
            for (path, item) in paths {
                for method in METHODS {
                    if let Some(op) = item.get(*method) {
                        out.push(Operation {
                            id: op["operationId"].as_str().unwrap_or_default().to_owned(),
                            method: method.to_uppercase(),
                            path: path.clone(),
                            op,
                        });
                    }
                }
            }
        }
        out
    }

    /// The response object of an operation for a status (resolved).
    fn response(&self, op: &'a Value, status: u16) -> Option<&'a Value> {
        op["responses"]
            .get(status.to_string())
            .map(|r| self.resolve(r))
    }

    /// A JSON Schema document that validates against `schema`, with the spec's components
    /// alongside so `#/components/...` references resolve.
    fn schema_document(&self, schema: &Value) -> Value {
        json!({ "components": self.components(), "allOf": [schema] })
    }
}

fn pointer_text(p: &str) -> String {
    if p.is_empty() {
        "/".to_owned()
    } else {
        p.to_owned()
    }
}

/// Validates `value` against `schema` (real JSON Schema validation, draft 4, which is what
/// OpenAPI 3.0 schemas are built on). Returns `(json path, message)` pairs.
fn validate(
    spec: &Spec<'_>,
    schema: &Value,
    value: &Value,
) -> Result<Vec<(String, String)>, String> {
    let document = spec.schema_document(schema);
    let validator = jsonschema::draft4::new(&document)
        .map_err(|e| format!("the schema does not compile: {e}"))?;
    Ok(validator
        .iter_errors(value)
        .map(|e| (pointer_text(e.instance_path().as_str()), e.to_string()))
        .collect())
}

/// Walks `value` along `schema`, reporting fields the spec does not describe and recording
/// the component properties seen.
fn walk(
    spec: &Spec<'_>,
    schema: &Value,
    value: &Value,
    path: &str,
    owner: &str,
    unknown: &mut Vec<(String, String)>,
    seen: &mut BTreeSet<String>,
) {
    let mut owner = owner.to_owned();
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        owner = r.rsplit('/').next().unwrap_or(r).to_owned();
    }
    let schema = spec.resolve(schema);
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        for s in all {
            walk(spec, s, value, path, &owner, unknown, seen);
        }
    }
    if let Some(alternatives) = schema.get("oneOf").and_then(Value::as_array) {
        if let Some(s) = alternatives
            .iter()
            .find(|s| validate(spec, s, value).is_ok_and(|errors| errors.is_empty()))
        {
            walk(spec, s, value, path, &owner, unknown, seen);
        }
        return;
    }
    match value {
        Value::Object(map) => {
            let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
                return;
            };
            for (key, v) in map {
                let child = format!("{path}/{key}");
                match properties.get(key) {
                    Some(s) => {
                        seen.insert(format!("{owner}.{key}"));
                        walk(spec, s, v, &child, &owner, unknown, seen);
                    }
                    None => unknown.push((child, owner.clone())),
                }
            }
        }
        Value::Array(items) => {
            if let Some(item_schema) = schema.get("items") {
                for (i, v) in items.iter().enumerate() {
                    walk(
                        spec,
                        item_schema,
                        v,
                        &format!("{path}/{i}"),
                        &owner,
                        unknown,
                        seen,
                    );
                }
            }
        }
        _ => {}
    }
}

/// The first place where two JSON values differ.
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<(String, String, String)> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys: BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            keys.into_iter().find_map(|k| match (x.get(k), y.get(k)) {
                (Some(p), Some(q)) => first_difference(p, q, &format!("{path}/{k}")),
                (p, q) => Some((
                    format!("{path}/{k}"),
                    p.map_or("(absent)".into(), Value::to_string),
                    q.map_or("(absent)".into(), Value::to_string),
                )),
            })
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (p, q))| first_difference(p, q, &format!("{path}/{i}"))),
        _ if a == b => None,
        _ => Some((pointer_text(path), a.to_string(), b.to_string())),
    }
}

/// Component schemas reachable from `schema`.
fn reachable(spec: &Spec<'_>, schema: &Value, out: &mut BTreeSet<String>) {
    match schema {
        Value::Object(map) => {
            if let Some(r) = map.get("$ref").and_then(Value::as_str) {
                let name = r.rsplit('/').next().unwrap_or(r).to_owned();
                if out.insert(name) {
                    reachable(spec, spec.resolve(schema), out);
                }
            }
            for (k, v) in map {
                if k != "example" {
                    reachable(spec, v, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| reachable(spec, v, out)),
        _ => {}
    }
}

struct Checker<'a> {
    spec: Spec<'a>,
    report: Report,
    seen: BTreeSet<String>,
}

impl Checker<'_> {
    fn error(&mut self, e: String) {
        self.report.errors.push(e);
    }

    fn check_operation_metadata(&mut self, ops: &[Operation<'_>]) {
        let mut ids = BTreeSet::new();
        for o in ops {
            let at = format!("{} {}", o.method, o.path);
            if o.id.is_empty() {
                self.error(format!("spec: {at}: no operationId"));
                continue;
            }
            if !ids.insert(o.id.clone()) {
                self.error(format!("spec: {}: operationId used twice", o.id));
            }
            let name = format!("spec: {} ({at})", o.id);
            if o.op["summary"].as_str().is_none_or(|s| s.trim().is_empty()) {
                self.error(format!("{name}: no summary"));
            }
            if o.op["description"]
                .as_str()
                .is_none_or(|s| s.trim().is_empty())
            {
                self.error(format!("{name}: no description"));
            }
            if o.op["tags"].as_array().is_none_or(Vec::is_empty) {
                self.error(format!("{name}: no tag"));
            }
            if let Some(responses) = o.op["responses"].as_object() {
                if responses.contains_key("default") {
                    self.error(format!(
                        "{name}: a `default` response (progenitor counts it as success and error)"
                    ));
                }
                for (status, r) in responses {
                    let r = self.spec.resolve(r);
                    if let Some(media) = r["content"].get("application/json")
                        && media.get("example").is_none()
                    {
                        self.error(format!("{name}: the {status} response has no example"));
                    }
                }
            }
        }
    }

    fn documented_statuses(&self, o: &Operation<'_>) -> BTreeSet<u16> {
        o.op["responses"]
            .as_object()
            .map(|r| r.keys().filter_map(|k| k.parse().ok()).collect())
            .unwrap_or_default()
    }

    fn check_coverage(&mut self, ops: &[Operation<'_>], fixtures: &[Fixture]) {
        let known: BTreeSet<&str> = ops.iter().map(|o| o.id.as_str()).collect();
        for f in fixtures {
            if !known.contains(f.operation.as_str()) {
                self.error(format!(
                    "{}: {}: no operation of that name in the spec",
                    f.operation, f.file
                ));
            }
        }
        for o in ops.iter().filter(|o| !o.id.is_empty()) {
            let have: BTreeSet<u16> = fixtures
                .iter()
                .filter(|f| f.operation == o.id)
                .map(|f| f.status)
                .collect();
            if have.is_empty() {
                self.error(format!(
                    "{}: no fixture at all (expected spec/fixtures/{}/)",
                    o.id, o.id
                ));
                continue;
            }
            for status in self.documented_statuses(o) {
                if !have.contains(&status) {
                    self.error(format!(
                        "{}: no fixture for the documented status {status} (expected spec/fixtures/{}/{status}.http)",
                        o.id, o.id
                    ));
                }
            }
        }
    }

    fn check_fixture(&mut self, o: &Operation<'_>, f: &Fixture) {
        let at = format!("{}: {}", o.id, f.file);
        if f.file_status != Some(f.status) {
            self.error(format!(
                "{at}: the file name says {:?} but the status line says {}",
                f.file_status, f.status
            ));
        }
        let Some(response) = self.spec.response(o.op, f.status) else {
            self.error(format!(
                "{at}: status {} is not documented for this operation",
                f.status
            ));
            return;
        };
        // Headers: the rate-limit trio always; anything else must be described.
        for name in [
            "x-ratelimit-limit",
            "x-ratelimit-remaining",
            "x-ratelimit-reset",
        ] {
            match f.header(name) {
                Some(v) if v.parse::<u64>().is_ok() => {}
                Some(v) => self.error(format!("{at}: header {name} is not an integer: {v:?}")),
                None => self.error(format!("{at}: header {name} is missing")),
            }
        }
        let declared: BTreeSet<String> = response["headers"]
            .as_object()
            .map(|h| h.keys().map(|k| k.to_ascii_lowercase()).collect())
            .unwrap_or_default();
        for (name, _) in &f.headers {
            if !declared.contains(name) && !TRANSPORT_HEADERS.contains(&name.as_str()) {
                self.error(format!(
                    "{at}: header {name} is not described by the spec's {} response",
                    f.status
                ));
            }
        }
        let Some(media) = response["content"].get("application/json") else {
            if !f.body.is_empty() {
                self.error(format!(
                    "{at}: the spec's {} response has no body, but the fixture has {} bytes",
                    f.status,
                    f.body.len()
                ));
            }
            return;
        };
        // `x-body-optional`: the answer may come without a body (an OAuth 401 carries only
        // its `WWW-Authenticate` header).
        if f.body.is_empty() && response["x-body-optional"] == Value::Bool(true) {
            return;
        }
        if !f
            .header("content-type")
            .is_some_and(|c| c.starts_with("application/json"))
        {
            self.error(format!("{at}: content-type is not application/json"));
        }
        let value: Value = match serde_json::from_slice(&f.body) {
            Ok(v) => v,
            Err(e) => {
                self.error(format!("{at}: the body is not JSON: {e}"));
                return;
            }
        };
        let schema = &media["schema"];
        self.check_value(&at, schema, &value);
        match chatwork::spec_tools::roundtrip(&o.id, f.status, &f.body) {
            None => self.error(format!("{at}: no Rust type for status {}", f.status)),
            Some((ty, back)) => self.check_roundtrip(&at, ty, &value, back),
        }
    }

    /// Compares a fixture's JSON with what the Rust type made of it.
    fn check_roundtrip(&mut self, at: &str, ty: &str, value: &Value, back: Result<Value, String>) {
        match back {
            Ok(back) => {
                if let Some((path, fixture, rust)) = first_difference(value, &back, "") {
                    self.error(format!(
                        "{at}: {path}: loses data in {ty}: the fixture has {fixture}, re-serialized {rust}"
                    ));
                }
            }
            Err(e) => self.error(format!("{at}: does not deserialize into {ty}: {e}")),
        }
    }

    /// Schema validation and the unknown-field walk of one decoded body.
    fn check_value(&mut self, at: &str, schema: &Value, value: &Value) {
        match validate(&self.spec, schema, value) {
            Err(e) => self.error(format!("{at}: {e}")),
            Ok(errors) => {
                for (path, message) in errors {
                    self.error(format!("{at}: {path}: {message}"));
                }
            }
        }
        let mut unknown = Vec::new();
        walk(
            &self.spec,
            schema,
            value,
            "",
            "(inline)",
            &mut unknown,
            &mut self.seen,
        );
        for (path, owner) in unknown {
            self.error(format!(
                "{at}: {path}: a field the spec does not describe (in {owner})"
            ));
        }
    }

    fn check_webhooks(&mut self, project: &Project) {
        if project.webhooks.is_empty() {
            self.error("webhooks: no fixture in spec/fixtures/webhooks/".into());
            return;
        }
        let key =
            match base64::engine::general_purpose::STANDARD.decode(project.webhook_token.trim()) {
                Ok(k) if !k.is_empty() => k,
                _ => {
                    self.error(
                        "webhooks: spec/fixtures/webhooks/TOKEN is missing or not Base64".into(),
                    );
                    return;
                }
            };
        let envelope = json!({"$ref": "#/components/schemas/WebhookEnvelope"});
        let mut types_seen = BTreeSet::new();
        for w in &project.webhooks {
            let at = format!("webhook: {}", w.file);
            let mut mac = Hmac::<Sha256>::new_from_slice(&key).expect("HMAC takes any key length");
            mac.update(&w.body);
            let expected =
                base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
            match w.header("x-chatworkwebhooksignature") {
                Some(sig) if sig == expected => {}
                Some(_) => self.error(format!(
                    "{at}: x-chatworkwebhooksignature does not match the body and TOKEN"
                )),
                None => self.error(format!("{at}: no x-chatworkwebhooksignature header")),
            }
            if w.query_param("chatwork_webhook_signature").as_deref() != Some(expected.as_str()) {
                self.error(format!("{at}: the chatwork_webhook_signature query parameter does not match the body and TOKEN"));
            }
            let value: Value = match serde_json::from_slice(&w.body) {
                Ok(v) => v,
                Err(e) => {
                    self.error(format!("{at}: the body is not JSON: {e}"));
                    continue;
                }
            };
            if let Some(t) = value["webhook_event_type"].as_str() {
                types_seen.insert(t.to_owned());
            }
            self.check_value(&at, &envelope, &value);
            let back = chatwork::spec_tools::webhook_roundtrip(&w.body);
            self.check_roundtrip(&at, "chatwork::webhook::WebhookEvent", &value, back);
        }
        let documented: BTreeSet<String> =
            self.spec.components()["schemas"]["WebhookEventType"]["enum"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default();
        for t in documented.difference(&types_seen) {
            self.error(format!("webhooks: no fixture for the event type {t}"));
        }
    }

    fn check_replacements(&mut self) {
        let from_rust: BTreeMap<&str, Value> = chatwork::spec_tools::replacement_schemas()
            .into_iter()
            .collect();
        for (name, path) in codegen::REPLACEMENTS {
            let Some(rust) = from_rust.get(name) else {
                self.error(format!(
                    "replacement {name} ({path}): no JSON Schema from the hand-written type"
                ));
                continue;
            };
            let spec_schema = &self.spec.components()["schemas"][*name];
            if spec_schema.is_null() {
                self.error(format!(
                    "replacement {name} ({path}): no component schema of that name in the spec"
                ));
                continue;
            }
            for key in ["type", "format", "enum", "pattern"] {
                if spec_schema.get(key) != rust.get(key) {
                    self.error(format!(
                        "replacement {name}: the spec says {key} = {}, {path} says {}",
                        spec_schema
                            .get(key)
                            .map_or("(none)".into(), Value::to_string),
                        rust.get(key).map_or("(none)".into(), Value::to_string),
                    ));
                }
            }
        }
        for name in from_rust.keys() {
            if !codegen::REPLACEMENTS.iter().any(|(n, _)| n == name) {
                self.error(format!(
                    "replacement {name}: has a JSON Schema but is not swapped in by codegen"
                ));
            }
        }
    }

    /// The hand-written webhook event types against the spec's event schemas: the same
    /// properties, the same required ones, the same JSON types.
    fn check_webhook_types(&mut self) {
        for (component, rust_name, rust) in chatwork::spec_tools::webhook_schemas() {
            let spec_schema = &self.spec.components()["schemas"][component];
            let names = |v: &Value| -> BTreeSet<String> {
                v.as_object()
                    .map(|m| m.keys().cloned().collect())
                    .unwrap_or_default()
            };
            let required = |v: &Value| -> BTreeSet<String> {
                v.as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(Value::as_str)
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_default()
            };
            let (sp, rp) = (
                names(&spec_schema["properties"]),
                names(&rust["properties"]),
            );
            for p in sp.symmetric_difference(&rp) {
                let side = if sp.contains(p) {
                    "the spec"
                } else {
                    rust_name
                };
                self.error(format!(
                    "webhook type {rust_name}: property {p} exists only in {side} ({component})"
                ));
            }
            if required(&spec_schema["required"]) != required(&rust["required"]) {
                self.error(format!(
                    "webhook type {rust_name}: required properties differ from {component}"
                ));
            }
            for p in sp.intersection(&rp) {
                let spec_type = self
                    .spec
                    .resolve(&spec_schema["properties"][p])
                    .get("type")
                    .cloned();
                let rust_prop = &rust["properties"][p];
                let rust_type = match rust_prop.get("$ref").and_then(Value::as_str) {
                    Some(r) => rust
                        .pointer(r.trim_start_matches('#'))
                        .and_then(|d| d.get("type"))
                        .cloned(),
                    None => rust_prop.get("type").cloned(),
                };
                if spec_type != rust_type {
                    self.error(format!(
                        "webhook type {rust_name}: property {p} is {} in {component} but {} in Rust",
                        spec_type.map_or("(untyped)".into(), |t| t.to_string()),
                        rust_type.map_or("(untyped)".into(), |t| t.to_string()),
                    ));
                }
            }
        }
    }

    fn check_unseen_properties(&mut self, ops: &[Operation<'_>]) {
        let mut response_schemas = BTreeSet::new();
        for o in ops {
            if let Some(responses) = o.op["responses"].as_object() {
                for r in responses.values() {
                    reachable(
                        &self.spec,
                        &self.spec.resolve(r)["content"],
                        &mut response_schemas,
                    );
                }
            }
        }
        reachable(
            &self.spec,
            &json!({"$ref": "#/components/schemas/WebhookEnvelope"}),
            &mut response_schemas,
        );
        for name in response_schemas {
            let schema = &self.spec.components()["schemas"][&name];
            if let Some(props) = schema["properties"].as_object() {
                for p in props.keys() {
                    let key = format!("{name}.{p}");
                    if !self.seen.contains(&key) {
                        self.report.warnings.push(format!(
                            "{key} is described by the spec but never seen in a fixture"
                        ));
                    }
                }
            }
        }
    }
}

/// Runs every rule over the project.
pub fn check(project: &Project) -> Report {
    let mut report = Report {
        errors: project.load_errors.clone(),
        warnings: Vec::new(),
    };
    let doc: Value = match yaml_serde::from_str(&project.spec_text) {
        Ok(d) => d,
        Err(e) => {
            report
                .errors
                .push(format!("spec/chatwork.yaml: not YAML: {e}"));
            return report;
        }
    };
    if let Err(e) = codegen::parse_spec(&project.spec_text) {
        report.errors.push(e);
        return report;
    }
    let mut checker = Checker {
        spec: Spec { doc: &doc },
        report,
        seen: BTreeSet::new(),
    };
    let ops = checker.spec.operations();
    checker.check_operation_metadata(&ops);
    checker.check_coverage(&ops, &project.fixtures);
    for f in &project.fixtures {
        if let Some(o) = ops.iter().find(|o| o.id == f.operation) {
            checker.check_fixture(o, f);
        }
    }
    checker.check_webhooks(project);
    checker.check_replacements();
    checker.check_webhook_types();
    checker.check_unseen_properties(&ops);
    let surfaced: Vec<crate::surfaces::Surfaced<'_>> = ops
        .iter()
        .map(|o| crate::surfaces::Surfaced {
            id: &o.id,
            tag: o.op["tags"][0].as_str().unwrap_or_default(),
            upload: !o.op["requestBody"]["content"]["multipart/form-data"].is_null(),
        })
        .collect();
    let (errors, warnings) = crate::surfaces::check(&surfaced, &project.surfaces);
    checker.report.errors.extend(errors);
    checker.report.warnings.extend(warnings);
    match generate::stale(project) {
        Ok(stale) => {
            for path in stale {
                checker.error(format!(
                    "{path} is out of date with the spec: run `cargo xtask gen`"
                ));
            }
        }
        Err(e) => checker.error(format!("cargo xtask gen would fail: {e}")),
    }
    checker.report
}
