//! libvirt's network filter driver (`nwfilterDriver`): `<filter>` definitions persisted
//! under the config dir and filter bindings kept as status files under the run dir.
//!
//! Bindings are enforced with nftables (instead of libvirt's ebtables/iptables): every
//! binding's filter tree becomes per-port chains in table `bridge rvirt_nwfilter`, applied
//! with one `nft -f -` transaction per port (see [`instantiate`]).

mod driver;
mod errors;
pub mod instantiate;
mod learn;
mod paths;
mod plan;
mod store;

pub use driver::NwFilterDriverImpl;
pub use instantiate::{render_binding, NftCommand, NftRunner, PortRuleset, TABLE};
pub use paths::NwFilterPaths;
