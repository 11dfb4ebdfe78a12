//! Network XML → nftables batch (the analogue of libvirt's `network_nftables.c` rules).
//!
//! Each network owns one `inet` table named after its bridge; the batch first creates and
//! deletes that table, then defines it whole, so `nft -f` replaces it in one transaction.

use std::fmt::Write as _;

use rvirt_conf::network::{ForwardMode, NetworkDef};
use rvirt_core::error::VirResult;

use crate::addr::IpNet;
use crate::validate::ifname;

/// The nft table that holds network rules for `bridge`.
pub fn table_name(bridge: &str) -> String {
    let mut s = String::from("rvirt_");
    for c in bridge.chars() {
        s.push(if c.is_ascii_alphanumeric() || c == '_' {
            c
        } else {
            '_'
        });
    }
    s
}

/// Whether this forward mode gets rules at all (open and host-bridge modes get none).
pub fn wants_rules(def: &NetworkDef) -> bool {
    matches!(
        def.forward.mode,
        ForwardMode::None | ForwardMode::Nat | ForwardMode::Route
    )
}

fn fam(n: &IpNet) -> &'static str {
    if n.is_v4() {
        "ip"
    } else {
        "ip6"
    }
}

/// The table body for `def` on `bridge` (`None` when the mode takes no rules).
pub fn ruleset(def: &NetworkDef, bridge: &str) -> VirResult<Option<String>> {
    if !wants_rules(def) {
        return Ok(None);
    }
    ifname(bridge)?;
    let dev = def.forward.dev();
    if let Some(d) = dev {
        ifname(d)?;
    }
    let nets: Vec<IpNet> = def
        .ips
        .iter()
        .map(IpNet::from_def)
        .collect::<VirResult<_>>()?;
    let b = bridge;
    let out_dev = dev.map(|d| format!(" oifname \"{d}\"")).unwrap_or_default();
    let in_dev = dev.map(|d| format!(" iifname \"{d}\"")).unwrap_or_default();
    let mode = def.forward.mode;
    let nat = def.forward.nat.as_ref();
    let nat_v6 = nat.and_then(|n| n.ipv6) == Some(true);
    let fwds = crate::portfwd::active(def, &nets)?;

    let mut o = String::new();
    let _ = writeln!(o, "table inet {} {{", table_name(bridge));

    // Services the host offers to guests: DNS, DHCP (v4 and v6).
    o.push_str(
        "\tchain guest_input {\n\t\ttype filter hook input priority filter; policy accept;\n",
    );
    let _ = writeln!(o, "\t\tiifname \"{b}\" udp dport {{ 53, 67, 547 }} accept");
    let _ = writeln!(o, "\t\tiifname \"{b}\" tcp dport 53 accept");
    o.push_str("\t}\n");
    o.push_str(
        "\tchain guest_output {\n\t\ttype filter hook output priority filter; policy accept;\n",
    );
    let _ = writeln!(o, "\t\toifname \"{b}\" udp dport {{ 68, 546 }} accept");
    o.push_str("\t}\n");

    o.push_str(
        "\tchain guest_forward {\n\t\ttype filter hook forward priority filter; policy accept;\n",
    );
    // Guest to guest on the same bridge.
    let _ = writeln!(o, "\t\tiifname \"{b}\" oifname \"{b}\" accept");
    if mode != ForwardMode::None {
        for n in &nets {
            let f = fam(n);
            let c = n.cidr();
            let _ = writeln!(o, "\t\tiifname \"{b}\"{out_dev} {f} saddr {c} accept");
            let routed = mode == ForwardMode::Route || (!n.is_v4() && !nat_v6);
            if routed {
                let _ = writeln!(o, "\t\toifname \"{b}\"{in_dev} {f} daddr {c} accept");
            } else {
                let _ = writeln!(
                    o,
                    "\t\toifname \"{b}\"{in_dev} {f} daddr {c} ct state related,established accept"
                );
            }
        }
    }
    crate::portfwd::forward_accepts(&mut o, b, &fwds);
    let _ = writeln!(o, "\t\tiifname \"{b}\" reject");
    let _ = writeln!(o, "\t\toifname \"{b}\" reject");
    o.push_str("\t}\n");

    if mode == ForwardMode::Nat {
        o.push_str(
            "\tchain guest_nat {\n\t\ttype nat hook postrouting priority srcnat; policy accept;\n",
        );
        let ports = match nat.map(|n| (n.port_start, n.port_end)) {
            Some((Some(s), Some(e))) => format!("{s}-{e}"),
            _ => "1024-65535".to_string(),
        };
        let to_addr = nat.and_then(|n| n.address_start.as_deref());
        for n in nets.iter().filter(|n| n.is_v4() || nat_v6) {
            let f = fam(n);
            let c = n.cidr();
            if n.is_v4() {
                let _ = writeln!(o, "\t\t{f} saddr {c} ip daddr 224.0.0.0/24 return");
                let _ = writeln!(o, "\t\t{f} saddr {c} ip daddr 255.255.255.255 return");
            }
            let action = match to_addr {
                Some(a) if n.is_v4() => {
                    let s: std::net::Ipv4Addr = a.parse().map_err(|_| {
                        crate::errors::unsupported(format!(
                            "invalid NAT address '{}'",
                            a.escape_debug()
                        ))
                    })?;
                    let end = match nat.and_then(|x| x.address_end.as_deref()) {
                        Some(e) => {
                            let e: std::net::Ipv4Addr = e.parse().map_err(|_| {
                                crate::errors::unsupported(format!(
                                    "invalid NAT address '{}'",
                                    e.escape_debug()
                                ))
                            })?;
                            format!("-{e}")
                        }
                        None => String::new(),
                    };
                    (
                        format!("snat ip to {s}{end}:{ports}"),
                        format!("snat ip to {s}{end}"),
                    )
                }
                _ => (format!("masquerade to :{ports}"), "masquerade".to_string()),
            };
            let _ = writeln!(
                o,
                "\t\t{f} saddr {c} {f} daddr != {c}{out_dev} meta l4proto {{ tcp, udp }} {}",
                action.0
            );
            let _ = writeln!(
                o,
                "\t\t{f} saddr {c} {f} daddr != {c}{out_dev} {}",
                action.1
            );
        }
        o.push_str("\t}\n");
    }
    crate::portfwd::chains(&mut o, &nets, &fwds);
    o.push_str("}\n");
    Ok(Some(o))
}

/// The atomic batch `nft -f -` applies to (re)install the table.
pub fn apply_batch(bridge: &str, body: &str) -> String {
    let t = table_name(bridge);
    format!("table inet {t}\ndelete table inet {t}\n{body}")
}

/// The batch that removes the table (idempotent: creating then deleting).
pub fn delete_batch(bridge: &str) -> String {
    let t = table_name(bridge);
    format!("table inet {t}\ndelete table inet {t}\n")
}
