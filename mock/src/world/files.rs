//! Files: uploads (multipart, 5 MB), lists, and 30-second download URLs.

use std::time::Duration;

use serde_json::{Value, json};

use super::{Answer, Message, Role, StoredFile, World, bad, flag, forbidden, now};
use crate::form::{base_name, field, multipart};

/// The largest upload Chatwork accepts: 5 MB (read as 5 MiB).
pub const MAX_UPLOAD_BYTES: usize = 5 * 1024 * 1024;

/// How long a download URL works, by default.
pub const DOWNLOAD_URL_LIFETIME: Duration = Duration::from_secs(30);

impl World {
    pub(super) fn file_json(&self, f: &StoredFile) -> Value {
        json!({
            "file_id": f.id,
            "account": self.account_ref(f.account),
            "message_id": f.message_id.to_string(),
            "filename": f.filename,
            "filesize": f.size,
            "upload_time": f.upload_time,
        })
    }

    pub(crate) fn upload_file(
        &mut self,
        account: i64,
        room: &str,
        content_type: &str,
        body: &[u8],
    ) -> Answer {
        let Some(parts) = multipart(content_type, body) else {
            return bad("The body is not multipart/form-data");
        };
        let Some(file) = parts.iter().find(|p| p.name == "file") else {
            return bad("Parameter 'file' is required");
        };
        let data = &file.data;
        if data.len() > MAX_UPLOAD_BYTES {
            return bad("The file is larger than 5 MB");
        }
        let filename = base_name(file.filename.as_deref().unwrap_or_default()).to_owned();
        if filename.is_empty() || filename == "." || filename == ".." {
            return bad("The file has no name");
        }
        let message = parts
            .iter()
            .find(|p| p.name == "message")
            .map(|p| String::from_utf8_lossy(&p.data).into_owned());
        let r = match self.room_mut(account, room) {
            Ok(r) => r,
            Err(e) => return e,
        };
        if r.members.get(&account) == Some(&Role::Readonly) {
            return forbidden("You don't have permission to upload files in this room");
        }
        let room_id = r.id;
        let blob = match self.blobs.put(data) {
            Ok(blob) => blob,
            Err(e) => return Answer::Error(500, format!("cannot keep the file: {e}")),
        };
        self.next_message += 1;
        self.next_file += 1;
        let (message_id, file_id) = (self.next_message, self.next_file);
        let file = StoredFile {
            id: file_id,
            account,
            message_id,
            filename: filename.clone(),
            blob,
            size: data.len(),
            upload_time: now(),
        };
        if let Some(r) = self.rooms.get_mut(&room_id) {
            r.messages.push(Message {
                id: message_id,
                account,
                body: format!(
                    "{}[download:{file_id}]{filename}[/download]",
                    message.map(|m| format!("{m}\n")).unwrap_or_default()
                ),
                send_time: now(),
                update_time: 0,
            });
            r.files.push(file);
            r.last_update_time = now();
            self.message_event(room_id, message_id, false);
        }
        // Chatwork answers the new file's ID only.
        Answer::Json(json!({"file_id": file_id}))
    }

    pub(crate) fn list_files(
        &self,
        account: i64,
        room: &str,
        query: &[(String, String)],
    ) -> Answer {
        let r = match self.room_of(account, room) {
            Ok(r) => r,
            Err(e) => return e,
        };
        let by = field(query, "account_id").and_then(|v| v.parse::<i64>().ok());
        Self::list_or_204(
            r.files
                .iter()
                .filter(|f| by.is_none_or(|a| f.account == a))
                .take(100)
                .map(|f| self.file_json(f))
                .collect(),
        )
    }

    /// One file's metadata; with `create_download_url=1`, a URL on `origin` that serves the
    /// bytes for 30 seconds.
    pub(crate) fn get_file(
        &mut self,
        account: i64,
        room: &str,
        file: &str,
        query: &[(String, String)],
        origin: &str,
    ) -> Answer {
        let with_url = match flag(query, "create_download_url") {
            Ok(f) => f,
            Err(e) => return e,
        };
        let (room_id, i) = match self.find_in_room(account, room, file, |r| &r.files, |f| f.id) {
            Ok(found) => found,
            Err(e) => return e,
        };
        let f = &self.rooms[&room_id].files[i];
        let mut v = self.file_json(f);
        let file_id = f.id;
        if with_url {
            self.next_download += 1;
            let key = format!("d{}x{file_id}", self.next_download);
            v["download_url"] = json!(format!("{origin}/download/{key}"));
            self.downloads.insert(
                key,
                (
                    room_id,
                    file_id,
                    self.clock_ms() + self.limits.download_url_lifetime.as_millis() as u64,
                ),
            );
        }
        Answer::Json(v)
    }

    /// The bytes behind a download URL, while it is valid.
    pub(crate) fn download(&self, key: &str) -> Option<(String, Vec<u8>)> {
        let (room, file, until) = self.downloads.get(key)?;
        if self.clock_ms() >= *until {
            return None;
        }
        let f = self.rooms.get(room)?.files.iter().find(|f| f.id == *file)?;
        Some((f.filename.clone(), self.blobs.get(&f.blob)?))
    }
}
