//! End to end in network namespaces: a bridge with a "guest" and a peer port; a binding
//! with no-MAC-spoofing + no-IP-spoofing filters lets the guest ping only with its own MAC
//! and IP, until the filter is redefined to allow everything; deleting the binding removes
//! its chains. Nothing leaves the namespaces (the nft table lives in the bridge's one).

use std::sync::Arc;

use rvirt_core::driver::NWFilterDriver;
use rvirt_driver_nwfilter::{NftCommand, NwFilterDriverImpl, NwFilterPaths};

use crate::golden::{
    binding_xml, ARP_FILTER, CLEAN_FILTER, DHCP_FILTER, IP_FILTER, MAC_FILTER, TOP_FILTER,
};
use crate::support::{list_table, must, ping_program, sh, skip_reason, Netns, NsDriver};

mod learn;

pub const GUEST_MAC: &str = "52:54:00:77:00:02";

/// A bridge namespace (`br0` with the ports `port` and `pport`) whose ports are veth pairs
/// to a "guest" namespace (eth0 10.77.0.2/24, MAC [`GUEST_MAC`]) and a "peer" namespace
/// (eth0 10.77.0.1/24); all namespaces go when this is dropped.
pub struct Bridged {
    pub br: String,
    pub guest: String,
    pub peer: String,
    pub port: String,
    _ns: Netns,
}

impl Bridged {
    /// `tag` keeps the names of tests running in parallel apart.
    pub fn create(tag: &str) -> Bridged {
        let id = std::process::id();
        let (br, guest, peer) = (
            format!("rvnf{id}{tag}b"),
            format!("rvnf{id}{tag}g"),
            format!("rvnf{id}{tag}h"),
        );
        let ns = Netns::create(&[br.clone(), guest.clone(), peer.clone()]);
        let port = format!("vg{id}{tag}");
        let pport = format!("vh{id}{tag}");
        let ip = |ns: &str, args: &[&str]| {
            let mut v = vec!["ip", "-n", ns];
            v.extend_from_slice(args);
            must(&v);
        };
        ip(&br, &["link", "add", "br0", "type", "bridge"]);
        ip(&br, &["link", "set", "br0", "up"]);
        ip(
            &br,
            &[
                "link", "add", &port, "type", "veth", "peer", "name", "eth0", "netns", &guest,
            ],
        );
        ip(
            &br,
            &[
                "link", "add", &pport, "type", "veth", "peer", "name", "eth0", "netns", &peer,
            ],
        );
        for p in [&port, &pport] {
            ip(&br, &["link", "set", p, "master", "br0", "up"]);
        }
        ip(&guest, &["link", "set", "eth0", "address", GUEST_MAC]);
        ip(&guest, &["addr", "add", "10.77.0.2/24", "dev", "eth0"]);
        ip(&peer, &["addr", "add", "10.77.0.1/24", "dev", "eth0"]);
        for ns in [&guest, &peer] {
            ip(ns, &["link", "set", "eth0", "up"]);
            ip(ns, &["link", "set", "lo", "up"]);
        }
        Bridged {
            br,
            guest,
            peer,
            port,
            _ns: ns,
        }
    }
}

pub fn ping(guest: &str, tries: usize) -> bool {
    let mut cmd = vec!["ip", "netns", "exec", guest];
    cmd.extend(ping_program().unwrap_or_default());
    cmd.extend(["-c", "1", "-W", "1", "10.77.0.1"]);
    (0..tries).any(|_| sh(&cmd).0)
}

#[tokio::test]
async fn binding_filters_traffic_in_a_namespace() {
    if let Some(why) = skip_reason() {
        eprintln!("skipping binding_filters_traffic_in_a_namespace: {why}");
        return;
    }
    let topo = Bridged::create("");
    let (br, guest, port) = (topo.br.clone(), topo.guest.clone(), topo.port.clone());
    let ip = |ns: &str, args: &[&str]| {
        let mut v = vec!["ip", "-n", ns];
        v.extend_from_slice(args);
        must(&v);
    };
    assert!(ping(&guest, 5), "no connectivity before any filter");

    let dir = tempfile::tempdir().unwrap();
    let d = NwFilterDriverImpl::open_with_runner(
        NwFilterPaths::under_root(dir.path()),
        Arc::new(NftCommand::in_netns(&br)),
    )
    .unwrap();
    for x in [MAC_FILTER, IP_FILTER, TOP_FILTER] {
        d.nwfilter_define_xml(x, 0).await.unwrap();
    }
    let b = d
        .nwfilter_binding_create_xml(&binding_xml(&port, "t-top", GUEST_MAC, &["10.77.0.2"]), 0)
        .await
        .unwrap();
    let table = list_table(&br);
    assert!(
        table.contains(&format!("chain {port}/out/mac {{")),
        "{table}"
    );
    assert!(
        table.contains(&format!("\"{port}\" : jump {port}/out")),
        "{table}"
    );
    assert!(ping(&guest, 5), "right MAC and IP must pass:\n{table}");

    // a spoofed MAC is dropped
    ip(
        &guest,
        &["link", "set", "eth0", "address", "52:54:00:77:00:99"],
    );
    assert!(!ping(&guest, 2), "spoofed MAC passed");
    ip(&guest, &["link", "set", "eth0", "address", GUEST_MAC]);
    assert!(ping(&guest, 5), "restored MAC must pass");

    // a spoofed IP is dropped
    ip(&guest, &["addr", "del", "10.77.0.2/24", "dev", "eth0"]);
    ip(&guest, &["addr", "add", "10.77.0.3/24", "dev", "eth0"]);
    assert!(!ping(&guest, 2), "spoofed IP passed");

    // redefining the IP filter to allow everything restores connectivity
    let allow = "<filter name='t-ip' chain='ipv4'>\
        <uuid>aaaaaaaa-0000-0000-0000-000000000002</uuid>\
        <rule action='accept' direction='out'><ip/></rule></filter>";
    d.nwfilter_define_xml(allow, 0).await.unwrap();
    assert!(ping(&guest, 5), "allow-all filter must pass");

    // deleting the binding removes the port's chains
    d.nwfilter_binding_delete(&b).await.unwrap();
    let table = list_table(&br);
    assert!(table.contains("chain out {"), "{table}");
    assert!(!table.contains(&port), "{table}");
    let (ok, _) = sh(&["ip", "-n", &br, "link", "show", &port]);
    assert!(ok);
}

/// The clean-traffic-like tree (every layer: mac, ipv4, arp sub-chains, layer-4 rules with
/// ports, comments and ICMP types) is accepted by the kernel. `state` and `reject` are left
/// out: they need nf_conntrack_bridge / nft_reject_bridge, which minimal kernels lack.
#[tokio::test]
async fn clean_traffic_tree_loads_into_the_kernel() {
    let Some(env) = NsDriver::create("clean_traffic_tree_loads_into_the_kernel", "k") else {
        return;
    };
    let (ns, d) = (&env.ns, env.open());
    let clean = CLEAN_FILTER
        .replace(" state='NEW,ESTABLISHED'", "")
        .replace("action='reject'", "action='drop'");
    for x in [MAC_FILTER, IP_FILTER, ARP_FILTER, DHCP_FILTER, &clean] {
        d.nwfilter_define_xml(x, 0).await.unwrap();
    }
    for port in ["vnet0", "vnet1"] {
        d.nwfilter_binding_create_xml(
            &binding_xml(
                port,
                "t-clean",
                "52:54:00:00:00:01",
                &["10.0.0.1", "10.0.0.2"],
            ),
            0,
        )
        .await
        .unwrap();
    }
    let table = list_table(ns);
    for expect in [
        "chain vnet1/out/arp {",
        "arp operation request arp saddr ip 10.0.0.2 return",
        "udp sport 67 udp dport 68 accept comment \"dhcp replies\"",
        "tcp dport 22-23 accept",
        "\"vnet0\" : jump vnet0/in",
    ] {
        assert!(table.contains(expect), "{expect} missing in\n{table}");
    }
    // re-creating a binding replaces the port's chains, leaving the other port alone
    let b = d
        .nwfilter_binding_lookup_by_port_dev("vnet0")
        .await
        .unwrap();
    d.nwfilter_binding_delete(&b).await.unwrap();
    d.nwfilter_binding_create_xml(&binding_xml("vnet0", "t-mac", "52:54:00:00:00:01", &[]), 0)
        .await
        .unwrap();
    let table = list_table(ns);
    assert!(!table.contains("chain vnet0/out/arp"), "{table}");
    assert!(table.contains("chain vnet0/out/mac"), "{table}");
    assert!(table.contains("chain vnet1/out/arp"), "{table}");
}

/// Every supported protocol element and attribute translates into nft text the kernel
/// accepts.
#[tokio::test]
async fn every_element_loads_into_the_kernel() {
    let Some(env) = NsDriver::create("every_element_loads_into_the_kernel", "e") else {
        return;
    };
    let (ns, d) = (&env.ns, env.open());
    let rules = [
        "<mac srcmacaddr='$MAC' srcmacmask='ff:ff:ff:00:00:00' dstmacaddr='ff:ff:ff:ff:ff:ff' protocolid='0x1234'/>",
        "<vlan vlanid='10' encap-protocol='arp'/>",
        "<stp srcmacaddr='00:11:22:33:44:55'/>",
        "<rarp srcmacaddr='$MAC'/>",
        "<arp hwtype='1' protocoltype='0x800' opcode='Reply' arpsrcmacaddr='$MAC' arpdstmacaddr='00:11:22:33:44:55' arpsrcipaddr='10.0.0.1' arpdstipaddr='10.0.0.0' arpdstipmask='8' gratuitous='false'/>",
        "<ip match='no' srcipaddr='10.1.2.3' srcipmask='255.255.0.0' dstipaddr='10.0.0.1' protocol='udp' srcportstart='1' srcportend='1024' dstportstart='53' dscp='10'/>",
        "<ipv6 srcipaddr='fe80::1' srcipmask='64' protocol='icmpv6' type='133' typeend='136' code='0'/>",
        "<tcp srcmacaddr='$MAC' srcipfrom='10.0.0.1' srcipto='10.0.0.9' dstportstart='80' flags='SYN,ACK/SYN' dscp='4'/>",
        "<udp match='no' dstipaddr='10.0.0.0' dstipmask='24' srcportstart='68'/>",
        "<sctp dstportstart='9'/>",
        "<esp/>",
        "<ah/>",
        "<udplite/>",
        "<igmp/>",
        "<icmp type='8' code='0'/>",
        "<all dstipfrom='10.0.0.1' dstipto='10.0.0.3'/>",
        "<tcp-ipv6 srcipaddr='fd00::' srcipmask='8' dstportstart='22'/>",
        "<udp-ipv6 dstportstart='547'/>",
        "<icmpv6 type='135'/>",
        "<all-ipv6 srcipaddr='fd00::1'/>",
    ];
    let mut body = String::new();
    for (i, r) in rules.iter().enumerate() {
        let (action, dir) = match i % 4 {
            0 => ("accept", "out"),
            1 => ("return", "in"),
            2 => ("continue", "inout"),
            _ => ("drop", "out"),
        };
        body.push_str(&format!(
            "<rule action='{action}' direction='{dir}' priority='{}'>{r}</rule>",
            i * 10
        ));
    }
    let root = format!("<filter name='t-every'>{body}<filterref filter='t-sub'/></filter>");
    let sub = format!("<filter name='t-sub' chain='ipv6-x'>{body}</filter>");
    d.nwfilter_define_xml(&sub, 0).await.unwrap();
    d.nwfilter_define_xml(&root, 0).await.unwrap();
    d.nwfilter_binding_create_xml(
        &binding_xml("vnet9", "t-every", "52:54:00:00:00:09", &[]),
        0,
    )
    .await
    .unwrap();
    let table = list_table(ns);
    if std::env::var_os("RVIRT_SHOW_TABLE").is_some() {
        eprintln!("{table}");
    }
    for expect in [
        "chain vnet9/out/ipv6-x {",
        "vlan id 10 vlan type arp",
        "ip saddr != 10.1.0.0/16",
        "icmpv6 type 133-136",
        "ip saddr 10.0.0.1-10.0.0.9",
        "udp sport != 68",
    ] {
        assert!(table.contains(expect), "{expect} missing in\n{table}");
    }
}
