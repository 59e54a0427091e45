//! Input as people type it: message bodies and confirmations (due dates: `due`).

use std::io::{IsTerminal, Read};

use chatwork::model::AccountId;
use chatwork::notation::MessageBuilder;

use crate::failure::{Failure, Result};
use clap::Args;
use std::path::PathBuf;

/// The text of a body: the argument, `--file`, or standard input (`-` or nothing). One
/// trailing newline run is dropped (as `git log ... |` adds one).
pub fn text(body: &Body) -> Result<String> {
    let text = match (&body.text, &body.file) {
        (Some(t), _) if t != "-" => t.clone(),
        (_, Some(path)) => std::fs::read_to_string(path)
            .map_err(|e| Failure::usage(format!("cannot read {}: {e}", path.display())))?,
        (Some(_), None) => read_stdin()?,
        (None, None) => {
            if std::io::stdin().is_terminal() {
                return Err(Failure::usage(
                    "no text: give it as an argument, with --file, or on standard input",
                ));
            }
            read_stdin()?
        }
    };
    let text = text.trim_end_matches(['\n', '\r']).to_owned();
    if text.is_empty() {
        return Err(Failure::usage("the text is empty"));
    }
    Ok(text)
}

pub fn read_stdin() -> Result<String> {
    let mut s = String::new();
    std::io::stdin()
        .read_to_string(&mut s)
        .map_err(|e| Failure::usage(format!("cannot read standard input: {e}")))?;
    Ok(s)
}

/// Builds the message: mentions first, then the text escaped (plain, in `[info]` or in
/// `[code]`), or as notation with `--raw`.
pub fn compose(body: &Body, text: &str, mentions: &[(AccountId, String)]) -> String {
    let mut b = MessageBuilder::new();
    for (id, name) in mentions {
        b = b.to_named(*id, name);
    }
    if !mentions.is_empty() {
        b = b.newline();
    }
    if body.raw {
        return format!("{}{text}", b.build());
    }
    let content = |b: MessageBuilder| {
        if body.code {
            b.code(text)
        } else {
            b.text(text)
        }
    };
    let b = if body.info || body.info_title.is_some() {
        b.info(body.info_title.as_deref(), content)
    } else {
        content(b)
    };
    b.build().into_string()
}

/// Asks on stderr before a destructive command, unless `--yes`. The answer is read from a
/// terminal only: without one on standard input (a pipe, a script's loop), the command needs
/// `--yes` and reads nothing, so that `echo y |` cannot confirm and a loop's lines are not
/// taken as answers.
pub fn confirm(yes: bool, question: &str) -> Result<()> {
    if yes {
        return Ok(());
    }
    if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        return Err(Failure::usage(
            "not confirmed: standard input is not a terminal, so nothing is asked or read; nothing was changed",
        )
        .hint(format!("add --yes to go ahead without the question ({question})")));
    }
    eprint!("{question} [y/N] ");
    let mut answer = String::new();
    let _ = std::io::stdin().read_line(&mut answer);
    if matches!(answer.trim().to_lowercase().as_str(), "y" | "yes") {
        Ok(())
    } else {
        eprintln!();
        Err(Failure::usage("not confirmed; nothing was changed")
            .hint("add --yes to skip the question"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_escaped_unless_raw() {
        let body = |raw: bool, code: bool, title: Option<&str>| Body {
            text: None,
            file: None,
            to: vec![],
            info_title: title.map(str::to_owned),
            info: false,
            code,
            raw,
        };
        let bob = [(AccountId::from(1002), "Bob".to_owned())];
        assert_eq!(
            compose(&body(false, false, None), "[toall] hi", &bob),
            "[To:1002]Bob\n[\u{200b}toall] hi"
        );
        assert_eq!(
            compose(&body(true, false, None), "[toall] hi", &[]),
            "[toall] hi"
        );
        assert_eq!(
            compose(&body(false, true, Some("CI")), "a", &[]),
            "[info][title]CI[/title][code]a[/code][/info]"
        );
    }
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
