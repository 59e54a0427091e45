#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]
#![warn(clippy::missing_errors_doc)]

extern crate self as chatwork;

mod client;
mod contract;
mod credentials;
mod error;
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
mod redis_limiter;
mod response;
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
pub use policy::RetryPolicy;
pub use poll::MessageStream;
pub use raw::{RawRequest, RawResponse};
#[cfg(feature = "redis")]
#[cfg_attr(docsrs, doc(cfg(feature = "redis")))]
pub use redis_limiter::{RedisFallback, RedisLimiter, RedisLimiterBuilder};
pub use requests::{request, types};
/// The HTTP method of a [`Client::raw`] call (re-exported from `http`, so that no direct
/// dependency is needed).
pub use reqwest::Method;
pub use response::{MessageLimitation, RateLimit, Response};
pub use upload::{MAX_UPLOAD_BYTES, UploadFile};
