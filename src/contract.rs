//! The one declared contract between the generated code and the hand-written crate.
//!
//! `generated/chatwork.rs` (progenitor's client) and `generated/requests.rs` (the public
//! request builders) are written by `codegen/` (through `cargo xtask gen`, or by `build.rs`
//! with the `codegen` feature). They reach hand-written code only through the names below,
//! as `crate::contract::...` paths (`cargo test -p xtask` fails on any other `crate::` path
//! in them), plus the public wire types of [`crate::model`] by their public paths, and the
//! crate-private method `Client::generated()` that hands them the generated client. Renaming
//! or moving anything here means changing `codegen/` and regenerating.

/// The client the builders' constructors are methods of (`impl crate::contract::Client`).
pub(crate) use crate::client::Client;
/// The error of every `send()`, and [`Error::invalid`] with the [`InvalidKind`] of a
/// parameter refused before sending (a value that does not convert, a required one unset).
pub(crate) use crate::error::{Error, InvalidKind};
/// The state of the generated client that progenitor's hooks get (`with_inner_type`).
pub(crate) use crate::policy::Inner;
/// The answer of every `send()`.
pub(crate) use crate::response::Response;
/// What every `send()` ends with: runs the generated call under the hooks and turns its
/// outcome into [`Response`] or [`Error`] (`finish_list` also applies the builder's `limit`).
pub(crate) use crate::transport::{finish, finish_list};
/// The hand-written builder of the multipart upload, re-exported next to the generated ones
/// (public: `chatwork::request::UploadFile`).
pub use crate::upload::UploadFile;
