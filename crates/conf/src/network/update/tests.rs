//! `update_section` against libvirt's messages for the test driver's default network.

use super::{command as c, revalidate, section as s, update_section};
use crate::network::NetworkDef;

const NET: &str = "<network><name>default</name>\
<uuid>dd8fe884-6c02-601e-7551-cca97df1c5df</uuid><forward mode='nat'/>\
<bridge name='virbr0' stp='on' delay='0'/>\
<ip address='192.168.122.1' netmask='255.255.255.0'><dhcp>\
<range start='192.168.122.2' end='192.168.122.254'/></dhcp></ip></network>";

fn net() -> NetworkDef {
    NetworkDef::parse(NET).unwrap()
}

fn err(def: &mut NetworkDef, cmd: u32, sec: u32, xml: &str) -> String {
    update_section(def, cmd, sec, -1, xml).unwrap_err().message
}

#[test]
fn dhcp_hosts() {
    let mut d = net();
    let h1 = "<host mac='52:54:00:00:00:01' ip='192.168.122.10'/>";
    update_section(&mut d, c::ADD_LAST, s::IP_DHCP_HOST, -1, h1).unwrap();
    update_section(
        &mut d,
        c::ADD_FIRST,
        s::IP_DHCP_HOST,
        -1,
        "<host mac='52:54:00:00:00:02' name='b' ip='192.168.122.11'/>",
    )
    .unwrap();
    let hosts = &d.ips[0].dhcp.hosts;
    assert_eq!(hosts[0].name.as_deref(), Some("b"));
    assert_eq!(hosts[1].ip.as_deref(), Some("192.168.122.10"));
    assert_eq!(
        err(&mut d, c::ADD_LAST, s::IP_DHCP_HOST, "<host mac='52:54:00:00:00:01' ip='192.168.122.12'/>"),
        "Requested operation is not valid: there is an existing dhcp host entry in network 'default' that matches \"<host mac='52:54:00:00:00:01' name='(null)' ip='192.168.122.12'/>\""
    );
    update_section(&mut d, c::DELETE, s::IP_DHCP_HOST, -1, "<host name='b'/>").unwrap();
    assert_eq!(d.ips[0].dhcp.hosts.len(), 1);
    assert_eq!(
        err(&mut d, c::ADD_LAST, s::IP_DHCP_HOST, "<host ip='192.168.122.10'/>"),
        "XML error: Static host definition in IPv4 network 'default' must have mac or name attribute"
    );
    assert_eq!(
        update_section(&mut d, c::ADD_LAST, s::IP_DHCP_HOST, 1, h1).unwrap_err().message,
        "Requested operation is not valid: couldn't update dhcp host entry - no <ip> element found at index 1 in network 'default'"
    );
    assert_eq!(
        err(&mut d, c::ADD_LAST, s::IP_DHCP_HOST, "<hostx/>"),
        "XML error: unexpected element <hostx>, expecting <host>, while updating network 'default'"
    );
}

#[test]
fn dhcp_ranges() {
    let mut d = net();
    assert_eq!(
        err(
            &mut d,
            c::ADD_LAST,
            s::IP_DHCP_RANGE,
            "<range start='10.0.0.1' end='10.0.0.5'/>"
        ),
        "internal error: range 10.0.0.1 - 10.0.0.5 is not entirely within network 192.168.122.1/24"
    );
    assert_eq!(
        err(
            &mut d,
            c::ADD_LAST,
            s::IP_DHCP_RANGE,
            "<range start='192.168.122.20' end='192.168.122.10'/>"
        ),
        "internal error: range 192.168.122.20 - 192.168.122.10 is reversed "
    );
    update_section(
        &mut d,
        c::DELETE,
        s::IP_DHCP_RANGE,
        -1,
        "<range start='192.168.122.2' end='192.168.122.254'/>",
    )
    .unwrap();
    assert!(d.ips[0].dhcp.ranges.is_empty());
    assert_eq!(
        err(
            &mut d,
            c::MODIFY,
            s::IP_DHCP_RANGE,
            "<range start='192.168.122.2' end='192.168.122.9'/>"
        ),
        "Operation not supported: dhcp ranges cannot be modified, only added or deleted"
    );
}

#[test]
fn dns_records() {
    let mut d = net();
    update_section(
        &mut d,
        c::ADD_LAST,
        s::DNS_HOST,
        -1,
        "<host ip='192.168.122.5'><hostname>a</hostname></host>",
    )
    .unwrap();
    update_section(
        &mut d,
        c::ADD_LAST,
        s::DNS_HOST,
        -1,
        "<host ip='192.168.122.6'><hostname>a</hostname></host>",
    )
    .unwrap();
    assert_eq!(
        err(&mut d, c::DELETE, s::DNS_HOST, "<host><hostname>a</hostname></host>"),
        "Requested operation is not valid: multiple matching DNS HOST records were found in network default"
    );
    update_section(
        &mut d,
        c::DELETE,
        s::DNS_HOST,
        -1,
        "<host ip='192.168.122.5'/>",
    )
    .unwrap();
    assert_eq!(d.dns.hosts.len(), 1);
    update_section(
        &mut d,
        c::ADD_FIRST,
        s::DNS_TXT,
        -1,
        "<txt name='t1' value='v1'/>",
    )
    .unwrap();
    assert_eq!(
        err(
            &mut d,
            c::ADD_LAST,
            s::DNS_TXT,
            "<txt name='a b' value='x'/>"
        ),
        "prohibited character in DNS TXT record name 'a b' of network default"
    );
    update_section(
        &mut d,
        c::ADD_LAST,
        s::DNS_SRV,
        -1,
        "<srv service='name' protocol='tcp' target='.' port='1024'/>",
    )
    .unwrap();
    assert_eq!(d.dns.srvs[0].port, 1024);
    assert_eq!(
        err(
            &mut d,
            c::ADD_LAST,
            s::DNS_SRV,
            "<srv service='x' protocol='udp' port='5'/>"
        ),
        "DNS SRV port attribute not permitted without target for service 'x' in network 'default'"
    );
}

#[test]
fn interfaces_and_portgroups() {
    let mut d = net();
    update_section(
        &mut d,
        c::ADD_LAST,
        s::FORWARD_INTERFACE,
        -1,
        "<interface dev='eth0'/>",
    )
    .unwrap();
    revalidate(&d).unwrap();
    update_section(
        &mut d,
        c::ADD_FIRST,
        s::FORWARD_INTERFACE,
        -1,
        "<interface dev='eth1'/>",
    )
    .unwrap();
    assert_eq!(
        revalidate(&d).unwrap_err().message,
        "XML error: multiple forwarding interfaces specified for network 'default', only one is supported"
    );
    let mut d = net();
    update_section(
        &mut d,
        c::ADD_LAST,
        s::PORTGROUP,
        -1,
        "<portgroup name='pg1' default='yes'/>",
    )
    .unwrap();
    assert_eq!(
        err(&mut d, c::ADD_LAST, s::PORTGROUP, "<portgroup name='pg2' default='yes'/>"),
        "Requested operation is not valid: a different portgroup entry in network 'default' is already set as the default. Only one default is allowed."
    );
    update_section(
        &mut d,
        c::MODIFY,
        s::PORTGROUP,
        -1,
        "<portgroup name='pg1'><vlan><tag id='5'/></vlan></portgroup>",
    )
    .unwrap();
    assert!(d.portgroups[0].vlan.is_some());
    assert_eq!(
        err(&mut d, c::ADD_LAST, s::BRIDGE, "<bridge name='x'/>"),
        "Operation not supported: can't update 'bridge' section of network 'default'"
    );
}
