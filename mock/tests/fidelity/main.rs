//! Documented Chatwork behaviour the local Chatwork models, checked on the wire: unread,
//! mention and task counts, read marks, links made with a room, leaving a room, who can be
//! added to one, and the shape of every refusal.

use chatwork_mock::{BODY_LIMIT, MockServer};
use reqwest::Method;
use serde_json::{Value, json};

struct Answer {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {:?}", self.body))
    }
}

async fn send(
    mock: &MockServer,
    method: Method,
    path: &str,
    who: &str,
    form: &[(&str, &str)],
) -> Answer {
    let mut request = reqwest::Client::new()
        .request(method.clone(), format!("{}{path}", mock.base_url()))
        .header("x-chatworktoken", mock.token(who));
    if method != Method::GET {
        request = request.form(form);
    }
    let response = request.send().await.unwrap();
    Answer {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        body: response.text().await.unwrap(),
    }
}

async fn project(mock: &MockServer) -> i64 {
    let rooms = send(mock, Method::GET, "/rooms", "alice", &[]).await.json();
    rooms
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "Project")
        .unwrap()["room_id"]
        .as_i64()
        .unwrap()
}

fn assert_chatwork_refusal(answer: &Answer, status: u16, message: &str) {
    assert_eq!(answer.status, status, "{}", answer.body);
    assert_eq!(answer.headers["content-type"], "application/json");
    assert_eq!(answer.json(), json!({"errors": [message]}));
    for h in [
        "x-ratelimit-limit",
        "x-ratelimit-remaining",
        "x-ratelimit-reset",
    ] {
        assert!(answer.headers.contains_key(h), "{status} lacks {h}");
    }
}

mod refusals;
mod uploads;
mod world;
