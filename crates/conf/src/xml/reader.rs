//! Reading XML documents with roxmltree, turning syntax errors into libvirt's XML errors.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

/// Parses `text`; a malformed document gives `VIR_ERR_XML_DETAIL` like libvirt's
/// `(what):LINE: message` report. `what` is e.g. `"domain_definition"`.
pub fn parse_document<'a>(
    text: &'a str,
    what: &str,
    domain: ErrorDomain,
) -> VirResult<roxmltree::Document<'a>> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: 2_000_000,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(text, opts).map_err(|e| {
        let pos = e.pos();
        let line = text
            .lines()
            .nth(pos.row.saturating_sub(1) as usize)
            .unwrap_or("");
        let caret = format!("{}^", "-".repeat(pos.col.saturating_sub(1) as usize));
        VirError::raw(
            ErrorCode::XmlDetail,
            domain,
            format!("({what}):{}: {e}\n{line}\n{caret}", pos.row),
        )
    })
}

/// Convenience lookups on roxmltree nodes.
pub trait NodeExt<'a, 'i> {
    /// First element child with this (local) name.
    fn child(&self, name: &str) -> Option<roxmltree::Node<'a, 'i>>;
    /// All element children with this (local) name.
    fn children_named(&self, name: &str) -> Vec<roxmltree::Node<'a, 'i>>;
    /// Text of the first element child with this name.
    fn child_text(&self, name: &str) -> Option<&'a str>;
    /// Attribute value.
    fn attr(&self, name: &str) -> Option<&'a str>;
}

impl<'a, 'i> NodeExt<'a, 'i> for roxmltree::Node<'a, 'i> {
    fn child(&self, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
        self.children()
            .find(|c| c.is_element() && c.tag_name().name() == name)
    }

    fn children_named(&self, name: &str) -> Vec<roxmltree::Node<'a, 'i>> {
        self.children()
            .filter(|c| c.is_element() && c.tag_name().name() == name)
            .collect()
    }

    fn child_text(&self, name: &str) -> Option<&'a str> {
        self.child(name).map(|c| c.text().unwrap_or(""))
    }

    fn attr(&self, name: &str) -> Option<&'a str> {
        self.attribute(name)
    }
}
