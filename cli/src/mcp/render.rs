//! Message bodies as plain text for a model: Chatwork's notation read by the SDK's parser and
//! written out as text (mentions as `@Name`, quotes as `> ` lines, code in fences), and
//! control characters shown instead of obeyed.

use std::collections::HashMap;

use chatwork::notation::{BlockKind, Document, Node};

/// Account names known to the call (from authors, members, contacts).
#[derive(Default, Clone, Debug)]
pub struct Names(HashMap<i64, String>);

impl Names {
    pub fn add(&mut self, id: i64, name: &str) {
        self.0.entry(id).or_insert_with(|| name.to_owned());
    }

    /// Adds every name of `other` not known yet.
    pub fn merge(&mut self, other: Names) {
        for (id, name) in other.0 {
            self.0.entry(id).or_insert(name);
        }
    }

    pub fn get(&self, id: i64) -> Option<&str> {
        self.0.get(&id).map(String::as_str)
    }

    fn show(&self, id: i64) -> String {
        match self.get(id) {
            Some(name) => name.to_owned(),
            None => format!("account {id}"),
        }
    }

    /// Whether every account the document names is known.
    pub fn knows_all(&self, doc: &Document) -> bool {
        let mut all = true;
        visit(&doc.nodes, &mut |n| match n {
            Node::Mention { account_id, .. }
            | Node::Reply { account_id, .. }
            | Node::QuoteMeta { account_id, .. }
            | Node::Picon { account_id, .. } => all &= self.get(account_id.get()).is_some(),
            _ => {}
        });
        all
    }
}

fn visit<'a>(nodes: &'a [Node], f: &mut impl FnMut(&'a Node)) {
    for n in nodes {
        f(n);
        if let Node::Block { children, .. } = n {
            visit(children, f);
        }
    }
}

/// Text from other people with every control character shown as a visible symbol (line
/// breaks and tabs kept).
pub fn inert(text: &str) -> String {
    crate::terminal::inert(text, crate::terminal::Lines::Keep).into_owned()
}

/// The document as plain text.
pub fn render(doc: &Document, names: &Names) -> String {
    let mut out = String::new();
    write(&doc.nodes, names, &mut out);
    inert(out.trim_end())
}

fn write(nodes: &[Node], names: &Names, out: &mut String) {
    // Chatwork writes the name after a mention or a reply tag (`[To:2]Bob`, `[To:2]Bobさん`):
    // the rendered `@Bob` already says it.
    let mut said: Option<&str> = None;
    for n in nodes {
        let name_after = match n {
            Node::Mention { account_id, .. } | Node::Reply { account_id, .. } => {
                names.get(account_id.get())
            }
            _ => None,
        };
        match n {
            Node::Text(_) => {
                let text = n.text().unwrap_or_default();
                let rest = said
                    .and_then(|name| text.strip_prefix(name))
                    .map(|rest| rest.strip_prefix("さん").unwrap_or(rest))
                    .unwrap_or(&text);
                // A block already ended its line.
                let rest = match (out.ends_with('\n'), rest.strip_prefix('\n')) {
                    (true, Some(after)) => after,
                    _ => rest,
                };
                out.push_str(rest);
            }
            Node::Code { .. } => {
                let code = n.text().unwrap_or_default();
                out.push_str("\n```\n");
                out.push_str(code.trim_matches('\n'));
                out.push_str("\n```\n");
            }
            Node::Mention { account_id, .. } => {
                out.push('@');
                out.push_str(&names.show(account_id.get()));
            }
            Node::MentionAll { .. } => out.push_str("@all"),
            Node::Reply { account_id, .. } => {
                out.push_str("(reply to ");
                out.push_str(&names.show(account_id.get()));
                out.push(')');
            }
            Node::QuoteMeta { account_id, .. } => {
                out.push_str(&names.show(account_id.get()));
                out.push_str(" wrote:\n");
            }
            Node::Picon { account_id, .. } => {
                out.push('@');
                out.push_str(&names.show(account_id.get()));
            }
            Node::Rule { .. } => out.push_str("\n----\n"),
            Node::Block {
                kind: BlockKind::Quote,
                children,
                ..
            } => {
                let mut inner = String::new();
                write(children, names, &mut inner);
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                for line in inner.trim_matches('\n').lines() {
                    out.push_str("> ");
                    out.push_str(line);
                    out.push('\n');
                }
            }
            Node::Block {
                kind: BlockKind::Title,
                children,
                ..
            } => {
                let mut inner = String::new();
                write(children, names, &mut inner);
                out.push_str(inner.trim());
                out.push('\n');
            }
            Node::Block { children, .. } => {
                write(children, names, out);
                if !out.ends_with('\n') {
                    out.push('\n');
                }
            }
            // A tag the parser does not interpret (system tags and the like): as written.
            Node::Tag(raw) => out.push_str(raw),
            _ => {}
        }
        said = name_after;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Names {
        let mut n = Names::default();
        n.add(2, "Bob");
        n.add(3, "Carol");
        n
    }

    #[test]
    fn notation_reads_as_plain_text() {
        let body = "[To:2]Bob hi\n[qt][qtmeta aid=3 time=1764040000]the build is red[/qt]\n[info][title]Release[/title]v1 <ok>[/info][code]cargo test[/code][toall]";
        let doc = Document::parse(body);
        assert_eq!(
            render(&doc, &names()),
            "@Bob hi\n> Carol wrote:\n> the build is red\nRelease\nv1 <ok>\n\n```\ncargo test\n```\n@all"
        );
    }

    #[test]
    fn unknown_accounts_and_controls() {
        let doc = Document::parse("[rp aid=9 to=1-2] ok\u{1b}[2J[To:3]Carolさん");
        assert_eq!(render(&doc, &names()), "(reply to account 9) ok␛[2J@Carol");
        assert!(!names().knows_all(&doc));
        assert!(names().knows_all(&Document::parse("[To:2][To:3]")));
    }
}
