//! `<rule action= direction= priority= statematch=>` and its protocol element
//! (`virNWFilterRuleParse`, `virNWFilterRuleDefFormat`).

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::attrs::{table, PROTOCOLS};
use super::value;
use crate::xml::{escape, NodeExt};

const DOM: ErrorDomain = ErrorDomain::Nwfilter;
/// `MAX_RULE_PRIORITY` / `MIN_RULE_PRIORITY`.
const MAX_PRIORITY: i32 = 1000;
const MIN_PRIORITY: i32 = -1000;

/// `virNWFilterRuleActionType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleAction {
    Drop,
    Accept,
    Reject,
    Return,
    Continue,
}

impl RuleAction {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleAction::Drop => "drop",
            RuleAction::Accept => "accept",
            RuleAction::Reject => "reject",
            RuleAction::Return => "return",
            RuleAction::Continue => "continue",
        }
    }

    fn from_name(s: &str) -> Option<Self> {
        Some(match s {
            "drop" => RuleAction::Drop,
            "accept" => RuleAction::Accept,
            "reject" => RuleAction::Reject,
            "return" => RuleAction::Return,
            "continue" => RuleAction::Continue,
            _ => return None,
        })
    }
}

/// `virNWFilterRuleDirectionType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleDirection {
    In,
    Out,
    InOut,
}

impl RuleDirection {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleDirection::In => "in",
            RuleDirection::Out => "out",
            RuleDirection::InOut => "inout",
        }
    }

    fn from_name(s: &str) -> Option<Self> {
        Some(match s {
            "in" => RuleDirection::In,
            "out" => RuleDirection::Out,
            "inout" => RuleDirection::InOut,
            _ => return None,
        })
    }
}

/// The protocol element of a rule (`<mac>`, `<ip>`, `<tcp>`, …) with its attributes in
/// libvirt's format order, values already normalised (variables kept as `$NAME…`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProtocolMatch {
    pub protocol: String,
    /// `match='no'`.
    pub negate: bool,
    pub attrs: Vec<(String, String)>,
}

/// A `<rule>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterRule {
    pub action: RuleAction,
    pub direction: RuleDirection,
    pub priority: i32,
    /// `statematch='false'`.
    pub no_statematch: bool,
    pub protocol: Option<ProtocolMatch>,
}

fn internal(detail: String) -> VirError {
    VirError::new(ErrorCode::InternalError, DOM, detail)
}

fn parse_protocol(node: roxmltree::Node, protocol: &str) -> VirResult<ProtocolMatch> {
    let Some(attrs) = table(protocol) else {
        return Err(internal(format!("unknown protocol {protocol}")));
    };
    let negate = node.attr("match") == Some("no");
    let mut out = Vec::new();
    let mut bad = None;
    for (name, kind) in attrs {
        let Some(raw) = node.attr(name) else {
            continue;
        };
        let parsed = if raw.starts_with('$') {
            value::variable(raw)
        } else {
            value::parse(kind, raw)
        };
        match parsed {
            Some(v) => out.push((name.to_string(), v)),
            None => {
                // libvirt checks every attribute and reports the last bad one
                bad = Some(internal(format!("{name} has illegal value {raw}")));
            }
        }
    }
    if let Some(e) = bad {
        return Err(e);
    }
    let mut m = ProtocolMatch {
        protocol: protocol.to_string(),
        negate,
        attrs: out,
    };
    validate_ports(&m)?;
    fixup_ipset(&mut m);
    Ok(m)
}

/// `virNWFilterRuleDefFixupIPSet`, applied to every layer-4 protocol but `all`/`all-ipv6`:
/// an `ipset` without `ipsetflags` gets `ipsetflags='src'`; in every other case libvirt
/// drops both attributes.
fn fixup_ipset(m: &mut ProtocolMatch) {
    let base = m.protocol.trim_end_matches("-ipv6");
    if !matches!(
        base,
        "tcp" | "udp" | "udplite" | "esp" | "ah" | "sctp" | "icmp" | "icmpv6" | "igmp"
    ) {
        return;
    }
    let has = |n: &str| m.attrs.iter().position(|(k, _)| k == n);
    match (has("ipset"), has("ipsetflags")) {
        (Some(i), None) => m.attrs.insert(i + 1, ("ipsetflags".into(), "src".into())),
        _ => m.attrs.retain(|(k, _)| k != "ipset" && k != "ipsetflags"),
    }
}

/// `virNWFilterRuleValidate`: ports in `<ip>`/`<ipv6>` need a port-carrying protocol.
fn validate_ports(m: &ProtocolMatch) -> VirResult<()> {
    let label = match m.protocol.as_str() {
        "ip" => "IP",
        "ipv6" => "IPv6",
        _ => return Ok(()),
    };
    let get = |n: &str| {
        m.attrs
            .iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.as_str())
    };
    let has_port = ["srcportstart", "srcportend", "dstportstart", "dstportend"]
        .iter()
        .any(|p| get(p).is_some());
    if !has_port {
        return Ok(());
    }
    let ok = match get("protocol") {
        Some(p) => {
            let n = match p {
                "tcp" => Some(6),
                "udp" => Some(17),
                "sctp" => Some(132),
                _ if p.starts_with('$') => Some(0),
                _ => p
                    .strip_prefix("0x")
                    .map_or_else(|| p.parse().ok(), |h| u32::from_str_radix(h, 16).ok()),
            };
            matches!(n, Some(6 | 17 | 33 | 132))
        }
        None => false,
    };
    if ok {
        return Ok(());
    }
    Err(internal(format!(
        "{label} rule with port specification requires protocol specification with \
         protocol to be either one of tcp(6), udp(17), dccp(33), or sctp(132)"
    )))
}

impl FilterRule {
    /// Parses a `<rule>` element.
    pub(super) fn parse(node: roxmltree::Node) -> VirResult<FilterRule> {
        let action = node
            .attr("action")
            .ok_or_else(|| internal("rule node requires action attribute".into()))?;
        let action = RuleAction::from_name(action).ok_or_else(|| {
            VirError::new(
                ErrorCode::ConfigUnsupported,
                DOM,
                "unknown rule action attribute value",
            )
        })?;
        let direction = node
            .attr("direction")
            .ok_or_else(|| internal("rule node requires direction attribute".into()))?;
        let direction = RuleDirection::from_name(direction).ok_or_else(|| {
            VirError::new(
                ErrorCode::ConfigUnsupported,
                DOM,
                "unknown rule direction attribute value",
            )
        })?;
        let priority = node
            .attr("priority")
            .and_then(|p| p.trim_start().parse::<i32>().ok())
            .filter(|p| (MIN_PRIORITY..=MAX_PRIORITY).contains(p))
            .unwrap_or(MAX_PRIORITY / 2);
        let no_statematch = node
            .attr("statematch")
            .is_some_and(|s| s == "0" || s.eq_ignore_ascii_case("false"));
        let mut protocol = None;
        for c in node.children().filter(|c| c.is_element()) {
            let name = c.tag_name().name();
            if !PROTOCOLS.contains(&name) {
                continue;
            }
            match &protocol {
                None => protocol = Some(parse_protocol(c, name)?),
                // later elements of the same protocol are parsed too; others are ignored
                Some(ProtocolMatch { protocol: p, .. }) if p == name => {
                    protocol = Some(parse_protocol(c, name)?);
                }
                Some(_) => {}
            }
        }
        Ok(FilterRule {
            action,
            direction,
            priority,
            no_statematch,
            protocol,
        })
    }

    /// Appends the rule at `indent` spaces.
    pub(super) fn format_into(&self, out: &mut String, indent: usize) {
        let pad = " ".repeat(indent);
        out.push_str(&format!(
            "{pad}<rule action='{}' direction='{}' priority='{}'",
            self.action.as_str(),
            self.direction.as_str(),
            self.priority
        ));
        if self.no_statematch {
            out.push_str(" statematch='false'");
        }
        let Some(m) = &self.protocol else {
            out.push_str("/>\n");
            return;
        };
        out.push_str(">\n");
        out.push_str(&format!("{pad}  <{}", m.protocol));
        if m.negate && !m.attrs.is_empty() {
            out.push_str(" match='no'");
        }
        for (k, v) in &m.attrs {
            out.push_str(&format!(" {k}='{}'", escape(v)));
        }
        out.push_str("/>\n");
        out.push_str(&format!("{pad}</rule>\n"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(xml: &str) -> FilterRule {
        let doc = roxmltree::Document::parse(xml).unwrap();
        FilterRule::parse(doc.root_element()).unwrap()
    }

    fn attrs(r: &FilterRule) -> Vec<(&str, &str)> {
        let m = r.protocol.as_ref().unwrap();
        m.attrs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect()
    }

    #[test]
    fn ipset_fixup_like_libvirt() {
        let r = rule("<rule action='drop' direction='in'><udp ipset='blk'/></rule>");
        assert_eq!(attrs(&r), [("ipset", "blk"), ("ipsetflags", "src")]);
        let r = rule(
            "<rule action='drop' direction='in'><udp ipset='blk' ipsetflags='dst' dscp='1'/></rule>",
        );
        assert_eq!(attrs(&r), [("dscp", "1")]);
        let r =
            rule("<rule action='drop' direction='in'><all ipset='blk' ipsetflags='dst'/></rule>");
        assert_eq!(attrs(&r), [("ipset", "blk"), ("ipsetflags", "dst")]);
    }

    #[test]
    fn variables_skip_value_checks_and_keep_table_order() {
        let r = rule(
            "<rule action='accept' direction='out'><tcp srcportstart='$P' srcipaddr='$A[@2]' dscp='2'/></rule>",
        );
        assert_eq!(
            attrs(&r),
            [
                ("srcipaddr", "$A[@2]"),
                ("dscp", "2"),
                ("srcportstart", "$P")
            ]
        );
    }

    #[test]
    fn stp_numbers_and_addresses() {
        let r = rule(
            "<rule action='continue' direction='in'><stp srcmacaddr='1:2:3:4:5:6' type='0x12' \
             root-cost='0x11223344' port='123' root-address='6:5:4:3:2:1'/></rule>",
        );
        assert_eq!(
            attrs(&r),
            [
                ("srcmacaddr", "01:02:03:04:05:06"),
                ("type", "0x12"),
                ("root-address", "06:05:04:03:02:01"),
                ("root-cost", "0x11223344"),
                ("port", "123"),
            ]
        );
    }

    #[test]
    fn bad_values_name_the_attribute() {
        let doc = roxmltree::Document::parse(
            "<rule action='accept' direction='in'><tcp dscp='64' dstportend='65536'/></rule>",
        )
        .unwrap();
        let e = FilterRule::parse(doc.root_element()).unwrap_err();
        assert_eq!(
            e.message,
            "internal error: dstportend has illegal value 65536"
        );
    }
}
