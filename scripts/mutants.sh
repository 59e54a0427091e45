#!/usr/bin/env bash
# Mutation testing of the hand-written src/ with cargo-mutants, then the score per file.
# Not run in CI: it is slow (each mutant is a rebuild and a test run).
#   scripts/mutants.sh [group...]   groups: policy redis raw transport webhook notation oauth model
#                                   (default: all of them, which covers every file of src/)
#   scripts/mutants.sh --report     the table of the last runs only
#   MUTANTS_RE=regex scripts/mutants.sh group   only the mutants whose name matches (e.g. a
#                                   file's functions); the report says so
#   MUTANTS_DIR=dir                 where the results go (default target/mutants), e.g. to
#                                   re-run survivors apart from the full run
# Each group mutates its files and runs the test targets that exercise them (a mutant that
# only a test of another group would catch counts as missed: the scores are lower bounds).
# It works in a clone of HEAD under target/mutants-tree (mutating in place there, so the
# build is reused), writes target/mutants/<group>/mutants.out, and prints a table of
#   file | mutants | caught | missed | timeout | unviable | score = (caught + timeout) / (caught + missed + timeout)
# (a mutant that makes the tests hang is detected: a timeout counts as caught)
# Needs `cargo install cargo-mutants` (27.x) and, for the redis group, redis-server.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
tree="$root/target/mutants-tree"
out="${MUTANTS_DIR:-$root/target/mutants}"
declare -A files tests
files[policy]="src/policy/mod.rs src/policy/decide.rs src/limiter/mod.rs src/limiter/local.rs src/credentials.rs"
tests[policy]="--lib --test=behaviour --test=resilience --test=oauth"
files[redis]="src/redis_limiter.rs"
tests[redis]="--lib --test=redis_limiter"
files[raw]="src/raw.rs"
tests[raw]="--lib --test=behaviour --test=resilience --test=contract"
files[transport]="src/transport.rs src/urls.rs src/random.rs src/client.rs src/response.rs src/error.rs src/upload.rs src/poll.rs"
tests[transport]="--lib --test=behaviour --test=resilience --test=contract"
files[webhook]="src/webhook/mod.rs src/webhook/event.rs src/webhook/axum.rs"
tests[webhook]="--lib --test=webhook --test=webhook_receiver"
files[notation]="src/notation/mod.rs src/notation/build.rs src/notation/parse.rs"
tests[notation]="--lib --test=notation"
files[oauth]="src/oauth/mod.rs src/oauth/tokens.rs src/oauth/config.rs src/oauth/authorize.rs src/oauth/session.rs src/oauth/redirect.rs"
tests[oauth]="--lib --test=oauth"
files[model]="src/model/mod.rs src/model/ids.rs src/model/enums.rs src/timestamps.rs src/spec_tools.rs"
tests[model]="--lib --test=contract --test=behaviour --test=snapshot"
all=(policy redis raw transport webhook notation oauth model)
report_only=false
if [ "${1:-}" = "--report" ]; then report_only=true; shift; fi
groups=("$@")
[ ${#groups[@]} -eq 0 ] && groups=("${all[@]}")

$report_only || {
if [ ! -d "$tree/.git" ]; then git clone -q "$root" "$tree"; fi
git -C "$tree" fetch -q "$root" HEAD
git -C "$tree" checkout -q --force --detach FETCH_HEAD
export CHATWORK_REQUIRE_REDIS=1
for g in "${groups[@]}"; do
  [ -n "${files[$g]:-}" ] || { echo "unknown group $g" >&2; exit 2; }
  args=()
  for f in ${files[$g]}; do args+=(--file "$f"); done
  # The targets go to the build as well as to the test run, so only they are rebuilt.
  for t in ${tests[$g]}; do args+=(--cargo-arg="$t"); done
  [ -n "${MUTANTS_RE:-}" ] && args+=(--re "$MUTANTS_RE")
  echo "== $g: ${files[$g]}"
  mkdir -p "$out/$g"
  # Exit status 2 means "some mutants were missed": the table says which.
  (cd "$tree" && cargo mutants --in-place --all-features --no-shuffle --timeout 45 \
      --output "$out/$g" "${args[@]}") || true
  { git -C "$tree" rev-parse --short HEAD
    [ -n "${MUTANTS_RE:-}" ] && echo "only mutants matching: $MUTANTS_RE"; } > "$out/$g/commit"
done
}
python3 - "$out" "${groups[@]}" <<'PY'
import collections, os, sys
out, groups = sys.argv[1], sys.argv[2:]
rows = collections.defaultdict(collections.Counter)
for g in groups:
    d = os.path.join(out, g, "mutants.out")
    if os.path.exists(os.path.join(out, g, "commit")):
        print(f"{g}: commit " + "; ".join(open(os.path.join(out, g, "commit")).read().split("\n")).strip("; "))
    elif not os.path.isdir(d):
        print(f"{g}: not run")
    for kind in ("caught", "missed", "timeout", "unviable"):
        path = os.path.join(d, kind + ".txt")
        if not os.path.exists(path):
            continue
        for line in open(path):
            if line.strip():
                rows[line.split(":", 1)[0]][kind] += 1
print()
print("| file | mutants | caught | missed | timeout | unviable | score |")
print("|---|---:|---:|---:|---:|---:|---:|")
total = collections.Counter()
for f in sorted(rows):
    c = rows[f]
    total.update(c)
    viable = c["caught"] + c["missed"] + c["timeout"]
    score = f"{100 * (c['caught'] + c['timeout']) / viable:.1f}%" if viable else "-"
    print(f"| {f} | {sum(c.values())} | {c['caught']} | {c['missed']} | {c['timeout']} | {c['unviable']} | {score} |")
viable = total["caught"] + total["missed"] + total["timeout"]
if viable:
    print(f"| all | {sum(total.values())} | {total['caught']} | {total['missed']} | {total['timeout']} | {total['unviable']} | {100 * (total['caught'] + total['timeout']) / viable:.1f}% |")
PY
