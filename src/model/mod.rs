//! Hand-written wire types that replace schemas of the spec in the generated code.
//!
//! They hide Chatwork's wire quirks: ID lists travel as one comma-separated string,
//! flags as `0`/`1`, message IDs as decimal strings above 2^53, and every enum the server
//! controls keeps values this version does not know instead of failing the response.

mod enums;
mod ids;

pub use enums::*;
pub use ids::*;

/// The error of converting a value into one of this module's types.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InvalidValue(String);
