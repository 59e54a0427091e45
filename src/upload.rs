//! File upload (`POST /rooms/{room_id}/files`), hand-written because it is
//! `multipart/form-data`, which the generator does not support.

use bytes::Bytes;

use crate::Client;
use crate::error::{Error, InvalidKind};
use crate::generated::types::FileIdResponse;
use crate::model::RoomId;
use crate::response::Response;

/// The largest file Chatwork accepts: 5 MB, taken as 5 MiB (5,242,880 bytes). Larger
/// files are refused before anything is sent.
pub const MAX_UPLOAD_BYTES: usize = 5 * 1024 * 1024;

const DEFAULT_CONTENT_TYPE: &str = "application/octet-stream";

impl Client {
    /// Upload a file
    ///
    /// Uploads one file (at most 5 MB, see [`MAX_UPLOAD_BYTES`]) to the chat, optionally
    /// with a message posted alongside it.
    ///
    /// Sends `POST /rooms/{room_id}/files` as `multipart/form-data`.
    ///
    /// ```no_run
    /// # async fn run(client: chatwork::Client) -> Result<(), chatwork::Error> {
    /// let uploaded = client
    ///     .upload_file()
    ///     .room_id(42)
    ///     .file("report.csv", std::fs::read("report.csv").unwrap())
    ///     .content_type("text/csv")
    ///     .message("Today's report")
    ///     .send()
    ///     .await?;
    /// println!("file {}", uploaded.file_id);
    /// # Ok(()) }
    /// ```
    pub fn upload_file(&self) -> UploadFile<'_> {
        UploadFile {
            client: self,
            room_id: None,
            file_name: None,
            data: Bytes::new(),
            content_type: DEFAULT_CONTENT_TYPE.to_owned(),
            message: None,
            boundary: None,
            error: None,
        }
    }
}

/// Request builder for [`Client::upload_file`].
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `send()` is awaited"]
pub struct UploadFile<'a> {
    client: &'a Client,
    room_id: Option<RoomId>,
    file_name: Option<String>,
    data: Bytes,
    content_type: String,
    message: Option<String>,
    boundary: Option<String>,
    error: Option<(&'static str, String)>,
}

impl UploadFile<'_> {
    fn invalid(&mut self, parameter: &'static str, message: String) {
        self.error.get_or_insert((parameter, message));
    }

    /// The chat to upload to (required).
    pub fn room_id<V>(mut self, value: V) -> Self
    where
        V: TryInto<RoomId>,
        V::Error: std::fmt::Display,
    {
        match value.try_into() {
            Ok(v) => self.room_id = Some(v),
            Err(e) => self.invalid("room_id", format!("invalid value for `room_id`: {e}")),
        }
        self
    }

    /// The file's name, as shown in Chatwork, and its content (required). The name is sent
    /// as UTF-8 in the part's `Content-Disposition`, as browsers do; `"`, CR and LF are
    /// percent-encoded.
    pub fn file(mut self, name: impl Into<String>, data: impl Into<Bytes>) -> Self {
        self.file_name = Some(name.into());
        self.data = data.into();
        self
    }

    /// The file's content type (`application/octet-stream` by default).
    pub fn content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = content_type.into();
        self
    }

    /// A message posted together with the file (optional).
    pub fn message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// A fixed multipart boundary instead of a random one, for reproducible request bodies
    /// in tests: 1 to 70 characters of `[A-Za-z0-9'()+_,-./:=?]`.
    pub fn boundary(mut self, boundary: impl Into<String>) -> Self {
        self.boundary = Some(boundary.into());
        self
    }

    /// The `Content-Type` header and the body this request sends.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] when the file is missing, empty-named or over
    /// [`MAX_UPLOAD_BYTES`], the content type is not a single header line, or the boundary
    /// is invalid or occurs in the content.
    pub fn encode(&self) -> Result<(String, Vec<u8>), Error> {
        if let Some((parameter, message)) = &self.error {
            return Err(Error::invalid(
                InvalidKind::Value,
                Some(parameter),
                message.clone(),
            ));
        }
        let name = self.file_name.as_deref().ok_or_else(|| {
            Error::invalid(
                InvalidKind::Missing,
                Some("file"),
                "no file given: call `file(name, data)`",
            )
        })?;
        if name.is_empty() {
            return Err(Error::invalid(
                InvalidKind::Value,
                Some("file"),
                "the file name is empty",
            ));
        }
        if self.data.len() > MAX_UPLOAD_BYTES {
            return Err(Error::invalid(
                InvalidKind::TooLarge,
                Some("file"),
                format!(
                    "the file is {} bytes; Chatwork accepts at most {MAX_UPLOAD_BYTES}",
                    self.data.len()
                ),
            ));
        }
        if self.content_type.is_empty() || self.content_type.chars().any(|c| c.is_control()) {
            return Err(Error::invalid(
                InvalidKind::Value,
                Some("content_type"),
                "the content type must be one non-empty header line",
            ));
        }
        let boundary = match &self.boundary {
            Some(b) => {
                let valid = (1..=70).contains(&b.len())
                    && b.bytes()
                        .all(|c| c.is_ascii_alphanumeric() || b"'()+_,-./:=?".contains(&c))
                    && !b.ends_with(' ');
                if !valid {
                    return Err(Error::invalid(
                        InvalidKind::Value,
                        Some("boundary"),
                        format!("invalid multipart boundary {b:?}"),
                    ));
                }
                b.clone()
            }
            None => random_boundary(),
        };
        let delimiter = format!("--{boundary}");
        let occurs = |hay: &[u8]| {
            hay.windows(delimiter.len())
                .any(|w| w == delimiter.as_bytes())
        };
        if occurs(&self.data)
            || self
                .message
                .as_deref()
                .is_some_and(|m| occurs(m.as_bytes()))
        {
            return Err(Error::invalid(
                InvalidKind::Value,
                Some("boundary"),
                format!("the boundary {boundary:?} occurs in the content"),
            ));
        }
        let escaped = name
            .replace('"', "%22")
            .replace('\r', "%0D")
            .replace('\n', "%0A");
        let mut body = Vec::with_capacity(self.data.len() + 512);
        body.extend_from_slice(
            format!(
                "{delimiter}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{escaped}\"\r\nContent-Type: {}\r\n\r\n",
                self.content_type
            )
            .as_bytes(),
        );
        body.extend_from_slice(&self.data);
        body.extend_from_slice(b"\r\n");
        if let Some(message) = &self.message {
            body.extend_from_slice(
                format!("{delimiter}\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\n{message}\r\n")
                    .as_bytes(),
            );
        }
        body.extend_from_slice(format!("{delimiter}--\r\n").as_bytes());
        Ok((format!("multipart/form-data; boundary={boundary}"), body))
    }

    /// Uploads the file.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] as for [`encode`](Self::encode) or without `room_id` (nothing
    /// is sent); otherwise the transport, API and decoding errors of [`Error`].
    pub async fn send(self) -> Result<Response<FileIdResponse>, Error> {
        let (content_type, body) = self.encode()?;
        let room_id = self.room_id.ok_or_else(|| {
            Error::invalid(
                InvalidKind::Missing,
                Some("room_id"),
                "`room_id` is required but was not set",
            )
        })?;
        let generated = self.client.generated();
        let url = format!(
            "{}/rooms/{}/files",
            progenitor_client::ClientInfo::baseurl(generated),
            room_id
        );
        let request = progenitor_client::ClientInfo::client(generated)
            .post(url)
            .header(reqwest::header::CONTENT_TYPE, content_type)
            .header(reqwest::header::ACCEPT, "application/json")
            .body(body)
            .build()
            .map_err(|e| {
                Error::invalid(
                    InvalidKind::Config,
                    None,
                    format!("cannot build the upload request: {e}"),
                )
            })?;
        crate::transport::execute(generated, "upload_file", request).await
    }
}

fn random_boundary() -> String {
    format!(
        "chatwork-sdk-{:016x}{:016x}",
        crate::random::u64(),
        crate::random::u64()
    )
}
