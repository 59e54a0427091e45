//! The command line, declared with clap.

use clap::{Parser, Subcommand};

use crate::auth::Auth;
use crate::cmd::api::Api;
use crate::cmd::contacts::{Contacts, Requests};
use crate::cmd::files::Files;
use crate::cmd::links::Links;
use crate::cmd::messages::Messages;
use crate::cmd::rooms::{Members, Rooms};
use crate::cmd::tasks::{MyTasks, Tasks};
use crate::context::Globals;
use crate::hooks::Webhook;
use crate::login::Login;

pub const AFTER_HELP: &str = "\
Credentials: CHATWORK_API_TOKEN, or a file with the token (--token-file, CHATWORK_TOKEN_FILE,
or ~/.config/chatwork/token). Without any, or with --mock, commands run against a local
Chatwork on this machine (its state kept in a file between runs; see --mock-state).

Rooms and accounts are IDs or names; a name must match exactly one room or account.

Exit codes:
  0  success; also when the reader of standard output leaves early (`| head`), quietly
  1  other failure (a server error, an answer that cannot be read, a local file)
  2  usage: bad arguments or values, an ambiguous or unknown name, refused by Chatwork (400),
     a destructive command not confirmed, or a --mock-state file that cannot be used
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

/// `chatwork --version`: this command's, the SDK's and Chatwork's API version, and the commit.
static VERSION: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "{} (chatwork-sdk {}, Chatwork API v{}, {})",
        env!("CARGO_PKG_VERSION"),
        chatwork::VERSION,
        chatwork::api_version(),
        env!("CHATWORK_BUILD_COMMIT")
    )
});

/// Chatwork from a shell: every API v2 operation, for scripts, CI and people.
#[derive(Parser, Debug)]
#[command(name = "chatwork", version = VERSION.as_str(), after_help = AFTER_HELP)]
pub struct Cli {
    #[command(flatten)]
    pub globals: Globals,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Your profile (`me`, or `me get`).
    #[command(after_help = "Examples:\n  chatwork me\n  chatwork --json me")]
    Me {
        #[command(subcommand)]
        get: Option<MeGet>,
    },
    /// Your status and your tasks: get-status, list-tasks.
    #[command(subcommand)]
    My(My),
    /// Your unread, mention and task counts (also `my get-status`).
    #[command(after_help = "Example:\n  chatwork status")]
    Status,
    /// Chats: list, get, create, update, leave, delete, list-members, update-members.
    #[command(subcommand)]
    Rooms(Rooms),
    /// A chat's members: list, set.
    #[command(subcommand)]
    Members(Members),
    /// Messages: list, get, post, update, delete, mark-read, mark-unread, watch.
    #[command(subcommand)]
    Messages(Messages),
    /// Tasks: list-room, mine, get, create, update-status, done, reopen.
    #[command(subcommand)]
    Tasks(Tasks),
    /// Files: list, get, upload, download.
    #[command(subcommand)]
    Files(Files),
    /// Contacts: list.
    #[command(subcommand)]
    Contacts(Contacts),
    /// Contact requests to you: list, accept, decline.
    #[command(subcommand, name = "incoming-requests", visible_alias = "requests")]
    Requests(Requests),
    /// A group chat's invitation link: get, create, update, delete.
    #[command(subcommand, name = "invitation-links", visible_alias = "links")]
    Links(Links),
    /// Any API call: `chatwork api GET /rooms --query ...`.
    #[command(
        after_help = "Examples:\n  chatwork api GET /rooms/106/members\n  chatwork api GET \"/v2/rooms/106/messages?force=1\"\n  chatwork api PUT /rooms/106 --form description=Shipping"
    )]
    Api(Api),
    /// Webhooks: receive and verify (`listen`), or sign a body for testing (`sign`).
    #[command(subcommand)]
    Webhook(Webhook),
    /// Sign in with OAuth 2.0: Chatwork's consent screen, then "Allow" (`--profile NAME`
    /// keeps it as a profile; `--with-token` keeps an API token instead).
    Login(Login),
    /// Serve Chatwork to AI agents over the Model Context Protocol (stdio, or HTTP).
    #[command(
        after_help = "MCP client configuration (stdio): {\"command\": \"chatwork\", \"args\": [\"mcp\"]}\n\nExamples:\n  chatwork mcp\n  chatwork mcp --read-only\n  chatwork mcp --http 127.0.0.1:8765\n  chatwork mcp --list-tools"
    )]
    Mcp(crate::mcp::Mcp),
    /// Forget the OAuth tokens (delete the OAuth file); with `--profile NAME`, forget that
    /// profile's credential.
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

/// `me get`: the same as `me`.
#[derive(Subcommand, Debug)]
pub enum MeGet {
    /// Your profile.
    #[command(after_help = "Example:\n  chatwork me get")]
    Get,
}

/// `my ...`: your status and your tasks.
#[derive(Subcommand, Debug)]
pub enum My {
    /// Your unread, mention and task counts (also `status`).
    #[command(after_help = "Example:\n  chatwork my get-status")]
    GetStatus,
    /// Tasks assigned to you (also `tasks mine`).
    #[command(
        after_help = "Examples:\n  chatwork my list-tasks\n  chatwork my list-tasks --status done"
    )]
    ListTasks(MyTasks),
}

/// The whole command line: the hand-written commands, and a command derived from the spec's
/// catalog for every operation without one (`cmd::derived`).
pub fn command() -> clap::Command {
    crate::cmd::derived::augment(<Cli as clap::CommandFactory>::command())
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
        walk(&command(), "chatwork", &mut seen);
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
        leaves(&command(), "chatwork", &mut without);
        assert!(without.is_empty(), "no example: {without:?}");
    }

    /// Every operation of the catalog is `chatwork <tag> <verb>`: hand-written for the ones
    /// `cmd::derived::HAND_WRITTEN` lists (and found there in the hand-written tree), derived
    /// for the others; today's names still parse (aliases).
    #[test]
    fn every_operation_is_a_command_named_by_its_tag_and_verb() {
        use crate::cmd::derived::{HAND_WRITTEN, group};
        let hand = Cli::command();
        let all = command();
        for op in chatwork::catalog::OPERATIONS {
            let at = |tree: &clap::Command| {
                tree.find_subcommand(group(op.tag))
                    .and_then(|g| g.find_subcommand(op.verb))
                    .is_some()
            };
            assert_eq!(
                at(&hand),
                HAND_WRITTEN.contains(&op.id),
                "{}: chatwork {} {}",
                op.id,
                group(op.tag),
                op.verb
            );
            assert!(at(&all), "{}", op.id);
        }
        for old in [
            "me",
            "status",
            "members list 1",
            "members set 1 --admin 2",
            "messages edit 1 2 text",
            "messages read 1",
            "messages unread 1 --message 2",
            "tasks list 1",
            "tasks mine",
            "requests list",
            "requests approve 9",
            "links get 1",
        ] {
            let line = format!("chatwork {old}");
            if let Err(e) = Cli::try_parse_from(line.split(' ')) {
                panic!("{line}: {e}");
            }
        }
    }
}
