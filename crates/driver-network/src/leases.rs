//! dnsmasq's lease file → `virNetworkDHCPLease` records.
//!
//! IPv4 lines: `expiry mac ip hostname clientid`; after the `duid <server-duid>` line,
//! IPv6 lines: `expiry iaid ip hostname clientduid`.

use rvirt_core::info::NetworkDhcpLease;

/// `VIR_IP_ADDR_TYPE_IPV4` / `_IPV6`.
const IPV4: i32 = 0;
const IPV6: i32 = 1;

fn opt(s: &str) -> Option<String> {
    (s != "*" && !s.is_empty()).then(|| s.to_string())
}

/// Parses a dnsmasq lease file for interface `iface`; `prefix_of` maps an address to the
/// prefix of the network `<ip>` it belongs to.
pub fn parse(text: &str, iface: &str, prefix_of: &dyn Fn(&str) -> u32) -> Vec<NetworkDhcpLease> {
    let mut out = Vec::new();
    let mut v6 = false;
    for line in text.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.first() == Some(&"duid") {
            v6 = true;
            continue;
        }
        if f.len() < 4 {
            continue;
        }
        let Ok(expiry) = f[0].parse::<i64>() else {
            continue;
        };
        let ip = f[2].to_string();
        let prefix = prefix_of(&ip);
        let lease = if v6 || ip.contains(':') {
            NetworkDhcpLease {
                iface: iface.to_string(),
                expirytime: expiry,
                addr_type: IPV6,
                mac: None,
                iaid: Some(f[1].to_string()),
                ipaddr: ip,
                prefix,
                hostname: opt(f[3]),
                clientid: f.get(4).and_then(|s| opt(s)),
            }
        } else {
            NetworkDhcpLease {
                iface: iface.to_string(),
                expirytime: expiry,
                addr_type: IPV4,
                mac: Some(f[1].to_ascii_lowercase()),
                iaid: None,
                ipaddr: ip,
                prefix,
                hostname: opt(f[3]),
                clientid: f.get(4).and_then(|s| opt(s)),
            }
        };
        out.push(lease);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_v4_and_v6() {
        let text = "1700000000 52:54:00:AA:bb:cc 192.168.122.50 guest1 01:52:54:00:aa:bb:cc\n\
                    1700000001 52:54:00:11:22:33 192.168.122.51 * *\n\
                    duid 00:01:00:01:2a:2b\n\
                    1700000002 1234 2001:db8::10 guest6 00:04:aa\n";
        let l = parse(text, "virbr0", &|ip: &str| {
            if ip.contains(':') {
                64
            } else {
                24
            }
        });
        assert_eq!(l.len(), 3);
        assert_eq!(l[0].mac.as_deref(), Some("52:54:00:aa:bb:cc"));
        assert_eq!(l[0].hostname.as_deref(), Some("guest1"));
        assert_eq!(l[0].prefix, 24);
        assert_eq!(l[1].hostname, None);
        assert_eq!(l[2].addr_type, 1);
        assert_eq!(l[2].iaid.as_deref(), Some("1234"));
        assert_eq!(l[2].prefix, 64);
    }
}
