//! The `ip-dhcp-host` and `ip-dhcp-range` sections of `virNetworkUpdate`.

use std::net::IpAddr;

use rvirt_core::error::{ErrorCode, VirError, VirResult};

use super::{
    check_element, command, insert, invalid, is_add, unknown_command, unsupported, xml_error, DOM,
};
use crate::network::def::NetworkDef;
use crate::network::ip::{DhcpHost, DhcpRange, IpDef, Lease};
use crate::xml::values::parse_mac;

fn is_v6(ip: &IpDef) -> bool {
    ip.family.as_deref() == Some("ipv6") || ip.address.as_deref().is_some_and(|a| a.contains(':'))
}

/// `virNetworkIPDefByIndex`: the `<ip>` whose DHCP lists an update works on.
fn ip_by_index(def: &NetworkDef, parent_index: i32) -> VirResult<usize> {
    if let Ok(i) = usize::try_from(parent_index) {
        if i < def.ips.len() {
            return Ok(i);
        }
        return Err(invalid(format!(
            "couldn't update dhcp host entry - no <ip> element found at index {parent_index} in network '{}'",
            def.name
        )));
    }
    def.ips
        .iter()
        .position(|ip| !ip.dhcp.ranges.is_empty() || !ip.dhcp.hosts.is_empty())
        .or_else(|| def.ips.iter().position(|ip| !is_v6(ip)))
        .or_else(|| def.ips.iter().position(is_v6))
        .ok_or_else(|| {
            invalid(format!(
                "couldn't update dhcp host entry - no <ip> element found in network '{}'",
                def.name
            ))
        })
}

/// `virNetworkDefUpdateCheckMultiDHCP`.
fn check_multi_dhcp(def: &NetworkDef, ii: usize) -> VirResult<()> {
    let v6 = is_v6(&def.ips[ii]);
    let other = def.ips.iter().enumerate().any(|(k, ip)| {
        k != ii && is_v6(ip) == v6 && (!ip.dhcp.ranges.is_empty() || !ip.dhcp.hosts.is_empty())
    });
    if other {
        return Err(invalid(format!(
            "dhcp is supported only for a single {} address on each network",
            if v6 { "IPv6" } else { "IPv4" }
        )));
    }
    Ok(())
}

fn parse_lease(node: roxmltree::Node) -> Option<Lease> {
    let l = node
        .children()
        .find(|c| c.is_element() && c.has_tag_name("lease"))?;
    Some(Lease {
        expiry: l
            .attribute("expiry")
            .and_then(|e| e.parse().ok())
            .unwrap_or(0),
        unit: l.attribute("unit").unwrap_or("minutes").to_string(),
    })
}

fn same_ip(a: Option<&str>, b: Option<&str>) -> bool {
    match (
        a.and_then(|x| x.parse::<IpAddr>().ok()),
        b.and_then(|x| x.parse::<IpAddr>().ok()),
    ) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

fn same_mac(a: Option<&str>, b: Option<&str>) -> bool {
    match (a.and_then(parse_mac), b.and_then(parse_mac)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// `virNetworkDHCPHostDefParseXML`.
fn parse_host(net: &str, ip: &IpDef, node: roxmltree::Node, partial: bool) -> VirResult<DhcpHost> {
    let mac = node.attribute("mac").map(str::to_string);
    if let Some(m) = &mac {
        if is_v6(ip) {
            return Err(xml_error(format!(
                "Invalid to specify MAC address '{m}' in network '{net}' IPv6 static host definition"
            )));
        }
        let parsed = parse_mac(m).ok_or_else(|| {
            xml_error(format!("Cannot parse MAC address '{m}' in network '{net}'"))
        })?;
        if parsed[0] & 1 != 0 {
            return Err(xml_error(format!(
                "expected unicast mac address, found multicast '{m}' in network '{net}'"
            )));
        }
    }
    let id = node.attribute("id").map(str::to_string);
    if let Some(id) = &id {
        if let Some(c) = id.chars().find(|c| !(c.is_ascii_hexdigit() || *c == ':')) {
            return Err(xml_error(format!(
                "Invalid character '{c}' in id '{id}' of network '{net}'"
            )));
        }
    }
    let name = node.attribute("name").map(str::to_string);
    if let Some(n) = &name {
        if !n.chars().next().is_some_and(|c| c.is_ascii_alphanumeric()) {
            return Err(xml_error(format!(
                "Cannot use host name '{n}' in network '{net}'"
            )));
        }
    }
    let addr = match node.attribute("ip") {
        None => None,
        Some(a) => Some(a.parse::<IpAddr>().map_err(|_| {
            xml_error(format!(
                "Invalid IP address in static host definition for network '{net}'"
            ))
        })?),
    };
    if partial {
        if mac.is_none() && name.is_none() && addr.is_none() {
            return Err(xml_error(format!(
                "At least one of name, mac, or ip attribute must be specified for static host definition in network '{net}' "
            )));
        }
    } else {
        if is_v6(ip) {
            if id.is_none() && name.is_none() {
                return Err(xml_error(format!(
                    "Static host definition in IPv6 network '{net}' must have id or name attribute"
                )));
            }
        } else if mac.is_none() && name.is_none() {
            return Err(xml_error(format!(
                "Static host definition in IPv4 network '{net}' must have mac or name attribute"
            )));
        }
        if addr.is_none() {
            return Err(xml_error(format!(
                "Missing IP address in static host definition for network '{net}'"
            )));
        }
    }
    Ok(DhcpHost {
        mac,
        id,
        name,
        ip: addr.map(|a| a.to_string()),
        lease: parse_lease(node),
    })
}

fn or_null(s: Option<&str>) -> &str {
    s.unwrap_or("(null)")
}

/// `virNetworkDefUpdateIPDHCPHost`.
pub fn host(
    def: &mut NetworkDef,
    command: u32,
    parent_index: i32,
    node: roxmltree::Node,
) -> VirResult<()> {
    let ii = ip_by_index(def, parent_index);
    check_element(def, node, "host")?;
    let ii = ii?;
    let partial = command == command::DELETE;
    let net = def.name.clone();
    let host = parse_host(&net, &def.ips[ii], node, partial)?;
    let host_v6 = host.ip.as_deref().is_some_and(|a| a.contains(':'));
    if !partial && is_v6(&def.ips[ii]) != host_v6 {
        return Err(invalid(
            "the address family of a host entry IP must match the address family of the dhcp element's parent".into(),
        ));
    }
    let ip_str = host.ip.clone().unwrap_or_else(|| "unknown".into());
    let mac_str = host.mac.clone().unwrap_or_else(|| "unknown".into());
    match command {
        command::MODIFY => {
            let hosts = &def.ips[ii].dhcp.hosts;
            let i = hosts
                .iter()
                .position(|h| {
                    same_mac(host.mac.as_deref(), h.mac.as_deref())
                        || same_ip(host.ip.as_deref(), h.ip.as_deref())
                        || (host.name.is_some() && host.name == h.name)
                })
                .ok_or_else(|| {
                    invalid(format!(
                        "couldn't locate an existing dhcp host entry with \"mac='{mac_str}'\" \"name='{}'\" \"ip='{ip_str}'\" in network '{net}'",
                        or_null(host.name.as_deref())
                    ))
                })?;
            def.ips[ii].dhcp.hosts[i] = host;
        }
        c if is_add(c) => {
            check_multi_dhcp(def, ii)?;
            let clash = def.ips[ii].dhcp.hosts.iter().any(|h| {
                same_mac(host.mac.as_deref(), h.mac.as_deref())
                    || (host.name.is_some() && host.name == h.name)
                    || same_ip(host.ip.as_deref(), h.ip.as_deref())
            });
            if clash {
                return Err(invalid(format!(
                    "there is an existing dhcp host entry in network '{net}' that matches \"<host mac='{mac_str}' name='{}' ip='{ip_str}'/>\"",
                    or_null(host.name.as_deref())
                )));
            }
            insert(&mut def.ips[ii].dhcp.hosts, host, command);
        }
        command::DELETE => {
            let hosts = &mut def.ips[ii].dhcp.hosts;
            let i = hosts
                .iter()
                .position(|h| {
                    (host.mac.is_none()
                        || h.mac.is_none()
                        || same_mac(host.mac.as_deref(), h.mac.as_deref()))
                        && (host.name.is_none() || host.name == h.name)
                        && (host.ip.is_none() || same_ip(host.ip.as_deref(), h.ip.as_deref()))
                })
                .ok_or_else(|| {
                    invalid(format!(
                        "couldn't locate a matching dhcp host entry in network '{net}'"
                    ))
                })?;
            hosts.remove(i);
        }
        _ => return Err(unknown_command(command)),
    }
    Ok(())
}

fn socket_addr(s: &str) -> VirResult<IpAddr> {
    s.parse().map_err(|_| {
        VirError::new(
            ErrorCode::SystemError,
            DOM,
            format!("Cannot parse socket address '{s}': Name or service not known"),
        )
    })
}

/// The prefix length of an `<ip>` (`virNetworkIPDefPrefix`).
fn prefix_of(ip: &IpDef, addr: IpAddr) -> u32 {
    if let Some(p) = ip.prefix.filter(|p| *p > 0) {
        return p;
    }
    if let Some(Ok(IpAddr::V4(m))) = ip.netmask.as_deref().map(str::parse::<IpAddr>) {
        return u32::from(m).count_ones();
    }
    match addr {
        IpAddr::V6(_) => 64,
        IpAddr::V4(a) => match a.octets()[0] {
            0..=127 => 8,
            128..=191 => 16,
            192..=223 => 24,
            _ => 32,
        },
    }
}

fn masked(a: IpAddr, prefix: u32) -> u128 {
    let (v, bits) = match a {
        IpAddr::V4(x) => (u128::from(u32::from(x)), 32),
        IpAddr::V6(x) => (u128::from(x), 128),
    };
    let p = prefix.min(bits);
    if p == 0 {
        0
    } else {
        v >> (bits - p)
    }
}

fn as_num(a: IpAddr) -> u128 {
    match a {
        IpAddr::V4(x) => u128::from(u32::from(x)),
        IpAddr::V6(x) => u128::from(x),
    }
}

/// `virNetworkDHCPRangeDefParseXML` with `virSocketAddrGetRange`'s sanity checks.
fn parse_range(net: &str, ip: &IpDef, node: roxmltree::Node) -> VirResult<DhcpRange> {
    let start = node.attribute("start").ok_or_else(|| {
        xml_error(format!(
            "Missing 'start' attribute in dhcp range for network '{net}'"
        ))
    })?;
    let s = socket_addr(start)?;
    let end = node.attribute("end").ok_or_else(|| {
        xml_error(format!(
            "Missing 'end' attribute in dhcp range for network '{net}'"
        ))
    })?;
    let e = socket_addr(end)?;
    if s.is_ipv4() != e.is_ipv4() {
        return Err(VirError::internal(
            DOM,
            "start and end of IP address range must be the same address family",
        ));
    }
    if let Some(Ok(n)) = ip.address.as_deref().map(str::parse::<IpAddr>) {
        let p = prefix_of(ip, n);
        if n.is_ipv4() == s.is_ipv4()
            && (masked(s, p) != masked(n, p) || masked(e, p) != masked(n, p))
        {
            return Err(VirError::internal(
                DOM,
                format!("range {s} - {e} is not entirely within network {n}/{p}"),
            ));
        }
    }
    if as_num(s) > as_num(e) {
        return Err(VirError::internal(
            DOM,
            format!("range {s} - {e} is reversed "),
        ));
    }
    Ok(DhcpRange {
        start: s.to_string(),
        end: e.to_string(),
        lease: parse_lease(node),
    })
}

/// `virNetworkDefUpdateIPDHCPRange`.
pub fn range(
    def: &mut NetworkDef,
    command: u32,
    parent_index: i32,
    node: roxmltree::Node,
) -> VirResult<()> {
    let ii = ip_by_index(def, parent_index);
    check_element(def, node, "range")?;
    let ii = ii?;
    if command == command::MODIFY {
        return Err(unsupported(
            "dhcp ranges cannot be modified, only added or deleted",
        ));
    }
    let net = def.name.clone();
    let range = parse_range(&net, &def.ips[ii], node)?;
    if is_v6(&def.ips[ii]) != range.start.contains(':') {
        return Err(invalid(
            "the address family of a dhcp range must match the address family of the dhcp element's parent".into(),
        ));
    }
    let pos = def.ips[ii].dhcp.ranges.iter().position(|r| {
        same_ip(Some(&r.start), Some(&range.start)) && same_ip(Some(&r.end), Some(&range.end))
    });
    match command {
        c if is_add(c) => {
            check_multi_dhcp(def, ii)?;
            if pos.is_some() {
                return Err(invalid(format!(
                    "there is an existing dhcp range entry in network '{net}' that matches \"<range start='{}' end='{}'/>\"",
                    range.start, range.end
                )));
            }
            insert(&mut def.ips[ii].dhcp.ranges, range, command);
        }
        command::DELETE => {
            let i = pos.ok_or_else(|| {
                invalid(format!(
                    "couldn't locate a matching dhcp range entry in network '{net}'"
                ))
            })?;
            def.ips[ii].dhcp.ranges.remove(i);
        }
        _ => return Err(unknown_command(command)),
    }
    Ok(())
}
