"""libvirt's default event loop on a thread, and a lifecycle-event recorder."""

import threading
import time

import libvirt

_started = False


def start_loop():
    """virEventRegisterDefaultImpl + a thread running virEventRunDefaultImpl (call first)."""
    global _started
    if _started:
        return
    libvirt.virEventRegisterDefaultImpl()

    def run():
        while True:
            libvirt.virEventRunDefaultImpl()

    threading.Thread(target=run, daemon=True).start()
    _started = True


class Recorder:
    """Records (domain name, event) → arrival time; waiters block on a condition."""

    def __init__(self, conn):
        self.cond = threading.Condition()
        self.seen = {}
        self.count = 0
        self.last = 0.0
        self.conn = conn
        self.cb = conn.domainEventRegisterAny(
            None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, self._on, None)

    def _on(self, _conn, dom, event, _detail, _opaque):
        now = time.perf_counter()
        with self.cond:
            self.seen[(dom.name(), event)] = now
            self.count += 1
            self.last = now
            self.cond.notify_all()

    def clear(self, name, event):
        with self.cond:
            self.seen.pop((name, event), None)

    def wait(self, name, event, timeout=30.0):
        end = time.perf_counter() + timeout
        with self.cond:
            while (name, event) not in self.seen:
                left = end - time.perf_counter()
                if left <= 0:
                    return None
                self.cond.wait(left)
            return self.seen[(name, event)]

    def wait_count(self, n, timeout=60.0):
        end = time.perf_counter() + timeout
        with self.cond:
            while self.count < n:
                left = end - time.perf_counter()
                if left <= 0:
                    return None
                self.cond.wait(left)
            return self.last

    def close(self):
        self.conn.domainEventDeregisterAny(self.cb)
