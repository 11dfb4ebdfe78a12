"""Side-by-side benchmark driver: rvirtd vs Debian's libvirtd 9.0 (see docs/performance.md).

Run through bench/run.sh, with /usr/bin/python3 (python3-libvirt)."""

import argparse
import datetime
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

import libvirt
from types import SimpleNamespace

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from rvbench import domains, guests, qemu_floor, rpc, storage  # noqa: E402
from rvbench.daemons import Daemon  # noqa: E402
from rvbench.events import start_loop  # noqa: E402
from rvbench.results import Results, write  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

QUICK = dict(rpc_calls=2000, rpc_reps=3, conc_calls=200, conc_reps=2, virsh_reps=5,
             opens=100, open_reps=3, define_n=100, define_reps=2,
             list_test=[10, 100, 1000], list_qemu=[10, 100], list_reps=5, event_n=200,
             event_reps=2, guest_reps=2, vol_mib=64, vol_reps=2, rss_defined=100,
             rss_running=2, restart_reps=3, kill9_guests=2)
FULL = dict(rpc_calls=20000, rpc_reps=5, conc_calls=1000, conc_reps=3, virsh_reps=20,
            opens=1000, open_reps=3, define_n=1000, define_reps=3,
            list_test=[10, 1000, 10000], list_qemu=[10, 1000, 10000], list_reps=20,
            event_n=2000, event_reps=3, guest_reps=5, vol_mib=1024, vol_reps=3,
            rss_defined=1000, rss_running=10, restart_reps=5, kill9_guests=20)


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kib = int(f.readline().split()[1])
    qemu = subprocess.run(["qemu-system-x86_64", "--version"], capture_output=True,
                          text=True).stdout.splitlines()[0]
    return (f"{os.cpu_count()} CPUs ({cpu}), {mem_kib / 1024 / 1024:.1f} GiB RAM, "
            f"kernel {platform.release()}, {qemu}, python3-libvirt via /usr/bin/python3")


def guest_image():
    cache = os.environ.get("RVIRT_GUEST_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "rvirt/test-guest")
    k, i = os.path.join(cache, "vmlinuz"), os.path.join(cache, "initrd.img")
    if not (os.path.exists(k) and os.path.exists(i)):
        subprocess.run([os.path.join(REPO, "crates/testkit/guest/build-guest.sh"), cache],
                       check=True)
    return SimpleNamespace(kernel=k, initrd=i)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="small counts (smoke run)")
    ap.add_argument("--rvirtd", default=os.path.join(REPO, "target/release/rvirtd"))
    ap.add_argument("--only", help="comma-separated workload names")
    ap.add_argument("--out", help="output base name (default bench/results/latest, or "
                    "bench/results/quick with --quick)")
    args = ap.parse_args()
    if not args.out:
        args.out = os.path.join(REPO, "bench/results", "quick" if args.quick else "latest")
    c = SimpleNamespace(**(QUICK if args.quick else FULL))
    start_loop()
    guest = guest_image()
    tmp = tempfile.mkdtemp(prefix="rvbench.", dir="/tmp")
    res = Results()
    ds = []
    t_all = time.time()
    try:
        for kind in ("rvirtd", "libvirtd"):
            d = Daemon(kind, tmp, args.rvirtd)
            ds.append(d)
            d.start()
            time.sleep(1.0)
            res.add("rss_idle", kind, d.rss_kib() / 1024)
            warm = libvirt.open(d.uri("qemu"))  # libvirtd probes QEMU capabilities here
            warm.getVersion()
            warm.getCapabilities()
            warm.close()
        src = os.path.join(tmp, "vol-source")
        workloads = [
            ("rpc", lambda d: rpc.single(d, res, c.rpc_calls, c.rpc_reps)),
            *[(f"conc{n}", (lambda n: lambda d: rpc.concurrent(d, res, n, c.conc_calls,
                                                              c.conc_reps))(n))
              for n in (1, 4, 16, 64)],
            ("setup", lambda d: rpc.setup(d, res, c.virsh_reps, c.opens, c.open_reps)),
            ("define_test", lambda d: domains.define_undefine(d, res, "test", c.define_n,
                                                              c.define_reps, guest)),
            ("define_qemu", lambda d: domains.define_undefine(d, res, "qemu", c.define_n,
                                                              c.define_reps, guest)),
            ("list_test", lambda d: domains.list_all(d, res, "test", c.list_test,
                                                     c.list_reps, guest)),
            ("list_qemu", lambda d: domains.list_all(d, res, "qemu", c.list_qemu,
                                                     c.list_reps, guest)),
            ("events", lambda d: guests.event_throughput(d, res, c.event_n, c.event_reps)),
            ("guest", lambda d: guests.lifecycle(d, res, c.guest_reps, guest, tmp)),
            ("vol", lambda d: storage.vol(d, res, src, tmp, c.vol_reps)),
            ("rss_defined", lambda d: domains.rss_defined(d, res, c.rss_defined, guest)),
            ("rss_running", lambda d: guests.rss_running(d, res, c.rss_running, guest)),
            ("restart", lambda d: guests.restart(d, res, c.restart_reps)),
            ("kill9", lambda d: guests.restart_with_guests(d, res, c.kill9_guests, guest)),
        ]
        floors = {
            "guest": lambda: qemu_floor.lifecycle(res, c.guest_reps, guest, tmp),
            "vol": lambda: storage.copy_floor(res, src, tmp, c.vol_reps),
        }
        only = set(args.only.split(",")) if args.only else None
        for name, fn in workloads:
            if only and name not in only:
                continue
            if name == "vol":
                storage.make_source(src, c.vol_mib * storage.MIB)
            if name in floors:
                try:
                    floors[name]()
                except Exception:  # noqa: BLE001 - report and go on
                    traceback.print_exc()
            for d in ds:
                t0 = time.time()
                try:
                    if d.pid is None:
                        d.start()
                    fn(d)
                except Exception as e:  # noqa: BLE001 - a failing workload is reported
                    traceback.print_exc()
                    res.na(f"error_{name}", d.kind, f"error: {str(e).splitlines()[0][:70]}")
                print(f"[{time.time() - t_all:6.0f}s] {name:12} {d.kind:8} "
                      f"{time.time() - t0:6.1f}s", flush=True)
        labels = {
            "define_test": c.define_n, "undefine_test": c.define_n,
            "define_qemu": c.define_n, "undefine_qemu": c.define_n,
            "rss_defined": c.rss_defined, "rss_running": c.rss_running,
            "kill9_ready": c.kill9_guests, "kill9_reattached": c.kill9_guests,
        }
        for k, n in labels.items():
            res.label(k, f" ({n})")
        res.label("vol_upload", f" ({c.vol_mib} MiB)")
        res.label("vol_download", f" ({c.vol_mib} MiB)")
    finally:
        for d in ds:
            d.cleanup()
        shutil.rmtree(tmp, ignore_errors=True)
    meta = {"mode": "quick" if args.quick else "full",
            "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
            "machine": machine(), "counts": vars(c),
            "duration_s": round(time.time() - t_all)}
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    print(write(args.out, res.rows(), meta))
    print(f"written {args.out}.md and {args.out}.json ({meta['duration_s']} s)")


if __name__ == "__main__":
    main()
