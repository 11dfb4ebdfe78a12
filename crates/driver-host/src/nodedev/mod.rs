//! Node devices as libvirt's udev node-device backend shows them, read from sysfs
//! (`node_device_udev.c`): the `computer` root, PCI, USB devices and interfaces, network
//! interfaces, block storage and SCSI hosts/targets/devices.

mod caps;
mod driver;
mod format;
pub mod netwatch;
pub mod pci;
mod scan;

pub use caps::{
    Cap, NetCap, NodeDevice, PciCap, PciExpress, ScsiCap, StorageCap, SystemCap, UsbDevCap,
    UsbIfCap,
};
pub use driver::NodeDeviceDriverImpl;
pub use scan::scan;
