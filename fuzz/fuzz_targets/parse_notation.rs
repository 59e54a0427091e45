//! Any string parses without panicking and renders back unchanged, into a tree no deeper
//! than `MAX_DEPTH`; escaped text never yields a tag, and escaped code stays one code block.
#![no_main]

use chatwork::notation::{Document, MAX_DEPTH, MessageBuilder, Node};

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
use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &str| {
    let doc = Document::parse(body);
    assert_eq!(doc.render(), body);
    assert!(depth(&doc.nodes) <= MAX_DEPTH);
    let _ = (doc.mentions(), doc.mentions_all(), doc.reply_to(), doc.plain_text());
    let escaped = MessageBuilder::new().text(body).build();
    let doc = Document::parse(escaped.as_str());
    assert!(doc.nodes.iter().all(|n| matches!(n, Node::Text(_))));
    assert_eq!(doc.plain_text(), body);
    let code = MessageBuilder::new().code(body).build();
    let doc = Document::parse(code.as_str());
    assert_eq!(doc.nodes.len(), 1);
    assert_eq!(doc.nodes[0].text().as_deref(), Some(body));
});
