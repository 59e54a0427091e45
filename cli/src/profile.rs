//! Profiles: named credentials, so that one person reaches several Chatwork accounts
//! (`chatwork login --profile work`, then `--profile work` or `CHATWORK_PROFILE=work` on any
//! command). The default profile is the files every command read before there were profiles
//! (`oauth.json` and `token` in the configuration directory); a named one lives in
//! `profiles/<name>/` there. Each holds one credential: an OAuth sign-in or an API token,
//! and the account it was checked to be when it was saved.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::failure::{Exit, Failure, Result};

/// The profile of the files outside `profiles/`.
pub const DEFAULT: &str = "default";

/// One profile: its name and where its files are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    pub name: String,
    dir: PathBuf,
}

/// What a profile holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Signed in with `chatwork login --profile NAME`.
    OAuth,
    /// An API token, saved with `chatwork login --profile NAME --with-token`.
    Token,
}

/// The account a profile's credential was checked to be when it was saved, and the API's
/// base URL it was checked against when that was not Chatwork's.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Identity {
    pub account_id: i64,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
}

impl Profile {
    /// The profile `name`: 1 to 64 letters, digits, `-` and `_`.
    pub fn named(name: &str) -> Result<Self> {
        let valid = !name.is_empty()
            && name.len() <= 64
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'));
        if !valid {
            return Err(Failure::usage(format!(
                "{name:?} is not a profile name: use 1 to 64 letters, digits, '-' or '_'"
            )));
        }
        let config = crate::paths::config_dir()
            .ok_or_else(|| Failure::usage("no home directory: set HOME or XDG_CONFIG_HOME"))?;
        let dir = if name == DEFAULT {
            config
        } else {
            config.join("profiles").join(name)
        };
        Ok(Self {
            name: name.to_owned(),
            dir,
        })
    }

    /// Every profile that holds a credential: the default one first, then by name.
    pub fn all() -> Vec<Self> {
        let Some(config) = crate::paths::config_dir() else {
            return Vec::new();
        };
        let mut names: Vec<String> = std::fs::read_dir(config.join("profiles"))
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| n != DEFAULT)
            .collect();
        names.sort();
        std::iter::once(DEFAULT.to_owned())
            .chain(names)
            .filter_map(|n| Self::named(&n).ok())
            .filter(|p| p.kind().is_some())
            .collect()
    }

    pub fn oauth_file(&self) -> PathBuf {
        self.dir.join("oauth.json")
    }

    pub fn token_file(&self) -> PathBuf {
        self.dir.join("token")
    }

    fn account_file(&self) -> PathBuf {
        self.dir.join("account.json")
    }

    /// What the profile holds: a sign-in, else a token; `None` when it holds nothing.
    pub fn kind(&self) -> Option<Kind> {
        if self.oauth_file().exists() {
            Some(Kind::OAuth)
        } else if self.token_file().exists() {
            Some(Kind::Token)
        } else {
            None
        }
    }

    /// The account saved with the credential, if any.
    pub fn identity(&self) -> Option<Identity> {
        let text = std::fs::read_to_string(self.account_file()).ok()?;
        serde_json::from_str(&text).ok()
    }

    /// Keeps the account the credential was checked to be.
    pub fn save_identity(&self, identity: &Identity) -> Result<()> {
        let text =
            serde_json::to_string_pretty(identity).map_err(|e| Failure::other(e.to_string()))?;
        crate::paths::write_private(&self.account_file(), &text)?;
        Ok(())
    }

    /// Keeps an API token as the profile's credential (readable by its owner only), instead
    /// of any sign-in it held. Where it was kept.
    pub fn save_token(&self, credentials: &chatwork::Credentials) -> Result<PathBuf> {
        let chatwork::Credentials::ApiToken(token) = credentials else {
            return Err(Failure::other("not an API token"));
        };
        crate::paths::write_private(&self.token_file(), &format!("{}\n", token.expose()))?;
        let _ = std::fs::remove_file(self.oauth_file());
        let _ = std::fs::remove_file(crate::paths::lock_path(&self.oauth_file()));
        Ok(self.token_file())
    }

    /// Forgets the profile's credential (both kinds) and its account. Whether there was one.
    pub fn forget(&self) -> Result<bool> {
        let mut removed = false;
        for file in [self.oauth_file(), self.token_file()] {
            match std::fs::remove_file(&file) {
                Ok(()) => removed = true,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e.into()),
            }
        }
        let _ = std::fs::remove_file(crate::paths::lock_path(&self.oauth_file()));
        let _ = std::fs::remove_file(self.account_file());
        if self.name != DEFAULT {
            // Gone when empty; left (with what else was put there) otherwise.
            let _ = std::fs::remove_dir(&self.dir);
        }
        Ok(removed)
    }

    /// The command that signs this profile in again.
    pub fn login_command(&self) -> String {
        crate::failure::login_command(Some(&self.name))
    }

    /// "No such profile", naming it and the command that makes it.
    pub fn missing(&self) -> Failure {
        Failure::new(Exit::Auth, format!("no profile named {:?}", self.name)).hint(format!(
            "sign it in with `{}` (or `{} --with-token` for an API token); `chatwork auth status` lists the profiles",
            self.login_command(),
            self.login_command()
        ))
    }

    /// "This profile's sign-in has ended", naming it and the command that renews it.
    pub fn ended(&self, why: &str) -> Failure {
        Failure::new(
            Exit::Auth,
            format!("the sign-in of profile {:?} has ended: {why}", self.name),
        )
        .hint(format!("run `{}` again", self.login_command()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked_and_the_default_is_the_old_files() {
        for bad in ["", "a b", "../x", "x/y", &"n".repeat(65)] {
            assert!(Profile::named(bad).is_err(), "{bad:?}");
        }
        let work = Profile::named("work").unwrap();
        assert!(
            work.oauth_file()
                .ends_with("chatwork/profiles/work/oauth.json")
        );
        let default = Profile::named(DEFAULT).unwrap();
        assert!(default.oauth_file().ends_with("chatwork/oauth.json"));
        assert!(default.token_file().ends_with("chatwork/token"));
        assert_eq!(work.login_command(), "chatwork login --profile work");
        assert_eq!(default.login_command(), "chatwork login");
    }
}
