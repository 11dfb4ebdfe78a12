//! Issue 6's "Done means" for guest NICs, end to end with stock virsh against an rvirtd
//! that runs inside a network namespace this test creates (nothing touches the host's
//! networking; the namespace has no uplink, so no traffic can leave it):
//! net-define NAT → net-start → bridge, nft table, dnsmasq → guest with
//! `<interface type='network'>` → net-dhcp-leases → domifaddr lease == agent → guest pings
//! the gateway (agent guest-exec) → restart rvirtd: network up, lease kept → destroy:
//! tap gone → net-destroy: bridge, table and dnsmasq gone. Along the way: rvirt's port
//! forward (host port 8080 → a listener the agent starts in the guest), the guest's network
//! port (net-port-list / net-port-dumpxml, net-port-create / net-port-delete) and the
//! node-device events of its tap (nodedev-event).

use crate::common::{agent_exec, agent_socket, guest_xml_devices, stock_virsh_guest};
use crate::netns::NetNs;
use crate::rvirtd::{temp_root, Rvirtd};
use std::process::Command;
use std::time::{Duration, Instant};

const BRIDGE: &str = "rvtbr0";
const GW: &str = "192.168.213.1";
const NET: &str = "rvtnat";
/// The guest's fixed DHCP address, target of the port forward.
const GUEST_IP: &str = "192.168.213.5";

/// rvirtd inside the namespace on a fixed root; kills its guests and dnsmasq on drop.
fn start_daemon(ns: &NetNs, root: &std::path::Path) -> Rvirtd {
    Rvirtd::start_under(&ns.prefix(), root)
        .log_on_failure()
        .cleanup(|d| {
            let _ = d.virsh(&["destroy", "netguest"]);
            let _ = d.virsh(&["net-destroy", NET]);
        })
}

/// PIDs of dnsmasq processes whose command line mentions `needle`.
fn dnsmasq_pids(needle: &str) -> Vec<i32> {
    std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .filter(|pid| {
            let cmd = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
            let cmd = String::from_utf8_lossy(&cmd);
            cmd.contains("dnsmasq") && cmd.contains(needle)
        })
        .collect()
}

fn guest_xml(g: &rvirt_testkit::guest::GuestImage) -> String {
    guest_xml_devices(
        "netguest",
        g,
        &format!(
            "<interface type='network'><mac address='52:54:00:5a:17:01'/>\
             <source network='{NET}'/><model type='virtio'/><port isolated='yes'/></interface>"
        ),
    )
}

/// `virsh nodedev-event --event lifecycle` waiting (up to 60 s) for one event; give it a
/// moment to register.
fn nodedev_event(uri: &str) -> std::process::Child {
    let c = Command::new("virsh")
        .args([
            "-c",
            uri,
            "nodedev-event",
            "--event",
            "lifecycle",
            "--timeout",
            "60",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(700));
    c
}

/// The IPv4 address on the line of `out` that mentions `mac`.
fn ipv4_for(out: &str, mac: &str) -> Option<String> {
    out.lines()
        .filter(|l| l.contains(mac) && l.contains("ipv4"))
        .flat_map(|l| l.split_whitespace())
        .find(|w| w.contains('/') && w.starts_with("192.168.213."))
        .map(|w| w.split('/').next().unwrap_or("").to_string())
}

#[test]
fn nat_network_guest_nic_done_means() {
    let Some(guest) = stock_virsh_guest() else {
        return;
    };
    let Some(ns) = NetNs::create("rvirt-guestnet") else {
        eprintln!("skipping: cannot create a network namespace (needs root)");
        return;
    };
    let root = temp_root("rvirt-guestnet");
    let mut d = start_daemon(&ns, root.path());
    let rootstr = root.path().display().to_string();

    // network up: bridge, nft table, dnsmasq
    let net_xml = root.path().join("net.xml");
    std::fs::write(
        &net_xml,
        format!(
            "<network xmlns:rvirt='http://rvirt.org/schemas/network/1.0'>\
             <name>{NET}</name><forward mode='nat'/><bridge name='{BRIDGE}'/>\
             <ip address='{GW}' netmask='255.255.255.0'><dhcp>\
             <range start='192.168.213.10' end='192.168.213.50'/>\
             <host mac='52:54:00:5a:17:01' ip='{GUEST_IP}'/></dhcp></ip>\
             <rvirt:portforward proto='tcp' hostport='8080' address='{GUEST_IP}' port='80'/>\
             </network>"
        ),
    )
    .unwrap();
    d.ok(&["net-define", net_xml.to_str().unwrap()]);
    d.ok(&["net-start", NET]);
    assert!(ns.exec(&["ip", "link", "show", BRIDGE]).0, "bridge missing");
    let table = format!("rvirt_{BRIDGE}");
    assert!(ns.exec(&["nft", "list", "table", "inet", &table]).0);
    assert_eq!(dnsmasq_pids(&rootstr).len(), 1, "one dnsmasq");
    let (_, rules) = ns.exec(&["nft", "list", "table", "inet", &table]);
    assert!(
        rules.contains(&format!("tcp dport 8080 dnat ip to {GUEST_IP}:80")),
        "{rules}"
    );
    assert_eq!(d.ok(&["net-port-list", NET, "--uuid"]).trim(), "");

    // node-device events: the guest's tap appearing
    let events = nodedev_event(&d.uri());

    // the guest gets a tap on the bridge and a lease
    let dom_xml = root.path().join("dom.xml");
    std::fs::write(&dom_xml, guest_xml(&guest)).unwrap();
    d.ok(&["define", dom_xml.to_str().unwrap()]);
    d.ok(&["start", "netguest"]);
    let out = String::from_utf8_lossy(&events.wait_with_output().unwrap().stdout).into_owned();
    assert!(
        out.contains("event 'lifecycle' for node device net_vnet0_") && out.contains(": Created"),
        "{out}"
    );
    let live = d.ok(&["dumpxml", "netguest"]);
    assert!(live.contains("<target dev='vnet0'/>"), "{live}");
    let (ok, master) = ns.exec(&["ip", "-o", "link", "show", "vnet0"]);
    assert!(
        ok && master.contains(&format!("master {BRIDGE}")),
        "{master}"
    );
    assert!(master.contains("fe:54:00:5a:17:01"), "{master}");
    let (_, detail) = ns.exec(&["ip", "-d", "link", "show", "vnet0"]);
    assert!(detail.contains("isolated on"), "{detail}");
    let mac = "52:54:00:5a:17:01";

    // the guest's NIC holds a port on the network
    let ports = d.ok(&["net-port-list", NET, "--uuid"]);
    let port_uuid = ports.trim().to_string();
    assert_eq!(port_uuid.len(), 36, "{ports}");
    let port_xml = d.ok(&["net-port-dumpxml", NET, &port_uuid]);
    assert!(
        port_xml.contains(&format!("<mac address='{mac}'/>")),
        "{port_xml}"
    );
    assert!(
        port_xml.contains(&format!("<plug type='network' bridge='{BRIDGE}'/>")),
        "{port_xml}"
    );
    let t = Instant::now();
    let lease_ip = loop {
        let out = d.ok(&["net-dhcp-leases", NET]);
        if let Some(ip) = ipv4_for(&out, mac) {
            break ip;
        }
        assert!(
            t.elapsed() < Duration::from_secs(120),
            "no lease: {out}\n{}",
            d.log()
        );
        std::thread::sleep(Duration::from_millis(500));
    };
    assert_eq!(lease_ip, GUEST_IP);

    // reach the gateway through the agent (before rvirtd opens the agent channel itself)
    let agent_sock = agent_socket(&d.ok(&["dumpxml", "netguest"]));
    assert_eq!(
        agent_exec(&agent_sock, &["ping", "-c", "1", "-W", "5", GW]),
        0,
        "guest cannot ping {GW}"
    );

    // the port forward: a listener in the guest, reached from the namespace's host side
    assert_eq!(
        agent_exec(
            &agent_sock,
            &[
                "sh",
                "-c",
                "busybox nc -ll -p 80 -e /bin/echo hello-from-guest </dev/null >/dev/null 2>&1 &",
            ]
        ),
        0
    );
    let t = Instant::now();
    loop {
        let (_, got) = ns.exec(&["busybox", "nc", "-w", "3", GW, "8080"]);
        if got.contains("hello-from-guest") {
            break;
        }
        assert!(
            t.elapsed() < Duration::from_secs(30),
            "forwarded port 8080 does not reach the guest: {got:?}"
        );
        std::thread::sleep(Duration::from_millis(300));
    }
    let (_, closed) = ns.exec(&["busybox", "nc", "-w", "2", GW, "8081"]);
    assert!(!closed.contains("hello-from-guest"), "{closed}");

    let by_lease = d.ok(&["domifaddr", "netguest", "--source", "lease"]);
    assert_eq!(
        ipv4_for(&by_lease, mac).as_deref(),
        Some(lease_ip.as_str()),
        "{by_lease}"
    );
    assert!(by_lease.contains("vnet0"), "{by_lease}");
    let t = Instant::now();
    loop {
        let by_agent = d.virsh(&["domifaddr", "netguest", "--source", "agent"]).1;
        if ipv4_for(&by_agent, mac).as_deref() == Some(lease_ip.as_str()) {
            break;
        }
        assert!(t.elapsed() < Duration::from_secs(60), "{by_agent}");
        std::thread::sleep(Duration::from_millis(300));
    }

    // restart the daemon: the network stays up and the lease is kept
    d.kill9();
    d.spawn();
    let list = d.ok(&["net-list"]);
    assert!(
        list.lines()
            .any(|l| l.contains(NET) && l.contains("active")),
        "{list}"
    );
    assert!(ns.exec(&["ip", "link", "show", BRIDGE]).0);
    assert_eq!(dnsmasq_pids(&rootstr).len(), 1);
    let out = d.ok(&["net-dhcp-leases", NET]);
    assert_eq!(
        ipv4_for(&out, mac).as_deref(),
        Some(lease_ip.as_str()),
        "{out}"
    );
    let by_lease = d.ok(&["domifaddr", "netguest", "--source", "lease"]);
    assert_eq!(ipv4_for(&by_lease, mac).as_deref(), Some(lease_ip.as_str()));
    let (_, rules) = ns.exec(&["nft", "list", "table", "inet", &table]);
    assert!(
        rules.contains("dport 8080"),
        "forward lost on restart: {rules}"
    );
    let ports = d.ok(&["net-port-list", NET, "--uuid"]);
    assert_eq!(ports.trim(), port_uuid, "port not kept across the restart");

    // net-port-create / net-port-delete with stock virsh
    let port_file = root.path().join("port.xml");
    std::fs::write(
        &port_file,
        "<networkport><uuid>7d3c6c1e-5a0b-4c3e-9f1a-2b3c4d5e6f70</uuid>\
         <owner><name>other</name><uuid>7d3c6c1e-5a0b-4c3e-9f1a-2b3c4d5e6f71</uuid></owner>\
         <mac address='52:54:00:5a:17:99'/></networkport>",
    )
    .unwrap();
    let created = d.ok(&["net-port-create", NET, port_file.to_str().unwrap()]);
    assert!(
        created.contains("7d3c6c1e-5a0b-4c3e-9f1a-2b3c4d5e6f70"),
        "{created}"
    );
    let x = d.ok(&[
        "net-port-dumpxml",
        NET,
        "7d3c6c1e-5a0b-4c3e-9f1a-2b3c4d5e6f70",
    ]);
    assert!(
        x.contains(&format!("<plug type='network' bridge='{BRIDGE}'/>")),
        "{x}"
    );
    assert_eq!(
        d.ok(&["net-port-list", NET, "--uuid"])
            .trim()
            .lines()
            .count(),
        2
    );
    d.ok(&[
        "net-port-delete",
        NET,
        "7d3c6c1e-5a0b-4c3e-9f1a-2b3c4d5e6f70",
    ]);
    // (stock virsh reports the failed lookup but exits 0 here)
    let (_, e) = d.virsh(&[
        "net-port-dumpxml",
        NET,
        "7d3c6c1e-5a0b-4c3e-9f1a-2b3c4d5e6f70",
    ]);
    assert!(
        e.contains("failed to get network port '7d3c6c1e-5a0b-4c3e-9f1a-2b3c4d5e6f70'"),
        "{e}"
    );
    let ports = d.ok(&["net-port-list", NET, "--uuid"]);
    assert_eq!(ports.trim().lines().count(), 1, "{ports}");

    // stopping the guest removes its tap (a node-device event); destroying the network
    // removes the rest
    let gone = nodedev_event(&d.uri());
    d.ok(&["destroy", "netguest"]);
    assert!(
        !ns.exec(&["ip", "link", "show", "vnet0"]).0,
        "tap left behind"
    );
    let t = Instant::now();
    while !d.ok(&["net-port-list", NET, "--uuid"]).trim().is_empty() {
        assert!(t.elapsed() < Duration::from_secs(5), "port not released");
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = String::from_utf8_lossy(&gone.wait_with_output().unwrap().stdout).into_owned();
    assert!(
        out.contains("event 'lifecycle' for node device net_vnet0_fe_54_00_5a_17_01: Deleted"),
        "{out}"
    );
    d.ok(&["net-destroy", NET]);
    assert!(!ns.exec(&["ip", "link", "show", BRIDGE]).0, "bridge left");
    assert!(
        !ns.exec(&["nft", "list", "table", "inet", &table]).0,
        "rules left"
    );
    let t = Instant::now();
    while !dnsmasq_pids(&rootstr).is_empty() {
        assert!(t.elapsed() < Duration::from_secs(5), "dnsmasq left");
        std::thread::sleep(Duration::from_millis(50));
    }
}
