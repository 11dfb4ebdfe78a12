//! Host interfaces over synthetic and real sysfs.

use crate::fake::Tree;
use rvirt_core::driver::InterfaceDriver;
use rvirt_core::error::ErrorCode;
use rvirt_core::handle::InterfaceRef;
use rvirt_driver_host::HostInterfaceDriver;

fn tree() -> Tree {
    let t = Tree::new();
    t.netdev(
        "devices/pci0000:00/0000:00:03.0/virtio2",
        "eth0",
        "52:54:00:aa:bb:01",
        "up",
        "",
    );
    t.netdev(
        "devices/pci0000:00/0000:00:04.0/virtio3",
        "eth1",
        "52:54:00:aa:bb:02",
        "down",
        "",
    );
    // a bridge with eth1 and a guest tap as ports
    t.netdev(
        "devices/virtual",
        "br0",
        "52:54:00:aa:bb:03",
        "up",
        "DEVTYPE=bridge\n",
    );
    t.file("devices/virtual/net/br0/bridge/forward_delay", "1500\n");
    t.file("devices/virtual/net/br0/bridge/stp_state", "0\n");
    t.mkdir("devices/virtual/net/br0/brif");
    t.link("devices/virtual/net/br0/brif/eth1", "../../eth1");
    t.link("devices/virtual/net/br0/brif/vnet0", "../../vnet0");
    // a VLAN on eth0
    t.netdev(
        "devices/virtual",
        "eth0.42",
        "52:54:00:aa:bb:01",
        "lowerlayerdown",
        "DEVTYPE=vlan\n",
    );
    // a tap device: hidden from lists
    t.netdev("devices/virtual", "vnet0", "fe:54:00:00:00:09", "up", "");
    t.file("devices/virtual/net/vnet0/tun_flags", "0x1002\n");
    // loopback: type 772, operstate unknown
    t.netdev("devices/virtual", "lo", "00:00:00:00:00:00", "unknown", "");
    t.file("devices/virtual/net/lo/type", "772\n");
    t.file("devices/virtual/net/lo/mtu", "65536\n");
    t
}

fn r(name: &str, mac: &str) -> InterfaceRef {
    InterfaceRef {
        name: name.into(),
        mac: mac.into(),
    }
}

#[tokio::test]
async fn lists_with_filters() {
    let t = tree();
    let d = HostInterfaceDriver::open(t.root());
    let names = |v: Vec<InterfaceRef>| v.into_iter().map(|i| i.name).collect::<Vec<_>>();
    assert_eq!(
        names(d.list_all_interfaces(0).await.unwrap()),
        ["br0", "eth0", "eth0.42", "eth1", "lo"]
    );
    assert_eq!(
        names(d.list_all_interfaces(2).await.unwrap()),
        ["br0", "eth0"]
    );
    assert_eq!(
        names(d.list_all_interfaces(1).await.unwrap()),
        ["eth0.42", "eth1", "lo"]
    );
    let e = d.list_all_interfaces(4).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArg);
}

#[tokio::test]
async fn lookups_and_errors() {
    let t = tree();
    let d = HostInterfaceDriver::open(t.root());
    assert_eq!(
        d.interface_lookup_by_name("eth1").await.unwrap(),
        r("eth1", "52:54:00:aa:bb:02")
    );
    assert_eq!(
        d.interface_lookup_by_mac("52:54:00:aa:bb:02")
            .await
            .unwrap(),
        r("eth1", "52:54:00:aa:bb:02")
    );
    let e = d.interface_lookup_by_name("nope").await.unwrap_err();
    assert_eq!(
        e.message,
        "Interface not found: couldn't find interface named 'nope'"
    );
    let e = d
        .interface_lookup_by_mac("00:11:22:33:44:55")
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "Interface not found: couldn't find interface with MAC address '00:11:22:33:44:55'"
    );
    let e = d
        .interface_lookup_by_mac("52:54:00:aa:bb:01")
        .await
        .unwrap_err();
    assert_eq!(e.code.number(), 81);
    assert!(d.interface_is_active(&r("eth0", "")).await.unwrap());
    assert!(!d.interface_is_active(&r("eth1", "")).await.unwrap());
    let e = d.interface_lookup_by_name("../x").await.unwrap_err();
    assert_eq!(e.code, ErrorCode::NoInterface);
    let e = d.interface_define_xml("<interface/>", 0).await.unwrap_err();
    assert_eq!(
        e.message,
        "this function is not supported by the connection driver: virInterfaceDefineXML"
    );
    let e = d.interface_change_begin(0).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::NoSupport);
}

#[tokio::test]
async fn xml_matches_udev_backend() {
    let t = tree();
    let d = HostInterfaceDriver::open(t.root());
    let x = |n: &str| {
        let d = d.clone();
        let n = n.to_string();
        async move { d.interface_get_xml_desc(&r(&n, ""), 0).await.unwrap() }
    };
    assert_eq!(
        x("eth0").await,
        "<interface type='ethernet' name='eth0'>\n  <mtu size='1500'/>\n  <link speed='1000' state='up'/>\n  <mac address='52:54:00:aa:bb:01'/>\n</interface>\n"
    );
    assert_eq!(
        x("lo").await,
        "<interface type='ethernet' name='lo'>\n  <mtu size='65536'/>\n  <link state='unknown'/>\n  <mac address='00:00:00:00:00:00'/>\n</interface>\n"
    );
    assert_eq!(
        x("br0").await,
        "<interface type='bridge' name='br0'>\n  <mtu size='1500'/>\n  <bridge stp='off' delay='1500'>\n    <interface type='ethernet' name='eth1'>\n      <link state='down'/>\n      <mac address='52:54:00:aa:bb:02'/>\n    </interface>\n  </bridge>\n</interface>\n"
    );
    assert_eq!(
        x("eth0.42").await,
        "<interface type='vlan' name='eth0.42'>\n  <mtu size='1500'/>\n  <link state='lowerlayerdown'/>\n  <vlan tag='42'>\n    <interface name='eth0'/>\n  </vlan>\n</interface>\n"
    );
}

#[tokio::test]
async fn bond_xml_and_odd_content() {
    let t = tree();
    t.netdev(
        "devices/virtual",
        "bond0",
        "52:54:00:aa:bb:05",
        "up",
        "DEVTYPE=bond\n",
    );
    for (f, v) in [
        ("downdelay", "0"),
        ("updelay", "200"),
        ("miimon", "100"),
        ("arp_interval", "0"),
        ("mode", "active-backup 1"),
        ("arp_validate", "none 0"),
        ("use_carrier", "1"),
        ("arp_ip_target", ""),
    ] {
        t.file(
            &format!("devices/virtual/net/bond0/bonding/{f}"),
            &format!("{v}\n"),
        );
    }
    t.link("devices/virtual/net/bond0/lower_eth1", "../eth1");
    let d = HostInterfaceDriver::open(t.root());
    let xml = d.interface_get_xml_desc(&r("bond0", ""), 0).await.unwrap();
    assert_eq!(
        xml,
        "<interface type='bond' name='bond0'>\n  <mtu size='1500'/>\n  <link speed='1000' state='up'/>\n  <bond mode='active-backup'>\n    <miimon freq='100' updelay='200' carrier='netif'/>\n    <interface type='ethernet' name='eth1'>\n      <link state='down'/>\n      <mac address='52:54:00:aa:bb:02'/>\n    </interface>\n  </bond>\n</interface>\n"
    );
    // garbage in sysfs gives errors, never panics
    t.file("devices/virtual/net/bond0/bonding/mode", "garbage");
    let e = d
        .interface_get_xml_desc(&r("bond0", ""), 0)
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "internal error: Invalid format for 'bonding/mode' for 'bond0'"
    );
    t.file("class/net/eth1/mtu", "\u{0}\u{1}zz");
    let e = d
        .interface_get_xml_desc(&r("eth1", ""), 0)
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::InternalError);
    t.file("devices/virtual/net/eth0.42/operstate", "bogus\n");
    let e = d
        .interface_get_xml_desc(&r("eth0.42", ""), 0)
        .await
        .unwrap_err();
    assert_eq!(e.message, "internal error: unable to parse: bogus");
    t.file("devices/virtual/net/lo/operstate", "");
    assert!(d.list_all_interfaces(0).await.unwrap().len() == 6);
}

#[tokio::test]
async fn real_sys_lists_lo() {
    let d = HostInterfaceDriver::open("/sys".into());
    let all = d.list_all_interfaces(0).await.unwrap();
    assert!(all.iter().any(|i| i.name == "lo"));
    let xml = d.interface_get_xml_desc(&r("lo", ""), 0).await.unwrap();
    assert!(xml.starts_with("<interface type='ethernet' name='lo'>\n  <mtu size='"));
    assert!(xml.contains("<mac address='00:00:00:00:00:00'/>"));
}
