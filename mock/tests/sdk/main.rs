//! Real flows through the SDK against the mock.

#[path = "../common/mod.rs"]
mod common;
use common::{client, project};

use std::time::{Duration, Instant};

use chatwork::model::Role;
use chatwork::types::RoomActionType;
use chatwork::{Client, Credentials, RetryPolicy};
use chatwork_mock::{Limits, MockServer, Seed};

mod links_files_oauth;
mod messaging;
