//! The custom API call: any method and relative path, with the client's authentication,
//! rate limits, retries and error type.

use bytes::Bytes;
use reqwest::Method;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde::de::DeserializeOwned;

use crate::Client;
use crate::error::Error;
use crate::response::RateLimit;

impl Client {
    /// A custom API call to a path relative to the base URL, e.g. for an endpoint this
    /// version does not know yet.
    ///
    /// The token is added as for every other call, and the same rate limits, retries (a POST
    /// is never retried once it may have been sent) and error type apply. Only relative paths
    /// are accepted: an absolute URL, a `//host` path, `.`/`..` segments or a query in the path
    /// make `send()` fail before anything is sent, so the token never leaves the base host.
    ///
    /// ```no_run
    /// # async fn run(client: chatwork::Client) -> Result<(), chatwork::Error> {
    /// use reqwest::Method;
    /// let answer = client
    ///     .raw(Method::POST, "/rooms/123/messages")
    ///     .form("body", "hello")
    ///     .send()
    ///     .await?;
    /// let posted: serde_json::Value = answer.json()?;
    /// println!("{} {}", answer.status(), posted["message_id"]);
    /// # Ok(()) }
    /// ```
    pub fn raw(&self, method: Method, path: impl Into<String>) -> RawRequest<'_> {
        RawRequest {
            client: self,
            method,
            path: path.into(),
            query: Vec::new(),
            form: Vec::new(),
            headers: HeaderMap::new(),
            error: None,
        }
    }
}

/// Request builder for [`Client::raw`].
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `send()` is awaited"]
pub struct RawRequest<'a> {
    client: &'a Client,
    method: Method,
    path: String,
    query: Vec<(String, String)>,
    form: Vec<(String, String)>,
    headers: HeaderMap,
    error: Option<String>,
}

/// Header names a raw call may not set: the client owns authentication and routing.
const RESERVED_HEADERS: &[&str] = &[
    "x-chatworktoken",
    "authorization",
    "host",
    "cookie",
    "content-length",
];

impl RawRequest<'_> {
    /// Adds a query parameter (sent as given; use `0`/`1` for Chatwork's flags).
    pub fn query(mut self, name: impl Into<String>, value: impl ToString) -> Self {
        self.query.push((name.into(), value.to_string()));
        self
    }

    /// Adds a field to the `application/x-www-form-urlencoded` body.
    pub fn form(mut self, name: impl Into<String>, value: impl ToString) -> Self {
        self.form.push((name.into(), value.to_string()));
        self
    }

    /// Adds a header. Authentication headers (`x-chatworktoken`, `authorization`), `host`,
    /// `cookie` and `content-length` are refused.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        let lower = name.to_ascii_lowercase();
        if RESERVED_HEADERS.contains(&lower.as_str()) {
            self.error.get_or_insert(format!(
                "the header {name:?} is set by the client and cannot be overridden"
            ));
            return self;
        }
        match (
            HeaderName::from_bytes(lower.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            (Ok(n), Ok(v)) => {
                self.headers.append(n, v);
            }
            _ => {
                self.error.get_or_insert(format!("invalid header {name:?}"));
            }
        }
        self
    }

    fn url(&self) -> Result<reqwest::Url, Error> {
        let refuse = |why: &str| {
            Err(Error::InvalidRequest(format!(
                "raw call path {:?}: {why}",
                self.path
            )))
        };
        let path = self.path.as_str();
        if path.contains("://") || path.starts_with("//") || path.contains('\\') {
            return refuse("only paths relative to the base URL are accepted");
        }
        if path.contains('?') || path.contains('#') {
            return refuse("put query parameters in `query()`, not in the path");
        }
        let decoded = percent_decoded(path);
        if decoded.split('/').any(|seg| seg == "." || seg == "..") {
            return refuse("`.` and `..` segments are not accepted");
        }
        let base_text = progenitor_client::ClientInfo::baseurl(self.client.generated());
        let base =
            reqwest::Url::parse(base_text).map_err(|e| Error::InvalidRequest(e.to_string()))?;
        let url = reqwest::Url::parse(&format!("{base_text}/{}", path.trim_start_matches('/')))
            .map_err(|e| Error::InvalidRequest(format!("raw call path {path:?}: {e}")))?;
        // Defence in depth: the result must stay on the base URL's origin and path.
        if url.origin() != base.origin()
            || !url.path().starts_with(base.path().trim_end_matches('/'))
        {
            return refuse("it leaves the base URL");
        }
        Ok(url)
    }

    /// Sends the call.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] for a refused path or header (nothing is sent),
    /// [`Error::Api`] for a non-success status, and transport errors as for every call.
    pub async fn send(self) -> Result<RawResponse, Error> {
        if let Some(e) = self.error {
            return Err(Error::InvalidRequest(e));
        }
        let mut url = self.url()?;
        if !self.query.is_empty() {
            url.query_pairs_mut().extend_pairs(&self.query);
        }
        let generated = self.client.generated();
        let mut builder = progenitor_client::ClientInfo::client(generated)
            .request(self.method.clone(), url)
            .headers(self.headers);
        if !self.form.is_empty() {
            builder = builder.form(&self.form);
        }
        let request = builder
            .build()
            .map_err(|e| Error::InvalidRequest(format!("cannot build the raw call: {e}")))?;
        let (response, resend) = crate::transport::execute_raw(generated, "raw", request).await?;
        let (status, headers, body) = crate::transport::read_body("raw", resend, response).await?;
        Ok(RawResponse {
            status,
            headers,
            body,
        })
    }
}

fn percent_decoded(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(
                std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"),
                16,
            )
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The answer to a raw call with a success status.
#[derive(Debug, Clone)]
pub struct RawResponse {
    status: u16,
    headers: HeaderMap,
    body: Bytes,
}

impl RawResponse {
    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The rate-limit headers.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        RateLimit::from_headers(&self.headers)
    }

    /// The body bytes.
    pub fn bytes(&self) -> &Bytes {
        &self.body
    }

    /// Decodes the body as JSON (into `serde_json::Value` or any type).
    ///
    /// # Errors
    ///
    /// [`Error::Decode`] with the status and raw body when it does not decode.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, Error> {
        crate::transport::decode_json("raw", self.status, &self.headers, &self.body)
    }
}
