//! The network `<dns>` element.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use crate::xml::values::{parse_yes_no, yes_no};
use crate::xml::{Attrs, NodeExt, XmlWriter};

/// `<forwarder domain='…' addr='…'/>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DnsForwarder {
    pub domain: Option<String>,
    pub addr: Option<String>,
}

/// `<txt name='…' value='…'/>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DnsTxt {
    pub name: String,
    pub value: String,
}

/// `<srv …/>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DnsSrv {
    pub service: Option<String>,
    pub protocol: Option<String>,
    pub domain: Option<String>,
    pub target: Option<String>,
    pub port: u32,
    pub priority: u32,
    pub weight: u32,
}

/// `<host ip='…'><hostname>…</hostname></host>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DnsHost {
    pub ip: String,
    pub hostnames: Vec<String>,
}

/// `<dns>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dns {
    pub enable: Option<bool>,
    pub forward_plain_names: Option<bool>,
    pub forwarders: Vec<DnsForwarder>,
    pub txts: Vec<DnsTxt>,
    pub srvs: Vec<DnsSrv>,
    pub hosts: Vec<DnsHost>,
}

impl Dns {
    /// Reads `<dns>` of network `net` (`virNetworkDNSDefParseXML`).
    pub fn parse(node: roxmltree::Node, net: &str) -> VirResult<Dns> {
        let num = |n: roxmltree::Node, a: &str| n.attr(a).and_then(|v| v.parse().ok()).unwrap_or(0);
        let dns = Dns {
            enable: node.attr("enable").and_then(parse_yes_no),
            forward_plain_names: node.attr("forwardPlainNames").and_then(parse_yes_no),
            forwarders: node
                .children_named("forwarder")
                .iter()
                .map(|f| DnsForwarder {
                    domain: f.attr("domain").map(str::to_string),
                    addr: f.attr("addr").map(str::to_string),
                })
                .collect(),
            txts: node
                .children_named("txt")
                .iter()
                .map(|t| DnsTxt {
                    name: t.attr("name").unwrap_or("").to_string(),
                    value: t.attr("value").unwrap_or("").to_string(),
                })
                .collect(),
            srvs: node
                .children_named("srv")
                .iter()
                .map(|s| DnsSrv {
                    service: s.attr("service").map(str::to_string),
                    protocol: s.attr("protocol").map(str::to_string),
                    domain: s.attr("domain").map(str::to_string),
                    target: s.attr("target").map(str::to_string),
                    port: num(*s, "port"),
                    priority: num(*s, "priority"),
                    weight: num(*s, "weight"),
                })
                .collect(),
            hosts: node
                .children_named("host")
                .iter()
                .map(|h| DnsHost {
                    ip: h.attr("ip").unwrap_or("").to_string(),
                    hostnames: h
                        .children_named("hostname")
                        .iter()
                        .map(|n| n.text().unwrap_or("").to_string())
                        .collect(),
                })
                .collect(),
        };
        if dns.enable == Some(false) && dns.has_content() {
            return Err(VirError::new(
                ErrorCode::XmlError,
                ErrorDomain::Network,
                format!("Extra data in disabled network '{net}'"),
            ));
        }
        Ok(dns)
    }

    fn has_content(&self) -> bool {
        self.forward_plain_names.is_some()
            || !self.forwarders.is_empty()
            || !self.txts.is_empty()
            || !self.srvs.is_empty()
            || !self.hosts.is_empty()
    }

    /// Writes `<dns>` (nothing when unset).
    pub fn format(&self, w: &mut XmlWriter) {
        let attrs = Attrs::new()
            .opt("enable", self.enable.map(yes_no))
            .opt("forwardPlainNames", self.forward_plain_names.map(yes_no));
        let children = !self.forwarders.is_empty()
            || !self.txts.is_empty()
            || !self.srvs.is_empty()
            || !self.hosts.is_empty();
        if !children {
            if !attrs.is_empty() {
                w.empty("dns", attrs);
            }
            return;
        }
        w.open("dns", attrs);
        for f in &self.forwarders {
            w.empty(
                "forwarder",
                Attrs::new()
                    .opt("domain", f.domain.as_deref())
                    .opt("addr", f.addr.as_deref()),
            );
        }
        for t in &self.txts {
            w.empty(
                "txt",
                Attrs::new().add("name", &t.name).add("value", &t.value),
            );
        }
        for s in &self.srvs {
            let nz = |v: u32| if v != 0 { Some(v) } else { None };
            w.empty(
                "srv",
                Attrs::new()
                    .opt("service", s.service.as_deref())
                    .opt("protocol", s.protocol.as_deref())
                    .opt("domain", s.domain.as_deref())
                    .opt("target", s.target.as_deref())
                    .opt("port", nz(s.port))
                    .opt("priority", nz(s.priority))
                    .opt("weight", nz(s.weight)),
            );
        }
        for h in &self.hosts {
            w.open("host", Attrs::new().add("ip", &h.ip));
            for n in &h.hostnames {
                w.text("hostname", Attrs::new(), n);
            }
            w.close("host");
        }
        w.close("dns");
    }
}
