#!/usr/bin/env bash
# Runs each fuzz target briefly with cargo-fuzz on stable (`-s none`: no sanitizer).
# FUZZ_SECONDS sets the time per target (default 10).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d fuzz ] || { echo "no fuzz/ directory"; exit 0; }
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked --quiet
fi
secs=${FUZZ_SECONDS:-10}
cd fuzz
for target in $(cargo fuzz list); do
  echo "fuzz $target for ${secs}s"
  cargo fuzz run -s none "$target" -- -max_total_time="$secs" -print_final_stats=0 2>&1 | tail -n 3
done
