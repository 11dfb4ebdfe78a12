//! libvirt's network filter driver (`nwfilterDriver`): `<filter>` definitions persisted
//! under the config dir and filter bindings kept as status files under the run dir.
//!
//! Rules are stored and bound but not yet instantiated into the kernel (no ebtables,
//! iptables or nftables rules are written); creating a binding logs a warning saying so.

mod driver;
mod errors;
mod paths;
mod store;

pub use driver::NwFilterDriverImpl;
pub use paths::NwFilterPaths;
