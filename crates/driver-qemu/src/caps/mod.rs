//! Emulator capabilities: probing over QMP, the on-disk cache, and the XML documents.

mod cache;
mod domcaps;
mod host;
mod kvm;
mod lazy;
mod model;
mod probe;
mod xml;

pub use cache::{load_cached, load_or_probe};
pub use domcaps::{domain_capabilities_xml, domain_caps_def};
pub use host::HostInfo;
pub use kvm::probe_kvm_usable;
pub use lazy::LazyCaps;
pub use model::{MachineType, QemuCaps};
pub use probe::probe_binary;
pub use xml::capabilities_xml;
