//! `<os>` of the domain capabilities: firmware kinds and the `<loader>` choices
//! (`virDomainCapsOS`, `virDomainCapsLoader`).

use rvirt_core::error::VirResult;

use super::enums::{parse_enums, supported, CapsEnum};
use crate::xml::values::yes_no;
use crate::xml::{Attrs, NodeExt, XmlWriter};

/// `<loader supported='…'>`: firmware image paths (`<value>`) then enums (type, readonly,
/// secure).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LoaderCaps {
    pub supported: bool,
    pub values: Vec<String>,
    pub enums: Vec<CapsEnum>,
}

/// `<os supported='…'>`: the `firmware` enum and the loader.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OsCaps {
    pub supported: bool,
    pub enums: Vec<CapsEnum>,
    pub loader: Option<LoaderCaps>,
}

impl LoaderCaps {
    fn format(&self, w: &mut XmlWriter) {
        let attrs = Attrs::new().add("supported", yes_no(self.supported));
        if !self.supported || (self.values.is_empty() && self.enums.is_empty()) {
            w.empty("loader", attrs);
            return;
        }
        w.open("loader", attrs);
        for v in &self.values {
            w.text("value", Attrs::new(), v);
        }
        for e in &self.enums {
            e.format(w);
        }
        w.close("loader");
    }

    fn parse(node: roxmltree::Node) -> VirResult<LoaderCaps> {
        Ok(LoaderCaps {
            supported: supported(node)?,
            values: node
                .children_named("value")
                .iter()
                .map(|v| v.text().unwrap_or("").to_string())
                .collect(),
            enums: parse_enums(node)?,
        })
    }
}

impl OsCaps {
    /// Formats `<os>`; `<os supported='no'/>` when unsupported.
    pub(crate) fn format(&self, w: &mut XmlWriter) {
        let attrs = Attrs::new().add("supported", yes_no(self.supported));
        if !self.supported || (self.enums.is_empty() && self.loader.is_none()) {
            w.empty("os", attrs);
            return;
        }
        w.open("os", attrs);
        for e in &self.enums {
            e.format(w);
        }
        if let Some(l) = &self.loader {
            l.format(w);
        }
        w.close("os");
    }

    pub(crate) fn parse(node: roxmltree::Node) -> VirResult<OsCaps> {
        Ok(OsCaps {
            supported: supported(node)?,
            enums: parse_enums(node)?,
            loader: node.child("loader").map(LoaderCaps::parse).transpose()?,
        })
    }
}
