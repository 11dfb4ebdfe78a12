//! `virNWFilterRuleDef` attribute values after variable substitution: checked, and written
//! as nftables expressions.

use std::net::{Ipv4Addr, Ipv6Addr};

use rvirt_core::error::{VirError, VirResult};

use crate::errors::DOM;

/// libvirt's wording for a value that does not fit its attribute.
pub(crate) fn illegal(attr: &str, v: &str) -> VirError {
    VirError::internal(DOM, format!("{attr} has illegal value {v}"))
}

/// A decimal or `0x` hexadecimal number up to `max`.
pub(crate) fn number(attr: &str, v: &str, max: u32) -> VirResult<u32> {
    let t = v.trim();
    let n = match t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        Some(h) => u32::from_str_radix(h, 16).ok(),
        None => t.parse().ok(),
    };
    n.filter(|n| *n <= max).ok_or_else(|| illegal(attr, v))
}

/// A MAC address as nft writes it (`52:54:00:00:00:01`).
pub(crate) fn mac(attr: &str, v: &str) -> VirResult<String> {
    let parts: Vec<&str> = v.split(':').collect();
    if parts.len() != 6 {
        return Err(illegal(attr, v));
    }
    let mut out = Vec::with_capacity(6);
    for p in parts {
        if p.is_empty() || p.len() > 2 {
            return Err(illegal(attr, v));
        }
        let b = u8::from_str_radix(p, 16).map_err(|_| illegal(attr, v))?;
        out.push(format!("{b:02x}"));
    }
    Ok(out.join(":"))
}

/// A prefix length from `24` or `255.255.255.0` (or an IPv6 mask), at most `max`.
pub(crate) fn prefix(attr: &str, v: &str, max: u32) -> VirResult<u32> {
    if let Ok(n) = v.trim().parse::<u32>() {
        return if n <= max {
            Ok(n)
        } else {
            Err(illegal(attr, v))
        };
    }
    let bytes: Vec<u8> = if max == 32 {
        v.parse::<Ipv4Addr>()
            .map_err(|_| illegal(attr, v))?
            .octets()
            .to_vec()
    } else {
        v.parse::<Ipv6Addr>()
            .map_err(|_| illegal(attr, v))?
            .octets()
            .to_vec()
    };
    let bits: u32 = bytes.iter().map(|b| b.count_ones()).sum();
    let contiguous = bytes
        .iter()
        .flat_map(|b| (0..8).rev().map(move |i| b & (1 << i) != 0))
        .skip(bits as usize)
        .all(|set| !set);
    if contiguous {
        Ok(bits)
    } else {
        Err(illegal(attr, v))
    }
}

/// An IPv4 network `a.b.c.d` or `a.b.c.d/p` with the host bits cleared.
pub(crate) fn ipv4(attr: &str, v: &str, mask: Option<u32>) -> VirResult<String> {
    let a: Ipv4Addr = v.trim().parse().map_err(|_| illegal(attr, v))?;
    Ok(match mask {
        Some(p) if p < 32 => {
            let m = if p == 0 { 0 } else { u32::MAX << (32 - p) };
            format!("{}/{p}", Ipv4Addr::from(u32::from(a) & m))
        }
        _ => a.to_string(),
    })
}

/// An IPv6 network `x::y` or `x::/p` with the host bits cleared.
pub(crate) fn ipv6(attr: &str, v: &str, mask: Option<u32>) -> VirResult<String> {
    let a: Ipv6Addr = v.trim().parse().map_err(|_| illegal(attr, v))?;
    Ok(match mask {
        Some(p) if p < 128 => {
            let m = if p == 0 { 0 } else { u128::MAX << (128 - p) };
            format!("{}/{p}", Ipv6Addr::from(u128::from(a) & m))
        }
        _ => a.to_string(),
    })
}

/// An ethertype for `ether type` / `vlan type`: nft's names for the common ones.
pub(crate) fn ethertype(attr: &str, v: &str) -> VirResult<String> {
    let n = match v.to_ascii_lowercase().as_str() {
        "arp" => 0x0806,
        "rarp" => 0x8035,
        "ipv4" => 0x0800,
        "ipv6" => 0x86dd,
        "vlan" => 0x8100,
        _ => number(attr, v, 0xffff)?,
    };
    Ok(match n {
        0x0806 => "arp".into(),
        0x0800 => "ip".into(),
        0x86dd => "ip6".into(),
        0x8100 => "vlan".into(),
        n => format!("0x{n:04x}"),
    })
}

/// An IP protocol (`tcp`, `udp`, `icmpv6`, `17`, `0x11`) as nft writes it.
pub(crate) fn ip_protocol(attr: &str, v: &str) -> VirResult<String> {
    let n = match v.to_ascii_lowercase().as_str() {
        "tcp" => 6,
        "udp" => 17,
        "udplite" => 136,
        "esp" => 50,
        "ah" => 51,
        "icmp" => 1,
        "igmp" => 2,
        "sctp" => 132,
        "icmpv6" => 58,
        _ => number(attr, v, 0xff)?,
    };
    Ok(l4_name(n))
}

/// nft's name for the protocols it knows by name, else the number.
pub(crate) fn l4_name(n: u32) -> String {
    match n {
        1 => "icmp".into(),
        6 => "tcp".into(),
        17 => "udp".into(),
        58 => "ipv6-icmp".into(),
        132 => "sctp".into(),
        n => n.to_string(),
    }
}

/// An ARP opcode by number or by libvirt's name.
pub(crate) fn arp_opcode(attr: &str, v: &str) -> VirResult<u32> {
    const NAMES: &[&str] = &[
        "Request",
        "Reply",
        "Request_Reverse",
        "Reply_Reverse",
        "DRARP_Request",
        "DRARP_Reply",
        "DRARP_Error",
        "InARP_Request",
        "ARP_NAK",
    ];
    match NAMES.iter().position(|n| n.eq_ignore_ascii_case(v)) {
        Some(i) => Ok(i as u32 + 1),
        None => number(attr, v, 0xffff),
    }
}

/// Connection states `NEW,ESTABLISHED` as `ct state new,established`; `NONE` cannot be
/// expressed.
pub(crate) fn ct_states(attr: &str, v: &str) -> VirResult<String> {
    let mut out = Vec::new();
    for s in v.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let name = s.to_ascii_lowercase();
        if !matches!(name.as_str(), "new" | "established" | "related" | "invalid") {
            return Err(illegal(attr, v));
        }
        out.push(name);
    }
    if out.is_empty() {
        return Err(illegal(attr, v));
    }
    Ok(out.join(","))
}

/// TCP flags `SYN,ACK/SYN` as `tcp flags & (syn | ack) == syn`; `None` when the mask is empty.
pub(crate) fn tcp_flags(attr: &str, v: &str, negate: bool) -> VirResult<Option<String>> {
    let (mask, set) = v.split_once('/').ok_or_else(|| illegal(attr, v))?;
    let names = |s: &str| -> VirResult<Vec<&'static str>> {
        let mut out: Vec<&'static str> = Vec::new();
        for f in s.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            let add: &[&'static str] = match f.to_ascii_uppercase().as_str() {
                "FIN" => &["fin"],
                "SYN" => &["syn"],
                "RST" => &["rst"],
                "PSH" => &["psh"],
                "ACK" => &["ack"],
                "URG" => &["urg"],
                "ALL" => &["fin", "syn", "rst", "psh", "ack", "urg"],
                "NONE" => &[],
                _ => return Err(illegal(attr, v)),
            };
            for a in add {
                if !out.contains(a) {
                    out.push(a);
                }
            }
        }
        Ok(out)
    };
    let mask = names(mask)?;
    let set = names(set)?;
    if mask.is_empty() {
        return Ok(None);
    }
    let op = if negate { "!=" } else { "==" };
    let set = if set.is_empty() {
        "0x0".to_string()
    } else {
        format!("({})", set.join(" | "))
    };
    Ok(Some(format!(
        "tcp flags & ({}) {op} {set}",
        mask.join(" | ")
    )))
}

/// A rule comment as an nft `comment "…"` (quotes and control characters dropped, at most
/// 128 bytes as nft keeps).
pub(crate) fn comment(v: &str) -> String {
    let mut s: String = v
        .chars()
        .filter(|c| !c.is_control() && *c != '"' && *c != '\\')
        .collect();
    let mut end = s.len().min(128);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    format!("comment \"{s}\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        assert_eq!(mac("a", "52:54:0:AA:0:1").unwrap(), "52:54:00:aa:00:01");
        assert!(mac("a", "52:54:00").is_err());
        assert_eq!(prefix("m", "255.255.255.0", 32).unwrap(), 24);
        assert!(prefix("m", "255.0.255.0", 32).is_err());
        assert_eq!(ipv4("a", "10.1.2.3", Some(16)).unwrap(), "10.1.0.0/16");
        assert_eq!(ipv4("a", "10.1.2.3", Some(32)).unwrap(), "10.1.2.3");
        assert_eq!(ipv6("a", "fe80::1", Some(10)).unwrap(), "fe80::/10");
        assert_eq!(ethertype("p", "ipv6").unwrap(), "ip6");
        assert_eq!(ethertype("p", "0x8035").unwrap(), "0x8035");
        assert_eq!(ip_protocol("p", "0x11").unwrap(), "udp");
        assert_eq!(ip_protocol("p", "esp").unwrap(), "50");
        assert_eq!(arp_opcode("o", "Reply").unwrap(), 2);
        assert_eq!(
            ct_states("s", "NEW,ESTABLISHED").unwrap(),
            "new,established"
        );
        assert!(ct_states("s", "NONE").is_err());
        assert_eq!(
            tcp_flags("f", "SYN,ACK/SYN", false).unwrap().unwrap(),
            "tcp flags & (syn | ack) == (syn)"
        );
        assert_eq!(tcp_flags("f", "NONE/ALL", false).unwrap(), None);
        assert_eq!(comment("a\"b\n"), "comment \"ab\"");
        assert_eq!(
            number("x", "70000", 0xffff).unwrap_err().message,
            "internal error: x has illegal value 70000"
        );
    }
}
