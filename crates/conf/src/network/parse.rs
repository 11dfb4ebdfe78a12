//! Reading `<network>` documents (`virNetworkDefParseXML`).

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::def::{NetworkDef, NetworkDomain, PortGroup};
use super::dns::Dns;
use super::forward::Forward;
use super::ip::{IpDef, Route};
use super::meta::parse_meta;
use super::netdev::{Bandwidth, VirtualPort, Vlan};
use super::portforward::{self, parse_extensions};
use crate::xml::ident::{check_name, expect_root, read_uuid};
use crate::xml::values::{parse_mac, parse_yes_no};
use crate::xml::{parse_document, NodeExt};

const DOM: ErrorDomain = ErrorDomain::Network;

fn parse_portgroup(node: roxmltree::Node) -> PortGroup {
    PortGroup {
        name: node.attr("name").unwrap_or("").to_string(),
        is_default: node.attr("default") == Some("yes"),
        trust_guest_rx_filters: node.attr("trustGuestRxFilters").and_then(parse_yes_no),
        vlan: node.child("vlan").map(Vlan::parse),
        virtualport: node.child("virtualport").map(VirtualPort::parse),
        bandwidth: node.child("bandwidth").map(Bandwidth::parse),
    }
}

impl NetworkDef {
    /// Parses a `<network>` document as `virNetworkDefineXML` does.
    pub fn parse(xml: &str) -> VirResult<NetworkDef> {
        let doc = parse_document(xml, "network_definition", DOM)?;
        let root = doc.root_element();
        expect_root(root, "network", DOM)?;
        Self::from_node(root)
    }

    /// Builds the model from a `<network>` element.
    pub fn from_node(root: roxmltree::Node) -> VirResult<NetworkDef> {
        let name = check_name(root.child_text("name"), DOM)?;
        let uuid = read_uuid(root, DOM)?;
        let forward = match root.child("forward") {
            Some(f) => Forward::parse(f, &name)?,
            None => Forward::default(),
        };
        let bridge = root.child("bridge");
        let battr = |a: &str| bridge.and_then(|b| b.attr(a)).map(str::to_string);
        let mac = match root.child("mac").and_then(|m| m.attr("address")) {
            None => None,
            Some(m) => Some(parse_mac(m).ok_or_else(|| {
                VirError::new(
                    ErrorCode::XmlError,
                    DOM,
                    format!("Invalid bridge mac address '{m}' in network '{name}'"),
                )
            })?),
        };
        let mtu = match root.child("mtu").and_then(|m| m.attr("size")) {
            None => None,
            Some(s) => Some(s.parse().map_err(|_| {
                VirError::new(
                    ErrorCode::XmlError,
                    DOM,
                    format!("Invalid mtu size '{s}' in network '{name}'"),
                )
            })?),
        };
        let dns = match root.child("dns") {
            Some(d) => Dns::parse(d, &name)?,
            None => Dns::default(),
        };
        let ips: Vec<IpDef> = root
            .children_named("ip")
            .into_iter()
            .map(|i| IpDef::parse(i, &name))
            .collect::<VirResult<_>>()?;
        let meta = parse_meta(root)?;
        let port_forwards = parse_extensions(root, &name)?;
        portforward::validate(&port_forwards, forward.mode, &ips, &name)?;
        let routes = root
            .children_named("route")
            .into_iter()
            .map(|r| Route::parse(r, &name))
            .collect::<VirResult<_>>()?;
        Ok(NetworkDef {
            title: meta.title,
            description: meta.description,
            metadata: meta.metadata,
            port_forwards,
            connections: 0,
            ipv6_nogw: root.attr("ipv6") == Some("yes"),
            trust_guest_rx_filters: root.attr("trustGuestRxFilters").and_then(parse_yes_no),
            bridge: battr("name"),
            bridge_zone: battr("zone"),
            mac_table_manager: battr("macTableManager"),
            stp: battr("stp").as_deref() != Some("off"),
            delay: battr("delay").and_then(|d| d.parse().ok()).unwrap_or(0),
            mtu,
            mac,
            domain: root.child("domain").map(|d| NetworkDomain {
                name: d.attr("name").map(str::to_string),
                local_only: d.attr("localOnly").and_then(parse_yes_no),
                register: d.attr("register").and_then(parse_yes_no),
            }),
            dns,
            vlan: root.child("vlan").map(Vlan::parse),
            bandwidth: root.child("bandwidth").map(Bandwidth::parse),
            port_isolated: root
                .child("port")
                .and_then(|p| p.attr("isolated"))
                .and_then(parse_yes_no),
            ips,
            routes,
            virtualport: root.child("virtualport").map(VirtualPort::parse),
            portgroups: root
                .children_named("portgroup")
                .into_iter()
                .map(parse_portgroup)
                .collect(),
            forward,
            name,
            uuid,
        })
    }
}
