//! Shared helpers for the contract tests: a mock Chatwork on loopback that matches the
//! exact method, path, token header, query string and body of a request.

#![allow(dead_code)]

use httpmock::Mock;
use httpmock::prelude::*;
use serde_json::Value;

pub const TOKEN: &str = "test-token-S3CRET-0123456789abcdef";

/// What one request must look like on the wire.
pub struct Wire {
    pub method: &'static str,
    pub path: &'static str,
    /// The exact query string (`None`: no query string at all).
    pub query: Option<&'static str>,
    /// The exact form body (`None`: an empty body and no form content type).
    pub form: Option<&'static str>,
}

pub fn get(path: &'static str) -> Wire {
    Wire {
        method: "GET",
        path,
        query: None,
        form: None,
    }
}

pub fn client(server: &MockServer) -> chatwork::Client {
    chatwork::Client::builder(chatwork::Credentials::api_token(TOKEN))
        .base_url(server.base_url())
        .build()
        .expect("client")
}

/// A client that never retries and never waits, to see each error as Chatwork sent it.
pub fn client_no_retry(server: &MockServer) -> chatwork::Client {
    chatwork::Client::builder(chatwork::Credentials::api_token(TOKEN))
        .base_url(server.base_url())
        .retry_policy(chatwork::RetryPolicy::none())
        .no_rate_limiting()
        .build()
        .expect("client")
}

/// The spec's example for an operation's response with `status`.
pub fn example(operation_id: &str, status: u16) -> Value {
    let spec: Value =
        yaml_serde::from_str(include_str!("../../spec/chatwork.yaml")).expect("spec parses");
    for (_path, item) in spec["paths"].as_object().unwrap() {
        for (_method, op) in item.as_object().unwrap() {
            if op.get("operationId").and_then(Value::as_str) == Some(operation_id) {
                let example =
                    &op["responses"][status.to_string()]["content"]["application/json"]["example"];
                assert!(!example.is_null(), "{operation_id} has no {status} example");
                return example.clone();
            }
        }
    }
    panic!("no operation {operation_id} in the spec");
}

/// Mocks one exchange: the request must match `wire` exactly; the answer is `status`
/// with `body` and the rate-limit headers.
pub async fn mock<'a>(server: &'a MockServer, wire: Wire, status: u16, body: &str) -> Mock<'a> {
    let body = body.to_owned();
    server
        .mock_async(move |when, then| {
            let query = wire.query;
            let form = wire.form;
            let mut when = when
                .method(wire.method)
                .path(wire.path)
                .header("x-chatworktoken", TOKEN)
                .header_missing("api-version")
                .is_true(move |req| req.uri().query() == query);
            when = match form {
                Some(form) => when
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(form),
                None => when
                    .header_missing("content-type")
                    .is_true(|req| req.body_ref().is_empty()),
            };
            let _ = when;
            then.status(status)
                .header("content-type", "application/json; charset=utf-8")
                .header("x-ratelimit-limit", "300")
                .header("x-ratelimit-remaining", "299")
                .header("x-ratelimit-reset", "1700000300")
                .body(body);
        })
        .await
}

/// Serves the spec's 200 example for `operation_id`.
pub async fn mock_example<'a>(
    server: &'a MockServer,
    operation_id: &str,
    wire: Wire,
) -> (Mock<'a>, Value) {
    let example = example(operation_id, 200);
    let mock = mock(server, wire, 200, &example.to_string()).await;
    (mock, example)
}

/// Asserts that a decoded value re-encodes to exactly the example it came from.
pub fn assert_lossless<T: serde::Serialize>(decoded: &T, example: &Value) {
    assert_eq!(&serde_json::to_value(decoded).unwrap(), example);
}

/// Asserts the rate-limit snapshot of the mocked answers.
pub fn assert_rate_limit<T>(response: &chatwork::Response<T>) {
    let rl = response.rate_limit().expect("rate-limit headers");
    assert_eq!(
        (rl.limit, rl.remaining, rl.reset),
        (300, 299, 1_700_000_300)
    );
}
