//! Fault knobs: seeded and reproducible, and what the SDK makes of them.

mod common;
use common::project;

use std::time::{Duration, Instant};

use chatwork::{Client, Credentials, Error, RetryPolicy};
use chatwork_mock::{Fault, Faults, MockServer};

fn client(mock: &MockServer, retries: u32) -> Client {
    Client::builder(Credentials::api_token(mock.token("alice")))
        .base_url(mock.base_url())
        .retry_policy(
            RetryPolicy::default()
                .with_max_retries(retries)
                .with_backoff(Duration::from_millis(1), Duration::from_millis(5)),
        )
        .build()
        .unwrap()
}

#[test]
fn decisions_depend_on_the_seed_and_the_request_number_only() {
    let faults = Faults::seeded(7)
        .server_errors(0.1)
        .drops(0.05)
        .truncations(0.05);
    let run = |f: &Faults| (0..10_000).map(|n| f.decide(n)).collect::<Vec<_>>();
    let first = run(&faults);
    assert_eq!(first, run(&faults.clone()));
    assert_ne!(
        first,
        run(&Faults::seeded(8)
            .server_errors(0.1)
            .drops(0.05)
            .truncations(0.05))
    );
    let count = |pred: fn(&Option<Fault>) -> bool| first.iter().filter(|d| pred(d)).count();
    let errors = count(|d| matches!(d, Some(Fault::ServerError(_))));
    let drops = count(|d| matches!(d, Some(Fault::Dropped)));
    let cuts = count(|d| matches!(d, Some(Fault::Truncated)));
    assert!((850..=1150).contains(&errors), "{errors}");
    assert!((380..=620).contains(&drops), "{drops}");
    assert!((380..=620).contains(&cuts), "{cuts}");
    // All three 5xx statuses occur, and nothing else.
    for status in [500, 502, 503] {
        assert!(first.contains(&Some(Fault::ServerError(status))));
    }
    assert!(Faults::none().decide(3).is_none());
    assert!((0..1000).all(|n| Faults::seeded(1).server_errors(1.0).decide(n).is_some()));
}

#[tokio::test]
async fn the_same_seed_gives_the_same_faults_over_http() {
    let faults = Faults::seeded(42)
        .server_errors(0.2)
        .drops(0.1)
        .truncations(0.1);
    let mut seen = Vec::new();
    for _ in 0..2 {
        let mock = MockServer::builder()
            .faults(faults.clone())
            .start()
            .await
            .unwrap();
        let http = reqwest::Client::new();
        for _ in 0..60 {
            let _ = async {
                http.get(format!("{}/me", mock.base_url()))
                    .header("x-chatworktoken", mock.token("alice"))
                    .send()
                    .await?
                    .bytes()
                    .await
            }
            .await;
        }
        let log: Vec<Option<Fault>> = mock.requests().iter().map(|r| r.fault).collect();
        assert_eq!(log.len(), 60);
        seen.push(log);
    }
    assert_eq!(seen[0], seen[1]);
    let expected: Vec<Option<Fault>> = (0..60).map(|n| faults.decide(n)).collect();
    assert_eq!(seen[0], expected);
    assert!(seen[0].iter().any(Option::is_some) && seen[0].iter().any(Option::is_none));
}

#[tokio::test]
async fn a_5xx_is_not_applied_and_only_a_safe_request_is_sent_again() {
    let mock = MockServer::start().await;
    let alice = client(&mock, 3);
    let room = project(&alice).await;
    let messages = format!("/v2/rooms/{room}/messages");

    mock.set_faults(Faults::seeded(1).server_errors(1.0));
    let err = alice
        .post_message()
        .room_id(room)
        .body("deploy finished")
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err.status(), Some(500 | 502 | 503)), "{err:?}");
    assert_eq!(
        mock.count("POST", &messages),
        1,
        "a POST is never sent twice"
    );
    let err = alice.list_rooms().send().await.unwrap_err();
    assert!(matches!(err.status(), Some(500 | 502 | 503)));
    assert_eq!(
        mock.count("GET", "/v2/rooms"),
        1 + 1 + 3,
        "one earlier, then 1 + 3 retries"
    );

    mock.set_faults(Faults::none());
    let all = alice
        .list_messages()
        .room_id(room)
        .force(true)
        .send()
        .await
        .unwrap();
    assert_eq!(
        all.len(),
        0,
        "the 5xx came before the state: nothing was posted"
    );
}

#[tokio::test]
async fn a_dropped_answer_was_applied_and_the_post_is_not_sent_again() {
    let mock = MockServer::start().await;
    let alice = client(&mock, 3);
    let room = project(&alice).await;
    let messages = format!("/v2/rooms/{room}/messages");

    mock.set_faults(Faults::seeded(1).drops(1.0));
    let err = alice
        .post_message()
        .room_id(room)
        .body("deploy finished")
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    assert_eq!(mock.count("POST", &messages), 1);
    let logged = mock.requests().pop().unwrap();
    assert_eq!((logged.status, logged.fault), (200, Some(Fault::Dropped)));
    // A GET whose answer is lost is safe to send again: 1 + 3 retries.
    assert!(alice.get_me().send().await.is_err());
    assert_eq!(mock.count("GET", "/v2/me"), 4);

    mock.set_faults(Faults::none());
    let all = alice
        .list_messages()
        .room_id(room)
        .force(true)
        .send()
        .await
        .unwrap();
    let bodies: Vec<&str> = all.iter().map(|m| m.body.as_str()).collect();
    assert_eq!(bodies, ["deploy finished"], "applied exactly once");
}

#[tokio::test]
async fn a_truncated_answer_stops_halfway() {
    let mock = MockServer::builder()
        .faults(Faults::seeded(3).truncations(1.0))
        .start()
        .await
        .unwrap();
    // On the wire: the announced length, half of the body, then the connection closes.
    let addr = mock.origin().trim_start_matches("http://").to_owned();
    let mut stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let request = format!(
        "GET /v2/me HTTP/1.1\r\nhost: {addr}\r\nx-chatworktoken: {}\r\n\r\n",
        mock.token("alice")
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw).await;
    let text = String::from_utf8_lossy(&raw);
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    assert!(head.starts_with("HTTP/1.1 200 OK"), "{head}");
    let announced: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length: "))
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(body.len(), announced / 2);
    assert!(body.starts_with("{\"account_id\":1001"));

    // Through the SDK: a typed error, not a panic and not a half-decoded value.
    let err = client(&mock, 0).get_me().send().await.unwrap_err();
    assert!(
        matches!(err, Error::Transport(_) | Error::Decode(_)),
        "{err:?}"
    );
}

#[tokio::test]
async fn latency_is_added_to_every_answer() {
    let mock = MockServer::builder()
        .faults(Faults::none().latency(Duration::from_millis(150)))
        .start()
        .await
        .unwrap();
    let alice = client(&mock, 0);
    let started = Instant::now();
    alice.get_me().send().await.unwrap();
    alice.get_me().send().await.unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(300),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn the_fault_route_turns_faults_on_and_off() {
    let mock = MockServer::start().await;
    let http = reqwest::Client::new();
    let knob = format!("{}/mock/faults", mock.origin());
    let put = |form: &'static str| {
        http.put(&knob)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form)
            .send()
    };
    let me = || {
        http.get(format!("{}/me", mock.base_url()))
            .header("x-chatworktoken", mock.token("alice"))
            .send()
    };
    assert_eq!(put("seed=9&server_errors=1").await.unwrap().status(), 204);
    assert!(me().await.unwrap().status().is_server_error());
    assert_eq!(put("").await.unwrap().status(), 204);
    assert_eq!(me().await.unwrap().status(), 200);
    for bad in [
        "server_errors=abc",
        "drops=-1",
        "latency_ms=1e300",
        "seed=x",
    ] {
        let answer = put(bad).await.unwrap();
        assert_eq!(answer.status(), 400, "{bad}");
    }
    assert_eq!(me().await.unwrap().status(), 200);
}
