//! `cargo xtask check`: does the spec still agree with what Chatwork sends?

use std::collections::{BTreeMap, BTreeSet};

use base64::Engine as _;
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

use crate::{Fixture, Project, codegen, generate};

mod spec;
mod webhooks;

use spec::*;

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
