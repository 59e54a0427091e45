//! A platform end to end, offline, on the local Chatwork: three users connect their accounts
//! through the consent screen, two workers (two `Fleet`s, as two processes would hold) serve
//! every connection from one token store, and one webhook endpoint receives every user's
//! events.
//!
//! ```text
//! cargo run --example platform --features oauth,redis,axum
//! ```
//!
//! The store is Redis when `redis-server` is installed (started here on a free port, with
//! `appendfsync always`), else this process's memory.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chatwork::RedisConnection;
use chatwork::fleet::Fleet;
use chatwork::oauth::{
    ConnectionId, MemoryTokenStore, OAuthConfig, RedisTokenStore, Scope, TokenStore,
};
use chatwork::webhook::WebhookVerifier;
use chatwork::webhook::fleet::{
    Delivery, FleetWebhookReceiver, LookupFuture, Registered, WebhookAddress, WebhookDirectory,
};
use chatwork_mock::{MockServer, NewWebhook};

/// The platform's table of webhook settings: URL key -> whose, and the setting's token.
#[derive(Clone, Default)]
struct Settings(Arc<Mutex<HashMap<String, Registered>>>);

impl WebhookDirectory for Settings {
    fn lookup<'a>(&'a self, address: WebhookAddress<'a>) -> LookupFuture<'a> {
        let settings = self.0.lock().unwrap();
        let found = match address {
            WebhookAddress::Key(key) => settings.get(key).cloned(),
            WebhookAddress::Setting(id) => settings
                .values()
                .find(|r| r.setting_id.as_deref() == Some(id))
                .cloned(),
            _ => None,
        };
        Box::pin(std::future::ready(Ok(found)))
    }
}

/// `redis-server` on a free port, if installed.
fn redis() -> Option<(std::process::Child, String, tempdir::Dir)> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .ok()?
        .local_addr()
        .ok()?
        .port();
    let dir = tempdir::Dir::new(port);
    let child = std::process::Command::new("redis-server")
        .args([
            "--port",
            &port.to_string(),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
        ])
        .args(["--appendonly", "yes", "--appendfsync", "always", "--dir"])
        .arg(&dir.0)
        .stdout(std::process::Stdio::null())
        .spawn()
        .ok()?;
    for _ in 0..250 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Some((child, format!("redis://127.0.0.1:{port}/"), dir));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

mod tempdir {
    /// A folder removed when dropped.
    pub struct Dir(pub std::path::PathBuf);
    impl Dir {
        pub fn new(port: u16) -> Self {
            let path = std::env::temp_dir().join(format!("chatwork-platform-{port}"));
            let _ = std::fs::create_dir_all(&path);
            Self(path)
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let chatwork = MockServer::start().await;
    let config =
        OAuthConfig::confidential("platform", "platform-secret", "http://127.0.0.1:9/callback")
            .endpoints(
                format!("{}/mock/oauth/authorize", chatwork.origin()),
                format!("{}/mock/oauth/token", chatwork.origin()),
            )?;

    // One store and one Redis connection for the whole platform.
    let mut server = redis();
    let (store, redis): (Arc<dyn TokenStore>, Option<RedisConnection>) = match &server {
        Some((_, url, _)) => {
            let redis = RedisConnection::open(url)?;
            println!("store: Redis at {url}");
            (Arc::new(RedisTokenStore::new(&redis)), Some(redis))
        }
        None => {
            println!("store: memory (install redis-server to use Redis)");
            (Arc::new(MemoryTokenStore::default()), None)
        }
    };
    let worker = |name: &str| -> Result<Fleet, chatwork::Error> {
        let mut builder = Fleet::builder(config.clone(), store.clone())
            .base_url(chatwork.base_url())
            .user_agent(format!("platform-{name}"));
        if let Some(redis) = &redis {
            builder = builder.redis_limits(redis);
        }
        builder.build()
    };
    let web = worker("web")?;

    // 1. The web app: each user clicks "Allow" on the consent screen.
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let users = ["alice", "bob", "carol"];
    for user in users {
        let pending = web
            .config()
            .authorize([Scope::USERS_PROFILE_ME_READ, Scope::ROOMS_ALL_READ_WRITE]);
        // The local Chatwork's consent screen, "Allow" clicked by `user`.
        let redirect = http
            .get(format!("{}&mock_user={user}", pending.url()))
            .send()
            .await?;
        let location = redirect.headers()["location"].to_str()?.to_owned();
        let tokens = pending.exchange(web.config(), &location).await?;
        web.connect(&ConnectionId::new(format!("acme:{user}"))?, tokens)
            .await?;
    }
    println!(
        "connected: {}",
        users.map(|u| format!("acme:{u}")).join(", ")
    );

    // 2. One webhook endpoint for every connection's settings.
    let settings = Settings::default();
    let received = Arc::new(Mutex::new(Vec::<Delivery>::new()));
    let seen = received.clone();
    let (routes, handle) =
        FleetWebhookReceiver::new(settings.clone(), move |delivery: Delivery| {
            let seen = seen.clone();
            async move {
                println!(
                    "webhook for {}: {} in room {:?}",
                    delivery.route,
                    delivery.event.event_type(),
                    delivery.event.room_id()
                );
                seen.lock().unwrap().push(delivery);
            }
        })
        .build();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let endpoint = format!("http://{}/chatwork", listener.local_addr()?);
    tokio::spawn(async move {
        let app = axum::Router::new().nest("/chatwork", routes);
        let _ = axum::serve(listener, app).await;
    });
    // Alice makes a mention webhook in Chatwork's settings screen and gives the platform its
    // token; the platform stores it under a key of its own.
    let key = "k-alice-mentions";
    let setting = chatwork
        .register_webhook("alice", NewWebhook::mentions(format!("{endpoint}/{key}")))
        .map_err(|e| format!("registering the webhook: {e}"))?;
    settings.0.lock().unwrap().insert(
        key.to_owned(),
        Registered::new("acme:alice", WebhookVerifier::new(&setting.token)?)
            .setting_id(setting.id.clone()),
    );

    // 3. Two workers serve every connection; their handles cost no I/O.
    let workers = [worker("worker-1")?, worker("worker-2")?];
    for (n, fleet) in workers.iter().enumerate() {
        for user in users {
            let me = fleet
                .client(&ConnectionId::new(format!("acme:{user}"))?)
                .get_me()
                .send()
                .await?;
            println!(
                "worker-{}: acme:{user} is {} ({})",
                n + 1,
                me.name,
                me.account_id
            );
        }
    }
    // Bob mentions Alice through worker 2; Alice's webhook reaches the endpoint.
    let bob = workers[1].client(&ConnectionId::new("acme:bob")?);
    let alice_id = workers[0]
        .client(&ConnectionId::new("acme:alice")?)
        .get_me()
        .send()
        .await?
        .account_id;
    let project = bob
        .list_rooms()
        .send()
        .await?
        .iter()
        .find(|r| r.name == "Project")
        .map(|r| r.room_id)
        .ok_or("no Project room")?;
    let body = chatwork::notation::MessageBuilder::new()
        .to(alice_id)
        .text("the release is ready for review")
        .build();
    bob.post_message()
        .room_id(project)
        .body(body)
        .send()
        .await?;
    for _ in 0..200 {
        if !received.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    handle.drain().await;

    // 4. Fifteen minutes on: every access token has expired; one refresh each, fleet-wide.
    chatwork.advance_clock(Duration::from_secs(16 * 60))?;
    for fleet in &workers {
        for user in users {
            fleet
                .client(&ConnectionId::new(format!("acme:{user}"))?)
                .get_me()
                .send()
                .await?;
        }
    }
    let stats = chatwork.token_stats();
    println!(
        "after the expiry: {} refreshes for {} connections and 2 workers; webhook deliveries handled: {}",
        stats.refreshes,
        users.len(),
        received.lock().unwrap().len()
    );
    if let Some((child, _, _)) = &mut server {
        let _ = child.kill();
        let _ = child.wait();
    }
    Ok(())
}
