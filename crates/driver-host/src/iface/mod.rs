//! Host interfaces as libvirt's udev interface backend shows them: a read-only view of
//! `/sys/class/net` (`interface_backend_udev.c`).

mod driver;
mod read;

pub use driver::HostInterfaceDriver;
pub use read::{interface_def, is_active, list_names};
