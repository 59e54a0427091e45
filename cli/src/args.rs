//! The command line, declared with clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub const AFTER_HELP: &str = "\
Credentials: CHATWORK_API_TOKEN, or a file with the token (--token-file, CHATWORK_TOKEN_FILE,
or ~/.config/chatwork/token). Without any, or with --mock, commands run against a local
Chatwork on this machine (its state kept in a file between runs; see --mock-state).

Rooms and accounts are IDs or names; a name must match exactly one room or account.

Exit codes:
  0  success
  1  other failure (a server error, an answer that cannot be read, a local file)
  2  usage: bad arguments or values, an ambiguous or unknown name, refused by Chatwork (400),
     or a destructive command not confirmed
  3  authentication: no token, the token was refused (401), or the OAuth sign-in ended
     (run `chatwork login`); `chatwork auth status` shows the credential in use
  4  permission: not allowed in this room (403)
  5  not found (404)
  6  rate limited (429): the message says when the budget resets
  7  network: cannot connect, timeout, connection lost

Examples:
  chatwork rooms list
  chatwork messages post Project \"Build #42 passed\" --to Bob
  echo \"cargo test: 274 passed\" | chatwork messages post Project --code
  chatwork tasks create Project \"Review the release notes\" --assign Bob --due +2d
  chatwork --json messages list Project --all > messages.json
  chatwork api GET /rooms/101/members";

/// Chatwork from a shell: every API v2 operation, for scripts, CI and people.
#[derive(Parser, Debug)]
#[command(name = "chatwork", version, after_help = AFTER_HELP)]
pub struct Cli {
    /// Print JSON (one document; JSON lines for `watch` and `webhook listen`).
    #[arg(long, global = true)]
    pub json: bool,
    /// The API's base URL.
    #[arg(long, global = true, env = "CHATWORK_BASE_URL", value_name = "URL")]
    pub base_url: Option<String>,
    /// A file holding the API token.
    #[arg(long, global = true, env = "CHATWORK_TOKEN_FILE", value_name = "FILE")]
    pub token_file: Option<PathBuf>,
    /// Use the local Chatwork even when a token is set.
    #[arg(long, global = true)]
    pub mock: bool,
    /// Where the local Chatwork keeps its state between runs (default:
    /// `$XDG_STATE_HOME/chatwork/local-chatwork.json`, or under `~/.local/state`).
    #[arg(long, global = true, env = "CHATWORK_MOCK_STATE", value_name = "FILE")]
    pub mock_state: Option<PathBuf>,
    /// Whose token the local Chatwork uses: alice, bob, carol or dave.
    #[arg(long, global = true, default_value = "alice", value_name = "NAME")]
    pub mock_user: String,
    /// The OAuth file written by `chatwork login` (default ~/.config/chatwork/oauth.json).
    #[arg(long, global = true, env = "CHATWORK_OAUTH_FILE", value_name = "FILE")]
    pub oauth_file: Option<PathBuf>,
    /// Wait at most this long for a rate limit (e.g. 30s, 2m); a longer wait fails with exit 6.
    /// Waits over 2 s are announced on stderr.
    #[arg(long, global = true, env = "CHATWORK_MAX_WAIT", value_name = "DURATION", value_parser = parse_wait)]
    pub max_wait: Option<std::time::Duration>,
    /// Do not ask before destructive commands.
    #[arg(long, short = 'y', global = true)]
    pub yes: bool,
    #[command(subcommand)]
    pub command: Command,
    /// The local Chatwork's options given on the command line (`--mock-user`, `--mock-state`).
    #[arg(skip)]
    pub local_options: Vec<String>,
}

/// A duration like `90s`, `2m` or `1h30m` (not negative).
fn parse_wait(text: &str) -> Result<std::time::Duration, String> {
    let d: jiff::SignedDuration = text
        .parse()
        .map_err(|_| format!("{text:?} is not a duration like 30s, 2m or 1h30m"))?;
    std::time::Duration::try_from(d).map_err(|_| format!("{text:?} is negative"))
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Your profile.
    Me,
    /// Your unread, mention and task counts.
    Status,
    /// Chats: list, get, create, update, leave, delete.
    #[command(subcommand)]
    Rooms(Rooms),
    /// A chat's members: list, set.
    #[command(subcommand)]
    Members(Members),
    /// Messages: list, get, post, edit, delete, read, unread, watch.
    #[command(subcommand)]
    Messages(Messages),
    /// Tasks: list, mine, get, create, done, reopen.
    #[command(subcommand)]
    Tasks(Tasks),
    /// Files: list, get, upload, download.
    #[command(subcommand)]
    Files(Files),
    /// Contacts: list.
    #[command(subcommand)]
    Contacts(Contacts),
    /// Contact requests to you: list, approve, decline.
    #[command(subcommand)]
    Requests(Requests),
    /// A group chat's invitation link: get, create, update, delete.
    #[command(subcommand)]
    Links(Links),
    /// Any API call: `chatwork api GET /rooms --query ...`.
    Api(Api),
    /// Webhooks: receive and verify (`listen`), or sign a body for testing (`sign`).
    #[command(subcommand)]
    Webhook(Webhook),
    /// Sign in with OAuth 2.0: Chatwork's consent screen, then "Allow".
    Login(Login),
    /// Forget the OAuth tokens (delete the OAuth file).
    Logout,
    /// The credential in use: `chatwork auth status`.
    #[command(subcommand)]
    Auth(Auth),
    /// Shell completions: `chatwork completions bash > /etc/bash_completion.d/chatwork`.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

#[derive(Subcommand, Debug)]
pub enum Auth {
    /// Which credential is in use (API token, token file, OAuth sign-in or the local
    /// Chatwork), whose account it is and, for OAuth, when the access token expires. Never
    /// prints a secret. Fails with exit 3 when the credential is not accepted.
    Status,
}

#[derive(Args, Debug, Clone, Copy)]
pub struct Limit {
    /// Show at most N items.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

#[derive(Subcommand, Debug)]
pub enum Rooms {
    /// The chats you belong to.
    List(#[command(flatten)] Limit),
    /// One chat.
    Get { room: String },
    /// Create a group chat (you must be among the admins).
    Create {
        name: String,
        /// Admins (IDs or names, comma-separated or repeated).
        #[arg(long, value_delimiter = ',', required = true)]
        admin: Vec<String>,
        /// Members.
        #[arg(long, value_delimiter = ',')]
        member: Vec<String>,
        /// Read-only members.
        #[arg(long, value_delimiter = ',')]
        readonly: Vec<String>,
        #[arg(long)]
        description: Option<String>,
        /// One of Chatwork's preset icons (group, check, document, meeting, ...).
        #[arg(long)]
        icon: Option<String>,
    },
    /// Change a group chat's name, description or icon.
    Update {
        room: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        description: Option<String>,
        #[arg(long)]
        icon: Option<String>,
    },
    /// Leave a group chat (asks first).
    Leave { room: String },
    /// Delete a group chat for everyone (asks first).
    Delete { room: String },
}

#[derive(Subcommand, Debug)]
pub enum Members {
    /// A chat's members.
    List {
        room: String,
        #[command(flatten)]
        limit: Limit,
    },
    /// Replace a group chat's member list (asks first).
    Set {
        room: String,
        #[arg(long, value_delimiter = ',', required = true)]
        admin: Vec<String>,
        #[arg(long, value_delimiter = ',')]
        member: Vec<String>,
        #[arg(long, value_delimiter = ',')]
        readonly: Vec<String>,
    },
}

/// A message body: the text argument, `--file`, or standard input; escaped unless `--raw`.
#[derive(Args, Debug, Clone)]
pub struct Body {
    /// The text (`-` or nothing: read standard input).
    pub text: Option<String>,
    /// Read the text from a file.
    #[arg(long, value_name = "FILE", conflicts_with = "text")]
    pub file: Option<PathBuf>,
    /// Mention an account (ID or name); repeatable.
    #[arg(long, value_name = "ACCOUNT")]
    pub to: Vec<String>,
    /// Put the text in an [info] block with this title.
    #[arg(long, value_name = "TITLE")]
    pub info_title: Option<String>,
    /// Put the text in an [info] block.
    #[arg(long)]
    pub info: bool,
    /// Put the text in a [code] block.
    #[arg(long)]
    pub code: bool,
    /// Send the text as Chatwork notation, not escaped.
    #[arg(long, conflicts_with_all = ["code", "info", "info_title"])]
    pub raw: bool,
}

#[derive(Subcommand, Debug)]
pub enum Messages {
    /// Messages not yet returned to you (with --all: the latest 100).
    List {
        room: String,
        /// The latest 100, whether returned before or not.
        #[arg(long)]
        all: bool,
        #[command(flatten)]
        limit: Limit,
    },
    /// One message.
    Get { room: String, message: String },
    /// Post a message.
    Post {
        room: String,
        #[command(flatten)]
        body: Body,
        /// Leave the message unread for you.
        #[arg(long)]
        self_unread: bool,
    },
    /// Edit one of your messages.
    Edit {
        room: String,
        message: String,
        #[command(flatten)]
        body: Body,
    },
    /// Delete one of your messages (asks first).
    Delete { room: String, message: String },
    /// Mark messages read (all, or up to --message).
    Read {
        room: String,
        #[arg(long)]
        message: Option<String>,
    },
    /// Mark messages unread from --message on.
    Unread {
        room: String,
        #[arg(long)]
        message: String,
    },
    /// Print new messages as they arrive (polling).
    Watch {
        room: String,
        /// Seconds between polls.
        #[arg(long, default_value_t = 10, value_name = "SECS")]
        every: u64,
        /// Stop after N messages.
        #[arg(long, value_name = "N")]
        count: Option<usize>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Status {
    Open,
    Done,
}

#[derive(Subcommand, Debug)]
pub enum Tasks {
    /// A chat's tasks.
    List {
        room: String,
        #[arg(long, value_enum)]
        status: Option<Status>,
        /// Only tasks assigned to this account.
        #[arg(long, value_name = "ACCOUNT")]
        account: Option<String>,
        /// Only tasks assigned by this account.
        #[arg(long, value_name = "ACCOUNT")]
        assigned_by: Option<String>,
        #[command(flatten)]
        limit: Limit,
    },
    /// Tasks assigned to you.
    Mine {
        #[arg(long, value_enum)]
        status: Option<Status>,
        #[arg(long, value_name = "ACCOUNT")]
        assigned_by: Option<String>,
        #[command(flatten)]
        limit: Limit,
    },
    /// One task.
    Get { room: String, task: String },
    /// Add a task, one per assignee.
    Create {
        room: String,
        #[command(flatten)]
        body: Body,
        /// Assignees (IDs or names, comma-separated or repeated).
        #[arg(
            long = "assign",
            value_delimiter = ',',
            required = true,
            value_name = "ACCOUNT"
        )]
        assignees: Vec<String>,
        /// Due: RFC 3339 (`2026-12-01T17:00:00+09:00`), a date (`2026-12-01`), or from now
        /// (`+2d`, `+3h`, `+30m`, `+1w`).
        #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
        due: Option<String>,
    },
    /// Mark a task done.
    Done { room: String, task: String },
    /// Open a done task again.
    Reopen { room: String, task: String },
}

#[derive(Subcommand, Debug)]
pub enum Files {
    /// A chat's files.
    List {
        room: String,
        /// Only files uploaded by this account.
        #[arg(long, value_name = "ACCOUNT")]
        account: Option<String>,
        #[command(flatten)]
        limit: Limit,
    },
    /// One file's details (with --url: a download URL valid 30 seconds).
    Get {
        room: String,
        file: String,
        #[arg(long)]
        url: bool,
    },
    /// Upload a file (at most 5 MB).
    Upload {
        room: String,
        path: PathBuf,
        /// A message to go with it (escaped, as `messages post` escapes, unless `--raw`).
        #[arg(long)]
        message: Option<String>,
        /// Send the message as Chatwork notation, not escaped.
        #[arg(long, requires = "message")]
        raw: bool,
        /// The name to give it (default: the file's name).
        #[arg(long)]
        name: Option<String>,
    },
    /// Download a file (to its own name, -o PATH, or -o - for standard output).
    Download {
        room: String,
        file: String,
        #[arg(long, short = 'o', value_name = "PATH")]
        output: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub enum Contacts {
    /// Your contacts.
    List(#[command(flatten)] Limit),
}

#[derive(Subcommand, Debug)]
pub enum Requests {
    /// Contact requests waiting for you.
    List(#[command(flatten)] Limit),
    /// Approve one (the account becomes a contact).
    Approve { request: String },
    /// Decline one (asks first).
    Decline { request: String },
}

#[derive(Args, Debug)]
pub struct LinkSettings {
    /// The link's path (letters, digits, `-`, `_`).
    #[arg(long)]
    pub code: Option<String>,
    #[arg(long)]
    pub description: Option<String>,
    /// Whether joining needs an admin's approval.
    #[arg(long, value_name = "BOOL")]
    pub need_acceptance: Option<bool>,
}

#[derive(Subcommand, Debug)]
pub enum Links {
    /// The link, if any.
    Get { room: String },
    /// Create it.
    Create {
        room: String,
        #[command(flatten)]
        settings: LinkSettings,
    },
    /// Change it.
    Update {
        room: String,
        #[command(flatten)]
        settings: LinkSettings,
    },
    /// Delete it (asks first).
    Delete { room: String },
}

#[derive(Args, Debug)]
pub struct Api {
    /// GET, POST, PUT, PATCH or DELETE.
    pub method: String,
    /// A path under the base URL, e.g. /rooms/101/messages.
    pub path: String,
    /// A query parameter k=v; repeatable.
    #[arg(long, value_name = "K=V")]
    pub query: Vec<String>,
    /// A form field k=v; repeatable.
    #[arg(long, value_name = "K=V")]
    pub form: Vec<String>,
    /// A header k:v; repeatable.
    #[arg(long, value_name = "K:V")]
    pub header: Vec<String>,
    /// A raw body (`@FILE` reads a file, `-` standard input); JSON if it parses as JSON.
    #[arg(long, value_name = "BODY", conflicts_with = "form")]
    pub data: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum Webhook {
    /// Receive Chatwork's deliveries, verify them and print each event as a JSON line.
    /// The webhook token comes from CHATWORK_WEBHOOK_TOKEN or --webhook-token-file.
    Listen {
        /// Port to listen on.
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// A file holding the webhook token (its own option: never the API token's).
        #[arg(long, env = "CHATWORK_WEBHOOK_TOKEN_FILE", value_name = "FILE")]
        webhook_token_file: Option<PathBuf>,
        /// Stop after N events.
        #[arg(long, value_name = "N")]
        count: Option<usize>,
    },
    /// Print the signature Chatwork would send for a body (text, `@FILE`, or `-`).
    Sign {
        /// The body to sign: text, `@FILE`, or `-` for stdin.
        body: String,
        /// A file holding the webhook token (its own option: never the API token's).
        #[arg(long, env = "CHATWORK_WEBHOOK_TOKEN_FILE", value_name = "FILE")]
        webhook_token_file: Option<PathBuf>,
    },
}

#[derive(Args, Debug)]
#[command(after_help = "\
The client comes from Chatwork's OAuth client settings. Without a client secret the client is a
public one (PKCE only). After \"Allow\", paste the address the browser was sent to. A redirect URI
http://127.0.0.1:PORT/... or http://localhost:PORT/... is received on a local listener instead
(waiting up to 5 minutes); Chatwork's client settings document that registered redirect URIs may
not use http://, so this serves where a loopback URI is accepted (the local Chatwork). The tokens
are kept in the OAuth file, readable by you only, and refreshed when they expire.

Example:
  CHATWORK_CLIENT_SECRET=... chatwork login --client-id abc --redirect-uri https://bot.example/cb")]
pub struct Login {
    /// The OAuth client ID.
    #[arg(long, env = "CHATWORK_CLIENT_ID")]
    pub client_id: String,
    /// The redirect URI registered for the client.
    #[arg(long, env = "CHATWORK_REDIRECT_URI")]
    pub redirect_uri: String,
    /// A scope to ask for; repeatable (default: users.all:read rooms.all:read_write
    /// contacts.all:read_write offline_access).
    #[arg(long)]
    pub scope: Vec<String>,
    /// A file holding the client secret (or CHATWORK_CLIENT_SECRET).
    #[arg(long, value_name = "FILE")]
    pub client_secret_file: Option<PathBuf>,
    /// The consent screen's URL.
    #[arg(long, hide = true, env = "CHATWORK_OAUTH_AUTHORIZE_URL", default_value = chatwork::oauth::AUTHORIZE_URL)]
    pub authorize_url: String,
    /// The token endpoint's URL.
    #[arg(long, hide = true, env = "CHATWORK_OAUTH_TOKEN_URL", default_value = chatwork::oauth::TOKEN_URL)]
    pub token_url: String,
}
