//! libvirt's host-side secondary drivers as libvirtd serves them on `qemu:///system`:
//! host interfaces (the udev interface backend), node devices (the udev node-device
//! backend) — both read from sysfs, under a configurable root — and persistent secrets
//! (`secret_driver.c`).

pub mod iface;
pub mod linkinfo;
pub mod nodedev;
pub mod secret;
pub mod sysfs;

pub use iface::HostInterfaceDriver;
pub use nodedev::NodeDeviceDriverImpl;
pub use secret::SecretDriverImpl;
