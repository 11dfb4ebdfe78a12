//! Secrets, node devices and capabilities: test-driver fixtures and property tests.

use proptest::prelude::*;
use rvirt_conf::capabilities::{domain_capabilities_test_default, Capabilities};
use rvirt_conf::nodedev::{NodeDevCap, NodeDeviceDef, TEST_DRIVER_DEVICES};
use rvirt_conf::secret::{SecretDef, SecretUsageType};

#[test]
fn capabilities_match_test_driver() {
    // Fixture: virConnectGetCapabilities on test:///default (libvirt 9.0), taken via the C API.
    let want = include_str!("../golden/capabilities-test-default.xml");
    assert_eq!(Capabilities::test_driver_default().format(), want);
}

#[test]
fn domain_capabilities_unsupported_like_test_driver() {
    let e = domain_capabilities_test_default()
        .err()
        .map(|e| (e.code.number(), e.message));
    assert_eq!(
        e,
        Some((3, "this function is not supported by the connection driver: virConnectGetDomainCapabilities".into()))
    );
}

#[test]
fn nodedev_defaults_round_trip() {
    for (name, xml) in TEST_DRIVER_DEVICES {
        let dev = NodeDeviceDef::parse(xml).map_err(|e| e.message);
        assert_eq!(dev.as_ref().map(|d| d.name.as_str()), Ok(name));
        assert_eq!(dev.map(|d| d.format()).as_deref(), Ok(xml), "device {name}");
    }
    assert_eq!(
        NodeDeviceDef::test_driver_defaults().map(|v| v.len()).ok(),
        Some(4)
    );
}

#[test]
fn nodedev_create_documents() {
    let vport = "<device><parent>scsi_host1</parent><capability type='scsi_host'><capability type='fc_host'>\
                 <wwnn>2001001b32a9da4e</wwnn><wwpn>2101001b32a9da4e</wwpn></capability></capability></device>";
    let d = NodeDeviceDef::parse(vport).map_err(|e| e.message);
    let fc = d.as_ref().ok().and_then(|d| match d.caps.first() {
        Some(NodeDevCap::ScsiHost(h)) => h.fc_host.clone(),
        _ => None,
    });
    assert_eq!(fc.and_then(|f| f.wwnn).as_deref(), Some("2001001b32a9da4e"));
    assert_eq!(d.ok().and_then(|d| d.parent).as_deref(), Some("scsi_host1"));

    let mdev = "<device><parent>computer</parent><capability type='mdev'><type id='nvidia-11'/>\
                <uuid>b1ae8bf6-38b0-4c81-9d44-78ce3f520496</uuid><attr name='a' value='b'/></capability></device>";
    let out = NodeDeviceDef::parse(mdev).map(|mut d| {
        d.name = "mdev_b1ae8bf6_38b0_4c81_9d44_78ce3f520496".into();
        d.format()
    });
    assert_eq!(
        out.map_err(|e| e.message).as_deref(),
        Ok("<device>\n  <name>mdev_b1ae8bf6_38b0_4c81_9d44_78ce3f520496</name>\n  <parent>computer</parent>\n  \
            <capability type='mdev'>\n    <type id='nvidia-11'/>\n    <uuid>b1ae8bf6-38b0-4c81-9d44-78ce3f520496</uuid>\n    \
            <attr name='a' value='b'/>\n  </capability>\n</device>\n")
    );
}

#[test]
fn secret_round_trip() {
    let xml = "<secret ephemeral='no' private='yes'>\n  <uuid>0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f</uuid>\n  \
               <description>Super secret name of my first puppy</description>\n  <usage type='volume'>\n    \
               <volume>/var/lib/libvirt/images/puppyname.img</volume>\n  </usage>\n</secret>\n";
    let s = SecretDef::parse(xml).map_err(|e| e.message);
    assert_eq!(
        s.as_ref().map(|s| s.usage.usage_type),
        Ok(SecretUsageType::Volume)
    );
    assert_eq!(s.map(|s| s.format()).as_deref(), Ok(xml));
    let e = SecretDef::parse("<secret><usage type='ceph'/></secret>")
        .err()
        .map(|e| e.message);
    assert_eq!(
        e.as_deref(),
        Some("internal error: Ceph usage specified, but name is missing")
    );
    let e = SecretDef::parse("<secret")
        .err()
        .map(|e| (e.code.number(), e.domain.number()));
    assert_eq!(e, Some((35, 30)));
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn secret_and_nodedev_parsers_never_panic(s in "\\PC{0,200}") {
        let _ = SecretDef::parse(&s);
        let _ = NodeDeviceDef::parse(&s);
    }

    #[test]
    fn nodedev_mutations_never_panic(pos in 0usize..700, del in 0usize..8, ins in "[<>/='a-z0-9 ]{0,6}") {
        let base = TEST_DRIVER_DEVICES[1].1;
        let p = pos.min(base.len());
        let end = (p + del).min(base.len());
        let s = format!("{}{}{}", &base[..p], ins, &base[end..]);
        if let Ok(d) = NodeDeviceDef::parse(&s) {
            let _ = d.format();
        }
    }

    #[test]
    fn secret_mutations_never_panic(pos in 0usize..200, del in 0usize..8, ins in "[<>/='a-z0-9 ]{0,6}") {
        let base = "<secret ephemeral='yes' private='no'><uuid>0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f</uuid>\
                    <description>d</description><usage type='iscsi'><target>t</target></usage></secret>";
        let p = pos.min(base.len());
        let end = (p + del).min(base.len());
        let s = format!("{}{}{}", &base[..p], ins, &base[end..]);
        if let Ok(d) = SecretDef::parse(&s) {
            let _ = d.format();
        }
    }
}
