//! Network golden cases and property tests.

use proptest::prelude::*;
use rvirt_conf::network::{NetworkDef, NetworkFormatOptions};
use rvirt_conf::xml::values::format_uuid;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError};

use super::harness::run_kind;

/// The test driver's built-in network `default`.
const DEFAULT_NET_UUID: &str = "dd8fe884-6c02-601e-7551-cca97df1c5df";

/// `net-define` on a fresh `test:///default`: the model, plus the driver's name collision
/// with its built-in `default` network (emulated here; it is the driver's check, not the model's).
fn define(xml: &str) -> Result<String, VirError> {
    let def = NetworkDef::parse(xml)?;
    if def.name == "default" && format_uuid(&def.uuid) != DEFAULT_NET_UUID {
        return Err(VirError::new(
            ErrorCode::OperationFailed,
            ErrorDomain::Network,
            format!("network 'default' already exists with uuid {DEFAULT_NET_UUID}"),
        ));
    }
    Ok(def.format(&NetworkFormatOptions { inactive: false }))
}

#[test]
fn network_golden() {
    run_kind("network", "network", define);
}

#[test]
fn network_round_trip_is_stable() {
    let xml = "<network><name>x</name><uuid>81ff0d90-c91e-6742-64da-4a736edb9a9b</uuid>\
               <forward mode='nat' dev='eth0'/><ip address='10.0.0.1' prefix='24'><dhcp>\
               <range start='10.0.0.2' end='10.0.0.9'/></dhcp></ip></network>";
    let once = define(xml).map_err(|e| e.message);
    let twice = once.clone().and_then(|o| define(&o).map_err(|e| e.message));
    assert_eq!(once, twice);
    assert!(once
        .unwrap_or_default()
        .contains("<forward dev='eth0' mode='nat'>"));
}

#[test]
fn network_errors() {
    let e = NetworkDef::parse("<network><name>x</name>")
        .err()
        .map(|e| (e.code.number(), e.domain.number()));
    assert_eq!(e, Some((35, 19)));
    let e = NetworkDef::parse("<network/>")
        .err()
        .map(|e| (e.code.number(), e.message));
    assert_eq!(e, Some((21, "missing name information".to_string())));
    let e = NetworkDef::parse("<network><name>x</name><forward mode='foo'/></network>")
        .err()
        .map(|e| e.message);
    assert_eq!(
        e.as_deref(),
        Some("unsupported configuration: unknown forwarding type 'foo'")
    );
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn network_parser_never_panics(s in "\\PC{0,200}") {
        let _ = NetworkDef::parse(&s);
    }

    #[test]
    fn network_mutations_never_panic(pos in 0usize..400, del in 0usize..8, ins in "[<>/='a-z0-9 ]{0,6}") {
        let base = "<network><name>n</name><forward mode='hostdev' dev='x'><address type='pci' bus='0x3'/>\
                    </forward><bridge name='b' stp='off' delay='x'/><mac address='52:54:00:00:00:01'/>\
                    <dns enable='no'><txt name='a' value='b'/></dns><ip address='1.2.3.4' prefix='24'>\
                    <dhcp><range start='1' end='2'><lease expiry='3'/></range></dhcp></ip>\
                    <portgroup name='p'><vlan><tag id='1'/></vlan></portgroup></network>";
        let p = pos.min(base.len());
        let end = (p + del).min(base.len());
        let s = format!("{}{}{}", &base[..p], ins, &base[end..]);
        if let Ok(d) = NetworkDef::parse(&s) {
            let _ = d.format(&NetworkFormatOptions::default());
        }
    }
}
