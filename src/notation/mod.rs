//! Chatwork message notation: a safe builder and a lossless parser.
//!
//! Message, task and room-description bodies carry square-bracket markup: `[To:123]`,
//! `[toall]`, `[rp aid=123 to=456-789]`, `[qt][qtmeta aid=123 time=...]...[/qt]`,
//! `[info][title]...[/title]...[/info]`, `[code]...[/code]`, `[hr]`, `[picon:123]`,
//! `[piconname:123]`, and system tags such as `[dtext:chatroom_added]`.
//!
//! # Writing
//!
//! ```
//! use chatwork::notation::MessageBuilder;
//!
//! let body = MessageBuilder::new()
//!     .to_named(1001, "Alice")
//!     .text("\n")
//!     .info(Some("CI"), |b| b.text("build #42 passed [see logs]"))
//!     .build();
//! assert_eq!(body.as_str(), "[To:1001]Alice\n[info][title]CI[/title]build #42 passed [\u{200B}see logs][/info]");
//! ```
//!
//! Text added with [`MessageBuilder::text`] can never become markup: a user-supplied
//! `[To:1]` or `[/info]` does not mention anyone or close a box.
//!
//! **How a literal `[` is shown.** Chatwork documents no escape for its notation. This
//! module escapes by inserting U+200B ZERO WIDTH SPACE right after every `[` of text: a tag
//! name can then never follow the bracket, so Chatwork shows the characters instead of
//! interpreting them, and the invisible space leaves the displayed text unchanged. The
//! parser undoes exactly that (one U+200B after a `[` is dropped in [`Node::Text`]'s
//! [`text`](Node::text)), so escaped text parses back to the original. That Chatwork's own
//! renderer ignores such a broken tag is our reading of its behaviour, not a documented
//! guarantee.
//!
//! # Reading
//!
//! ```
//! use chatwork::notation::Document;
//! use chatwork::AccountId;
//!
//! let doc = Document::parse("[rp aid=7 to=5-1928374655918273645]Bob\n[To:42] see [b]this[/b]");
//! assert!(doc.mentions_account(AccountId(42)));
//! assert_eq!(doc.reply_to().unwrap().message_id.as_str(), "1928374655918273645");
//! assert_eq!(doc.plain_text(), "Bob\n see this");
//! assert_eq!(doc.render(), "[rp aid=7 to=5-1928374655918273645]Bob\n[To:42] see [b]this[/b]");
//! ```
//!
//! The parser never fails: anything it does not understand (an unknown tag, an unbalanced
//! `[info]`) is kept as it is, and [`Document::render`] gives back the original body byte
//! for byte.
//!
//! # Hostile bodies
//!
//! Any member of a room can post any text, so the parser is built for the worst of it: one
//! pass with an explicit stack (no recursion, no search for a closing tag per opening tag),
//! linear in the body's length whatever it holds: thousands of nested quotes, megabytes of
//! unclosed `[info]` or `[code]` tags. Blocks nest at most [`MAX_DEPTH`] deep; deeper opening
//! tags stay literal [`Node::Tag`]s, so walking or dropping a [`Document`] needs little stack
//! (a tokio worker's 2 MiB is plenty).

mod build;
mod parse;

pub use build::{MessageBody, MessageBuilder};
pub use parse::{BlockKind, Document, MAX_DEPTH, Node, ReplyTarget};

/// The character inserted after `[` to keep text from being read as a tag.
pub const ESCAPE: char = '\u{200B}';

/// Escapes text so that it is displayed as written, never interpreted as notation.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        out.push(c);
        if c == '[' {
            out.push(ESCAPE);
        }
    }
    out
}

/// Escapes code for a `[code]` block: a U+200B goes after a `[` only where the block could
/// otherwise end (`[/code]`, in any letter case) or where one already follows (so that
/// [`unescape`] gives the code back exactly). Everything else is left as written.
pub fn escape_code(code: &str) -> String {
    let bytes = code.as_bytes();
    let mut out = String::with_capacity(code.len());
    let mut last = 0;
    for (at, _) in code.match_indices('[') {
        let rest = &bytes[at + 1..];
        let closes = rest.len() >= 6 && rest[..6].eq_ignore_ascii_case(b"/code]");
        if closes || code[at + 1..].starts_with(ESCAPE) {
            out.push_str(&code[last..=at]);
            out.push(ESCAPE);
            last = at + 1;
        }
    }
    out.push_str(&code[last..]);
    out
}

/// Undoes [`escape`] and [`escape_code`]: drops one U+200B right after each `[`.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut after_bracket = false;
    for c in text.chars() {
        if !(after_bracket && c == ESCAPE) {
            out.push(c);
        }
        after_bracket = c == '[';
    }
    out
}
