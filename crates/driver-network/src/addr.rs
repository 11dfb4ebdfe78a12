//! Address arithmetic for a network's `<ip>` elements.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use rvirt_conf::network::IpDef;
use rvirt_core::error::VirResult;

use crate::errors::unsupported;

/// One `<ip>` resolved: host address and prefix length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpNet {
    pub addr: IpAddr,
    pub prefix: u8,
}

impl IpNet {
    /// Resolves an `<ip>`: prefix from `prefix=`, `netmask=` or the family default.
    pub fn from_def(ip: &IpDef) -> VirResult<IpNet> {
        let a = ip
            .address
            .as_deref()
            .ok_or_else(|| unsupported("network <ip> element has no address"))?;
        let addr: IpAddr = a
            .parse()
            .map_err(|_| unsupported(format!("invalid address '{a}'")))?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match (ip.prefix, ip.netmask.as_deref()) {
            (Some(p), _) => p,
            (None, Some(m)) => {
                let m: Ipv4Addr = m
                    .parse()
                    .map_err(|_| unsupported(format!("invalid netmask '{m}'")))?;
                let bits = u32::from(m);
                if bits.leading_ones() + bits.trailing_zeros() != 32 {
                    return Err(unsupported(format!("invalid netmask '{m}'")));
                }
                bits.count_ones()
            }
            (None, None) if addr.is_ipv6() => 64,
            (None, None) => match addr {
                IpAddr::V4(v) if v.octets()[0] < 128 => 8,
                IpAddr::V4(v) if v.octets()[0] < 192 => 16,
                _ => 24,
            },
        };
        if prefix > max {
            return Err(unsupported(format!("invalid prefix {prefix} for '{a}'")));
        }
        Ok(IpNet {
            addr,
            prefix: prefix as u8,
        })
    }

    pub fn is_v4(&self) -> bool {
        self.addr.is_ipv4()
    }

    /// The network address (host bits cleared).
    pub fn network(&self) -> IpAddr {
        match self.addr {
            IpAddr::V4(a) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                IpAddr::V4(Ipv4Addr::from(u32::from(a) & mask))
            }
            IpAddr::V6(a) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                IpAddr::V6(Ipv6Addr::from(u128::from(a) & mask))
            }
        }
    }

    /// `net/prefix`, as nft and `ip route` spell a subnet.
    pub fn cidr(&self) -> String {
        format!("{}/{}", self.network(), self.prefix)
    }

    /// The dotted netmask (IPv4).
    pub fn netmask_v4(&self) -> String {
        let mask = u32::MAX
            .checked_shl(32 - u32::from(self.prefix))
            .unwrap_or(0);
        Ipv4Addr::from(mask).to_string()
    }
}

/// The number of addresses from `start` to `end` inclusive (0 when reversed or mixed).
pub fn range_size(start: &str, end: &str) -> u128 {
    match (start.parse::<IpAddr>(), end.parse::<IpAddr>()) {
        (Ok(IpAddr::V4(s)), Ok(IpAddr::V4(e))) => {
            let (s, e) = (u32::from(s), u32::from(e));
            if e >= s {
                u128::from(e - s) + 1
            } else {
                0
            }
        }
        (Ok(IpAddr::V6(s)), Ok(IpAddr::V6(e))) => {
            let (s, e) = (u128::from(s), u128::from(e));
            if e >= s {
                (e - s).saturating_add(1)
            } else {
                0
            }
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_prefix_and_network() {
        let ip = IpDef {
            address: Some("192.168.122.1".into()),
            netmask: Some("255.255.255.0".into()),
            ..Default::default()
        };
        let n = IpNet::from_def(&ip).unwrap();
        assert_eq!(n.prefix, 24);
        assert_eq!(n.cidr(), "192.168.122.0/24");
        let ip6 = IpDef {
            family: Some("ipv6".into()),
            address: Some("2001:db8:ca2:2::1".into()),
            prefix: Some(64),
            ..Default::default()
        };
        assert_eq!(IpNet::from_def(&ip6).unwrap().cidr(), "2001:db8:ca2:2::/64");
        assert_eq!(range_size("192.168.122.2", "192.168.122.254"), 253);
    }
}
