"""TCG guest lifecycle through the daemon, event latency/throughput, RSS with running
guests, daemon restart with running guests."""

import os
import time

import libvirt

from . import xmls
from .events import Recorder


def _err(e: Exception) -> str:
    return str(e).splitlines()[0][:80]


def lifecycle(d, res, reps: int, guest, tmp: str):
    conn = libvirt.open(d.uri("qemu"))
    rec = Recorder(conn)
    name = "bench-guest"
    dom = conn.defineXML(xmls.guest_domain(name, guest.kernel, guest.initrd))
    save_file = os.path.join(tmp, f"{d.kind}-guest.save")
    save_ok = True
    for _ in range(reps):
        t0 = time.perf_counter()
        dom.create()
        res.add("guest_start", d.kind, (time.perf_counter() - t0) * 1e3)
        time.sleep(0.3)
        t0 = time.perf_counter()
        dom.suspend()
        res.add("guest_suspend", d.kind, (time.perf_counter() - t0) * 1e3)
        t0 = time.perf_counter()
        dom.resume()
        res.add("guest_resume", d.kind, (time.perf_counter() - t0) * 1e3)
        if save_ok:
            try:
                t0 = time.perf_counter()
                dom.save(save_file)
                res.add("guest_save", d.kind, (time.perf_counter() - t0) * 1e3)
                t0 = time.perf_counter()
                conn.restore(save_file)
                res.add("guest_restore", d.kind, (time.perf_counter() - t0) * 1e3)
            except libvirt.libvirtError as e:
                save_ok = False
                res.na("guest_save", d.kind, f"n/a ({_err(e)})")
                res.na("guest_restore", d.kind, "n/a (no save)")
                if not dom.isActive():
                    dom.create()
            if os.path.exists(save_file):
                os.unlink(save_file)
        rec.clear(name, libvirt.VIR_DOMAIN_EVENT_STOPPED)
        t0 = time.perf_counter()
        dom.destroy()
        t1 = time.perf_counter()
        res.add("guest_destroy", d.kind, (t1 - t0) * 1e3)
        t_ev = rec.wait(name, libvirt.VIR_DOMAIN_EVENT_STOPPED, timeout=30)
        if t_ev is None:
            res.na("event_latency", d.kind, "n/a (no STOPPED event in 30 s)")
        else:
            res.add("event_latency", d.kind, (t_ev - t0) * 1e3)
    rec.close()
    dom.undefine()
    conn.close()


def event_throughput(d, res, n: int, reps: int):
    """DEFINED + UNDEFINED events of n test-driver domains, received on the same connection."""
    conn = libvirt.open(d.uri("test"))
    rec = Recorder(conn)
    docs = [xmls.test_domain(f"ev-{i}") for i in range(n)]
    for _ in range(reps):
        base = rec.count
        t0 = time.perf_counter()
        for x in docs:
            conn.defineXML(x).undefine()
        last = rec.wait_count(base + 2 * n, timeout=120)
        if last is None:
            res.na("event_rate", d.kind, f"n/a ({rec.count - base}/{2 * n} events arrived)")
            break
        res.add("event_rate", d.kind, 2 * n / (last - t0))
    rec.close()
    conn.close()


def _start_guests(conn, n, guest):
    doms = []
    for i in range(n):
        doms.append(conn.createXML(xmls.guest_domain(f"run-{i}", guest.kernel, guest.initrd)))
    return doms


def _destroy_all(d):
    conn = libvirt.open(d.uri("qemu"))
    for dom in conn.listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE):
        try:
            dom.destroy()
        except libvirt.libvirtError:
            pass
    conn.close()


def rss_running(d, res, n: int, guest):
    """Daemon RSS with n running guests, on a fresh daemon."""
    d.stop()
    d.start()
    conn = libvirt.open(d.uri("qemu"))
    _start_guests(conn, n, guest)
    time.sleep(1.0)
    res.add("rss_running", d.kind, d.rss_kib() / 1024)
    conn.close()
    _destroy_all(d)


def restart(d, res, reps: int):
    """SIGTERM + start → first answered call, on an idle daemon."""
    for _ in range(reps):
        d.stop()
        res.add("restart_ready", d.kind, d.start() * 1e3)


def restart_with_guests(d, res, n: int, guest, timeout: float = 180.0):
    """kill -9 with n running guests, start: socket-ready, and all n re-attached (listed
    active and answering virDomainGetInfo)."""
    conn = libvirt.open(d.uri("qemu"))
    _start_guests(conn, n, guest)
    conn.close()
    time.sleep(1.0)
    d.kill9()
    t0 = time.perf_counter()
    ready = d.start()
    res.add("kill9_ready", d.kind, ready * 1e3)
    while True:
        try:
            c = libvirt.open(d.uri("qemu"))
            doms = c.listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE)
            ok = len(doms) >= n and all(dom.info()[0] == libvirt.VIR_DOMAIN_RUNNING
                                        for dom in doms)
            c.close()
        except libvirt.libvirtError:
            ok, doms = False, []
        if ok:
            res.add("kill9_reattached", d.kind, (time.perf_counter() - t0) * 1e3)
            break
        if time.perf_counter() - t0 > timeout:
            res.na("kill9_reattached", d.kind, f"n/a ({len(doms)}/{n} re-attached)")
            break
        time.sleep(0.01)
    _destroy_all(d)
