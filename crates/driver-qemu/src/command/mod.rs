//! Domain XML → QEMU command line (`qemuBuildCommandLine`), one file per device family.

mod alias;
mod build;
mod chardev;
mod context;
mod disk;
mod graphics;
mod machine;
pub mod memory;
mod misc;
pub(crate) mod net;
mod pci;
mod util;
pub mod vcpus;

pub use alias::disk_index;
pub use build::{agent_path, build_command, AGENT_CHANNEL};
pub use context::{BuildContext, QemuCommand};
pub use pci::{assign_pci, pci_device_args};
pub use util::set_alias;

/// The `<alias name>` of a device in a live definition.
pub fn util_alias(d: &rvirt_conf::domain::Element) -> Option<&str> {
    util::alias(d)
}
