//! The code generated from the spec is the code reviewed under `generated/`, which is what
//! users' builds compile (without the `codegen` feature). Run with `--features codegen`
//! (the README's test command has `--all-features`): without it the build copies the
//! snapshot and there is nothing to compare.
#![cfg(feature = "codegen")]

#[test]
fn the_build_output_is_the_reviewed_snapshot() {
    let built = include_str!(concat!(env!("OUT_DIR"), "/chatwork.rs"));
    let reviewed = include_str!("../generated/chatwork.rs");
    assert!(
        built == reviewed,
        "the build generated a client that differs from generated/chatwork.rs: run `cargo xtask gen` and review"
    );
    let built = include_str!(concat!(env!("OUT_DIR"), "/requests.rs"));
    let reviewed = include_str!("../generated/requests.rs");
    assert!(
        built == reviewed,
        "the build generated request builders that differ from generated/requests.rs: run `cargo xtask gen` and review"
    );
}
