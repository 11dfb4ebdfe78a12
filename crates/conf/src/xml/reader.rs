//! Reading XML documents with roxmltree, turning syntax errors into libvirt's XML errors.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::syntax;

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
    roxmltree::Document::parse_with_options(text, opts)
        .map_err(|e| syntax_error(text, what, domain, &e))
}

/// The error for a document roxmltree rejected: libxml2's wording and position when the
/// scanner in `syntax` finds them, roxmltree's otherwise.
fn syntax_error(text: &str, what: &str, domain: ErrorDomain, e: &roxmltree::Error) -> VirError {
    // libvirt hands libxml2 a C string: it ends at the first NUL.
    let text = text.split('\0').next().unwrap_or("");
    if let roxmltree::Error::UnknownNamespace(..) = e {
        if let (Some(qname), Some(expected)) =
            (syntax::undeclared_root_prefix(text), expected_root(what))
        {
            return VirError::new(
                ErrorCode::XmlError,
                ErrorDomain::Xml,
                format!("expecting root element of '{expected}', not '{qname}'"),
            );
        }
    }
    let detail = match syntax::first_error(text) {
        Some(found) => {
            let (shown, caret) = syntax::context(text, found.pos);
            format!(
                "({what}):{}: {}\n{shown}\n{caret}",
                found.line, found.message
            )
        }
        None => {
            let pos = e.pos();
            let line = text
                .lines()
                .nth(pos.row.saturating_sub(1) as usize)
                .unwrap_or("");
            let caret = format!("{}^", "-".repeat(pos.col.saturating_sub(1) as usize));
            format!("({what}):{}: {e}\n{line}\n{caret}", pos.row)
        }
    };
    VirError::raw(ErrorCode::XmlDetail, domain, detail)
}

/// The root element `virXMLParse` insists on for each kind of document (for the
/// kinds whose parsers check it with "expecting root element of ...").
fn expected_root(what: &str) -> Option<&'static str> {
    Some(match what {
        "domain_definition" => "domain",
        "network_definition" => "network",
        "storage_pool_definition" => "pool",
        "storage_volume_definition" => "volume",
        "secret_definition" => "secret",
        "interface_definition" => "interface",
        "node_device_definition" => "device",
        "networkport_definition" => "networkport",
        "domain_snapshot" => "domainsnapshot",
        "domain_checkpoint" => "domaincheckpoint",
        "domain_capabilities" => "domainCapabilities",
        _ => return None,
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
