//! The node-device model this backend fills (a superset of what `rvirt_conf::nodedev`
//! models today: `devnode`, and the pci/usb/storage/scsi capabilities).

/// `<capability type='system'>` from DMI.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SystemCap {
    pub product: Option<String>,
    pub hw_vendor: Option<String>,
    pub hw_version: Option<String>,
    pub hw_serial: Option<String>,
    /// Always printed; all zeros when unknown.
    pub hw_uuid: String,
    pub fw_vendor: Option<String>,
    pub fw_version: Option<String>,
    pub fw_release_date: Option<String>,
}

/// A PCI address: (domain, bus, slot, function).
pub type PciAddr = (u32, u32, u32, u32);

/// `<pci-express>` link data (`virPCIEDeviceInfo`); `None` links print `<pci-express/>`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PciExpress {
    /// (port, speed code, width) from the link capabilities register.
    pub link_cap: Option<(u32, u32, u32)>,
    /// (speed code, width) from the link status register.
    pub link_sta: Option<(u32, u32)>,
}

/// `<capability type='pci'>`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PciCap {
    pub class: Option<u32>,
    pub domain: u32,
    pub bus: u32,
    pub slot: u32,
    pub function: u32,
    pub product: u32,
    pub product_name: Option<String>,
    pub vendor: u32,
    pub vendor_name: Option<String>,
    /// `<capability type='phys_function'>` address (domain, bus, slot, function).
    pub phys_function: Option<PciAddr>,
    pub iommu_group: Option<(u32, Vec<PciAddr>)>,
    pub numa_node: Option<i32>,
    pub pci_express: Option<PciExpress>,
}

/// `<capability type='usb_device'>`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UsbDevCap {
    pub bus: u32,
    pub device: u32,
    pub product: u32,
    pub product_name: Option<String>,
    pub vendor: u32,
    pub vendor_name: Option<String>,
}

/// `<capability type='usb'>` (a USB interface).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UsbIfCap {
    pub number: u32,
    pub class: u32,
    pub subclass: u32,
    pub protocol: u32,
}

/// `<capability type='net'>`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NetCap {
    pub interface: String,
    pub address: Option<String>,
    pub link_speed: u32,
    pub link_state: Option<String>,
    /// Offload features (`<feature name=…/>`), in libvirt's order.
    pub features: Vec<String>,
    /// `80203` (Ethernet) or `80211` (wireless).
    pub subtype: &'static str,
}

/// `<capability type='scsi'>`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScsiCap {
    pub host: u32,
    pub bus: u32,
    pub target: u32,
    pub lun: u32,
    pub type_name: Option<String>,
}

/// `<capability type='storage'>`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StorageCap {
    pub block: String,
    pub drive_type: String,
    pub model: Option<String>,
    pub vendor: Option<String>,
    pub removable: bool,
    pub size: u64,
    pub logical_block_size: u64,
    pub num_blocks: u64,
}

/// One capability.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cap {
    System(SystemCap),
    Pci(PciCap),
    UsbDevice(UsbDevCap),
    Usb(UsbIfCap),
    Net(NetCap),
    ScsiHost { host: u32, unique_id: Option<i64> },
    ScsiTarget { target: String },
    Scsi(ScsiCap),
    Storage(StorageCap),
}

impl Cap {
    /// `virNodeDevCapType` name.
    pub fn type_name(&self) -> &'static str {
        match self {
            Cap::System(_) => "system",
            Cap::Pci(_) => "pci",
            Cap::UsbDevice(_) => "usb_device",
            Cap::Usb(_) => "usb",
            Cap::Net(_) => "net",
            Cap::ScsiHost { .. } => "scsi_host",
            Cap::ScsiTarget { .. } => "scsi_target",
            Cap::Scsi(_) => "scsi",
            Cap::Storage(_) => "storage",
        }
    }
}

/// A node device (`virNodeDeviceDef`) as the udev backend builds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeDevice {
    pub name: String,
    /// The sysfs directory, as shown in `<path>`.
    pub sysfs_path: Option<String>,
    pub devnode: Option<String>,
    pub parent: Option<String>,
    pub driver: Option<String>,
    pub cap: Cap,
}
