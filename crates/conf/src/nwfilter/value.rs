//! Reading one rule attribute value and writing it back as libvirt does: numbers keep the
//! base they were written in, masks become prefix lengths, addresses are normalised.

use std::net::{Ipv4Addr, Ipv6Addr};

use super::attrs::Kind;
use crate::xml::values::{format_mac, parse_mac};

/// Longest comment libvirt keeps (`MAX_COMMENT_LENGTH`).
const MAX_COMMENT: usize = 256;
/// Longest ipset name (`MAX_IPSET_NAME_LENGTH` less the terminator).
const MAX_IPSET_NAME: usize = 31;

const MAC_PROTOCOLS: &[(u32, &str)] = &[
    (0x0806, "arp"),
    (0x8035, "rarp"),
    (0x0800, "ipv4"),
    (0x86dd, "ipv6"),
    (0x8100, "vlan"),
];

const IP_PROTOCOLS: &[(u32, &str)] = &[
    (6, "tcp"),
    (17, "udp"),
    (136, "udplite"),
    (50, "esp"),
    (51, "ah"),
    (1, "icmp"),
    (2, "igmp"),
    (132, "sctp"),
    (58, "icmpv6"),
];

const ARP_OPCODES: &[(u32, &str)] = &[
    (1, "Request"),
    (2, "Reply"),
    (3, "Request_Reverse"),
    (4, "Reply_Reverse"),
    (5, "DRARP_Request"),
    (6, "DRARP_Reply"),
    (7, "DRARP_Error"),
    (8, "InARP_Request"),
    (9, "ARP_NAK"),
];

const STATES: &[(u32, &str)] = &[
    (1, "NEW"),
    (2, "ESTABLISHED"),
    (4, "RELATED"),
    (8, "INVALID"),
    (16, "NONE"),
];

const TCP_FLAGS: &[(u32, &str)] = &[
    (0x1, "FIN"),
    (0x2, "SYN"),
    (0x4, "RST"),
    (0x8, "PSH"),
    (0x10, "ACK"),
    (0x20, "URG"),
    (0x3f, "ALL"),
    (0x0, "NONE"),
];

/// A parsed number and whether it was written in hexadecimal.
#[derive(Clone, Copy)]
struct Num {
    v: u32,
    hex: bool,
}

impl Num {
    fn show(self) -> String {
        if self.hex {
            format!("0x{:x}", self.v)
        } else {
            self.v.to_string()
        }
    }
}

/// `virStrToLong_ui` with base 10: optional leading blanks, then digits only.
fn dec(s: &str) -> Option<u32> {
    let t = s.trim_start();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// `virStrToLong_ui` with base 16: optional blanks and `0x` prefix, then hex digits.
fn hex(s: &str) -> Option<u32> {
    let t = s.trim_start();
    let t = t
        .strip_prefix("0x")
        .or_else(|| t.strip_prefix("0X"))
        .unwrap_or(t);
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(t, 16).ok()
}

/// Decimal first, then hexadecimal (libvirt tries `UINTn` before `UINTn_HEX`), bounded by `max`.
fn number(s: &str, max: u32) -> Option<Num> {
    if let Some(v) = dec(s) {
        if v <= max {
            return Some(Num { v, hex: false });
        }
    }
    hex(s).filter(|v| *v <= max).map(|v| Num { v, hex: true })
}

fn by_name(map: &[(u32, &str)], s: &str) -> Option<u32> {
    map.iter()
        .find(|(_, n)| n.eq_ignore_ascii_case(s))
        .map(|(v, _)| *v)
}

fn name_of(map: &[(u32, &'static str)], v: u32) -> Option<&'static str> {
    map.iter().find(|(n, _)| *n == v).map(|(_, s)| *s)
}

/// A number or a name from `map`; written back as the name when it has one, else in the
/// base it was given (names without one come back hexadecimal).
fn numbered(
    s: &str,
    max: u32,
    min: u32,
    map: &[(u32, &'static str)],
    named_hex: bool,
) -> Option<String> {
    let n = match number(s, max) {
        Some(n) if n.v >= min => n,
        Some(_) => return None,
        None => Num {
            v: by_name(map, s)?,
            hex: named_hex,
        },
    };
    Some(match name_of(map, n.v) {
        Some(name) => name.to_string(),
        None => n.show(),
    })
}

/// Prefix length of a contiguous netmask (`virSocketAddrGetNumNetmaskBits`).
fn mask_bits(bytes: &[u8]) -> Option<u32> {
    let mut bits = 0u32;
    let mut ended = false;
    for b in bytes {
        for i in (0..8).rev() {
            let set = b & (1 << i) != 0;
            if set && ended {
                return None;
            }
            if set {
                bits += 1;
            } else {
                ended = true;
            }
        }
    }
    Some(bits)
}

/// Items like `NEW,ESTABLISHED` matched case-insensitively by prefix (`parseStringItems`).
fn string_items(map: &[(u32, &str)], input: &str) -> Option<u32> {
    let b = input.as_bytes();
    let mut i = 0;
    let mut flags = 0;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b',') {
            i += 1;
        }
        if i >= b.len() {
            return Some(flags);
        }
        let rest = &input[i..];
        let (v, n) = map.iter().find(|(_, n)| {
            rest.len() >= n.len() && rest.as_bytes()[..n.len()].eq_ignore_ascii_case(n.as_bytes())
        })?;
        flags |= v;
        i += n.len();
    }
}

/// Names of the set bits in ascending order, joined by `,` (`printStringItems`).
fn print_items(map: &[(u32, &str)], flags: u32) -> String {
    let mut out = Vec::new();
    for bit in 0..32 {
        let m = 1u32 << bit;
        if flags & m != 0 {
            if let Some(n) = name_of_single(map, m) {
                out.push(n);
            }
        }
    }
    out.join(",")
}

fn name_of_single<'a>(map: &[(u32, &'a str)], v: u32) -> Option<&'a str> {
    map.iter().find(|(n, _)| *n == v).map(|(_, s)| *s)
}

fn tcp_flags(v: u32) -> String {
    match v {
        0 => "NONE".into(),
        0x3f => "ALL".into(),
        v => print_items(TCP_FLAGS, v),
    }
}

/// Parses `s` as `kind`; `Some(text)` is the value as libvirt formats it.
pub(super) fn parse(kind: Kind, s: &str) -> Option<String> {
    match kind {
        Kind::U8 => number(s, 0xff).map(Num::show),
        Kind::U16 => number(s, 0xffff).map(Num::show),
        Kind::U16Dec => dec(s).filter(|v| *v <= 0xffff).map(|v| v.to_string()),
        Kind::U32 => number(s, u32::MAX).map(Num::show),
        Kind::Dscp => number(s, 0xff).filter(|n| n.v <= 63).map(Num::show),
        Kind::VlanId => number(s, 0xffff).filter(|n| n.v <= 4095).map(Num::show),
        Kind::Ip4 => s.parse::<Ipv4Addr>().ok().map(|a| a.to_string()),
        Kind::Ip6 => s.parse::<Ipv6Addr>().ok().map(|a| a.to_string()),
        Kind::Ip4Mask => match dec(s) {
            Some(v) if v <= 32 => Some(v.to_string()),
            Some(_) => None,
            None => mask_bits(&s.parse::<Ipv4Addr>().ok()?.octets()).map(|b| b.to_string()),
        },
        Kind::Ip6Mask => match dec(s) {
            Some(v) if v <= 128 => Some(v.to_string()),
            Some(_) => None,
            None => mask_bits(&s.parse::<Ipv6Addr>().ok()?.octets()).map(|b| b.to_string()),
        },
        Kind::Mac => parse_mac(s).map(|m| format_mac(&m)),
        Kind::MacMask => parse_mac(s)
            .filter(|m| mask_bits(m).is_some())
            .map(|m| format_mac(&m)),
        Kind::Bool => Some(if matches!(s, "true" | "1" | "yes") {
            "true".into()
        } else {
            "false".into()
        }),
        Kind::Comment => {
            let mut end = s.len().min(MAX_COMMENT);
            while !s.is_char_boundary(end) {
                end -= 1;
            }
            Some(s[..end].to_string())
        }
        Kind::MacProtocol => numbered(s, 0xffff, 0x600, MAC_PROTOCOLS, false),
        Kind::VlanProtocol => numbered(s, 0xffff, 0x3c, MAC_PROTOCOLS, false),
        Kind::IpProtocol => numbered(s, 0xff, 0, IP_PROTOCOLS, true),
        Kind::ArpOpcode => {
            let v = match number(s, 0xffff) {
                Some(n) => n.v,
                None => by_name(ARP_OPCODES, s)?,
            };
            Some(name_of(ARP_OPCODES, v).map_or_else(|| v.to_string(), str::to_string))
        }
        Kind::State => {
            let mut flags = string_items(STATES, s)?;
            if flags & 16 != 0 {
                flags = 16;
            }
            Some(print_items(STATES, flags))
        }
        Kind::TcpFlags => {
            let (m, f) = s.split_once('/')?;
            let mask = string_items(TCP_FLAGS, m)? & 0x3f;
            let flags = string_items(TCP_FLAGS, f)? & 0x3f;
            Some(format!("{}/{}", tcp_flags(mask), tcp_flags(flags)))
        }
        Kind::IpSet => {
            let ok = s.len() <= MAX_IPSET_NAME
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"_.:-+ ".contains(&b));
            ok.then(|| s.to_string())
        }
        Kind::IpSetFlags => {
            let parts: Vec<&str> = s.split(',').collect();
            let ok = !parts.is_empty()
                && parts.len() <= 6
                && parts
                    .iter()
                    .all(|p| p.eq_ignore_ascii_case("src") || p.eq_ignore_ascii_case("dst"));
            ok.then(|| {
                parts
                    .iter()
                    .map(|p| p.to_ascii_lowercase())
                    .collect::<Vec<_>>()
                    .join(",")
            })
        }
    }
}

/// A variable reference (`$IP`, `$IP[2]`, `$IP[@1]`) as libvirt prints it back, or `None`
/// when malformed (`virNWFilterVarAccessParse`).
pub(super) fn variable(s: &str) -> Option<String> {
    let body = s.strip_prefix('$')?;
    let end = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(body.len());
    let (name, rest) = body.split_at(end);
    if rest.is_empty() {
        return Some(format!("${name}"));
    }
    let inner = rest.strip_prefix('[')?.strip_suffix(']')?.trim();
    let (iter, digits) = match inner.strip_prefix('@') {
        Some(d) => (true, d.trim()),
        None => (false, inner),
    };
    let n = dec(digits)?;
    match (iter, n) {
        (true, 0) => Some(format!("${name}")),
        (true, n) if n <= 1000 => Some(format!("${name}[@{n}]")),
        (true, _) => None,
        (false, n) => Some(format!("${name}[{n}]")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_base() {
        assert_eq!(parse(Kind::U16, "80").as_deref(), Some("80"));
        assert_eq!(parse(Kind::U16, "0x50").as_deref(), Some("0x50"));
        assert_eq!(parse(Kind::U16, "ff").as_deref(), Some("0xff"));
        assert_eq!(parse(Kind::U8, "256"), None);
        assert_eq!(parse(Kind::U16, "70000"), None);
        assert_eq!(parse(Kind::U16Dec, "0x10"), None);
    }

    #[test]
    fn named_values() {
        assert_eq!(parse(Kind::MacProtocol, "ipv4").as_deref(), Some("ipv4"));
        assert_eq!(parse(Kind::MacProtocol, "0x800").as_deref(), Some("ipv4"));
        assert_eq!(
            parse(Kind::MacProtocol, "0x1234").as_deref(),
            Some("0x1234")
        );
        assert_eq!(parse(Kind::MacProtocol, "100"), None);
        assert_eq!(parse(Kind::IpProtocol, "UDP").as_deref(), Some("udp"));
        assert_eq!(parse(Kind::IpProtocol, "99").as_deref(), Some("99"));
        assert_eq!(
            parse(Kind::ArpOpcode, "request").as_deref(),
            Some("Request")
        );
        assert_eq!(
            parse(Kind::State, "established,new").as_deref(),
            Some("NEW,ESTABLISHED")
        );
        assert_eq!(parse(Kind::State, "NEW,NONE").as_deref(), Some("NONE"));
        assert_eq!(
            parse(Kind::TcpFlags, "SYN,ACK/SYN").as_deref(),
            Some("SYN,ACK/SYN")
        );
        assert_eq!(
            parse(Kind::TcpFlags, "ALL/NONE").as_deref(),
            Some("ALL/NONE")
        );
        assert_eq!(parse(Kind::TcpFlags, "SYN"), None);
    }

    #[test]
    fn addresses_and_masks() {
        assert_eq!(parse(Kind::Ip4Mask, "255.255.255.0").as_deref(), Some("24"));
        assert_eq!(parse(Kind::Ip4Mask, "255.0.255.0"), None);
        assert_eq!(parse(Kind::Ip6Mask, "64").as_deref(), Some("64"));
        assert_eq!(
            parse(Kind::Mac, "AA:bb:0:1:2:3").as_deref(),
            Some("aa:bb:00:01:02:03")
        );
        assert_eq!(parse(Kind::MacMask, "ff:ff:00:ff:00:00"), None);
        assert_eq!(parse(Kind::Ip6, "FE80:0::1").as_deref(), Some("fe80::1"));
        assert_eq!(parse(Kind::Ip4, "10.0.0.300"), None);
    }

    #[test]
    fn variables() {
        assert_eq!(variable("$IP").as_deref(), Some("$IP"));
        assert_eq!(variable("$IP[@0]").as_deref(), Some("$IP"));
        assert_eq!(variable("$IP[ @2 ]").as_deref(), Some("$IP[@2]"));
        assert_eq!(variable("$IP[3]").as_deref(), Some("$IP[3]"));
        assert_eq!(variable("$IP[x]"), None);
        assert_eq!(variable("$IP-x"), None);
    }
}
