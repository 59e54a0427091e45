//! Parameter checks derived from the spec: every operation's parameters as the catalog
//! (`operations.rs`, written by `cargo xtask gen`) declares them, refused with Chatwork's 400
//! before the operation's behaviour runs. Chatwork reads the query of a read and the form body
//! of a write; other parameters are ignored, as there.

use crate::operations::{Body, Location, Operation};
use crate::world::Answer;

/// The 400 for a request whose parameters the operation does not take, or `None`.
pub(crate) fn refusal(
    op: &Operation,
    query: &[(String, String)],
    form: &[(String, String)],
    content_type: &str,
) -> Option<Answer> {
    let media = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if op.body == Body::Form && media == "application/json" {
        return Some(bad(
            "The request body must be application/x-www-form-urlencoded, not application/json"
                .into(),
        ));
    }
    for p in op.params {
        let sent = match p.location {
            Location::Query => query,
            Location::Form => form,
            // Path parameters route (an unknown ID is 404); multipart parts are read by the
            // upload itself.
            _ => continue,
        };
        match sent.iter().find(|(k, _)| k == p.name) {
            None if p.required => return Some(bad(format!("Parameter '{}' is required", p.name))),
            None => {}
            Some((_, value)) => {
                if let Some(why) = p.refuse(value) {
                    return Some(bad(why));
                }
            }
        }
    }
    None
}

fn bad(message: String) -> Answer {
    Answer::Error(400, message)
}
