//! The exact nft text generated for small filter trees (written here, in the spirit of
//! libvirt's no-mac-spoofing / no-ip-spoofing / allow-dhcp / clean-traffic), and the
//! driver's use of the runner: re-instantiation on redefine, refusals, firewall failures.

use std::sync::Arc;

use rvirt_conf::nwfilter::{NwFilterBindingDef, NwFilterDef};
use rvirt_core::driver::NWFilterDriver;
use rvirt_driver_nwfilter::{render_binding, NwFilterDriverImpl, NwFilterPaths};

use crate::support::FakeNft;

pub const MAC_FILTER: &str = "<filter name='t-mac' chain='mac'>\
    <uuid>aaaaaaaa-0000-0000-0000-000000000001</uuid>\
    <rule action='return' direction='out'><mac srcmacaddr='$MAC'/></rule>\
    <rule action='drop' direction='out'><mac/></rule></filter>";

pub const IP_FILTER: &str = "<filter name='t-ip' chain='ipv4'>\
    <uuid>aaaaaaaa-0000-0000-0000-000000000002</uuid>\
    <rule action='return' direction='out'><ip srcipaddr='0.0.0.0' protocol='udp'/></rule>\
    <rule action='return' direction='out'><ip srcipaddr='$IP'/></rule>\
    <rule action='drop' direction='out'><ip/></rule></filter>";

pub const TOP_FILTER: &str = "<filter name='t-top'>\
    <uuid>aaaaaaaa-0000-0000-0000-000000000003</uuid>\
    <filterref filter='t-mac'/><filterref filter='t-ip'/></filter>";

pub const ARP_FILTER: &str = "<filter name='t-arp' chain='arp'>\
    <uuid>aaaaaaaa-0000-0000-0000-000000000004</uuid>\
    <rule action='drop' direction='out'><arp match='no' arpsrcmacaddr='$MAC'/></rule>\
    <rule action='return' direction='out'><arp opcode='Request' arpsrcipaddr='$IP'/></rule>\
    <rule action='return' direction='out'><arp opcode='Reply' arpsrcipaddr='$IP'/></rule>\
    <rule action='accept' direction='in'><arp/></rule>\
    <rule action='drop' direction='inout'><arp/></rule></filter>";

pub const DHCP_FILTER: &str = "<filter name='t-dhcp'>\
    <uuid>aaaaaaaa-0000-0000-0000-000000000005</uuid>\
    <rule action='accept' direction='out' priority='100'>\
    <udp srcipaddr='0.0.0.0' dstipaddr='255.255.255.255' srcportstart='68' dstportstart='67'/></rule>\
    <rule action='accept' direction='in' priority='100'>\
    <udp srcportstart='67' dstportstart='68' comment='dhcp \"replies\"'/></rule></filter>";

pub const CLEAN_FILTER: &str = "<filter name='t-clean'>\
    <uuid>aaaaaaaa-0000-0000-0000-000000000006</uuid>\
    <filterref filter='t-mac'/><filterref filter='t-ip'/><filterref filter='t-arp'/>\
    <filterref filter='t-dhcp'/>\
    <rule action='accept' direction='inout' priority='-500'><mac protocolid='ipv6'/></rule>\
    <rule action='accept' direction='out' priority='300'><tcp dstportstart='22' dstportend='23' state='NEW,ESTABLISHED'/></rule>\
    <rule action='accept' direction='inout' priority='400'><icmp type='8'/></rule>\
    <rule action='reject' direction='inout' priority='900'><all/></rule></filter>";

pub fn binding_xml(portdev: &str, filter: &str, mac: &str, ips: &[&str]) -> String {
    let ips: String = ips
        .iter()
        .map(|ip| format!("<parameter name='IP' value='{ip}'/>"))
        .collect();
    format!(
        "<filterbinding><owner><name>vm</name><uuid>d54df46f-1ab5-4a22-8618-4560ef5fac2c</uuid>\
         </owner><portdev name='{portdev}'/><mac address='{mac}'/>\
         <filterref filter='{filter}'>{ips}</filterref></filterbinding>"
    )
}

fn defs(xmls: &[&str]) -> Vec<NwFilterDef> {
    xmls.iter()
        .map(|x| NwFilterDef::parse(x).unwrap())
        .collect()
}

fn render(xmls: &[&str], filter: &str, ips: &[&str]) -> Result<String, String> {
    let b =
        NwFilterBindingDef::parse(&binding_xml("vnet0", filter, "52:54:00:00:00:01", ips)).unwrap();
    render_binding(&defs(xmls), &b).map_err(|e| e.message)
}

const BASE: &str = "add table bridge rvirt_nwfilter
add chain bridge rvirt_nwfilter out { type filter hook prerouting priority 0; policy accept; }
add map bridge rvirt_nwfilter out_ports { type ifname : verdict; }
flush chain bridge rvirt_nwfilter out
add rule bridge rvirt_nwfilter out iifname vmap @out_ports
add chain bridge rvirt_nwfilter in { type filter hook postrouting priority 0; policy accept; }
add map bridge rvirt_nwfilter in_ports { type ifname : verdict; }
flush chain bridge rvirt_nwfilter in
add rule bridge rvirt_nwfilter in oifname vmap @in_ports
add chain bridge rvirt_nwfilter vnet0/out
add chain bridge rvirt_nwfilter vnet0/in
add element bridge rvirt_nwfilter out_ports { \"vnet0\" : jump vnet0/out }
delete element bridge rvirt_nwfilter out_ports { \"vnet0\" }
add element bridge rvirt_nwfilter in_ports { \"vnet0\" : jump vnet0/in }
delete element bridge rvirt_nwfilter in_ports { \"vnet0\" }
flush chain bridge rvirt_nwfilter vnet0/in
flush chain bridge rvirt_nwfilter vnet0/out
";

/// The golden minus the common prologue and the final map elements.
fn body(script: &str) -> String {
    let rest = script
        .strip_prefix(BASE)
        .unwrap_or_else(|| panic!("unexpected prologue:\n{script}"));
    let tail = "add element bridge rvirt_nwfilter out_ports { \"vnet0\" : jump vnet0/out }\n\
                add element bridge rvirt_nwfilter in_ports { \"vnet0\" : jump vnet0/in }\n";
    rest.strip_suffix(tail)
        .unwrap_or_else(|| panic!("unexpected epilogue:\n{rest}"))
        .replace("bridge rvirt_nwfilter ", "")
}

#[test]
fn golden_no_mac_spoofing() {
    let s = render(&[MAC_FILTER], "t-mac", &[]).unwrap();
    assert_eq!(
        body(&s),
        "add chain vnet0/out
add chain vnet0/out/mac
add chain vnet0/out/l3
add chain vnet0/in
add chain vnet0/in/l3
add rule vnet0/out jump vnet0/out/mac
add rule vnet0/out goto vnet0/out/l3
add rule vnet0/out/mac ether saddr 52:54:00:00:00:01 return
add rule vnet0/out/mac drop
add rule vnet0/out/l3 accept
add rule vnet0/in goto vnet0/in/l3
add rule vnet0/in/l3 accept
"
    );
}

#[test]
fn golden_no_ip_spoofing_expands_the_ip_list() {
    let s = render(&[IP_FILTER], "t-ip", &["10.0.0.1", "10.0.0.2"]).unwrap();
    assert_eq!(
        body(&s),
        "add chain vnet0/out
add chain vnet0/out/ipv4
add chain vnet0/out/l3
add chain vnet0/in
add chain vnet0/in/l3
add rule vnet0/out ether type ip jump vnet0/out/ipv4
add rule vnet0/out goto vnet0/out/l3
add rule vnet0/out/ipv4 ether type ip ip saddr 0.0.0.0 ip protocol udp return
add rule vnet0/out/ipv4 ether type ip ip saddr 10.0.0.1 return
add rule vnet0/out/ipv4 ether type ip ip saddr 10.0.0.2 return
add rule vnet0/out/ipv4 ether type ip drop
add rule vnet0/out/l3 accept
add rule vnet0/in goto vnet0/in/l3
add rule vnet0/in/l3 accept
"
    );
}

#[test]
fn golden_allow_dhcp_layer4_rules() {
    let s = render(&[DHCP_FILTER], "t-dhcp", &[]).unwrap();
    assert_eq!(
        body(&s),
        "add chain vnet0/out
add chain vnet0/out/l3
add chain vnet0/in
add chain vnet0/in/l3
add rule vnet0/out goto vnet0/out/l3
add rule vnet0/out/l3 ether type ip meta l4proto udp ip saddr 0.0.0.0 ip daddr 255.255.255.255 udp sport 68 udp dport 67 accept
add rule vnet0/out/l3 accept
add rule vnet0/in goto vnet0/in/l3
add rule vnet0/in/l3 ether type ip meta l4proto udp udp sport 67 udp dport 68 accept comment \"dhcp replies\"
add rule vnet0/in/l3 accept
"
    );
}

#[test]
fn golden_clean_traffic_tree_orders_chains_by_priority() {
    let all = [MAC_FILTER, IP_FILTER, ARP_FILTER, DHCP_FILTER, CLEAN_FILTER];
    let s = render(&all, "t-clean", &["10.0.0.1"]).unwrap();
    assert_eq!(
        body(&s),
        "add chain vnet0/out
add chain vnet0/out/mac
add chain vnet0/out/ipv4
add chain vnet0/out/arp
add chain vnet0/out/l3
add chain vnet0/in
add chain vnet0/in/arp
add chain vnet0/in/l3
add rule vnet0/out jump vnet0/out/mac
add rule vnet0/out ether type ip jump vnet0/out/ipv4
add rule vnet0/out ether type arp jump vnet0/out/arp
add rule vnet0/out ether type ip6 goto vnet0/out/l3
add rule vnet0/out goto vnet0/out/l3
add rule vnet0/out/mac ether saddr 52:54:00:00:00:01 return
add rule vnet0/out/mac drop
add rule vnet0/out/ipv4 ether type ip ip saddr 0.0.0.0 ip protocol udp return
add rule vnet0/out/ipv4 ether type ip ip saddr 10.0.0.1 return
add rule vnet0/out/ipv4 ether type ip drop
add rule vnet0/out/arp ether type arp arp saddr ether != 52:54:00:00:00:01 drop
add rule vnet0/out/arp ether type arp arp operation 1 arp saddr ip 10.0.0.1 return
add rule vnet0/out/arp ether type arp arp operation 2 arp saddr ip 10.0.0.1 return
add rule vnet0/out/arp ether type arp drop
add rule vnet0/out/l3 ether type ip meta l4proto udp ip saddr 0.0.0.0 ip daddr 255.255.255.255 udp sport 68 udp dport 67 accept
add rule vnet0/out/l3 ether type ip meta l4proto tcp tcp dport 22-23 ct state new,established accept
add rule vnet0/out/l3 ether type ip meta l4proto icmp icmp type 8 accept
add rule vnet0/out/l3 ether type ip reject
add rule vnet0/out/l3 accept
add rule vnet0/in ether type arp jump vnet0/in/arp
add rule vnet0/in ether type ip6 goto vnet0/in/l3
add rule vnet0/in goto vnet0/in/l3
add rule vnet0/in/arp ether type arp goto vnet0/in/l3
add rule vnet0/in/arp ether type arp drop
add rule vnet0/in/l3 ether type ip meta l4proto udp udp sport 67 udp dport 68 accept comment \"dhcp replies\"
add rule vnet0/in/l3 ether type ip meta l4proto icmp icmp type 8 accept
add rule vnet0/in/l3 ether type ip drop
add rule vnet0/in/l3 accept
"
    );
}

#[test]
fn instantiation_errors_are_libvirt_style() {
    assert_eq!(
        render(&[IP_FILTER], "t-ip", &[]).unwrap_err(),
        "internal error: Cannot instantiate filter due to unresolvable variables or \
         unavailable list elements: IP"
    );
    let connlimit = "<filter name='c'><rule action='drop' direction='out'>\
                     <tcp connlimit-above='3'/></rule></filter>";
    assert_eq!(
        render(&[connlimit], "c", &[]).unwrap_err(),
        "unsupported configuration: attribute 'connlimit-above' of protocol 'tcp' is not \
         supported by the nftables filter backend"
    );
    let badip = "<filter name='b'><rule action='drop' direction='out'>\
                 <ip srcipaddr='$X'/></rule><filterref filter='c'/></filter>";
    let c = "<filter name='c'/>";
    let b = NwFilterBindingDef::parse(
        &binding_xml("vnet0", "b", "52:54:00:00:00:01", &[]).replace(
            "</filterref>",
            "<parameter name='X' value='notanip'/></filterref>",
        ),
    )
    .unwrap();
    assert_eq!(
        render_binding(&defs(&[badip, c]), &b).unwrap_err().message,
        "internal error: srcipaddr has illegal value notanip"
    );
    let bad_port =
        NwFilterBindingDef::parse(&binding_xml("0bad", "c", "52:54:00:00:00:01", &[])).unwrap();
    assert!(render_binding(&defs(&[c]), &bad_port)
        .unwrap_err()
        .message
        .contains("port dev name '0bad' cannot be used"));
}

fn open(dir: &std::path::Path, fake: Arc<FakeNft>) -> Arc<NwFilterDriverImpl> {
    NwFilterDriverImpl::open_with_runner(NwFilterPaths::under_root(dir), fake).unwrap()
}

#[tokio::test]
async fn driver_sends_the_ruleset_and_reapplies_on_redefine() {
    let dir = tempfile::tempdir().unwrap();
    let fake = Arc::new(FakeNft::default());
    let d = open(dir.path(), fake.clone());
    for x in [MAC_FILTER, IP_FILTER, TOP_FILTER] {
        d.nwfilter_define_xml(x, 0).await.unwrap();
    }
    assert!(fake.scripts().is_empty(), "no binding, nothing to apply");
    let bxml = binding_xml("vnet0", "t-top", "52:54:00:00:00:01", &["10.0.0.1"]);
    let b = d.nwfilter_binding_create_xml(&bxml, 0).await.unwrap();
    let expected = render_binding(
        &defs(&[MAC_FILTER, IP_FILTER, TOP_FILTER]),
        &NwFilterBindingDef::parse(&bxml).unwrap(),
    )
    .unwrap();
    assert_eq!(fake.scripts(), vec![expected]);

    // redefining a filter the binding reaches re-instantiates it
    let allow = "<filter name='t-ip' chain='ipv4'>\
        <uuid>aaaaaaaa-0000-0000-0000-000000000002</uuid>\
        <rule action='accept' direction='out'><ip/></rule></filter>";
    d.nwfilter_define_xml(allow, 0).await.unwrap();
    let scripts = fake.scripts();
    assert_eq!(scripts.len(), 2);
    assert!(scripts[1].contains(
        "add rule bridge rvirt_nwfilter vnet0/out/ipv4 ether type ip goto vnet0/out/l3\n"
    ));
    assert!(!scripts[1].contains("10.0.0.1"));

    // an unrelated filter does not
    d.nwfilter_define_xml("<filter name='other'/>", 0)
        .await
        .unwrap();
    assert_eq!(fake.scripts().len(), 2);

    // a redefinition that cannot be instantiated fails and keeps the old filter
    let bad = "<filter name='t-ip' chain='ipv4'>\
        <uuid>aaaaaaaa-0000-0000-0000-000000000002</uuid>\
        <rule action='drop' direction='out'><ip srcipaddr='$NOPE'/></rule></filter>";
    let e = d.nwfilter_define_xml(bad, 0).await.unwrap_err();
    assert_eq!(
        e.message,
        "internal error: Cannot instantiate filter due to unresolvable variables or \
         unavailable list elements: NOPE"
    );
    assert_eq!(fake.scripts().len(), 2);
    let f = d.nwfilter_lookup_by_name("t-ip").await.unwrap();
    assert!(d
        .nwfilter_get_xml_desc(&f, 0)
        .await
        .unwrap()
        .contains("<rule action='accept' direction='out' priority='500'>"));

    // deleting the binding removes the port (the fake table is empty: nothing to send)
    d.nwfilter_binding_delete(&b).await.unwrap();
    assert_eq!(fake.scripts().len(), 2);
}

#[tokio::test]
async fn firewall_failure_fails_the_binding() {
    let dir = tempfile::tempdir().unwrap();
    let fake = Arc::new(FakeNft {
        fail: Some("Error: Could not process rule: No such file or directory".into()),
        ..FakeNft::default()
    });
    let d = open(dir.path(), fake.clone());
    d.nwfilter_define_xml(MAC_FILTER, 0).await.unwrap();
    let e = d
        .nwfilter_binding_create_xml(&binding_xml("vnet0", "t-mac", "52:54:00:00:00:01", &[]), 0)
        .await
        .unwrap_err();
    assert_eq!(e.code, rvirt_core::error::ErrorCode::InternalError);
    assert_eq!(
        e.message,
        "internal error: Failed to apply firewall rules nft -f -: Error: Could not process \
         rule: No such file or directory"
    );
    assert!(d.list_all_nwfilter_bindings(0).await.unwrap().is_empty());
    assert!(!dir
        .path()
        .join("run/libvirt/nwfilter-binding/vnet0.xml")
        .exists());

    // nft missing altogether
    let d = NwFilterDriverImpl::open_with_runner(
        NwFilterPaths::under_root(dir.path()),
        Arc::new(rvirt_driver_nwfilter::NftCommand::with_program(
            "/nonexistent/nft",
        )),
    )
    .unwrap();
    let e = d
        .nwfilter_binding_create_xml(&binding_xml("vnet0", "t-mac", "52:54:00:00:00:01", &[]), 0)
        .await
        .unwrap_err();
    assert!(
        e.message.starts_with(
            "internal error: Failed to apply firewall rules nft list table bridge \
             rvirt_nwfilter: Cannot find '/nonexistent/nft' in path"
        ),
        "{}",
        e.message
    );
}
