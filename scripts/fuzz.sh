#!/usr/bin/env bash
# Fuzzes webhook verify-and-parse with cargo-fuzz (libFuzzer). Not run in CI.
#   scripts/fuzz.sh [seconds]     (default 120)
# Needs `cargo install cargo-fuzz`; the stable toolchain is switched to nightly features
# with RUSTC_BOOTSTRAP=1, as no nightly toolchain is installed here.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-120}"
mkdir -p fuzz/corpus/verify_and_parse
# Seed the corpus with the recorded deliveries (signature, NUL, body).
for f in spec/fixtures/webhooks/*.http; do
  sig=$(grep '^x-chatworkwebhooksignature: ' "$f" | cut -d' ' -f2)
  { printf '%s\0' "$sig"; sed -n '/^$/,$p' "$f" | tail -n +2; } > "fuzz/corpus/verify_and_parse/$(basename "$f" .http)"
done
RUSTC_BOOTSTRAP=1 cargo fuzz run verify_and_parse fuzz/corpus/verify_and_parse -- -max_total_time="$seconds" -max_len=4096
