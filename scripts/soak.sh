#!/usr/bin/env bash
# Soak run: mixed traffic through one client against the local Chatwork (its own process)
# with latency, 5xx, dropped connections and truncated bodies on; checks panics, error
# types, duplicate POSTs (the server's log), memory and task/connection leaks.
# Not run in CI. Exits 1 when a check fails.
#   scripts/soak.sh [seconds] [max requests]   (default 60 s, 400000 requests)
set -euo pipefail
cd "$(dirname "$0")/.."
SOAK_SECONDS="${1:-60}" SOAK_REQUESTS="${2:-400000}" \
  cargo bench -q -p chatwork-mock --bench soak
