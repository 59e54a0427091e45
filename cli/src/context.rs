//! The client (a real token, or the local Chatwork) and name resolution.

use std::path::PathBuf;
use std::sync::Arc;

use chatwork::oauth::OAuthSession;

use chatwork::model::{AccountId, RoomId};
use chatwork::{Client, Credentials};
use chatwork_mock::MockServer;

use crate::failure::{Exit, Failure, Result};
use crate::output::Out;
use crate::profile::{Kind, Profile};
use clap::Args;

pub struct Ctx {
    pub client: Client,
    pub out: Out,
    pub yes: bool,
    /// Which credential the client uses.
    pub source: Source,
    /// The OAuth session, when signed in with `chatwork login`.
    pub session: Option<Arc<OAuthSession>>,
    /// The base URL the client uses, when not Chatwork's.
    pub base_url: Option<String>,
    /// With the local Chatwork: each of its users and their token (local, not secret).
    pub local_tokens: Vec<(String, String)>,
    /// Keeps the local Chatwork running (and writes its state when dropped).
    _mock: Option<MockServer>,
}

/// Where the credential in use comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// `CHATWORK_API_TOKEN`.
    Env,
    /// A token file (`--token-file`, `CHATWORK_TOKEN_FILE`, or the default one).
    TokenFile(PathBuf),
    /// The OAuth file written by `chatwork login`.
    OAuthFile(PathBuf),
    /// The local Chatwork, as one of its users.
    Local { user: String, state: PathBuf },
}

/// The token file in the user's configuration directory, if there is one.
fn default_token_file() -> Option<PathBuf> {
    let path = crate::paths::config_dir()?.join("token");
    path.exists().then_some(path)
}

/// A credential from a file (an API token, a webhook token): trimmed, not empty; a file that
/// other users can read gets a warning, as `ssh` warns about unprotected keys.
pub fn read_credential(path: &std::path::Path, what: &str) -> Result<String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Failure::new(
            Exit::Auth,
            format!("cannot read the {what} file {}: {e}", path.display()),
        )
    })?;
    let token = text.trim().to_owned();
    if token.is_empty() {
        return Err(Failure::new(
            Exit::Auth,
            format!("the {what} file {} is empty", path.display()),
        ));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        if let Ok(meta) = std::fs::metadata(path)
            && meta.permissions().mode() & 0o077 != 0
        {
            eprintln!(
                "chatwork: warning: the {what} file {} can be read by other users (mode {:o}); run `chmod 600 {}`",
                path.display(),
                meta.permissions().mode() & 0o777,
                path.display()
            );
        }
    }
    Ok(token)
}

impl Ctx {
    pub async fn new(cli: &Globals) -> Result<Self> {
        if let Some(profile) = cli.one_profile()? {
            return Self::of_profile(cli, &profile).await;
        }
        let out = Out { json: cli.json };
        let token = match std::env::var("CHATWORK_API_TOKEN") {
            Ok(t) if !t.trim().is_empty() => Some((t.trim().to_owned(), Source::Env)),
            _ => match cli.token_file.clone().or_else(default_token_file) {
                Some(path) => Some((read_credential(&path, "token")?, Source::TokenFile(path))),
                None => None,
            },
        };
        // Signed in with `chatwork login`: the OAuth session (refreshed and saved as needed).
        let oauth_file = crate::login::path(cli.oauth_file.as_deref());
        let session = match (&token, cli.mock, oauth_file.as_deref()) {
            (None, false, Some(path)) => crate::login::session(path)?.map(|s| (s, path)),
            _ => None,
        };
        // A local Chatwork's option with a real credential would be silently ignored.
        let real = token.is_some() || session.is_some();
        if let (Some(option), true, false) = (cli.local_options.first(), real, cli.mock) {
            return Err(Failure::usage(format!(
                "{option} is for the local Chatwork, but a token is set ({}): the command would go to chatwork.com",
                match token.as_ref().map(|t| &t.1) {
                    Some(Source::Env) => "CHATWORK_API_TOKEN".to_owned(),
                    Some(Source::TokenFile(p)) => p.display().to_string(),
                    _ => "signed in with `chatwork login`".to_owned(),
                }
            ))
            .hint("add --mock to use the local Chatwork, or leave the option out"));
        }
        if let Some((session, path)) = session {
            let builder = Client::builder(Credentials::oauth_session(session.clone()));
            return Ok(Self {
                client: crate::client::configure(builder, cli.base_url.as_deref(), cli.max_wait)
                    .build()?,
                out,
                yes: cli.yes,
                source: Source::OAuthFile(path.to_owned()),
                session: Some(session),
                base_url: cli.base_url.clone(),
                local_tokens: Vec::new(),
                _mock: None,
            });
        }
        let mut local_tokens = Vec::new();
        let (token, source, base_url, mock) = match token {
            Some((token, source)) if !cli.mock => (token, source, cli.base_url.clone(), None),
            None if cli.base_url.is_some() && !cli.mock => {
                return Err(Failure::new(Exit::Auth, "no API token").hint(
                    "set CHATWORK_API_TOKEN or give --token-file (never on the command line)",
                ));
            }
            _ => {
                let Some(state) = cli
                    .mock_state
                    .clone()
                    .or_else(|| crate::paths::state_dir().map(|d| d.join("local-chatwork.json")))
                else {
                    return Err(Failure::usage(
                        "no place for the local Chatwork's state: set HOME or XDG_STATE_HOME, or give --mock-state FILE",
                    ));
                };
                let unknown_user = || {
                    Failure::usage(format!(
                        "--mock-user {:?} is not one of alice, bob, carol, dave",
                        cli.mock_user
                    ))
                };
                // A local Chatwork already serving this state (`chatwork-mock --state FILE`)
                // is used as is: its download URLs outlive this command.
                let (token, base_url, mock, serving) =
                    match chatwork_mock::running_server(&state).await {
                        Some(server) => {
                            let token = server.token(&cli.mock_user).ok_or_else(unknown_user)?;
                            local_tokens = server.tokens.clone();
                            (
                                token.to_owned(),
                                server.base_url(),
                                None,
                                Some(server.origin),
                            )
                        }
                        None => {
                            let mock = MockServer::builder()
                                .state_file(&state)
                                .start()
                                .await
                                .map_err(|e| not_started(&e))?;
                            let token = mock.token(&cli.mock_user);
                            if token.is_empty() {
                                return Err(unknown_user());
                            }
                            local_tokens = mock.tokens().to_vec();
                            (token, mock.base_url(), Some(mock), None)
                        }
                    };
                if !cli.mock && !cli.quiet {
                    let at = serving.map(|o| format!(" at {o}")).unwrap_or_default();
                    eprintln!(
                        "chatwork: no CHATWORK_API_TOKEN: using a local Chatwork{at} as {} (state in {}); set a token to use chatwork.com",
                        cli.mock_user,
                        state.display()
                    );
                }
                let source = Source::Local {
                    user: cli.mock_user.clone(),
                    state,
                };
                (token, source, Some(base_url), mock)
            }
        };
        let builder = Client::builder(Credentials::api_token(token));
        let client =
            crate::client::configure(builder, base_url.as_deref(), cli.max_wait).build()?;
        Ok(Self {
            client,
            out,
            yes: cli.yes,
            source,
            session: None,
            base_url,
            local_tokens,
            _mock: mock,
        })
    }

    /// The client of `profile`'s credential, and only of it: another credential named too
    /// (`CHATWORK_API_TOKEN`, a token or OAuth file, the local Chatwork) is refused rather
    /// than one silently winning. A profile that holds nothing, or whose sign-in has ended,
    /// is named in the error with the command that fixes it.
    async fn of_profile(cli: &Globals, profile: &Profile) -> Result<Self> {
        let env_token = std::env::var("CHATWORK_API_TOKEN").is_ok_and(|t| !t.trim().is_empty());
        let other = if env_token {
            Some("CHATWORK_API_TOKEN")
        } else if cli.token_file.is_some() {
            Some("--token-file (or CHATWORK_TOKEN_FILE)")
        } else if cli.oauth_file.is_some() {
            Some("--oauth-file (or CHATWORK_OAUTH_FILE)")
        } else if cli.mock || !cli.local_options.is_empty() {
            Some("the local Chatwork (--mock, --mock-user, --mock-state)")
        } else {
            None
        };
        if let Some(other) = other {
            return Err(Failure::usage(format!(
                "--profile {} and {other} both choose a credential",
                profile.name
            ))
            .hint("give one of them"));
        }
        let base_url = cli
            .base_url
            .clone()
            .or_else(|| profile.identity().and_then(|i| i.base_url));
        let (credentials, source, session) = match profile.kind() {
            None => return Err(profile.missing()),
            Some(Kind::OAuth) => {
                let path = profile.oauth_file();
                if let Some(why) = crate::login::ended(&path) {
                    return Err(profile.ended(&why));
                }
                let session = crate::login::session(&path)?.ok_or_else(|| profile.missing())?;
                (
                    Credentials::oauth_session(session.clone()),
                    Source::OAuthFile(path),
                    Some(session),
                )
            }
            Some(Kind::Token) => {
                let path = profile.token_file();
                let token = read_credential(&path, "token")?;
                (Credentials::api_token(token), Source::TokenFile(path), None)
            }
        };
        let builder = Client::builder(credentials);
        let client =
            crate::client::configure(builder, base_url.as_deref(), cli.max_wait).build()?;
        Ok(Self {
            client,
            out: Out { json: cli.json },
            yes: cli.yes,
            source,
            session,
            base_url,
            local_tokens: Vec::new(),
            _mock: None,
        })
    }

    /// The local Chatwork's state file when this command serves it itself (it stops when the
    /// command ends, and the URLs it handed out with it).
    pub fn in_process_state(&self) -> Option<&std::path::Path> {
        match (&self._mock, &self.source) {
            (Some(_), Source::Local { state, .. }) => Some(state),
            _ => None,
        }
    }

    /// A room by ID or by name (exactly one match; exact case first).
    pub async fn room(&self, arg: &str) -> Result<(RoomId, String)> {
        if let Ok(id) = arg.parse::<i64>() {
            return Ok((RoomId::from(id), String::new()));
        }
        let rooms = self.client.list_rooms().send().await?;
        let candidates: Vec<(i64, String)> = rooms
            .iter()
            .map(|r| (r.room_id.get(), r.name.clone()))
            .collect();
        let (id, name) = pick("room", arg, &candidates, "chatwork rooms list")?;
        Ok((RoomId::from(id), name))
    }

    /// An account by ID or name, among you and your contacts.
    pub async fn account(&self, arg: &str) -> Result<(AccountId, String)> {
        let me = self.client.get_me().send().await?;
        let contacts = self.client.list_contacts().send().await?;
        let mut candidates = vec![(me.account_id.get(), me.name.clone())];
        candidates.extend(
            contacts
                .iter()
                .map(|c| (c.account_id.get(), c.name.clone())),
        );
        if let Ok(id) = arg.parse::<i64>() {
            let name = candidates
                .iter()
                .find(|(i, _)| *i == id)
                .map(|(_, n)| n.clone())
                .unwrap_or_default();
            return Ok((AccountId::from(id), name));
        }
        let (id, name) = pick("account", arg, &candidates, "chatwork contacts list")?;
        Ok((AccountId::from(id), name))
    }

    /// Several accounts (IDs or names).
    pub async fn accounts(&self, args: &[String]) -> Result<Vec<(AccountId, String)>> {
        let mut out = Vec::new();
        for a in args {
            out.push(self.account(a.trim()).await?);
        }
        Ok(out)
    }
}

/// The one candidate named `arg`: exact match, else a case-insensitive one.
fn pick(kind: &str, arg: &str, candidates: &[(i64, String)], list: &str) -> Result<(i64, String)> {
    let exact: Vec<&(i64, String)> = candidates.iter().filter(|(_, n)| n == arg).collect();
    let found = if exact.is_empty() {
        candidates
            .iter()
            .filter(|(_, n)| n.to_lowercase() == arg.to_lowercase())
            .collect()
    } else {
        exact
    };
    match found.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(Failure::usage(format!("no {kind} named {arg:?}"))
            .hint(format!("`{list}` shows them; an ID works too"))),
        many => Err(Failure::usage(format!(
            "{arg:?} matches {} {kind}s: {}",
            many.len(),
            many.iter()
                .map(|(id, n)| format!("{id} {n}"))
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .hint("give the ID")),
    }
}

/// The options every command takes.
#[derive(Args, Debug, Clone)]
pub struct Globals {
    /// Print JSON (one document; JSON lines for `watch` and `webhook listen`).
    #[arg(long, global = true, help_heading = "Global options")]
    pub json: bool,
    /// The API's base URL.
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        env = "CHATWORK_BASE_URL",
        value_name = "URL",
        hide_env_values = true
    )]
    pub base_url: Option<String>,
    /// A file holding the API token.
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        env = "CHATWORK_TOKEN_FILE",
        value_name = "FILE",
        hide_env_values = true
    )]
    pub token_file: Option<PathBuf>,
    /// Use the local Chatwork even when a token is set.
    #[arg(long, global = true, help_heading = "Global options")]
    pub mock: bool,
    /// Where the local Chatwork keeps its state between runs (default:
    /// `$XDG_STATE_HOME/chatwork/local-chatwork.json`, or under `~/.local/state`).
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        env = "CHATWORK_MOCK_STATE",
        value_name = "FILE",
        hide_env_values = true
    )]
    pub mock_state: Option<PathBuf>,
    /// Whose token the local Chatwork uses: alice, bob, carol or dave.
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        default_value = "alice",
        value_name = "NAME"
    )]
    pub mock_user: String,
    /// The OAuth file written by `chatwork login` (default ~/.config/chatwork/oauth.json).
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        env = "CHATWORK_OAUTH_FILE",
        value_name = "FILE",
        hide_env_values = true
    )]
    pub oauth_file: Option<PathBuf>,
    /// Wait at most this long for a rate limit (e.g. 30s, 2m); a longer wait fails with exit 6.
    /// Waits over 2 s are announced on stderr.
    #[arg(long, global = true, help_heading = "Global options", env = "CHATWORK_MAX_WAIT", value_name = "DURATION", value_parser = parse_wait, hide_env_values = true)]
    pub max_wait: Option<std::time::Duration>,
    /// The profile whose credential to use (`chatwork login --profile NAME` makes one;
    /// `chatwork auth status` lists them). `chatwork mcp` takes several (repeated or
    /// comma-separated) and serves each.
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        env = "CHATWORK_PROFILE",
        value_name = "NAME",
        value_delimiter = ',',
        hide_env_values = true
    )]
    pub profile: Vec<String>,
    /// Do not ask before destructive commands.
    #[arg(long, short = 'y', global = true, help_heading = "Global options")]
    pub yes: bool,

    /// The local Chatwork's options given on the command line (`--mock-user`, `--mock-state`).
    #[arg(skip)]
    pub local_options: Vec<String>,

    /// Says nothing on stderr (shell completion runs the command on each tab press).
    #[arg(skip)]
    pub quiet: bool,
}

impl Globals {
    /// The one profile chosen, if any: more than one is for `chatwork mcp` only.
    pub fn one_profile(&self) -> Result<Option<Profile>> {
        match self.profile.as_slice() {
            [] => Ok(None),
            [one] => Profile::named(one).map(Some),
            many => Err(Failure::usage(format!(
                "{} profiles given ({}): this command uses one",
                many.len(),
                many.join(", ")
            ))
            .hint("only `chatwork mcp` serves several profiles")),
        }
    }

    /// These options with only `profile` chosen.
    pub fn with_profile(&self, profile: &str) -> Self {
        Self {
            profile: vec![profile.to_owned()],
            ..self.clone()
        }
    }
}

/// A duration like `90s`, `2m` or `1h30m` (not negative).
pub fn parse_wait(text: &str) -> Result<std::time::Duration, String> {
    let d: jiff::SignedDuration = text
        .parse()
        .map_err(|_| format!("{text:?} is not a duration like 30s, 2m or 1h30m"))?;
    std::time::Duration::try_from(d).map_err(|_| format!("{text:?} is negative"))
}

/// Why the local Chatwork did not start. A state file that cannot be used (a directory, a
/// file that cannot be read or is not a state) is the command line's or the configuration's
/// fault: the usage exit code, and the file is left as it is.
fn not_started(e: &std::io::Error) -> Failure {
    use std::io::ErrorKind::{InvalidData, IsADirectory, NotADirectory, PermissionDenied};
    let message = format!("cannot start the local Chatwork: {e}");
    match e.kind() {
        InvalidData | IsADirectory | NotADirectory | PermissionDenied => Failure::usage(message)
            .hint("give --mock-state a state file chatwork-mock wrote, or a new path; the file was not changed"),
        _ => Failure::other(message),
    }
}
