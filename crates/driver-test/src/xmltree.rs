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
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\'' => out.push_str("&apos;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

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

    /// An element holding only text.
    pub fn with_text(name: &str, text: impl Into<String>) -> Self {
        Element {
            name: name.to_string(),
            text: Some(text.into()),
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

    /// Sets an attribute, keeping its position when it exists.
    pub fn set_attr(&mut self, name: &str, value: impl Into<String>) {
        let value = value.into();
        match self.attrs.iter_mut().find(|(k, _)| k == name) {
            Some(slot) => slot.1 = value,
            None => self.attrs.push((name.to_string(), value)),
        }
    }

    pub fn remove_attr(&mut self, name: &str) -> Option<String> {
        let pos = self.attrs.iter().position(|(k, _)| k == name)?;
        Some(self.attrs.remove(pos).1)
    }

    /// Puts the listed attributes first, in that order.
    pub fn order_attrs(&mut self, order: &[&str]) {
        let mut out = Vec::with_capacity(self.attrs.len());
        for name in order {
            if let Some(pos) = self.attrs.iter().position(|(k, _)| k == name) {
                out.push(self.attrs.remove(pos));
            }
        }
        out.append(&mut self.attrs);
        self.attrs = out;
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    pub fn child_mut(&mut self, name: &str) -> Option<&mut Element> {
        self.children.iter_mut().find(|c| c.name == name)
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

    pub fn remove_children(&mut self, name: &str) {
        self.children.retain(|c| c.name != name);
    }

    /// Replaces (or appends) the child called `el.name`.
    pub fn set_child(&mut self, el: Element) {
        match self.children.iter_mut().find(|c| c.name == el.name) {
            Some(slot) => *slot = el,
            None => self.children.push(el),
        }
    }

    /// Sorts children by the position of their name in `order`; unknown names keep their
    /// relative order after the known ones.
    pub fn order_children(&mut self, order: &[&str]) {
        let rank = |n: &str| order.iter().position(|o| *o == n).unwrap_or(order.len());
        self.children.sort_by_key(|c| rank(&c.name));
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
