"""The floor: raw QEMU driven over QMP directly, doing what the daemons do."""

import json
import os
import signal
import socket
import subprocess
import time

from .xmls import QEMU


class Qmp:
    def __init__(self, path: str, timeout: float = 30.0):
        end = time.perf_counter() + timeout
        while True:
            try:
                self.s = socket.socket(socket.AF_UNIX)
                self.s.connect(path)
                break
            except OSError:
                self.s.close()
                if time.perf_counter() > end:
                    raise
                time.sleep(0.001)
        self.f = self.s.makefile("rwb", buffering=0)
        self.f.readline()
        self.cmd("qmp_capabilities")

    def cmd(self, name: str, **args):
        msg = {"execute": name}
        if args:
            msg["arguments"] = args
        self.f.write(json.dumps(msg).encode() + b"\n")
        while True:
            r = json.loads(self.f.readline())
            if "return" in r:
                return r["return"]
            if "error" in r:
                raise RuntimeError(r["error"]["desc"])

    def send_fd(self, name: str, fd: int):
        """getfd: hands QEMU an open file over SCM_RIGHTS (as libvirt does for save)."""
        msg = json.dumps({"execute": "getfd", "arguments": {"fdname": name}}).encode() + b"\n"
        socket.send_fds(self.s, [msg], [fd])
        while True:
            r = json.loads(self.f.readline())
            if "return" in r:
                return
            if "error" in r:
                raise RuntimeError(r["error"]["desc"])

    def close(self):
        self.s.close()


def _spawn(tmp, guest, extra, pass_fds=()):
    sock = os.path.join(tmp, "floor.qmp")
    if os.path.exists(sock):
        os.unlink(sock)
    argv = [QEMU, "-machine", "pc,accel=tcg", "-m", "256", "-smp", "1", "-nodefaults",
            "-display", "none", "-serial", "null", "-kernel", guest.kernel, "-initrd",
            guest.initrd, "-append", "console=ttyS0 quiet", "-S",
            "-qmp", f"unix:{sock},server=on,wait=off"] + extra
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, pass_fds=pass_fds)
    return p, sock


def _wait_migration(q):
    while True:
        st = q.cmd("query-migrate").get("status")
        if st == "completed":
            return
        if st in ("failed", "cancelled"):
            raise RuntimeError(f"migration {st}")
        time.sleep(0.001)


def lifecycle(res, reps: int, guest, tmp: str):
    save = os.path.join(tmp, "floor.save")
    for _ in range(reps):
        t0 = time.perf_counter()
        p, sock = _spawn(tmp, guest, [])
        q = Qmp(sock)
        q.cmd("cont")
        while q.cmd("query-status")["status"] != "running":
            time.sleep(0.001)
        res.add("guest_start", "floor", (time.perf_counter() - t0) * 1e3)
        time.sleep(0.3)
        t0 = time.perf_counter()
        q.cmd("stop")
        res.add("guest_suspend", "floor", (time.perf_counter() - t0) * 1e3)
        t0 = time.perf_counter()
        q.cmd("cont")
        res.add("guest_resume", "floor", (time.perf_counter() - t0) * 1e3)
        # save: pause, migrate to a file, quit
        t0 = time.perf_counter()
        q.cmd("stop")
        fd = os.open(save, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        q.send_fd("save", fd)
        os.close(fd)
        q.cmd("migrate-set-parameters", **{"max-bandwidth": 1 << 40})  # default: 128 MiB/s
        q.cmd("migrate", uri="fd:save")
        _wait_migration(q)
        q.cmd("quit")
        q.close()
        p.wait()
        res.add("guest_save", "floor", (time.perf_counter() - t0) * 1e3)
        # restore: new QEMU with -incoming, then run
        t0 = time.perf_counter()
        fd = os.open(save, os.O_RDONLY)
        p, sock = _spawn(tmp, guest, ["-incoming", f"fd:{fd}"], pass_fds=(fd,))
        os.close(fd)
        q = Qmp(sock)
        _wait_migration(q)
        q.cmd("cont")
        while q.cmd("query-status")["status"] != "running":
            time.sleep(0.001)
        res.add("guest_restore", "floor", (time.perf_counter() - t0) * 1e3)
        os.unlink(save)
        # destroy: SIGTERM, reap
        t0 = time.perf_counter()
        p.send_signal(signal.SIGTERM)
        p.wait()
        res.add("guest_destroy", "floor", (time.perf_counter() - t0) * 1e3)
        q.close()
