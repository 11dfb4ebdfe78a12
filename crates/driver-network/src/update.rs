//! `virNetworkUpdate` (net-update): DHCP hosts and ranges, DNS hosts, port groups.

use rvirt_conf::network::{Dns, IpDef, NetworkDef};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::NetworkRef;

use crate::addr::IpNet;
use crate::driver::{find, NetworkDriverImpl};
use crate::errors::{invalid_op, NET};

/// `virNetworkUpdateCommand`.
mod cmd {
    pub const MODIFY: u32 = 1;
    pub const DELETE: u32 = 2;
    pub const ADD_LAST: u32 = 3;
    pub const ADD_FIRST: u32 = 4;
}

/// `virNetworkUpdateSection`.
mod sec {
    pub const BRIDGE: u32 = 1;
    pub const DOMAIN: u32 = 2;
    pub const IP: u32 = 3;
    pub const IP_DHCP_HOST: u32 = 4;
    pub const IP_DHCP_RANGE: u32 = 5;
    pub const FORWARD: u32 = 6;
    pub const FORWARD_INTERFACE: u32 = 7;
    pub const FORWARD_PF: u32 = 8;
    pub const PORTGROUP: u32 = 9;
    pub const DNS_HOST: u32 = 10;
    pub const DNS_TXT: u32 = 11;
    pub const DNS_SRV: u32 = 12;
}

/// `VIR_NETWORK_UPDATE_AFFECT_LIVE` / `_CONFIG`.
const LIVE: u32 = 1;
const CONFIG: u32 = 2;

fn no_support(detail: String) -> VirError {
    VirError::new(ErrorCode::NoSupport, NET, detail)
}

/// Checks `xml` is exactly one well-formed element named `want` (so wrapping it is safe).
fn fragment(xml: &str, want: &str, net: &str) -> VirResult<()> {
    let doc = roxmltree::Document::parse(xml).map_err(|e| {
        VirError::new(
            ErrorCode::XmlError,
            ErrorDomain::Xml,
            format!("(network_update_xml):{e}"),
        )
    })?;
    let root = doc.root_element();
    if root.tag_name().name() != want {
        return Err(VirError::new(
            ErrorCode::XmlError,
            NET,
            format!(
                "unexpected element <{}>, expecting <{want}>, while updating network '{net}'",
                root.tag_name().name()
            ),
        ));
    }
    Ok(())
}

fn parse_in_ip(xml: &str, net: &str, want: &str) -> VirResult<IpDef> {
    fragment(xml, want, net)?;
    let wrapped = format!("<ip><dhcp>{xml}</dhcp></ip>");
    let doc = roxmltree::Document::parse(&wrapped)
        .map_err(|e| VirError::new(ErrorCode::XmlError, ErrorDomain::Xml, e.to_string()))?;
    IpDef::parse(doc.root_element(), net)
}

fn is_v6_addr(s: &str) -> bool {
    s.contains(':')
}

/// The `<ip>` a DHCP update applies to: `parent_index`, or the first of the family.
fn ip_index(def: &NetworkDef, parent_index: i32, v6: bool) -> VirResult<usize> {
    if parent_index >= 0 {
        let i = parent_index as usize;
        if i < def.ips.len() {
            return Ok(i);
        }
        return Err(invalid_op(format!(
            "couldn't update dhcp host entry - no <ip> element found at index {parent_index} in network '{}'",
            def.name
        )));
    }
    def.ips
        .iter()
        .position(|ip| IpNet::from_def(ip).is_ok_and(|n| n.is_v4() != v6))
        .ok_or_else(|| {
            invalid_op(format!(
                "can't update '{}' section of network '{}' - no {} IP addresses found",
                "ip",
                def.name,
                if v6 { "IPv6" } else { "IPv4" }
            ))
        })
}

fn add<T>(list: &mut Vec<T>, item: T, command: u32) {
    if command == cmd::ADD_FIRST {
        list.insert(0, item);
    } else {
        list.push(item);
    }
}

/// Applies one update to `def` (`virNetworkDefUpdateSection`).
pub fn apply(
    def: &mut NetworkDef,
    command: u32,
    section: u32,
    parent_index: i32,
    xml: &str,
) -> VirResult<()> {
    if !matches!(
        command,
        cmd::MODIFY | cmd::DELETE | cmd::ADD_LAST | cmd::ADD_FIRST
    ) {
        return Err(no_support(format!(
            "unrecognized network update command code {command}"
        )));
    }
    let name = def.name.clone();
    match section {
        sec::IP_DHCP_HOST => {
            let parsed = parse_in_ip(xml, &name, "host")?;
            let host = parsed.dhcp.hosts.into_iter().next().ok_or_else(|| {
                VirError::new(ErrorCode::XmlError, NET, "missing <host>".to_string())
            })?;
            let v6 = host.ip.as_deref().is_some_and(is_v6_addr) || host.id.is_some();
            let ii = ip_index(def, parent_index, v6)?;
            let hosts = &mut def.ips[ii].dhcp.hosts;
            let same_key = |h: &rvirt_conf::network::DhcpHost| {
                (host.mac.is_some()
                    && h.mac.as_deref().map(str::to_ascii_lowercase)
                        == host.mac.as_deref().map(str::to_ascii_lowercase))
                    || (host.id.is_some() && h.id == host.id)
            };
            match command {
                cmd::MODIFY => {
                    let i = hosts.iter().position(same_key).ok_or_else(|| {
                        invalid_op(format!(
                            "couldn't locate an existing dhcp host entry with \"mac='{}'\" in network '{name}'",
                            host.mac.as_deref().or(host.id.as_deref()).unwrap_or("")
                        ))
                    })?;
                    hosts[i] = host;
                }
                cmd::DELETE => {
                    let i = hosts
                        .iter()
                        .position(|h| {
                            same_key(h)
                                && (host.ip.is_none() || h.ip == host.ip)
                                && (host.name.is_none() || h.name == host.name)
                        })
                        .ok_or_else(|| {
                            invalid_op(format!(
                                "couldn't locate a matching dhcp host entry in network '{name}'"
                            ))
                        })?;
                    hosts.remove(i);
                }
                _ => {
                    if hosts.iter().any(|h| {
                        same_key(h)
                            || (host.ip.is_some() && h.ip == host.ip)
                            || (host.name.is_some() && h.name == host.name)
                    }) {
                        return Err(invalid_op(format!(
                            "there is an existing dhcp host entry in network '{name}' that matches \"{}\"",
                            xml.trim()
                        )));
                    }
                    add(hosts, host, command);
                }
            }
        }
        sec::IP_DHCP_RANGE => {
            let parsed = parse_in_ip(xml, &name, "range")?;
            let range = parsed.dhcp.ranges.into_iter().next().ok_or_else(|| {
                VirError::new(ErrorCode::XmlError, NET, "missing <range>".to_string())
            })?;
            let ii = ip_index(def, parent_index, is_v6_addr(&range.start))?;
            let ranges = &mut def.ips[ii].dhcp.ranges;
            let pos = ranges
                .iter()
                .position(|r| r.start == range.start && r.end == range.end);
            match command {
                cmd::MODIFY => {
                    return Err(no_support(
                        "dhcp ranges cannot be modified, only added or deleted".into(),
                    ))
                }
                cmd::DELETE => {
                    let i = pos.ok_or_else(|| {
                        invalid_op(format!(
                            "couldn't locate a matching dhcp range entry in network '{name}'"
                        ))
                    })?;
                    ranges.remove(i);
                }
                _ => {
                    if pos.is_some() {
                        return Err(invalid_op(format!(
                            "there is an existing dhcp range entry in network '{name}' that matches \"<range start='{}' end='{}'/>\"",
                            range.start, range.end
                        )));
                    }
                    add(ranges, range, command);
                }
            }
        }
        sec::DNS_HOST => {
            fragment(xml, "host", &name)?;
            let wrapped = format!("<dns>{xml}</dns>");
            let doc = roxmltree::Document::parse(&wrapped)
                .map_err(|e| VirError::new(ErrorCode::XmlError, ErrorDomain::Xml, e.to_string()))?;
            let host = Dns::parse(doc.root_element(), &name)?
                .hosts
                .into_iter()
                .next()
                .ok_or_else(|| {
                    VirError::new(ErrorCode::XmlError, NET, "missing <host>".to_string())
                })?;
            let hosts = &mut def.dns.hosts;
            let matches = |h: &rvirt_conf::network::DnsHost| {
                h.ip == host.ip || h.hostnames.iter().any(|n| host.hostnames.contains(n))
            };
            match command {
                cmd::MODIFY => {
                    return Err(no_support(
                        "DNS HOST records cannot be modified, only added or deleted".into(),
                    ))
                }
                cmd::DELETE => {
                    let i = hosts.iter().position(matches).ok_or_else(|| {
                        invalid_op(format!(
                            "couldn't locate a matching DNS HOST record in network {name}"
                        ))
                    })?;
                    hosts.remove(i);
                }
                _ => {
                    if hosts.iter().any(matches) {
                        return Err(invalid_op(format!(
                            "there is already at least one DNS HOST record with a matching field in network {name}"
                        )));
                    }
                    add(hosts, host, command);
                }
            }
        }
        sec::PORTGROUP => {
            fragment(xml, "portgroup", &name)?;
            let wrapped = format!("<network><name>x</name>{xml}</network>");
            let pg = NetworkDef::parse(&wrapped)?
                .portgroups
                .into_iter()
                .next()
                .ok_or_else(|| {
                    VirError::new(ErrorCode::XmlError, NET, "missing <portgroup>".to_string())
                })?;
            let pos = def.portgroups.iter().position(|p| p.name == pg.name);
            let missing = || {
                invalid_op(format!(
                    "couldn't find a portgroup entry in network '{name}' matching <portgroup name='{}'>",
                    pg.name
                ))
            };
            match command {
                cmd::MODIFY => {
                    let i = pos.ok_or_else(missing)?;
                    def.portgroups[i] = pg;
                }
                cmd::DELETE => {
                    let i = pos.ok_or_else(missing)?;
                    def.portgroups.remove(i);
                }
                _ => {
                    if pos.is_some() {
                        return Err(invalid_op(format!(
                            "there is already a portgroup named '{}' in network '{name}'",
                            pg.name
                        )));
                    }
                    add(&mut def.portgroups, pg, command);
                }
            }
        }
        sec::BRIDGE
        | sec::DOMAIN
        | sec::IP
        | sec::FORWARD
        | sec::FORWARD_INTERFACE
        | sec::FORWARD_PF
        | sec::DNS_TXT
        | sec::DNS_SRV => {
            let what = match section {
                sec::BRIDGE => "bridge",
                sec::DOMAIN => "domain",
                sec::IP => "ip",
                sec::FORWARD => "forward",
                sec::FORWARD_INTERFACE => "forward interface",
                sec::FORWARD_PF => "forward pf",
                sec::DNS_TXT => "dns txt",
                _ => "dns srv",
            };
            return Err(no_support(format!(
                "can't update '{what}' section of network '{name}'"
            )));
        }
        _ => {
            return Err(no_support(
                "can't update unrecognized section of network".into(),
            ))
        }
    }
    Ok(())
}

impl NetworkDriverImpl {
    /// `virNetworkUpdate`: applies to the live and/or persistent definition.
    pub(crate) async fn update(
        &self,
        net: &NetworkRef,
        command: u32,
        section: u32,
        parent_index: i32,
        xml: &str,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(NET, flags, LIVE | CONFIG, "networkUpdate")?;
        let mut nets = self.nets.lock().await;
        let i = find(&nets, net)?;
        let mut flags = flags;
        if flags & (LIVE | CONFIG) == 0 {
            flags |= if nets[i].active { LIVE } else { CONFIG };
        }
        if flags & LIVE != 0 && !nets[i].active {
            return Err(invalid_op("network is not running"));
        }
        if flags & CONFIG != 0 && !nets[i].persistent {
            return Err(invalid_op(
                "cannot change persistent config of a transient network",
            ));
        }
        let mut live = None;
        let mut config = None;
        if flags & LIVE != 0 {
            let mut d = nets[i].def.clone();
            apply(&mut d, command, section, parent_index, xml)?;
            self.prepare_def(&nets, &mut d)?;
            live = Some(d);
        }
        if flags & CONFIG != 0 {
            let mut d = nets[i].persistent_def().clone();
            apply(&mut d, command, section, parent_index, xml)?;
            self.prepare_def(&nets, &mut d)?;
            config = Some(d);
        }
        if let Some(d) = config {
            self.save_config(&d)?;
            if nets[i].active {
                nets[i].new_def = Some(d);
            } else {
                nets[i].def = d;
            }
        }
        if let Some(d) = live {
            let dnsmasq_changed = section != sec::PORTGROUP;
            nets[i].def = d.clone();
            self.save_state(&d)?;
            if dnsmasq_changed {
                self.reload_dnsmasq(&mut nets, i).await?;
            }
        }
        Ok(())
    }
}
