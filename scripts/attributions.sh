#!/usr/bin/env bash
# Writes cli/THIRD-PARTY-LICENSES.md: the licences of every crate in the `chatwork` binary,
# collected by cargo-about (about.toml, about.hbs). With --check, fails if the file is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-about >/dev/null 2>&1 || cargo install cargo-about --locked --features cli --version 0.9.3
out=$(mktemp)
# --frozen: offline, from Cargo.lock, licence texts from the crates' own files only.
cargo about generate --frozen -m cli/Cargo.toml about.hbs -o "$out"
if [ "${1:-}" = "--check" ]; then
  if ! diff -q "$out" cli/THIRD-PARTY-LICENSES.md >/dev/null; then
    echo "cli/THIRD-PARTY-LICENSES.md is stale: run scripts/attributions.sh" >&2
    diff "$out" cli/THIRD-PARTY-LICENSES.md | head -20 >&2
    exit 1
  fi
else
  chmod 644 "$out"
  mv "$out" cli/THIRD-PARTY-LICENSES.md
fi
