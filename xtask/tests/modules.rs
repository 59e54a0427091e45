//! The SDK's hand-written modules depend one way: a test that fails when an import cycle
//! appears, and proof that the check finds one.

use xtask::{ModuleGraph, Project, modules};

fn files(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
        .collect()
}

#[test]
fn the_sdk_has_no_import_cycle() {
    let graph = ModuleGraph::load(&Project::default_root()).unwrap();
    // The graph, for whoever reads the test's output (`--nocapture`).
    println!("{}", graph.render());
    assert!(graph.edges.len() > 10, "{}", graph.render());
    assert!(graph.edges["client"].contains("policy"));
    assert!(graph.edges["error"].contains("oauth"));
    assert!(
        graph.edges["poll"].contains("client"),
        "through `crate::Client`"
    );
    assert_eq!(
        graph.cycles(),
        Vec::<Vec<String>>::new(),
        "{}",
        graph.render()
    );
    // The layers the modules are meant to keep.
    for (low, high) in [
        ("oauth", "client"),
        ("oauth", "policy"),
        ("oauth", "error"),
        ("error", "policy"),
        ("error", "client"),
        ("policy", "transport"),
        ("limiter", "policy"),
    ] {
        assert!(
            !graph.edges.get(low).is_some_and(|to| to.contains(high)),
            "{low} must not depend on {high}:\n{}",
            graph.render()
        );
    }
}

#[test]
fn cycles_are_found_through_paths_groups_and_reexports() {
    let graph = ModuleGraph::from_sources(&files(&[
        (
            "lib.rs",
            "mod a; mod b; mod c; mod d;\nmod gen {\n    include!(\"x\");\n}\npub use d::{Thing, other::Deep};\n",
        ),
        (
            "a.rs",
            "use crate::{b::X, self};\n// crate::d in a comment\n",
        ),
        ("b/mod.rs", "fn f() -> crate::Thing { todo!() }\n"),
        ("b/inner.rs", "use super::X;\n"),
        (
            "d.rs",
            "pub struct Thing;\nfn g() { crate::a::run() }\n#[cfg(test)]\nmod tests { use crate::c; }\n",
        ),
        ("c.rs", "use crate::{\n    a::{One, Two},\n    b,\n};\n"),
    ]));
    assert_eq!(
        graph.render(),
        "a -> b\nb -> d\nc -> a b\nd -> a\n",
        "a comment and a test module are not references"
    );
    assert_eq!(graph.cycles(), vec![vec!["a", "b", "d"]]);
    let acyclic = ModuleGraph::from_sources(&files(&[
        ("lib.rs", "mod a; mod b;"),
        ("a.rs", "use crate::b::X;"),
        ("b.rs", "pub struct X;"),
    ]));
    assert!(acyclic.cycles().is_empty());
    let own = ModuleGraph::from_sources(&files(&[("lib.rs", ""), ("a.rs", "crate::a::f()")]));
    assert!(
        own.cycles().is_empty(),
        "a module's paths into itself are no edge"
    );
}

#[test]
fn generated_code_reaches_the_crate_only_through_the_contract() {
    let reached = modules::generated_reaches(&Project::default_root()).unwrap();
    assert_eq!(
        reached.into_iter().collect::<Vec<_>>(),
        ["contract", "generated"],
        "generated code may use `crate::contract::..` (src/contract.rs) and itself only"
    );
}

/// The CLI and the local Chatwork have no import cycle either.
#[test]
fn the_cli_and_the_mock_have_no_import_cycle() {
    for krate in ["cli", "mock"] {
        let graph = ModuleGraph::load(&Project::default_root().join(krate)).unwrap();
        assert!(graph.edges.len() > 5, "{krate}: {}", graph.render());
        assert_eq!(
            graph.cycles(),
            Vec::<Vec<String>>::new(),
            "{krate}:\n{}",
            graph.render()
        );
    }
}

/// No hand-written Rust file of the workspace is over 500 lines of code (lines that are not
/// blank and not comments); generated files (`generated/`, `mock/src/operations.rs`) are
/// exempt.
#[test]
fn no_hand_written_file_is_over_500_lines_of_code() {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if !matches!(name.as_str(), "target" | "generated" | ".git" | "fuzz") {
                    walk(&path, out);
                }
            } else if name.ends_with(".rs") {
                out.push(path);
            }
        }
    }
    let root = Project::default_root();
    let mut files = Vec::new();
    walk(&root, &mut files);
    assert!(files.len() > 100, "{} files", files.len());
    let mut over = Vec::new();
    for path in files {
        let rel = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if rel == "mock/src/operations.rs" {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let code = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("//"))
            .count();
        if code > 500 {
            over.push(format!("{rel}: {code}"));
        }
    }
    assert!(over.is_empty(), "over 500 lines of code: {over:?}");
}
