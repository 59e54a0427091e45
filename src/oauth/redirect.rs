//! The consent screen's redirect, received on a loopback port (desktop and command-line apps).

use std::net::SocketAddr;
use std::task::Poll;
use std::time::Duration;

use futures_util::FutureExt as _;
use futures_util::StreamExt as _;
use futures_util::future::BoxFuture;
use futures_util::stream::FuturesUnordered;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};

use super::{OAuthError, PendingAuthorization};

/// The longest request head read from the browser.
const MAX_HEAD: usize = 16 * 1024;
/// How long one connection may take to send its request.
const READ_TIMEOUT: Duration = Duration::from_secs(10);
/// Accept errors in a row (out of file descriptors, ...) before giving up.
const MAX_ACCEPT_ERRORS: usize = 64;

/// Receives the consent screen's redirect on a loopback redirect URI
/// (`http://127.0.0.1:8765/callback`, `http://localhost:8765/callback`), for apps that run
/// on the user's machine.
///
/// It takes the browser's request to the redirect path among any other connections (a
/// browser opens spare connections before it sends anything, asks for `/favicon.ico`, may
/// split a request over several packets), checks the callback's `state` against the
/// authorization it waits for, answers the browser with a short page, and gives up cleanly
/// after a timeout. A request whose `state` is not the awaited one gets a 400 page and is
/// otherwise ignored: the receiver keeps waiting for the real redirect.
///
/// **Chatwork and `http://`.** Chatwork's client settings document that a confidential
/// client's redirect URIs must start with `https://`, and a public client's may use any scheme
/// except `http://`. A loopback URI therefore serves where it is accepted (the local Chatwork
/// of this project's `chatwork-mock`, or Chatwork if it relaxes the rule); elsewhere, have the
/// user paste the address the browser was sent to and pass it to
/// [`PendingAuthorization::exchange`].
///
/// ```no_run
/// use chatwork::oauth::{OAuthConfig, RedirectReceiver, Scope};
/// use std::time::Duration;
///
/// # async fn run() -> Result<(), chatwork::oauth::OAuthError> {
/// let config = OAuthConfig::public("client-id", "http://127.0.0.1:8765/callback");
/// let receiver = RedirectReceiver::bind(config.redirect_uri()).await?;
/// let pending = config.authorize([Scope::ROOMS_ALL_READ]);
/// println!("open {}", pending.url());
/// let code = receiver.wait_for_code(&pending, Duration::from_secs(300)).await?;
/// let tokens = config.exchange_code(&code, pending.verifier()).await?;
/// # let _ = tokens; Ok(()) }
/// ```
#[derive(Debug)]
pub struct RedirectReceiver {
    listeners: Vec<TcpListener>,
    path: String,
    addr: SocketAddr,
}

impl RedirectReceiver {
    /// Listens on the redirect URI's port: on `127.0.0.1` or `[::1]` as the URI says, and on
    /// both for `localhost`. Port 0 picks a free port ([`local_addr`](Self::local_addr)).
    ///
    /// # Errors
    ///
    /// [`OAuthError::InvalidConfig`] for a URI that is not plain `http` to a loopback host,
    /// [`OAuthError::Receiver`] when the port cannot be listened on.
    pub async fn bind(redirect_uri: &str) -> Result<Self, OAuthError> {
        let url = reqwest::Url::parse(redirect_uri).map_err(|e| {
            OAuthError::InvalidConfig(format!("the redirect URI does not parse: {e}"))
        })?;
        if url.scheme() != "http" || !crate::urls::is_loopback(&url) {
            return Err(OAuthError::InvalidConfig(
                "a redirect is received locally only for an http:// URI on 127.0.0.1, [::1] or localhost"
                    .into(),
            ));
        }
        let port = url.port_or_known_default().unwrap_or(80);
        let first: SocketAddr = match url.host() {
            Some(url::Host::Ipv6(ip)) => (ip, port).into(),
            _ => ([127, 0, 0, 1], port).into(),
        };
        let bind = |addr: SocketAddr| async move {
            TcpListener::bind(addr)
                .await
                .map_err(|e| OAuthError::Receiver(format!("cannot listen on {addr}: {e}")))
        };
        let listener = bind(first).await?;
        let addr = listener
            .local_addr()
            .map_err(|e| OAuthError::Receiver(e.to_string()))?;
        let mut listeners = vec![listener];
        if matches!(url.host(), Some(url::Host::Domain(_))) {
            // `localhost` may resolve to ::1 first; where there is no IPv6, 127.0.0.1 serves.
            if let Ok(v6) = bind((std::net::Ipv6Addr::LOCALHOST, addr.port()).into()).await {
                listeners.push(v6);
            }
        }
        let path = match url.path() {
            "" => "/".to_owned(),
            p => p.to_owned(),
        };
        Ok(Self {
            listeners,
            path,
            addr,
        })
    }

    /// The address listened on (the port, when the URI gave 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Waits for the redirect that answers `pending` and returns its authorization code,
    /// after answering the browser.
    ///
    /// # Errors
    ///
    /// [`OAuthError::RedirectTimeout`] when no redirect for `pending` arrived within
    /// `timeout`; the consent's outcome when it is not a code ([`OAuthError::AccessDenied`],
    /// [`OAuthError::Authorization`], [`OAuthError::MissingCode`]); [`OAuthError::Receiver`]
    /// when connections can no longer be accepted.
    pub async fn wait_for_code(
        &self,
        pending: &PendingAuthorization,
        timeout: Duration,
    ) -> Result<String, OAuthError> {
        let mut connections: FuturesUnordered<BoxFuture<'_, Option<Result<String, OAuthError>>>> =
            FuturesUnordered::new();
        let mut errors = 0usize;
        let wait = std::future::poll_fn(|cx| {
            loop {
                let mut progressed = false;
                for listener in &self.listeners {
                    match listener.poll_accept(cx) {
                        Poll::Ready(Ok((socket, _))) => {
                            errors = 0;
                            progressed = true;
                            connections.push(serve(socket, &self.path, pending).boxed());
                        }
                        Poll::Ready(Err(e)) => {
                            errors += 1;
                            if errors >= MAX_ACCEPT_ERRORS {
                                return Poll::Ready(Err(OAuthError::Receiver(format!(
                                    "cannot accept connections: {e}"
                                ))));
                            }
                            progressed = true;
                        }
                        Poll::Pending => {}
                    }
                }
                match connections.poll_next_unpin(cx) {
                    Poll::Ready(Some(Some(outcome))) => return Poll::Ready(outcome),
                    Poll::Ready(Some(None)) => progressed = true,
                    Poll::Ready(None) | Poll::Pending => {}
                }
                if !progressed {
                    return Poll::Pending;
                }
            }
        });
        tokio::time::timeout(timeout, wait)
            .await
            .unwrap_or(Err(OAuthError::RedirectTimeout(timeout)))
    }
}

/// One connection: reads its request head, answers it, and returns the consent's outcome
/// when it is the awaited redirect.
async fn serve(
    mut socket: TcpStream,
    path: &str,
    pending: &PendingAuthorization,
) -> Option<Result<String, OAuthError>> {
    let head = tokio::time::timeout(READ_TIMEOUT, read_head(&mut socket))
        .await
        .ok()??;
    let line = head.lines().next().unwrap_or_default();
    let mut parts = line.split(' ');
    let (method, target) = (parts.next().unwrap_or_default(), parts.next()?);
    let target = target.split_once('#').map_or(target, |(t, _)| t);
    let (request_path, query) = target.split_once('?').unwrap_or((target, ""));
    let (status, page, outcome) = if request_path != path {
        ("404 Not Found", "Not found.".to_owned(), None)
    } else if method != "GET" {
        ("405 Method Not Allowed", "Only GET.".to_owned(), None)
    } else {
        match pending.code_from_callback(query) {
            Err(e @ (OAuthError::StateMismatch | OAuthError::InvalidCallback(_))) => {
                tracing::debug!(error = %e, "a request to the redirect URI that does not answer this authorization");
                (
                    "400 Bad Request",
                    "This is not the sign-in this program is waiting for.".to_owned(),
                    None,
                )
            }
            Ok(code) => (
                "200 OK",
                "Signed in to Chatwork. You can close this tab.".to_owned(),
                Some(Ok(code)),
            ),
            Err(e) => (
                "200 OK",
                format!(
                    "The sign-in did not complete: {}.",
                    html_escape(&e.to_string())
                ),
                Some(Err(e)),
            ),
        }
    };
    let body = format!(
        "<!doctype html><meta charset=\"utf-8\"><title>Chatwork sign-in</title><p>{page}</p>\n"
    );
    let response = format!(
        "HTTP/1.1 {status}\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\ncache-control: no-store\r\nreferrer-policy: no-referrer\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    // The browser may already be gone: the outcome stands either way.
    let _ = socket.write_all(response.as_bytes()).await;
    let _ = socket.shutdown().await;
    outcome
}

/// The request line and headers, however many reads they take; `None` when the connection
/// closes first or sends more than [`MAX_HEAD`].
async fn read_head(socket: &mut TcpStream) -> Option<String> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    loop {
        let n = socket.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        // Look for the end from just before the new bytes: linear in the head's length.
        let from = buf.len().saturating_sub(3);
        buf.extend_from_slice(&chunk[..n]);
        if let Some(end) = memchr::memmem::find(&buf[from..], b"\r\n\r\n") {
            buf.truncate(from + end);
            return Some(String::from_utf8_lossy(&buf).into_owned());
        }
        if buf.len() > MAX_HEAD {
            return None;
        }
    }
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
