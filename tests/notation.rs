//! Message notation: builder, parser and helpers.

use chatwork::notation::{BlockKind, Document, MessageBuilder, Node, escape, unescape};
use chatwork::{AccountId, MessageId, RoomId};
use proptest::prelude::*;

#[test]
fn documented_examples_parse() {
    let doc = Document::parse("[To:1484814]Yamada-san\nhello");
    assert_eq!(
        doc.nodes[0],
        Node::Mention {
            account_id: AccountId(1_484_814),
            raw: "[To:1484814]".into()
        }
    );
    assert_eq!(doc.mentions(), [AccountId(1_484_814)]);

    let doc = Document::parse("[rp aid=123 to=456-1928374655918273645]Bob\nok");
    let reply = doc.reply_to().unwrap();
    assert_eq!(
        (reply.account_id, reply.room_id),
        (AccountId(123), RoomId(456))
    );
    assert_eq!(reply.message_id.as_str(), "1928374655918273645");
    assert!(
        doc.mentions_account(AccountId(123)),
        "a reply counts as a To"
    );

    let doc = Document::parse("[qt][qtmeta aid=9 time=1384242850]quoted [To:5] text[/qt]mine");
    let Node::Block {
        kind: BlockKind::Quote,
        children,
        ..
    } = &doc.nodes[0]
    else {
        panic!("{doc:?}")
    };
    assert_eq!(
        children[0],
        Node::QuoteMeta {
            account_id: AccountId(9),
            time: Some(1_384_242_850),
            raw: "[qtmeta aid=9 time=1384242850]".into()
        }
    );
    assert!(
        doc.mentions().is_empty(),
        "a mention inside a quote is someone else's"
    );
    assert_eq!(doc.plain_text(), "quoted  textmine");

    let doc = Document::parse(
        "[info][title]Release[/title]v2 is out[hr][piconname:7][picon:8][/info][toall]",
    );
    assert!(doc.mentions_all());
    assert_eq!(doc.plain_text(), "Release\nv2 is out");
    let Node::Block {
        kind: BlockKind::Info,
        children,
        ..
    } = &doc.nodes[0]
    else {
        panic!()
    };
    assert!(matches!(
        children[0],
        Node::Block {
            kind: BlockKind::Title,
            ..
        }
    ));
    assert!(children.contains(&Node::Picon {
        account_id: AccountId(7),
        name: true,
        raw: "[piconname:7]".into()
    }));
    assert!(children.contains(&Node::Rule { raw: "[hr]".into() }));

    let doc = Document::parse("[code]let x = [To:1]; [info][/code]");
    assert_eq!(doc.nodes.len(), 1);
    assert_eq!(doc.nodes[0].text().unwrap(), "let x = [To:1]; [info]");
    assert!(doc.mentions().is_empty(), "code is not markup");

    // System tags and unknown tags are kept and dropped from the plain text.
    let doc = Document::parse("[dtext:chatroom_added][preview id=1 ht=2]hi");
    assert_eq!(doc.nodes[0], Node::Tag("[dtext:chatroom_added]".into()));
    assert_eq!(doc.plain_text(), "hi");
}

#[test]
fn nested_and_unbalanced_tags_are_kept_byte_for_byte() {
    for body in [
        "[info][info]inner[/info]outer[/info]",
        "[qt][qt]deep[/qt][/qt]",
        "[info]never closed",
        "closed twice[/info][/info]",
        "[/qt]stray[qt]",
        "[info][title]no end",
        "[code]unterminated [To:1]",
        "[To:abc] [To:] [To:1 [rp aid=x to=1-2] [qtmeta aid=1 time=] [",
        "]][[]] [[To:1]] []",
        "[info][qt][/info][/qt]",
    ] {
        let doc = Document::parse(body);
        assert_eq!(doc.render(), body);
    }
    let doc = Document::parse("[info]never closed [To:3]");
    assert_eq!(doc.nodes[0], Node::Tag("[info]".into()));
    assert_eq!(doc.mentions(), [AccountId(3)]);
    let doc = Document::parse("[info][qt][/info][/qt]");
    let Node::Block {
        kind: BlockKind::Info,
        children,
        ..
    } = &doc.nodes[0]
    else {
        panic!("{doc:?}")
    };
    assert_eq!(
        children,
        &[Node::Tag("[qt]".into())],
        "an unbalanced [qt] inside a box stays a tag"
    );
}

#[test]
fn japanese_text_and_emoji() {
    let body =
        "[To:42]田中さん\nお疲れさまです🎉 [info][title]デプロイ完了[/title]本番環境 ✅[/info]";
    let doc = Document::parse(body);
    assert_eq!(doc.render(), body);
    assert_eq!(
        doc.plain_text(),
        "田中さん\nお疲れさまです🎉 デプロイ完了\n本番環境 ✅"
    );
    let built = MessageBuilder::new()
        .to_named(42, "田中さん")
        .text("「[To:1]」🎉")
        .build();
    assert_eq!(
        Document::parse(built.as_str()).plain_text(),
        "田中さん「[To:1]」🎉"
    );
    assert_eq!(Document::parse(built.as_str()).mentions(), [AccountId(42)]);
}

#[test]
fn user_text_cannot_become_markup_and_escapes_parse_back() {
    let hostile = "[To:1][toall][/info][info]x[/info][rp aid=1 to=2-3][code]\u{200B}[";
    let body = MessageBuilder::new()
        .info(Some("report"), |b| b.text(hostile))
        .build();
    let doc = Document::parse(body.as_str());
    assert!(doc.mentions().is_empty());
    assert!(!doc.mentions_all());
    assert!(doc.reply_to().is_none());
    let Node::Block {
        kind: BlockKind::Info,
        children,
        ..
    } = &doc.nodes[0]
    else {
        panic!("{doc:?}")
    };
    assert_eq!(
        children.len(),
        2,
        "the box holds its title and one text: {children:?}"
    );
    assert_eq!(children[1].text().unwrap(), hostile);
    assert_eq!(unescape(&escape(hostile)), hostile);
    assert_eq!(escape("a[b"), "a[\u{200B}b");
}

#[test]
fn the_builder_writes_every_construct() {
    let message = MessageId::try_from("1928374655918273645").unwrap();
    let body = MessageBuilder::new()
        .reply(7, 5, &message)
        .text("Bob")
        .newline()
        .to(1)
        .to_all()
        .quote(Some((AccountId(7), Some(1_700_000_000))), |b| b.text("q"))
        .quote(None, |b| b.text("anon"))
        .info(None, |b| b.rule().picon(3).picon_name(4))
        .code("fn main() {}")
        .build();
    assert_eq!(
        body.as_str(),
        "[rp aid=7 to=5-1928374655918273645]Bob\n[To:1][toall][qt][qtmeta aid=7 time=1700000000]q[/qt][qt]anon[/qt]\
         [info][hr][picon:3][piconname:4][/info][code]fn main() {}[/code]"
    );
}

#[tokio::test]
async fn a_built_body_is_accepted_by_the_post_and_update_calls() {
    let server = httpmock::MockServer::start_async().await;
    let m = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/rooms/5/messages")
                .body("body=%5BTo%3A1%5DAlice%0A%5Binfo%5Dok%5B%E2%80%8B%2Finfo%5D%5B%2Finfo%5D");
            then.status(200).body(r#"{"message_id":"1"}"#);
        })
        .await;
    let client = chatwork::Client::builder(chatwork::Credentials::api_token("t"))
        .base_url(server.base_url())
        .build()
        .unwrap();
    let body = MessageBuilder::new()
        .to_named(1, "Alice")
        .newline()
        .info(None, |b| b.text("ok[/info]"))
        .build();
    client
        .post_message()
        .room_id(5)
        .body(&body)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    // The same body type fits message edits and task creation.
    let _ = client
        .update_message()
        .room_id(5)
        .message_id("1")
        .body(body.clone());
    let _ = client.create_task().room_id(5).to_ids([1]).body(body);
}

/// What a builder call means, to compare with what the parser finds.
#[derive(Clone, Debug, PartialEq)]
enum Op {
    Text(String),
    To(i64),
    ToAll,
    Rule,
    Picon(i64),
    Info(Option<String>, String),
    Code(String),
    Quote(i64, String),
}

fn op() -> impl Strategy<Value = Op> {
    let text = "[\\[\\]a-zA-Z0-9:/ =\\-あ😀\u{200B}\n]{1,12}";
    prop_oneof![
        text.prop_map(Op::Text),
        (1i64..99_999).prop_map(Op::To),
        Just(Op::ToAll),
        Just(Op::Rule),
        (1i64..99_999).prop_map(Op::Picon),
        (proptest::option::of(text), text).prop_map(|(t, b)| Op::Info(t, b)),
        text.prop_map(Op::Code),
        ((1i64..99_999), text).prop_map(|(a, b)| Op::Quote(a, b)),
    ]
}

fn build(ops: &[Op]) -> String {
    ops.iter()
        .fold(MessageBuilder::new(), |b, op| match op {
            Op::Text(s) => b.text(s),
            Op::To(id) => b.to(*id),
            Op::ToAll => b.to_all(),
            Op::Rule => b.rule(),
            Op::Picon(id) => b.picon(*id),
            Op::Info(title, body) => b.info(title.as_deref(), |b| b.text(body)),
            Op::Code(s) => b.code(s),
            Op::Quote(aid, s) => b.quote(Some((AccountId(*aid), None)), |b| b.text(s)),
        })
        .build()
        .into_string()
}

/// Reads the parsed nodes back as builder operations (adjacent texts merged).
fn read_back(nodes: &[Node]) -> Vec<Op> {
    let text_of = |children: &[Node]| children.iter().filter_map(Node::text).collect::<String>();
    let mut ops: Vec<Op> = Vec::new();
    for n in nodes {
        let op = match n {
            Node::Text(_) => Op::Text(n.text().unwrap()),
            Node::Mention { account_id, .. } => Op::To(account_id.get()),
            Node::MentionAll { .. } => Op::ToAll,
            Node::Rule { .. } => Op::Rule,
            Node::Picon { account_id, .. } => Op::Picon(account_id.get()),
            Node::Code { .. } => Op::Code(n.text().unwrap()),
            Node::Block {
                kind: BlockKind::Info,
                children,
                ..
            } => {
                let (title, rest) = match children.first() {
                    Some(Node::Block {
                        kind: BlockKind::Title,
                        children: t,
                        ..
                    }) => (Some(text_of(t)), &children[1..]),
                    _ => (None, &children[..]),
                };
                Op::Info(title, text_of(rest))
            }
            Node::Block {
                kind: BlockKind::Quote,
                children,
                ..
            } => match children.first() {
                Some(Node::QuoteMeta { account_id, .. }) => {
                    Op::Quote(account_id.get(), text_of(&children[1..]))
                }
                _ => panic!("quote without meta: {children:?}"),
            },
            other => panic!("unexpected node {other:?}"),
        };
        match (ops.last_mut(), op) {
            (Some(Op::Text(prev)), Op::Text(next)) => prev.push_str(&next),
            (_, op) => ops.push(op),
        }
    }
    ops
}

fn merged(ops: &[Op]) -> Vec<Op> {
    let mut out: Vec<Op> = Vec::new();
    for op in ops.iter().cloned() {
        match (out.last_mut(), op) {
            (Some(Op::Text(prev)), Op::Text(next)) => prev.push_str(&next),
            (_, op) => out.push(op),
        }
    }
    out
}

proptest! {
    #[test]
    fn parse_then_render_is_the_identity(body in "(\\[|\\]|/|To:1|toall|info|title|qt|code|hr|rp aid=1 to=2-3|qtmeta aid=4|picon:5|[a-z ]|あ|😀|\u{200B}|\n){0,60}") {
        prop_assert_eq!(Document::parse(&body).render(), body);
    }

    #[test]
    fn parse_then_render_holds_for_any_string(body in any::<String>()) {
        prop_assert_eq!(Document::parse(&body).render(), body);
    }

    #[test]
    fn build_then_parse_gives_back_the_structure(ops in proptest::collection::vec(op(), 0..12)) {
        let body = build(&ops);
        let doc = Document::parse(&body);
        prop_assert_eq!(doc.render(), body.clone());
        prop_assert_eq!(read_back(&doc.nodes), merged(&ops));
    }

    #[test]
    fn text_through_the_builder_never_makes_a_tag(text in any::<String>(), hostile in "(\\[|\\]|/|To:1|toall|info|qt|code|rp aid=1 to=2-3|\u{200B}|x){0,30}") {
        for t in [text, hostile] {
            let doc = Document::parse(MessageBuilder::new().text(&t).build().as_str());
            prop_assert!(doc.nodes.iter().all(|n| matches!(n, Node::Text(_))), "{:?}", doc.nodes);
            prop_assert!(doc.mentions().is_empty());
            prop_assert_eq!(doc.plain_text(), t);
        }
    }
}

/// Runs `f` on a thread with a tokio worker's default stack (2 MiB), as a bot would.
fn on_worker_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .expect("no stack overflow, no panic")
}

/// The depth of the block tree, walked without recursion.
fn depth(nodes: &[Node]) -> usize {
    let mut deepest = 0;
    let mut todo: Vec<(&[Node], usize)> = vec![(nodes, 0)];
    while let Some((nodes, d)) = todo.pop() {
        for n in nodes {
            if let Node::Block { children, .. } = n {
                deepest = deepest.max(d + 1);
                todo.push((children, d + 1));
            }
        }
    }
    deepest
}

#[test]
fn deeply_nested_blocks_do_not_overflow_a_worker_stack() {
    // 100,000 nested quotes and boxes (about 1.1 MB), far beyond what kills a recursive parser.
    let n = 50_000;
    let body = format!(
        "{}[To:7]core{}",
        "[qt][info]".repeat(n),
        "[/info][/qt]".repeat(n)
    );
    let (rendered, mentions, plain, deepest, outer_children) = on_worker_stack(move || {
        let doc = Document::parse(&body);
        let out = (
            doc.render() == body,
            doc.mentions(),
            doc.plain_text(),
            depth(&doc.nodes),
            doc.nodes.len(),
        );
        drop(doc);
        out
    });
    assert!(rendered, "render is byte for byte");
    assert_eq!(deepest, chatwork::notation::MAX_DEPTH);
    assert_eq!(outer_children, 1, "the outermost quote closes last");
    assert!(mentions.is_empty(), "the mention is inside quotes");
    assert_eq!(plain, "core");
}

#[test]
fn blocks_deeper_than_the_limit_stay_literal_and_their_closes_too() {
    let max = chatwork::notation::MAX_DEPTH;
    let body = format!(
        "{}x{}after",
        "[qt]".repeat(max + 2),
        "[/qt]".repeat(max + 2)
    );
    let doc = Document::parse(&body);
    assert_eq!(doc.render(), body);
    assert_eq!(depth(&doc.nodes), max);
    // Descend to the innermost block: it holds the two literal opens, the text and their closes.
    assert_eq!(doc.nodes.len(), 2);
    assert_eq!(doc.nodes[1], Node::Text("after".into()));
    let mut nodes = &doc.nodes[..1];
    for _ in 0..max {
        assert_eq!(nodes.len(), 1, "{nodes:?}");
        let Node::Block { children, .. } = &nodes[0] else {
            panic!("{:?}", nodes[0])
        };
        nodes = children;
    }
    assert_eq!(
        nodes,
        &[
            Node::Tag("[qt]".into()),
            Node::Tag("[qt]".into()),
            Node::Text("x".into()),
            Node::Tag("[/qt]".into()),
            Node::Tag("[/qt]".into()),
        ]
    );
}

#[test]
fn megabytes_of_unclosed_tags_parse_in_linear_time() {
    // A guard against rescanning for a closing tag per opening tag (quadratic: minutes for
    // these inputs), not a performance figure: benches/notation.rs measures throughput. The
    // bound is generous for a debug build on a slow machine.
    for unit in [
        "[info]",
        "[code]",
        "[qt]x",
        "[title][info]",
        "[To:1][qt][code]a",
    ] {
        let body = unit.repeat(1024 * 1024 / unit.len());
        let start = std::time::Instant::now();
        let body2 = body.clone();
        let ok = on_worker_stack(move || Document::parse(&body2).render() == body2);
        assert!(ok);
        let took = start.elapsed();
        assert!(
            took < std::time::Duration::from_secs(20),
            "{unit:?} x {}: {took:?}",
            body.len() / unit.len()
        );
    }
}

#[test]
fn code_blocks_escape_only_what_would_end_them() {
    let code = "let v = a[0] + b[i]; // [To:1] [info] [/code] [/CODE] [\u{200B}x";
    let body = MessageBuilder::new().code(code).build();
    assert_eq!(
        body.as_str(),
        "[code]let v = a[0] + b[i]; // [To:1] [info] [\u{200B}/code] [\u{200B}/CODE] [\u{200B}\u{200B}x[/code]"
    );
    let doc = Document::parse(body.as_str());
    assert_eq!(doc.nodes.len(), 1, "{doc:?}");
    assert_eq!(doc.nodes[0].text().unwrap(), code);
    assert!(doc.mentions().is_empty());
    // Ordinary code carries no invisible character at all.
    let plain = MessageBuilder::new().code("xs[0][1] = [a, b];").build();
    assert_eq!(plain.as_str(), "[code]xs[0][1] = [a, b];[/code]");
    assert_eq!(chatwork::notation::escape_code("[/code"), "[/code");
}

#[test]
fn notation_helpers_take_ids_like_the_request_builders() {
    let id = MessageId::try_from("1928374655918273645").unwrap();
    let at = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
    let body = MessageBuilder::new()
        .reply(7_i64, RoomId(5), 1_928_374_655_918_273_645_u64)
        .reply(AccountId(7), 5, &id)
        .reply(7, 5, id.clone())
        .quote_by(9, |b| b.text("a"))
        .quote_at(AccountId(9), at, |b| b.text("b"))
        .build();
    let rp = "[rp aid=7 to=5-1928374655918273645]";
    assert_eq!(
        body.as_str(),
        format!("{rp}{rp}{rp}[qt][qtmeta aid=9]a[/qt][qt][qtmeta aid=9 time=1700000000]b[/qt]")
    );
    let doc = Document::parse(body.as_str());
    assert!(doc.mentions_account(7));
    assert!(doc.mentions_account(AccountId(7)));
    assert!(
        !doc.mentions_account(9_i64),
        "quoted authors are not addressed"
    );
}
