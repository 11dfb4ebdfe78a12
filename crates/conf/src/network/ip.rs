//! Network `<ip>` (with `<dhcp>` and `<tftp>`) and `<route>` elements.

use std::net::IpAddr;

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use crate::xml::values::{parse_yes_no, yes_no};
use crate::xml::{Attrs, NodeExt, XmlWriter};

/// `<lease expiry='…' unit='…'/>` inside a DHCP range or host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lease {
    pub expiry: u64,
    pub unit: String,
}

/// `<range start='…' end='…'>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DhcpRange {
    pub start: String,
    pub end: String,
    pub lease: Option<Lease>,
}

/// `<host mac|id name ip>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DhcpHost {
    pub mac: Option<String>,
    pub id: Option<String>,
    pub name: Option<String>,
    pub ip: Option<String>,
    pub lease: Option<Lease>,
}

/// `<dhcp>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dhcp {
    pub ranges: Vec<DhcpRange>,
    pub hosts: Vec<DhcpHost>,
    pub bootp_file: Option<String>,
    pub bootp_server: Option<String>,
}

/// One `<ip>` of a network.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IpDef {
    pub family: Option<String>,
    pub address: Option<String>,
    pub netmask: Option<String>,
    pub prefix: Option<u32>,
    pub local_ptr: Option<bool>,
    pub tftp_root: Option<String>,
    pub dhcp: Dhcp,
}

/// A static `<route>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Route {
    pub family: Option<String>,
    pub address: Option<String>,
    pub netmask: Option<String>,
    pub prefix: Option<u32>,
    pub gateway: Option<String>,
    pub metric: Option<u32>,
}

fn xml_err(detail: String) -> VirError {
    VirError::new(ErrorCode::XmlError, ErrorDomain::Network, detail)
}

fn check_addr(value: Option<&str>, net: &str) -> VirResult<Option<String>> {
    match value {
        None => Ok(None),
        Some(v) => {
            if v.parse::<IpAddr>().is_err() {
                return Err(xml_err(format!("Invalid address '{v}' in network '{net}'")));
            }
            Ok(Some(v.to_string()))
        }
    }
}

fn parse_lease(node: roxmltree::Node) -> Option<Lease> {
    let l = node.child("lease")?;
    let expiry = l.attr("expiry").and_then(|e| e.parse().ok()).unwrap_or(0);
    Some(Lease {
        expiry,
        unit: l.attr("unit").unwrap_or("minutes").to_string(),
    })
}

fn format_lease(w: &mut XmlWriter, l: &Lease) {
    if l.expiry == 0 {
        w.empty("lease", Attrs::new().add("expiry", 0));
    } else {
        w.empty(
            "lease",
            Attrs::new().add("expiry", l.expiry).add("unit", &l.unit),
        );
    }
}

impl IpDef {
    /// Reads `<ip>` (`virNetworkIPDefParseXML`).
    pub fn parse(node: roxmltree::Node, net: &str) -> VirResult<IpDef> {
        let address = check_addr(node.attr("address"), net)?;
        let netmask = check_addr(node.attr("netmask"), net)?;
        let prefix = match node.attr("prefix") {
            None => None,
            Some(p) => Some(p.parse::<u32>().map_err(|_| {
                xml_err(format!(
                    "Invalid ip address prefix value '{p}' in network '{net}'"
                ))
            })?),
        };
        let mut dhcp = Dhcp::default();
        if let Some(d) = node.child("dhcp") {
            for r in d.children_named("range") {
                dhcp.ranges.push(DhcpRange {
                    start: r.attr("start").unwrap_or("").to_string(),
                    end: r.attr("end").unwrap_or("").to_string(),
                    lease: parse_lease(r),
                });
            }
            for h in d.children_named("host") {
                dhcp.hosts.push(DhcpHost {
                    mac: h.attr("mac").map(str::to_string),
                    id: h.attr("id").map(str::to_string),
                    name: h.attr("name").map(str::to_string),
                    ip: h.attr("ip").map(str::to_string),
                    lease: parse_lease(h),
                });
            }
            if let Some(b) = d.child("bootp") {
                dhcp.bootp_file = b.attr("file").map(str::to_string);
                dhcp.bootp_server = b.attr("server").map(str::to_string);
            }
        }
        Ok(IpDef {
            family: node.attr("family").map(str::to_string),
            address,
            netmask,
            prefix,
            local_ptr: node.attr("localPtr").and_then(parse_yes_no),
            tftp_root: node
                .child("tftp")
                .and_then(|t| t.attr("root"))
                .map(str::to_string),
            dhcp,
        })
    }

    /// Writes `<ip>` (always with an explicit end tag, as libvirt does).
    pub fn format(&self, w: &mut XmlWriter) {
        w.open(
            "ip",
            Attrs::new()
                .opt("family", self.family.as_deref())
                .opt("address", self.address.as_deref())
                .opt("netmask", self.netmask.as_deref())
                .opt("prefix", self.prefix)
                .opt("localPtr", self.local_ptr.map(yes_no)),
        );
        if let Some(t) = &self.tftp_root {
            w.empty("tftp", Attrs::new().add("root", t));
        }
        let d = &self.dhcp;
        if !d.ranges.is_empty() || !d.hosts.is_empty() || d.bootp_file.is_some() {
            w.open("dhcp", Attrs::new());
            for r in &d.ranges {
                let a = Attrs::new().add("start", &r.start).add("end", &r.end);
                match &r.lease {
                    None => w.empty("range", a),
                    Some(l) => {
                        w.open("range", a);
                        format_lease(w, l);
                        w.close("range");
                    }
                }
            }
            for h in &d.hosts {
                let a = Attrs::new()
                    .opt("mac", h.mac.as_deref())
                    .opt("id", h.id.as_deref())
                    .opt("name", h.name.as_deref())
                    .opt("ip", h.ip.as_deref());
                match &h.lease {
                    None => w.empty("host", a),
                    Some(l) => {
                        w.open("host", a);
                        format_lease(w, l);
                        w.close("host");
                    }
                }
            }
            if let Some(f) = &d.bootp_file {
                w.empty(
                    "bootp",
                    Attrs::new()
                        .add("file", f)
                        .opt("server", d.bootp_server.as_deref()),
                );
            }
            w.close("dhcp");
        }
        w.close("ip");
    }
}

impl Route {
    /// Reads `<route>`.
    pub fn parse(node: roxmltree::Node, net: &str) -> VirResult<Route> {
        Ok(Route {
            family: node.attr("family").map(str::to_string),
            address: check_addr(node.attr("address"), net)?,
            netmask: check_addr(node.attr("netmask"), net)?,
            prefix: node.attr("prefix").and_then(|p| p.parse().ok()),
            gateway: check_addr(node.attr("gateway"), net)?,
            metric: node.attr("metric").and_then(|p| p.parse().ok()),
        })
    }

    /// Writes `<route/>`.
    pub fn format(&self, w: &mut XmlWriter) {
        w.empty(
            "route",
            Attrs::new()
                .opt("family", self.family.as_deref())
                .opt("address", self.address.as_deref())
                .opt("netmask", self.netmask.as_deref())
                .opt("prefix", self.prefix)
                .opt("gateway", self.gateway.as_deref())
                .opt("metric", self.metric),
        );
    }
}
