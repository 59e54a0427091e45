//! Commands derived from the spec's catalog (`chatwork::catalog`): every operation is
//! `chatwork <tag> <verb>`. The operations in [`HAND_WRITTEN`] have a command written by hand
//! (room and account names, tables, friendly dates, confirmations); every other operation gets
//! one made here, with its parameters as arguments (path parameters in path order, the rest as
//! `--flags`), its summary and description as `--help`, and each value checked as Chatwork
//! checks it before anything is sent. Uploads need a hand-written command (a file to read).

use chatwork::catalog::{Body, Charset, Kind, Location, Operation, Param};
use clap::{Arg, ArgMatches, Command};
use serde_json::{Map, Value};

use crate::context::Ctx;
use crate::failure::{Failure, Result};
use crate::input;

/// The operations whose `chatwork <tag> <verb>` command is written by hand (in this crate's
/// `cmd` modules). `cargo xtask check` reads this list: an ID that is not in the spec is stale,
/// and an operation not in it is served by a command derived here.
pub const HAND_WRITTEN: &[&str] = &[
    "get_me",
    "get_my_status",
    "list_my_tasks",
    "list_contacts",
    "list_rooms",
    "create_room",
    "get_room",
    "update_room",
    "delete_room",
    "list_members",
    "update_members",
    "list_messages",
    "post_message",
    "mark_messages_read",
    "mark_messages_unread",
    "get_message",
    "update_message",
    "delete_message",
    "list_room_tasks",
    "create_task",
    "get_task",
    "update_task_status",
    "list_files",
    "upload_file",
    "get_file",
    "get_invitation_link",
    "update_invitation_link",
    "create_invitation_link",
    "delete_invitation_link",
    "list_incoming_requests",
    "accept_incoming_request",
    "decline_incoming_request",
];

/// The command group of a tag: `invitation_links` is `invitation-links`.
pub fn group(tag: &str) -> String {
    tag.replace('_', "-")
}

/// The operations that get a derived command: not hand-written, and not an upload.
pub fn derived() -> impl Iterator<Item = &'static Operation> {
    chatwork::catalog::OPERATIONS
        .iter()
        .filter(|op| !HAND_WRITTEN.contains(&op.id) && op.body != Body::Multipart)
}

/// `tree` with a derived command for every operation of [`derived`] (and a group for a tag
/// the tree has none for).
pub fn augment(mut tree: Command) -> Command {
    for op in derived() {
        let name = group(op.tag);
        // A hand-written command of that name wins (a test keeps `HAND_WRITTEN` in step).
        let taken = tree
            .find_subcommand(&name)
            .is_some_and(|g| g.find_subcommand(op.verb).is_some());
        if taken {
            continue;
        }
        if tree.find_subcommand(&name).is_none() {
            tree = tree.subcommand(
                Command::new(name.clone())
                    .about(format!("Operations tagged {}.", op.tag))
                    .subcommand_required(true)
                    .arg_required_else_help(true),
            );
        }
        tree = tree.mut_subcommand(&name, |g| g.subcommand(command(op)));
    }
    tree
}

/// The operation of a derived command the command line chose, and its arguments.
pub fn chosen(matches: &ArgMatches) -> Option<(&'static Operation, &ArgMatches)> {
    let (name, sub) = matches.subcommand()?;
    let (verb, args) = sub.subcommand()?;
    let op = derived().find(|op| group(op.tag) == name && op.verb == verb)?;
    Some((op, args))
}

/// The path parameters, in the order they appear in the path.
fn path_params(op: &'static Operation) -> Vec<&'static Param> {
    let mut path: Vec<&'static Param> = op
        .params
        .iter()
        .filter(|p| p.location == Location::Path)
        .collect();
    path.sort_by_key(|p| op.path.find(&format!("{{{}}}", p.name)).unwrap_or(0));
    path
}

/// The derived command of one operation.
pub fn command(op: &'static Operation) -> Command {
    let mut long = format!("{}\n\n", op.summary);
    if !op.description.is_empty() {
        long.push_str(op.description.trim());
        long.push_str("\n\n");
    }
    long.push_str(&format!("Chatwork: {} {}", op.method, op.path));
    if !op.scopes.is_empty() {
        long.push_str(&format!(" (OAuth scopes: {})", op.scopes.join(", ")));
    }
    if op.method == "DELETE" {
        long.push_str("\n\nAsks first; --yes goes ahead without the question.");
    }
    let mut cmd = Command::new(op.verb)
        .about(op.summary.trim_end_matches('.').to_owned())
        .long_about(long)
        .after_help(format!("Example:\n  {}", example(op)));
    for p in path_params(op) {
        cmd = cmd.arg(arg(p).required(true).value_name(p.name.to_uppercase()));
    }
    for p in op
        .params
        .iter()
        .filter(|p| !matches!(p.location, Location::Path) && p.kind != Kind::File)
    {
        cmd = cmd.arg(
            arg(p)
                .long(p.name.replace('_', "-"))
                .required(p.required)
                .value_name(p.name.to_uppercase())
                .allow_hyphen_values(true),
        );
    }
    cmd
}

/// One parameter's argument: its help from the spec, its values checked as Chatwork checks.
fn arg(p: &'static Param) -> Arg {
    let mut help = format!("{} ({}", p.description.trim(), p.values());
    if let Some(d) = p.default {
        help.push_str(&format!("; Chatwork's default: {d}"));
    }
    help.push(')');
    let arg = Arg::new(p.name).help(help);
    match p.kind {
        Kind::OneOf(values) => arg.value_parser(clap::builder::PossibleValuesParser::new(values)),
        _ => arg.value_parser(move |value: &str| match p.refuse(value) {
            Some(why) => Err(why),
            None => Ok(value.to_owned()),
        }),
    }
}

/// An example command line: the required parameters with a value they take.
fn example(op: &'static Operation) -> String {
    let mut line = format!("chatwork {} {}", group(op.tag), op.verb);
    let sample = |p: &Param| match p.kind {
        Kind::Integer { min, .. } => min.map_or(1, |m| m.max(1)).to_string(),
        Kind::OneOf(values) => values.first().copied().unwrap_or_default().to_owned(),
        Kind::Text {
            charset: Some(Charset::Digits | Charset::DigitList),
            ..
        } => "1".to_owned(),
        _ => "\"text\"".to_owned(),
    };
    for p in path_params(op) {
        line.push(' ');
        line.push_str(&sample(p));
    }
    for p in op
        .params
        .iter()
        .filter(|p| p.required && p.location != Location::Path && p.kind != Kind::File)
    {
        line.push_str(&format!(" --{} {}", p.name.replace('_', "-"), sample(p)));
    }
    line
}

/// The arguments given, by parameter name.
pub fn arguments(op: &Operation, args: &ArgMatches) -> Map<String, Value> {
    op.params
        .iter()
        .filter_map(|p| {
            let value = args.try_get_one::<String>(p.name).ok().flatten()?;
            Some((p.name.to_owned(), Value::String(value.clone())))
        })
        .collect()
}

/// Runs a derived command: the request checked as Chatwork checks it, a DELETE confirmed, the
/// call made through the SDK's raw call (limits, pacing, retries as for every call), and the
/// answer printed as `chatwork api` prints it.
pub async fn run(ctx: &Ctx, op: &'static Operation, args: &ArgMatches) -> Result<()> {
    let response = call(ctx, op, args).await?;
    super::api::print_body(response.bytes())
}

/// The call of a derived command, and Chatwork's answer.
async fn call(
    ctx: &Ctx,
    op: &'static Operation,
    args: &ArgMatches,
) -> Result<chatwork::RawResponse> {
    let request = crate::operation::request(op, &Value::Object(arguments(op, args)))
        .map_err(Failure::usage)?;
    if op.method == "DELETE" {
        input::confirm(
            ctx.yes,
            &format!("{} ({} {})?", op.summary, op.method, request.path),
        )?;
    }
    let mut req = ctx.client.raw(op.method, request.path.as_str());
    for (k, v) in &request.query {
        req = req.query(k, v);
    }
    for (k, v) in &request.form {
        req = req.form(k, v);
    }
    Ok(req.send().await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(id: &str) -> &'static Operation {
        chatwork::catalog::operation(id).unwrap()
    }

    fn parse(op: &'static Operation, words: &[&str]) -> std::result::Result<Value, String> {
        let cmd = Command::new("chatwork").subcommand(command(op));
        let m = cmd
            .try_get_matches_from(std::iter::once("chatwork").chain(words.iter().copied()))
            .map_err(|e| e.to_string())?;
        let (_, args) = m.subcommand().unwrap();
        let request = crate::operation::request(op, &Value::Object(arguments(op, args)))?;
        Ok(serde_json::json!({"path": request.path, "query": request.query, "form": request.form}))
    }

    /// Every operation's derived command is a valid clap command, with `--help` from the spec,
    /// and its values are checked as Chatwork checks them, naming the parameter.
    #[test]
    fn a_derived_command_takes_what_chatwork_takes_and_names_what_it_refuses() {
        for op in chatwork::catalog::OPERATIONS {
            let cmd = Command::new("chatwork").subcommand(command(op));
            cmd.debug_assert();
        }
        let files = op("list_files");
        assert_eq!(
            parse(files, &["list", "101", "--account-id", "1002"]).unwrap(),
            serde_json::json!({"path": "/rooms/101/files", "query": [["account_id", "1002"]], "form": []})
        );
        let bad = parse(files, &["list", "101", "--account-id", "bob"]).unwrap_err();
        assert!(
            bad.contains("--account-id")
                && bad.contains("Parameter 'account_id' must be an integer"),
            "{bad}"
        );
        let status = op("update_task_status");
        assert_eq!(
            parse(status, &["update-status", "7", "501", "--body", "done"]).unwrap(),
            serde_json::json!({"path": "/rooms/7/tasks/501/status", "query": [], "form": [["body", "done"]]})
        );
        let bad = parse(status, &["update-status", "7", "501", "--body", "finished"]).unwrap_err();
        assert!(
            bad.contains("'finished'") && bad.contains("[possible values: open, done]"),
            "{bad}"
        );
        let missing = parse(status, &["update-status", "7", "501"]).unwrap_err();
        assert!(missing.contains("--body <BODY>"), "{missing}");
        let task = op("create_task");
        let empty = parse(task, &["create", "7", "--body", "", "--to-ids", "1"]).unwrap_err();
        assert!(
            empty.contains("Parameter 'body' must be 1 to 65535 characters"),
            "{empty}"
        );
        let mut help = command(status);
        let long = help.render_long_help().to_string();
        for needle in [
            status.summary,
            "PUT /rooms/{room_id}/tasks/{task_id}/status",
            "<ROOM_ID>",
            "--body <BODY>",
            "[possible values: open, done]",
            "Example:\n  chatwork tasks update-status 1 1 --body open",
        ] {
            assert!(long.contains(needle), "{needle}:\n{long}");
        }
    }

    /// A derived command calls the local Chatwork and changes what the operation changes.
    #[tokio::test]
    async fn a_derived_command_calls_chatwork() {
        use clap::Parser;
        #[derive(Parser)]
        struct G {
            #[command(flatten)]
            globals: crate::context::Globals,
        }
        let dir = std::env::temp_dir().join(format!("chatwork-derived-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let state = dir.join("state.json");
        let g = G::try_parse_from(
            ["chatwork", "--mock", "--yes", "--mock-state"]
                .into_iter()
                .chain([state.to_str().unwrap()]),
        )
        .unwrap();
        let ctx = Ctx::new(&g.globals).await.unwrap();
        let me = ctx.client.get_me().send().await.unwrap();
        let made = ctx
            .client
            .create_task()
            .room_id(me.room_id)
            .body("derived")
            .to_ids(vec![me.account_id])
            .send()
            .await
            .unwrap();
        let (room_id, task_id) = (me.room_id, made.task_ids[0]);
        let (room, id) = (room_id.to_string(), task_id.to_string());
        let op = op("update_task_status");
        let m = Command::new("chatwork")
            .subcommand(command(op))
            .try_get_matches_from(["chatwork", "update-status", &room, &id, "--body", "done"])
            .unwrap();
        let answer = call(&ctx, op, m.subcommand().unwrap().1).await.unwrap();
        assert_eq!(answer.status(), 200);
        let body: Value = serde_json::from_slice(answer.bytes()).unwrap();
        assert_eq!(body["task_id"].to_string(), id);
        let after = ctx
            .client
            .get_task()
            .room_id(room_id)
            .task_id(task_id)
            .send()
            .await
            .unwrap();
        assert_eq!(after.status.to_string(), "done");
        drop(ctx);
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// Every ID in [`HAND_WRITTEN`] is an operation of the catalog.
    #[test]
    fn the_hand_written_list_names_operations() {
        for id in HAND_WRITTEN {
            assert!(chatwork::catalog::operation(id).is_some(), "{id}");
        }
    }
}
