//! Compiles `spec/chatwork.yaml` into the typed client (see `codegen/mod.rs`).

#[path = "codegen/mod.rs"]
#[allow(dead_code)]
mod codegen;

use std::{env, fs, path::PathBuf};

const SPEC: &str = "spec/chatwork.yaml";

fn main() {
    println!("cargo:rerun-if-changed={SPEC}");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=codegen");
    let text = fs::read_to_string(SPEC).unwrap_or_else(|e| panic!("reading {SPEC}: {e}"));
    let spec = codegen::parse_spec(&text).unwrap_or_else(|e| panic!("{e}"));
    let generated = codegen::generate(&spec).unwrap_or_else(|e| panic!("{e}"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR"));
    fs::write(out.join("chatwork.rs"), generated.client).expect("writing the generated client");
    fs::write(out.join("requests.rs"), generated.requests).expect("writing the request builders");
}
