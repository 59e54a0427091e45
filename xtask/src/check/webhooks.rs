//! `check` on the webhook side: the recorded deliveries verify and parse, the spec's replacements
//! hold, and the webhook types match the spec.

use super::*;

impl Checker<'_> {
    pub(super) fn check_webhooks(&mut self, project: &Project) {
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

    pub(super) fn check_replacements(&mut self) {
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
    pub(super) fn check_webhook_types(&mut self) {
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
}
