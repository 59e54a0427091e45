//! The custom API call, locked to Chatwork's API host.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::mcp::Call;
use crate::mcp::tools::{Done, Effect, ToolDef, ToolError};

pub fn tools() -> Vec<ToolDef> {
    vec![ToolDef::titled(
        "call_api",
        "Call the Chatwork API",
        "Calls any Chatwork API v2 endpoint by method and path (for example GET /rooms/123/members), with query or form parameters, under the same rate limits. Only Chatwork's API is reachable. GET is always allowed; POST and PUT unless the server is read-only; DELETE only when destructive tools are allowed.",
        Effect::Api,
        call_api,
    )]
}

/// An HTTP method.
#[derive(Deserialize, JsonSchema, Clone, Copy)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    fn name(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApiArgs {
    pub method: Method,
    /// The path after /v2, for example `/rooms/123/messages`.
    #[schemars(regex(pattern = r"^/[A-Za-z0-9_/-]*$"))]
    pub path: String,
    /// Query parameters.
    #[serde(default)]
    pub query: BTreeMap<String, String>,
    /// Form parameters (for POST and PUT).
    #[serde(default)]
    pub form: BTreeMap<String, String>,
}

/// The answer.
#[derive(Serialize, JsonSchema)]
pub struct ApiAnswer {
    pub status: u16,
    /// The body as JSON, when it is JSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub json: Option<serde_json::Value>,
    /// The body as text, when it is not JSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

async fn call_api(call: Call, a: ApiArgs) -> Result<Done<ApiAnswer>, ToolError> {
    let method = a.method.name();
    if !call.mode.allows_method(method) {
        return Err(ToolError::new(format!(
            "{method} is not allowed on this server ({}); GET is",
            if call.mode.read_only {
                "it is read-only"
            } else {
                "start it with --allow-destructive for DELETE"
            }
        )));
    }
    let pairs = |m: &'_ BTreeMap<String, String>| {
        m.iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect::<Vec<_>>()
    };
    let answer = raw_call(&call, method, &a.path, &pairs(&a.query), &pairs(&a.form)).await?;
    let status = answer.status;
    Ok(Done::new(
        answer,
        format!("{method} {} answered {status}.", a.path),
    ))
}

/// One raw call through the SDK (its limits, pacing and retries): `query` for reads, `form`
/// for writes.
pub async fn raw_call(
    call: &Call,
    method: &str,
    path: &str,
    query: &[(String, String)],
    form: &[(String, String)],
) -> Result<ApiAnswer, ToolError> {
    let mut req = call.client().raw(method, path);
    for (k, v) in query {
        req = req.query(k, v);
    }
    for (k, v) in form {
        req = req.form(k, v);
    }
    Ok(ApiAnswer::of(&req.send().await?))
}

impl ApiAnswer {
    /// A raw call's answer: its body as JSON when it is JSON, else as inert text.
    pub fn of(answer: &chatwork::RawResponse) -> Self {
        let status = answer.status();
        let bytes = answer.bytes();
        let (json, text) = match serde_json::from_slice::<serde_json::Value>(bytes) {
            Ok(v) => (Some(v), None),
            Err(_) if bytes.is_empty() => (None, None),
            Err(_) => (
                None,
                Some(crate::mcp::render::inert(&String::from_utf8_lossy(bytes))),
            ),
        };
        Self { status, json, text }
    }
}
