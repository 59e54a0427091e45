//! A typed, careful client for the [Chatwork](https://www.chatwork.com) REST API v2.
//!
//! - Every operation of API v2 (32 of them) as a method of [`Client`] that returns a request
//!   builder: set the parameters, then `send().await` for a [`Response`] (the typed answer, its
//!   status, headers, [`RateLimit`] and the free plan's [`MessageLimitation`]) or an [`Error`].
//! - Chatwork's wire quirks hidden: ID lists go out as `1,2,3`, flags as `0`/`1`, message IDs
//!   stay exact decimal strings, a `204 No Content` list is an empty list, and enums the server
//!   controls keep values this version does not know ([`model`]).
//! - Limits honoured: the token's budget (300 requests per 5 minutes) and each room's posting
//!   pace (10 per 10 seconds) are kept by every clone of a client ([`LocalLimiter`]) or by every
//!   process that shares a Redis (`RedisLimiter`, the `redis` feature); 429s and transient
//!   failures are retried by [`RetryPolicy`], a request that may have reached Chatwork never.
//! - Webhooks verified and typed ([`webhook`]), message notation parsed and built ([`notation`]),
//!   OAuth 2.0 sign-in with a self-refreshing session ([`oauth`], the `oauth` feature).
//! - Tested offline against `chatwork-mock`, a local, stateful Chatwork in the same repository.
//!
//! # Install
//!
//! ```toml
//! [dependencies]
//! chatwork-sdk = "0.1"   # imported as `chatwork`
//! tokio = { version = "1", features = ["macros", "rt-multi-thread"] }
//! ```
//!
//! Features: `rustls` (default) or `native-tls` for TLS (or `plain-http`: loopback only);
//! `oauth`; `axum` (a ready webhook receiver, `webhook::axum`); `redis` (`RedisLimiter`).
//!
//! # Authenticate
//!
//! An API token (Chatwork's settings screen), an OAuth access token, or an OAuth session that
//! refreshes itself ([`Credentials`]). Secrets never appear in `Debug` output, errors or logs.
//!
//! ```no_run
//! use chatwork::{Client, Credentials};
//! # fn run() -> Result<(), chatwork::Error> {
//! let client = Client::from_env()?; // CHATWORK_API_TOKEN
//! let client = Client::new("api-token")?;
//! let client = Client::builder(Credentials::oauth_access_token("access-token"))
//!     .timeout(std::time::Duration::from_secs(30))
//!     .build()?;
//! # let _ = client; Ok(()) }
//! ```
//!
//! # Messages, tasks, rooms, files, contacts
//!
//! ```no_run
//! use chatwork::model::TaskStatus;
//! # async fn run(client: chatwork::Client) -> Result<(), chatwork::Error> {
//! let posted = client.post_message().room_id(123).body("build #42 passed").send().await?;
//! let latest = client.list_messages().room_id(123).force(true).limit(10).send().await?;
//! let task = client
//!     .create_task()
//!     .room_id(123)
//!     .body("Review the release notes")
//!     .to_ids([1001, 1002])
//!     .send()
//!     .await?;
//! let mine = client.list_my_tasks().status(TaskStatus::Open).limit(20).send().await?;
//! let members = client.list_members().room_id(123).send().await?;
//! let uploaded = client
//!     .upload_file()
//!     .room_id(123)
//!     .file("report.csv", b"a,b\n1,2\n".to_vec())
//!     .send()
//!     .await?;
//! let contacts = client.list_contacts().limit(100).send().await?;
//! # let _ = (posted, latest, task, mine, members, uploaded, contacts);
//! # Ok(()) }
//! ```
//!
//! Every operation, its parameters and its answer type are listed on [`Client`]; the builders
//! are in [`request`], the answer types in [`types`]. [`Client::raw`] sends any other call to
//! the API's host (and only there).
//!
//! # Errors
//!
//! ```no_run
//! use chatwork::Error;
//! # async fn run(client: chatwork::Client) {
//! match client.get_me().send().await {
//!     Ok(me) => println!("{} ({:?} requests left)", me.name, me.rate_limit().map(|r| r.remaining)),
//!     Err(Error::InvalidRequest(e)) => println!("not sent: {e}"),
//!     Err(Error::Api(e)) => println!("Chatwork answered {}: {:?}", e.status(), e.errors()),
//!     Err(e) if e.is_retryable() => println!("try again: {e}"),
//!     Err(e) => println!("failed: {e}"),
//! }
//! # }
//! ```
//!
//! # New messages as a stream
//!
//! [`Client::message_stream`] polls a room and yields each new message once
//! ([`MessageStream`]).
//!
//! # Webhooks, notation, OAuth
//!
//! - [`webhook`]: verify the signature over the raw body, then parse the typed event.
//! - [`notation`]: parse `[To:..]`, `[rp ..]`, `[info]`, `[code]`... into a tree, render it as
//!   plain text, and build messages whose text Chatwork shows as written.
//! - [`oauth`]: the consent URL with PKCE, the code exchange, and [`oauth::OAuthSession`],
//!   which refreshes once for all callers and never loses a rotated refresh token.
//!
//! The repository's README covers the `chatwork` command, the local Chatwork, the benchmarks
//! and how the client is generated from its OpenAPI spec.
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]
#![warn(clippy::missing_errors_doc)]

extern crate self as chatwork;

// Where each decision lives (for contributors):
// - what an operation is (path, parameters, limits, answers): `spec/chatwork.yaml`, compiled
//   into `generated/` (the client, `catalog`); `contract` is the one door from generated code
//   to this crate, `transport` runs the generated calls and decodes their answers;
// - how a request is authenticated: `credentials` (API token, OAuth token or session);
//   where a secret may be sent: `urls`; that it is never printed: `secret`;
// - whether to wait, retry or give up after each attempt: `policy::decide` (a pure function);
//   the loop that carries it out: `policy`; the budget and room pace: `limiter`
//   (`redis_limiter` across processes);
// - what an error is and whether it is retryable: `error`;
// - OAuth (consent, token endpoint, the refreshing session, token stores): `oauth`; many
//   connections in one process: `fleet`;
// - webhooks (verify, parse, receive): `webhook`; message notation: `notation`;
// - uploads: `upload`; custom calls: `raw`; polling: `poll`; the one random source: `random`.

#[cfg(not(any(feature = "rustls", feature = "native-tls", feature = "plain-http")))]
compile_error!(
    "chatwork-sdk needs a TLS feature to reach https://api.chatwork.com: `rustls` (the default) or `native-tls`; or `plain-http` for a local Chatwork on loopback only"
);

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

#[rustfmt::skip]
#[path = "../generated/catalog.rs"]
pub mod catalog;
mod client;
mod contract;
mod credentials;
mod error;
#[cfg(feature = "oauth")]
#[cfg_attr(docsrs, doc(cfg(feature = "oauth")))]
pub mod fleet;
mod limiter;
pub mod model;
pub mod notation;
#[cfg(feature = "oauth")]
#[cfg_attr(docsrs, doc(cfg(feature = "oauth")))]
pub mod oauth;
mod policy;
mod poll;
mod random;
mod raw;
#[cfg(feature = "redis")]
mod redis_conn;
#[cfg(feature = "redis")]
mod redis_limiter;
mod response;
mod secret;
#[cfg(feature = "spec-tools")]
#[doc(hidden)]
pub mod spec_tools;
mod timestamps;
mod transport;
mod upload;
mod urls;
pub mod webhook;

/// progenitor's output for `spec/chatwork.yaml`. Private: [`types`] re-exports the answer
/// types, and the request builders in [`request`] wrap the rest.
#[allow(missing_docs, unused_imports, dead_code, clippy::all, clippy::pedantic)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/chatwork.rs"));
}

#[allow(clippy::all, clippy::pedantic)]
mod requests {
    include!(concat!(env!("OUT_DIR"), "/requests.rs"));
}

pub use client::{Client, ClientBuilder, DEFAULT_BASE_URL, TOKEN_ENV};
pub use credentials::{Credentials, TOKEN_HEADER};
pub use error::{
    ApiError, DecodeError, Error, InvalidKind, InvalidRequest, TransportError, WwwAuthenticate,
};
pub use limiter::{
    LimiterError, LimiterFuture, LocalLimiter, PostReservation, PostSlot, RateLimiter,
};
pub use model::{
    AccountId, AccountIds, FileId, Flag, MessageId, RequestId, RoomId, TaskId, UnixTime,
};
pub use policy::{RetryPolicy, Wait, WaitReason};
pub use poll::MessageStream;
pub use raw::{RawRequest, RawResponse};
#[cfg(feature = "redis")]
#[cfg_attr(docsrs, doc(cfg(feature = "redis")))]
pub use redis_conn::RedisConnection;
#[cfg(feature = "redis")]
#[cfg_attr(docsrs, doc(cfg(feature = "redis")))]
pub use redis_limiter::{RedisFallback, RedisLimiter, RedisLimiterBuilder};
pub use requests::{request, types};
/// The HTTP method of a [`Client::raw`] call (re-exported from `http`, so that no direct
/// dependency is needed).
pub use reqwest::Method;
/// The crates whose types appear in this API, at the versions it uses: `reqwest` (the
/// `ClientBuilder` taken by [`ClientBuilder::http_client_builder`]), `http` (the headers of a
/// [`Response`]) and `bytes` (the body of a [`RawResponse`]).
pub use {bytes, http, reqwest};

/// This crate's version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The version of Chatwork's API this client speaks (`info.version` of its OpenAPI document,
/// `spec/chatwork.yaml`): `"2"`.
pub fn api_version() -> &'static str {
    <generated::Client as progenitor_client::ClientInfo<policy::Inner>>::api_version()
}
pub use response::{MessageLimitation, RateLimit, Response};
pub use secret::Secret;
pub use upload::{MAX_UPLOAD_BYTES, UploadFile};
