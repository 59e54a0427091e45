#!/usr/bin/env bash
# Fuzzes webhook verify-and-parse and the notation parser with cargo-fuzz (libFuzzer).
# Not run in CI.
#   scripts/fuzz.sh [seconds per target] [target...]   (default 120; both targets)
# Inputs go up to 256 KiB (MAX_LEN to change it): the notation corpus is seeded with deeply
# nested and unclosed structures and a dictionary of tags, so the fuzzer explores hostile
# bodies, not only short ones. A summary line per target (runs, seconds, crashes) ends the run.
# Needs `cargo install cargo-fuzz`; the stable toolchain is switched to nightly features
# with RUSTC_BOOTSTRAP=1, as no nightly toolchain is installed here.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-120}"
shift || true
targets=("${@:-verify_and_parse parse_notation}")
max_len="${MAX_LEN:-262144}"
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
# Hostile seeds: deep nesting, unclosed and stray tags, long bodies.
python3 - <<'PY'
seeds = {
    "nested": "[qt][info]" * 3000 + "[To:1]x" + "[/info][/qt]" * 3000,
    "nested-unbalanced": "[qt][info][title]" * 2000 + "[/qt]" * 1000 + "[/info]" * 3000,
    "unclosed-info": "[info]" * 20000,
    "unclosed-code": "[code]" * 20000 + "[/code" ,
    "mixed": ("[qt][qtmeta aid=1 time=2]a[info][title]t[/title][code]c[/code]" * 500) + "[/qt]" * 10,
    "stray": "[/info][/qt][/title][/code]" * 5000,
    "brackets": "[[[[To:1]]]] [" * 5000,
    "japanese": ("[To:42]田中さん お疲れさまです🎉 [info]本番[/info]\u200b[\u200b" * 2000),
}
for name, body in seeds.items():
    open(f"fuzz/corpus/parse_notation/seed-{name}", "w", encoding="utf-8").write(body)
PY
for target in ${targets[@]}; do
  echo "== $target for ${seconds}s, inputs up to $max_len bytes"
  dict=()
  [ -f "fuzz/$target.dict" ] && dict=(-dict="fuzz/$target.dict")
  log="fuzz/$target.log"   # ignored by git
  status=0
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -max_len="$max_len" -len_control=0 -rss_limit_mb=4096 "${dict[@]}" 2>&1 | tee "$log" || status=$?
  runs=$(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)
  crashes=$(ls fuzz/artifacts/"$target" 2>/dev/null | grep -c '^crash-' || true)
  echo "summary $target: ${runs:-no completion line} (max_len $max_len), crash files: $crashes, exit $status"
done
