#!/usr/bin/python3
"""python3-libvirt against rvirtd: open, list, define, start, destroy, undefine,
lifecycle events, and a volume upload followed by a download. Prints one line per
check and exits non-zero on the first failure."""

import sys
import threading
import time

import libvirt

uri = sys.argv[1]
xml_path = sys.argv[2]

libvirt.virEventRegisterDefaultImpl()
stop = False


def loop():
    while not stop:
        libvirt.virEventRunDefaultImpl()


t = threading.Thread(target=loop, daemon=True)
t.start()

events = []
got = threading.Condition()


def on_lifecycle(conn, dom, event, detail, opaque):
    with got:
        events.append((dom.name(), event, detail))
        got.notify_all()


def wait_event(expected, timeout=10.0):
    deadline = time.time() + timeout
    with got:
        while expected not in events:
            left = deadline - time.time()
            if left <= 0:
                raise AssertionError(f"event {expected} not received; got {events}")
            got.wait(left)


def check(label, cond):
    if not cond:
        raise AssertionError(label)
    print("ok", label)


conn = libvirt.open(uri)
check("open", conn is not None)
check("type is TEST", conn.getType() == "TEST")
names = sorted(d.name() for d in conn.listAllDomains())
check("list all domains", names == ["test"])

cb = conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, on_lifecycle, None)

with open(xml_path) as f:
    dom = conn.defineXML(f.read())
check("define", dom.name() == "compat-guest" and not dom.isActive())
wait_event(("compat-guest", libvirt.VIR_DOMAIN_EVENT_DEFINED, libvirt.VIR_DOMAIN_EVENT_DEFINED_ADDED))
check("DEFINED event", True)

dom.create()
check("start", dom.isActive() and dom.state()[0] == libvirt.VIR_DOMAIN_RUNNING)
wait_event(("compat-guest", libvirt.VIR_DOMAIN_EVENT_STARTED, libvirt.VIR_DOMAIN_EVENT_STARTED_BOOTED))
check("STARTED event", True)

dom.destroy()
check("destroy", dom.state() == [libvirt.VIR_DOMAIN_SHUTOFF, libvirt.VIR_DOMAIN_SHUTOFF_DESTROYED])
wait_event(("compat-guest", libvirt.VIR_DOMAIN_EVENT_STOPPED, libvirt.VIR_DOMAIN_EVENT_STOPPED_DESTROYED))
check("STOPPED event", True)

dom.undefine()
wait_event(("compat-guest", libvirt.VIR_DOMAIN_EVENT_UNDEFINED, libvirt.VIR_DOMAIN_EVENT_UNDEFINED_REMOVED))
check("undefine + UNDEFINED event", sorted(d.name() for d in conn.listAllDomains()) == ["test"])

try:
    conn.lookupByName("compat-guest")
    check("lookup after undefine fails", False)
except libvirt.libvirtError as e:
    check("lookup error code NO_DOMAIN", e.get_error_code() == libvirt.VIR_ERR_NO_DOMAIN)

conn.domainEventDeregisterAny(cb)

pool = conn.storagePoolLookupByName("default-pool")
vol = pool.createXML(
    "<volume><name>py.img</name><capacity unit='bytes'>1048576</capacity></volume>", 0
)
payload = bytes((i * 7 + 3) % 251 for i in range(600000))
st = conn.newStream(0)
vol.upload(st, 0, len(payload), 0)
sent = 0
while sent < len(payload):
    n = st.send(payload[sent:sent + 262120])
    sent += n
st.finish()
check("upload", sent == len(payload))

st = conn.newStream(0)
vol.download(st, 0, len(payload), 0)
chunks = []
while True:
    data = st.recv(262144)
    if isinstance(data, int) and data == -2:
        continue
    if not data:
        break
    chunks.append(data)
st.finish()
check("download returns what was uploaded", b"".join(chunks) == payload)

vol.delete(0)
conn.close()
stop = True
print("python compat: all checks passed")
