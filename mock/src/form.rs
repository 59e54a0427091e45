//! The parameters of a request: URL-encoded forms and queries, and `multipart/form-data`.

/// The value of the first parameter `name`.
pub(crate) fn field<'a>(form: &'a [(String, String)], name: &str) -> Option<&'a str> {
    form.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// The pairs of a URL-encoded query or form (none if it does not parse).
pub(crate) fn urlencoded(s: &[u8]) -> Vec<(String, String)> {
    if s.is_empty() {
        return Vec::new();
    }
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(s).unwrap_or_default()
}

/// The parts of a `multipart/form-data` body: (name, filename, content type, bytes).
type Parts = Vec<(String, Option<String>, Option<String>, Vec<u8>)>;

/// Parses a `multipart/form-data` body (RFC 7578) with the boundary of its content type.
pub(crate) fn multipart(content_type: &str, body: &[u8]) -> Option<Parts> {
    let boundary = content_type
        .split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix("boundary="))?
        .trim_matches('"');
    let delimiter = format!("--{boundary}").into_bytes();
    let find = |hay: &[u8], needle: &[u8], from: usize| {
        hay.get(from..)?
            .windows(needle.len())
            .position(|w| w == needle)
            .map(|p| p + from)
    };
    let mut parts = Vec::new();
    let mut at = find(body, &delimiter, 0)? + delimiter.len();
    loop {
        if body.get(at..at + 2) == Some(b"--") {
            return Some(parts);
        }
        at += 2; // CRLF after the delimiter
        let headers_end = find(body, b"\r\n\r\n", at)?;
        let headers = String::from_utf8_lossy(&body[at..headers_end]).into_owned();
        let content_start = headers_end + 4;
        let next = find(body, &delimiter, content_start)?;
        let content = body.get(content_start..next.checked_sub(2)?)?.to_vec();
        let (mut name, mut filename, mut ctype) = (String::new(), None, None);
        for line in headers.split("\r\n") {
            let lower = line.to_ascii_lowercase();
            if lower.starts_with("content-disposition:") {
                for param in line.split(';').map(str::trim) {
                    if let Some(v) = param.strip_prefix("name=") {
                        name = v.trim_matches('"').to_owned();
                    } else if let Some(v) = param.strip_prefix("filename=") {
                        filename = Some(v.trim_matches('"').to_owned());
                    }
                }
            } else if lower.starts_with("content-type:") {
                ctype = line.split_once(':').map(|(_, v)| v.trim().to_owned());
            }
        }
        parts.push((name, filename, ctype, content));
        at = next + delimiter.len();
    }
}
