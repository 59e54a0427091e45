//! The request span carries OpenTelemetry's HTTP client field names (and Chatwork's own), at
//! INFO, and never the token.

use std::sync::{Arc, Mutex};

use chatwork_mock::MockServer;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

/// A span as recorded: name, level, fields (name, value) in the order given.
type Recorded = (String, tracing::Level, Vec<(String, String)>);

/// Records every span's name, level and fields.
#[derive(Default, Clone)]
struct Spans(Arc<Mutex<Vec<Recorded>>>);

struct Fields<'a>(&'a mut Vec<(String, String)>);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.push((field.name().to_owned(), format!("{value:?}")));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.push((field.name().to_owned(), value.to_owned()));
    }
}

impl Subscriber for Spans {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let mut fields = Vec::new();
        span.record(&mut Fields(&mut fields));
        let mut all = self.0.lock().unwrap();
        all.push((
            span.metadata().name().to_owned(),
            *span.metadata().level(),
            fields,
        ));
        Id::from_u64(all.len() as u64)
    }
    fn record(&self, span: &Id, values: &Record<'_>) {
        let mut all = self.0.lock().unwrap();
        let entry = &mut all[span.into_u64() as usize - 1];
        values.record(&mut Fields(&mut entry.2));
    }
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, _: &Event<'_>) {}
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

#[tokio::test(flavor = "current_thread")]
async fn the_request_span_has_opentelemetry_names() {
    let mock = MockServer::start().await;
    let token = mock.token("alice");
    let client = chatwork::Client::builder(chatwork::Credentials::api_token(token.clone()))
        .base_url(mock.base_url())
        .build()
        .unwrap();
    let spans = Spans::default();
    let _guard = tracing::subscriber::set_default(spans.clone());
    client.get_me().send().await.unwrap();
    let all = spans.0.lock().unwrap();
    let (_, level, fields) = all
        .iter()
        .find(|(name, ..)| name == "chatwork.request")
        .expect("a chatwork.request span");
    assert_eq!(*level, tracing::Level::INFO);
    let get = |name: &str| {
        fields
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(get("http.request.method"), Some("GET"));
    assert_eq!(get("url.template"), Some("/me"));
    assert_eq!(get("server.address"), Some("127.0.0.1"));
    assert_eq!(get("http.response.status_code"), Some("200"));
    assert_eq!(get("operation"), Some("get_me"));
    assert_eq!(get("attempt"), Some("1"));
    assert_eq!(get("http.request.resend_count"), None);
    for (name, value) in fields {
        assert!(!value.contains(&token), "{name} holds the token");
    }
}
