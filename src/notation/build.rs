//! Writing: [`MessageBuilder`] and the [`MessageBody`] it builds.

use std::fmt;

use super::parse::CODE_CLOSE;
use super::{escape, escape_code};
use crate::model::{AccountId, MessageId, RoomId};

/// A message body built with [`MessageBuilder`]; accepted by `post_message().body(...)`,
/// `update_message().body(...)` and `create_task().body(...)`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct MessageBody(String);

impl MessageBody {
    /// The body text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The body text, owned.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for MessageBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<MessageBody> for String {
    fn from(b: MessageBody) -> String {
        b.0
    }
}

impl From<&MessageBody> for String {
    fn from(b: &MessageBody) -> String {
        b.0.clone()
    }
}

/// Builds a message body; text is always escaped.
#[derive(Clone, Debug, Default)]
#[must_use]
pub struct MessageBuilder {
    out: String,
}

impl MessageBuilder {
    /// An empty body.
    pub fn new() -> Self {
        Self::default()
    }

    /// Plain text, escaped: it is displayed as written and never becomes markup.
    pub fn text(mut self, text: &str) -> Self {
        self.out.push_str(&escape(text));
        self
    }

    /// A line break.
    pub fn newline(mut self) -> Self {
        self.out.push('\n');
        self
    }

    /// `[To:id]`: addresses an account.
    pub fn to(mut self, account: impl Into<AccountId>) -> Self {
        self.out.push_str(&format!("[To:{}]", account.into()));
        self
    }

    /// `[To:id]name`: addresses an account, followed by its (escaped) display name.
    pub fn to_named(self, account: impl Into<AccountId>, name: &str) -> Self {
        self.to(account).text(name)
    }

    /// `[toall]`: addresses every member.
    pub fn to_all(mut self) -> Self {
        self.out.push_str("[toall]");
        self
    }

    /// `[rp aid=.. to=room-message]`: a reply to a message (also addresses its author).
    ///
    /// IDs are taken as the request builders take them: integers or the ID types, and the
    /// message as a [`MessageId`], a `&MessageId` or an integer. A message ID in a string is
    /// checked first (`MessageId::try_from(text)?`), so the body never holds a broken tag.
    pub fn reply(
        mut self,
        account: impl Into<AccountId>,
        room: impl Into<RoomId>,
        message: impl Into<MessageId>,
    ) -> Self {
        self.out.push_str(&format!(
            "[rp aid={} to={}-{}]",
            account.into(),
            room.into(),
            message.into()
        ));
        self
    }

    /// `[qt][qtmeta aid=..]...[/qt]`: a quote of `author`'s words.
    pub fn quote_by(
        self,
        author: impl Into<AccountId>,
        content: impl FnOnce(Self) -> Self,
    ) -> Self {
        self.quote(Some((author.into(), None)), content)
    }

    /// `[qt][qtmeta aid=.. time=..]...[/qt]`: a quote of `author`'s words, sent at `time`
    /// (Unix seconds or a `SystemTime`).
    pub fn quote_at(
        self,
        author: impl Into<AccountId>,
        time: impl Into<crate::model::UnixTime>,
        content: impl FnOnce(Self) -> Self,
    ) -> Self {
        self.quote(Some((author.into(), Some(time.into().get()))), content)
    }

    /// `[qt][qtmeta aid=.. time=..]...[/qt]`: a quote, with its author and, optionally, the
    /// time (Unix seconds) of the quoted message. Build the content with `content`.
    pub fn quote(
        mut self,
        author: Option<(AccountId, Option<i64>)>,
        content: impl FnOnce(Self) -> Self,
    ) -> Self {
        self.out.push_str("[qt]");
        match author {
            Some((aid, Some(time))) => self
                .out
                .push_str(&format!("[qtmeta aid={aid} time={time}]")),
            Some((aid, None)) => self.out.push_str(&format!("[qtmeta aid={aid}]")),
            None => {}
        }
        self.out.push_str(&content(Self::new()).out);
        self.out.push_str("[/qt]");
        self
    }

    /// `[info][title]..[/title]...[/info]`: an information box, with an optional title.
    pub fn info(mut self, title: Option<&str>, content: impl FnOnce(Self) -> Self) -> Self {
        self.out.push_str("[info]");
        if let Some(title) = title {
            self.out
                .push_str(&format!("[title]{}[/title]", escape(title)));
        }
        self.out.push_str(&content(Self::new()).out);
        self.out.push_str("[/info]");
        self
    }

    /// `[code]...[/code]`: a code block. Inside code nothing is markup, so only what could
    /// end the block is escaped (see [`escape_code`]): code copied out of the message keeps no
    /// invisible characters.
    pub fn code(mut self, code: &str) -> Self {
        self.out.push_str("[code]");
        self.out.push_str(&escape_code(code));
        self.out.push_str(CODE_CLOSE);
        self
    }

    /// `[hr]`: a horizontal rule.
    pub fn rule(mut self) -> Self {
        self.out.push_str("[hr]");
        self
    }

    /// `[picon:id]`: an account's avatar.
    pub fn picon(mut self, account: impl Into<AccountId>) -> Self {
        self.out.push_str(&format!("[picon:{}]", account.into()));
        self
    }

    /// `[piconname:id]`: an account's avatar and name.
    pub fn picon_name(mut self, account: impl Into<AccountId>) -> Self {
        self.out
            .push_str(&format!("[piconname:{}]", account.into()));
        self
    }

    /// The body.
    pub fn build(self) -> MessageBody {
        MessageBody(self.out)
    }
}
