"""RPC round trips (one connection, N concurrent clients) and connection set-up."""

import multiprocessing as mp
import os
import subprocess
import time

import libvirt

CLK_TCK = os.sysconf("SC_CLK_TCK")


def single(d, res, calls: int, reps: int):
    conn = libvirt.open(d.uri("qemu"))
    for _ in range(min(calls, 500)):
        conn.getLibVersion()
    for _ in range(reps):
        c0 = d.cpu_ticks()
        t0 = time.perf_counter()
        for _ in range(calls):
            conn.getLibVersion()
        dt = time.perf_counter() - t0
        dc = d.cpu_ticks() - c0
        res.add("rpc_1conn", d.kind, calls / dt)
        res.add("rpc_cpu", d.kind, dc / CLK_TCK / calls * 1e6)
    conn.close()


def _client(uri, calls, barrier, q):
    libvirt.registerErrorHandler(lambda *_: None, None)
    conn = libvirt.open(uri)
    conn.getLibVersion()
    barrier.wait()
    t0 = time.perf_counter()
    for _ in range(calls):
        conn.getLibVersion()
    q.put((t0, time.perf_counter()))
    conn.close()


def concurrent(d, res, clients: int, calls: int, reps: int):
    ctx = mp.get_context("spawn")
    for _ in range(reps):
        barrier = ctx.Barrier(clients)
        q = ctx.Queue()
        procs = [ctx.Process(target=_client, args=(d.uri("qemu"), calls, barrier, q))
                 for _ in range(clients)]
        for p in procs:
            p.start()
        spans = [q.get(timeout=600) for _ in procs]
        for p in procs:
            p.join()
        start = min(s for s, _ in spans)
        end = max(e for _, e in spans)
        res.add(f"rpc_{clients}c", d.kind, clients * calls / (end - start))


def setup(d, res, virsh_reps: int, opens: int, reps: int):
    uri = d.uri("qemu")
    for _ in range(virsh_reps):
        t0 = time.perf_counter()
        subprocess.run(["virsh", "-c", uri, "version"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        res.add("virsh_version", d.kind, (time.perf_counter() - t0) * 1e3)
    for _ in range(reps):
        t0 = time.perf_counter()
        for _ in range(opens):
            libvirt.open(uri).close()
        res.add("open_close", d.kind, opens / (time.perf_counter() - t0))
