//! `ebtablesCreateRuleInstance` / `iptablesCreateRuleInstance` for nftables: one concrete
//! rule's protocol element and attributes as an nft match expression.

use rvirt_core::error::{ErrorCode, VirError, VirResult};

use super::values::{self as val, illegal};
use crate::errors::DOM;

/// Which stage of a port's filtering a rule belongs to: libvirt puts layer-2 elements
/// (`mac`, `vlan`, `stp`, `arp`, `rarp`, `ip`, `ipv6`) in ebtables and the layer-3/4 ones
/// (`tcp`, `udp`, `icmp`, `all`, …) in iptables; a frame must pass both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layer {
    L2,
    L3,
}

/// The stage of a protocol element.
pub(crate) fn layer(protocol: Option<&str>) -> Layer {
    match protocol {
        None | Some("mac" | "vlan" | "stp" | "arp" | "rarp" | "ip" | "ipv6") => Layer::L2,
        Some(_) => Layer::L3,
    }
}

/// A translated match: the nft expressions and the rule comment (if any).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Match {
    pub exprs: Vec<String>,
    pub comment: Option<String>,
}

fn unsupported(protocol: &str, attr: &str) -> VirError {
    VirError::new(
        ErrorCode::ConfigUnsupported,
        DOM,
        format!("attribute '{attr}' of protocol '{protocol}' is not supported by the nftables filter backend"),
    )
}

/// Reads the attributes of one element; each handled attribute is marked used.
struct Attrs<'a> {
    protocol: &'a str,
    list: &'a [(String, String)],
    used: Vec<bool>,
    op: &'static str,
}

impl<'a> Attrs<'a> {
    fn get(&mut self, name: &str) -> Option<&'a str> {
        let i = self.list.iter().position(|(k, _)| k == name)?;
        self.used[i] = true;
        Some(self.list[i].1.as_str())
    }

    /// The first attribute nobody handled.
    fn leftover(&self) -> VirResult<()> {
        match self.list.iter().zip(&self.used).find(|(_, u)| !**u) {
            Some(((k, _), _)) => Err(unsupported(self.protocol, k)),
            None => Ok(()),
        }
    }

    /// `ether saddr`/`ether daddr` with an optional mask.
    fn mac(&mut self, out: &mut Vec<String>, attr: &str, mask: &str, field: &str) -> VirResult<()> {
        let Some(a) = self.get(attr) else {
            if self.get(mask).is_some() {
                return Err(unsupported(self.protocol, mask));
            }
            return Ok(());
        };
        let a = val::mac(attr, a)?;
        match self.get(mask) {
            Some(m) if val::mac(mask, m)? != "ff:ff:ff:ff:ff:ff" => {
                let m = val::mac(mask, m)?;
                let op = if self.op.is_empty() { "== " } else { self.op };
                out.push(format!("{field} & {m} {op}{a}"));
            }
            _ => out.push(format!("{field} {}{a}", self.op)),
        }
        Ok(())
    }

    /// An IPv4/IPv6 address with an optional mask.
    fn ip(
        &mut self,
        out: &mut Vec<String>,
        attr: &str,
        mask: &str,
        field: &str,
        v6: bool,
    ) -> VirResult<()> {
        let max = if v6 { 128 } else { 32 };
        let m = match self.get(mask) {
            Some(m) => Some(val::prefix(mask, m, max)?),
            None => None,
        };
        let Some(a) = self.get(attr) else {
            return match m {
                Some(_) => Err(unsupported(self.protocol, mask)),
                None => Ok(()),
            };
        };
        let a = if v6 {
            val::ipv6(attr, a, m)?
        } else {
            val::ipv4(attr, a, m)?
        };
        out.push(format!("{field} {}{a}", self.op));
        Ok(())
    }

    /// An address range `from`-`to`.
    fn ip_range(
        &mut self,
        out: &mut Vec<String>,
        from: &str,
        to: &str,
        field: &str,
        v6: bool,
    ) -> VirResult<()> {
        let (f, t) = (self.get(from), self.get(to));
        let addr = |attr: &str, v: &str| {
            if v6 {
                val::ipv6(attr, v, None)
            } else {
                val::ipv4(attr, v, None)
            }
        };
        match (f, t) {
            (Some(f), Some(t)) => out.push(format!(
                "{field} {}{}-{}",
                self.op,
                addr(from, f)?,
                addr(to, t)?
            )),
            (Some(f), None) => out.push(format!("{field} {}{}", self.op, addr(from, f)?)),
            (None, Some(_)) => return Err(unsupported(self.protocol, to)),
            (None, None) => {}
        }
        Ok(())
    }

    /// A number range `start`-`end` (ports, ICMPv6 types).
    fn range(
        &mut self,
        out: &mut Vec<String>,
        start: &str,
        end: &str,
        field: &str,
        max: u32,
    ) -> VirResult<()> {
        let (s, e) = (self.get(start), self.get(end));
        match (s, e) {
            (Some(s), e) => {
                let s = val::number(start, s, max)?;
                match e {
                    Some(e) => {
                        let e = val::number(end, e, max)?;
                        if e < s {
                            return Err(illegal(end, &e.to_string()));
                        }
                        if e == s {
                            out.push(format!("{field} {}{s}", self.op));
                        } else {
                            out.push(format!("{field} {}{s}-{e}", self.op));
                        }
                    }
                    None => out.push(format!("{field} {}{s}", self.op)),
                }
            }
            (None, Some(_)) => return Err(unsupported(self.protocol, end)),
            (None, None) => {}
        }
        Ok(())
    }

    fn num(&mut self, out: &mut Vec<String>, attr: &str, field: &str, max: u32) -> VirResult<()> {
        if let Some(v) = self.get(attr) {
            out.push(format!("{field} {}{}", self.op, val::number(attr, v, max)?));
        }
        Ok(())
    }
}

/// Translates a protocol element with concrete attribute values (`match='no'` negates
/// every attribute, as libvirt does). An attribute nftables cannot express here is refused.
pub(crate) fn translate(
    protocol: Option<&str>,
    negate: bool,
    attrs: &[(String, String)],
) -> VirResult<Match> {
    let Some(p) = protocol else {
        return Ok(Match::default());
    };
    let mut a = Attrs {
        protocol: p,
        list: attrs,
        used: vec![false; attrs.len()],
        op: if negate { "!= " } else { "" },
    };
    let mut out = Vec::new();
    let comment = a.get("comment").map(val::comment);
    match p {
        "mac" | "vlan" | "stp" | "arp" | "rarp" | "ip" | "ipv6" => l2(p, &mut a, &mut out)?,
        _ => l3(p, &mut a, &mut out)?,
    }
    a.leftover()?;
    Ok(Match {
        exprs: out,
        comment,
    })
}

fn l2(p: &str, a: &mut Attrs, out: &mut Vec<String>) -> VirResult<()> {
    match p {
        "mac" => {
            if let Some(t) = a.get("protocolid") {
                out.push(format!(
                    "ether type {}{}",
                    a.op,
                    val::ethertype("protocolid", t)?
                ));
            }
        }
        "vlan" => out.push("ether type vlan".into()),
        "stp" => out.push("ether daddr 01:80:c2:00:00:00".into()),
        "arp" => out.push("ether type arp".into()),
        "rarp" => out.push("ether type 0x8035".into()),
        "ip" => out.push("ether type ip".into()),
        _ => out.push("ether type ip6".into()),
    }
    a.mac(out, "srcmacaddr", "srcmacmask", "ether saddr")?;
    if p != "stp" {
        a.mac(out, "dstmacaddr", "dstmacmask", "ether daddr")?;
    }
    match p {
        "vlan" => {
            a.num(out, "vlanid", "vlan id", 4095)?;
            if let Some(t) = a.get("encap-protocol") {
                out.push(format!(
                    "vlan type {}{}",
                    a.op,
                    val::ethertype("encap-protocol", t)?
                ));
            }
        }
        "arp" => {
            a.num(out, "hwtype", "arp htype", 0xffff)?;
            if let Some(t) = a.get("protocoltype") {
                let n = val::number("protocoltype", t, 0xffff)?;
                out.push(format!("arp ptype {}0x{n:04x}", a.op));
            }
            if let Some(o) = a.get("opcode") {
                out.push(format!(
                    "arp operation {}{}",
                    a.op,
                    val::arp_opcode("opcode", o)?
                ));
            }
            if let Some(m) = a.get("arpsrcmacaddr") {
                out.push(format!(
                    "arp saddr ether {}{}",
                    a.op,
                    val::mac("arpsrcmacaddr", m)?
                ));
            }
            if let Some(m) = a.get("arpdstmacaddr") {
                out.push(format!(
                    "arp daddr ether {}{}",
                    a.op,
                    val::mac("arpdstmacaddr", m)?
                ));
            }
            a.ip(out, "arpsrcipaddr", "arpsrcipmask", "arp saddr ip", false)?;
            a.ip(out, "arpdstipaddr", "arpdstipmask", "arp daddr ip", false)?;
            if a.get("gratuitous") == Some("true") {
                return Err(unsupported(p, "gratuitous"));
            }
        }
        "ip" | "ipv6" => {
            let (fam, v6) = if p == "ip" {
                ("ip", false)
            } else {
                ("ip6", true)
            };
            a.ip(out, "srcipaddr", "srcipmask", &format!("{fam} saddr"), v6)?;
            a.ip(out, "dstipaddr", "dstipmask", &format!("{fam} daddr"), v6)?;
            if let Some(proto) = a.get("protocol") {
                let field = if v6 { "meta l4proto" } else { "ip protocol" };
                out.push(format!(
                    "{field} {}{}",
                    a.op,
                    val::ip_protocol("protocol", proto)?
                ));
            }
            a.range(out, "srcportstart", "srcportend", "th sport", 0xffff)?;
            a.range(out, "dstportstart", "dstportend", "th dport", 0xffff)?;
            if v6 {
                a.range(out, "type", "typeend", "icmpv6 type", 0xff)?;
                a.range(out, "code", "codeend", "icmpv6 code", 0xff)?;
            } else {
                a.num(out, "dscp", "ip dscp", 63)?;
            }
        }
        _ => {}
    }
    Ok(())
}

fn l3(p: &str, a: &mut Attrs, out: &mut Vec<String>) -> VirResult<()> {
    let (base, v6) = match p.strip_suffix("-ipv6") {
        Some(b) => (b, true),
        None if p == "icmpv6" => ("icmp", true),
        None => (p, false),
    };
    let (fam, ether) = if v6 { ("ip6", "ip6") } else { ("ip", "ip") };
    out.push(format!("ether type {ether}"));
    let l4 = match base {
        "tcp" => Some(6),
        "udp" => Some(17),
        "sctp" => Some(132),
        "udplite" => Some(136),
        "esp" => Some(50),
        "ah" => Some(51),
        "igmp" => Some(2),
        "icmp" if v6 => Some(58),
        "icmp" => Some(1),
        "all" => None,
        _ => {
            return Err(VirError::new(
                ErrorCode::ConfigUnsupported,
                DOM,
                format!("protocol '{p}' is not supported by the nftables filter backend"),
            ))
        }
    };
    if let Some(n) = l4 {
        out.push(format!("meta l4proto {}", val::l4_name(n)));
    }
    a.mac(out, "srcmacaddr", "srcmacmask", "ether saddr")?;
    a.ip(out, "srcipaddr", "srcipmask", &format!("{fam} saddr"), v6)?;
    a.ip(out, "dstipaddr", "dstipmask", &format!("{fam} daddr"), v6)?;
    a.ip_range(out, "srcipfrom", "srcipto", &format!("{fam} saddr"), v6)?;
    a.ip_range(out, "dstipfrom", "dstipto", &format!("{fam} daddr"), v6)?;
    a.num(out, "dscp", &format!("{fam} dscp"), 63)?;
    if matches!(base, "tcp" | "udp" | "sctp") {
        a.range(
            out,
            "srcportstart",
            "srcportend",
            &format!("{base} sport"),
            0xffff,
        )?;
        a.range(
            out,
            "dstportstart",
            "dstportend",
            &format!("{base} dport"),
            0xffff,
        )?;
    }
    if base == "tcp" {
        if let Some(f) = a.get("flags") {
            if let Some(e) = val::tcp_flags("flags", f, !a.op.is_empty())? {
                out.push(e);
            }
        }
    }
    if base == "icmp" {
        let field = if v6 { "icmpv6" } else { "icmp" };
        a.num(out, "type", &format!("{field} type"), 0xff)?;
        a.num(out, "code", &format!("{field} code"), 0xff)?;
    }
    if let Some(s) = a.get("state") {
        out.push(format!("ct state {}{}", a.op, val::ct_states("state", s)?));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(p: &str, negate: bool, attrs: &[(&str, &str)]) -> VirResult<String> {
        let attrs: Vec<(String, String)> = attrs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        translate(Some(p), negate, &attrs).map(|m| m.exprs.join(" "))
    }

    #[test]
    fn elements() {
        assert_eq!(
            t(
                "mac",
                false,
                &[("srcmacaddr", "52:54:00:00:00:01"), ("protocolid", "ipv4")]
            )
            .unwrap(),
            "ether type ip ether saddr 52:54:00:00:00:01"
        );
        assert_eq!(
            t(
                "mac",
                true,
                &[
                    ("srcmacaddr", "52:54:00:00:00:00"),
                    ("srcmacmask", "ff:ff:ff:00:00:00")
                ]
            )
            .unwrap(),
            "ether saddr & ff:ff:ff:00:00:00 != 52:54:00:00:00:00"
        );
        assert_eq!(
            t(
                "ip",
                false,
                &[
                    ("srcipaddr", "10.0.0.9"),
                    ("srcipmask", "24"),
                    ("protocol", "udp"),
                    ("dstportstart", "67"),
                    ("dstportend", "68")
                ]
            )
            .unwrap(),
            "ether type ip ip saddr 10.0.0.0/24 ip protocol udp th dport 67-68"
        );
        assert_eq!(
            t(
                "arp",
                true,
                &[("arpsrcipaddr", "10.0.0.1"), ("opcode", "Request")]
            )
            .unwrap(),
            "ether type arp arp operation != 1 arp saddr ip != 10.0.0.1"
        );
        assert_eq!(
            t(
                "tcp-ipv6",
                false,
                &[("dstportstart", "22"), ("state", "NEW")]
            )
            .unwrap(),
            "ether type ip6 meta l4proto tcp tcp dport 22 ct state new"
        );
        assert_eq!(
            t("icmpv6", false, &[("type", "135")]).unwrap(),
            "ether type ip6 meta l4proto ipv6-icmp icmpv6 type 135"
        );
        assert_eq!(t("all", false, &[]).unwrap(), "ether type ip");
    }

    #[test]
    fn refusals() {
        assert_eq!(
            t("tcp", false, &[("connlimit-above", "3")])
                .unwrap_err()
                .message,
            "unsupported configuration: attribute 'connlimit-above' of protocol 'tcp' is not \
             supported by the nftables filter backend"
        );
        assert!(t("rarp", false, &[("opcode", "1")]).is_err());
        assert!(t("ip", false, &[("srcipaddr", "10.0.0.300")]).is_err());
        assert!(t("stp", false, &[("type", "1")]).is_err());
    }
}
