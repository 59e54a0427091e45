//! Failures: one line on stderr with a hint, and an exit code per class.

use std::fmt;
use std::sync::OnceLock;

/// The command being run (`rooms get`), named in every failure.
static COMMAND: OnceLock<String> = OnceLock::new();

/// Records the command being run, for the failures' messages and hints.
pub fn set_command(name: String) {
    let _ = COMMAND.set(name);
}

fn command() -> &'static str {
    COMMAND.get().map_or("", String::as_str)
}

/// The profile in use (`--profile`), named in the hint of a sign-in that has ended.
static PROFILE: OnceLock<String> = OnceLock::new();

/// Records the profile in use.
pub fn set_profile(name: String) {
    let _ = PROFILE.set(name);
}

/// `chatwork login`, with `--profile NAME` for a named profile (not for `default`).
pub fn login_command(profile: Option<&str>) -> String {
    match profile {
        None | Some("default") => "chatwork login".to_owned(),
        Some(name) => format!("chatwork login --profile {name}"),
    }
}

/// The documented exit codes (`chatwork --help`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Other = 1,
    Usage = 2,
    Auth = 3,
    Permission = 4,
    NotFound = 5,
    RateLimited = 6,
    Network = 7,
}

#[derive(Debug)]
pub struct Failure {
    pub exit: Exit,
    pub message: String,
    pub hint: Option<String>,
    /// The reader of standard output left (`| head`): not a failure. The command ends with
    /// status 0 and says nothing, as `cat` does, after the local Chatwork's state is kept.
    pub reader_left: bool,
}

impl Failure {
    pub fn new(exit: Exit, message: impl Into<String>) -> Self {
        Self {
            exit,
            message: message.into(),
            hint: None,
            reader_left: false,
        }
    }

    /// Standard output's reader closed the pipe.
    pub fn reader_left() -> Self {
        Self {
            reader_left: true,
            ..Self::other("standard output was closed")
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Exit::Usage, message)
    }

    pub fn other(message: impl Into<String>) -> Self {
        Self::new(Exit::Other, message)
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Failure {
    /// One line: newlines in messages from the server are folded.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let one_line = |s: &str| {
            let s = crate::terminal::inert(s, crate::terminal::Lines::Fold);
            s.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        match command() {
            "" => write!(f, "chatwork: {}", one_line(&self.message))?,
            name => write!(f, "chatwork {name}: {}", one_line(&self.message))?,
        }
        if let Some(h) = &self.hint {
            write!(f, " (hint: {})", one_line(h))?;
        }
        Ok(())
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        match e.kind() {
            std::io::ErrorKind::BrokenPipe => Failure::reader_left(),
            _ => Failure::other(e.to_string()),
        }
    }
}

impl From<chatwork::Error> for Failure {
    fn from(e: chatwork::Error) -> Self {
        use chatwork::Error;
        match &e {
            Error::InvalidRequest(_) => Failure::usage(e.to_string()),
            Error::RateLimiter(_) => Failure::new(Exit::Network, e.to_string())
                .hint("the shared rate limiter's Redis is unreachable; nothing was sent"),
            Error::OAuth(o) => {
                use chatwork::oauth::OAuthError;
                match **o {
                    OAuthError::ReauthorizationRequired { .. } => {
                        Failure::new(Exit::Auth, e.to_string()).hint(format!(
                            "the sign-in has ended: run `{}` again",
                            login_command(PROFILE.get().map(String::as_str))
                        ))
                    }
                    OAuthError::Transport(_) => Failure::new(Exit::Network, e.to_string())
                        .hint("the OAuth token endpoint did not answer; try again"),
                    OAuthError::Endpoint { .. } => Failure::new(Exit::Auth, e.to_string()).hint(
                        format!(
                            "the token endpoint refused the client: check its ID and secret, then run `{}`",
                            login_command(PROFILE.get().map(String::as_str))
                        ),
                    ),
                    _ => Failure::new(Exit::Auth, e.to_string())
                        .hint("`chatwork auth status` shows the credential in use"),
                }
            }
            Error::Transport(t) => {
                let hint = if t.is_timeout() {
                    "the server did not answer in time; try again"
                } else {
                    "check the network and --base-url"
                };
                Failure::new(Exit::Network, with_causes(&e)).hint(hint)
            }
            Error::Api(api) => {
                let said = if api.errors().is_empty() {
                    String::new()
                } else {
                    format!(": {}", api.errors().join("; "))
                };
                let message = format!("Chatwork answered {}{said}", api.status());
                match api.status() {
                    401 => Failure::new(Exit::Auth, message)
                        .hint("check CHATWORK_API_TOKEN or the token file"),
                    403 => Failure::new(Exit::Permission, message).hint(match command() {
                        "messages edit" | "messages delete" => {
                            "only the author of a message can edit or delete it"
                        }
                        "tasks done" | "tasks reopen" => {
                            "only the task's assignee or the one who assigned it can change it"
                        }
                        _ => "your role in this room does not allow it",
                    }),
                    404 => Failure::new(Exit::NotFound, message).hint(match command() {
                        "requests approve" | "requests decline" => {
                            "check the request ID: `chatwork requests list` shows the requests sent to you"
                        }
                        "api" => "check the path: `chatwork api GET /rooms` lists your rooms",
                        _ => "check the ID, and that you are a member of the room",
                    }),
                    429 => {
                        let hint = match api.rate_limit() {
                            Some(rate) => {
                                let secs = rate.reset_in().as_secs();
                                format!(
                                    "the budget of {} requests resets at {} (in {secs} s)",
                                    rate.limit,
                                    crate::clock::clock_time(rate.reset as i64)
                                )
                            }
                            None => "wait a few minutes".to_owned(),
                        };
                        Failure::new(Exit::RateLimited, message).hint(hint)
                    }
                    400 => Failure::usage(message),
                    _ => Failure::other(message),
                }
            }
            _ => Failure::other(e.to_string()),
        }
    }
}

/// An error's text followed by its causes' (each once: a cause whose text the previous one
/// already ends with is skipped).
fn with_causes(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        let said = c.to_string();
        if !text.ends_with(&said) {
            text.push_str(": ");
            text.push_str(&said);
        }
        cause = c.source();
    }
    text
}

pub type Result<T, E = Failure> = std::result::Result<T, E>;
