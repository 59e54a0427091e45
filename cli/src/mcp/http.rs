//! The Streamable HTTP transport: `/mcp` on the given address (loopback unless told
//! otherwise), each client bringing its own Chatwork token in `X-ChatWorkToken`.

use std::net::SocketAddr;
use std::sync::Arc;

use rmcp::transport::streamable_http_server::session::local::LocalSessionManager;
use rmcp::transport::{StreamableHttpServerConfig, StreamableHttpService};

use super::server::{Server, TOKEN_HEADER};

/// Serves until Ctrl-C (or SIGTERM).
pub async fn serve(
    server: Server,
    addr: SocketAddr,
    allowed_hosts: &[String],
    local_tokens: &[(String, String)],
) -> Result<(), String> {
    if !addr.ip().is_loopback() && allowed_hosts.is_empty() {
        return Err(format!(
            "{addr} is not a loopback address: give the host names clients will use with --allowed-host (anyone who can reach it can use the tools with their own token)"
        ));
    }
    let mut config = StreamableHttpServerConfig::default();
    if !allowed_hosts.is_empty() {
        let mut hosts: Vec<String> = vec!["localhost".into(), "127.0.0.1".into(), "::1".into()];
        hosts.extend(allowed_hosts.iter().cloned());
        config = config.with_allowed_hosts(hosts);
    }
    let stop = config.cancellation_token.clone();
    let factory = server.clone();
    let service: StreamableHttpService<Server, LocalSessionManager> = StreamableHttpService::new(
        move || Ok(factory.session()),
        Arc::new(LocalSessionManager::default()),
        config,
    );
    let router = axum::Router::new().nest_service("/mcp", service);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let bound = listener.local_addr().map_err(|e| e.to_string())?;
    eprintln!(
        "chatwork mcp: serving MCP at http://{bound}/mcp (send your Chatwork API token in {TOKEN_HEADER})"
    );
    for (user, token) in local_tokens {
        eprintln!("chatwork mcp: local Chatwork: {user}'s token is {token}");
    }
    axum::serve(listener, router)
        .with_graceful_shutdown(async move {
            shutdown_signal().await;
            stop.cancel();
        })
        .await
        .map_err(|e| e.to_string())
}

/// Ctrl-C, or SIGTERM on Unix.
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(t) => t,
                Err(_) => {
                    let _ = tokio::signal::ctrl_c().await;
                    return;
                }
            };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
