//! Puts the typed client into `OUT_DIR`.
//!
//! By default it is the reviewed snapshot under `generated/`, so users do not build the code
//! generator. With the `codegen` feature (on in this repository's checks), it is generated
//! from `spec/chatwork.yaml` by `codegen/` (progenitor); `tests/snapshot.rs` proves the two
//! are the same, and `cargo xtask check` fails when the snapshot is stale.

#[cfg(feature = "codegen")]
#[path = "codegen/mod.rs"]
#[allow(dead_code)]
mod codegen;

use std::{env, fs, path::PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let out = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR"));
    let (client, requests) = generated();
    fs::write(out.join("chatwork.rs"), client).expect("writing the generated client");
    fs::write(out.join("requests.rs"), requests).expect("writing the request builders");
}

#[cfg(feature = "codegen")]
fn generated() -> (String, String) {
    const SPEC: &str = "spec/chatwork.yaml";
    println!("cargo:rerun-if-changed={SPEC}");
    println!("cargo:rerun-if-changed=codegen");
    let text = fs::read_to_string(SPEC).unwrap_or_else(|e| panic!("reading {SPEC}: {e}"));
    let spec = codegen::parse_spec(&text).unwrap_or_else(|e| panic!("{e}"));
    let generated = codegen::generate(&spec).unwrap_or_else(|e| panic!("{e}"));
    (generated.client, generated.requests)
}

#[cfg(not(feature = "codegen"))]
fn generated() -> (String, String) {
    let read = |file: &str| {
        let path = format!("generated/{file}");
        println!("cargo:rerun-if-changed={path}");
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
    };
    (read("chatwork.rs"), read("requests.rs"))
}
