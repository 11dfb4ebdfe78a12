#!/bin/sh
# vol-upload / vol-download throughput, rvirtd vs Debian's libvirtd 9.0 vs cp:
#   bench/storage-stream.sh [--quick]
# Stock `virsh vol-upload` / `vol-download` of a 1 GiB non-sparse file (a random MiB
# repeated; --quick: 64 MiB) into a raw volume of a dir pool, through each daemon isolated
# as in bench/run.sh (root, mount + network namespaces), against `cp` of the same file on
# the same filesystem. Writes bench/results/storage-stream.{md,json}
# (--quick: storage-stream-quick.*). Never part of the test suite.
set -eu
cd "$(dirname "$0")/.."
quick=
out=bench/results/storage-stream
for a in "$@"; do
    case "$a" in
        --quick) quick=--quick; out=bench/results/storage-stream-quick ;;
        *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
    esac
done
# RVIRTD=/path/to/rvirtd skips the build and benchmarks that binary instead.
if [ -z "${RVIRTD:-}" ]; then
    cargo build --release -p rvirtd
    RVIRTD="$PWD/target/release/rvirtd"
fi
# shellcheck disable=SC2086
/usr/bin/python3 bench/run.py --rvirtd "$RVIRTD" --only vol --out "$out" $quick
