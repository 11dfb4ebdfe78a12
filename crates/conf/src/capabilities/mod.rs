//! Host capabilities: the `<capabilities>` document (`virCaps`).

mod caps;
mod guest;
mod host;

pub use caps::{domain_capabilities_test_default, Capabilities};
pub use guest::{GuestCaps, GuestDomain};
pub use host::{CellCpu, HostCaps, NumaCell, SecModel};
