//! rvirt's own network XML extension: `<rvirt:portforward>` (host port → guest IP:port).
//!
//! Declared under [`RVIRT_NETWORK_NS`] (prefix `rvirt`), the way libvirt keeps its own
//! `dnsmasq:` namespace for network XML: the prefix is declared on `<network>` (first
//! attribute) and the elements are written last, after `<portgroup>`s.

use std::net::Ipv4Addr;

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::forward::ForwardMode;
use super::ip::IpDef;
use crate::xml::ident::missing_attr;
use crate::xml::{Attrs, XmlWriter};

/// The namespace URI of rvirt's network XML extensions.
pub const RVIRT_NETWORK_NS: &str = "http://rvirt.org/schemas/network/1.0";
/// The prefix rvirt formats [`RVIRT_NETWORK_NS`] elements with.
pub const RVIRT_NETWORK_PREFIX: &str = "rvirt";

const ELEMENT: &str = "portforward";

/// `proto='tcp|udp'` of a port forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PortForwardProto {
    Tcp,
    Udp,
}

impl PortForwardProto {
    /// The XML (and nft) spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            PortForwardProto::Tcp => "tcp",
            PortForwardProto::Udp => "udp",
        }
    }

    /// Parses `tcp` or `udp`.
    pub fn from_name(s: &str) -> Option<PortForwardProto> {
        match s {
            "tcp" => Some(PortForwardProto::Tcp),
            "udp" => Some(PortForwardProto::Udp),
            _ => None,
        }
    }
}

/// `<rvirt:portforward proto hostport address port/>`: traffic to the host's `host_port`
/// is DNATed to `address:port` on the network (forward modes `nat` and `route` only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PortForward {
    pub proto: PortForwardProto,
    pub host_port: u16,
    pub address: Ipv4Addr,
    /// The guest port (`port=`; defaults to `hostport` when omitted).
    pub port: u16,
}

fn xml_err(detail: String) -> VirError {
    VirError::new(ErrorCode::XmlError, ErrorDomain::Network, detail)
}

fn unsupported(detail: String) -> VirError {
    VirError::new(ErrorCode::ConfigUnsupported, ErrorDomain::Network, detail)
}

fn parse_port(node: roxmltree::Node, attr: &str, net: &str) -> VirResult<Option<u16>> {
    let Some(v) = node.attribute(attr) else {
        return Ok(None);
    };
    let digits = !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit());
    match v.parse::<u16>() {
        Ok(p) if p > 0 && digits => Ok(Some(p)),
        _ => Err(xml_err(format!(
            "Invalid port forward {attr} '{}' in network '{net}': expected 1-65535",
            v.escape_debug()
        ))),
    }
}

/// Whether `addr` lies inside the IPv4 subnet of `ip` (`prefix=`, `netmask=` or classful).
fn ipv4_subnet_contains(ip: &IpDef, addr: Ipv4Addr) -> bool {
    let Some(base) = ip
        .address
        .as_deref()
        .and_then(|a| a.parse::<Ipv4Addr>().ok())
    else {
        return false;
    };
    let prefix = match (ip.prefix, ip.netmask.as_deref()) {
        (Some(p), _) => p,
        (None, Some(m)) => match m.parse::<Ipv4Addr>() {
            Ok(m) => u32::from(m).count_ones(),
            Err(_) => return false,
        },
        (None, None) => match base.octets()[0] {
            0..=127 => 8,
            128..=191 => 16,
            _ => 24,
        },
    };
    if prefix > 32 {
        return false;
    }
    let mask = u32::MAX.checked_shl(32 - prefix).unwrap_or(0);
    u32::from(base) & mask == u32::from(addr) & mask
}

impl PortForward {
    /// Reads one `<rvirt:portforward>` element of network `net`.
    pub fn parse(node: roxmltree::Node, net: &str) -> VirResult<PortForward> {
        let proto_s = node
            .attribute("proto")
            .ok_or_else(|| missing_attr("proto", ELEMENT))?;
        let proto = PortForwardProto::from_name(proto_s).ok_or_else(|| {
            xml_err(format!(
                "Invalid port forward proto '{}' in network '{net}': expected 'tcp' or 'udp'",
                proto_s.escape_debug()
            ))
        })?;
        let host_port =
            parse_port(node, "hostport", net)?.ok_or_else(|| missing_attr("hostport", ELEMENT))?;
        let addr_s = node
            .attribute("address")
            .ok_or_else(|| missing_attr("address", ELEMENT))?;
        let address = addr_s.parse::<Ipv4Addr>().map_err(|_| {
            xml_err(format!(
                "Invalid port forward address '{}' in network '{net}'",
                addr_s.escape_debug()
            ))
        })?;
        let port = parse_port(node, "port", net)?.unwrap_or(host_port);
        Ok(PortForward {
            proto,
            host_port,
            address,
            port,
        })
    }

    /// Writes `<rvirt:portforward …/>`.
    pub fn format(&self, w: &mut XmlWriter) {
        w.empty(
            &format!("{RVIRT_NETWORK_PREFIX}:{ELEMENT}"),
            Attrs::new()
                .add("proto", self.proto.as_str())
                .add("hostport", self.host_port)
                .add("address", self.address)
                .add("port", self.port),
        );
    }
}

/// Reads every element of `<network>` in [`RVIRT_NETWORK_NS`] (unknown ones are an error, so a
/// typo never silently drops a forward).
pub fn parse_extensions(root: roxmltree::Node, net: &str) -> VirResult<Vec<PortForward>> {
    let mut out = Vec::new();
    for c in root.children().filter(|c| c.is_element()) {
        if c.tag_name().namespace() != Some(RVIRT_NETWORK_NS) {
            continue;
        }
        if c.tag_name().name() != ELEMENT {
            return Err(unsupported(format!(
                "unknown rvirt network element '{}' in network '{net}'",
                c.tag_name().name().escape_debug()
            )));
        }
        out.push(PortForward::parse(c, net)?);
    }
    Ok(out)
}

/// Checks port forwards against the rest of the network: forward mode `nat` or `route`, the
/// address inside one of the network's IPv4 subnets, no host port forwarded twice.
pub fn validate(
    forwards: &[PortForward],
    mode: ForwardMode,
    ips: &[IpDef],
    net: &str,
) -> VirResult<()> {
    if forwards.is_empty() {
        return Ok(());
    }
    if !matches!(mode, ForwardMode::Nat | ForwardMode::Route) {
        return Err(unsupported(format!(
            "port forwarding in network '{net}' requires forward mode 'nat' or 'route', not '{}'",
            mode.as_str()
        )));
    }
    for (i, f) in forwards.iter().enumerate() {
        if !ips.iter().any(|ip| ipv4_subnet_contains(ip, f.address)) {
            return Err(unsupported(format!(
                "port forward address '{}' is not within an IPv4 subnet of network '{net}'",
                f.address
            )));
        }
        if forwards[..i]
            .iter()
            .any(|o| o.proto == f.proto && o.host_port == f.host_port)
        {
            return Err(unsupported(format!(
                "duplicate port forward for {} host port {} in network '{net}'",
                f.proto.as_str(),
                f.host_port
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{NetworkDef, NetworkFormatOptions};
    use super::*;

    fn net(mode: &str, pf: &str) -> VirResult<NetworkDef> {
        NetworkDef::parse(&format!(
            "<network xmlns:rvirt='{RVIRT_NETWORK_NS}'><name>pf</name>\
             <uuid>81ff0d90-c91e-6742-64da-4a736edb9a9b</uuid>{mode}\
             <bridge name='virbr5'/><ip address='192.168.150.1' netmask='255.255.255.0'/>\
             <ip family='ipv6' address='fd00:5::1' prefix='64'/>{pf}</network>"
        ))
    }

    const NAT: &str = "<forward mode='nat'/>";

    #[test]
    fn parses_and_formats_last_with_xmlns_first() {
        let d = net(
            NAT,
            "<rvirt:portforward proto='tcp' hostport='8080' address='192.168.150.10' port='80'/>\
             <rvirt:portforward proto='udp' hostport='5353' address='192.168.150.11'/>",
        )
        .unwrap();
        assert_eq!(
            d.port_forwards,
            vec![
                PortForward {
                    proto: PortForwardProto::Tcp,
                    host_port: 8080,
                    address: Ipv4Addr::new(192, 168, 150, 10),
                    port: 80,
                },
                PortForward {
                    proto: PortForwardProto::Udp,
                    host_port: 5353,
                    address: Ipv4Addr::new(192, 168, 150, 11),
                    port: 5353,
                },
            ]
        );
        let out = d.format(&NetworkFormatOptions::default());
        assert!(
            out.starts_with("<network xmlns:rvirt='http://rvirt.org/schemas/network/1.0'>\n"),
            "{out}"
        );
        assert!(out.ends_with(
            "  <rvirt:portforward proto='tcp' hostport='8080' address='192.168.150.10' port='80'/>\n  \
             <rvirt:portforward proto='udp' hostport='5353' address='192.168.150.11' port='5353'/>\n\
             </network>\n"
        ), "{out}");
        // Byte-stable: parse(format(x)) formats identically.
        let again = NetworkDef::parse(&out).unwrap();
        assert_eq!(again, d);
        assert_eq!(again.format(&NetworkFormatOptions::default()), out);
    }

    #[test]
    fn other_prefix_same_namespace_is_accepted() {
        let d = NetworkDef::parse(&format!(
            "<network xmlns:x='{RVIRT_NETWORK_NS}'><name>pf</name><forward mode='route'/>\
             <ip address='10.1.0.1' prefix='16'/>\
             <x:portforward proto='tcp' hostport='22' address='10.1.200.3'/></network>"
        ))
        .unwrap();
        assert_eq!(d.port_forwards.len(), 1);
        let out = d.format(&NetworkFormatOptions::default());
        assert!(
            out.contains(
                "<rvirt:portforward proto='tcp' hostport='22' address='10.1.200.3' port='22'/>"
            ),
            "{out}"
        );
    }

    #[test]
    fn no_forwards_no_xmlns() {
        let d = net(NAT, "").unwrap();
        assert!(d.port_forwards.is_empty());
        assert!(d
            .format(&NetworkFormatOptions::default())
            .starts_with("<network>\n"));
    }

    fn err(mode: &str, pf: &str) -> (i32, String) {
        let e = net(mode, pf).unwrap_err();
        (e.code.number(), e.message)
    }

    #[test]
    fn validation_errors() {
        let pf = |a: &str| format!("<rvirt:portforward {a}/>");
        assert_eq!(
            err(NAT, &pf("proto='sctp' hostport='1' address='192.168.150.2'")),
            (27, "XML error: Invalid port forward proto 'sctp' in network 'pf': expected 'tcp' or 'udp'".into())
        );
        assert_eq!(
            err(NAT, &pf("proto='tcp' hostport='0' address='192.168.150.2'")),
            (
                27,
                "XML error: Invalid port forward hostport '0' in network 'pf': expected 1-65535"
                    .into()
            )
        );
        assert_eq!(
            err(
                NAT,
                &pf("proto='tcp' hostport='80' port='65536' address='192.168.150.2'")
            )
            .1,
            "XML error: Invalid port forward port '65536' in network 'pf': expected 1-65535"
        );
        assert_eq!(
            err(NAT, &pf("proto='tcp' hostport='80'")).1,
            "XML error: Missing required attribute 'address' in element 'portforward'"
        );
        assert_eq!(
            err(NAT, &pf("hostport='80' address='192.168.150.2'")).1,
            "XML error: Missing required attribute 'proto' in element 'portforward'"
        );
        assert_eq!(
            err(NAT, &pf("proto='tcp' hostport='80' address='fd00:5::2'")).1,
            "XML error: Invalid port forward address 'fd00:5::2' in network 'pf'"
        );
        assert_eq!(
            err(NAT, &pf("proto='tcp' hostport='80' address='192.168.151.2'")),
            (67, "unsupported configuration: port forward address '192.168.151.2' is not within an IPv4 subnet of network 'pf'".into())
        );
        assert_eq!(
            err("", &pf("proto='tcp' hostport='80' address='192.168.150.2'")).1,
            "unsupported configuration: port forwarding in network 'pf' requires forward mode 'nat' or 'route', not 'none'"
        );
        assert_eq!(
            err("<forward mode='open'/>", &pf("proto='tcp' hostport='80' address='192.168.150.2'")).1,
            "unsupported configuration: port forwarding in network 'pf' requires forward mode 'nat' or 'route', not 'open'"
        );
        let dup = format!(
            "{}{}",
            pf("proto='tcp' hostport='80' address='192.168.150.2'"),
            pf("proto='tcp' hostport='80' address='192.168.150.3'")
        );
        assert_eq!(
            err(NAT, &dup).1,
            "unsupported configuration: duplicate port forward for tcp host port 80 in network 'pf'"
        );
        assert_eq!(
            err(NAT, "<rvirt:portforwards/>").1,
            "unsupported configuration: unknown rvirt network element 'portforwards' in network 'pf'"
        );
    }

    #[test]
    fn injection_attempts_are_rejected_at_parse() {
        for a in [
            "proto='tcp accept' hostport='80' address='192.168.150.2'",
            "proto='tcp' hostport='80;' address='192.168.150.2'",
            "proto='tcp' hostport='80' address='192.168.150.2&#10;flush ruleset'",
            "proto='tcp' hostport='80' address='192.168.150.2' port='1 counter'",
            "proto='tcp' hostport='+80' address='192.168.150.2'",
        ] {
            assert!(
                net(NAT, &format!("<rvirt:portforward {a}/>")).is_err(),
                "{a}"
            );
        }
    }

    #[test]
    fn subnet_forms() {
        let ip = |a: &str, m: Option<&str>, p: Option<u32>| IpDef {
            address: Some(a.into()),
            netmask: m.map(str::to_string),
            prefix: p,
            ..Default::default()
        };
        let a = Ipv4Addr::new(10, 9, 8, 7);
        assert!(ipv4_subnet_contains(&ip("10.0.0.1", None, None), a));
        assert!(ipv4_subnet_contains(&ip("10.9.0.1", None, Some(16)), a));
        assert!(!ipv4_subnet_contains(&ip("10.9.0.1", None, Some(24)), a));
        assert!(ipv4_subnet_contains(
            &ip("10.9.8.1", Some("255.255.255.0"), None),
            a
        ));
        assert!(!ipv4_subnet_contains(&ip("fd00::1", None, Some(64)), a));
    }
}
