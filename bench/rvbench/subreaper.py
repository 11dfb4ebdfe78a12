"""Runs a command as a child subreaper: orphaned descendants (daemonised QEMU processes) are
re-parented to this process and reaped at once, instead of by the host's slow PID 1.

usage: subreaper.py PIDFILE -- CMD ARGS...   (writes CMD's pid to PIDFILE; exits when no
descendants are left)."""

import ctypes
import os
import sys

PR_SET_CHILD_SUBREAPER = 36


def main() -> int:
    pidfile = sys.argv[1]
    cmd = sys.argv[sys.argv.index("--") + 1:]
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    pid = os.fork()
    if pid == 0:
        os.execvp(cmd[0], cmd)
    tmp = pidfile + ".tmp"
    with open(tmp, "w") as f:
        f.write(f"{pid}\n")
    os.rename(tmp, pidfile)
    status = 0
    while True:
        try:
            wpid, st = os.wait()
        except ChildProcessError:
            return status
        if wpid == pid:
            status = os.waitstatus_to_exitcode(st)


if __name__ == "__main__":
    sys.exit(main())
