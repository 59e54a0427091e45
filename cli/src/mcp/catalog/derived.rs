//! Tools derived from the spec's catalog (`chatwork::catalog`) for operations that have no
//! hand-written tool: named by the operation's ID, described by its summary and description,
//! with an input schema from its parameters (types, enums, limits, required), offered by its
//! method's effect (GET reads, POST creates, PUT updates, DELETE is destructive), checked as
//! Chatwork checks (the parameter named, and why) before anything is sent, and called through
//! the SDK's raw call (limits, pacing, retries as for every call). Uploads need a tool of
//! their own.

use chatwork::catalog::{Body, Charset, Kind, Operation};
use rmcp::model::JsonObject;
use serde_json::{Value, json};

use super::api::raw_call;
use crate::mcp::Call;
use crate::mcp::tools::{Done, Effect, ToolDef, ToolError};
use crate::operation::request;

/// A tool for every operation of the catalog that `hand` has no tool for.
pub fn missing(hand: &[ToolDef]) -> Vec<ToolDef> {
    chatwork::catalog::OPERATIONS
        .iter()
        .filter(|op| op.body != Body::Multipart)
        .filter(|op| !hand.iter().any(|t| t.name == op.id))
        .map(tool)
        .collect()
}

/// The tool of one operation.
pub fn tool(op: &'static Operation) -> ToolDef {
    let effect = match op.method {
        "GET" => Effect::Read,
        "POST" => Effect::Create,
        "PUT" => Effect::Update,
        _ => Effect::Destructive,
    };
    ToolDef::from_schema(
        op.id,
        op.summary,
        op.description,
        effect,
        input_schema(op),
        move |call: Call, args: Value| async move {
            let request = request(op, &args).map_err(ToolError::new)?;
            let answer = raw_call(
                &call,
                op.method,
                &request.path,
                &request.query,
                &request.form,
            )
            .await?;
            let status = answer.status;
            Ok(Done::new(answer, format!("{} answered {status}.", op.id)))
        },
    )
}

/// The JSON Schema of an operation's arguments.
pub fn input_schema(op: &Operation) -> JsonObject {
    let mut properties = serde_json::Map::new();
    let mut required = Vec::new();
    for p in op.params.iter().filter(|p| p.kind != Kind::File) {
        let mut s = match p.kind {
            Kind::Integer { min, max } => {
                let mut s = json!({"type": "integer"});
                if let Some(m) = min {
                    s["minimum"] = m.into();
                }
                if let Some(m) = max {
                    s["maximum"] = m.into();
                }
                s
            }
            Kind::OneOf(values) => json!({"type": "string", "enum": values}),
            Kind::Text { min, max, charset } => {
                let mut s = json!({"type": "string"});
                if let Some(m) = min {
                    s["minLength"] = m.into();
                }
                if let Some(m) = max {
                    s["maxLength"] = m.into();
                }
                if let Some(pattern) = charset.map(|c| match c {
                    Charset::Digits => "^[0-9]+$",
                    Charset::DigitList => "^[0-9]+(,[0-9]+)*$",
                    _ => "^[A-Za-z0-9_-]+$",
                }) {
                    s["pattern"] = pattern.into();
                }
                s
            }
            _ => json!({}),
        };
        s["description"] = p.description.into();
        properties.insert(p.name.to_owned(), s);
        if p.required {
            required.push(p.name);
        }
    }
    let schema = json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    });
    match schema {
        Value::Object(map) => map,
        _ => JsonObject::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(id: &str) -> &'static Operation {
        chatwork::catalog::operation(id).unwrap()
    }

    #[test]
    fn every_operation_has_a_derived_schema_and_the_hand_written_tools_cover_them_all() {
        let schema = Value::Object(input_schema(op("list_room_tasks")));
        assert_eq!(
            schema["properties"]["status"]["enum"],
            json!(["open", "done"])
        );
        assert_eq!(schema["properties"]["room_id"]["type"], "integer");
        assert_eq!(schema["required"], json!(["room_id"]));
        assert_eq!(schema["additionalProperties"], false);
        for op in chatwork::catalog::OPERATIONS {
            let tool = tool(op);
            assert_eq!(tool.name, op.id);
        }
        // Every operation of the catalog has a tool of its name: hand-written, or derived for
        // the ones without (uploads excepted: they need a file).
        let all = super::super::all();
        assert!(missing(&all).is_empty());
        for op in chatwork::catalog::OPERATIONS {
            let tools = all.iter().filter(|t| t.name == op.id).count();
            assert!(
                tools == 1 || (tools == 0 && op.body == Body::Multipart),
                "{}: {tools} tools",
                op.id
            );
        }
    }

    /// A hand-written tool may name its arguments for agents (`assigned_by_id`), but an
    /// argument that has the name of one of the operation's parameters takes what the spec says
    /// it takes: the same enum, and no integer outside the spec's range.
    #[test]
    fn hand_written_tools_agree_with_the_spec_on_the_parameters_they_share() {
        let mut disagreements = Vec::new();
        let mut enums_compared = 0;
        for tool in super::super::all() {
            let Some(op) = chatwork::catalog::operation(tool.name) else {
                continue;
            };
            let derived = input_schema(op);

            let (Some(Value::Object(hand)), Some(Value::Object(spec))) = (
                tool.input_schema.get("properties"),
                derived.get("properties"),
            ) else {
                continue;
            };
            for (name, h) in hand {
                let Some(d) = spec.get(name) else { continue };
                // An enum given in place, behind a `$ref` to the schema's `$defs`, or as one
                // branch of an `anyOf` (an optional argument).
                let defs = tool.input_schema.get("$defs");
                let enums = |v: &Value| {
                    let resolve = |v: &Value| match v.get("$ref").and_then(Value::as_str) {
                        Some(r) => defs
                            .and_then(|d| d.get(r.trim_start_matches("#/$defs/")))
                            .cloned()
                            .unwrap_or(Value::Null),
                        None => v.clone(),
                    };
                    let mut branches = vec![resolve(v)];
                    if let Some(Value::Array(any)) = v.get("anyOf") {
                        branches.extend(any.iter().map(resolve));
                    }
                    let mut e: Vec<String> = branches
                        .iter()
                        .filter_map(|b| b.get("enum").and_then(Value::as_array))
                        .flatten()
                        .filter_map(|x| x.as_str().map(str::to_owned))
                        .collect();
                    e.sort();
                    e
                };
                if !enums(d).is_empty() && !enums(h).is_empty() {
                    enums_compared += 1;
                }
                if !enums(d).is_empty() && !enums(h).is_empty() && enums(d) != enums(h) {
                    disagreements.push(format!(
                        "{}.{name}: enum {:?} vs the spec's {:?}",
                        tool.name,
                        enums(h),
                        enums(d)
                    ));
                }
                for (bound, outside) in [("minimum", -1.0), ("maximum", 1.0)] {
                    let (Some(dv), hv) = (
                        d.get(bound).and_then(Value::as_f64),
                        h.get(bound).and_then(Value::as_f64),
                    ) else {
                        continue;
                    };
                    if hv.is_none_or(|hv| (hv - dv) * outside > 0.0) {
                        disagreements.push(format!(
                            "{}.{name}: {bound} {hv:?} vs the spec's {dv}",
                            tool.name
                        ));
                    }
                }
            }
        }
        assert!(disagreements.is_empty(), "{disagreements:#?}");
        assert!(
            enums_compared >= 2,
            "the shared enums were not all compared"
        );
    }
}
