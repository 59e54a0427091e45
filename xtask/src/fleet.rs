//! `cargo xtask fleet`: a platform's fleet, soaked. One real `redis-server` (started here,
//! `appendfsync always`), the local Chatwork in this process, a thousand connections made
//! through the consent screen, and worker OS processes (this binary again, `fleet-worker`)
//! calling the API for all of them while the local Chatwork's clock jumps past every access
//! token's expiry. Faults on the way: a worker SIGKILLed while it holds a refresh lease (its
//! token call hangs), token calls that hang until the workers give up, and Redis killed and
//! restarted mid-run.
//!
//! It prints one summary line and fails unless every connection was refreshed exactly once
//! per expiry across the fleet, with no re-consent, no 429 and no lost token.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chatwork::RedisConnection;
use chatwork::fleet::Fleet;
use chatwork::oauth::{ConnectionId, OAuthConfig, RedisTokenStore, Scope, TokenStore};
use futures_util::StreamExt as _;
use serde::{Deserialize, Serialize};

/// What every worker is told (`setup.json` in the run's folder).
#[derive(Serialize, Deserialize, Clone)]
struct Setup {
    redis: String,
    base_url: String,
    authorize_url: String,
    token_url: String,
    connections: usize,
    token_timeout_ms: u64,
}

/// A worker's counts, written after each round (`worker-N.json`).
#[derive(Serialize, Deserialize, Default, Clone)]
struct Counts {
    rounds: u64,
    calls: u64,
    ok: u64,
    /// Failed calls by kind.
    errors: BTreeMap<String, u64>,
}

const TENANT: &str = "tenant-1";
const CLIENT_ID: &str = "fleet-app";
const CLIENT_SECRET: &str = "fleet-app-secret";
const REDIRECT: &str = "http://127.0.0.1:9/callback";

fn id(i: usize) -> ConnectionId {
    ConnectionId::new(format!("{TENANT}:u{i:05}")).expect("a valid ID")
}

fn config(setup: &Setup) -> OAuthConfig {
    OAuthConfig::confidential(CLIENT_ID, CLIENT_SECRET, REDIRECT)
        .endpoints(&setup.authorize_url, &setup.token_url)
        .expect("loopback endpoints")
        .timeout(Duration::from_millis(setup.token_timeout_ms))
        // The lease outlives a token call by 5 s (7 s here); a worker waits 3 s for another's.
        .lease(Duration::from_secs(1), Duration::from_secs(3))
}

fn fleet(setup: &Setup) -> Result<Fleet, String> {
    let redis = RedisConnection::open(&setup.redis).map_err(|e| e.to_string())?;
    Fleet::builder(config(setup), Arc::new(RedisTokenStore::new(&redis)))
        .base_url(&setup.base_url)
        .redis_limits(&redis)
        .timeout(Duration::from_secs(10))
        .build()
        .map_err(|e| e.to_string())
}

/// What kind of failure a call met, for the counts.
fn kind(e: &chatwork::Error) -> String {
    match e {
        chatwork::Error::OAuth(o) => match &**o {
            chatwork::oauth::OAuthError::ReauthorizationRequired { .. } => "reconsent".into(),
            chatwork::oauth::OAuthError::LeaseBusy { .. } => "lease_busy".into(),
            chatwork::oauth::OAuthError::LeaseLost { .. } => "lease_lost".into(),
            chatwork::oauth::OAuthError::Store(_) => "store".into(),
            chatwork::oauth::OAuthError::Transport(_) => "token_endpoint".into(),
            other => format!("oauth:{other}"),
        },
        chatwork::Error::Api(a) if a.status() == 429 => "429".into(),
        chatwork::Error::Api(a) => format!("api_{}", a.status()),
        chatwork::Error::RateLimiter(_) => "limiter".into(),
        chatwork::Error::Transport(_) => "transport".into(),
        other => format!("other:{other}"),
    }
}

/// `fleet-worker DIR N`: calls `get_me` for every connection, round after round, until
/// `DIR/stop` exists.
pub fn worker(args: &[String]) -> ExitCode {
    let (Some(dir), Some(n)) = (args.first(), args.get(1)) else {
        eprintln!("usage: xtask fleet-worker DIR N");
        return ExitCode::from(2);
    };
    let dir = PathBuf::from(dir);
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    runtime.block_on(async move {
        let setup: Setup =
            serde_json::from_slice(&std::fs::read(dir.join("setup.json")).expect("setup"))
                .expect("setup.json");
        let fleet = fleet(&setup).expect("a fleet");
        let mut counts = Counts::default();
        let mut order: Vec<usize> = (0..setup.connections).collect();
        let mut seed = std::process::id() as u64;
        while !dir.join("stop").exists() {
            let started = Instant::now();
            // A different order each round and in each worker.
            for i in (1..order.len()).rev() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                order.swap(i, (seed % (i as u64 + 1)) as usize);
            }
            let outcomes: Vec<Result<(), String>> = futures_util::stream::iter(order.clone())
                .map(|i| {
                    let client = fleet.client(&id(i));
                    async move { client.get_me().send().await.map(drop).map_err(|e| kind(&e)) }
                })
                .buffer_unordered(48)
                .collect()
                .await;
            counts.rounds += 1;
            for outcome in outcomes {
                counts.calls += 1;
                match outcome {
                    Ok(()) => counts.ok += 1,
                    Err(kind) => *counts.errors.entry(kind).or_default() += 1,
                }
            }
            let tmp = dir.join(format!("worker-{n}.json.tmp"));
            std::fs::write(&tmp, serde_json::to_vec(&counts).expect("json")).expect("write");
            std::fs::rename(&tmp, dir.join(format!("worker-{n}.json"))).expect("rename");
            let pause = Duration::from_millis(1500).saturating_sub(started.elapsed());
            tokio::time::sleep(pause).await;
        }
    });
    ExitCode::SUCCESS
}

struct Redis {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Redis {
    fn start(port: u16, dir: &Path) -> Result<Self, String> {
        let child = Command::new("redis-server")
            .args([
                "--port",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
            ])
            .args(["--appendonly", "yes", "--appendfsync", "always"])
            .arg("--dir")
            .arg(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                format!("cannot start redis-server (Debian: apt-get install redis-server): {e}")
            })?;
        let redis = Self {
            child,
            port,
            dir: dir.to_owned(),
        };
        let until = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > until {
                return Err("redis-server did not listen within 10 s".into());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Ok(redis)
    }

    fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/", self.port)
    }

    /// SIGKILL, then the same port and folder again (the append-only file brings back what
    /// was acknowledged).
    fn crash_and_restart(&mut self) -> Result<(), String> {
        let _ = self.child.kill();
        let _ = self.child.wait();
        std::thread::sleep(Duration::from_millis(800));
        *self = Self::start(self.port, &self.dir.clone())?;
        Ok(())
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn flag(args: &[String], name: &str, default: usize) -> Result<usize, String> {
    match args.iter().position(|a| a == name) {
        None => Ok(default),
        Some(i) => args
            .get(i + 1)
            .and_then(|v| v.parse().ok())
            .filter(|v| *v > 0)
            .ok_or_else(|| format!("{name} takes a positive number")),
    }
}

/// `cargo xtask fleet [--connections N] [--workers N] [--expiries N]`.
pub fn run(args: &[String]) -> ExitCode {
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    match runtime.block_on(soak(args)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("fleet: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn spawn_worker(dir: &Path, n: usize) -> Result<Child, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    Command::new(exe)
        .arg("fleet-worker")
        .arg(dir)
        .arg(n.to_string())
        .stdin(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start a worker: {e}"))
}

fn read_counts(dir: &Path, workers: usize) -> Vec<Counts> {
    (0..workers)
        .map(|n| {
            std::fs::read(dir.join(format!("worker-{n}.json")))
                .ok()
                .and_then(|b| serde_json::from_slice(&b).ok())
                .unwrap_or_default()
        })
        .collect()
}

/// The pid of a worker that has held a lease for over `min_age` (its token call hangs).
async fn lease_holder(redis: &str, min_age: Duration, ttl: Duration) -> Option<u32> {
    let client = redis::Client::open(redis).ok()?;
    let mut conn = client.get_multiplexed_async_connection().await.ok()?;
    let keys: Vec<String> = redis::cmd("KEYS")
        .arg("chatwork:conn:*:lease")
        .query_async(&mut conn)
        .await
        .ok()?;
    for key in keys {
        let owner: Option<String> = redis::cmd("GET")
            .arg(&key)
            .query_async(&mut conn)
            .await
            .ok()?;
        let pttl: i64 = redis::cmd("PTTL")
            .arg(&key)
            .query_async(&mut conn)
            .await
            .ok()?;
        let age = ttl.as_millis() as i64 - pttl;
        if pttl > 0 && age >= min_age.as_millis() as i64 {
            return owner?.split('-').next()?.parse().ok();
        }
    }
    None
}

async fn soak(args: &[String]) -> Result<bool, String> {
    let connections = flag(args, "--connections", 1000)?;
    let workers = flag(args, "--workers", 3)?.max(3);
    let expiries = flag(args, "--expiries", 3)?.max(3);
    let dir = std::env::temp_dir().join(format!("chatwork-fleet-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let started = Instant::now();
    let mut redis = Redis::start(free_port(), &dir)?;
    let mock = chatwork_mock::MockServer::builder()
        .start()
        .await
        .map_err(|e| e.to_string())?;
    let setup = Setup {
        redis: redis.url(),
        base_url: mock.base_url(),
        authorize_url: format!("{}/mock/oauth/authorize", mock.origin()),
        token_url: format!("{}/mock/oauth/token", mock.origin()),
        connections,
        token_timeout_ms: 2000,
    };
    let token_ttl = config(&setup).effective_lease_ttl();

    // Every connection through the consent screen ("Allow" clicked by its user).
    let coordinator = fleet(&setup)?;
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| e.to_string())?;
    let consents: Vec<Result<(), String>> = futures_util::stream::iter(0..connections)
        .map(|i| {
            let (mock, coordinator, http, setup) = (&mock, &coordinator, &http, &setup);
            async move {
                let name = format!("u{i:05}");
                mock.create_account(&name)?;
                let config = config(setup);
                let pending =
                    config.authorize([Scope::USERS_PROFILE_ME_READ, Scope::ROOMS_ALL_READ_WRITE]);
                let answer = http
                    .get(format!("{}&mock_user={name}", pending.url()))
                    .send()
                    .await
                    .map_err(|e| e.to_string())?;
                let location = answer
                    .headers()
                    .get("location")
                    .and_then(|l| l.to_str().ok())
                    .ok_or("the consent did not redirect")?;
                let query = location.split_once('?').map_or("", |(_, q)| q);
                let tokens = pending
                    .exchange(&config, query)
                    .await
                    .map_err(|e| e.to_string())?;
                coordinator
                    .connect(&id(i), tokens)
                    .await
                    .map_err(|e| e.to_string())
            }
        })
        .buffer_unordered(32)
        .collect()
        .await;
    consents.into_iter().collect::<Result<Vec<()>, String>>()?;
    std::fs::write(
        dir.join("setup.json"),
        serde_json::to_vec(&setup).map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())?;

    let mut children: Vec<Option<Child>> = (0..workers)
        .map(|n| spawn_worker(&dir, n).map(Some))
        .collect::<Result<_, _>>()?;
    let wait_rounds = |min: u64, n: usize| {
        let dir = dir.clone();
        async move {
            let until = Instant::now() + Duration::from_secs(60);
            while read_counts(&dir, n).iter().any(|c| c.rounds < min) && Instant::now() < until {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
    };
    wait_rounds(1, workers).await;
    let mut killed = 0;
    let mut redis_restarts = 0;
    let mut phase_ok = true;
    for expiry in 1..=expiries {
        let target = (connections * expiry) as u64;
        // Phase 2: one token call hangs and its worker is killed holding the lease. Phase 3:
        // three token calls hang until their workers give up, and Redis is killed mid-run.
        let hangs = match expiry {
            2 => 1,
            3 => 3,
            _ => 0,
        };
        mock.hang_token_requests(hangs);
        mock.advance_clock(Duration::from_secs(16 * 60))
            .map_err(|e| e.to_string())?;
        let phase_start = Instant::now();
        let mut restarted = false;
        loop {
            let done = mock.token_stats().refreshes;
            if expiry == 2 && killed == 0 && done + 1 >= target {
                // All but the hung refresh are done: kill the worker that holds its lease.
                if let Some(pid) =
                    lease_holder(&setup.redis, Duration::from_millis(1200), token_ttl).await
                    && let Some(slot) = children
                        .iter_mut()
                        .find(|c| c.as_ref().is_some_and(|c| c.id() == pid))
                {
                    let mut child = slot.take().expect("a child");
                    let _ = child.kill();
                    let _ = child.wait();
                    killed += 1;
                    let n = children.len();
                    children.push(Some(spawn_worker(&dir, n)?));
                }
            }
            if expiry == 3 && !restarted && phase_start.elapsed() > Duration::from_millis(300) {
                redis.crash_and_restart()?;
                redis_restarts += 1;
                restarted = true;
            }
            if done >= target && (expiry != 2 || killed > 0) {
                break;
            }
            if phase_start.elapsed() > Duration::from_secs(120) {
                eprintln!("fleet: expiry {expiry}: {done} of {target} refreshes after 120 s");
                phase_ok = false;
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        // Two more rounds: a duplicate refresh would show now.
        let rounds: Vec<u64> = read_counts(&dir, children.len())
            .iter()
            .map(|c| c.rounds)
            .collect();
        let min = rounds.iter().copied().max().unwrap_or(0) + 2;
        let live = children.len();
        let until = Instant::now() + Duration::from_secs(30);
        while Instant::now() < until
            && read_counts(&dir, live)
                .iter()
                .zip(&children)
                .any(|(c, child)| child.is_some() && c.rounds < min)
        {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    std::fs::write(dir.join("stop"), b"").map_err(|e| e.to_string())?;
    let mut panicked = 0;
    for child in children.iter_mut().flatten() {
        match child.wait() {
            Ok(status) if status.success() => {}
            _ => panicked += 1,
        }
    }
    let counts = read_counts(&dir, children.len());
    let stats = mock.token_stats();

    // Nothing lost: every connection's stored tokens are active and work, without a refresh.
    let store =
        RedisTokenStore::new(&RedisConnection::open(&setup.redis).map_err(|e| e.to_string())?);
    let checker = fleet(&setup)?;
    let checks: Vec<bool> = futures_util::stream::iter(0..connections)
        .map(|i| {
            let (store, checker) = (&store, &checker);
            async move {
                let active = matches!(
                    store.load(&id(i)).await,
                    Ok(Some(r)) if !r.value.needs_consent()
                );
                active && checker.client(&id(i)).get_me().send().await.is_ok()
            }
        })
        .buffer_unordered(32)
        .collect()
        .await;
    let lost = checks.iter().filter(|ok| !**ok).count();
    let after = mock.token_stats();

    let mut errors: BTreeMap<String, u64> = BTreeMap::new();
    for c in &counts {
        for (k, v) in &c.errors {
            *errors.entry(k.clone()).or_default() += v;
        }
    }
    let calls: u64 = counts.iter().map(|c| c.calls).sum();
    let reconsents = errors.get("reconsent").copied().unwrap_or(0) + stats.invalid_grants;
    let too_many = errors.get("429").copied().unwrap_or(0);
    let expected = (connections * expiries) as u64;
    let extra_refresh = after.refreshes - stats.refreshes;
    let error_text: Vec<String> = errors.iter().map(|(k, v)| format!("{k}:{v}")).collect();
    let ok = phase_ok
        && stats.refreshes == expected
        && extra_refresh == 0
        && reconsents == 0
        && too_many == 0
        && lost == 0
        && panicked == 0
        && killed == 1
        && redis_restarts == 1;
    println!(
        "fleet: connections={connections} workers={workers} killed_holding_lease={killed} redis_restarts={redis_restarts} hung_token_calls={} calls={calls} refreshes={}/{expected} reconsents={reconsents} 429s={too_many} lost_tokens={lost} worker_failures={panicked} call_errors=[{}] in {:.1} s: {}",
        stats.hung,
        stats.refreshes,
        error_text.join(" "),
        started.elapsed().as_secs_f64(),
        if ok { "ok" } else { "FAILED" }
    );
    drop(redis);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(ok)
}
