//! Error cases checked against libvirt 9.0's test driver (code, domain and message as
//! `virGetLastError` reported them; malformed-XML texts come from libxml2, so only code and
//! domain are compared for those).

use rvirt_conf::interface::InterfaceDef;
use rvirt_conf::network::NetworkDef;
use rvirt_conf::nodedev::NodeDeviceDef;
use rvirt_conf::storage::{PoolDef, VolumeDef};
use rvirt_core::error::VirError;

fn pool() -> PoolDef {
    match PoolDef::parse("<pool type='dir'><name>default-pool</name><target><path>/default-pool</path></target></pool>") {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    }
}

type Parser = fn(&str) -> Result<(), VirError>;

fn net(x: &str) -> Result<(), VirError> {
    NetworkDef::parse(x).map(|_| ())
}
fn pool_def(x: &str) -> Result<(), VirError> {
    PoolDef::parse(x).map(|_| ())
}
fn vol(x: &str) -> Result<(), VirError> {
    VolumeDef::parse(x, &pool()).map(|_| ())
}
fn iface(x: &str) -> Result<(), VirError> {
    InterfaceDef::parse(x).map(|_| ())
}
fn nodedev(x: &str) -> Result<(), VirError> {
    NodeDeviceDef::parse(x).map(|_| ())
}

const CASES: &[(Parser, &str, i32, i32, Option<&str>)] = &[
    (net, "<network><uuid>81ff0d90-c91e-6742-64da-4a736edb9a9b</uuid></network>", 21, 19, Some("missing name information")),
    (net, "<network><name>a/b</name></network>", 35, 5, Some("invalid char in name: /")),
    (net, "<network><name>b</name><uuid>zz</uuid></network>", 1, 19, Some("internal error: malformed uuid element")),
    (net, "<network><name>b</name><forward mode='foo'/></network>", 67, 19, Some("unsupported configuration: unknown forwarding type 'foo'")),
    (net, "<network><name>b</name></network", 35, 19, None),
    (net, "<netw><name>b</name></netw>", 27, 5, Some("XML error: expecting root element of 'network', not 'netw'")),
    (net, "<network><name>x</name><mac address='zz'/></network>", 27, 19, Some("XML error: Invalid bridge mac address 'zz' in network 'x'")),
    (net, "<network><name>x</name><ip address='1.2.3.x'/></network>", 27, 19, Some("XML error: Invalid address '1.2.3.x' in network 'x'")),
    (net, "<network><name>x</name><forward mode='nat' dev='a'><interface dev='b'/></forward></network>", 27, 19, Some("XML error: <forward dev='a'> must match first <interface dev='b'/> in network x")),
    (pool_def, "<pool><name>x</name></pool>", 27, 5, Some("XML error: Missing required attribute 'type' in element 'pool'")),
    (pool_def, "<pool type='foo'><name>x</name></pool>", 27, 5, Some("XML error: Invalid value for attribute 'type' in element 'pool': 'foo'.")),
    (pool_def, "<pool type='dir'><name>a/b</name><target><path>/a</path></target></pool>", 27, 18, Some("XML error: name a/b cannot contain '/'")),
    (pool_def, "<pool type='dir'><name>x</name><uuid>zz</uuid><target><path>/a</path></target></pool>", 27, 18, Some("XML error: malformed uuid element")),
    (pool_def, "<pool type='dir'><name>x</name></pool", 35, 18, None),
    (pool_def, "<pool type='dir'><target><path>/a</path></target></pool>", 27, 18, Some("XML error: missing pool source name element")),
    (pool_def, "<pool type='fs'><name>x</name><target><path>/a</path></target></pool>", 27, 18, Some("XML error: missing storage pool source device name")),
    (pool_def, "<pool type='netfs'><name>x</name><source><dir path='/x'/></source><target><path>/a</path></target></pool>", 27, 18, Some("XML error: missing storage pool source host name")),
    (pool_def, "<pool type='rbd'><name>x</name><source><host name='h'/></source></pool>", 27, 18, Some("XML error: element 'name' is mandatory for RBD pool")),
    (vol, "<volume><name>x</name></volume", 35, 18, None),
    (vol, "<volume><name>x</name></volume>", 27, 18, Some("XML error: missing capacity element")),
    (vol, "<volume><capacity>10</capacity></volume>", 27, 18, Some("XML error: missing volume name element")),
    (vol, "<volume><name>x</name><capacity>abc</capacity></volume>", 27, 18, Some("XML error: malformed capacity element")),
    (vol, "<volume><name>x</name><capacity unit='E'>100</capacity></volume>", 82, 0, Some("numerical overflow: value too large: 100E")),
    (vol, "<volume><name>x</name><capacity>1</capacity><target><permissions><mode>999</mode></permissions></target></volume>", 27, 18, Some("XML error: malformed octal mode")),
    (vol, "<volume><name>x</name><capacity>10</capacity><target><format type='foo'/></target></volume>", 67, 18, Some("unsupported configuration: unknown volume format type foo")),
    (vol, "<volume type='zz'><name>x</name><capacity>10</capacity></volume>", 67, 18, Some("unsupported configuration: unknown volume type 'zz'")),
    (iface, "<interface type='ethernet'/>", 27, 26, Some("XML error: interface has no name")),
    (iface, "<interface type='ethernet' name='x'", 35, 26, None),
    (iface, "<interface type='foo' name='x'/>", 27, 5, Some("XML error: Invalid value for attribute 'type' in element 'interface': 'foo'.")),
    (iface, "<interface name='x'/>", 27, 5, Some("XML error: Missing required attribute 'type' in element 'interface'")),
    (iface, "<interface type='ethernet' name='x'><start mode='zz'/></interface>", 27, 26, Some("XML error: unknown interface startmode zz")),
    (nodedev, "<device><capability type='pci'/></device", 35, 22, None),
    (nodedev, "<device><name>x</name></device>", 1, 22, Some("internal error: no device capabilities for 'x'")),
    (nodedev, "<device></device>", 1, 22, Some("internal error: no device capabilities for 'new device'")),
];

#[test]
fn errors_match_libvirt() {
    let mut failures = Vec::new();
    for (parse, xml, code, domain, message) in CASES {
        match parse(xml) {
            Ok(()) => failures.push(format!("{xml}: accepted")),
            Err(e) => {
                let msg_ok = message.is_none_or(|m| m == e.message);
                if e.code.number() != *code || e.domain.number() != *domain || !msg_ok {
                    failures.push(format!(
                        "{xml}: got {}/{} {:?}, want {code}/{domain} {message:?}",
                        e.code.number(),
                        e.domain.number(),
                        e.message
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
