//! `cargo xtask gen` and `cargo xtask check`; see the library docs.

use std::process::ExitCode;

use xtask::{Project, check, generate};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // The fleet soak needs no project files.
    match args.first().map(String::as_str) {
        Some("fleet") => return xtask::fleet::run(&args[1..]),
        Some("fleet-worker") => return xtask::fleet::worker(&args[1..]),
        _ => {}
    }
    let root = Project::default_root();
    let project = match Project::load(&root) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    match args.first().map(String::as_str) {
        Some("gen") => match generate::render(&project) {
            Ok(files) => {
                for (path, text) in files {
                    if project.generated_files.get(&path) == Some(&text) {
                        println!("unchanged {path}");
                        continue;
                    }
                    let full = root.join(&path);
                    if let Some(dir) = full.parent()
                        && let Err(e) = std::fs::create_dir_all(dir)
                    {
                        eprintln!("error: creating {}: {e}", dir.display());
                        return ExitCode::FAILURE;
                    }
                    if let Err(e) = std::fs::write(&full, text) {
                        eprintln!("error: writing {path}: {e}");
                        return ExitCode::FAILURE;
                    }
                    println!("wrote {path}");
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        Some("check") => {
            let report = check(&project);
            for w in &report.warnings {
                println!("warning: {w}");
            }
            for e in &report.errors {
                println!("error: {e}");
            }
            println!(
                "{} operations' fixtures ({} files) and {} webhook deliveries checked: {} errors, {} warnings",
                project
                    .fixtures
                    .iter()
                    .map(|f| &f.operation)
                    .collect::<std::collections::BTreeSet<_>>()
                    .len(),
                project.fixtures.len(),
                project.webhooks.len(),
                report.errors.len(),
                report.warnings.len()
            );
            if report.errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        _ => {
            eprintln!(
                "usage: cargo xtask gen | cargo xtask check | cargo xtask fleet [--connections N] [--workers N] [--expiries N]"
            );
            ExitCode::from(2)
        }
    }
}
