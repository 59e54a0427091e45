//! An operation of the spec's catalog (`chatwork::catalog`) as a request: its arguments
//! checked as Chatwork checks them (the parameter named, and why) and placed in its path, query
//! or form. The CLI's derived commands and the MCP server's derived tools both send through
//! this, so a bad argument gets the same words on both.

use chatwork::catalog::{Location, Operation};
use serde_json::Value;

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
    use serde_json::json;

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
}
