//! The command line, declared with clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::cmd::api::Api;
use crate::cmd::contacts::{Contacts, Requests};
use crate::cmd::files::Files;
use crate::cmd::links::Links;
use crate::cmd::messages::Messages;
use crate::cmd::rooms::{Members, Rooms};
use crate::cmd::tasks::Tasks;

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
    #[command(flatten)]
    pub globals: Globals,
    #[command(subcommand)]
    pub command: Command,
}

/// The options every command takes.
#[derive(Args, Debug)]
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
    /// Do not ask before destructive commands.
    #[arg(long, short = 'y', global = true, help_heading = "Global options")]
    pub yes: bool,

    /// The local Chatwork's options given on the command line (`--mock-user`, `--mock-state`).
    #[arg(skip)]
    pub local_options: Vec<String>,
}

/// A whole number of 1 or more.
pub(crate) fn positive(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("{text:?} is not a whole number of 1 or more")),
    }
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
    #[command(after_help = "Examples:\n  chatwork me\n  chatwork --json me")]
    Me,
    /// Your unread, mention and task counts.
    #[command(after_help = "Example:\n  chatwork status")]
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
    #[command(
        after_help = "Examples:\n  chatwork api GET /rooms/106/members\n  chatwork api GET \"/v2/rooms/106/messages?force=1\"\n  chatwork api PUT /rooms/106 --form description=Shipping"
    )]
    Api(Api),
    /// Webhooks: receive and verify (`listen`), or sign a body for testing (`sign`).
    #[command(subcommand)]
    Webhook(Webhook),
    /// Sign in with OAuth 2.0: Chatwork's consent screen, then "Allow".
    Login(Login),
    /// Forget the OAuth tokens (delete the OAuth file).
    #[command(after_help = "Example:\n  chatwork logout")]
    Logout,
    /// The credential in use: `chatwork auth status`.
    #[command(subcommand)]
    Auth(Auth),
    /// Shell completions: `chatwork completions bash > /etc/bash_completion.d/chatwork`.
    #[command(
        after_help = "Example:\n  chatwork completions bash > ~/.local/share/bash-completion/completions/chatwork"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man`.
    #[command(after_help = "Example:\n  chatwork man > ~/.local/share/man/man1/chatwork.1")]
    Man,
}

#[derive(Subcommand, Debug)]
pub enum Auth {
    /// Which credential is in use (API token, token file, OAuth sign-in or the local
    /// Chatwork), whose account it is and, for OAuth, when the access token expires. Never
    /// prints a secret. Fails with exit 3 when the credential is not accepted.
    #[command(after_help = "Example:\n  chatwork auth status")]
    Status,
}

#[derive(Args, Debug, Clone, Copy)]
pub struct Limit {
    /// Show at most N items (1 or more).
    #[arg(long, value_name = "N", value_parser = positive)]
    pub limit: Option<usize>,
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
pub enum Webhook {
    /// Receive Chatwork's deliveries, verify them and print each event as a JSON line.
    /// The webhook token comes from CHATWORK_WEBHOOK_TOKEN or --webhook-token-file.
    #[command(
        after_help = "Example:\n  CHATWORK_WEBHOOK_TOKEN=... chatwork webhook listen --port 8080"
    )]
    Listen {
        /// Port to listen on.
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// A file holding the webhook token (its own option: never the API token's).
        #[arg(
            long,
            env = "CHATWORK_WEBHOOK_TOKEN_FILE",
            value_name = "FILE",
            hide_env_values = true
        )]
        webhook_token_file: Option<PathBuf>,
        /// Stop after N events.
        #[arg(long, value_name = "N", value_parser = positive)]
        count: Option<usize>,
    },
    /// Print the signature Chatwork would send for a body (text, `@FILE`, or `-`).
    #[command(
        after_help = "Example:\n  CHATWORK_WEBHOOK_TOKEN=... chatwork webhook sign @delivery.json"
    )]
    Sign {
        /// The body to sign: text, `@FILE`, or `-` for stdin.
        body: String,
        /// A file holding the webhook token (its own option: never the API token's).
        #[arg(
            long,
            env = "CHATWORK_WEBHOOK_TOKEN_FILE",
            value_name = "FILE",
            hide_env_values = true
        )]
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
    #[arg(long, env = "CHATWORK_CLIENT_ID", hide_env_values = true)]
    pub client_id: String,
    /// The redirect URI registered for the client.
    #[arg(long, env = "CHATWORK_REDIRECT_URI", hide_env_values = true)]
    pub redirect_uri: String,
    /// A scope to ask for; repeatable (default: users.all:read rooms.all:read_write
    /// contacts.all:read_write offline_access).
    #[arg(long)]
    pub scope: Vec<String>,
    /// A file holding the client secret (or CHATWORK_CLIENT_SECRET).
    #[arg(long, value_name = "FILE")]
    pub client_secret_file: Option<PathBuf>,
    /// The consent screen's URL.
    #[arg(long, hide = true, env = "CHATWORK_OAUTH_AUTHORIZE_URL", default_value = chatwork::oauth::AUTHORIZE_URL, hide_env_values = true)]
    pub authorize_url: String,
    /// The token endpoint's URL.
    #[arg(long, hide = true, env = "CHATWORK_OAUTH_TOKEN_URL", default_value = chatwork::oauth::TOKEN_URL, hide_env_values = true)]
    pub token_url: String,
}

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, Parser};

    use super::*;

    /// `chatwork ...` of an example line, split as a shell splits it (double quotes only),
    /// up to a pipe or a redirection.
    fn words(line: &str) -> Vec<String> {
        let from = line.find("chatwork ").expect("an example runs chatwork");
        let mut words = Vec::new();
        let mut word = String::new();
        let mut quoted = false;
        for c in line[from..].chars() {
            match c {
                '"' => quoted = !quoted,
                '\\' => {}
                ' ' if !quoted => {
                    if !word.is_empty() {
                        words.push(std::mem::take(&mut word));
                    }
                }
                '|' | '>' if !quoted => break,
                c => word.push(c),
            }
        }
        if !word.is_empty() {
            words.push(word);
        }
        words
    }

    /// The lines of the `Example:` or `Examples:` section of a help text.
    fn examples(help: &str) -> Vec<&str> {
        help.split("\n\n")
            .filter(|section| section.starts_with("Example"))
            .flat_map(|section| section.lines().skip(1))
            .filter(|l| l.contains("chatwork "))
            .collect()
    }

    /// Every example in every command's help parses: no option that does not exist, no value
    /// clap refuses.
    #[test]
    fn every_example_in_the_help_parses() {
        fn walk(cmd: &clap::Command, path: &str, seen: &mut usize) {
            let help = cmd
                .get_after_help()
                .map(|h| h.to_string())
                .unwrap_or_default();
            for line in examples(&help) {
                let args = words(line.trim());
                if let Err(e) = Cli::try_parse_from(&args) {
                    panic!("{path}: {line}\n{e}");
                }
                *seen += 1;
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), seen);
            }
        }
        let mut seen = 0;
        walk(&Cli::command(), "chatwork", &mut seen);
        assert!(seen >= 50, "{seen} examples");
        // Every leaf command has one.
        fn leaves(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
            if cmd.get_subcommands().next().is_none() {
                let help = cmd
                    .get_after_help()
                    .map(|h| h.to_string())
                    .unwrap_or_default();
                if examples(&help).is_empty() {
                    out.push(path.to_owned());
                }
            }
            for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
                leaves(sub, &format!("{path} {}", sub.get_name()), out);
            }
        }
        let mut without = Vec::new();
        leaves(&Cli::command(), "chatwork", &mut without);
        assert!(without.is_empty(), "no example: {without:?}");
    }
}
