//! No line breaks or separators can reach dnsmasq.conf or nft rules.

use rvirt_conf::network::NetworkDef;
use rvirt_driver_network::dnsmasq::{dnsmasq_conf, DnsmasqFiles};
use rvirt_driver_network::nft;

fn files() -> DnsmasqFiles {
    DnsmasqFiles {
        pid_file: "/run/x.pid".into(),
        lease_file: "/var/x.leases".into(),
    }
}

fn net(extra: &str, ip_extra: &str) -> NetworkDef {
    let xml = format!(
        "<network><name>inj</name><forward mode='nat'/><bridge name='virbr9'/>{extra}\
         <ip address='192.168.9.1' prefix='24'><dhcp>{ip_extra}</dhcp></ip></network>"
    );
    NetworkDef::parse(&xml).unwrap()
}

#[test]
fn txt_value_with_newline_is_rejected() {
    let def = net(
        "<dns><txt name='a' value='x&#10;dhcp-script=/tmp/evil'/></dns>",
        "",
    );
    let e = dnsmasq_conf(&def, "virbr9", &files()).unwrap_err();
    assert!(e.message.contains("invalid characters"), "{}", e.message);
}

#[test]
fn hostname_with_newline_is_rejected() {
    let def = net(
        "<dns><host ip='192.168.9.5'><hostname>a&#10;conf-file=/x</hostname></host></dns>",
        "",
    );
    assert!(dnsmasq_conf(&def, "virbr9", &files()).is_err());
}

#[test]
fn dhcp_host_name_with_comma_is_rejected() {
    let def = net(
        "",
        "<host mac='52:54:00:00:00:01' name='a,set:x' ip='192.168.9.9'/>",
    );
    assert!(dnsmasq_conf(&def, "virbr9", &files()).is_err());
    let def = net("", "<host mac='52:54:00:00:00:01&#10;x' ip='192.168.9.9'/>");
    let e = dnsmasq_conf(&def, "virbr9", &files()).unwrap_err();
    assert_eq!(e.code.number(), 44);
}

#[test]
fn domain_name_with_slash_is_rejected() {
    let def = net("<domain name='a/b'/>", "");
    assert!(dnsmasq_conf(&def, "virbr9", &files()).is_err());
}

#[test]
fn bridge_name_injection_is_rejected_in_both() {
    let def = net("", "");
    assert!(dnsmasq_conf(&def, "vb\"; flush ruleset", &files()).is_err());
    assert!(nft::ruleset(&def, "vb\"; flush ruleset").is_err());
    assert!(nft::ruleset(&def, "virbr9\n").is_err());
}

#[test]
fn forward_dev_injection_is_rejected_in_nft() {
    let xml = "<network><name>inj</name><forward mode='nat' dev='eth0&quot; accept'/>\
               <bridge name='virbr9'/><ip address='192.168.9.1' prefix='24'/></network>";
    let def = NetworkDef::parse(xml).unwrap();
    assert!(nft::ruleset(&def, "virbr9").is_err());
}

#[test]
fn clean_values_render() {
    let def = net(
        "<dns><txt name='a' value='hello world'/></dns>",
        "<range start='192.168.9.10' end='192.168.9.20'/>",
    );
    let conf = dnsmasq_conf(&def, "virbr9", &files()).unwrap();
    assert!(conf.contains("txt-record=a,hello world\n"));
    assert!(conf.contains("dhcp-range=192.168.9.10,192.168.9.20,255.255.255.0\n"));
    assert!(!conf.lines().any(|l| l.is_empty()));
}

fn pf_net(pf: &str) -> Result<NetworkDef, rvirt_core::error::VirError> {
    NetworkDef::parse(&format!(
        "<network xmlns:rvirt='http://rvirt.org/schemas/network/1.0'><name>inj</name>\
         <forward mode='nat'/><bridge name='virbr9'/><ip address='192.168.9.1' prefix='24'/>\
         <rvirt:portforward {pf}/></network>"
    ))
}

#[test]
fn port_forward_values_with_nft_syntax_are_rejected() {
    for pf in [
        "proto='tcp; flush ruleset' hostport='80' address='192.168.9.5'",
        "proto='tcp' hostport='80 accept' address='192.168.9.5'",
        "proto='tcp' hostport='80' port='80&#10;flush ruleset' address='192.168.9.5'",
        "proto='tcp' hostport='80' address='192.168.9.5:22'",
        "proto='tcp' hostport='80' address='192.168.9.5&#10;}'",
        "proto='tcp' hostport='80' address='\"192.168.9.5\"'",
        "proto='tcp' hostport='-1' address='192.168.9.5'",
        "proto='tcp' hostport='65536' address='192.168.9.5'",
    ] {
        let e = pf_net(pf).unwrap_err();
        assert_eq!(e.code.number(), 27, "{pf}: {}", e.message);
    }
}

#[test]
fn port_forward_built_without_parser_is_checked_by_nft() {
    let mut def = pf_net("proto='tcp' hostport='8080' address='192.168.9.5' port='80'").unwrap();
    let rules = nft::ruleset(&def, "virbr9").unwrap().unwrap();
    assert!(rules.contains("\t\tfib daddr type local tcp dport 8080 dnat ip to 192.168.9.5:80\n"));
    def.port_forwards[0].port = 0;
    let e = nft::ruleset(&def, "virbr9").unwrap_err();
    assert!(e.message.contains("port 0"), "{}", e.message);
    def.port_forwards[0].port = 80;
    def.port_forwards[0].address = std::net::Ipv4Addr::new(10, 0, 0, 1);
    let e = nft::ruleset(&def, "virbr9").unwrap_err();
    assert!(e.message.contains("not within"), "{}", e.message);
}

#[test]
fn port_forwards_only_for_nat_and_route() {
    let mut def = pf_net("proto='udp' hostport='53' address='192.168.9.5'").unwrap();
    def.forward.mode = rvirt_conf::network::ForwardMode::None;
    let rules = nft::ruleset(&def, "virbr9").unwrap().unwrap();
    assert!(!rules.contains("dnat"), "{rules}");
    assert!(!rules.contains("guest_portfwd"), "{rules}");
}
