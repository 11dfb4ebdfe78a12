//! `ebtablesApplyBasicRules` / `ebtablesApplyDHCPOnlyRules` for nftables: the rules a port
//! has while its guest's IP address is being learned.
//!
//! From the guest only frames with the binding's MAC pass, and of those only ARP and IPv4
//! (`any`) or DHCP client traffic udp 68→67 (`dhcp`); towards the guest ARP and IPv4
//! (`any`) or DHCP replies udp 67→68 to its MAC or broadcast, from `DHCPSERVER` when given
//! (`dhcp`). Everything else is dropped.

use rvirt_core::error::VirResult;

use super::ruleset::{check_portdev, PortRuleset};
use crate::learn::LearnMode;

/// The learning ruleset of `portdev` for a guest with MAC `mac`.
pub(crate) fn learning_ruleset(
    portdev: &str,
    mac: [u8; 6],
    mode: &LearnMode,
) -> VirResult<PortRuleset> {
    check_portdev(portdev)?;
    let mac = mac
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":");
    let mut out = vec![format!("ether saddr != {mac} drop")];
    let mut inward = Vec::new();
    match mode {
        LearnMode::Any => {
            for l in [&mut out, &mut inward] {
                l.push("ether type arp accept".to_string());
                l.push("ether type ip accept".to_string());
            }
        }
        LearnMode::Dhcp { servers } => {
            out.push("ether type ip ip protocol udp udp sport 68 udp dport 67 accept".into());
            let from = if servers.is_empty() {
                String::new()
            } else {
                let list: Vec<String> = servers.iter().map(|s| s.to_string()).collect();
                format!("ip saddr {{ {} }} ", list.join(", "))
            };
            inward.push(format!(
                "ether daddr {{ {mac}, ff:ff:ff:ff:ff:ff }} ether type ip {from}ip protocol udp \
                 udp sport 67 udp dport 68 accept"
            ));
        }
    }
    out.push("drop".into());
    inward.push("drop".into());
    Ok(PortRuleset {
        portdev: portdev.to_string(),
        chains: vec![
            (format!("{portdev}/out"), out),
            (format!("{portdev}/in"), inward),
        ],
    })
}

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;

    use super::*;

    const MAC: [u8; 6] = [0x52, 0x54, 0, 0xaa, 0, 1];

    #[test]
    fn any_and_dhcp_rules() {
        let rs = learning_ruleset("vnet0", MAC, &LearnMode::Any).unwrap();
        assert_eq!(
            rs.chains,
            vec![
                (
                    "vnet0/out".to_string(),
                    vec![
                        "ether saddr != 52:54:00:aa:00:01 drop".to_string(),
                        "ether type arp accept".into(),
                        "ether type ip accept".into(),
                        "drop".into(),
                    ]
                ),
                (
                    "vnet0/in".to_string(),
                    vec![
                        "ether type arp accept".to_string(),
                        "ether type ip accept".into(),
                        "drop".into(),
                    ]
                ),
            ]
        );
        let servers = vec![Ipv4Addr::new(10, 0, 0, 1), Ipv4Addr::new(10, 0, 0, 2)];
        let rs = learning_ruleset("vnet0", MAC, &LearnMode::Dhcp { servers }).unwrap();
        assert_eq!(
            rs.chains[0].1[1],
            "ether type ip ip protocol udp udp sport 68 udp dport 67 accept"
        );
        assert_eq!(
            rs.chains[1].1[0],
            "ether daddr { 52:54:00:aa:00:01, ff:ff:ff:ff:ff:ff } ether type ip \
             ip saddr { 10.0.0.1, 10.0.0.2 } ip protocol udp udp sport 67 udp dport 68 accept"
        );
        assert!(learning_ruleset("1bad", MAC, &LearnMode::Any).is_err());
    }
}
