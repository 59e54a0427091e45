//! The crate's one error type.

use std::fmt;

use bytes::Bytes;
use reqwest::header::HeaderMap;

use crate::response::RateLimit;

/// Everything that can go wrong with a call, split by where it failed.
///
/// No variant carries a secret: the API token is never part of an error or its text.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request was not sent: a parameter is missing or invalid, or the client is
    /// misconfigured. [`InvalidRequest::kind`] and [`InvalidRequest::parameter`] say which
    /// and why.
    #[error("invalid request (not sent): {0}")]
    InvalidRequest(Box<InvalidRequest>),
    /// The request could not be sent, or the answer could not be read.
    #[error(transparent)]
    Transport(Box<TransportError>),
    /// Chatwork answered with an error status.
    #[error(transparent)]
    Api(Box<ApiError>),
    /// Chatwork answered with a success status but a body this crate cannot decode.
    #[error(transparent)]
    Decode(Box<DecodeError>),
    /// The shared rate limiter could not be asked (its store, e.g. Redis, is unreachable)
    /// and is set to fail rather than fall back to this process's own limits. Nothing was
    /// sent.
    #[error(transparent)]
    RateLimiter(Box<crate::limiter::LimiterError>),
    /// The OAuth session could not provide a valid access token (the refresh token was
    /// rejected: the user must authorize again; or the token endpoint failed). Nothing was
    /// sent to the API, or it answered 401 and the refresh that followed failed.
    #[cfg(feature = "oauth")]
    #[cfg_attr(docsrs, doc(cfg(feature = "oauth")))]
    #[error("OAuth: {0}")]
    OAuth(Box<crate::oauth::OAuthError>),
}

impl Error {
    /// The HTTP status of the answer, when there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Decode(e) => Some(e.status),
            _ => None,
        }
    }

    /// Whether sending the same request again may succeed without a duplicate side effect
    /// or a lost answer.
    ///
    /// - a 429 is always retryable: Chatwork did not act on the request;
    /// - 500, 502, 503 and 504, and timeouts, are retryable only for requests that may be sent
    ///   again (GET, PUT and DELETE; see the crate's retry rules): a POST (a message, a task, a
    ///   room) may have been applied already, and a `list_messages` without `force` may have
    ///   handed out messages that a second call would not return again;
    /// - a connection that could not be made is retryable: nothing reached Chatwork.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Api(e) => {
                e.status == 429 || (e.resend && matches!(e.status, 500 | 502 | 503 | 504))
            }
            Error::Transport(e) => e.connect || e.resend,
            // Not sent: safe to try again once the limiter's store is back.
            Error::RateLimiter(_) => true,
            // No token could be had (the token store or endpoint was unreachable, another
            // process held the refresh lease): nothing was sent.
            #[cfg(feature = "oauth")]
            Error::OAuth(e) => e.is_retryable(),
            _ => false,
        }
    }

    /// The rate-limit headers of the answer, when there was one and it carried them.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        match self {
            Error::Api(e) => e.rate_limit(),
            Error::Decode(e) => RateLimit::from_headers(&e.headers),
            _ => None,
        }
    }

    /// The API error, if Chatwork answered with an error status.
    pub fn as_api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            _ => None,
        }
    }
}

impl Error {
    pub(crate) fn invalid(
        kind: InvalidKind,
        parameter: Option<&str>,
        message: impl Into<String>,
    ) -> Self {
        Error::InvalidRequest(Box::new(InvalidRequest {
            kind,
            parameter: parameter.map(str::to_owned),
            message: message.into(),
        }))
    }

    /// A refused client setting.
    pub(crate) fn config(message: impl Into<String>) -> Self {
        Self::invalid(InvalidKind::Config, None, message)
    }

    /// An error of progenitor's builders. The request builders check every parameter
    /// before (a value that does not convert, a required one unset: with its name), so this
    /// is a last resort, kept as progenitor wrote it; its wording is not read.
    pub(crate) fn from_builder(message: String) -> Self {
        Self::invalid(InvalidKind::Value, None, message)
    }

    /// The details of a request refused before sending.
    pub fn as_invalid_request(&self) -> Option<&InvalidRequest> {
        match self {
            Error::InvalidRequest(e) => Some(e),
            _ => None,
        }
    }
}

/// What kind of input a request was refused for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InvalidKind {
    /// A required parameter was not set.
    Missing,
    /// A value does not convert or breaks a rule of the spec (length, pattern, an empty
    /// list).
    Value,
    /// A value is too large (a file over the upload limit).
    TooLarge,
    /// A raw call's method, path or header that the client refuses: it could leave the base
    /// URL or override the client's authentication.
    Refused,
    /// The client's own settings: the token, the base URL, the user agent, the HTTP client.
    Config,
}

/// A request refused before anything was sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidRequest {
    kind: InvalidKind,
    parameter: Option<String>,
    message: String,
}

impl InvalidRequest {
    /// Why.
    pub fn kind(&self) -> InvalidKind {
        self.kind
    }

    /// The parameter at fault, by its Rust setter's name, when one is.
    pub fn parameter(&self) -> Option<&str> {
        self.parameter.as_deref()
    }

    /// The explanation.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for InvalidRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The request could not be sent or its answer not read (DNS, TLS, connection, timeout).
#[derive(Debug)]
pub struct TransportError {
    pub(crate) source: reqwest::Error,
    pub(crate) operation: &'static str,
    pub(crate) connect: bool,
    pub(crate) resend: bool,
}

impl TransportError {
    /// The operation that failed (`post_message`, ...).
    pub fn operation(&self) -> &str {
        self.operation
    }

    /// True when the connection could not be made, so nothing reached Chatwork.
    pub fn is_connect(&self) -> bool {
        self.connect
    }

    /// True when the request timed out.
    pub fn is_timeout(&self) -> bool {
        self.source.is_timeout()
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if self.connect {
            "could not connect"
        } else if self.source.is_timeout() {
            "timed out"
        } else {
            "transport failure"
        };
        // The causes (down to a refused connection, a TLS failure, a reset) come from
        // `source()`, not from this text: reporters that print the chain print each once.
        write!(f, "{}: {what}", self.operation)
    }
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// The OAuth 2.0 details of a `WWW-Authenticate: Bearer ...` header (RFC 6750).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct WwwAuthenticate {
    /// The scheme, e.g. `Bearer`.
    pub scheme: String,
    /// The `error` attribute, e.g. `invalid_token`.
    pub error: Option<String>,
    /// The `error_description` attribute, e.g. `The access token expired`.
    pub error_description: Option<String>,
    /// The `scope` attribute, when the token lacks a scope.
    pub scope: Option<String>,
    /// The header as sent.
    pub raw: String,
}

impl WwwAuthenticate {
    /// Parses a `WWW-Authenticate` value of the form `Scheme k="v", k2=v2`.
    pub fn parse(raw: &str) -> Self {
        let raw_trimmed = raw.trim();
        let (scheme, rest) = raw_trimmed.split_once(' ').unwrap_or((raw_trimmed, ""));
        let mut out = Self {
            scheme: scheme.to_owned(),
            error: None,
            error_description: None,
            scope: None,
            raw: raw.to_owned(),
        };
        let mut chars = rest.chars().peekable();
        loop {
            while chars.peek().is_some_and(|c| *c == ',' || c.is_whitespace()) {
                chars.next();
            }
            let key: String = std::iter::from_fn(|| chars.next_if(|c| *c != '=')).collect();
            if chars.next() != Some('=') {
                break;
            }
            let mut value = String::new();
            if chars.peek() == Some(&'"') {
                chars.next();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => value.extend(chars.next()),
                        '"' => break,
                        c => value.push(c),
                    }
                }
            } else {
                value.extend(std::iter::from_fn(|| chars.next_if(|c| *c != ',')));
                value = value.trim().to_owned();
            }
            match key.trim() {
                "error" => out.error = Some(value),
                "error_description" => out.error_description = Some(value),
                "scope" => out.scope = Some(value),
                _ => {}
            }
        }
        out
    }
}

/// Chatwork answered with an error status (4xx or 5xx).
#[derive(Debug, Clone)]
pub struct ApiError {
    pub(crate) operation: &'static str,
    pub(crate) status: u16,
    pub(crate) errors: Vec<String>,
    pub(crate) headers: HeaderMap,
    pub(crate) raw_body: Option<Bytes>,
    pub(crate) resend: bool,
}

impl ApiError {
    /// The operation that failed.
    pub fn operation(&self) -> &str {
        self.operation
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The messages of Chatwork's `{"errors": [...]}` body (empty if the body had none).
    pub fn errors(&self) -> &[String] {
        &self.errors
    }

    /// The body as received, kept when it was not Chatwork's `{"errors": [...]}` JSON
    /// (an HTML error page from a proxy, say). `None` when it was decoded into
    /// [`errors`](Self::errors).
    pub fn raw_body(&self) -> Option<&[u8]> {
        self.raw_body.as_deref()
    }

    /// All response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The rate-limit headers of the answer.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        RateLimit::from_headers(&self.headers)
    }

    /// How long the `Retry-After` header asks to wait, if sent: delta-seconds, or an
    /// HTTP-date measured against the answer's `Date` (Chatwork's clock).
    pub fn retry_after(&self) -> Option<std::time::Duration> {
        crate::response::retry_after(&self.headers)
    }

    /// The OAuth `WWW-Authenticate` details (sent with 401 for a bad or expired access token).
    pub fn www_authenticate(&self) -> Option<WwwAuthenticate> {
        let v = self.headers.get(reqwest::header::WWW_AUTHENTICATE)?;
        Some(WwwAuthenticate::parse(&String::from_utf8_lossy(
            v.as_bytes(),
        )))
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: Chatwork answered {}", self.operation, self.status)?;
        if let Some(reason) = reqwest::StatusCode::from_u16(self.status)
            .ok()
            .and_then(|s| s.canonical_reason())
        {
            write!(f, " {reason}")?;
        }
        if !self.errors.is_empty() {
            write!(f, ": {}", self.errors.join("; "))?;
        } else if let Some(d) = self
            .www_authenticate()
            .and_then(|w| w.error_description.or(w.error))
        {
            write!(f, ": {d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

/// A success status whose body could not be decoded into the expected type.
#[derive(Debug, Clone)]
pub struct DecodeError {
    pub(crate) operation: &'static str,
    pub(crate) status: u16,
    pub(crate) message: String,
    /// Where in the JSON decoding failed (`[3].account.name`), when known.
    pub(crate) path: Option<String>,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
}

impl DecodeError {
    /// Where in the JSON the decoding failed, as a path such as `[3].account.name` (`.` for
    /// the top level), when known.
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// The operation whose answer failed to decode.
    pub fn operation(&self) -> &str {
        self.operation
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The raw body, as received.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// All response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// What the decoder said.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: could not decode Chatwork's {} answer ({} bytes)",
            self.operation,
            self.status,
            self.body.len(),
        )?;
        if let Some(path) = &self.path {
            write!(f, " at {path}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for DecodeError {}
