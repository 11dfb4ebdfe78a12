//! `virNWFilterLearnIPAddress` end to end: a binding whose filters use `$IP` without giving
//! it starts with the learning rules, learns the guest's address from its traffic (`any`) or
//! from a DHCP exchange (`dhcp`, busybox udhcpd/udhcpc), then enforces that address.

use std::net::Ipv4Addr;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rvirt_core::driver::NWFilterDriver;
use rvirt_driver_nwfilter::{NftCommand, NwFilterDriverImpl, NwFilterPaths};

use super::{ping, Bridged, GUEST_MAC};
use crate::golden::{binding_xml, IP_FILTER, MAC_FILTER, TOP_FILTER};
use crate::support::{list_table, must, sh, skip_reason, FakeNft};

fn open(dir: &std::path::Path, ns: &str) -> Arc<NwFilterDriverImpl> {
    NwFilterDriverImpl::open_with_runner(
        NwFilterPaths::under_root(dir),
        Arc::new(NftCommand::in_netns(ns)),
    )
    .unwrap()
}

/// Waits up to `secs` for `cond`.
fn wait_for(secs: u64, mut cond: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(secs) {
        if cond() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    cond()
}

fn assert_learning_rules(table: &str, port: &str) {
    assert!(table.contains(&format!("chain {port}/out {{")), "{table}");
    assert!(
        table.contains(&format!("ether saddr != {GUEST_MAC} drop")),
        "{table}"
    );
    assert!(!table.contains(&format!("{port}/out/ipv4")), "{table}");
}

#[tokio::test]
async fn ip_learning_any_enforces_the_learned_address() {
    if let Some(why) = skip_reason() {
        eprintln!("skipping ip_learning_any_enforces_the_learned_address: {why}");
        return;
    }
    let topo = Bridged::create("l");
    let (br, guest, port) = (&topo.br, &topo.guest, &topo.port);
    let dir = tempfile::tempdir().unwrap();
    let d = open(dir.path(), br);
    for x in [MAC_FILTER, IP_FILTER, TOP_FILTER] {
        d.nwfilter_define_xml(x, 0).await.unwrap();
    }
    let xml = binding_xml(port, "t-top", GUEST_MAC, &[]);
    let b = d.nwfilter_binding_create_xml(&xml, 0).await.unwrap();
    let dump = d.nwfilter_binding_get_xml_desc(&b, 0).await.unwrap();
    let table = list_table(br);
    assert_learning_rules(&table, port);
    assert!(table.contains("ether type arp accept"), "{table}");
    assert_eq!(d.active_learners(), 1);
    assert_eq!(d.learned_ip(port), None);

    // the guest's ARP request for the peer teaches its address
    assert!(ping(guest, 5), "learning rules must let ARP and IPv4 pass");
    let rule = "ip saddr 10.77.0.2 return";
    assert!(
        wait_for(5, || list_table(br).contains(rule)),
        "{}",
        list_table(br)
    );
    assert_eq!(d.learned_ip(port), Some(Ipv4Addr::new(10, 77, 0, 2)));
    assert!(wait_for(2, || d.active_learners() == 0));
    assert!(list_table(br).contains(&format!("chain {port}/out/ipv4 {{")));
    assert!(ping(guest, 5), "the learned address must pass");
    // the binding's XML does not carry the learned address
    assert_eq!(d.nwfilter_binding_get_xml_desc(&b, 0).await.unwrap(), dump);

    // a redefinition of a filter uses the learned address
    let ip2 = IP_FILTER.replace(
        "<rule action='drop' direction='out'><ip/></rule>",
        "<rule action='drop' direction='out' priority='600'><ip/></rule>",
    );
    d.nwfilter_define_xml(&ip2, 0).await.unwrap();
    assert!(list_table(br).contains(rule), "{}", list_table(br));

    // another address is refused
    let ip = |args: &[&str]| {
        let mut v = vec!["ip", "-n", guest.as_str()];
        v.extend_from_slice(args);
        must(&v);
    };
    ip(&["addr", "del", "10.77.0.2/24", "dev", "eth0"]);
    ip(&["addr", "add", "10.77.0.3/24", "dev", "eth0"]);
    assert!(!ping(guest, 2), "a different address passed");

    d.nwfilter_binding_delete(&b).await.unwrap();
    let table = list_table(br);
    assert!(!table.contains(port.as_str()), "{table}");
    assert_eq!(d.learned_ip(port), None);
    assert_eq!(d.active_learners(), 0);
}

#[tokio::test]
async fn ip_learning_stops_with_the_binding_and_restarts_with_the_daemon() {
    if let Some(why) = skip_reason() {
        eprintln!(
            "skipping ip_learning_stops_with_the_binding_and_restarts_with_the_daemon: {why}"
        );
        return;
    }
    let topo = Bridged::create("s");
    let (br, port) = (&topo.br, &topo.port);
    let dir = tempfile::tempdir().unwrap();
    let d = open(dir.path(), br);
    for x in [MAC_FILTER, IP_FILTER, TOP_FILTER] {
        d.nwfilter_define_xml(x, 0).await.unwrap();
    }
    let xml = binding_xml(port, "t-top", GUEST_MAC, &[]);
    d.nwfilter_binding_create_xml(&xml, 0).await.unwrap();
    assert_eq!(d.active_learners(), 1);
    // a redefinition leaves a binding still learning with its learning rules
    d.nwfilter_define_xml(IP_FILTER, 0).await.unwrap();
    assert_learning_rules(&list_table(br), port);
    assert_eq!(d.active_learners(), 1);
    drop(d);

    // the daemon comes back: the binding learns again
    must(&[
        "ip",
        "netns",
        "exec",
        br,
        "nft",
        "flush",
        "table",
        "bridge",
        "rvirt_nwfilter",
    ]);
    let d = open(dir.path(), br);
    assert_learning_rules(&list_table(br), port);
    assert_eq!(d.active_learners(), 1);

    let b = d.nwfilter_binding_lookup_by_port_dev(port).await.unwrap();
    d.nwfilter_binding_delete(&b).await.unwrap();
    assert!(
        wait_for(3, || d.active_learners() == 0),
        "learner still running"
    );
    assert!(!list_table(br).contains(port.as_str()));

    // the learner also ends when its port device disappears
    d.nwfilter_binding_create_xml(&xml, 0).await.unwrap();
    assert_eq!(d.active_learners(), 1);
    must(&["ip", "-n", br, "link", "del", port]);
    assert!(
        wait_for(5, || d.active_learners() == 0),
        "learner outlived its device"
    );
}

/// Kills the child (a DHCP server) when dropped.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn ip_learning_dhcp_learns_the_acknowledged_address() {
    if let Some(why) = skip_reason() {
        eprintln!("skipping ip_learning_dhcp_learns_the_acknowledged_address: {why}");
        return;
    }
    if !sh(&["busybox", "udhcpd", "--help"]).1.contains("udhcpd") {
        eprintln!("skipping ip_learning_dhcp_learns_the_acknowledged_address: no busybox udhcpd");
        return;
    }
    let topo = Bridged::create("d");
    let (br, guest, peer, port) = (&topo.br, &topo.guest, &topo.peer, &topo.port);
    must(&["ip", "-n", guest, "addr", "flush", "dev", "eth0"]);
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("udhcpd.conf");
    std::fs::write(
        &conf,
        format!(
            "start 10.77.0.50\nend 10.77.0.60\ninterface eth0\nlease_file {}\npidfile {}\n\
             option subnet 255.255.255.0\n",
            dir.path().join("leases").display(),
            dir.path().join("udhcpd.pid").display()
        ),
    )
    .unwrap();
    std::fs::write(dir.path().join("leases"), "").unwrap();

    let d = open(&dir.path().join("root"), br);
    for x in [MAC_FILTER, IP_FILTER, TOP_FILTER] {
        d.nwfilter_define_xml(x, 0).await.unwrap();
    }
    let xml = binding_xml(port, "t-top", GUEST_MAC, &[]).replace(
        "<filterref filter='t-top'>",
        "<filterref filter='t-top'><parameter name='CTRL_IP_LEARNING' value='dhcp'/>\
         <parameter name='DHCPSERVER' value='10.77.0.1'/>",
    );
    d.nwfilter_binding_create_xml(&xml, 0).await.unwrap();
    let table = list_table(br);
    assert_learning_rules(&table, port);
    assert!(
        table.contains("udp sport 67 udp dport 68 accept"),
        "{table}"
    );
    assert_eq!(d.active_learners(), 1);

    let _server = Killed(
        Command::new("ip")
            .args(["netns", "exec", peer, "busybox", "udhcpd", "-f"])
            .arg(&conf)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    std::thread::sleep(Duration::from_millis(300));
    let (ok, out) = sh(&[
        "ip",
        "netns",
        "exec",
        guest,
        "busybox",
        "udhcpc",
        "-i",
        "eth0",
        "-n",
        "-q",
        "-f",
        "-t",
        "8",
        "-T",
        "2",
        "-s",
        "/bin/true",
    ]);
    assert!(ok, "udhcpc got no lease through the learning rules: {out}");
    let rule = "ip saddr 10.77.0.50 return";
    assert!(
        wait_for(5, || list_table(br).contains(rule)),
        "{}",
        list_table(br)
    );
    assert_eq!(d.learned_ip(port), Some(Ipv4Addr::new(10, 77, 0, 50)));
    must(&[
        "ip",
        "-n",
        guest,
        "addr",
        "add",
        "10.77.0.50/24",
        "dev",
        "eth0",
    ]);
    assert!(ping(guest, 5), "the acknowledged address must pass");
}

/// Without learning (`CTRL_IP_LEARNING='none'`), or with another variable missing too, a
/// binding without `IP` fails as before.
#[tokio::test]
async fn missing_ip_without_learning_fails() {
    let dir = tempfile::tempdir().unwrap();
    let d = NwFilterDriverImpl::open_with_runner(
        NwFilterPaths::under_root(dir.path()),
        Arc::new(FakeNft::default()),
    )
    .unwrap();
    for x in [MAC_FILTER, IP_FILTER, TOP_FILTER] {
        d.nwfilter_define_xml(x, 0).await.unwrap();
    }
    let xml = binding_xml("vnet3", "t-top", GUEST_MAC, &[]).replace(
        "<filterref filter='t-top'>",
        "<filterref filter='t-top'><parameter name='CTRL_IP_LEARNING' value='none'/>",
    );
    let e = d.nwfilter_binding_create_xml(&xml, 0).await.unwrap_err();
    assert_eq!(
        e.message,
        "internal error: Cannot instantiate filter due to unresolvable variables or \
         unavailable list elements: IP"
    );
    let gw = "<filter name='t-gw' chain='ipv4'>\
        <rule action='return' direction='out'><ip srcipaddr='$IP' dstipaddr='$GW'/></rule>\
        </filter>";
    d.nwfilter_define_xml(gw, 0).await.unwrap();
    let xml = binding_xml("vnet3", "t-gw", GUEST_MAC, &[]);
    let e = d.nwfilter_binding_create_xml(&xml, 0).await.unwrap_err();
    assert!(e.message.ends_with("elements: IP, GW"), "{}", e.message);
    assert!(d.list_all_nwfilter_bindings(0).await.unwrap().is_empty());
    assert_eq!(d.active_learners(), 0);
}
