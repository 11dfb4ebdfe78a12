#!/usr/bin/env bash
# Runs every rvirt test: unit, property, golden, wire-protocol, hostile-input and
# compatibility tests (stock virsh and python3-libvirt through rvirtd), plus a short
# fuzz smoke. Installs the Debian packages it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh

echo "== build"
cargo build --workspace --bins --tests --quiet

echo "== tests"
set +e
cargo test --workspace --no-fail-fast 2>&1 | tee target/test-output.txt
status=${PIPESTATUS[0]}
set -e

echo "== fuzz smoke"
scripts/fuzz-smoke.sh || status=1

awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
     END { printf "total: %d passed, %d failed\n", p, f }' target/test-output.txt
exit "$status"
