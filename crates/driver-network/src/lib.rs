//! libvirt's virtual network driver (`src/network/bridge_driver.c` in libvirt): networks
//! backed by real Linux bridges, an nftables table per network and one dnsmasq per network.
//!
//! Host changes go through `ip`, `nft`, `tc` and `dnsmasq` run with timeouts ([`runner`]);
//! the configurations those tools read are pure functions of the network XML ([`dnsmasq`],
//! [`nft`], [`qos`]) and are golden-tested. Guest NICs plug in through network ports
//! (`virNetworkPort*`), kept as status files so a restarted daemon knows them again.

pub mod addr;
pub mod dnsmasq;
mod driver;
mod errors;
mod files;
pub mod leases;
pub mod netdev;
pub mod nft;
mod objects;
mod policy;
mod portfwd;
mod ports;
mod portstore;
pub mod qos;
pub mod runner;
mod trait_impl;
mod update;
pub mod validate;

pub use driver::{NetworkDriverImpl, NetworkPaths};
pub use ports::PortInfo;
