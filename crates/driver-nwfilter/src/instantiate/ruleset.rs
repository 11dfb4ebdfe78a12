//! `ebiptablesApplyNewRules` for nftables: the chains of one port in table
//! `bridge rvirt_nwfilter`, and the single `nft -f -` transaction that installs or removes them.
//!
//! Layout: base chain `out` (hook prerouting, `iifname vmap @out_ports`) sees what leaves a
//! VM (libvirt's direction `out`), base chain `in` (hook postrouting, `oifname vmap
//! @in_ports`) what goes to it (`in`), as libvirt's ebtables PREROUTING/POSTROUTING chains.
//! Per port and direction `D`: `PORT/D` (root chain: root-chain rules and jumps to the
//! `PORT/D/CHAIN` sub-chains, ordered by priority), and `PORT/D/l3` for the layer-3/4 rules
//! libvirt puts in iptables. A layer-2 `accept` continues at `PORT/D/l3`, which ends in
//! `accept`, so a frame must pass both stages as it must pass ebtables and iptables.

use std::collections::BTreeSet;

use rvirt_conf::nwfilter::{RuleAction, RuleDirection};
use rvirt_core::error::{ErrorCode, VirError, VirResult};

use super::translate::{layer, translate, Layer};
use super::tree::InstRule;
use crate::errors::DOM;

/// The table holding every rvirt nwfilter rule.
pub const TABLE: &str = "rvirt_nwfilter";

/// `add …` prefix for objects of the table.
fn obj(kind: &str, rest: &str) -> String {
    format!("{kind} bridge {TABLE} {rest}\n")
}

/// The two directions: libvirt's name, base chain hook, interface match.
const DIRS: [(RuleDirection, &str, &str, &str); 2] = [
    (RuleDirection::Out, "out", "prerouting", "iifname"),
    (RuleDirection::In, "in", "postrouting", "oifname"),
];

/// What a sub-chain's jump from the root chain matches (by chain name prefix).
fn jump_match(chain: &str) -> &'static str {
    for (prefix, m) in [
        ("mac", ""),
        ("vlan", "ether type vlan "),
        ("stp", "ether daddr 01:80:c2:00:00:00 "),
        ("arp", "ether type arp "),
        ("rarp", "ether type 0x8035 "),
        ("ipv4", "ether type ip "),
        ("ipv6", "ether type ip6 "),
    ] {
        if chain.starts_with(prefix) {
            return m;
        }
    }
    ""
}

/// Port names become nft identifiers: letters, digits, `_`, `-`, `.`, not starting with a
/// digit or `-`.
pub(crate) fn check_portdev(portdev: &str) -> VirResult<()> {
    let ok = !portdev.is_empty()
        && portdev
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_-.".contains(&b))
        && portdev
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_' || b == b'.');
    if ok {
        Ok(())
    } else {
        Err(VirError::new(
            ErrorCode::ConfigUnsupported,
            DOM,
            format!("port dev name '{portdev}' cannot be used for an nftables filter chain"),
        ))
    }
}

/// The chains and rules of one port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortRuleset {
    pub portdev: String,
    /// `(chain name, rule lines)` in creation order.
    pub chains: Vec<(String, Vec<String>)>,
}

fn rule_line(exprs: &[String], verdict: &str, comment: Option<&String>) -> String {
    let mut s = exprs.join(" ");
    if !s.is_empty() {
        s.push(' ');
    }
    s.push_str(verdict);
    if let Some(c) = comment {
        s.push(' ');
        s.push_str(c);
    }
    s
}

/// Builds a port's chains from its concrete rules (stable priority order, as libvirt sorts).
pub(crate) fn build(portdev: &str, rules: &[InstRule]) -> VirResult<PortRuleset> {
    check_portdev(portdev)?;
    let mut chains = Vec::new();
    for (dir, dname, _, _) in DIRS {
        let root = format!("{portdev}/{dname}");
        let l3 = format!("{root}/l3");
        // (priority, line) in tree order; sorted stably below
        let mut root_entries: Vec<(i32, String)> = Vec::new();
        let mut subs: Vec<(String, Vec<(i32, String)>)> = Vec::new();
        let mut l3_entries: Vec<(i32, String)> = Vec::new();
        for r in rules {
            if r.direction != dir && r.direction != RuleDirection::InOut {
                continue;
            }
            let m = translate(r.protocol.as_deref(), r.negate, &r.attrs)?;
            let in_root = r.chain == "root";
            match layer(r.protocol.as_deref()) {
                Layer::L2 => {
                    let goto_l3 = format!("goto {l3}");
                    let verdict = match r.action {
                        RuleAction::Accept => goto_l3.as_str(),
                        RuleAction::Drop | RuleAction::Reject => "drop",
                        RuleAction::Return if in_root => goto_l3.as_str(),
                        RuleAction::Return => "return",
                        RuleAction::Continue => "continue",
                    };
                    let line = rule_line(&m.exprs, verdict, m.comment.as_ref());
                    if in_root {
                        root_entries.push((r.priority, line));
                        continue;
                    }
                    let name = format!("{root}/{}", r.chain.replace(':', "_"));
                    match subs.iter_mut().find(|(n, _)| *n == name) {
                        Some((_, v)) => v.push((r.priority, line)),
                        None => {
                            root_entries.push((
                                r.chain_priority,
                                format!("{}jump {name}", jump_match(&r.chain)),
                            ));
                            subs.push((name, vec![(r.priority, line)]));
                        }
                    }
                }
                Layer::L3 => {
                    let verdict = match r.action {
                        RuleAction::Accept | RuleAction::Return => "accept",
                        RuleAction::Drop => "drop",
                        // bridge reject only works before forwarding (hook prerouting)
                        RuleAction::Reject if dir == RuleDirection::Out => "reject",
                        RuleAction::Reject => "drop",
                        RuleAction::Continue => "continue",
                    };
                    l3_entries.push((r.priority, rule_line(&m.exprs, verdict, m.comment.as_ref())));
                }
            }
        }
        let sorted = |mut v: Vec<(i32, String)>| -> Vec<String> {
            v.sort_by_key(|(p, _)| *p);
            v.into_iter().map(|(_, l)| l).collect()
        };
        let mut root_lines = sorted(root_entries);
        root_lines.push(format!("goto {l3}"));
        let mut l3_lines = sorted(l3_entries);
        l3_lines.push("accept".into());
        chains.push((root, root_lines));
        for (name, v) in subs {
            chains.push((name, sorted(v)));
        }
        chains.push((l3, l3_lines));
    }
    Ok(PortRuleset {
        portdev: portdev.to_string(),
        chains,
    })
}

/// The table, its base chains and verdict maps, created if missing.
fn base() -> String {
    let mut s = format!("add table bridge {TABLE}\n");
    for (_, d, hook, dev) in DIRS {
        s.push_str(&obj(
            "add chain",
            &format!("{d} {{ type filter hook {hook} priority 0; policy accept; }}"),
        ));
        s.push_str(&obj(
            "add map",
            &format!("{d}_ports {{ type ifname : verdict; }}"),
        ));
        s.push_str(&obj("flush chain", d));
        s.push_str(&obj("add rule", &format!("{d} {dev} vmap @{d}_ports")));
    }
    s
}

/// The port part of the chain names in `existing` that belong to `portdev`.
fn port_chains<'a>(portdev: &str, existing: &'a [String]) -> Vec<&'a str> {
    existing
        .iter()
        .filter(|c| port_of_chain(c) == Some(portdev))
        .map(String::as_str)
        .collect()
}

/// The port a per-port chain belongs to (`vnet0/out/ipv4` → `vnet0`); `None` for base chains.
pub(crate) fn port_of_chain(chain: &str) -> Option<&str> {
    chain.split_once('/').map(|(p, _)| p)
}

/// One transaction replacing whatever `portdev` has (`existing`: every chain in the table)
/// with `new`, or removing it when `new` is `None`.
pub(crate) fn script(portdev: &str, new: Option<&PortRuleset>, existing: &[String]) -> String {
    let mut s = base();
    let old = port_chains(portdev, existing);
    let roots: Vec<String> = DIRS
        .iter()
        .map(|(_, d, _, _)| format!("{portdev}/{d}"))
        .collect();
    let new_names: Vec<&str> = new
        .map(|n| n.chains.iter().map(|(c, _)| c.as_str()).collect())
        .unwrap_or_default();
    let mut all: BTreeSet<&str> = old.iter().copied().collect();
    all.extend(roots.iter().map(String::as_str));
    // make the map elements exist (same verdict as always), then drop them
    for r in &roots {
        s.push_str(&obj("add chain", r));
    }
    for (r, (_, d, _, _)) in roots.iter().zip(DIRS) {
        s.push_str(&obj(
            "add element",
            &format!("{d}_ports {{ \"{portdev}\" : jump {r} }}"),
        ));
        s.push_str(&obj(
            "delete element",
            &format!("{d}_ports {{ \"{portdev}\" }}"),
        ));
    }
    for c in &all {
        s.push_str(&obj("flush chain", c));
    }
    for c in all.iter().filter(|c| !new_names.contains(c)) {
        s.push_str(&obj("delete chain", c));
    }
    if let Some(n) = new {
        for (c, _) in &n.chains {
            s.push_str(&obj("add chain", c));
        }
        for (c, rules) in &n.chains {
            for r in rules {
                s.push_str(&obj("add rule", &format!("{c} {r}")));
            }
        }
        for (r, (_, d, _, _)) in roots.iter().zip(DIRS) {
            s.push_str(&obj(
                "add element",
                &format!("{d}_ports {{ \"{portdev}\" : jump {r} }}"),
            ));
        }
    }
    s
}

/// Chain names in `nft list table bridge rvirt_nwfilter` output.
pub(crate) fn chains_in_listing(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.trim_start().strip_prefix("chain "))
        .filter_map(|l| l.strip_suffix('{'))
        .map(|n| n.trim().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listing_and_ports() {
        let text = "table bridge rvirt_nwfilter {\n\tmap out_ports {\n\t}\n\tchain out {\n\t}\n\
                    \tchain vnet0/out {\n\t}\n\tchain vnet0/out/ipv4 {\n\t}\n}\n";
        let c = chains_in_listing(text);
        assert_eq!(c, ["out", "vnet0/out", "vnet0/out/ipv4"]);
        assert_eq!(port_of_chain("vnet0/out/ipv4"), Some("vnet0"));
        assert_eq!(port_of_chain("out"), None);
        assert!(check_portdev("vnet0").is_ok());
        assert!(check_portdev("eth0.10-x").is_ok());
        assert!(check_portdev("0tap").is_err());
        assert!(check_portdev("a b").is_err());
    }

    #[test]
    fn removal_script_deletes_every_chain_of_the_port() {
        let existing: Vec<String> = ["out", "in", "tap1/out", "tap1/out/mac", "tap2/out"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let s = script("tap1", None, &existing);
        assert!(s.contains("delete chain bridge rvirt_nwfilter tap1/out/mac\n"));
        assert!(s.contains("delete chain bridge rvirt_nwfilter tap1/in\n"));
        assert!(s.contains("delete element bridge rvirt_nwfilter out_ports { \"tap1\" }\n"));
        assert!(!s.contains("tap2"));
    }
}
