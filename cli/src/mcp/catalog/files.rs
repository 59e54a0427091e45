//! Files.

use base64::Engine as _;
use schemars::JsonSchema;
use serde::Deserialize;

use crate::mcp::Call;
use crate::mcp::model::{Changed, File, Listed};
use crate::mcp::tools::{Done, Effect, ToolDef, ToolError};

/// Chatwork's limit for one upload.
const MAX_UPLOAD: usize = 5 * 1024 * 1024;

pub fn tools() -> Vec<ToolDef> {
    vec![
        ToolDef::new(
            "list_files",
            "The files uploaded to a chat (at most 100, newest last), optionally only one member's.",
            Effect::Read,
            list_files,
        ),
        ToolDef::new(
            "get_file",
            "One file's details; with download_url: true, also a download URL that works for 30 seconds only.",
            Effect::Read,
            get_file,
        ),
        ToolDef::new(
            "upload_file",
            "Uploads a file (at most 5 MB) to a chat, with an optional message. Give the content as text or as Base64 (content_base64), not both.",
            Effect::Create,
            upload_file,
        ),
    ]
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListFilesArgs {
    #[schemars(range(min = 1))]
    pub room_id: i64,
    /// Only files uploaded by this account.
    #[schemars(range(min = 1))]
    pub uploader_id: Option<i64>,
    /// At most this many (default 20; Chatwork returns at most 100).
    #[schemars(range(min = 1, max = 100))]
    pub limit: Option<usize>,
}

async fn list_files(call: Call, a: ListFilesArgs) -> Result<Done<Listed<File>>, ToolError> {
    let mut req = call.client().list_files().room_id(a.room_id);
    if let Some(id) = a.uploader_id {
        req = req.account_id(id);
    }
    let files = req.send().await?.into_inner();
    let listed = Listed::cut(
        files.iter().map(|f| File::new(a.room_id, f)),
        call.limit(a.limit),
    );
    let summary = format!("{} in room {}", listed.summary("files"), a.room_id);
    Ok(Done::new(listed, summary))
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetFileArgs {
    #[schemars(range(min = 1))]
    pub room_id: i64,
    #[schemars(range(min = 1))]
    pub file_id: i64,
    /// Also create a download URL (valid for 30 seconds).
    #[serde(default)]
    pub download_url: bool,
}

async fn get_file(call: Call, a: GetFileArgs) -> Result<Done<File>, ToolError> {
    let f = call
        .client()
        .get_file()
        .room_id(a.room_id)
        .file_id(a.file_id)
        .create_download_url(a.download_url)
        .send()
        .await?
        .into_inner();
    let file = File::new(a.room_id, &f);
    let mut summary = format!("{} ({} bytes)", file.filename, file.size);
    if file.download_url.is_some() {
        summary.push_str("; the download URL works for 30 seconds");
    }
    Ok(Done::new(file, summary))
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UploadArgs {
    #[schemars(range(min = 1))]
    pub room_id: i64,
    /// The file's name, as shown in the chat.
    #[schemars(length(min = 1, max = 255))]
    pub filename: String,
    /// The content as text (UTF-8).
    pub text: Option<String>,
    /// The content as Base64 (for binary files).
    pub content_base64: Option<String>,
    /// The MIME type (default: from the name's extension, else application/octet-stream).
    pub content_type: Option<String>,
    /// A message posted with the file (plain text).
    pub message: Option<String>,
}

async fn upload_file(call: Call, a: UploadArgs) -> Result<Done<Changed>, ToolError> {
    let data = match (a.text, a.content_base64) {
        (Some(text), None) => text.into_bytes(),
        (None, Some(b64)) => base64::engine::general_purpose::STANDARD
            .decode(b64.trim())
            .map_err(|e| ToolError::new(format!("content_base64 is not Base64: {e}")))?,
        _ => {
            return Err(ToolError::new(
                "give the content as text or as content_base64 (exactly one)",
            ));
        }
    };
    if data.len() > MAX_UPLOAD {
        return Err(ToolError::new(format!(
            "the file is {} bytes; Chatwork takes at most {MAX_UPLOAD} (5 MB)",
            data.len()
        )));
    }
    let size = data.len();
    let mut req = call
        .client()
        .upload_file()
        .room_id(a.room_id)
        .file(a.filename.clone(), data);
    if let Some(t) = a.content_type {
        req = req.content_type(t);
    }
    if let Some(m) = a.message {
        req = req.message(chatwork::notation::escape(&m));
    }
    let id = req.send().await?.into_inner().file_id.get();
    let mut changed = Changed::new("file");
    changed.room_id = Some(a.room_id);
    changed.file_id = Some(id);
    Ok(Done::new(
        changed,
        format!(
            "Uploaded {:?} ({size} bytes) to room {} as file {id}.",
            a.filename, a.room_id
        ),
    ))
}
