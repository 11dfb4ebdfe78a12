//! `<interface type='direct'>` (macvtap) and live NIC bandwidth (`virsh domiftune`) end to
//! end with stock virsh against an rvirtd inside a network namespace this test creates:
//! a guest with a macvtap NIC on a bridge parent plus a bridged tap NIC → the macvtap
//! carries the guest MAC, QEMU holds it as an inherited `fd=` tap backend, the guest sees
//! eth0 with that MAC → domiftune live/config changes the tc classes and the XML →
//! destroy removes the macvtap.

use crate::netns::NetNs;
use crate::rvirtd::{temp_root, Rvirtd};
use std::time::{Duration, Instant};

const BRIDGE: &str = "rvtdbr0";
const DOM: &str = "directguest";
const MAC: &str = "52:54:00:5a:18:01";
const TAP_MAC: &str = "52:54:00:5a:18:02";
const NET_MAC: &str = "52:54:00:5a:18:03";
/// A macvtap network: `<forward mode='bridge'>` on a device, no bridge of its own.
const NET: &str = "rvtmacvtap";

fn guest_xml(g: &rvirt_testkit::guest::GuestImage) -> String {
    crate::common::guest_xml_devices(
        DOM,
        g,
        &format!(
            "<interface type='direct'><mac address='{MAC}'/>\
             <source dev='{BRIDGE}' mode='bridge'/><model type='virtio'/></interface>\
             <interface type='bridge'><mac address='{TAP_MAC}'/>\
             <source bridge='{BRIDGE}'/><model type='virtio'/>\
             <bandwidth><inbound average='500'/></bandwidth></interface>\
             <interface type='network'><mac address='{NET_MAC}'/>\
             <source network='{NET}'/><model type='virtio'/></interface>"
        ),
    )
}

/// `virsh qemu-agent-command` output, retried until the agent answers.
fn agent(d: &Rvirtd, cmd: &str) -> String {
    let t = Instant::now();
    loop {
        let (ok, out) = d.virsh(&["qemu-agent-command", DOM, cmd, "--timeout", "10"]);
        if ok {
            return out;
        }
        assert!(t.elapsed() < Duration::from_secs(180), "agent: {out}");
        std::thread::sleep(Duration::from_millis(500));
    }
}

#[test]
fn direct_nic_macvtap_and_domiftune() {
    let Some(guest) = crate::common::stock_virsh_guest() else {
        return;
    };
    let Some(ns) = NetNs::create("rvirt-direct") else {
        eprintln!("skipping: cannot create a network namespace (needs root)");
        return;
    };
    assert!(ns.exec(&["ip", "link", "add", BRIDGE, "type", "bridge"]).0);
    assert!(ns.exec(&["ip", "link", "set", BRIDGE, "up"]).0);
    let root = temp_root("rvirt-direct");
    let mut d = Rvirtd::start_under(&ns.prefix(), root.path())
        .log_on_failure()
        .cleanup(|d| {
            let _ = d.virsh(&["destroy", DOM]);
            let _ = d.virsh(&["destroy", "badguest"]);
        });
    let net_xml = root.path().join("net.xml");
    std::fs::write(
        &net_xml,
        format!(
            "<network><name>{NET}</name><forward mode='bridge'>\
             <interface dev='{BRIDGE}'/></forward></network>"
        ),
    )
    .unwrap();
    d.ok(&["net-define", net_xml.to_str().unwrap()]);
    d.ok(&["net-start", NET]);

    // a failed start leaves no macvtap behind (the second NIC's parent does not exist)
    let bad = root.path().join("bad.xml");
    let bad_xml = guest_xml(&guest)
        .replace(&format!("<name>{DOM}</name>"), "<name>badguest</name>")
        .replace(
            &format!("<source bridge='{BRIDGE}'/>"),
            &format!(
                "<source bridge='{BRIDGE}'/></interface><interface type='direct'>\
                      <mac address='52:54:00:5a:18:09'/><source dev='nosuchdev0' mode='vepa'/>"
            ),
        );
    std::fs::write(&bad, bad_xml).unwrap();
    d.ok(&["define", bad.to_str().unwrap()]);
    let (ok, e) = d.virsh(&["start", "badguest"]);
    assert!(!ok && e.contains("nosuchdev0"), "{e}");
    assert!(
        !ns.exec(&["ip", "link", "show", "macvtap0"]).0,
        "macvtap left after failure"
    );
    assert!(
        !ns.exec(&["ip", "link", "show", "vnet0"]).0,
        "tap left after failure"
    );
    assert_eq!(d.ok(&["net-port-list", NET, "--uuid"]).trim(), "");
    d.ok(&["undefine", "badguest"]);

    let xml = root.path().join("dom.xml");
    std::fs::write(&xml, guest_xml(&guest)).unwrap();
    d.ok(&["define", xml.to_str().unwrap()]);
    d.ok(&["start", DOM]);

    // the macvtap: guest MAC, bridge mode, on the parent; recorded as the target
    let live = d.ok(&["dumpxml", DOM]);
    assert!(live.contains("<target dev='macvtap0'/>"), "{live}");
    assert!(live.contains("<target dev='vnet0'/>"), "{live}");
    let (ok, link) = ns.exec(&["ip", "-d", "link", "show", "macvtap0"]);
    assert!(ok, "{link}");
    assert!(link.contains(&format!("macvtap0@{BRIDGE}")), "{link}");
    assert!(link.contains(MAC), "{link}");
    assert!(link.contains("macvtap mode bridge"), "{link}");

    // the network NIC's port is direct: a second macvtap on the network's device
    let (ok, link) = ns.exec(&["ip", "-d", "link", "show", "macvtap1"]);
    assert!(
        ok && link.contains(NET_MAC) && link.contains(&format!("macvtap1@{BRIDGE}")),
        "{link}"
    );
    assert!(
        live.contains(&format!(
            "<source network='{NET}' dev='{BRIDGE}' mode='bridge'/>"
        )),
        "{live}"
    );
    let port = d.ok(&["net-port-list", NET, "--uuid"]);
    let port_xml = d.ok(&["net-port-dumpxml", NET, port.trim()]);
    assert!(port_xml.contains("<plug type='direct'"), "{port_xml}");

    // QEMU holds the macvtap as an inherited fd
    let pid = d.qemu_pid(DOM).expect("qemu pid");
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap();
    let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
    assert!(cmdline.contains("tap,id=hostnet0,fd=100"), "{cmdline}");
    assert!(cmdline.contains("tap,id=hostnet2,fd=102"), "{cmdline}");
    let ifindex = ns.exec(&["cat", "/sys/class/net/macvtap0/ifindex"]).1;
    // QEMU runs under its seccomp sandbox (qemu.conf seccomp_sandbox defaults to on)
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    assert!(status.contains("Seccomp:\t2"), "{status}");
    let target = std::fs::read_link(format!("/proc/{pid}/fd/100")).unwrap();
    assert_eq!(
        target.display().to_string(),
        format!("/dev/tap{}", ifindex.trim())
    );
    let info = d.ok(&["qemu-monitor-command", DOM, "--hmp", "info network"]);
    assert!(info.contains("hostnet0: index=0,type=tap,fd=100"), "{info}");

    // the guest sees eth0 with the macvtap's MAC
    let ifaces = agent(&d, r#"{"execute":"guest-network-get-interfaces"}"#);
    assert!(ifaces.contains(MAC), "{ifaces}");
    assert!(ifaces.contains("\"eth0\""), "{ifaces}");

    // <bandwidth> applied at start on the bridged tap (guest inbound = tap egress)
    let (_, classes) = ns.exec(&["tc", "class", "show", "dev", "vnet0"]);
    assert!(classes.contains("rate 4Mbit"), "{classes}");

    // domiftune: getter, live change on the tap and on the macvtap, config persistence
    let got = d.ok(&["domiftune", DOM, "vnet0"]);
    assert!(got.contains("inbound.average: 500"), "{got}");
    assert!(got.contains("outbound.average: 0"), "{got}");
    d.ok(&[
        "domiftune",
        DOM,
        "vnet0",
        "--inbound",
        "1000,2000,100",
        "--live",
    ]);
    let (_, classes) = ns.exec(&["tc", "class", "show", "dev", "vnet0"]);
    assert!(classes.contains("rate 8Mbit"), "{classes}");
    assert!(classes.contains("ceil 16Mbit"), "{classes}");
    let got = d.ok(&["domiftune", DOM, "vnet0"]);
    assert!(got.contains("inbound.average: 1000"), "{got}");
    assert!(
        got.contains("inbound.peak   : 2000") || got.contains("inbound.peak: 2000"),
        "{got}"
    );
    let cfg = d.ok(&["dumpxml", DOM, "--inactive"]);
    assert!(cfg.contains("<inbound average='500'/>"), "{cfg}");

    d.ok(&[
        "domiftune",
        DOM,
        MAC,
        "--outbound",
        "250",
        "--live",
        "--config",
    ]);
    let (_, classes) = ns.exec(&["tc", "class", "show", "dev", "macvtap0"]);
    assert!(classes.contains("rate 2Mbit"), "{classes}");
    let cfg = d.ok(&["dumpxml", DOM, "--inactive"]);
    assert!(cfg.contains("<outbound average='250'/>"), "{cfg}");
    let got = d.ok(&["domiftune", DOM, "macvtap0"]);
    assert!(got.contains("outbound.average: 250"), "{got}");
    let (ok, e) = d.virsh(&["domiftune", DOM, "nosuch0"]);
    assert!(!ok && e.contains("Can't find device nosuch0"), "{e}");

    // a restarted daemon re-adopts the guest; QEMU keeps its macvtap fds
    d.kill9();
    d.spawn();
    assert!(d.ok(&["domstate", DOM]).contains("running"));
    assert!(ns.exec(&["ip", "link", "show", "macvtap0"]).0);
    let got = d.ok(&["domiftune", DOM, "macvtap0"]);
    assert!(got.contains("outbound.average: 250"), "{got}");
    let ifaces = agent(&d, r#"{"execute":"guest-network-get-interfaces"}"#);
    assert!(ifaces.contains(NET_MAC), "{ifaces}");

    // a hot-plugged direct NIC: a new macvtap whose /dev/tapN QEMU gets over the monitor
    // (getfd + netdev_add fd=…); the guest sees it, detaching removes the macvtap
    let nic = root.path().join("nic.xml");
    std::fs::write(
        &nic,
        format!(
            "<interface type='direct'><mac address='52:54:00:5a:18:0a'/>\
             <source dev='{BRIDGE}' mode='bridge'/><model type='virtio'/></interface>"
        ),
    )
    .unwrap();
    d.ok(&["attach-device", DOM, nic.to_str().unwrap(), "--live"]);
    assert!(ns.exec(&["ip", "link", "show", "macvtap2"]).0);
    let live = d.ok(&["dumpxml", DOM]);
    assert!(live.contains("<target dev='macvtap2'/>"), "{live}");
    let t = Instant::now();
    while !agent(&d, r#"{"execute":"guest-network-get-interfaces"}"#).contains("52:54:00:5a:18:0a")
    {
        assert!(
            t.elapsed() < Duration::from_secs(120),
            "guest never saw the NIC"
        );
        std::thread::sleep(Duration::from_millis(500));
    }
    d.ok(&["detach-device", DOM, nic.to_str().unwrap(), "--live"]);
    let t = Instant::now();
    while ns.exec(&["ip", "link", "show", "macvtap2"]).0 {
        assert!(
            t.elapsed() < Duration::from_secs(30),
            "hot-plugged macvtap left"
        );
        std::thread::sleep(Duration::from_millis(100));
    }

    // destroy removes the macvtaps and the tap and releases the port
    d.ok(&["destroy", DOM]);
    assert!(
        !ns.exec(&["ip", "link", "show", "macvtap0"]).0,
        "macvtap left"
    );
    assert!(
        !ns.exec(&["ip", "link", "show", "macvtap1"]).0,
        "macvtap left"
    );
    let t = Instant::now();
    while !d.ok(&["net-port-list", NET, "--uuid"]).trim().is_empty() {
        assert!(t.elapsed() < Duration::from_secs(5), "port not released");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!ns.exec(&["ip", "link", "show", "vnet0"]).0, "tap left");
}
