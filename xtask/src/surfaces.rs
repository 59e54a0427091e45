//! `check`'s look at the hand-written surfaces: which operation of the spec the local
//! Chatwork has no behaviour for, which is served by a CLI command or MCP tool derived from the
//! catalog (a warning: it works, with the spec's names and plain JSON), which has no surface at
//! all (an upload without a hand-written command or tool), and which hand-written entry names
//! an operation the spec no longer has (stale).

use std::collections::BTreeMap;

/// What `check` needs of one operation of the spec.
pub struct Surfaced<'a> {
    pub id: &'a str,
    pub tag: &'a str,
    /// Its body is `multipart/form-data` (an upload): nothing can be derived for it.
    pub upload: bool,
}

/// The list of operations with a hand-written CLI command.
pub const CLI_COMMANDS: &str = "cli/src/cmd/derived.rs";

/// The IDs of `const HAND_WRITTEN: &[&str] = &[...]` in `text`.
fn hand_written(text: &str) -> Option<Vec<&str>> {
    let from = text.find("HAND_WRITTEN: &[&str] = &[")?;
    let list = &text[from..];
    let list = &list[list.find("= &[")? + 4..list.find("];")?];
    Some(
        list.split(',')
            .map(|s| s.trim().trim_matches('"'))
            .filter(|s| !s.is_empty())
            .collect(),
    )
}

/// Errors and warnings for `ops` against the hand-written surfaces read into `files`.
pub fn check(ops: &[Surfaced<'_>], files: &BTreeMap<String, String>) -> (Vec<String>, Vec<String>) {
    let (mut errors, mut warnings) = (Vec::new(), Vec::new());
    if let Some(handlers) = files.get("mock/src/handlers.rs") {
        for op in ops {
            if !handlers.contains(&format!("{:?} => on(", op.id)) {
                errors.push(format!(
                    "the local Chatwork has no behaviour for {}: it is routed and validated, and \
                     answers the spec's example until mock/src/handlers.rs routes it to the world",
                    op.id
                ));
            }
        }
    }
    if let Some(cli) = files.get(CLI_COMMANDS) {
        match hand_written(cli) {
            None => errors.push(format!("{CLI_COMMANDS} has no HAND_WRITTEN list")),
            Some(hand) => {
                for id in hand.iter().filter(|id| !ops.iter().any(|o| o.id == **id)) {
                    errors.push(format!(
                        "{CLI_COMMANDS} lists {id} in HAND_WRITTEN, but the spec has no such \
                         operation: remove its command, or the entry"
                    ));
                }
                for op in ops.iter().filter(|o| !hand.contains(&o.id)) {
                    let name = format!(
                        "chatwork {} {}",
                        op.tag.replace('_', "-"),
                        crate::catalog::verb(op.id, op.tag)
                    );
                    if op.upload {
                        errors.push(format!(
                            "the CLI has no command for {}: an upload needs a hand-written \
                             `{name}` (listed in HAND_WRITTEN in {CLI_COMMANDS})",
                            op.id
                        ));
                    } else {
                        warnings.push(format!(
                            "`{name}` ({}) is a command derived from the catalog: write one by \
                             hand and list it in HAND_WRITTEN in {CLI_COMMANDS} for names, \
                             tables and friendlier flags",
                            op.id
                        ));
                    }
                }
            }
        }
    }
    let tools: Vec<&String> = files
        .iter()
        .filter(|(path, _)| path.starts_with(crate::MCP_TOOLS) && !path.ends_with("derived.rs"))
        .map(|(_, text)| text)
        .collect();
    if !tools.is_empty() {
        for op in ops {
            if tools.iter().any(|t| t.contains(&format!("{:?},", op.id))) {
                continue;
            }
            if op.upload {
                errors.push(format!(
                    "the MCP server has no tool {}: an upload needs a hand-written ToolDef named \
                     by the operation's ID in {}",
                    op.id,
                    crate::MCP_TOOLS
                ));
            } else {
                warnings.push(format!(
                    "the MCP tool {} is derived from the catalog: write a ToolDef named by the \
                     operation's ID in {} for typed output and friendlier arguments",
                    op.id,
                    crate::MCP_TOOLS
                ));
            }
        }
    }
    (errors, warnings)
}
