"""rvirtd and Debian's libvirtd, each isolated: its own mount + network namespace ("anchor"),
its own sockets and state directories, run under a child subreaper."""

import os
import signal
import subprocess
import time

import libvirt

HERE = os.path.dirname(os.path.abspath(__file__))
PY = "/usr/bin/python3"

QEMU_CONF = """# written by bench/: no virtlogd, no lock manager, no cgroups, no labels
user = "root"
group = "root"
dynamic_ownership = 0
remember_owner = 0
security_driver = "none"
stdio_handler = "file"
lock_manager = "nop"
cgroup_controllers = [ ]
"""


def _quiet(_ctx, _err):
    pass


libvirt.registerErrorHandler(_quiet, None)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _children(pid: int) -> list:
    out = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                fields = f.read().split(") ", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(d))
    return out


class Daemon:
    """One daemon under test. `kind` is "rvirtd" or "libvirtd"."""

    def __init__(self, kind: str, tmp: str, rvirtd_bin: str):
        self.kind = kind
        self.dir = os.path.join(tmp, kind)
        os.makedirs(self.dir, exist_ok=True)
        self.rvirtd_bin = rvirtd_bin
        self.anchor = None
        self.reapers = []
        self.pid = None
        self._setup()

    # ---- layout -------------------------------------------------------------------------
    def _setup(self):
        d = self.dir
        if self.kind == "rvirtd":
            self.root = os.path.join(d, "root")
            os.makedirs(self.root, exist_ok=True)
            self.sock = os.path.join(self.root, "run/libvirt/libvirt-sock")
            mounts = ""
        else:
            for sub in ("sock", "etc-libvirt", "run-libvirt", "var-upper", "var-work"):
                os.makedirs(os.path.join(d, sub), exist_ok=True)
            self.sock = os.path.join(d, "sock/libvirt-sock")
            with open(os.path.join(d, "libvirtd.conf"), "w") as f:
                f.write(
                    f'unix_sock_dir = "{d}/sock"\n'
                    'auth_unix_rw = "none"\nauth_unix_ro = "none"\n'
                    "listen_tcp = 0\nlisten_tls = 0\n"
                    f'log_outputs = "3:file:{d}/libvirtd-internal.log"\n'
                )
            with open(os.path.join(d, "etc-libvirt/qemu.conf"), "w") as f:
                f.write(QEMU_CONF)
            # libvirtd resolves its built-in default user/group (libvirt-qemu) before reading
            # qemu.conf; this host has no such account, so the namespace sees a passwd/group
            # copy that has it (the host's files are untouched).
            for name, line in (("passwd", "libvirt-qemu:x:64055:64055::/nonexistent:/usr/sbin/nologin\n"),
                               ("group", "libvirt-qemu:x:64055:\nkvm:x:64056:\n")):
                with open(f"/etc/{name}") as src, open(os.path.join(d, name), "w") as dst:
                    dst.write(src.read() + line)
            # Everything libvirtd writes outside its sockets lands below self.dir: /etc/libvirt
            # and /run/libvirt are bind mounts, /var is an overlay whose upper dir is ours.
            mounts = (
                f"mount --bind {d}/etc-libvirt /etc/libvirt && "
                f"mount --bind {d}/passwd /etc/passwd && mount --bind {d}/group /etc/group && "
                f"mount --bind {d}/run-libvirt /run/libvirt && "
                f"mount -t overlay overlay -o lowerdir=/var,upperdir={d}/var-upper,"
                f"workdir={d}/var-work /var && "
            )
        ready = os.path.join(d, "anchor-ready")
        self.anchor = subprocess.Popen(
            ["unshare", "-m", "-n", "--propagation", "private", "--", "sh", "-c",
             f"{mounts}ip link set lo up 2>/dev/null; touch {ready} && exec sleep 1000000"],
            stdin=subprocess.DEVNULL,
        )
        t0 = time.time()
        while not os.path.exists(ready):
            if self.anchor.poll() is not None or time.time() - t0 > 10:
                raise RuntimeError(f"{self.kind}: namespace set-up failed")
            time.sleep(0.01)

    def uri(self, driver: str) -> str:
        """`test` or `qemu` → the URI that reaches this daemon's driver."""
        path = "default" if driver == "test" else "system"
        return f"{driver}+unix:///{path}?socket={self.sock}"

    def argv(self):
        if self.kind == "rvirtd":
            return [self.rvirtd_bin, "--root", self.root]
        return ["/usr/sbin/libvirtd", "-f", os.path.join(self.dir, "libvirtd.conf"),
                "-p", os.path.join(self.dir, "libvirtd.pid")]

    # ---- lifecycle ----------------------------------------------------------------------
    def start(self, timeout: float = 120.0) -> float:
        """Starts the daemon; returns seconds from spawn to the first answered call on a
        qemu:///system connection (getLibVersion)."""
        pidfile = os.path.join(self.dir, "daemon.pid")
        if os.path.exists(pidfile):
            os.unlink(pidfile)
        log = open(os.path.join(self.dir, "daemon.log"), "ab")
        ns = f"/proc/{self.anchor.pid}/ns"
        t0 = time.perf_counter()
        reaper = subprocess.Popen(
            ["nsenter", f"--mount={ns}/mnt", f"--net={ns}/net", "--",
             PY, os.path.join(HERE, "subreaper.py"), pidfile, "--"] + self.argv(),
            stdin=subprocess.DEVNULL, stdout=log, stderr=log,
        )
        self.reapers.append(reaper)
        uri = self.uri("qemu")
        while True:
            try:
                c = libvirt.open(uri)
                c.getLibVersion()
                dt = time.perf_counter() - t0
                c.close()
                break
            except libvirt.libvirtError:
                pass
            if time.perf_counter() - t0 > timeout or reaper.poll() is not None:
                raise RuntimeError(f"{self.kind} did not come up; see {self.dir}/daemon.log")
            time.sleep(0.002)
        while not os.path.exists(pidfile):
            time.sleep(0.005)
        with open(pidfile) as f:
            self.pid = int(f.read().strip())
        return dt

    def stop(self):
        """SIGTERM and wait for exit."""
        if self.pid and _alive(self.pid):
            os.kill(self.pid, signal.SIGTERM)
            t0 = time.time()
            while _alive(self.pid):
                if time.time() - t0 > 30:
                    os.kill(self.pid, signal.SIGKILL)
                time.sleep(0.01)
        self.pid = None

    def kill9(self):
        if self.pid:
            os.kill(self.pid, signal.SIGKILL)
            while _alive(self.pid):
                time.sleep(0.005)
        self.pid = None

    def cpu_ticks(self) -> int:
        with open(f"/proc/{self.pid}/stat") as f:
            fields = f.read().split(") ", 1)[1].split()
        return int(fields[11]) + int(fields[12])

    def rss_kib(self) -> int:
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def cleanup(self):
        """Ends everything this harness started for the daemon, by pid."""
        try:
            self.stop()
        except OSError:
            pass
        for r in self.reapers:
            if r.poll() is None:
                for c in _children(r.pid):
                    try:
                        os.kill(c, signal.SIGKILL)
                    except OSError:
                        pass
                try:
                    r.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    r.kill()
        if self.anchor and self.anchor.poll() is None:
            self.anchor.kill()
            self.anchor.wait()
