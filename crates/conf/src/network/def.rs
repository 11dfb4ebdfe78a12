//! The network definition model (`virNetworkDef`).

use super::dns::Dns;
use super::forward::Forward;
use super::ip::{IpDef, Route};
use super::netdev::{Bandwidth, VirtualPort, Vlan};
use super::portforward::PortForward;
use crate::domain::Element;

/// `<domain name='…' localOnly='…' register='…'/>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NetworkDomain {
    pub name: Option<String>,
    pub local_only: Option<bool>,
    pub register: Option<bool>,
}

/// `<portgroup>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PortGroup {
    pub name: String,
    pub is_default: bool,
    pub trust_guest_rx_filters: Option<bool>,
    pub vlan: Option<Vlan>,
    pub virtualport: Option<VirtualPort>,
    pub bandwidth: Option<Bandwidth>,
}

/// A virtual network definition (`<network>`), as `virNetworkDefineXML` takes it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NetworkDef {
    pub name: String,
    pub uuid: [u8; 16],
    /// `<title>` (one line).
    pub title: Option<String>,
    /// `<description>`.
    pub description: Option<String>,
    /// Namespaced children of `<metadata>`, kept verbatim (one per namespace).
    pub metadata: Vec<Element>,
    /// `connections='N'` (live only).
    pub connections: u32,
    /// `ipv6='yes'`: allow guest-to-guest IPv6 without a gateway.
    pub ipv6_nogw: bool,
    pub trust_guest_rx_filters: Option<bool>,
    pub forward: Forward,
    pub bridge: Option<String>,
    pub bridge_zone: Option<String>,
    pub mac_table_manager: Option<String>,
    /// Spanning tree on the bridge (`stp='on'` unless `off`).
    pub stp: bool,
    /// Bridge forward delay in seconds.
    pub delay: u64,
    pub mtu: Option<u32>,
    pub mac: Option<[u8; 6]>,
    pub domain: Option<NetworkDomain>,
    pub dns: Dns,
    pub vlan: Option<Vlan>,
    pub bandwidth: Option<Bandwidth>,
    pub port_isolated: Option<bool>,
    pub ips: Vec<IpDef>,
    pub routes: Vec<Route>,
    pub virtualport: Option<VirtualPort>,
    pub portgroups: Vec<PortGroup>,
    /// rvirt extension: `<rvirt:portforward>` elements (see [`PortForward`]).
    pub port_forwards: Vec<PortForward>,
}

/// Options for [`NetworkDef::format`] (`VIR_NETWORK_XML_INACTIVE`).
#[derive(Debug, Clone, Copy, Default)]
pub struct NetworkFormatOptions {
    pub inactive: bool,
}
