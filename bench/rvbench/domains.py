"""Persistent define/undefine rates and listAllDomains latency at growing domain counts."""

import time

import libvirt

from . import xmls


def _xml(driver, name, guest):
    if driver == "test":
        return xmls.test_domain(name)
    return xmls.guest_domain(name, guest.kernel, guest.initrd)


def define_undefine(d, res, driver: str, n: int, reps: int, guest):
    conn = libvirt.open(d.uri(driver))
    # warm-up (libvirtd probes QEMU capabilities on first use)
    conn.defineXML(_xml(driver, "warm", guest)).undefine()
    docs = [_xml(driver, f"bench-{i}", guest) for i in range(n)]
    for _ in range(reps):
        t0 = time.perf_counter()
        doms = [conn.defineXML(x) for x in docs]
        t1 = time.perf_counter()
        for dom in doms:
            dom.undefine()
        t2 = time.perf_counter()
        res.add(f"define_{driver}", d.kind, n / (t1 - t0))
        res.add(f"undefine_{driver}", d.kind, n / (t2 - t1))
    conn.close()


def list_all(d, res, driver: str, levels, reps: int, guest):
    """listAllDomains() on one connection as the number of defined domains grows."""
    conn = libvirt.open(d.uri(driver))
    have = len(conn.listAllDomains())
    defined = []
    for level in levels:
        while have < level:
            defined.append(conn.defineXML(_xml(driver, f"list-{len(defined)}", guest)))
            have += 1
        conn.listAllDomains()
        for _ in range(reps):
            t0 = time.perf_counter()
            got = conn.listAllDomains()
            res.add(f"list_{driver}_{level}", d.kind, (time.perf_counter() - t0) * 1e3)
        assert len(got) >= level
    for dom in defined:
        dom.undefine()
    conn.close()


def rss_defined(d, res, n: int, guest):
    """Daemon RSS with n persistent qemu:///system domains defined (on a fresh daemon, so
    earlier workloads' high-water marks do not count)."""
    d.stop()
    d.start()
    conn = libvirt.open(d.uri("qemu"))
    doms = [conn.defineXML(_xml("qemu", f"rss-{i}", guest)) for i in range(n)]
    time.sleep(0.5)
    res.add("rss_defined", d.kind, d.rss_kib() / 1024)
    for dom in doms:
        dom.undefine()
    conn.close()
