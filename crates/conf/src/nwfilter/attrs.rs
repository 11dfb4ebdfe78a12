//! The attribute tables of the rule protocol elements (`<mac>`, `<ip>`, `<tcp>`, …): which
//! attributes each element reads, in the order libvirt formats them, and their value kinds.

/// How an attribute's value is read and written back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// 8-bit number, decimal or hexadecimal.
    U8,
    /// 16-bit number, decimal or hexadecimal.
    U16,
    /// 16-bit number, decimal only.
    U16Dec,
    /// 32-bit number, decimal or hexadecimal.
    U32,
    Ip4,
    Ip4Mask,
    Ip6,
    Ip6Mask,
    Mac,
    MacMask,
    Bool,
    /// Free text, at most 256 bytes kept.
    Comment,
    /// An ethertype number (≥ 0x600) or `arp`, `rarp`, `ipv4`, `ipv6`, `vlan`.
    MacProtocol,
    /// A VLAN encapsulated ethertype (≥ 0x3c) or its name.
    VlanProtocol,
    /// VLAN id 0‥4095.
    VlanId,
    /// An IP protocol number or name (`tcp`, `udp`, …).
    IpProtocol,
    /// ARP opcode number or name (`Request`, `Reply`, …).
    ArpOpcode,
    /// DSCP 0‥63.
    Dscp,
    /// Connection states (`NEW,ESTABLISHED`…).
    State,
    /// TCP flags `mask/flags`.
    TcpFlags,
    IpSet,
    IpSetFlags,
}

/// One attribute of a protocol element.
pub(super) type Attr = (&'static str, Kind);

const MAC_COMMON: [Attr; 4] = [
    ("srcmacaddr", Kind::Mac),
    ("srcmacmask", Kind::MacMask),
    ("dstmacaddr", Kind::Mac),
    ("dstmacmask", Kind::MacMask),
];

const MAC: &[Attr] = &[
    MAC_COMMON[0],
    MAC_COMMON[1],
    MAC_COMMON[2],
    MAC_COMMON[3],
    ("protocolid", Kind::MacProtocol),
    ("comment", Kind::Comment),
];

const VLAN: &[Attr] = &[
    MAC_COMMON[0],
    MAC_COMMON[1],
    MAC_COMMON[2],
    MAC_COMMON[3],
    ("vlanid", Kind::VlanId),
    ("encap-protocol", Kind::VlanProtocol),
    ("comment", Kind::Comment),
];

const STP: &[Attr] = &[
    ("srcmacaddr", Kind::Mac),
    ("srcmacmask", Kind::MacMask),
    ("type", Kind::U8),
    ("flags", Kind::U8),
    ("root-priority", Kind::U16),
    ("root-priority-hi", Kind::U16),
    ("root-address", Kind::Mac),
    ("root-address-mask", Kind::MacMask),
    ("root-cost", Kind::U32),
    ("root-cost-hi", Kind::U32),
    ("sender-priority", Kind::U16),
    ("sender-priority-hi", Kind::U16),
    ("sender-address", Kind::Mac),
    ("sender-address-mask", Kind::MacMask),
    ("port", Kind::U16),
    ("port-hi", Kind::U16),
    ("age", Kind::U16),
    ("age-hi", Kind::U16),
    ("max-age", Kind::U16),
    ("max-age-hi", Kind::U16),
    ("hello-time", Kind::U16),
    ("hello-time-hi", Kind::U16),
    ("forward-delay", Kind::U16),
    ("forward-delay-hi", Kind::U16),
    ("comment", Kind::Comment),
];

const ARP: &[Attr] = &[
    MAC_COMMON[0],
    MAC_COMMON[1],
    MAC_COMMON[2],
    MAC_COMMON[3],
    ("hwtype", Kind::U16),
    ("protocoltype", Kind::U16),
    ("opcode", Kind::ArpOpcode),
    ("arpsrcmacaddr", Kind::Mac),
    ("arpdstmacaddr", Kind::Mac),
    ("arpsrcipaddr", Kind::Ip4),
    ("arpsrcipmask", Kind::Ip4Mask),
    ("arpdstipaddr", Kind::Ip4),
    ("arpdstipmask", Kind::Ip4Mask),
    ("gratuitous", Kind::Bool),
    ("comment", Kind::Comment),
];

const PORTS: [Attr; 4] = [
    ("srcportstart", Kind::U16),
    ("srcportend", Kind::U16),
    ("dstportstart", Kind::U16),
    ("dstportend", Kind::U16),
];

const IP: &[Attr] = &[
    MAC_COMMON[0],
    MAC_COMMON[1],
    MAC_COMMON[2],
    MAC_COMMON[3],
    ("srcipaddr", Kind::Ip4),
    ("srcipmask", Kind::Ip4Mask),
    ("dstipaddr", Kind::Ip4),
    ("dstipmask", Kind::Ip4Mask),
    ("protocol", Kind::IpProtocol),
    PORTS[0],
    PORTS[1],
    PORTS[2],
    PORTS[3],
    ("dscp", Kind::Dscp),
    ("comment", Kind::Comment),
];

const IPV6: &[Attr] = &[
    MAC_COMMON[0],
    MAC_COMMON[1],
    MAC_COMMON[2],
    MAC_COMMON[3],
    ("srcipaddr", Kind::Ip6),
    ("srcipmask", Kind::Ip6Mask),
    ("dstipaddr", Kind::Ip6),
    ("dstipmask", Kind::Ip6Mask),
    ("protocol", Kind::IpProtocol),
    PORTS[0],
    PORTS[1],
    PORTS[2],
    PORTS[3],
    ("type", Kind::U8),
    ("typeend", Kind::U8),
    ("code", Kind::U8),
    ("codeend", Kind::U8),
    ("comment", Kind::Comment),
];

/// The layer-3 attributes shared by `<tcp>`, `<udp>`, `<icmp>`, `<all>`, … (v4 or v6).
const fn l3(v6: bool) -> [Attr; 14] {
    let (addr, mask) = if v6 {
        (Kind::Ip6, Kind::Ip6Mask)
    } else {
        (Kind::Ip4, Kind::Ip4Mask)
    };
    [
        ("srcmacaddr", Kind::Mac),
        ("srcipaddr", addr),
        ("srcipmask", mask),
        ("dstipaddr", addr),
        ("dstipmask", mask),
        ("srcipfrom", addr),
        ("srcipto", addr),
        ("dstipfrom", addr),
        // libvirt reads `dstipto` as an IPv4 address for both families
        ("dstipto", Kind::Ip4),
        ("dscp", Kind::Dscp),
        ("connlimit-above", Kind::U16Dec),
        ("state", Kind::State),
        ("ipset", Kind::IpSet),
        ("ipsetflags", Kind::IpSetFlags),
    ]
}

const L3_V4: [Attr; 14] = l3(false);
const L3_V6: [Attr; 14] = l3(true);

/// The attributes of one protocol element, in libvirt's format order.
pub(super) fn table(protocol: &str) -> Option<Vec<Attr>> {
    let fixed: &[Attr] = match protocol {
        "mac" => MAC,
        "vlan" => VLAN,
        "stp" => STP,
        "arp" | "rarp" => ARP,
        "ip" => IP,
        "ipv6" => IPV6,
        _ => &[],
    };
    if !fixed.is_empty() {
        return Some(fixed.to_vec());
    }
    let (base, v6) = match protocol.strip_suffix("-ipv6") {
        Some(b) => (b, true),
        None if protocol == "icmpv6" => ("icmp", true),
        None => (protocol, false),
    };
    let extra: &[Attr] = match base {
        "tcp" if v6 => &[PORTS[0], PORTS[1], PORTS[2], PORTS[3], ("option", Kind::U8)],
        "tcp" => &[
            PORTS[0],
            PORTS[1],
            PORTS[2],
            PORTS[3],
            ("option", Kind::U8),
            ("flags", Kind::TcpFlags),
        ],
        "udp" | "sctp" => &PORTS,
        "icmp" => &[("type", Kind::U8), ("code", Kind::U8)],
        "udplite" | "esp" | "ah" | "all" => &[],
        "igmp" if !v6 => &[],
        _ => return None,
    };
    let common = if v6 { &L3_V6 } else { &L3_V4 };
    let mut out: Vec<Attr> = common.to_vec();
    out.extend_from_slice(extra);
    out.push(("comment", Kind::Comment));
    Some(out)
}

/// Protocol element names in libvirt's lookup order (`virAttr[]`).
pub(super) const PROTOCOLS: &[&str] = &[
    "arp",
    "rarp",
    "mac",
    "vlan",
    "stp",
    "ip",
    "ipv6",
    "tcp",
    "udp",
    "udplite",
    "esp",
    "ah",
    "sctp",
    "icmp",
    "all",
    "igmp",
    "tcp-ipv6",
    "udp-ipv6",
    "udplite-ipv6",
    "esp-ipv6",
    "ah-ipv6",
    "sctp-ipv6",
    "icmpv6",
    "all-ipv6",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_protocol_has_a_table_ending_in_comment() {
        for p in PROTOCOLS {
            let t = table(p).unwrap();
            assert_eq!(t.last().unwrap().0, "comment", "{p}");
        }
        assert!(table("igmp-ipv6").is_none());
        assert!(table("bogus").is_none());
        assert_eq!(
            table("tcp")
                .unwrap()
                .iter()
                .filter(|a| a.0 == "flags")
                .count(),
            1
        );
        assert_eq!(
            table("tcp-ipv6")
                .unwrap()
                .iter()
                .filter(|a| a.0 == "flags")
                .count(),
            0
        );
    }
}
