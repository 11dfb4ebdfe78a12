//! The QEMU driver (`qemu:///system`, `qemu:///embed?root=DIR`): capabilities probing,
//! XML → QEMU argv, process lifecycle over QMP, consoles, guest agent, and re-attach to
//! running guests after a daemon restart.

pub mod caps;
pub mod cgroup;
pub mod command;
pub mod conf_adapt;
mod connection;
pub mod dac;
pub mod domain;
mod factory;
mod hooks;
pub mod migration;
pub mod netport;
pub mod paths;
pub mod persist;
pub mod process;
pub mod qemu_ext;
pub mod sys;
pub mod volume;

pub use connection::QemuConnection;
pub use domain::{QemuDriver, QemuOptions};
pub use factory::QemuDriverFactory;
pub use netport::{DirectPlug, NetworkPortAllocator, PortInfo};
pub use paths::QemuPaths;
pub use volume::{ResolvedVolume, VolumeResolver};
