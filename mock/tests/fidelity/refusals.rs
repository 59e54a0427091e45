//! Refusals: JSON with the rate-limit headers, and parameters refused as the spec declares them.

use super::*;

#[tokio::test]
async fn every_refusal_under_v2_is_json_with_the_rate_limit_headers() {
    let mock = MockServer::start().await;
    let room = project(&mock).await;
    let not_found = send(&mock, Method::GET, "/no/such/path", "alice", &[]).await;
    assert_chatwork_refusal(&not_found, 404, "Resource not found");
    let wrong_method = send(
        &mock,
        Method::PATCH,
        &format!("/rooms/{room}"),
        "alice",
        &[],
    )
    .await;
    assert_chatwork_refusal(&wrong_method, 405, "Method Not Allowed");
    let with_query = send(
        &mock,
        Method::POST,
        &format!("/rooms/{room}?method=PUT"),
        "alice",
        &[("name", "x")],
    )
    .await;
    assert_chatwork_refusal(&with_query, 405, "Method Not Allowed");
    // The 404 and 405 count against the token's budget like any request.
    let remaining = |a: &Answer| {
        a.headers["x-ratelimit-remaining"]
            .to_str()
            .unwrap()
            .parse::<u32>()
            .unwrap()
    };
    assert_eq!(remaining(&not_found) - remaining(&with_query), 2);

    // A body larger than the local Chatwork reads at all.
    let huge = reqwest::Client::new()
        .post(format!("{}/rooms/{room}/messages", mock.base_url()))
        .header("x-chatworktoken", mock.token("alice"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(vec![b'a'; BODY_LIMIT + 1])
        .send()
        .await
        .unwrap();
    let huge = Answer {
        status: huge.status().as_u16(),
        headers: huge.headers().clone(),
        body: huge.text().await.unwrap(),
    };
    assert_chatwork_refusal(&huge, 413, "Request Entity Too Large");
    // Nothing was posted.
    let posted = send(
        &mock,
        Method::GET,
        &format!("/rooms/{room}/messages?force=1"),
        "alice",
        &[],
    )
    .await;
    assert_eq!(posted.status, 204);
}

/// Parameters are checked as the spec declares them (`mock/src/operations.rs`, written by
/// `cargo xtask gen`), before any behaviour: each refusal is Chatwork's 400 naming the
/// parameter and why, and changes nothing.
#[tokio::test]
async fn parameters_are_refused_as_the_spec_declares_them() {
    let mock = MockServer::start().await;
    let room = project(&mock).await;
    type Case = (Method, String, Vec<(&'static str, String)>, &'static str);
    let cases: Vec<Case> = vec![
        // A string where an integer is due (it was ignored, listing every file).
        (
            Method::GET,
            format!("/rooms/{room}/files?account_id=bob"),
            vec![],
            "Parameter 'account_id' must be an integer",
        ),
        // An unknown enum value.
        (
            Method::GET,
            format!("/rooms/{room}/tasks?status=closed"),
            vec![],
            "Parameter 'status' must be open or done",
        ),
        (
            Method::DELETE,
            format!("/rooms/{room}"),
            vec![("action_type", "archive".into())],
            "Parameter 'action_type' must be leave or delete",
        ),
        // A missing required field.
        (
            Method::POST,
            format!("/rooms/{room}/tasks"),
            vec![("body", "Review".into())],
            "Parameter 'to_ids' is required",
        ),
        // A length out of range.
        (
            Method::PUT,
            format!("/rooms/{room}"),
            vec![("name", "n".repeat(256))],
            "Parameter 'name' must be 1 to 255 characters",
        ),
        // Not a list of IDs.
        (
            Method::POST,
            format!("/rooms/{room}/tasks"),
            vec![("body", "Review".into()), ("to_ids", "1002,,1003".into())],
            "Parameter 'to_ids' must be comma-separated decimal numbers",
        ),
    ];
    for (method, path, form, message) in cases {
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let answer = send(&mock, method.clone(), &path, "alice", &form).await;
        assert_chatwork_refusal(&answer, 400, message);
    }
    // A JSON body where Chatwork reads a form.
    let json_body = reqwest::Client::new()
        .post(format!("{}/rooms/{room}/messages", mock.base_url()))
        .header("x-chatworktoken", mock.token("alice"))
        .json(&json!({"body": "hello"}))
        .send()
        .await
        .unwrap();
    assert_eq!(json_body.status(), 400);
    assert_eq!(
        json_body.json::<Value>().await.unwrap(),
        json!({"errors": ["The request body must be application/x-www-form-urlencoded, not application/json"]})
    );
    // Nothing was changed by any of them.
    let tasks = send(
        &mock,
        Method::GET,
        &format!("/rooms/{room}/tasks"),
        "alice",
        &[],
    )
    .await;
    assert_eq!(tasks.status, 204, "{}", tasks.body);
    let got = send(&mock, Method::GET, &format!("/rooms/{room}"), "alice", &[]).await;
    assert_eq!(got.json()["name"], "Project");
}
