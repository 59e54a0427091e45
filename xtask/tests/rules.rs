//! Every rule of `cargo xtask check`, fed a broken copy of the real spec or fixtures: a
//! check that cannot fail is worth nothing.

use xtask::{Fixture, Project, check, generate};
use yaml_serde::Value;

fn project() -> Project {
    Project::load(&Project::default_root()).expect("the project loads")
}

fn fixture<'a>(p: &'a mut Project, file: &str) -> &'a mut Fixture {
    p.fixtures
        .iter_mut()
        .find(|f| f.file == file)
        .unwrap_or_else(|| panic!("no fixture {file}"))
}

fn replace_body(p: &mut Project, file: &str, from: &str, to: &str) {
    let f = fixture(p, file);
    let body = String::from_utf8(f.body.clone()).unwrap();
    assert!(body.contains(from), "{file} does not contain {from}");
    f.body = body.replacen(from, to, 1).into_bytes();
}

fn edit_spec(p: &mut Project, edit: impl FnOnce(&mut Value)) {
    let mut doc: Value = yaml_serde::from_str(&p.spec_text).unwrap();
    edit(&mut doc);
    p.spec_text = yaml_serde::to_string(&doc).unwrap();
}

fn operation<'a>(doc: &'a mut Value, path: &str, method: &str) -> &'a mut Value {
    &mut doc["paths"][path][method]
}

#[track_caller]
fn assert_error(p: &Project, needle: &str) {
    let report = check(p);
    assert!(
        report.has_error(needle),
        "expected an error containing {needle:?}; got:\n{}",
        report.errors.join("\n")
    );
}

#[test]
fn the_real_project_passes_without_warnings() {
    let report = check(&project());
    assert!(report.errors.is_empty(), "{}", report.errors.join("\n"));
    assert!(report.warnings.is_empty(), "{}", report.warnings.join("\n"));
}

#[test]
fn a_fixture_that_violates_its_schema_fails() {
    let mut p = project();
    replace_body(
        &mut p,
        "spec/fixtures/list_rooms/200.http",
        r#""room_id":123"#,
        r#""room_id":"123""#,
    );
    assert_error(
        &p,
        r#"list_rooms: spec/fixtures/list_rooms/200.http: /0/room_id: "123" is not of type "integer""#,
    );
    let mut p = project();
    replace_body(
        &mut p,
        "spec/fixtures/get_invitation_link/200.no-link.http",
        r#"{"public":false}"#,
        "{}",
    );
    assert_error(
        &p,
        r#"get_invitation_link: spec/fixtures/get_invitation_link/200.no-link.http: /: "public" is a required property"#,
    );
}

#[test]
fn a_fixture_that_does_not_deserialize_into_the_rust_type_fails() {
    let mut p = project();
    replace_body(
        &mut p,
        "spec/fixtures/list_rooms/200.http",
        r#""room_id":123"#,
        r#""room_id":"123""#,
    );
    assert_error(
        &p,
        "list_rooms: spec/fixtures/list_rooms/200.http: does not deserialize into Vec<types::RoomSummary>: invalid type: string \"123\", expected i64",
    );
}

#[test]
fn a_fixture_that_loses_data_in_the_rust_type_fails() {
    let mut p = project();
    replace_body(
        &mut p,
        "spec/fixtures/get_message/200.http",
        r#""message_id":"1928374655918273645""#,
        r#""message_id":1928374655918273645"#,
    );
    assert_error(
        &p,
        r#"get_message: spec/fixtures/get_message/200.http: /message_id: loses data in types::Message: the fixture has 1928374655918273645, re-serialized "1928374655918273645""#,
    );
}

#[test]
fn a_field_the_spec_does_not_describe_fails() {
    let mut p = project();
    replace_body(
        &mut p,
        "spec/fixtures/get_room/200.http",
        r#""sticky":false"#,
        r#""sticky":false,"archived":true"#,
    );
    assert_error(
        &p,
        "get_room: spec/fixtures/get_room/200.http: /archived: a field the spec does not describe (in Room)",
    );
    let mut p = project();
    let file = "spec/fixtures/list_my_tasks/200.http";
    replace_body(&mut p, file, r#""room":{"#, r#""room":{"color":"red","#);
    assert_error(
        &p,
        "list_my_tasks: spec/fixtures/list_my_tasks/200.http: /0/room/color: a field the spec does not describe (in MyTaskRoom)",
    );
}

#[test]
fn a_spec_property_never_seen_is_a_warning_by_name() {
    let mut p = project();
    edit_spec(&mut p, |doc| {
        doc["components"]["schemas"]["Me"]["properties"]["nickname"] =
            yaml_serde::from_str("{type: string}").unwrap();
    });
    let report = check(&p);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w == "Me.nickname is described by the spec but never seen in a fixture"),
        "{:?}",
        report.warnings
    );
}

#[test]
fn an_operation_without_fixtures_or_a_status_without_one_fails() {
    let mut p = project();
    p.fixtures.retain(|f| f.operation != "get_me");
    assert_error(
        &p,
        "get_me: no fixture at all (expected spec/fixtures/get_me/)",
    );
    let mut p = project();
    p.fixtures
        .retain(|f| f.file != "spec/fixtures/list_rooms/404.http");
    assert_error(
        &p,
        "list_rooms: no fixture for the documented status 404 (expected spec/fixtures/list_rooms/404.http)",
    );
    let mut p = project();
    p.fixtures.retain(|f| {
        f.file != "spec/fixtures/list_messages/204.http"
            && f.file != "spec/fixtures/list_messages/204.free-plan.http"
    });
    assert_error(
        &p,
        "list_messages: no fixture for the documented status 204",
    );
}

#[test]
fn fixtures_for_unknown_operations_or_statuses_fail() {
    let mut p = project();
    let mut f = fixture(&mut p, "spec/fixtures/get_me/200.http").clone();
    f.operation = "get_my_profile".into();
    f.file = "spec/fixtures/get_my_profile/200.http".into();
    p.fixtures.push(f);
    assert_error(
        &p,
        "get_my_profile: spec/fixtures/get_my_profile/200.http: no operation of that name in the spec",
    );

    let mut p = project();
    let mut f = fixture(&mut p, "spec/fixtures/get_me/404.http").clone();
    f.file = "spec/fixtures/get_me/500.http".into();
    f.status = 500;
    f.file_status = Some(500);
    p.fixtures.push(f);
    assert_error(
        &p,
        "get_me: spec/fixtures/get_me/500.http: status 500 is not documented for this operation",
    );
}

#[test]
fn fixture_files_must_be_consistent() {
    let mut p = project();
    fixture(&mut p, "spec/fixtures/get_me/200.http").status = 201;
    assert_error(
        &p,
        "get_me: spec/fixtures/get_me/200.http: the file name says Some(200) but the status line says 201",
    );
    let mut p = project();
    fixture(&mut p, "spec/fixtures/delete_room/204.http").body = b"{}".to_vec();
    assert_error(
        &p,
        "delete_room: spec/fixtures/delete_room/204.http: the spec's 204 response has no body, but the fixture has 2 bytes",
    );
    let mut p = project();
    fixture(&mut p, "spec/fixtures/get_me/200.http")
        .headers
        .push(("x-request-id".into(), "abc".into()));
    assert_error(
        &p,
        "get_me: spec/fixtures/get_me/200.http: header x-request-id is not described by the spec's 200 response",
    );
    let mut p = project();
    fixture(&mut p, "spec/fixtures/get_me/200.http")
        .headers
        .retain(|(n, _)| n != "x-ratelimit-reset");
    assert_error(
        &p,
        "get_me: spec/fixtures/get_me/200.http: header x-ratelimit-reset is missing",
    );
    let mut p = project();
    fixture(&mut p, "spec/fixtures/get_room/200.http")
        .headers
        .push(("chatwork-message-limitation".into(), "true".into()));
    assert_error(
        &p,
        "header chatwork-message-limitation is not described by the spec's 200 response",
    );
    assert!(
        Fixture::parse("get_me", "x.http", b"HTTP/1.1 200 OK\ncontent-type: a")
            .unwrap_err()
            .contains("no blank line")
    );
    assert!(
        Fixture::parse("get_me", "x.http", b"HTTP/2 200\n\n{}")
            .unwrap_err()
            .contains("the first line")
    );
}

#[test]
fn missing_operation_metadata_fails() {
    let mut p = project();
    edit_spec(&mut p, |doc| {
        operation(doc, "/me", "get")
            .as_mapping_mut()
            .unwrap()
            .remove("operationId");
    });
    assert_error(&p, "spec: GET /me: no operationId");
    let mut p = project();
    edit_spec(&mut p, |doc| {
        operation(doc, "/my/status", "get")["summary"] = "".into()
    });
    assert_error(&p, "spec: get_my_status (GET /my/status): no summary");
    let mut p = project();
    edit_spec(&mut p, |doc| {
        operation(doc, "/contacts", "get")["tags"] = Value::Sequence(vec![])
    });
    assert_error(&p, "spec: list_contacts (GET /contacts): no tag");
    let mut p = project();
    edit_spec(&mut p, |doc| {
        operation(doc, "/rooms", "get")["responses"]["200"]["content"]["application/json"]
            .as_mapping_mut()
            .unwrap()
            .remove("example");
    });
    assert_error(
        &p,
        "spec: list_rooms (GET /rooms): the 200 response has no example",
    );
}

#[test]
fn a_replacement_type_that_disagrees_with_the_spec_fails() {
    let mut p = project();
    edit_spec(&mut p, |doc| {
        doc["components"]["schemas"]["RoomId"]["format"] = "int32".into()
    });
    assert_error(
        &p,
        r#"replacement RoomId: the spec says format = "int32", ::chatwork::model::RoomId says "int64""#,
    );
    let mut p = project();
    edit_spec(&mut p, |doc| {
        doc["components"]["schemas"]["Role"]["enum"] =
            yaml_serde::from_str("[admin, member, readonly, owner]").unwrap();
    });
    assert_error(
        &p,
        r#"replacement Role: the spec says enum = ["admin","member","readonly","owner"], ::chatwork::model::Role says ["admin","member","readonly"]"#,
    );
}

#[test]
fn webhook_fixtures_are_verified() {
    let mut p = project();
    let w = p
        .webhooks
        .iter_mut()
        .find(|w| w.file.ends_with("mention_to_me.http"))
        .unwrap();
    w.body = String::from_utf8(w.body.clone())
        .unwrap()
        .replace("please review", "please  review")
        .into_bytes();
    assert_error(
        &p,
        "webhook: spec/fixtures/webhooks/mention_to_me.http: x-chatworkwebhooksignature does not match the body and TOKEN",
    );
    assert_error(
        &p,
        "webhook: spec/fixtures/webhooks/mention_to_me.http: the chatwork_webhook_signature query parameter does not match",
    );

    let mut p = project();
    p.webhooks
        .retain(|w| !w.file.ends_with("message_updated.http"));
    assert_error(
        &p,
        "webhooks: no fixture for the event type message_updated",
    );

    let mut p = project();
    p.webhook_token = "not base64!".into();
    assert_error(
        &p,
        "webhooks: spec/fixtures/webhooks/TOKEN is missing or not Base64",
    );
}

#[test]
fn stale_generated_files_fail_and_gen_is_idempotent() {
    let mut p = project();
    p.generated_files
        .get_mut("generated/requests.rs")
        .unwrap()
        .push_str("// hand edit\n");
    assert_error(
        &p,
        "generated/requests.rs is out of date with the spec: run `cargo xtask gen`",
    );

    let mut p = project();
    edit_spec(&mut p, |doc| {
        operation(doc, "/me", "get")["summary"] = "Get my profile".into();
        doc["components"]["schemas"]["Me"]["description"] = "My profile.".into();
    });
    let report = check(&p);
    for file in [
        "generated/chatwork.rs",
        "generated/requests.rs",
        "README.md",
    ] {
        assert!(
            report.has_error(&format!("{file} is out of date")),
            "{file}: {:?}",
            report.errors
        );
    }

    // A second run over its own output changes nothing.
    let p = project();
    let first = generate::render(&p).unwrap();
    let mut again = p.clone();
    for (path, text) in &first {
        again.generated_files.insert(path.clone(), text.clone());
    }
    assert_eq!(generate::render(&again).unwrap(), first);
    assert!(generate::stale(&again).unwrap().is_empty());
}

#[test]
fn hand_written_webhook_types_must_match_the_spec() {
    let mut p = project();
    edit_spec(&mut p, |doc| {
        doc["components"]["schemas"]["WebhookMentionEvent"]["properties"]["thread_id"] =
            yaml_serde::from_str("{type: integer}").unwrap();
    });
    assert_error(
        &p,
        "webhook type chatwork::webhook::MentionEvent: property thread_id exists only in the spec (WebhookMentionEvent)",
    );
    let mut p = project();
    edit_spec(&mut p, |doc| {
        doc["components"]["schemas"]["WebhookMessageEvent"]["properties"]["send_time"] =
            yaml_serde::from_str("{type: string}").unwrap();
    });
    assert_error(
        &p,
        r#"webhook type chatwork::webhook::MessageEvent: property send_time is "string" in WebhookMessageEvent but "integer" in Rust"#,
    );
    let mut p = project();
    let w = p
        .webhooks
        .iter_mut()
        .find(|w| w.file.ends_with("message_created.http"))
        .unwrap();
    w.body = String::from_utf8(w.body.clone())
        .unwrap()
        .replace(r#""room_id":5"#, r#""room_id":"5""#)
        .into_bytes();
    assert_error(
        &p,
        "webhook: spec/fixtures/webhooks/message_created.http: does not deserialize into chatwork::webhook::WebhookEvent",
    );
}

#[test]
fn an_empty_error_body_is_accepted_only_where_the_spec_says_so() {
    let mut p = project();
    edit_spec(&mut p, |doc| {
        doc["components"]["responses"]["Unauthorized"]
            .as_mapping_mut()
            .unwrap()
            .remove("x-body-optional");
    });
    assert_error(
        &p,
        "get_me: spec/fixtures/get_me/401.oauth-empty.http: content-type is not application/json",
    );
}

/// Adding an operation is one edit plus behaviour: a throwaway operation added to a copy of
/// the spec reaches the catalog the local Chatwork routes and validates from and the SDK's
/// `chatwork::catalog` (read by the CLI and the MCP server), with its parameters' types,
/// enums and limits; `check` names what is stale and the behaviour still missing.
#[test]
fn a_throwaway_operation_reaches_every_derived_surface() {
    let mut p = project();
    edit_spec(&mut p, |doc| {
        let op: Value = yaml_serde::from_str(
            r##"
get:
  operationId: list_room_polls
  tags: [rooms]
  summary: List a chat's polls
  description: Returns the chat's polls.
  security:
    - apiToken: []
    - oauth2: [rooms.all:read]
  parameters:
    - $ref: "#/components/parameters/RoomIdPath"
    - name: state
      in: query
      required: true
      description: Which polls.
      schema: { type: string, enum: [open, closed] }
    - name: per_page
      in: query
      required: false
      description: How many.
      schema: { type: integer, minimum: 1, maximum: 50 }
  responses:
    "200":
      description: The polls.
      content:
        application/json:
          schema: { type: array, items: { type: object } }
          example: [{ poll_id: 1 }]
"##,
        )
        .unwrap();
        doc["paths"]["/rooms/{room_id}/polls"] = op;
    });
    let rendered: std::collections::BTreeMap<_, _> =
        generate::render(&p).unwrap().into_iter().collect();
    for file in ["mock/src/operations.rs", "generated/catalog.rs"] {
        let text = &rendered[file];
        let at = text
            .find("id: \"list_room_polls\"")
            .unwrap_or_else(|| panic!("{file}"));
        let entry = &text[at..text[at..].find("may_be_empty").unwrap() + at];
        for needle in [
            "tag: \"rooms\"",
            "verb: \"list-polls\"",
            "path: \"/rooms/{room_id}/polls\"",
            "scopes: &[\"rooms.all:read\"]",
            "kind: Kind::OneOf(&[\"open\", \"closed\"])",
            "kind: Kind::Integer { min: Some(1), max: Some(50) }",
            "location: Location::Path",
            "example: Some(\"[{\\\"poll_id\\\":1}]\")",
        ] {
            assert!(entry.contains(needle), "{file} lacks {needle}:\n{entry}");
        }
    }
    assert_error(
        &p,
        "the local Chatwork has no behaviour for list_room_polls",
    );
    // The CLI and the MCP server serve it with a command and a tool derived from the catalog,
    // and say so; a hand-written entry for an operation the spec lost is stale.
    let report = check(&p);
    for needle in [
        "`chatwork rooms list-polls` (list_room_polls) is a command derived from the catalog",
        "the MCP tool list_room_polls is derived from the catalog",
    ] {
        assert!(
            report.warnings.iter().any(|w| w.contains(needle)),
            "{needle}: {:?}",
            report.warnings
        );
    }
    let mut lost = project();
    edit_spec(&mut lost, |doc| {
        let paths = doc["paths"].as_mapping_mut().unwrap();
        paths.remove("/rooms/{room_id}/tasks/{task_id}/status");
    });
    assert_error(
        &lost,
        "cli/src/cmd/derived.rs lists update_task_status in HAND_WRITTEN, but the spec has no such operation",
    );
    assert_error(&p, "mock/src/operations.rs is out of date with the spec");
    assert_error(&p, "generated/catalog.rs is out of date with the spec");
    // The real project has behaviour for every operation.
    let real = check(&project());
    assert!(
        !real
            .errors
            .iter()
            .any(|e| e.contains("no behaviour") || e.contains("has no tool")),
        "{:?}",
        real.errors
    );
}
