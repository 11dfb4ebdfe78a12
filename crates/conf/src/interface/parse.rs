//! Reading `<interface>` documents (`virInterfaceDefParseXML`).

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::def::{
    BondDef, BridgeDef, InterfaceDef, InterfaceIp, InterfaceProtocol, InterfaceType, VlanDef,
};
use crate::xml::ident::{expect_root, invalid_attr, missing_attr};
use crate::xml::{parse_document, NodeExt};

const DOM: ErrorDomain = ErrorDomain::Interface;
const MAX_DEPTH: usize = 8;

fn xml_err(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::XmlError, DOM, detail)
}

fn parse_protocol(node: roxmltree::Node) -> VirResult<InterfaceProtocol> {
    let family = node.attr("family").unwrap_or("").to_string();
    if family != "ipv4" && family != "ipv6" {
        return Err(xml_err(format!("unsupported protocol family '{family}'")));
    }
    let dhcp = node.child("dhcp");
    let mut ips = Vec::new();
    for ip in node.children_named("ip") {
        let address = ip
            .attr("address")
            .ok_or_else(|| xml_err("Interface IP address misses address"))?;
        let prefix = match ip.attr("prefix") {
            None => None,
            Some(p) => Some(
                p.parse()
                    .map_err(|_| xml_err(format!("Invalid ip address prefix value '{p}'")))?,
            ),
        };
        ips.push(InterfaceIp {
            address: address.to_string(),
            prefix,
        });
    }
    Ok(InterfaceProtocol {
        autoconf: node.child("autoconf").is_some(),
        dhcp: dhcp.is_some(),
        peerdns: dhcp.and_then(|d| d.attr("peerdns")).map(str::to_string),
        ips,
        gateway: node
            .child("route")
            .and_then(|r| r.attr("gateway"))
            .map(str::to_string),
        family,
    })
}

fn parse_interface(node: roxmltree::Node, depth: usize) -> VirResult<InterfaceDef> {
    if depth > MAX_DEPTH {
        return Err(xml_err("interfaces nested too deeply"));
    }
    let if_type = match node.attr("type") {
        None => return Err(missing_attr("type", "interface")),
        Some(t) => {
            InterfaceType::from_name(t).ok_or_else(|| invalid_attr("type", "interface", t))?
        }
    };
    let name = node
        .attr("name")
        .ok_or_else(|| xml_err("interface has no name"))?
        .to_string();
    let start_mode = match node.child("start").map(|s| s.attr("mode").unwrap_or("")) {
        None => None,
        Some(m @ ("none" | "onboot" | "hotplug")) => Some(m.to_string()),
        Some(m) => return Err(xml_err(format!("unknown interface startmode {m}"))),
    };
    let mtu = match node.child("mtu").and_then(|m| m.attr("size")) {
        None => None,
        Some(s) => Some(
            s.parse()
                .map_err(|_| xml_err("interface mtu value is improper"))?,
        ),
    };
    let link = node.child("link");
    let members = |n: roxmltree::Node| -> VirResult<Vec<InterfaceDef>> {
        n.children_named("interface")
            .into_iter()
            .map(|c| parse_interface(c, depth + 1))
            .collect()
    };
    let bridge = match (if_type, node.child("bridge")) {
        (InterfaceType::Bridge, Some(b)) => Some(BridgeDef {
            stp: b.attr("stp").map(str::to_string),
            delay: b.attr("delay").map(str::to_string),
            ports: members(b)?,
        }),
        (InterfaceType::Bridge, None) => {
            return Err(xml_err("bridge interface misses the bridge element"))
        }
        _ => None,
    };
    let bond = match (if_type, node.child("bond")) {
        (InterfaceType::Bond, Some(b)) => {
            let s =
                |n: Option<roxmltree::Node>, a: &str| n.and_then(|n| n.attr(a)).map(str::to_string);
            let mii = b.child("miimon");
            let arp = b.child("arpmon");
            Some(BondDef {
                mode: b.attr("mode").map(str::to_string),
                miimon: mii.map(|_| {
                    [
                        s(mii, "freq"),
                        s(mii, "downdelay"),
                        s(mii, "updelay"),
                        s(mii, "carrier"),
                    ]
                }),
                arpmon: arp.map(|_| [s(arp, "interval"), s(arp, "target"), s(arp, "validate")]),
                slaves: members(b)?,
            })
        }
        (InterfaceType::Bond, None) => {
            return Err(xml_err("bond interface misses the bond element"))
        }
        _ => None,
    };
    let vlan = match (if_type, node.child("vlan")) {
        (InterfaceType::Vlan, Some(v)) => Some(VlanDef {
            tag: v.attr("tag").map(str::to_string),
            device: v
                .child("interface")
                .and_then(|i| i.attr("name"))
                .map(str::to_string),
        }),
        (InterfaceType::Vlan, None) => {
            return Err(xml_err("vlan interface misses the vlan element"))
        }
        _ => None,
    };
    Ok(InterfaceDef {
        name,
        if_type,
        start_mode,
        mtu,
        mac: node
            .child("mac")
            .and_then(|m| m.attr("address"))
            .map(str::to_string),
        link_speed: link
            .and_then(|l| l.attr("speed"))
            .and_then(|s| s.parse().ok()),
        link_state: link.and_then(|l| l.attr("state")).map(str::to_string),
        protocols: node
            .children_named("protocol")
            .into_iter()
            .map(parse_protocol)
            .collect::<VirResult<_>>()?,
        bridge,
        bond,
        vlan,
    })
}

impl InterfaceDef {
    /// Parses an `<interface>` document as `virInterfaceDefineXML` does.
    pub fn parse(xml: &str) -> VirResult<InterfaceDef> {
        let doc = parse_document(xml, "interface_definition", DOM)?;
        let root = doc.root_element();
        expect_root(root, "interface", DOM)?;
        parse_interface(root, 0)
    }
}
