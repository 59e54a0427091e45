#!/usr/bin/env bash
# Fuzzes webhook verify-and-parse and the notation parser with cargo-fuzz (libFuzzer).
# Not run in CI.
#   scripts/fuzz.sh [seconds per target] [target...]   (default 120; both targets)
# Needs `cargo install cargo-fuzz`; the stable toolchain is switched to nightly features
# with RUSTC_BOOTSTRAP=1, as no nightly toolchain is installed here.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-120}"
shift || true
targets=("${@:-verify_and_parse parse_notation}")
mkdir -p fuzz/corpus/verify_and_parse
# Seed the corpus with the recorded deliveries (signature, NUL, body).
for f in spec/fixtures/webhooks/*.http; do
  sig=$(grep '^x-chatworkwebhooksignature: ' "$f" | cut -d' ' -f2)
  { printf '%s\0' "$sig"; sed -n '/^$/,$p' "$f" | tail -n +2; } > "fuzz/corpus/verify_and_parse/$(basename "$f" .http)"
done
mkdir -p fuzz/corpus/parse_notation
for f in spec/fixtures/list_messages/*.http spec/fixtures/get_message/*.http; do
  sed -n '/^$/,$p' "$f" | tail -n +2 > "fuzz/corpus/parse_notation/$(basename "$(dirname "$f")")-$(basename "$f" .http)"
done
for target in ${targets[@]}; do
  echo "== $target for ${seconds}s"
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "fuzz/corpus/$target" -- -max_total_time="$seconds" -max_len=4096
done
