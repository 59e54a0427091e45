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

/// One part of a `multipart/form-data` body.
pub(crate) struct Part {
    /// The part's field name (`file`, `message`).
    pub(crate) name: String,
    /// The file name as sent, if the part is a file.
    pub(crate) filename: Option<String>,
    /// The part's bytes.
    pub(crate) data: Vec<u8>,
}

/// Parses a `multipart/form-data` body (RFC 7578) with the boundary of its content type,
/// with multer. `None` if the content type has no boundary or the body is not well formed.
///
/// The body is already in memory, so the parse never waits: multer's future is polled once.
pub(crate) fn multipart(content_type: &str, body: &[u8]) -> Option<Vec<Part>> {
    use futures_util::FutureExt;
    let boundary = multer::parse_boundary(content_type).ok()?;
    let chunk = axum::body::Bytes::copy_from_slice(body);
    let stream = futures_util::stream::once(async move { Ok::<_, std::io::Error>(chunk) });
    let mut parts = multer::Multipart::new(stream, boundary);
    async move {
        let mut out = Vec::new();
        while let Some(field) = parts.next_field().await.ok()? {
            let name = field.name().unwrap_or_default().to_owned();
            let filename = field.file_name().map(str::to_owned);
            let data = field.bytes().await.ok()?.to_vec();
            out.push(Part {
                name,
                filename,
                data,
            });
        }
        Some(out)
    }
    .now_or_never()
    .flatten()
}

/// The base name of a file name sent with a path (`../../etc/passwd` → `passwd`,
/// `C:\x\y.txt` → `y.txt`), as browsers and Chatwork keep it.
pub(crate) fn base_name(filename: &str) -> &str {
    filename.rsplit(['/', '\\']).next().unwrap_or(filename)
}
