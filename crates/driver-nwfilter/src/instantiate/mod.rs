//! `virNWFilterInstantiateFilter` with nftables: filter trees and bindings turned into the
//! per-port chains of table `bridge rvirt_nwfilter`.

mod apply;
mod learning;
mod ruleset;
mod runner;
mod translate;
mod tree;
mod values;
mod vars;

pub use apply::render_binding;
pub(crate) use apply::{apply, ports, remove, ruleset};
pub(crate) use learning::learning_ruleset;
pub use ruleset::{PortRuleset, TABLE};
pub use runner::{NftCommand, NftRunner};
