//! `learnIPAddressThread`'s packet inspection: the guest's IPv4 address read from one
//! Ethernet frame (ARP / IPv4 sent by the guest, or a DHCPACK sent to it).
//!
//! Every frame comes from a possibly hostile guest or network: all reads are bounds-checked
//! slices, and anything malformed yields `None`.

use std::net::Ipv4Addr;

const ETH_HDR: usize = 14;
const ETHERTYPE_IPV4: u16 = 0x0800;
const ETHERTYPE_ARP: u16 = 0x0806;
const ETHERTYPE_VLAN: u16 = 0x8100;
const BROADCAST: [u8; 6] = [0xff; 6];
const IPPROTO_UDP: u8 = 17;
const DHCP_MAGIC: [u8; 4] = [0x63, 0x82, 0x53, 0x63];
/// Offset of the magic cookie in a BOOTP message.
const DHCP_OPTIONS_AT: usize = 236;
const DHCP_OPT_MSG_TYPE: u8 = 53;
const DHCPACK: u8 = 5;

fn be16(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_be_bytes([s[0], s[1]]))
}

fn ipv4(b: &[u8], at: usize) -> Option<Ipv4Addr> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(Ipv4Addr::new(s[0], s[1], s[2], s[3]))
}

fn mac(b: &[u8], at: usize) -> Option<[u8; 6]> {
    b.get(at..at.checked_add(6)?)?.try_into().ok()
}

/// An address worth learning: not 0.0.0.0, not broadcast, not multicast.
fn usable(a: Ipv4Addr) -> Option<Ipv4Addr> {
    (!a.is_unspecified() && !a.is_broadcast() && !a.is_multicast()).then_some(a)
}

/// An Ethernet header's destination, source and ether type, and the payload.
type Ethernet<'a> = ([u8; 6], [u8; 6], u16, &'a [u8]);

/// Ethernet header: (destination, source, ether type, payload), skipping one 802.1Q tag.
fn ethernet(frame: &[u8]) -> Option<Ethernet<'_>> {
    let dst = mac(frame, 0)?;
    let src = mac(frame, 6)?;
    let mut ty = be16(frame, 12)?;
    let mut at = ETH_HDR;
    if ty == ETHERTYPE_VLAN {
        ty = be16(frame, 16)?;
        at = 18;
    }
    Some((dst, src, ty, frame.get(at..)?))
}

/// IPv4 header: (protocol, source, destination, payload) of an unfragmented-or-first
/// fragment packet; the payload is clipped to the header's total length.
fn ip_header(p: &[u8]) -> Option<(u8, Ipv4Addr, Ipv4Addr, &[u8], bool)> {
    let first = *p.first()?;
    if first >> 4 != 4 {
        return None;
    }
    let ihl = usize::from(first & 0x0f) * 4;
    if ihl < 20 {
        return None;
    }
    let total = usize::from(be16(p, 2)?);
    if total < ihl {
        return None;
    }
    let frag = be16(p, 6)?;
    let whole = frag & 0x3fff == 0; // no MF flag, offset 0
    let proto = *p.get(9)?;
    let src = ipv4(p, 12)?;
    let dst = ipv4(p, 16)?;
    let payload = p.get(ihl..total.min(p.len()))?;
    Some((proto, src, dst, payload, whole))
}

/// `DETECT_STATIC`: the sender address of an ARP packet or the source of an IPv4 packet
/// that the guest (`guest_mac` as Ethernet source) sent.
pub(crate) fn learn_any(frame: &[u8], guest_mac: [u8; 6]) -> Option<Ipv4Addr> {
    let (_, src, ty, payload) = ethernet(frame)?;
    if src != guest_mac {
        return None;
    }
    match ty {
        ETHERTYPE_ARP => {
            // htype 1 (Ethernet), ptype IPv4, hlen 6, plen 4
            if be16(payload, 0)? != 1 || be16(payload, 2)? != ETHERTYPE_IPV4 {
                return None;
            }
            if *payload.get(4)? != 6 || *payload.get(5)? != 4 {
                return None;
            }
            if mac(payload, 8)? != guest_mac {
                return None;
            }
            usable(ipv4(payload, 14)?)
        }
        ETHERTYPE_IPV4 => {
            let (_, s, _, _, _) = ip_header(payload)?;
            usable(s)
        }
        _ => None,
    }
}

/// The DHCP message type option of a BOOTP message's option area (`None` when absent or
/// malformed).
fn dhcp_msg_type(opts: &[u8]) -> Option<u8> {
    let mut i = 0usize;
    loop {
        let code = *opts.get(i)?;
        match code {
            0 => i = i.checked_add(1)?,
            255 => return None,
            _ => {
                let len = usize::from(*opts.get(i.checked_add(1)?)?);
                let start = i.checked_add(2)?;
                let val = opts.get(start..start.checked_add(len)?)?;
                if code == DHCP_OPT_MSG_TYPE {
                    return (len == 1).then(|| val[0]);
                }
                i = start.checked_add(len)?;
            }
        }
    }
}

/// `DETECT_DHCP`: the `yiaddr` of a DHCPACK sent to the guest (Ethernet destination the
/// guest's MAC or broadcast, `chaddr` the guest's MAC), from one of `servers` (IPv4 source)
/// when that list is not empty.
pub(crate) fn learn_dhcp(
    frame: &[u8],
    guest_mac: [u8; 6],
    servers: &[Ipv4Addr],
) -> Option<Ipv4Addr> {
    let (dst, _, ty, payload) = ethernet(frame)?;
    if ty != ETHERTYPE_IPV4 || (dst != guest_mac && dst != BROADCAST) {
        return None;
    }
    let (proto, src, _, udp, whole) = ip_header(payload)?;
    if proto != IPPROTO_UDP || !whole {
        return None;
    }
    if !servers.is_empty() && !servers.contains(&src) {
        return None;
    }
    if be16(udp, 0)? != 67 || be16(udp, 2)? != 68 {
        return None;
    }
    let bootp = udp.get(8..)?;
    // op BOOTREPLY, htype Ethernet, hlen 6
    if *bootp.first()? != 2 || *bootp.get(1)? != 1 || *bootp.get(2)? != 6 {
        return None;
    }
    if mac(bootp, 28)? != guest_mac {
        return None;
    }
    if bootp.get(DHCP_OPTIONS_AT..DHCP_OPTIONS_AT + 4)? != DHCP_MAGIC {
        return None;
    }
    if dhcp_msg_type(bootp.get(DHCP_OPTIONS_AT + 4..)?)? != DHCPACK {
        return None;
    }
    usable(ipv4(bootp, 16)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GUEST: [u8; 6] = [0x52, 0x54, 0, 0x77, 0, 2];
    const OTHER: [u8; 6] = [0x52, 0x54, 0, 0x77, 0, 9];

    fn eth(dst: [u8; 6], src: [u8; 6], ty: u16, payload: &[u8]) -> Vec<u8> {
        let mut f = Vec::new();
        f.extend_from_slice(&dst);
        f.extend_from_slice(&src);
        f.extend_from_slice(&ty.to_be_bytes());
        f.extend_from_slice(payload);
        f
    }

    fn arp(sha: [u8; 6], spa: [u8; 4]) -> Vec<u8> {
        let mut p = vec![0, 1, 8, 0, 6, 4, 0, 1];
        p.extend_from_slice(&sha);
        p.extend_from_slice(&spa);
        p.extend_from_slice(&[0; 6]);
        p.extend_from_slice(&[10, 77, 0, 1]);
        p
    }

    fn ip(proto: u8, src: [u8; 4], dst: [u8; 4], payload: &[u8]) -> Vec<u8> {
        let total = u16::try_from(20 + payload.len()).unwrap();
        let mut p = vec![0x45, 0];
        p.extend_from_slice(&total.to_be_bytes());
        p.extend_from_slice(&[0, 0, 0, 0, 64, proto, 0, 0]);
        p.extend_from_slice(&src);
        p.extend_from_slice(&dst);
        p.extend_from_slice(payload);
        p
    }

    fn dhcp(op: u8, chaddr: [u8; 6], yiaddr: [u8; 4], msg_type: u8) -> Vec<u8> {
        let mut b = vec![0u8; 236];
        b[0] = op;
        b[1] = 1;
        b[2] = 6;
        b[16..20].copy_from_slice(&yiaddr);
        b[28..34].copy_from_slice(&chaddr);
        b.extend_from_slice(&DHCP_MAGIC);
        b.extend_from_slice(&[
            0,
            0,
            1,
            4,
            255,
            255,
            255,
            0,
            DHCP_OPT_MSG_TYPE,
            1,
            msg_type,
            255,
        ]);
        let mut u = Vec::new();
        u.extend_from_slice(&67u16.to_be_bytes());
        u.extend_from_slice(&68u16.to_be_bytes());
        u.extend_from_slice(&u16::try_from(8 + b.len()).unwrap().to_be_bytes());
        u.extend_from_slice(&[0, 0]);
        u.extend_from_slice(&b);
        u
    }

    #[test]
    fn arp_and_ipv4_from_the_guest() {
        let f = eth(BROADCAST, GUEST, ETHERTYPE_ARP, &arp(GUEST, [10, 77, 0, 2]));
        assert_eq!(learn_any(&f, GUEST), Some(Ipv4Addr::new(10, 77, 0, 2)));
        // another sender, a probe (0.0.0.0), a mismatching sender hardware address
        assert_eq!(learn_any(&f, OTHER), None);
        let probe = eth(BROADCAST, GUEST, ETHERTYPE_ARP, &arp(GUEST, [0; 4]));
        assert_eq!(learn_any(&probe, GUEST), None);
        let lie = eth(BROADCAST, GUEST, ETHERTYPE_ARP, &arp(OTHER, [10, 77, 0, 2]));
        assert_eq!(learn_any(&lie, GUEST), None);

        let f = eth(
            OTHER,
            GUEST,
            ETHERTYPE_IPV4,
            &ip(1, [10, 0, 0, 5], [10, 0, 0, 1], &[8, 0]),
        );
        assert_eq!(learn_any(&f, GUEST), Some(Ipv4Addr::new(10, 0, 0, 5)));
        let f = eth(OTHER, GUEST, ETHERTYPE_IPV4, &ip(17, [0; 4], [255; 4], &[]));
        assert_eq!(learn_any(&f, GUEST), None);
        // 802.1Q tagged
        let mut tagged = eth(OTHER, GUEST, ETHERTYPE_VLAN, &[0, 10]);
        tagged.extend_from_slice(&ETHERTYPE_IPV4.to_be_bytes());
        tagged.extend_from_slice(&ip(6, [10, 0, 0, 6], [10, 0, 0, 1], &[]));
        assert_eq!(learn_any(&tagged, GUEST), Some(Ipv4Addr::new(10, 0, 0, 6)));
        // IPv6 and truncated frames teach nothing
        assert_eq!(learn_any(&eth(OTHER, GUEST, 0x86dd, &[0; 40]), GUEST), None);
        let full = eth(BROADCAST, GUEST, ETHERTYPE_ARP, &arp(GUEST, [10, 77, 0, 2]));
        for n in 0..full.len() - 10 {
            assert_eq!(learn_any(&full[..n], GUEST), None, "{n}");
        }
    }

    #[test]
    fn dhcpack_to_the_guest() {
        let srv = [10, 77, 0, 1];
        let ack = ip(17, srv, [255; 4], &dhcp(2, GUEST, [10, 77, 0, 50], DHCPACK));
        let f = eth(BROADCAST, OTHER, ETHERTYPE_IPV4, &ack);
        let want = Some(Ipv4Addr::new(10, 77, 0, 50));
        assert_eq!(learn_dhcp(&f, GUEST, &[]), want);
        assert_eq!(learn_dhcp(&f, GUEST, &[Ipv4Addr::from(srv)]), want);
        assert_eq!(learn_dhcp(&f, GUEST, &[Ipv4Addr::new(10, 77, 0, 9)]), None);
        assert_eq!(learn_dhcp(&f, OTHER, &[]), None);
        let uni = eth(GUEST, OTHER, ETHERTYPE_IPV4, &ack);
        assert_eq!(learn_dhcp(&uni, GUEST, &[]), want);
        let elsewhere = eth(OTHER, OTHER, ETHERTYPE_IPV4, &ack);
        assert_eq!(learn_dhcp(&elsewhere, GUEST, &[]), None);
        // an OFFER (2), a request (op 1), another chaddr
        for p in [
            dhcp(2, GUEST, [10, 77, 0, 50], 2),
            dhcp(1, GUEST, [10, 77, 0, 50], DHCPACK),
            dhcp(2, OTHER, [10, 77, 0, 50], DHCPACK),
        ] {
            let f = eth(BROADCAST, OTHER, ETHERTYPE_IPV4, &ip(17, srv, [255; 4], &p));
            assert_eq!(learn_dhcp(&f, GUEST, &[]), None);
        }
        // every truncation fails cleanly
        for n in 0..f.len() - 1 {
            assert_eq!(learn_dhcp(&f[..n], GUEST, &[]), None, "{n}");
        }
    }

    #[test]
    fn option_walk_is_bounded() {
        assert_eq!(dhcp_msg_type(&[0, 0, 53, 1, 5, 255]), Some(5));
        assert_eq!(dhcp_msg_type(&[1, 200, 53, 1, 5]), None);
        assert_eq!(dhcp_msg_type(&[53, 2, 5, 5]), None);
        assert_eq!(dhcp_msg_type(&[53]), None);
        assert_eq!(dhcp_msg_type(&[0; 64]), None);
    }

    #[test]
    fn random_bytes_never_panic() {
        // xorshift: deterministic pseudo-random frames, some with a plausible header
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let srv = [Ipv4Addr::new(10, 0, 0, 1)];
        for round in 0..20_000 {
            let len = usize::try_from(next() % 600).unwrap();
            let mut f: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            if round % 2 == 0 && f.len() > 24 {
                f[6..12].copy_from_slice(&GUEST);
                f[12..14].copy_from_slice(&[8, if round % 4 == 0 { 0 } else { 6 }]);
                f[14] = 0x45;
            }
            let _ = learn_any(&f, GUEST);
            let _ = learn_dhcp(&f, GUEST, &srv);
            let _ = learn_dhcp(&f, GUEST, &[]);
        }
    }
}
