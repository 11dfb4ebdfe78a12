//! `<filterref filter='…'><parameter name='…' value='…'/></filterref>`
//! (`virNWFilterParseParamAttributes` / `virNWFilterFormatParamAttributes`).

use std::collections::BTreeMap;

use crate::xml::{escape, NodeExt};

/// A reference to a filter with its variable values; a variable given several times holds
/// a list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FilterRef {
    pub filter: String,
    /// Variable name → values, sorted by name as libvirt formats them.
    pub params: BTreeMap<String, Vec<String>>,
}

fn valid_name(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn valid_value(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || b == b':')
}

impl FilterRef {
    /// Reads the `<parameter>` children of `node`; malformed ones are skipped, as libvirt does.
    pub(super) fn parse_params(node: roxmltree::Node, filter: String) -> FilterRef {
        let mut params: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for p in node.children_named("parameter") {
            let (Some(n), Some(v)) = (p.attr("name"), p.attr("value")) else {
                continue;
            };
            if !valid_name(n) || !valid_value(v) {
                continue;
            }
            params.entry(n.to_string()).or_default().push(v.to_string());
        }
        FilterRef { filter, params }
    }

    /// Appends the element at `indent` spaces.
    pub(super) fn format_into(&self, out: &mut String, indent: usize) {
        let pad = " ".repeat(indent);
        out.push_str(&format!(
            "{pad}<filterref filter='{}'",
            escape(&self.filter)
        ));
        if self.params.is_empty() {
            out.push_str("/>\n");
            return;
        }
        out.push_str(">\n");
        for (name, values) in &self.params {
            for v in values {
                out.push_str(&format!(
                    "{pad}  <parameter name='{name}' value='{}'/>\n",
                    escape(v)
                ));
            }
        }
        out.push_str(&format!("{pad}</filterref>\n"));
    }
}
