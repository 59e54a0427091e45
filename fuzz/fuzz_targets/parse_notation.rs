//! Any string parses without panicking and renders back unchanged; escaped text never
//! yields a tag.
#![no_main]

use chatwork::notation::{Document, MessageBuilder, Node};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &str| {
    let doc = Document::parse(body);
    assert_eq!(doc.render(), body);
    let _ = (doc.mentions(), doc.mentions_all(), doc.reply_to(), doc.plain_text());
    let escaped = MessageBuilder::new().text(body).build();
    let doc = Document::parse(escaped.as_str());
    assert!(doc.nodes.iter().all(|n| matches!(n, Node::Text(_))));
    assert_eq!(doc.plain_text(), body);
});
