//! The code this build generated is the code reviewed under `generated/`: the generator and
//! what shapes its output are pinned exactly, so a user's build produces the same client.

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
