//! Rules about where secrets may travel, shared by the client and OAuth.

/// Whether the URL's host is loopback (`127.0.0.1`, `[::1]`, `localhost`): the one place
/// plain HTTP is allowed to carry a secret.
pub(crate) fn is_loopback(url: &reqwest::Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}
