//! The custom API call: any method and relative path, with the client's authentication,
//! rate limits, retries and error type.

use bytes::Bytes;
use reqwest::Method;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde::de::DeserializeOwned;

use crate::Client;
use crate::error::{Error, InvalidKind};
use crate::response::Response;

impl Client {
    /// A custom API call to a path relative to the base URL, e.g. for an endpoint this
    /// version does not know yet.
    ///
    /// - **Method**: GET, POST, PUT, PATCH or DELETE, as a [`Method`](crate::Method) or its
    ///   name (`"GET"`, any letter case); anything else makes `send()` fail.
    /// - **Path**: relative to the base URL, with or without a leading `/`. A path that
    ///   repeats the base URL's own prefix (`/v2/rooms/123/messages/` with the default base
    ///   `https://api.chatwork.com/v2`) and a trailing slash are accepted, so a URL copied
    ///   from Chatwork's documentation works as written.
    /// - **Parameters**: [`query`](RawRequest::query), [`header`](RawRequest::header) and one
    ///   body: [`form`](RawRequest::form) fields (what Chatwork reads),
    ///   [`body`](RawRequest::body) bytes with a content type, or [`json`](RawRequest::json).
    ///
    /// The token is added as for every other call, and the same rate limits, retries (a POST
    /// or PATCH is never retried once it may have been sent) and error type apply. Only
    /// relative paths are accepted: an absolute URL, a `//host` path, `.`/`..` segments or a
    /// query in the path make `send()` fail before anything is sent, so the token never leaves
    /// the base host.
    ///
    /// ```no_run
    /// # async fn run(client: chatwork::Client) -> Result<(), chatwork::Error> {
    /// let answer = client
    ///     .raw("GET", "/v2/rooms/123/messages/")
    ///     .query("force", 1)
    ///     .send()
    ///     .await?;
    /// let messages: serde_json::Value = answer.json()?;
    ///
    /// let answer = client
    ///     .raw(chatwork::Method::POST, "rooms/123/messages")
    ///     .form("body", "hello")
    ///     .send()
    ///     .await?;
    /// println!("{} {}", answer.status(), answer.json::<serde_json::Value>()?["message_id"]);
    /// # let _ = messages;
    /// # Ok(()) }
    /// ```
    pub fn raw<M>(&self, method: M, path: impl Into<String>) -> RawRequest<'_>
    where
        M: TryInto<Method>,
        M::Error: std::fmt::Display,
    {
        let (method, error) = match method.try_into() {
            Ok(m) => match allowed_method(&m) {
                Some(m) => (m, None),
                None => (
                    m.clone(),
                    Some((
                        InvalidKind::Refused,
                        "method",
                        format!(
                            "the method {m} is not accepted: use GET, POST, PUT, PATCH or DELETE"
                        ),
                    )),
                ),
            },
            Err(e) => (
                Method::GET,
                Some((InvalidKind::Value, "method", format!("invalid method: {e}"))),
            ),
        };
        RawRequest {
            client: self,
            method,
            path: path.into(),
            query: Vec::new(),
            body: RawBody::None,
            headers: HeaderMap::new(),
            error,
        }
    }
}

/// The methods a raw call accepts, whatever the letter case of their name.
fn allowed_method(m: &Method) -> Option<Method> {
    match m.as_str().to_ascii_uppercase().as_str() {
        "GET" => Some(Method::GET),
        "POST" => Some(Method::POST),
        "PUT" => Some(Method::PUT),
        "PATCH" => Some(Method::PATCH),
        "DELETE" => Some(Method::DELETE),
        _ => None,
    }
}

/// The body of a raw call.
#[derive(Debug, Clone)]
enum RawBody {
    None,
    Form(Vec<(String, String)>),
    Bytes(Bytes, HeaderValue),
    Json(Vec<u8>),
}

/// Request builder for [`Client::raw`].
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `send()` is awaited"]
pub struct RawRequest<'a> {
    client: &'a Client,
    method: Method,
    path: String,
    query: Vec<(String, String)>,
    body: RawBody,
    headers: HeaderMap,
    /// The first refused input: kind, parameter, explanation.
    error: Option<(InvalidKind, &'static str, String)>,
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

    /// Adds a field to the `application/x-www-form-urlencoded` body, the body Chatwork reads
    /// for POST, PUT and DELETE.
    pub fn form(mut self, name: impl Into<String>, value: impl ToString) -> Self {
        let field = (name.into(), value.to_string());
        match &mut self.body {
            RawBody::Form(fields) => fields.push(field),
            RawBody::None => self.body = RawBody::Form(vec![field]),
            _ => self.one_body(),
        }
        self
    }

    /// Sends `bytes` as the body, with `content_type`.
    pub fn body(mut self, bytes: impl Into<Bytes>, content_type: &str) -> Self {
        match HeaderValue::from_str(content_type) {
            Ok(ct) if matches!(self.body, RawBody::None) => {
                self.body = RawBody::Bytes(bytes.into(), ct)
            }
            Ok(_) => self.one_body(),
            Err(_) => {
                self.error.get_or_insert((
                    InvalidKind::Value,
                    "body",
                    format!("invalid content type {content_type:?}"),
                ));
            }
        }
        self
    }

    /// Sends `value` as a JSON body (`application/json`).
    pub fn json<T: serde::Serialize + ?Sized>(mut self, value: &T) -> Self {
        match serde_json::to_vec(value) {
            Ok(bytes) if matches!(self.body, RawBody::None) => self.body = RawBody::Json(bytes),
            Ok(_) => self.one_body(),
            Err(e) => {
                self.error.get_or_insert((
                    InvalidKind::Value,
                    "json",
                    format!("cannot encode the JSON body: {e}"),
                ));
            }
        }
        self
    }

    fn one_body(&mut self) {
        self.error.get_or_insert((
            InvalidKind::Value,
            "body",
            "a raw call has one body: form fields, bytes or JSON, not several".to_owned(),
        ));
    }

    /// Adds a header. Authentication headers (`x-chatworktoken`, `authorization`), `host`,
    /// `cookie` and `content-length` are refused.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        let lower = name.to_ascii_lowercase();
        if RESERVED_HEADERS.contains(&lower.as_str()) {
            self.error.get_or_insert((
                InvalidKind::Refused,
                "header",
                format!("the header {name:?} is set by the client and cannot be overridden"),
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
                self.error.get_or_insert((
                    InvalidKind::Value,
                    "header",
                    format!("invalid header {name:?}"),
                ));
            }
        }
        self
    }

    fn url(&self) -> Result<reqwest::Url, Error> {
        let refuse = |why: &str| {
            Err(Error::invalid(
                InvalidKind::Refused,
                Some("path"),
                format!("raw call path {:?}: {why}", self.path),
            ))
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
        let base = reqwest::Url::parse(base_text).map_err(|e| Error::config(e.to_string()))?;
        let base_path = base.path().trim_end_matches('/');
        // `/v2/rooms/1/` against the base `.../v2`: the prefix and the trailing slash go.
        let mut relative = format!("/{}", path.trim_start_matches('/'));
        if !base_path.is_empty()
            && let Some(rest) = relative.strip_prefix(base_path)
            && (rest.is_empty() || rest.starts_with('/'))
        {
            relative = rest.to_owned();
        }
        let relative = relative.trim_end_matches('/');
        let url = reqwest::Url::parse(&format!("{}{relative}", base_text.trim_end_matches('/')))
            .map_err(|e| {
                Error::invalid(
                    InvalidKind::Value,
                    Some("path"),
                    format!("raw call path {path:?}: {e}"),
                )
            })?;
        // Defence in depth: the result must stay on the base URL's origin and path.
        if url.origin() != base.origin() || !url.path().starts_with(base_path) {
            return refuse("it leaves the base URL");
        }
        Ok(url)
    }

    /// Sends the call.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] for a refused method, path, header or body (nothing is
    /// sent), [`Error::Api`] for a non-success status, and transport errors as for every call.
    pub async fn send(self) -> Result<RawResponse, Error> {
        if let Some((kind, parameter, message)) = self.error {
            return Err(Error::invalid(kind, Some(parameter), message));
        }
        let mut url = self.url()?;
        if !self.query.is_empty() {
            url.query_pairs_mut().extend_pairs(&self.query);
        }
        let generated = self.client.generated();
        let mut builder = progenitor_client::ClientInfo::client(generated)
            .request(self.method.clone(), url)
            .headers(self.headers);
        builder = match self.body {
            RawBody::None => builder,
            RawBody::Form(fields) => builder.form(&fields),
            RawBody::Bytes(bytes, content_type) => builder
                .header(reqwest::header::CONTENT_TYPE, content_type)
                .body(bytes),
            RawBody::Json(bytes) => builder
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(bytes),
        };
        let request = builder
            .build()
            .map_err(|e| Error::config(format!("cannot build the raw call: {e}")))?;
        let (response, resend) = crate::transport::execute_raw(generated, "raw", request).await?;
        let (status, headers, body) = crate::transport::read_body("raw", resend, response).await?;
        Ok(Response::new(body, status, headers))
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

/// The answer to a raw call with a success status: a [`Response`] whose value is the body's
/// bytes (status, headers, rate limit and message limitation as for every answer).
pub type RawResponse = Response<Bytes>;

impl Response<Bytes> {
    /// The body bytes.
    pub fn bytes(&self) -> &Bytes {
        self.value()
    }

    /// Decodes the body as JSON (into `serde_json::Value` or any type).
    ///
    /// # Errors
    ///
    /// [`Error::Decode`] with the status and raw body when it does not decode.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, Error> {
        crate::transport::decode_json("raw", self.status(), self.headers(), self.value())
    }
}

#[cfg(test)]
mod tests {
    use super::percent_decoded;

    #[test]
    fn percent_decoding_takes_whole_escapes_only_and_never_reads_past_the_end() {
        assert_eq!(percent_decoded("/rooms/%2e%2E/me"), "/rooms/../me");
        assert_eq!(percent_decoded("%41%42"), "AB");
        // An escape cut by the end, or not hexadecimal, stays as written.
        assert_eq!(percent_decoded("a%2e%2"), "a.%2");
        assert_eq!(percent_decoded("a%2"), "a%2");
        assert_eq!(percent_decoded("%"), "%");
        assert_eq!(percent_decoded("%zz%4"), "%zz%4");
        assert_eq!(percent_decoded("%%41"), "%A");
        assert_eq!(percent_decoded(""), "");
        // Bytes that are not UTF-8 are replaced, never a panic.
        assert_eq!(percent_decoded("%ff"), "\u{fffd}");
    }
}
