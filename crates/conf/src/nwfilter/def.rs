//! The network filter model (`virNWFilterDef`): `<filter name= chain= priority=>`.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::params::FilterRef;
use super::rule::FilterRule;
use crate::xml::values::{format_uuid, parse_uuid, random_uuid};
use crate::xml::{escape, parse_document, NodeExt};

const DOM: ErrorDomain = ErrorDomain::Nwfilter;
/// `NWFILTER_MIN_FILTER_PRIORITY` / `NWFILTER_MAX_FILTER_PRIORITY`.
const MIN_FILTER_PRIORITY: i32 = -1000;
const MAX_FILTER_PRIORITY: i32 = 1000;
/// `MAX_CHAIN_SUFFIX_SIZE`.
const MAX_CHAIN_SUFFIX: usize = 12;
/// Chain name prefixes (`virNWFilterChainSuffix`) and their default priorities.
const CHAINS: &[(&str, i32)] = &[
    ("root", 0),
    ("mac", -800),
    ("vlan", -750),
    ("stp", 0),
    ("arp", -500),
    ("rarp", -400),
    ("ipv4", -700),
    ("ipv6", -600),
];

/// One entry of a filter: a rule or a reference to another filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterEntry {
    Rule(FilterRule),
    Ref(FilterRef),
}

/// A network filter (`<filter>`), as `virNWFilterDefineXML` takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NwFilterDef {
    pub name: String,
    pub uuid: [u8; 16],
    /// Whether the document carried a `<uuid>` (else one was generated).
    pub uuid_specified: bool,
    /// The chain (`root`, or a name starting with `mac`, `vlan`, `stp`, `arp`, `rarp`,
    /// `ipv4`, `ipv6`).
    pub chain: String,
    pub chain_priority: i32,
    pub entries: Vec<FilterEntry>,
}

fn invalid_arg(detail: String) -> VirError {
    VirError::new(ErrorCode::InvalidArg, DOM, detail)
}

/// `virNWFilterIsAllowedChain`: the chain's prefix, or libvirt's error.
fn allowed_chain(chain: &str) -> VirResult<&'static str> {
    if chain.len() > MAX_CHAIN_SUFFIX {
        return Err(invalid_arg(format!(
            "Name of chain is longer than {MAX_CHAIN_SUFFIX} characters"
        )));
    }
    if !chain
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"_.:-".contains(&b))
    {
        return Err(invalid_arg("Chain name contains invalid characters".into()));
    }
    for (name, _) in CHAINS {
        if *name == "root" {
            if chain == "root" {
                return Ok(name);
            }
            if chain.starts_with("root") {
                break;
            }
            continue;
        }
        if chain.starts_with(name) {
            return Ok(name);
        }
    }
    let others: Vec<&str> = CHAINS[1..].iter().map(|(n, _)| *n).collect();
    Err(invalid_arg(format!(
        "Invalid chain name '{chain}'. Please use a chain name called 'root' or any of the \
         following prefixes: {}",
        others.join(", ")
    )))
}

impl NwFilterDef {
    /// Parses a `<filter>` document as `virNWFilterDefineXML` does.
    pub fn parse(xml: &str) -> VirResult<NwFilterDef> {
        let doc = parse_document(xml, "nwfilter_definition", DOM)?;
        let root = doc.root_element();
        if root.tag_name().name() != "filter" {
            return Err(VirError::new(
                ErrorCode::XmlError,
                DOM,
                "unknown root element for nw filter",
            ));
        }
        let name = root
            .attr("name")
            .ok_or_else(|| VirError::internal(DOM, "filter has no name"))?
            .to_string();
        let priority = match root.attr("priority") {
            None => None,
            Some(p) => {
                let v: i32 = p
                    .trim_start()
                    .parse()
                    .map_err(|_| invalid_arg(format!("Could not parse chain priority '{p}'")))?;
                if !(MIN_FILTER_PRIORITY..=MAX_FILTER_PRIORITY).contains(&v) {
                    return Err(invalid_arg(format!(
                        "Priority '{v}' is outside valid range of \
                         [{MIN_FILTER_PRIORITY},{MAX_FILTER_PRIORITY}]"
                    )));
                }
                Some(v)
            }
        };
        let (chain, chain_priority) = match root.attr("chain") {
            Some(c) => {
                let prefix = allowed_chain(c)?;
                let default = CHAINS
                    .iter()
                    .find(|(n, _)| *n == prefix)
                    .map_or(0, |(_, p)| *p);
                (c.to_string(), priority.unwrap_or(default))
            }
            None => ("root".to_string(), 0),
        };
        let (uuid, uuid_specified) = match root.child_text("uuid") {
            Some(u) => (
                parse_uuid(u.trim()).ok_or_else(|| {
                    VirError::new(ErrorCode::XmlError, DOM, "malformed uuid element")
                })?,
                true,
            ),
            None => (random_uuid(), false),
        };
        let mut entries = Vec::new();
        for c in root.children().filter(|c| c.is_element()) {
            match c.tag_name().name() {
                "rule" => entries.push(FilterEntry::Rule(FilterRule::parse(c)?)),
                "filterref" => {
                    // libvirt's message for a filterref without `filter` really says this
                    let filter = c.attr("filter").ok_or_else(|| {
                        VirError::internal(DOM, "rule node requires action attribute")
                    })?;
                    entries.push(FilterEntry::Ref(FilterRef::parse_params(
                        c,
                        filter.to_string(),
                    )));
                }
                _ => {}
            }
        }
        Ok(NwFilterDef {
            name,
            uuid,
            uuid_specified,
            chain,
            chain_priority,
            entries,
        })
    }

    /// Formats the filter as `virNWFilterGetXMLDesc` does.
    pub fn format(&self) -> String {
        let mut out = format!(
            "<filter name='{}' chain='{}'",
            escape(&self.name),
            escape(&self.chain)
        );
        if self.chain_priority != 0 {
            out.push_str(&format!(" priority='{}'", self.chain_priority));
        }
        out.push_str(">\n");
        out.push_str(&format!("  <uuid>{}</uuid>\n", format_uuid(&self.uuid)));
        for e in &self.entries {
            match e {
                FilterEntry::Rule(r) => r.format_into(&mut out, 2),
                FilterEntry::Ref(r) => r.format_into(&mut out, 2),
            }
        }
        out.push_str("</filter>\n");
        out
    }

    /// Names of the filters this one references directly (`<filterref filter=…>`).
    pub fn references(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().filter_map(|e| match e {
            FilterEntry::Ref(r) => Some(r.filter.as_str()),
            FilterEntry::Rule(_) => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(xml: &str) -> String {
        NwFilterDef::parse(xml).unwrap_err().message
    }

    #[test]
    fn defaults_chain_and_priority() {
        let d = NwFilterDef::parse("<filter name='a'/>").unwrap();
        assert_eq!((d.chain.as_str(), d.chain_priority), ("root", 0));
        assert!(!d.uuid_specified);
        let d = NwFilterDef::parse("<filter name='a' chain='ipv4-x'/>").unwrap();
        assert_eq!(d.chain_priority, -700);
        let d = NwFilterDef::parse("<filter name='a' chain='stp'/>").unwrap();
        assert_eq!(d.chain_priority, 0);
        // a priority without a chain is dropped, as libvirt does
        let d = NwFilterDef::parse("<filter name='a' priority='10'/>").unwrap();
        assert_eq!(d.chain_priority, 0);
    }

    #[test]
    fn libvirt_errors() {
        assert_eq!(err("<filter/>"), "internal error: filter has no name");
        assert_eq!(
            err("<filterx name='a'/>"),
            "XML error: unknown root element for nw filter"
        );
        assert_eq!(
            err("<filter name='a' chain='bad'/>"),
            "invalid argument: Invalid chain name 'bad'. Please use a chain name called 'root' \
             or any of the following prefixes: mac, vlan, stp, arp, rarp, ipv4, ipv6"
        );
        assert!(err("<filter name='a' chain='rootx'/>").contains("Invalid chain name 'rootx'"));
        assert_eq!(
            err("<filter name='a' chain='ipv4-0123456789'/>"),
            "invalid argument: Name of chain is longer than 12 characters"
        );
        assert_eq!(
            err("<filter name='a' chain='ipv4/x'/>"),
            "invalid argument: Chain name contains invalid characters"
        );
        assert_eq!(
            err("<filter name='a' chain='ipv4' priority='x'/>"),
            "invalid argument: Could not parse chain priority 'x'"
        );
        assert_eq!(
            err("<filter name='a' chain='ipv4' priority='2000'/>"),
            "invalid argument: Priority '2000' is outside valid range of [-1000,1000]"
        );
        assert_eq!(
            err("<filter name='a'><uuid>zz</uuid></filter>"),
            "XML error: malformed uuid element"
        );
        assert_eq!(
            err("<filter name='a'><rule direction='in'/></filter>"),
            "internal error: rule node requires action attribute"
        );
        assert_eq!(
            err("<filter name='a'><rule action='x' direction='in'/></filter>"),
            "unsupported configuration: unknown rule action attribute value"
        );
        assert_eq!(
            err("<filter name='a'><rule action='drop'/></filter>"),
            "internal error: rule node requires direction attribute"
        );
        assert_eq!(
            err("<filter name='a'><rule action='drop' direction='up'/></filter>"),
            "unsupported configuration: unknown rule direction attribute value"
        );
        assert_eq!(
            err("<filter name='a'><rule action='drop' direction='in'><ip srcipaddr='1.2.3'/></rule></filter>"),
            "internal error: srcipaddr has illegal value 1.2.3"
        );
        assert_eq!(
            err("<filter name='a'><rule action='drop' direction='in'><ip dstportstart='80'/></rule></filter>"),
            "internal error: IP rule with port specification requires protocol specification \
             with protocol to be either one of tcp(6), udp(17), dccp(33), or sctp(132)"
        );
        assert_eq!(
            err("<filter name='a'><filterref/></filter>"),
            "internal error: rule node requires action attribute"
        );
    }

    #[test]
    fn formats_rules_refs_and_params() {
        let xml = "<filter name='f' chain='ipv4' priority='-650'>\
            <uuid>01234567-89ab-cdef-0123-456789abcdef</uuid>\
            <rule action='accept' direction='out' priority='-650' statematch='FALSE'>\
            <ip match='no' srcipaddr='$IP' protocol='UDP' dstportstart='0x43' comment='a&lt;b'/></rule>\
            <rule action='drop' direction='inout' priority='5000'/>\
            <filterref filter='x'><parameter name='IP' value='10.0.0.2'/>\
            <parameter name='IP' value='10.0.0.1'/><parameter name='A' value='1'/>\
            <parameter name='bad-name' value='1'/></filterref>\
            <foo/></filter>";
        let d = NwFilterDef::parse(xml).unwrap();
        assert_eq!(
            d.format(),
            "<filter name='f' chain='ipv4' priority='-650'>\n\
             \x20 <uuid>01234567-89ab-cdef-0123-456789abcdef</uuid>\n\
             \x20 <rule action='accept' direction='out' priority='-650' statematch='false'>\n\
             \x20   <ip match='no' srcipaddr='$IP' protocol='udp' dstportstart='0x43' comment='a&lt;b'/>\n\
             \x20 </rule>\n\
             \x20 <rule action='drop' direction='inout' priority='500'/>\n\
             \x20 <filterref filter='x'>\n\
             \x20   <parameter name='A' value='1'/>\n\
             \x20   <parameter name='IP' value='10.0.0.2'/>\n\
             \x20   <parameter name='IP' value='10.0.0.1'/>\n\
             \x20 </filterref>\n\
             </filter>\n"
        );
        assert_eq!(NwFilterDef::parse(&d.format()).unwrap(), d);
        assert_eq!(d.references().collect::<Vec<_>>(), vec!["x"]);
    }
}
