//! A small owned XML element tree with libvirt's output layout (two-space indent, single-quoted
//! attributes). Used for documents whose typed model has not landed in `rvirt-conf` yet.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

/// One XML element: name, attributes in order, text and child elements.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    /// Text content (only kept for elements without child elements).
    pub text: Option<String>,
    pub children: Vec<Element>,
}

/// Escapes text the way libvirt's `virBufferEscapeString` does.
pub use rvirt_conf::xml::escape;

/// Parses an XML document into its root element, reporting libvirt-style XML errors.
pub fn parse(xml: &str, what: &str, domain: ErrorDomain) -> VirResult<Element> {
    let doc = roxmltree::Document::parse(xml).map_err(|e| {
        VirError::new(
            ErrorCode::XmlDetail,
            domain,
            format!("({what}):{}: {e}", e.pos().row),
        )
    })?;
    Ok(Element::from_node(doc.root_element()))
}

impl Element {
    pub fn new(name: &str) -> Self {
        Element {
            name: name.to_string(),
            ..Default::default()
        }
    }

    /// Copies a roxmltree element (namespace prefixes are dropped, as our consumers ignore them).
    pub fn from_node(node: roxmltree::Node<'_, '_>) -> Self {
        let mut el = Element::new(node.tag_name().name());
        for a in node.attributes() {
            el.attrs.push((a.name().to_string(), a.value().to_string()));
        }
        let mut text = String::new();
        for c in node.children() {
            if c.is_element() {
                el.children.push(Element::from_node(c));
            } else if c.is_text() {
                text.push_str(c.text().unwrap_or(""));
            }
        }
        if el.children.is_empty() && !text.is_empty() {
            el.text = Some(text);
        }
        el
    }

    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The text of a child element, trimmed.
    pub fn child_text(&self, name: &str) -> Option<&str> {
        self.child(name)
            .and_then(|c| c.text.as_deref())
            .map(str::trim)
    }

    /// Formats the element at `depth` (two spaces per level), with a trailing newline.
    pub fn write(&self, out: &mut String, depth: usize) {
        let pad = "  ".repeat(depth);
        out.push_str(&pad);
        out.push('<');
        out.push_str(&self.name);
        for (k, v) in &self.attrs {
            out.push_str(&format!(" {k}='{}'", escape(v)));
        }
        if !self.children.is_empty() {
            out.push_str(">\n");
            for c in &self.children {
                c.write(out, depth + 1);
            }
            out.push_str(&pad);
            out.push_str(&format!("</{}>\n", self.name));
        } else if let Some(t) = &self.text {
            out.push_str(&format!(">{}</{}>\n", escape(t), self.name));
        } else {
            out.push_str("/>\n");
        }
    }

    /// The whole element as a document string.
    pub fn to_xml(&self) -> String {
        let mut s = String::new();
        self.write(&mut s, 0);
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_libvirt_layout() {
        let xml = "<a x='1'><b>t</b><c y=\"&apos;\"/></a>";
        let el = parse(xml, "t", ErrorDomain::Domain).unwrap();
        assert_eq!(
            el.to_xml(),
            "<a x='1'>\n  <b>t</b>\n  <c y='&apos;'/>\n</a>\n"
        );
    }
}
