//! Several profiles in one server (`chatwork mcp --profile work --profile home`): every tool
//! takes a `profile` argument naming the account it acts for, and each profile has its own
//! gate (`--read-only=NAME`, `--allow-destructive=NAME`; a bare flag is every profile).

use std::sync::Arc;

use chatwork::oauth::{ConnectionState, OAuthSession};
use rmcp::model::JsonObject;
use serde_json::{Value, json};

use super::Account;
use super::tools::Mode;
use crate::failure::Failure;
use crate::profile::Profile;

/// The argument that names the profile of a call.
pub const ARGUMENT: &str = "profile";

/// What a flag's bare form means: every profile.
pub const EVERY: &str = "*";

/// One profile the server acts for.
pub struct Served {
    pub profile: Profile,
    pub account: Arc<Account>,
    pub mode: Mode,
    /// Its OAuth session, when it is a sign-in: an ended one is named before any call.
    pub session: Option<Arc<OAuthSession>>,
}

/// The profiles of a server that serves several.
pub struct Profiles(pub Vec<Served>);

/// Each profile's mode from the flags; a profile both read-only and destructive, or a flag
/// naming a profile the server does not serve, is refused.
pub fn modes(
    names: &[String],
    read_only: &[String],
    destructive: &[String],
) -> Result<Vec<Mode>, Failure> {
    for (flag, given) in [
        ("--read-only", read_only),
        ("--allow-destructive", destructive),
    ] {
        if let Some(unknown) = given.iter().find(|g| *g != EVERY && !names.contains(g)) {
            return Err(Failure::usage(format!(
                "{flag}={unknown} names a profile this server does not serve"
            ))
            .hint(match names {
                [] => "serve it with --profile NAME, or give the flag without a name".to_owned(),
                _ => format!("it serves {}", names.join(", ")),
            }));
        }
    }
    let named = |given: &[String], name: Option<&String>| {
        given.iter().any(|g| g == EVERY || Some(g) == name)
    };
    let one = |name: Option<&String>| {
        let mode = Mode {
            read_only: named(read_only, name),
            allow_destructive: named(destructive, name),
        };
        if mode.read_only && mode.allow_destructive {
            return Err(Failure::usage(format!(
                "{} is both --read-only and --allow-destructive",
                name.map_or("the server".to_owned(), |n| format!("profile {n}"))
            )));
        }
        Ok(mode)
    };
    match names {
        [] => Ok(vec![one(None)?]),
        _ => names.iter().map(|n| one(Some(n))).collect(),
    }
}

/// What a server of these modes lists: a tool is offered when one profile may use it.
pub fn union(modes: &[Mode]) -> Mode {
    Mode {
        read_only: modes.iter().all(|m| m.read_only),
        allow_destructive: modes.iter().any(|m| m.allow_destructive && !m.read_only),
    }
}

impl Profiles {
    /// The profile a call names (the argument is taken out of `args`).
    pub fn pick(&self, args: &mut JsonObject) -> Result<&Served, String> {
        let names = || self.names().join(", ");
        match args.remove(ARGUMENT) {
            Some(Value::String(name)) => {
                self.0
                    .iter()
                    .find(|s| s.profile.name == name)
                    .ok_or_else(|| {
                        format!("no profile {name:?} on this server: it serves {}", names())
                    })
            }
            Some(other) => Err(format!(
                "`profile` must be the name of a profile ({}), not {other}",
                names()
            )),
            None => Err(format!(
                "which account? give `profile`: one of {} (get_me tells whose each is)",
                names()
            )),
        }
    }

    /// The profile of requests that name none (resources and subscriptions): the first.
    pub fn first(&self) -> Option<&Served> {
        self.0.first()
    }

    fn names(&self) -> Vec<&str> {
        self.0.iter().map(|s| s.profile.name.as_str()).collect()
    }

    /// A tool's input schema with the required `profile` argument.
    pub fn schema(&self, schema: &JsonObject) -> JsonObject {
        let mut schema = schema.clone();
        let described: Vec<String> = self
            .0
            .iter()
            .map(|s| match s.profile.identity() {
                Some(i) => format!("{} ({}, {})", s.profile.name, i.name, i.account_id),
                None => s.profile.name.clone(),
            })
            .collect();
        let property = json!({
            "type": "string",
            "enum": self.names(),
            "description": format!("The Chatwork account to act as, by profile: {}.", described.join(", ")),
        });
        match schema.get_mut("properties") {
            Some(Value::Object(p)) => {
                p.insert(ARGUMENT.to_owned(), property);
            }
            _ => {
                schema.insert("properties".into(), json!({ ARGUMENT: property }));
            }
        }
        match schema.get_mut("required") {
            Some(Value::Array(r)) => r.push(json!(ARGUMENT)),
            _ => {
                schema.insert("required".into(), json!([ARGUMENT]));
            }
        }
        schema
    }

    /// Why a profile's sign-in can no longer be used, if it cannot (Chatwork refused its
    /// refresh token), with the command that renews it.
    pub fn ended(served: &Served) -> Option<String> {
        let state = served.session.as_ref()?.state()?;
        let ConnectionState::NeedsConsent { error, .. } = state else {
            return None;
        };
        let ended = served
            .profile
            .ended(&format!("Chatwork refused its refresh token ({error})"));
        Some(super::tools::ToolError::from(ended).0)
    }
}
