//! The `dns-host`, `dns-txt` and `dns-srv` sections of `virNetworkUpdate`.

use std::net::IpAddr;

use rvirt_core::error::VirResult;

use super::{
    check_element, command, insert, invalid, is_add, unknown_command, unsupported, xml_detail,
};
use crate::network::def::NetworkDef;
use crate::network::dns::{DnsHost, DnsSrv, DnsTxt};

fn children<'a, 'i>(
    node: roxmltree::Node<'a, 'i>,
    name: &'static str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> {
    node.children()
        .filter(move |c| c.is_element() && c.has_tag_name(name))
}

/// `virNetworkDNSHostDefParseXML`: (ip, hostnames).
fn parse_host(
    net: &str,
    node: roxmltree::Node,
    partial: bool,
) -> VirResult<(Option<IpAddr>, Vec<String>)> {
    let missing_name = || {
        xml_detail(format!(
            "Missing hostname in network '{net}' DNS HOST record"
        ))
    };
    let mut names = Vec::new();
    for h in children(node, "hostname") {
        let t: String = h
            .descendants()
            .filter(|d| d.is_text())
            .filter_map(|d| d.text())
            .collect();
        if t.is_empty() {
            return Err(missing_name());
        }
        names.push(t);
    }
    if names.is_empty() && !partial {
        return Err(missing_name());
    }
    let ip = match node.attribute("ip") {
        Some(a) => Some(a.parse::<IpAddr>().map_err(|_| {
            xml_detail(format!(
                "Invalid IP address in network '{net}' DNS HOST record"
            ))
        })?),
        None => {
            if !partial {
                return Err(xml_detail(format!(
                    "Missing IP address in network '{net}' DNS HOST record"
                )));
            }
            if names.is_empty() {
                return Err(xml_detail(format!(
                    "Missing ip and hostname in network '{net}' DNS HOST record"
                )));
            }
            None
        }
    };
    Ok((ip, names))
}

/// `virNetworkDefUpdateDNSHost`.
pub fn host(def: &mut NetworkDef, command: u32, node: roxmltree::Node) -> VirResult<()> {
    if command == command::MODIFY {
        return Err(unsupported(
            "DNS HOST records cannot be modified, only added or deleted",
        ));
    }
    check_element(def, node, "host")?;
    let add = is_add(command);
    let net = def.name.clone();
    let (ip, names) = parse_host(&net, node, !add)?;
    let found: Vec<usize> = def
        .dns
        .hosts
        .iter()
        .enumerate()
        .filter(|(_, h)| {
            let same_ip = ip.is_some() && h.ip.parse::<IpAddr>().ok() == ip;
            same_ip || (!add && names.iter().any(|n| h.hostnames.contains(n)))
        })
        .map(|(i, _)| i)
        .collect();
    if add {
        if !found.is_empty() {
            return Err(invalid(format!(
                "there is already at least one DNS HOST record with a matching field in network {net}"
            )));
        }
        let ip = ip.map(|a| a.to_string()).unwrap_or_default();
        insert(
            &mut def.dns.hosts,
            DnsHost {
                ip,
                hostnames: names,
            },
            command,
        );
        return Ok(());
    }
    if command != command::DELETE {
        return Err(unknown_command(command));
    }
    match found.as_slice() {
        [] => Err(invalid(format!(
            "couldn't locate a matching DNS HOST record in network {net}"
        ))),
        [i] => {
            def.dns.hosts.remove(*i);
            Ok(())
        }
        _ => Err(invalid(format!(
            "multiple matching DNS HOST records were found in network {net}"
        ))),
    }
}

/// `virNetworkDefUpdateDNSTxt`.
pub fn txt(def: &mut NetworkDef, command: u32, node: roxmltree::Node) -> VirResult<()> {
    if command == command::MODIFY {
        return Err(unsupported(
            "DNS TXT records cannot be modified, only added or deleted",
        ));
    }
    check_element(def, node, "txt")?;
    let add = is_add(command);
    let net = def.name.clone();
    let name = node.attribute("name").ok_or_else(|| {
        xml_detail(format!(
            "missing required name attribute in DNS TXT record of network {net}"
        ))
    })?;
    if name.contains([' ', ',']) {
        return Err(xml_detail(format!(
            "prohibited character in DNS TXT record name '{name}' of network {net}"
        )));
    }
    let value = node.attribute("value");
    if value.is_none() && add {
        return Err(xml_detail(format!(
            "missing required value attribute in DNS TXT record named '{name}' of network {net}"
        )));
    }
    let pos = def.dns.txts.iter().position(|t| t.name == name);
    if add {
        if pos.is_some() {
            return Err(invalid(format!(
                "there is already a DNS TXT record with name '{name}' in network {net}"
            )));
        }
        insert(
            &mut def.dns.txts,
            DnsTxt {
                name: name.to_string(),
                value: value.unwrap_or("").to_string(),
            },
            command,
        );
        return Ok(());
    }
    if command != command::DELETE {
        return Err(unknown_command(command));
    }
    let i = pos.ok_or_else(|| {
        invalid(format!(
            "couldn't locate a matching DNS TXT record in network {net}"
        ))
    })?;
    def.dns.txts.remove(i);
    Ok(())
}

const PROTOCOL_CHARS: &str = "-+/";
const SERVICE_CHARS: &str = "_-+/*";

/// `virNetworkDNSSrvDefParseXML`.
fn parse_srv(net: &str, node: roxmltree::Node, partial: bool) -> VirResult<DnsSrv> {
    let service = node.attribute("service").map(str::to_string);
    let svc = service.clone().unwrap_or_else(|| "(null)".into());
    match &service {
        None if !partial => {
            return Err(xml_detail(format!(
                "missing required service attribute in DNS SRV record of network '{net}'"
            )))
        }
        Some(s)
            if !s
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || SERVICE_CHARS.contains(c)) =>
        {
            return Err(xml_detail(format!(
                "invalid character in service attribute '{s}' in DNS SRV record of network '{net}'"
            )))
        }
        _ => {}
    }
    let protocol = node.attribute("protocol").map(str::to_string);
    match &protocol {
        None if !partial => {
            return Err(xml_detail(format!(
                "missing required protocol attribute in DNS SRV record '{svc}' of network '{net}'"
            )))
        }
        Some(p)
            if !p
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || PROTOCOL_CHARS.contains(c)) =>
        {
            return Err(xml_detail(format!(
                "invalid character in protocol attribute '{p}' in DNS SRV record of network '{net}'"
            )))
        }
        _ => {}
    }
    let domain = node.attribute("domain").map(str::to_string);
    let target = node.attribute("target").map(str::to_string);
    // (attribute, wording of its "invalid" error, lower bound)
    let mut nums = [0u32; 3];
    for (k, (attr, bad, lo)) in [
        ("port", "invalid", 1u64),
        ("priority", "Invalid", 0),
        ("weight", "invalid", 0),
    ]
    .iter()
    .enumerate()
    {
        let Some(v) = node.attribute(*attr) else {
            continue;
        };
        let parsed = v.trim().parse::<u64>().ok();
        if parsed.is_some() && target.is_none() {
            return Err(xml_detail(format!(
                "DNS SRV {attr} attribute not permitted without target for service '{svc}' in network '{net}'"
            )));
        }
        match parsed {
            Some(n) if n >= *lo && n <= 65535 => nums[k] = n as u32,
            _ => {
                return Err(xml_detail(format!(
                    "{bad} DNS SRV {attr} attribute for service '{svc}' in network '{net}'"
                )))
            }
        }
    }
    Ok(DnsSrv {
        service,
        protocol,
        domain,
        target,
        port: nums[0],
        priority: nums[1],
        weight: nums[2],
    })
}

/// `virNetworkDefUpdateDNSSrv`.
pub fn srv(def: &mut NetworkDef, command: u32, node: roxmltree::Node) -> VirResult<()> {
    if command == command::MODIFY {
        return Err(unsupported(
            "DNS SRV records cannot be modified, only added or deleted",
        ));
    }
    check_element(def, node, "srv")?;
    let add = is_add(command);
    let net = def.name.clone();
    let srv = parse_srv(&net, node, !add)?;
    let same = |want: &Option<String>, have: &Option<String>| want.is_none() || want == have;
    let found: Vec<usize> = def
        .dns
        .srvs
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            same(&srv.domain, &s.domain)
                && same(&srv.service, &s.service)
                && same(&srv.protocol, &s.protocol)
                && same(&srv.target, &s.target)
        })
        .map(|(i, _)| i)
        .collect();
    if add {
        if !found.is_empty() {
            return Err(invalid(format!(
                "there is already at least one DNS SRV record matching all specified fields in network {net}"
            )));
        }
        insert(&mut def.dns.srvs, srv, command);
        return Ok(());
    }
    if command != command::DELETE {
        return Err(unknown_command(command));
    }
    match found.as_slice() {
        [] => Err(invalid(format!(
            "couldn't locate a matching DNS SRV record in network {net}"
        ))),
        [i] => {
            def.dns.srvs.remove(*i);
            Ok(())
        }
        _ => Err(invalid(format!(
            "multiple DNS SRV records matching all specified fields were found in network {net}"
        ))),
    }
}
