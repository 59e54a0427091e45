//! Helpers shared by the mock's end-to-end tests.

#![allow(dead_code)]

use chatwork::{Client, Credentials, RetryPolicy};
use chatwork_mock::MockServer;

/// A client of a seeded account (`alice`, `bob`, ...) on the mock, without retries.
pub fn client(mock: &MockServer, who: &str) -> Client {
    Client::builder(Credentials::api_token(mock.token(who)))
        .base_url(mock.base_url())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap()
}

/// The seed's group chat "Project".
pub async fn project(c: &Client) -> chatwork::RoomId {
    c.list_rooms()
        .send()
        .await
        .unwrap()
        .iter()
        .find(|r| r.name == "Project")
        .unwrap()
        .room_id
}
