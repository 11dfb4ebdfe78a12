"""virsh vol-upload / vol-download through a dir pool, against cp of the same file."""

import os
import subprocess
import time

import libvirt

from . import xmls

MIB = 1024 * 1024


def make_source(path: str, size: int):
    """A non-sparse file of `size` bytes (a random MiB repeated), created once."""
    if os.path.exists(path) and os.path.getsize(path) == size:
        return
    block = os.urandom(MIB)
    with open(path, "wb") as f:
        for _ in range(size // MIB):
            f.write(block)


def _timed(argv):
    t0 = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - t0


def copy_floor(res, src: str, tmp: str, reps: int):
    size = os.path.getsize(src)
    dst = os.path.join(tmp, "cp-copy")
    for _ in range(reps):
        res.add("vol_upload", "floor", size / MIB / _timed(["cp", src, dst]))
        os.unlink(dst)
    res.copy("vol_upload", "vol_download")


def vol(d, res, src: str, tmp: str, reps: int):
    size = os.path.getsize(src)
    pool_dir = os.path.join(tmp, f"pool-{d.kind}")
    os.makedirs(pool_dir, exist_ok=True)
    conn = libvirt.open(d.uri("qemu"))
    try:
        pool = conn.storagePoolCreateXML(xmls.dir_pool("benchpool", pool_dir), 0)
        pool.createXML(xmls.raw_volume("bench.raw", size), 0)
    except libvirt.libvirtError as e:
        for m in ("vol_upload", "vol_download"):
            res.na(m, d.kind, f"n/a ({str(e).splitlines()[0][:60]})")
        conn.close()
        return
    uri = d.uri("qemu")
    dst = os.path.join(tmp, f"download-{d.kind}")
    try:
        for _ in range(reps):
            t = _timed(["virsh", "-c", uri, "vol-upload", "--pool", "benchpool", "bench.raw", src])
            res.add("vol_upload", d.kind, size / MIB / t)
            t = _timed(["virsh", "-c", uri, "vol-download", "--pool", "benchpool", "bench.raw", dst])
            if os.path.getsize(dst) != size:
                raise RuntimeError("downloaded size differs")
            res.add("vol_download", d.kind, size / MIB / t)
            os.unlink(dst)
    except (subprocess.CalledProcessError, RuntimeError) as e:
        msg = getattr(e, "stderr", b"") or str(e).encode()
        for m in ("vol_upload", "vol_download"):
            if not res.has(m, d.kind):
                res.na(m, d.kind, f"n/a ({msg.decode(errors='replace').strip()[:60]})")
    finally:
        for v in pool.listAllVolumes():
            v.delete(0)
        pool.destroy()
        conn.close()
