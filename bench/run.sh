#!/bin/sh
# Side-by-side benchmarks, rvirtd vs Debian's libvirtd 9.0:
#   bench/run.sh [--quick] [--only rpc,conc4,...] [--no-micro]
# Needs root (mount + network namespaces isolate libvirtd), /usr/sbin/libvirtd, virsh, QEMU and
# python3-libvirt for /usr/bin/python3. Writes bench/results/latest.{md,json} and
# bench/results/micro.txt (--quick: bench/results/quick.{md,json}, quick-micro.txt). Never part of the test suite.
set -eu
cd "$(dirname "$0")/.."
micro=1
quick=
for a in "$@"; do
    case "$a" in
        --no-micro) micro= ;;
        --quick) quick=--quick ;;
    esac
done
# RVIRTD=/path/to/rvirtd skips the build and benchmarks that binary instead.
if [ -z "${RVIRTD:-}" ]; then
    cargo build --release -p rvirtd
    RVIRTD="$PWD/target/release/rvirtd"
fi
args=$(printf '%s\n' "$@" | grep -vx -- --no-micro | tr '\n' ' ')
# shellcheck disable=SC2086
/usr/bin/python3 bench/run.py --rvirtd "$RVIRTD" $args
if [ -n "$micro" ]; then
    (cd bench/micro && CARGO_TARGET_DIR="$PWD/../../target/bench-micro" \
        cargo run --release -q -- $quick) | tee "bench/results/${quick:+quick-}micro.txt"
fi
