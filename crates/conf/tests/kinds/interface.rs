//! Host interface golden cases and property tests.

use proptest::prelude::*;
use rvirt_conf::interface::InterfaceDef;

use super::harness::run_kind;

fn define(xml: &str) -> Result<String, rvirt_core::error::VirError> {
    Ok(InterfaceDef::parse(xml)?.format())
}

#[test]
fn interface_golden() {
    run_kind("interface", "interface", define);
}

#[test]
fn interface_test_driver_default_eth1() {
    let xml = "<interface type='ethernet' name='eth1'>\n  <start mode='onboot'/>\n  <mtu size='1492'/>\n  \
               <protocol family='ipv4'>\n    <ip address='192.168.0.5' prefix='24'/>\n    \
               <route gateway='192.168.0.1'/>\n  </protocol>\n  <mac address='aa:bb:cc:dd:ee:ff'/>\n</interface>\n";
    assert_eq!(define(xml).map_err(|e| e.message).as_deref(), Ok(xml));
}

#[test]
fn interface_rules() {
    // libvirt drops <mac> on non-ethernet interfaces and <link> on a top-level bridge.
    let got = define(
        "<interface type='bridge' name='x'><mac address='aa:bb:cc:dd:ee:01'/><link state='up'/><bridge/></interface>",
    );
    assert_eq!(
        got.map_err(|e| e.message).as_deref(),
        Ok("<interface type='bridge' name='x'>\n  <bridge>\n  </bridge>\n</interface>\n")
    );
    let e = define("<interface type='ethernet'/>")
        .err()
        .map(|e| (e.code.number(), e.domain.number(), e.message));
    assert_eq!(
        e,
        Some((27, 26, "XML error: interface has no name".to_string()))
    );
    let e = define("<interface type='ethernet' name='x'><start mode='zz'/></interface>")
        .err()
        .map(|e| e.message);
    assert_eq!(
        e.as_deref(),
        Some("XML error: unknown interface startmode zz")
    );
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn interface_parser_never_panics(s in "\\PC{0,200}") {
        let _ = InterfaceDef::parse(&s);
    }

    #[test]
    fn interface_mutations_never_panic(pos in 0usize..400, del in 0usize..8, ins in "[<>/='a-z0-9 ]{0,6}") {
        let base = "<interface type='bridge' name='br0'><start mode='onboot'/><mtu size='1500'/><protocol family='ipv4'>\
                    <dhcp/><ip address='1.2.3.4' prefix='24'/></protocol><bridge stp='off'><interface type='bond' name='b'>\
                    <bond mode='x'><miimon freq='1'/><interface type='ethernet' name='e'/></bond></interface>\
                    <interface type='vlan' name='v'><vlan tag='4'><interface name='q'/></vlan></interface></bridge></interface>";
        let p = pos.min(base.len());
        let end = (p + del).min(base.len());
        let s = format!("{}{}{}", &base[..p], ins, &base[end..]);
        if let Ok(d) = InterfaceDef::parse(&s) {
            let _ = d.format();
        }
    }
}
