//! Records the commit the binary is built from (`chatwork --version`), when built from a git
//! checkout; a build from the published package says so instead.

fn main() {
    let commit = std::process::Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty());
    let dirty = commit.is_some()
        && std::process::Command::new("git")
            .args(["status", "--porcelain", "--untracked-files=no"])
            .output()
            .ok()
            .is_some_and(|o| !o.stdout.is_empty());
    let text = match commit {
        Some(c) if dirty => format!("commit {c}, modified"),
        Some(c) => format!("commit {c}"),
        None => "from the published package".to_owned(),
    };
    println!("cargo:rustc-env=CHATWORK_BUILD_COMMIT={text}");
    for path in ["../.git/HEAD", "../.git/index"] {
        if std::path::Path::new(path).exists() {
            println!("cargo:rerun-if-changed={path}");
        }
    }
}
