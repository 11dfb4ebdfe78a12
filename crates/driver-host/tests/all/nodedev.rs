//! Node devices over a synthetic sysfs tree and the real /sys.

use crate::fake::Tree;
use rvirt_core::driver::NodeDeviceDriver;
use rvirt_core::error::ErrorCode;
use rvirt_core::event::EventBus;
use rvirt_core::handle::NodeDeviceRef;
use rvirt_driver_host::NodeDeviceDriverImpl;

const PCI: &str = "devices/pci0000:00/0000:00:03.0";
const PCI2: &str = "devices/pci0000:00/0000:00:02.0";

fn tree() -> Tree {
    let t = Tree::new();
    t.file("devices/virtual/dmi/id/product_name", "Standard PC\n");
    t.file("devices/virtual/dmi/id/sys_vendor", "QEMU\n");
    t.file(
        "devices/virtual/dmi/id/product_uuid",
        "6695eb01-f6a4-8304-79aa-97f2502e193f\n",
    );
    t.file("devices/virtual/dmi/id/bios_vendor", "SeaBIOS\n");
    for (dir, dev) in [(PCI, "0x1041"), (PCI2, "0x1042")] {
        t.file(
            &format!("{dir}/uevent"),
            "DRIVER=virtio-pci\nPCI_CLASS=20000\n",
        );
        t.file(&format!("{dir}/vendor"), "0x1af4\n");
        t.file(&format!("{dir}/device"), &format!("{dev}\n"));
        t.file(&format!("{dir}/class"), "0x020000\n");
        t.file(&format!("{dir}/numa_node"), "-1\n");
        t.link(&format!("{dir}/subsystem"), &t.abs("bus/pci"));
        t.link(
            &format!("{dir}/driver"),
            &t.abs("bus/pci/drivers/virtio-pci"),
        );
        t.file(&format!("{dir}/driver_override"), "(null)\n");
    }
    t.mkdir("bus/pci/drivers/virtio-pci");
    t.file("bus/pci/drivers/virtio-pci/unbind", "");
    t.file("bus/pci/drivers_probe", "");
    // virtio2 (not a libvirt device) → net under the PCI device
    t.file(&format!("{PCI}/virtio2/uevent"), "DRIVER=virtio_net\n");
    t.link(&format!("{PCI}/virtio2/subsystem"), &t.abs("bus/virtio"));
    t.netdev(
        &format!("{PCI}/virtio2"),
        "eth0",
        "52:54:00:aa:bb:01",
        "up",
        "",
    );
    // a virtio disk with a partition (partitions are not shown)
    let blk = format!("{PCI2}/virtio1/block/vda");
    t.file(&format!("{PCI2}/virtio1/vendor"), "0x1af4\n");
    t.file(
        &format!("{blk}/uevent"),
        "MAJOR=254\nMINOR=0\nDEVNAME=vda\nDEVTYPE=disk\n",
    );
    t.link(&format!("{blk}/subsystem"), &t.abs("class/block"));
    t.link(&format!("{blk}/device"), "../..");
    t.file(&format!("{blk}/size"), "2048\n");
    t.file(&format!("{blk}/removable"), "0\n");
    t.file(&format!("{blk}/queue/logical_block_size"), "512\n");
    t.file(
        &format!("{blk}/vda1/uevent"),
        "DEVNAME=vda1\nDEVTYPE=partition\n",
    );
    t.link(&format!("{blk}/vda1/subsystem"), &t.abs("class/block"));
    // USB: root hub and an interface
    let usb = "devices/pci0000:00/0000:00:01.2/usb1";
    t.file(
        &format!("{usb}/uevent"),
        "DEVTYPE=usb_device\nDEVNAME=bus/usb/001/001\n",
    );
    t.link(&format!("{usb}/subsystem"), &t.abs("bus/usb"));
    for (f, v) in [
        ("busnum", "1"),
        ("devnum", "1"),
        ("idVendor", "1d6b"),
        ("idProduct", "0001"),
        ("manufacturer", "Linux 6.1 uhci_hcd"),
        ("product", "UHCI Host Controller"),
    ] {
        t.file(&format!("{usb}/{f}"), &format!("{v}\n"));
    }
    let usbif = format!("{usb}/1-0:1.0");
    t.file(&format!("{usbif}/uevent"), "DEVTYPE=usb_interface\n");
    t.link(&format!("{usbif}/subsystem"), &t.abs("bus/usb"));
    for (f, v) in [
        ("bInterfaceNumber", "00"),
        ("bInterfaceClass", "09"),
        ("bInterfaceSubClass", "00"),
        ("bInterfaceProtocol", "00"),
    ] {
        t.file(&format!("{usbif}/{f}"), &format!("{v}\n"));
    }
    // SCSI host/target/device
    let host = "devices/pci0000:00/0000:00:05.0/host0";
    t.file(&format!("{host}/uevent"), "DEVTYPE=scsi_host\n");
    t.link(&format!("{host}/subsystem"), &t.abs("bus/scsi"));
    t.file(&format!("{host}/scsi_host/host0/unique_id"), "1\n");
    let tgt = format!("{host}/target0:0:0");
    t.file(&format!("{tgt}/uevent"), "DEVTYPE=scsi_target\n");
    t.link(&format!("{tgt}/subsystem"), &t.abs("bus/scsi"));
    let sd = format!("{tgt}/0:0:0:0");
    t.file(&format!("{sd}/uevent"), "DEVTYPE=scsi_device\n");
    t.link(&format!("{sd}/subsystem"), &t.abs("bus/scsi"));
    t.file(&format!("{sd}/type"), "5\n");
    t
}

fn dref(n: &str) -> NodeDeviceRef {
    NodeDeviceRef { name: n.into() }
}

#[tokio::test]
async fn names_parents_and_filters() {
    let t = tree();
    let d = NodeDeviceDriverImpl::open(t.root(), EventBus::new());
    let mut names = d.node_list_devices(None, 0).await.unwrap();
    names.sort();
    assert_eq!(
        names,
        [
            "block_vda",
            "computer",
            "net_eth0_52_54_00_aa_bb_01",
            "pci_0000_00_02_0",
            "pci_0000_00_03_0",
            "scsi_0_0_0_0",
            "scsi_host0",
            "scsi_target0_0_0",
            "usb_1_0_1_0",
            "usb_usb1",
        ]
    );
    let parent = |n: &'static str| {
        let d = d.clone();
        async move { d.node_device_get_parent(&dref(n)).await }
    };
    assert_eq!(
        parent("block_vda").await.unwrap().as_deref(),
        Some("pci_0000_00_02_0")
    );
    assert_eq!(
        parent("net_eth0_52_54_00_aa_bb_01")
            .await
            .unwrap()
            .as_deref(),
        Some("pci_0000_00_03_0")
    );
    assert_eq!(
        parent("usb_1_0_1_0").await.unwrap().as_deref(),
        Some("usb_usb1")
    );
    assert_eq!(
        parent("scsi_0_0_0_0").await.unwrap().as_deref(),
        Some("scsi_target0_0_0")
    );
    assert_eq!(
        parent("scsi_host0").await.unwrap().as_deref(),
        Some("computer")
    );
    let e = parent("computer").await.unwrap_err();
    assert_eq!(e.message, "internal error: no parent for this device");

    let list = |flags: u32| {
        let d = d.clone();
        async move {
            let mut v: Vec<String> = d
                .list_all_node_devices(flags)
                .await
                .unwrap()
                .into_iter()
                .map(|r| r.name)
                .collect();
            v.sort();
            v
        }
    };
    assert_eq!(list(1 << 1).await, ["pci_0000_00_02_0", "pci_0000_00_03_0"]);
    assert_eq!(
        list((1 << 8) | (1 << 4)).await,
        ["block_vda", "net_eth0_52_54_00_aa_bb_01"]
    );
    // virsh 9.0 adds VIR_CONNECT_LIST_NODE_DEVICES_ACTIVE (1<<31): every udev device is active
    assert_eq!(list(0x8000_0001).await, ["computer"]);
    assert!(list(1 << 30).await.is_empty());
    assert_eq!(list(0).await.len(), 10);
    let e = d.list_all_node_devices(1 << 25).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArg);
    assert_eq!(
        d.node_list_devices(Some("usb_device".into()), 0)
            .await
            .unwrap(),
        ["usb_usb1"]
    );
    assert_eq!(
        d.node_device_list_caps(&dref("scsi_host0")).await.unwrap(),
        ["scsi_host"]
    );
    let e = d.node_device_lookup_by_name("nosuch").await.unwrap_err();
    assert_eq!(
        e.message,
        "Node device not found: no node device with matching name 'nosuch'"
    );
}

#[tokio::test]
async fn exact_xml() {
    let t = tree();
    let d = NodeDeviceDriverImpl::open(t.root(), EventBus::new());
    let x = |n: &'static str| {
        let d = d.clone();
        async move { d.node_device_get_xml_desc(&dref(n), 0).await.unwrap() }
    };
    let root = t.abs("");
    let root = root.trim_end_matches('/');
    assert_eq!(
        x("computer").await,
        "<device>\n  <name>computer</name>\n  <capability type='system'>\n    <product>Standard PC</product>\n    <hardware>\n      <vendor>QEMU</vendor>\n      <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>\n    </hardware>\n    <firmware>\n      <vendor>SeaBIOS</vendor>\n    </firmware>\n  </capability>\n</device>\n"
    );
    assert_eq!(
        x("pci_0000_00_03_0").await,
        format!("<device>\n  <name>pci_0000_00_03_0</name>\n  <path>{root}/{PCI}</path>\n  <parent>computer</parent>\n  <driver>\n    <name>virtio-pci</name>\n  </driver>\n  <capability type='pci'>\n    <class>0x020000</class>\n    <domain>0</domain>\n    <bus>0</bus>\n    <slot>3</slot>\n    <function>0</function>\n    <product id='0x1041'/>\n    <vendor id='0x1af4'/>\n  </capability>\n</device>\n")
    );
    assert_eq!(
        x("block_vda").await,
        format!("<device>\n  <name>block_vda</name>\n  <path>{root}/{PCI2}/virtio1/block/vda</path>\n  <devnode type='dev'>/dev/vda</devnode>\n  <parent>pci_0000_00_02_0</parent>\n  <capability type='storage'>\n    <block>/dev/vda</block>\n    <drive_type>disk</drive_type>\n    <vendor>0x1af4</vendor>\n    <size>1048576</size>\n    <logical_block_size>512</logical_block_size>\n    <num_blocks>2048</num_blocks>\n  </capability>\n</device>\n")
    );
    assert_eq!(
        x("net_eth0_52_54_00_aa_bb_01").await,
        format!("<device>\n  <name>net_eth0_52_54_00_aa_bb_01</name>\n  <path>{root}/{PCI}/virtio2/net/eth0</path>\n  <parent>pci_0000_00_03_0</parent>\n  <capability type='net'>\n    <interface>eth0</interface>\n    <address>52:54:00:aa:bb:01</address>\n    <link speed='1000' state='up'/>\n    <capability type='80203'/>\n  </capability>\n</device>\n")
    );
    assert!(x("usb_usb1").await.contains("  <devnode type='dev'>/dev/bus/usb/001/001</devnode>\n  <parent>computer</parent>\n  <capability type='usb_device'>\n    <bus>1</bus>\n    <device>1</device>\n    <product id='0x0001'>UHCI Host Controller</product>\n    <vendor id='0x1d6b'>Linux 6.1 uhci_hcd</vendor>\n  </capability>\n"));
    assert!(x("usb_1_0_1_0").await.contains("<capability type='usb'>\n    <number>0</number>\n    <class>9</class>\n    <subclass>0</subclass>\n    <protocol>0</protocol>\n  </capability>"));
    assert!(x("scsi_host0").await.contains("<capability type='scsi_host'>\n    <host>0</host>\n    <unique_id>1</unique_id>\n  </capability>"));
    assert!(x("scsi_target0_0_0")
        .await
        .contains("<target>target0:0:0</target>"));
    assert!(x("scsi_0_0_0_0").await.contains("<host>0</host>\n    <bus>0</bus>\n    <target>0</target>\n    <lun>0</lun>\n    <type>cdrom</type>"));
}

#[tokio::test]
async fn pci_detach_reattach_reset_write_sysfs() {
    let t = tree();
    let d = NodeDeviceDriverImpl::open(t.root(), EventBus::new());
    let dev = dref("pci_0000_00_03_0");
    d.node_device_detach(&dev, None, 0).await.unwrap();
    let rd = |p: &str| std::fs::read_to_string(t.dir.path().join(p)).unwrap();
    assert_eq!(rd(&format!("{PCI}/driver_override")), "vfio-pci");
    assert_eq!(rd("bus/pci/drivers/virtio-pci/unbind"), "0000:00:03.0");
    assert_eq!(rd("bus/pci/drivers_probe"), "0000:00:03.0");
    d.node_device_reattach(&dev).await.unwrap();
    assert_eq!(rd(&format!("{PCI}/driver_override")), "\n");
    let e = d.node_device_reset(&dev).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::InternalError);
    t.file(&format!("{PCI}/reset"), "");
    d.node_device_reset(&dev).await.unwrap();
    assert_eq!(rd(&format!("{PCI}/reset")), "1");
    let e = d
        .node_device_detach(&dev, Some("kvm".into()), 0)
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::ConfigUnsupported);
    let e = d
        .node_device_detach(&dev, Some("xen".into()), 0)
        .await
        .unwrap_err();
    assert_eq!(e.message, "invalid argument: unknown driver name 'xen'");
    let e = d
        .node_device_detach(&dref("block_vda"), None, 0)
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "invalid argument: device block_vda is not a PCI device"
    );
}

#[tokio::test]
async fn odd_sysfs_content_never_panics() {
    let t = tree();
    t.file(&format!("{PCI}/vendor"), "\u{ff}garbage");
    t.file(&format!("{PCI}/config"), "\u{10}\u{0}");
    t.file("devices/pci0000:00/0000:zz:03.0/uevent", "PCI_CLASS=1\n");
    t.link(
        "devices/pci0000:00/0000:zz:03.0/subsystem",
        &t.abs("bus/pci"),
    );
    t.file("devices/weird/uevent", "DEVTYPE=scsi_device\n");
    t.link("devices/weird/subsystem", &t.abs("bus/scsi"));
    t.file("devices/weird2/uevent", "DEVTYPE=disk\n");
    t.link("devices/weird2/subsystem", &t.abs("class/block"));
    let d = NodeDeviceDriverImpl::open(t.root(), EventBus::new());
    let names = d.node_list_devices(None, 0).await.unwrap();
    assert_eq!(names.len(), 10);
    let xml = d
        .node_device_get_xml_desc(&dref("pci_0000_00_03_0"), 0)
        .await
        .unwrap();
    assert!(xml.contains("<vendor id='0x0000'/>"));
}

#[tokio::test]
async fn real_sys_smoke() {
    let d = NodeDeviceDriverImpl::open("/sys".into(), EventBus::new());
    let names = d.node_list_devices(None, 0).await.unwrap();
    assert!(names.iter().any(|n| n == "computer"));
    assert!(names.iter().any(|n| n.starts_with("net_lo_")));
    let sys = d.node_list_devices(Some("system".into()), 0).await.unwrap();
    assert_eq!(sys, ["computer"]);
    for n in &names {
        let xml = d.node_device_get_xml_desc(&dref(n), 0).await.unwrap();
        assert!(xml.starts_with(&format!("<device>\n  <name>{n}</name>\n")));
    }
}
