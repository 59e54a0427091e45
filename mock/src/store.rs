//! The state file, shared by every process that serves it.
//!
//! One JSON document holds the world; uploaded bytes live beside it in `<file>.files/`, one
//! file per content (named by its SHA-256), so that the JSON stays small. Every change is
//! made under an exclusive lock on `<file>.lock`: the document is re-read if another process
//! wrote it since, the change is applied, and the document is written back (through a
//! temporary file and a rename) before the lock is released. Any number of processes can
//! therefore share one local Chatwork: none loses another's change, none hands out an ID
//! another already used, and each sees the others' changes on its next request. Everything
//! is created readable by its owner only (on Unix).

use std::collections::HashMap;
use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use sha2::{Digest, Sha256};

/// A state file and what was last read from or written to it.
pub(crate) struct StateFile {
    path: PathBuf,
    lock_path: PathBuf,
    /// The document as last read or written by this process: when the file differs, another
    /// process changed it.
    last: Mutex<Vec<u8>>,
}

/// The exclusive lock on a state file, released when dropped.
pub(crate) struct Locked(#[allow(dead_code)] File);

/// How long to wait between two tries of a lock another process holds.
const LOCK_RETRY: Duration = Duration::from_millis(1);

impl StateFile {
    /// The state file at `path`; creates its directory (owner only) and its lock file.
    ///
    /// Every error names the path it is about; a path that is a directory is refused before
    /// anything is written beside it.
    pub(crate) fn open(path: &Path) -> io::Result<Self> {
        if path.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                format!("{} is a directory, not a state file", path.display()),
            ));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            if dir.exists() && !dir.is_dir() {
                return Err(io::Error::new(
                    io::ErrorKind::NotADirectory,
                    format!("{} is not a directory", dir.display()),
                ));
            }
            create_private_dir(dir).map_err(|e| named(e, "cannot make the directory", dir))?;
        }
        let lock_path = sibling(path, ".lock");
        private_options()
            .create(true)
            .truncate(false)
            .open(&lock_path)
            .map_err(|e| named(e, "cannot open the lock file", &lock_path))?;
        Ok(Self {
            path: path.to_owned(),
            lock_path,
            last: Mutex::new(Vec::new()),
        })
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// The directory of uploaded bytes.
    pub(crate) fn blobs_dir(&self) -> PathBuf {
        sibling(&self.path, ".files")
    }

    fn lock_file(&self) -> io::Result<File> {
        private_options()
            .create(true)
            .truncate(false)
            .open(&self.lock_path)
    }

    /// Takes the lock, waiting (without blocking the runtime) while another holds it.
    pub(crate) async fn lock(&self) -> io::Result<Locked> {
        let file = self.lock_file()?;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Locked(file)),
                Err(TryLockError::WouldBlock) => tokio::time::sleep(LOCK_RETRY).await,
                Err(TryLockError::Error(e)) => return Err(e),
            }
        }
    }

    /// Takes the lock, blocking the thread while another holds it.
    pub(crate) fn lock_blocking(&self) -> io::Result<Locked> {
        let file = self.lock_file()?;
        file.lock()?;
        Ok(Locked(file))
    }

    /// The document, if it exists and differs from what this process last read or wrote.
    pub(crate) fn changed(&self, _lock: &Locked) -> io::Result<Option<Vec<u8>>> {
        let bytes = match std::fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(named(e, "cannot read the state file", &self.path)),
        };
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        if *last == bytes {
            return Ok(None);
        }
        last.clone_from(&bytes);
        Ok(Some(bytes))
    }

    /// Writes the document if it differs from what this process last read or wrote.
    pub(crate) fn write(&self, _lock: &Locked, bytes: Vec<u8>) -> io::Result<()> {
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        if *last == bytes {
            return Ok(());
        }
        write_atomically(&self.path, &bytes)
            .map_err(|e| named(e, "cannot write the state file", &self.path))?;
        *last = bytes;
        Ok(())
    }
}

/// Where uploaded bytes are kept: in memory, or in a directory beside the state file.
pub(crate) enum Blobs {
    Memory(HashMap<String, Vec<u8>>),
    Dir(PathBuf),
}

impl Default for Blobs {
    fn default() -> Self {
        Blobs::Memory(HashMap::new())
    }
}

impl Blobs {
    /// Keeps `bytes`; returns their name (the SHA-256 in hex).
    pub(crate) fn put(&mut self, bytes: &[u8]) -> io::Result<String> {
        let name: String = Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        match self {
            Blobs::Memory(map) => {
                map.entry(name.clone()).or_insert_with(|| bytes.to_vec());
            }
            Blobs::Dir(dir) => {
                let path = dir.join(&name);
                if !path.exists() {
                    create_private_dir(dir)?;
                    write_atomically(&path, bytes)?;
                }
            }
        }
        Ok(name)
    }

    /// The bytes of `name`, if kept.
    pub(crate) fn get(&self, name: &str) -> Option<Vec<u8>> {
        match self {
            Blobs::Memory(map) => map.get(name).cloned(),
            Blobs::Dir(dir) if name.bytes().all(|b| b.is_ascii_hexdigit()) => {
                std::fs::read(dir.join(name)).ok()
            }
            Blobs::Dir(_) => None,
        }
    }
}

/// `e`, of the same kind, with the path it is about: "cannot read the state file F: ...".
fn named(e: io::Error, what: &str, path: &Path) -> io::Error {
    io::Error::new(e.kind(), format!("{what} {}: {e}", path.display()))
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn private_options() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.read(true).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    options
}

fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Writes `bytes` through a temporary file of this process, so that a crash leaves the old
/// or the new content, never half of one.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let tmp = sibling(
        path,
        &format!(
            ".{}.{}.tmp",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ),
    );
    let written = (|| {
        use std::io::Write as _;
        let mut file = private_options().create(true).truncate(true).open(&tmp)?;
        file.write_all(bytes)?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}
