//! The consent screen in a real browser: Debian's chromium, headless, driven through its
//! WebDriver (chromedriver). A person chooses Bob and clicks "Allow", and the SDK's loopback
//! receiver and `exchange_code` get Bob's tokens; "Deny" comes back as `access_denied`.
//!
//! Without chromedriver on `PATH` the tests say so on stderr and stop; CI installs chromium
//! and sets `CHATWORK_REQUIRE_BROWSER=1`, which makes a missing browser a failure.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use chatwork::oauth::{OAuthConfig, OAuthError, RedirectReceiver, Scope};
use chatwork::{Client, Credentials};
use chatwork_mock::MockServer;
use fantoccini::{ClientBuilder, Locator};

/// A program on `PATH`.
fn on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// chromedriver on a free loopback port, stopped when dropped; `None` (said on stderr) when
/// it is not installed and the browser is not required.
struct Driver {
    child: std::process::Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn driver(test: &str) -> Option<Driver> {
    let Some(chromedriver) = on_path("chromedriver") else {
        assert!(
            std::env::var_os("CHATWORK_REQUIRE_BROWSER").is_none(),
            "CHATWORK_REQUIRE_BROWSER is set, but chromedriver is not on PATH (Debian: apt-get install chromium chromium-driver)"
        );
        eprintln!("{test}: skipped: no chromedriver on PATH (Debian: chromium chromium-driver)");
        return None;
    };
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = std::process::Command::new(chromedriver)
        .arg(format!("--port={port}"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let driver = Driver {
        child,
        url: format!("http://127.0.0.1:{port}"),
    };
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .is_err()
    {
        assert!(
            tokio::time::Instant::now() < deadline,
            "chromedriver did not listen"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Some(driver)
}

/// A headless chromium of its own (a new profile directory), with the flags a closed
/// network needs (no background connections).
async fn browser(driver: &Driver) -> fantoccini::Client {
    let profile = std::env::temp_dir().join(format!(
        "chatwork-consent-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    let mut options = serde_json::json!({
        "args": [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--window-size=900,860",
            format!("--user-data-dir={}", profile.display()),
        ],
    });
    if let Some(chromium) = on_path("chromium") {
        options["binary"] = serde_json::json!(chromium);
    }
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), "chrome".into());
    caps.insert("goog:chromeOptions".into(), options);
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .expect("a chromium session")
}

/// An app of the local Chatwork's OAuth, receiving its redirect on a loopback port.
async fn app(mock: &MockServer) -> (OAuthConfig, RedirectReceiver) {
    let receiver = RedirectReceiver::bind("http://127.0.0.1:0/callback")
        .await
        .unwrap();
    let origin = mock.origin();
    let config = OAuthConfig::public(
        "consent-test-app",
        format!("http://{}/callback", receiver.local_addr()),
    )
    .endpoints(
        format!("{origin}/mock/oauth/authorize"),
        format!("{origin}/mock/oauth/token"),
    )
    .unwrap();
    (config, receiver)
}

#[tokio::test(flavor = "multi_thread")]
async fn allow_for_bob_in_a_browser_gives_the_sdk_bobs_tokens() {
    let Some(driver) = driver("allow_for_bob_in_a_browser_gives_the_sdk_bobs_tokens").await else {
        return;
    };
    let mock = MockServer::start().await;
    let (config, receiver) = app(&mock).await;
    let pending = config.authorize([Scope::USERS_PROFILE_ME_READ, Scope::ROOMS_ALL_READ_WRITE]);
    let page = browser(&driver).await;
    page.goto(pending.url()).await.unwrap();
    // What the page says: the app, the scopes in words, whom one may sign in as.
    let text = |css: &'static str| {
        let page = &page;
        async move {
            page.find(Locator::Css(css))
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        }
    };
    assert_eq!(text("#client-id").await, "consent-test-app");
    let scopes = text("#scopes").await;
    assert!(
        scopes.contains("Read your profile.")
            && scopes.contains("Read and write every room resource."),
        "{scopes}"
    );
    let accounts = text("#accounts").await;
    for who in ["Alice (1001)", "Bob (1002)", "Carol (1003)", "Dave (1004)"] {
        assert!(accounts.contains(who), "{who}: {accounts}");
    }
    let source = page.source().await.unwrap();
    assert!(!source.contains("<script"), "the page has no script");
    // The screenshot shown in the README (written there with CHATWORK_UPDATE_DOCS=1).
    let png = page.screenshot().await.unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    if std::env::var_os("CHATWORK_UPDATE_DOCS").is_some() {
        let docs = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/consent-page.png");
        std::fs::write(docs, &png).unwrap();
    }
    // Bob, then "Allow": the browser goes to the app's loopback redirect.
    page.find(Locator::Css("#account-1002"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let clicked = async {
        page.find(Locator::Css("#allow"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    };
    let (code, ()) = tokio::join!(
        receiver.wait_for_code(&pending, Duration::from_secs(30)),
        clicked
    );
    let tokens = config
        .exchange_code(&code.unwrap(), pending.verifier())
        .await
        .unwrap();
    assert_eq!(
        tokens.scopes,
        [Scope::USERS_PROFILE_ME_READ, Scope::ROOMS_ALL_READ_WRITE]
    );
    let me = Client::builder(Credentials::oauth_access_token(
        tokens.access_token.expose(),
    ))
    .base_url(mock.base_url())
    .build()
    .unwrap()
    .get_me()
    .send()
    .await
    .unwrap();
    assert_eq!((me.account_id.get(), me.name.as_str()), (1002, "Bob"));
    page.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn deny_in_a_browser_comes_back_as_access_denied() {
    let Some(driver) = driver("deny_in_a_browser_comes_back_as_access_denied").await else {
        return;
    };
    let mock = MockServer::start().await;
    let (config, receiver) = app(&mock).await;
    let pending = config.authorize([Scope::ROOMS_ALL_READ]);
    let page = browser(&driver).await;
    page.goto(pending.url()).await.unwrap();
    let clicked = async {
        page.find(Locator::Css("#deny"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    };
    let (outcome, ()) = tokio::join!(
        receiver.wait_for_code(&pending, Duration::from_secs(30)),
        clicked
    );
    assert!(
        matches!(outcome, Err(OAuthError::AccessDenied { .. })),
        "{outcome:?}"
    );
    // Nothing was exchanged.
    let stats: serde_json::Value = reqwest::get(format!("{}/mock/oauth/stats", mock.origin()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(stats["codes"], serde_json::json!(0), "{stats}");
    page.close().await.unwrap();
}
