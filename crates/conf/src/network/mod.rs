//! Virtual networks: the `<network>` document (`virNetworkDef`).

mod def;
mod dns;
mod format;
mod forward;
mod ip;
mod meta;
pub mod netdev;
mod parse;
mod portforward;
pub mod update;

pub use def::{NetworkDef, NetworkDomain, NetworkFormatOptions, PortGroup};
pub use dns::{Dns, DnsForwarder, DnsHost, DnsSrv, DnsTxt};
pub use forward::{Forward, ForwardIf, ForwardMode, Nat, PciAddress};
pub use ip::{Dhcp, DhcpHost, DhcpRange, IpDef, Lease, Route};
pub use netdev::{Bandwidth, BandwidthRate, VirtualPort, Vlan, VlanTag};
pub use portforward::{PortForward, PortForwardProto, RVIRT_NETWORK_NS, RVIRT_NETWORK_PREFIX};
