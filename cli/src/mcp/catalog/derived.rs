//! Tools derived from the spec's catalog (`chatwork::catalog`) for operations that have no
//! hand-written tool: named by the operation's ID, described by its summary and description,
//! with an input schema from its parameters (types, enums, limits, required), offered by its
//! method's effect (GET reads, POST creates, PUT updates, DELETE is destructive), checked as
//! Chatwork checks (the parameter named, and why) before anything is sent, and called through
//! the SDK's raw call (limits, pacing, retries as for every call). Uploads need a tool of
//! their own.

use chatwork::catalog::{Body, Charset, Kind, Location, Operation};
use rmcp::model::JsonObject;
use serde_json::{Value, json};

use super::api::raw_call;
use crate::mcp::Call;
use crate::mcp::tools::{Done, Effect, ToolDef, ToolError};

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

/// What an operation's call sends.
#[derive(Debug, PartialEq, Eq)]
pub struct Request {
    pub path: String,
    pub query: Vec<(String, String)>,
    pub form: Vec<(String, String)>,
}

/// The request for `args`, or why Chatwork would refuse it (naming the parameter).
pub fn request(op: &Operation, args: &Value) -> Result<Request, String> {
    let empty = serde_json::Map::new();
    let args = match args {
        Value::Object(map) => map,
        Value::Null => &empty,
        _ => return Err("the arguments must be an object".into()),
    };
    if let Some(unknown) = args.keys().find(|k| op.param(k).is_none()) {
        return Err(format!(
            "{} takes no parameter '{unknown}' (it takes: {})",
            op.id,
            op.params
                .iter()
                .map(|p| p.name)
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let mut request = Request {
        path: op.path.to_owned(),
        query: Vec::new(),
        form: Vec::new(),
    };
    for p in op.params {
        let value = match args.get(p.name) {
            None | Some(Value::Null) if p.required => {
                return Err(format!("Parameter '{}' is required", p.name));
            }
            None | Some(Value::Null) => continue,
            Some(Value::String(s)) => s.clone(),
            Some(Value::Bool(b)) => if *b { "1" } else { "0" }.to_owned(),
            Some(Value::Number(n)) => n.to_string(),
            Some(_) => {
                return Err(format!("Parameter '{}' must be {}", p.name, p.values()));
            }
        };
        if let Some(why) = p.refuse(&value) {
            return Err(why);
        }
        match p.location {
            Location::Path => {
                request.path = request.path.replace(&format!("{{{}}}", p.name), &value);
            }
            Location::Query => request.query.push((p.name.to_owned(), value)),
            _ => request.form.push((p.name.to_owned(), value)),
        }
    }
    Ok(request)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(id: &str) -> &'static Operation {
        chatwork::catalog::operation(id).unwrap()
    }

    #[test]
    fn arguments_are_checked_as_chatwork_checks_them() {
        let files = op("list_files");
        assert_eq!(
            request(files, &json!({"room_id": 101, "account_id": 1002})),
            Ok(Request {
                path: "/rooms/101/files".into(),
                query: vec![("account_id".into(), "1002".into())],
                form: vec![],
            })
        );
        assert_eq!(
            request(files, &json!({"room_id": 101, "account_id": "bob"})),
            Err("Parameter 'account_id' must be an integer".into())
        );
        assert_eq!(
            request(files, &json!({})),
            Err("Parameter 'room_id' is required".into())
        );
        let task = op("create_task");
        assert_eq!(
            request(
                task,
                &json!({"room_id": 1, "body": "x", "to_ids": "1,2", "limit_type": "soon"})
            ),
            Err("Parameter 'limit_type' must be none, date or time".into())
        );
        assert_eq!(
            request(task, &json!({"room_id": 1, "body": "", "to_ids": "1"})),
            Err("Parameter 'body' must be 1 to 65535 characters".into())
        );
        assert!(
            request(task, &json!({"room_id": 1, "colour": "red"}))
                .unwrap_err()
                .starts_with("create_task takes no parameter 'colour'")
        );
        let done = request(
            op("update_task_status"),
            &json!({"room_id": 1, "task_id": 7, "body": "done"}),
        )
        .unwrap();
        assert_eq!(done.path, "/rooms/1/tasks/7/status");
        assert_eq!(done.form, vec![("body".to_owned(), "done".to_owned())]);
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
        // Today every operation has a hand-written tool, so none is derived.
        let hand: Vec<ToolDef> = super::super::all()
            .into_iter()
            .filter(|t| chatwork::catalog::operation(t.name).is_some())
            .collect();
        assert_eq!(hand.len(), 32);
        assert!(missing(&hand).is_empty());
    }
}
