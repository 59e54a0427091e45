//! Fixture files: a recorded HTTP message, headers as text, then a blank line, then the
//! body bytes exactly as sent (no trailing newline is added or removed).

/// A recorded response of one operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fixture {
    /// The operation (the fixture's folder name).
    pub operation: String,
    /// The path relative to the repository root.
    pub file: String,
    /// The status the file name claims (`200` in `200.free-plan.http`).
    pub file_status: Option<u16>,
    /// The status of the status line.
    pub status: u16,
    /// Header names (lower case) and values, in order.
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
}

/// A recorded webhook delivery.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebhookFixture {
    /// The path relative to the repository root.
    pub file: String,
    /// The request target (path and query).
    pub target: String,
    /// Header names (lower case) and values, in order.
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
}

/// Header names (lower case) and values, in order.
pub type Headers = Vec<(String, String)>;

fn find_header<'a>(headers: &'a Headers, name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn split(file: &str, bytes: &[u8]) -> Result<(String, Headers, Vec<u8>), String> {
    let cut = bytes
        .windows(2)
        .position(|w| w == b"\n\n")
        .ok_or_else(|| format!("{file}: no blank line between the headers and the body"))?;
    let head =
        std::str::from_utf8(&bytes[..cut]).map_err(|_| format!("{file}: headers are not UTF-8"))?;
    let mut lines = head.lines();
    let start = lines.next().unwrap_or_default().to_owned();
    let mut headers = Vec::new();
    for line in lines {
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| format!("{file}: header line without a colon: {line:?}"))?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
    Ok((start, headers, bytes[cut + 2..].to_vec()))
}

impl Fixture {
    /// Parses a response fixture.
    ///
    /// # Errors
    ///
    /// A message naming the file when it is not `HTTP/1.1 <status> ...`, headers, blank
    /// line, body.
    pub fn parse(operation: &str, file: &str, bytes: &[u8]) -> Result<Self, String> {
        let (start, headers, body) = split(file, bytes)?;
        let status = start
            .strip_prefix("HTTP/1.1 ")
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|s| s.parse::<u16>().ok())
            .ok_or_else(|| {
                format!("{file}: the first line is not `HTTP/1.1 <status> <reason>`: {start:?}")
            })?;
        let base = file.rsplit('/').next().unwrap_or(file);
        let file_status = base.split('.').next().and_then(|s| s.parse::<u16>().ok());
        Ok(Self {
            operation: operation.to_owned(),
            file: file.to_owned(),
            file_status,
            status,
            headers,
            body,
        })
    }

    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

impl WebhookFixture {
    /// Parses a webhook delivery fixture (`POST <target> HTTP/1.1`, headers, blank line, body).
    ///
    /// # Errors
    ///
    /// A message naming the file when it does not have that shape.
    pub fn parse(file: &str, bytes: &[u8]) -> Result<Self, String> {
        let (start, headers, body) = split(file, bytes)?;
        let target = start
            .strip_prefix("POST ")
            .and_then(|rest| rest.strip_suffix(" HTTP/1.1"))
            .ok_or_else(|| {
                format!("{file}: the first line is not `POST <target> HTTP/1.1`: {start:?}")
            })?
            .to_owned();
        Ok(Self {
            file: file.to_owned(),
            target,
            headers,
            body,
        })
    }

    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// A query parameter of the target, percent-decoded.
    pub fn query_param(&self, name: &str) -> Option<String> {
        let query = self.target.split_once('?')?.1;
        query.split('&').find_map(|pair| {
            let (k, v) = pair.split_once('=')?;
            (k == name).then(|| {
                percent_encoding::percent_decode_str(v)
                    .decode_utf8_lossy()
                    .into_owned()
            })
        })
    }
}
