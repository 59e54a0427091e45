//! What the CLI's test files share.

/// A fresh directory to serve as `HOME` (so no token file or saved state is found).
pub fn home() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "chatwork-cli-test-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
