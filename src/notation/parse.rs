//! Reading: the one-pass parser into a [`Document`] of [`Node`]s.

use std::fmt;

use super::unescape;
use crate::model::{AccountId, MessageId, RoomId};

/// A block that holds other nodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// `[qt]...[/qt]`
    Quote,
    /// `[info]...[/info]`
    Info,
    /// `[title]...[/title]` (inside an info box)
    Title,
}

impl BlockKind {
    fn name(self) -> &'static str {
        match self {
            BlockKind::Quote => "qt",
            BlockKind::Info => "info",
            BlockKind::Title => "title",
        }
    }
}

/// One piece of a parsed body. Every node keeps its source text, so rendering is lossless.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Node {
    /// Text, as written in the body (escapes included; see [`Node::text`]).
    Text(String),
    /// `[To:id]`
    Mention {
        /// The addressed account.
        account_id: AccountId,
        /// The tag as written.
        raw: String,
    },
    /// `[toall]`
    MentionAll {
        /// The tag as written.
        raw: String,
    },
    /// `[rp aid=.. to=room-message]`
    Reply {
        /// The author of the replied-to message.
        account_id: AccountId,
        /// Its room.
        room_id: RoomId,
        /// The replied-to message.
        message_id: MessageId,
        /// The tag as written.
        raw: String,
    },
    /// `[qtmeta aid=.. time=..]`, the author line of a quote.
    QuoteMeta {
        /// The quoted author.
        account_id: AccountId,
        /// The quoted message's time, Unix seconds.
        time: Option<i64>,
        /// The tag as written.
        raw: String,
    },
    /// A balanced `[qt]`, `[info]` or `[title]` block.
    Block {
        /// Which block.
        kind: BlockKind,
        /// The opening tag as written.
        open: String,
        /// The content.
        children: Vec<Node>,
        /// The closing tag as written.
        close: String,
    },
    /// `[code]...[/code]`: the content is not parsed.
    Code {
        /// The opening tag as written.
        open: String,
        /// The code, as written.
        code: String,
        /// The closing tag as written.
        close: String,
    },
    /// `[hr]`
    Rule {
        /// The tag as written.
        raw: String,
    },
    /// `[picon:id]` (`name: false`) or `[piconname:id]` (`name: true`)
    Picon {
        /// The account.
        account_id: AccountId,
        /// Whether the name is shown too.
        name: bool,
        /// The tag as written.
        raw: String,
    },
    /// A tag this parser does not interpret (a system tag, an unknown tag, or an
    /// unbalanced opening or closing tag), kept as written.
    Tag(String),
}

impl Node {
    /// The source text of the node.
    pub fn render_into(&self, out: &mut String) {
        match self {
            Node::Text(s) | Node::Tag(s) => out.push_str(s),
            Node::Mention { raw, .. }
            | Node::MentionAll { raw }
            | Node::Reply { raw, .. }
            | Node::QuoteMeta { raw, .. }
            | Node::Rule { raw }
            | Node::Picon { raw, .. } => out.push_str(raw),
            Node::Block {
                open,
                children,
                close,
                ..
            } => {
                out.push_str(open);
                children.iter().for_each(|c| c.render_into(out));
                out.push_str(close);
            }
            Node::Code { open, code, close } => {
                out.push_str(open);
                out.push_str(code);
                out.push_str(close);
            }
        }
    }

    /// For [`Node::Text`] and [`Node::Code`], the text with [`escape`](super::escape)s undone.
    pub fn text(&self) -> Option<String> {
        match self {
            Node::Text(s) => Some(unescape(s)),
            Node::Code { code, .. } => Some(unescape(code)),
            _ => None,
        }
    }
}

/// A parsed body.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Document {
    /// The top-level nodes.
    pub nodes: Vec<Node>,
}

/// The message a reply points to.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReplyTarget {
    /// Its author.
    pub account_id: AccountId,
    /// Its room.
    pub room_id: RoomId,
    /// The message.
    pub message_id: MessageId,
}

/// How deeply `[qt]`, `[info]` and `[title]` blocks nest in a parsed [`Document`].
///
/// An opening tag met while this many blocks are already open stays a literal
/// [`Node::Tag`] (and so does its closing tag): the tree a body can produce is at most this
/// deep, so walking, rendering and dropping it never needs more than a few kilobytes of stack,
/// whatever a room member posts. Real messages nest a handful of quotes at most.
pub const MAX_DEPTH: usize = 32;

pub(super) const CODE_CLOSE: &str = "[/code]";

fn digits(s: &str) -> Option<i64> {
    (!s.is_empty() && s.len() <= 18 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn block_index(kind: BlockKind) -> usize {
    match kind {
        BlockKind::Quote => 0,
        BlockKind::Info => 1,
        BlockKind::Title => 2,
    }
}

/// What a complete `[...]` tag means to the parser.
enum TagKind {
    Open(BlockKind),
    Close(BlockKind),
    CodeOpen,
    Leaf(Node),
}

fn classify(raw: &str) -> TagKind {
    let inner = &raw[1..raw.len() - 1];
    let owned = || raw.to_owned();
    match inner {
        "toall" => return TagKind::Leaf(Node::MentionAll { raw: owned() }),
        "hr" => return TagKind::Leaf(Node::Rule { raw: owned() }),
        "qt" => return TagKind::Open(BlockKind::Quote),
        "/qt" => return TagKind::Close(BlockKind::Quote),
        "info" => return TagKind::Open(BlockKind::Info),
        "/info" => return TagKind::Close(BlockKind::Info),
        "title" => return TagKind::Open(BlockKind::Title),
        "/title" => return TagKind::Close(BlockKind::Title),
        "code" => return TagKind::CodeOpen,
        _ => {}
    }
    if let Some(id) = inner.strip_prefix("To:").and_then(digits) {
        return TagKind::Leaf(Node::Mention {
            account_id: AccountId(id),
            raw: owned(),
        });
    }
    if let Some(id) = inner.strip_prefix("picon:").and_then(digits) {
        return TagKind::Leaf(Node::Picon {
            account_id: AccountId(id),
            name: false,
            raw: owned(),
        });
    }
    if let Some(id) = inner.strip_prefix("piconname:").and_then(digits) {
        return TagKind::Leaf(Node::Picon {
            account_id: AccountId(id),
            name: true,
            raw: owned(),
        });
    }
    if let Some(rest) = inner.strip_prefix("rp aid=")
        && let Some((aid, to)) = rest.split_once(" to=")
        && let Some((room, message)) = to.split_once('-')
        && let (Some(aid), Some(room)) = (digits(aid), digits(room))
        && let Ok(message_id) = MessageId::try_from(message)
    {
        return TagKind::Leaf(Node::Reply {
            account_id: AccountId(aid),
            room_id: RoomId(room),
            message_id,
            raw: owned(),
        });
    }
    if let Some(rest) = inner.strip_prefix("qtmeta aid=") {
        let (aid, time) = match rest.split_once(" time=") {
            Some((aid, time)) => (aid, digits(time).map(Some)),
            None => (rest, Some(None)),
        };
        if let (Some(aid), Some(time)) = (digits(aid), time) {
            return TagKind::Leaf(Node::QuoteMeta {
                account_id: AccountId(aid),
                time,
                raw: owned(),
            });
        }
    }
    TagKind::Leaf(Node::Tag(owned()))
}

/// The end (index of `]`) of the tag that starts at `bytes[at] == b'['`, if one does: a
/// name character or `/`, then anything but `[`, `]` and line breaks, then `]`. Looks no
/// further than the next `[`, so every byte is looked at a bounded number of times.
fn tag_end(bytes: &[u8], at: usize) -> Option<usize> {
    let first = *bytes.get(at + 1)?;
    if !(first.is_ascii_alphabetic() || first == b'/') {
        return None;
    }
    let rest = &bytes[at + 1..];
    let p = memchr::memchr3(b']', b'[', b'\n', rest)?;
    (rest[p] == b']').then_some(at + 1 + p)
}

/// An open block whose closing tag has not been met yet: its opening tag sits in the flat
/// node list at `at`, as a [`Node::Tag`] until the block closes.
struct Frame {
    kind: BlockKind,
    at: usize,
}

/// Builds the tree in one pass with an explicit stack: no recursion, no look-ahead.
///
/// Every node goes to one flat list; when a block closes, the nodes after its opening tag
/// move into it (once: the block then stands for them in the flat list). A closing tag with
/// no open block of its kind is a literal tag; one that closes a block further down the stack
/// leaves the blocks above it unclosed, and an unclosed block simply keeps its opening tag as
/// a [`Node::Tag`] followed by its content. Each node is moved at most once and each frame
/// popped once, so the work is linear in the body.
struct TreeBuilder {
    flat: Vec<Node>,
    stack: Vec<Frame>,
    /// Open frames per block kind, to tell in O(1) whether a closing tag closes anything.
    open: [usize; 3],
    /// Opening tags kept literal because the stack was full, per kind, so that their
    /// closing tags stay literal too. Reset when the stack shrinks.
    overflow: [usize; 3],
}

impl TreeBuilder {
    fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if let Some(Node::Text(last)) = self.flat.last_mut() {
            last.push_str(text);
        } else {
            self.flat.push(Node::Text(text.to_owned()));
        }
    }

    fn open(&mut self, kind: BlockKind, raw: &str) {
        if self.stack.len() >= MAX_DEPTH {
            self.overflow[block_index(kind)] += 1;
        } else {
            self.stack.push(Frame {
                kind,
                at: self.flat.len(),
            });
            self.open[block_index(kind)] += 1;
        }
        self.flat.push(Node::Tag(raw.to_owned()));
    }

    fn close(&mut self, kind: BlockKind, raw: &str) {
        let k = block_index(kind);
        if self.overflow[k] > 0 {
            self.overflow[k] -= 1;
            self.flat.push(Node::Tag(raw.to_owned()));
            return;
        }
        if self.open[k] == 0 {
            self.flat.push(Node::Tag(raw.to_owned()));
            return;
        }
        self.overflow = [0; 3];
        while let Some(frame) = self.stack.pop() {
            self.open[block_index(frame.kind)] -= 1;
            if frame.kind != kind {
                // Left unclosed: its opening tag stays a literal tag.
                continue;
            }
            let children: Vec<Node> = self.flat.drain(frame.at + 1..).collect();
            let open = match self.flat.pop() {
                Some(Node::Tag(open)) => open,
                // The frame's slot always holds its opening tag; keep whatever is there.
                other => {
                    self.flat.extend(other);
                    self.flat.extend(children);
                    self.flat.push(Node::Tag(raw.to_owned()));
                    return;
                }
            };
            self.flat.push(Node::Block {
                kind,
                open,
                children,
                close: raw.to_owned(),
            });
            return;
        }
    }
}

impl Document {
    /// Parses a body. Never fails, and runs in time linear in the body with a bounded stack,
    /// whatever the body holds; see the module docs and [`MAX_DEPTH`].
    pub fn parse(body: &str) -> Self {
        let bytes = body.as_bytes();
        let mut tree = TreeBuilder {
            flat: Vec::new(),
            stack: Vec::new(),
            open: [0; 3],
            overflow: [0; 3],
        };
        // Once no `[/code]` follows some point, no later `[code]` can close: never search again.
        let mut code_closes = true;
        let mut text_start = 0;
        let mut i = 0;
        while let Some(p) = memchr::memchr(b'[', &bytes[i..]) {
            let at = i + p;
            let Some(end) = tag_end(bytes, at) else {
                i = at + 1;
                continue;
            };
            tree.text(&body[text_start..at]);
            let raw = &body[at..=end];
            i = end + 1;
            match classify(raw) {
                TagKind::Leaf(node) => tree.flat.push(node),
                TagKind::Open(kind) => tree.open(kind, raw),
                TagKind::Close(kind) => tree.close(kind, raw),
                TagKind::CodeOpen => {
                    // The content runs to the first `[/code]`, unparsed.
                    let close = if code_closes {
                        memchr::memmem::find(&bytes[i..], CODE_CLOSE.as_bytes())
                    } else {
                        None
                    };
                    match close {
                        Some(c) => {
                            tree.flat.push(Node::Code {
                                open: raw.to_owned(),
                                code: body[i..i + c].to_owned(),
                                close: CODE_CLOSE.to_owned(),
                            });
                            i += c + CODE_CLOSE.len();
                        }
                        None => {
                            code_closes = false;
                            tree.flat.push(Node::Tag(raw.to_owned()));
                        }
                    }
                }
            }
            text_start = i;
        }
        tree.text(&body[text_start..]);
        Self { nodes: tree.flat }
    }

    /// The body, exactly as parsed.
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.nodes.iter().for_each(|n| n.render_into(&mut out));
        out
    }

    fn visit<'a>(nodes: &'a [Node], skip_quotes: bool, f: &mut impl FnMut(&'a Node)) {
        for n in nodes {
            f(n);
            if let Node::Block { kind, children, .. } = n
                && !(skip_quotes && *kind == BlockKind::Quote)
            {
                Self::visit(children, skip_quotes, f);
            }
        }
    }

    /// The accounts addressed with `[To:..]` or a reply, in order, without repeats; tags
    /// inside quotes (someone else's words) do not count.
    pub fn mentions(&self) -> Vec<AccountId> {
        let mut out = Vec::new();
        Self::visit(&self.nodes, true, &mut |n| {
            let id = match n {
                Node::Mention { account_id, .. } | Node::Reply { account_id, .. } => *account_id,
                _ => return,
            };
            if !out.contains(&id) {
                out.push(id);
            }
        });
        out
    }

    /// Whether the body addresses `account` (directly or by a reply to them).
    pub fn mentions_account(&self, account: impl Into<AccountId>) -> bool {
        self.mentions().contains(&account.into())
    }

    /// Whether the body addresses everyone with `[toall]` (outside quotes).
    pub fn mentions_all(&self) -> bool {
        let mut all = false;
        Self::visit(&self.nodes, true, &mut |n| {
            all |= matches!(n, Node::MentionAll { .. })
        });
        all
    }

    /// The message this body replies to (the first reply tag outside quotes).
    pub fn reply_to(&self) -> Option<ReplyTarget> {
        let mut target = None;
        Self::visit(&self.nodes, true, &mut |n| {
            if let (
                None,
                Node::Reply {
                    account_id,
                    room_id,
                    message_id,
                    ..
                },
            ) = (&target, n)
            {
                target = Some(ReplyTarget {
                    account_id: *account_id,
                    room_id: *room_id,
                    message_id: message_id.clone(),
                });
            }
        });
        target
    }

    /// The text with all markup removed and escapes undone: tags vanish, the content of
    /// boxes, titles, quotes and code blocks stays (a title is followed by a line break).
    pub fn plain_text(&self) -> String {
        fn walk(nodes: &[Node], out: &mut String) {
            for n in nodes {
                match n {
                    Node::Text(_) | Node::Code { .. } => {
                        out.push_str(&n.text().unwrap_or_default())
                    }
                    Node::Block { kind, children, .. } => {
                        walk(children, out);
                        if *kind == BlockKind::Title {
                            out.push('\n');
                        }
                    }
                    _ => {}
                }
            }
        }
        let mut out = String::new();
        walk(&self.nodes, &mut out);
        out
    }
}

impl fmt::Display for BlockKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
