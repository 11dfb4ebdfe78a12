//! `net-update` against the test driver's `default` network: every section the test
//! driver supports (add, add-first, add-last, modify, delete), the sections it refuses,
//! the live/config flags and the error messages, compared with stock virsh.

use super::compat;

const H1: &str = "\"<host mac='52:54:00:00:00:01' ip='192.168.122.10'/>\"";

fn host_then(rest: &str) -> String {
    format!("net-update default add ip-dhcp-host {H1}; {rest}")
}

#[test]
fn dhcp_host_add() {
    compat(&host_then("net-dumpxml default"));
}

#[test]
fn dhcp_host_flags() {
    compat(&format!(
        "net-update default add ip-dhcp-host {H1} --config; net-dumpxml default"
    ));
    compat(&format!(
        "net-update default add ip-dhcp-host {H1} --live --config; net-dumpxml default"
    ));
    compat(&format!(
        "net-update default add ip-dhcp-host {H1} --current; net-dumpxml default"
    ));
}

#[test]
fn dhcp_host_inactive() {
    compat(&format!(
        "net-destroy default; net-update default add ip-dhcp-host {H1} --live; \
         net-update default add ip-dhcp-host {H1}; net-start default; net-dumpxml default"
    ));
}

#[test]
fn dhcp_host_add_first_modify_delete() {
    compat(&host_then(
        "net-update default add-first ip-dhcp-host \"<host mac='52:54:00:00:00:02' name='b' ip='192.168.122.11'/>\"; \
         net-dumpxml default --xpath //host; \
         net-update default modify ip-dhcp-host \"<host mac='52:54:00:00:00:01' ip='192.168.122.12' name='x'/>\"; \
         net-dumpxml default --xpath //host; \
         net-update default delete ip-dhcp-host \"<host name='b'/>\"; \
         net-update default add-last ip-dhcp-host \"<host name='c' ip='192.168.122.13'/>\"; \
         net-dumpxml default --xpath //host",
    ));
}

#[test]
fn dhcp_host_errors() {
    compat(&host_then(
        "net-update default add ip-dhcp-host \"<host mac='52:54:00:00:00:01' ip='192.168.122.11'/>\"",
    ));
    compat("net-update default modify ip-dhcp-host \"<host mac='52:54:00:00:00:01' ip='192.168.122.10'/>\"");
    compat("net-update default delete ip-dhcp-host \"<host mac='52:54:00:00:00:01'/>\"");
    compat("net-update default delete ip-dhcp-host \"<host/>\"");
    compat(
        "net-update default add ip-dhcp-host \"<host mac='52:54:00:00:00:01' ip='2001:db8::1'/>\"",
    );
    compat(&format!(
        "net-update default add ip-dhcp-host {H1} --parent-index 1"
    ));
    compat("net-update default add ip-dhcp-host \"<hostx/>\"");
    compat("net-update default add ip-dhcp-host \"<host ip='192.168.122.10'/>\"");
    compat("net-update default add ip-dhcp-host \"<host mac='52:54:00:00:00:01'/>\"");
    compat("net-update default add ip-dhcp-host \"<host mac='zz' ip='192.168.122.10'/>\"");
    compat("net-update default add ip-dhcp-host \"<host mac='01:00:00:00:00:01' ip='192.168.122.10'/>\"");
    compat("net-update default add ip-dhcp-host \"<host name='-x' ip='192.168.122.10'/>\"");
    compat("net-update default add ip-dhcp-host \"<host name='x' ip='bad'/>\"");
}

#[test]
fn dhcp_range() {
    compat(
        "net-update default add ip-dhcp-range \"<range start='192.168.122.2' end='192.168.122.10'/>\"; \
         net-update default add-first ip-dhcp-range \"<range start='192.168.122.11' end='192.168.122.20'/>\"; \
         net-dumpxml default --xpath //dhcp; \
         net-update default delete ip-dhcp-range \"<range start='192.168.122.2' end='192.168.122.254'/>\"; \
         net-dumpxml default --xpath //dhcp",
    );
}

#[test]
fn dhcp_range_errors() {
    compat("net-update default add ip-dhcp-range \"<range start='192.168.122.2' end='192.168.122.254'/>\"");
    compat("net-update default delete ip-dhcp-range \"<range start='192.168.122.2' end='192.168.122.9'/>\"");
    compat("net-update default modify ip-dhcp-range \"<range start='192.168.122.2' end='192.168.122.254'/>\"");
    compat("net-update default add ip-dhcp-range \"<range start='10.0.0.1' end='10.0.0.5'/>\"");
    compat("net-update default add ip-dhcp-range \"<range end='10.0.0.5'/>\"");
    compat("net-update default add ip-dhcp-range \"<range start='192.168.122.3'/>\"");
    compat("net-update default add ip-dhcp-range \"<range start='192.168.122.20' end='192.168.122.10'/>\"");
    compat("net-update default add ip-dhcp-range \"<host/>\"");
}

#[test]
fn forward_interface() {
    compat(
        "net-update default add forward-interface \"<interface dev='eth0'/>\"; \
         net-dumpxml default; \
         net-update default add-first forward-interface \"<interface dev='eth1'/>\"; \
         net-update default add forward-interface \"<interface dev='eth0'/>\"; \
         net-update default delete forward-interface \"<interface dev='eth9'/>\"; \
         net-update default modify forward-interface \"<interface dev='eth0'/>\"; \
         net-update default add forward-interface \"<interface/>\"; \
         net-update default delete forward-interface \"<interface dev='eth0'/>\"; \
         net-dumpxml default",
    );
}

#[test]
fn portgroup() {
    compat(
        "net-update default add portgroup \"<portgroup name='pg1' default='yes'/>\"; \
         net-update default add portgroup \"<portgroup name='pg2' default='yes'/>\"; \
         net-update default add-first portgroup \"<portgroup name='pg0'/>\"; \
         net-update default add portgroup \"<portgroup name='pg1'/>\"; \
         net-update default modify portgroup \"<portgroup name='pg1'><vlan><tag id='5'/></vlan></portgroup>\"; \
         net-dumpxml default; \
         net-update default delete portgroup \"<portgroup name='nosuch'/>\"; \
         net-update default modify portgroup \"<portgroup name='nosuch'/>\"; \
         net-update default add portgroup \"<portgroup/>\"; \
         net-update default delete portgroup \"<portgroup name='pg0'/>\"; \
         net-dumpxml default --xpath //portgroup/@name",
    );
}

#[test]
fn dns_host() {
    compat(
        "net-update default add dns-host \"<host ip='192.168.122.5'><hostname>a</hostname></host>\"; \
         net-update default add-first dns-host \"<host ip='192.168.122.6'><hostname>a</hostname><hostname>b</hostname></host>\"; \
         net-dumpxml default; \
         net-update default add dns-host \"<host ip='192.168.122.5'><hostname>c</hostname></host>\"; \
         net-update default delete dns-host \"<host><hostname>a</hostname></host>\"; \
         net-update default delete dns-host \"<host ip='192.168.122.5'/>\"; \
         net-update default delete dns-host \"<host ip='192.168.122.9'/>\"; \
         net-update default modify dns-host \"<host ip='1.2.3.4'/>\"; \
         net-update default add dns-host \"<host ip='1.2.3.4'/>\"; \
         net-update default add dns-host \"<host><hostname>z</hostname></host>\"; \
         net-update default add dns-host \"<host ip='x'><hostname>z</hostname></host>\"; \
         net-update default delete dns-host \"<host/>\"; \
         net-dumpxml default --xpath //dns",
    );
}

#[test]
fn dns_txt() {
    compat(
        "net-update default add dns-txt \"<txt name='t1' value='v1'/>\"; \
         net-update default add-first dns-txt \"<txt name='t2' value='v2'/>\"; \
         net-dumpxml default --xpath //dns; \
         net-update default add dns-txt \"<txt name='t1' value='x'/>\"; \
         net-update default delete dns-txt \"<txt name='t1'/>\"; \
         net-update default delete dns-txt \"<txt name='t1'/>\"; \
         net-update default add dns-txt \"<txt value='x'/>\"; \
         net-update default add dns-txt \"<txt name='a b' value='x'/>\"; \
         net-update default add dns-txt \"<txt name='q'/>\"; \
         net-update default modify dns-txt \"<txt name='q'/>\"; \
         net-dumpxml default",
    );
}

#[test]
fn dns_srv() {
    compat(
        "net-update default add dns-srv \"<srv service='name' protocol='tcp' domain='test-domain-name' target='.' port='1024' priority='10' weight='10'/>\"; \
         net-update default add-first dns-srv \"<srv service='ldap' protocol='udp'/>\"; \
         net-dumpxml default; \
         net-update default add dns-srv \"<srv service='name' protocol='tcp'/>\"; \
         net-update default delete dns-srv \"<srv service='name'/>\"; \
         net-update default delete dns-srv \"<srv service='zz'/>\"; \
         net-update default add dns-srv \"<srv protocol='tcp'/>\"; \
         net-update default add dns-srv \"<srv service='x'/>\"; \
         net-update default add dns-srv \"<srv service='x' protocol='udp' port='5'/>\"; \
         net-update default add dns-srv \"<srv service='x' protocol='udp' target='t' port='0'/>\"; \
         net-update default add dns-srv \"<srv service='x' protocol='udp' target='t' priority='70000'/>\"; \
         net-update default add dns-srv \"<srv service='x.y' protocol='udp'/>\"; \
         net-update default modify dns-srv \"<srv service='x'/>\"; \
         net-dumpxml default --xpath //dns",
    );
}

#[test]
fn unsupported_sections() {
    compat("net-update default add bridge \"<bridge name='x'/>\"");
    compat("net-update default add domain \"<domain name='x'/>\"");
    compat("net-update default add ip \"<ip address='10.0.0.1'/>\"");
    compat("net-update default add forward \"<forward mode='route'/>\"");
    compat("net-update default add forward-pf \"<pf dev='eth0'/>\"");
}

#[test]
fn transient_config() {
    compat(
        "net-create net.xml; net-update net2 add portgroup \"<portgroup name='a'/>\" --config; \
         net-update net2 add portgroup \"<portgroup name='a'/>\"; net-dumpxml net2",
    );
}
