//! Files: `files ...`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

use clap::Subcommand;
use futures_util::StreamExt as _;
use serde_json::json;

use super::Limit;
use super::{label, parse_id};
use crate::clock::time;
use crate::context::Ctx;
use crate::failure::{Exit, Failure, Result};
use crate::input;
use crate::output::{fields, size, table};

#[derive(Subcommand, Debug)]
pub enum Files {
    /// A chat's files.
    #[command(after_help = "Example:\n  chatwork files list Project --account Alice")]
    List {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
        /// Only files uploaded by this account.
        #[arg(long, value_name = "ACCOUNT")]
        account: Option<String>,
        #[command(flatten)]
        limit: Limit,
    },
    /// One file's details (with --url: a download URL valid 30 seconds).
    #[command(after_help = "Example:\n  chatwork files get Project 701 --url")]
    Get {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
        /// The file's ID.
        file: String,
        #[arg(long)]
        url: bool,
    },
    /// Upload a file (at most 5 MB).
    #[command(
        after_help = "Example:\n  chatwork files upload Project report.csv --message \"Nightly report\""
    )]
    Upload {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
        /// The file to upload (at most 5 MB).
        path: PathBuf,
        /// A message to go with it (escaped, as `messages post` escapes, unless `--raw`).
        #[arg(long)]
        message: Option<String>,
        /// Send the message as Chatwork notation, not escaped.
        #[arg(long, requires = "message")]
        raw: bool,
        /// The name to give it (default: the file's name).
        #[arg(long)]
        name: Option<String>,
    },
    /// Download a file (to its own name, -o PATH, or -o - for standard output).
    #[command(
        after_help = "Examples:\n  chatwork files download Project 701 -o report.csv\n  chatwork files download Project 701 -o - | wc -c"
    )]
    Download {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
        /// The file's ID.
        file: String,
        #[arg(long, short = 'o', value_name = "PATH")]
        output: Option<PathBuf>,
    },
}

fn progress(len: Option<u64>, what: &str) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = match len {
        Some(n) => indicatif::ProgressBar::new(n).with_style(
            indicatif::ProgressStyle::with_template(
                "{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
        ),
        None => indicatif::ProgressBar::new_spinner(),
    };
    bar.set_message(what.to_owned());
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

pub async fn files(ctx: &Ctx, cmd: Files) -> Result<()> {
    use Files::*;
    let c = &ctx.client;
    match cmd {
        List {
            room,
            account,
            limit,
        } => {
            let (id, _) = ctx.room(&room).await?;
            let mut req = c.list_files().room_id(id);
            if let Some(a) = account {
                req = req.account_id(ctx.account(&a).await?.0);
            }
            if let Some(n) = limit.limit {
                req = req.limit(n);
            }
            let files = req.send().await?;
            ctx.out.either(files.value(), || {
                let rows: Vec<Vec<String>> = files
                    .iter()
                    .map(|f| {
                        vec![
                            f.file_id.to_string(),
                            f.filename.clone(),
                            size(f.filesize),
                            f.account.name.clone(),
                            time(f.upload_time),
                        ]
                    })
                    .collect();
                table(&["ID", "NAME", "SIZE", "FROM", "UPLOADED"], &rows)
            })
        }
        Get { room, file, url } => {
            let (id, _) = ctx.room(&room).await?;
            let f = c
                .get_file()
                .room_id(id)
                .file_id(parse_id(&file, "file")?)
                .create_download_url(url)
                .send()
                .await?;
            if let (true, Some(state)) = (url, ctx.in_process_state()) {
                eprintln!(
                    "chatwork: this download URL is served by this command's local Chatwork and stops working when it exits; keep one running with `chatwork-mock --state {}`, or use `chatwork files download`",
                    state.display()
                );
            }
            ctx.out.either(f.value(), || {
                let mut pairs = vec![
                    ("file", f.file_id.to_string()),
                    ("name", f.filename.clone()),
                    (
                        "size",
                        format!("{} ({} bytes)", size(f.filesize), f.filesize),
                    ),
                    ("from", label(f.account.account_id, &f.account.name)),
                    ("uploaded", time(f.upload_time)),
                    ("message", f.message_id.to_string()),
                ];
                if let Some(u) = &f.download_url {
                    pairs.push(("download", format!("{u} (valid 30 seconds)")));
                }
                fields(&pairs)
            })
        }
        Upload {
            room,
            path,
            message,
            raw,
            name,
        } => {
            let (id, room_name) = ctx.room(&room).await?;
            let data = std::fs::read(&path)
                .map_err(|e| Failure::usage(format!("cannot read {}: {e}", path.display())))?;
            if data.len() > chatwork::MAX_UPLOAD_BYTES {
                return Err(Failure::usage(format!(
                    "{} is {}; Chatwork takes at most {}",
                    path.display(),
                    size(data.len() as i64),
                    size(chatwork::MAX_UPLOAD_BYTES as i64)
                )));
            }
            let file_name = name.unwrap_or_else(|| {
                path.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "file".to_owned())
            });
            let bar = progress(
                None,
                &format!("uploading {file_name} ({})", size(data.len() as i64)),
            );
            let mut req = c.upload_file().room_id(id).file(file_name.clone(), data);
            if let Some(m) = message {
                // Plain text, as `messages post` sends it: `[toall]` and friends stay text.
                let m = if raw {
                    m
                } else {
                    chatwork::notation::MessageBuilder::new()
                        .text(&m)
                        .build()
                        .into_string()
                };
                req = req.message(m);
            }
            let sent = req.send().await;
            bar.finish_and_clear();
            let done = sent?;
            ctx.out.either(done.value(), || {
                format!(
                    "uploaded {file_name} as file {} in {}",
                    done.file_id,
                    label(id, &room_name)
                )
            })
        }
        Download { room, file, output } => {
            let (id, _) = ctx.room(&room).await?;
            let f = c
                .get_file()
                .room_id(id)
                .file_id(parse_id(&file, "file")?)
                .create_download_url(true)
                .send()
                .await?;
            let Some(url) = f.download_url.clone() else {
                return Err(Failure::other("Chatwork gave no download URL"));
            };
            let target = output.unwrap_or_else(|| {
                // Only the last component of the name: never a path outside this directory.
                let name = std::path::Path::new(&f.filename)
                    .file_name()
                    .map(|n| n.to_owned())
                    .unwrap_or_else(|| format!("file-{}", f.file_id).into());
                name.into()
            });
            let to_stdout = target.as_os_str() == "-";
            if !to_stdout && target.exists() {
                input::confirm(
                    ctx.yes,
                    &format!("{} exists. Replace it?", target.display()),
                )?;
            }
            let response = reqwest::get(&url)
                .await
                .and_then(|r| r.error_for_status())
                .map_err(|e| Failure::new(Exit::Network, format!("download failed: {e}")))?;
            let bar = progress(
                response.content_length(),
                &format!("downloading {}", f.filename),
            );
            let mut bytes = Vec::new();
            let mut stream = response.bytes_stream();
            while let Some(chunk) = stream.next().await {
                let chunk = chunk
                    .map_err(|e| Failure::new(Exit::Network, format!("download failed: {e}")))?;
                bar.inc(chunk.len() as u64);
                bytes.extend_from_slice(&chunk);
            }
            bar.finish_and_clear();
            if to_stdout {
                return crate::output::bytes(&bytes);
            }
            std::fs::write(&target, &bytes)?;
            ctx.out.either(
                &json!({"file_id": f.file_id, "path": target, "bytes": bytes.len()}),
                || format!("saved {} ({})", target.display(), size(bytes.len() as i64)),
            )
        }
    }
}
