//! `<enum name='…'><value>…</value></enum>` lists and the `supported='yes|no'` elements
//! that carry them (`virDomainCapsEnum`, the `FORMAT_PROLOGUE`/`FORMAT_EPILOGUE` pattern).

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use crate::xml::values::{parse_yes_no, yes_no};
use crate::xml::{Attrs, NodeExt, XmlWriter};

/// One `<enum name='…'>` with its `<value>`s, in order (`virDomainCapsEnum`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CapsEnum {
    pub name: String,
    pub values: Vec<String>,
}

impl CapsEnum {
    /// An enum named `name` holding `values`.
    pub fn new(name: &str, values: &[&str]) -> CapsEnum {
        CapsEnum {
            name: name.to_string(),
            values: values.iter().map(|v| (*v).to_string()).collect(),
        }
    }

    /// `<enum name='…'/>` when empty, else one `<value>` line per value.
    pub fn format(&self, w: &mut XmlWriter) {
        let attrs = Attrs::new().add("name", &self.name);
        if self.values.is_empty() {
            w.empty("enum", attrs);
            return;
        }
        w.open("enum", attrs);
        for v in &self.values {
            w.text("value", Attrs::new(), v);
        }
        w.close("enum");
    }

    /// Reads an `<enum>` element.
    pub(crate) fn parse(node: roxmltree::Node) -> VirResult<CapsEnum> {
        let name = node
            .attr("name")
            .ok_or_else(|| crate::xml::ident::missing_attr("name", "enum"))?;
        Ok(CapsEnum {
            name: name.to_string(),
            values: node
                .children_named("value")
                .iter()
                .map(|v| v.text().unwrap_or("").to_string())
                .collect(),
        })
    }
}

/// An element with `supported='yes|no'` and, when supported, a list of enums
/// (e.g. `<disk>`, `<memoryBacking>`, a CPU `<mode>`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EnumBlock {
    pub supported: bool,
    pub enums: Vec<CapsEnum>,
}

impl EnumBlock {
    /// A supported element with these enums.
    pub fn yes(enums: Vec<CapsEnum>) -> EnumBlock {
        EnumBlock {
            supported: true,
            enums,
        }
    }

    /// An unsupported element (`<x supported='no'/>`).
    pub fn no() -> EnumBlock {
        EnumBlock::default()
    }

    /// The enum named `name`, if present.
    pub fn get(&self, name: &str) -> Option<&CapsEnum> {
        self.enums.iter().find(|e| e.name == name)
    }

    /// Formats `<elem attrs supported='…'>`; enums only when supported, self-closing when
    /// there is nothing inside.
    pub fn format(&self, w: &mut XmlWriter, elem: &str, attrs: Attrs) {
        let attrs = attrs.add("supported", yes_no(self.supported));
        if !self.supported || self.enums.is_empty() {
            w.empty(elem, attrs);
            return;
        }
        w.open(elem, attrs);
        for e in &self.enums {
            e.format(w);
        }
        w.close(elem);
    }

    /// Reads `supported=` and the `<enum>` children of `node`.
    pub(crate) fn parse(node: roxmltree::Node) -> VirResult<EnumBlock> {
        Ok(EnumBlock {
            supported: supported(node)?,
            enums: parse_enums(node)?,
        })
    }
}

/// The `<enum>` children of `node`.
pub(crate) fn parse_enums(node: roxmltree::Node) -> VirResult<Vec<CapsEnum>> {
    node.children_named("enum")
        .into_iter()
        .map(CapsEnum::parse)
        .collect()
}

/// The mandatory `supported='yes|no'` attribute of `node`.
pub(crate) fn supported(node: roxmltree::Node) -> VirResult<bool> {
    let elem = node.tag_name().name();
    let v = node
        .attr("supported")
        .ok_or_else(|| crate::xml::ident::missing_attr("supported", elem))?;
    parse_yes_no(v).ok_or_else(|| crate::xml::ident::invalid_attr("supported", elem, v))
}

/// A required unsigned number in the text of `node`'s child `name`.
pub(crate) fn child_u64(node: roxmltree::Node, name: &str) -> VirResult<Option<u64>> {
    match node.child_text(name) {
        None => Ok(None),
        Some(t) => t.trim().parse().map(Some).map_err(|_| {
            VirError::new(
                ErrorCode::XmlError,
                ErrorDomain::Capabilities,
                format!("invalid value '{t}' of element '{name}'"),
            )
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_enum_and_unsupported_block_self_close() {
        let mut w = XmlWriter::new();
        CapsEnum::new("firmware", &[]).format(&mut w);
        EnumBlock::no().format(&mut w, "hostdev", Attrs::new());
        EnumBlock::yes(vec![CapsEnum::new("type", &["vnc"])]).format(
            &mut w,
            "graphics",
            Attrs::new(),
        );
        assert_eq!(
            w.finish(),
            "<enum name='firmware'/>\n<hostdev supported='no'/>\n<graphics supported='yes'>\n  \
             <enum name='type'>\n    <value>vnc</value>\n  </enum>\n</graphics>\n"
        );
    }
}
