//! The spec as `check` reads it: its operations, references resolved, schemas as JSON Schema
//! documents, and the walk that validates a value against one.

use super::*;

pub(super) struct Operation<'a> {
    pub(super) id: String,
    pub(super) method: String,
    pub(super) path: String,
    pub(super) op: &'a Value,
}

pub(super) struct Spec<'a> {
    pub(super) doc: &'a Value,
}

impl<'a> Spec<'a> {
    pub(super) fn components(&self) -> &'a Value {
        &self.doc["components"]
    }

    /// Follows a local `$ref` (one or more levels).
    pub(super) fn resolve(&self, mut v: &'a Value) -> &'a Value {
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

    pub(super) fn operations(&self) -> Vec<Operation<'a>> {
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
    pub(super) fn response(&self, op: &'a Value, status: u16) -> Option<&'a Value> {
        op["responses"]
            .get(status.to_string())
            .map(|r| self.resolve(r))
    }

    /// A JSON Schema document that validates against `schema`, with the spec's components
    /// alongside so `#/components/...` references resolve.
    pub(super) fn schema_document(&self, schema: &Value) -> Value {
        json!({ "components": self.components(), "allOf": [schema] })
    }
}

pub(super) fn pointer_text(p: &str) -> String {
    if p.is_empty() {
        "/".to_owned()
    } else {
        p.to_owned()
    }
}

/// Validates `value` against `schema` (real JSON Schema validation, draft 4, which is what
/// OpenAPI 3.0 schemas are built on). Returns `(json path, message)` pairs.
pub(super) fn validate(
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
pub(super) fn walk(
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
pub(super) fn first_difference(
    a: &Value,
    b: &Value,
    path: &str,
) -> Option<(String, String, String)> {
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
pub(super) fn reachable(spec: &Spec<'_>, schema: &Value, out: &mut BTreeSet<String>) {
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
