//! A generic XML element tree: the fallback representation for parts of `<domain>` that are
//! kept and re-emitted in libvirt's layout without a dedicated typed model.

use crate::xml::{Attrs, XmlWriter};

/// One XML element: qualified name (with prefix), attributes in order, children or text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Element>,
    pub text: Option<String>,
    /// Namespace URI of the element, if any.
    pub ns: Option<String>,
    /// Printed as `<x>` + `</x>` on separate lines even without children (libvirt quirk).
    pub keep_open: bool,
}

fn qualified(node: roxmltree::Node<'_, '_>) -> String {
    let tag = node.tag_name();
    match tag.namespace().and_then(|ns| node.lookup_prefix(ns)) {
        Some(p) if !p.is_empty() => format!("{p}:{}", tag.name()),
        _ => tag.name().to_string(),
    }
}

impl Element {
    /// An element with a name and nothing else.
    pub fn new(name: &str) -> Self {
        Element {
            name: name.to_string(),
            ..Default::default()
        }
    }

    /// Copies a roxmltree element (whitespace-only text between children is dropped).
    pub fn from_node(node: roxmltree::Node<'_, '_>) -> Self {
        let mut attrs = Vec::new();
        for a in node.attributes() {
            let name = match a.namespace().and_then(|ns| node.lookup_prefix(ns)) {
                Some(p) if !p.is_empty() => format!("{p}:{}", a.name()),
                _ => a.name().to_string(),
            };
            attrs.push((name, a.value().to_string()));
        }
        let children: Vec<Element> = node
            .children()
            .filter(|c| c.is_element())
            .map(Element::from_node)
            .collect();
        let text = if children.is_empty() {
            let t: String = node
                .children()
                .filter(|c| c.is_text())
                .filter_map(|c| c.text())
                .collect();
            if t.trim().is_empty() {
                None
            } else {
                Some(t)
            }
        } else {
            None
        };
        Element {
            name: qualified(node),
            attrs,
            children,
            text,
            ns: node.tag_name().namespace().map(str::to_string),
            keep_open: false,
        }
    }

    /// Attribute value by name.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Sets (or replaces in place) an attribute.
    pub fn set_attr(&mut self, name: &str, value: impl Into<String>) {
        let value = value.into();
        if let Some(slot) = self.attrs.iter_mut().find(|(k, _)| k == name) {
            slot.1 = value;
        } else {
            self.attrs.push((name.to_string(), value));
        }
    }

    /// Removes an attribute, returning its value.
    pub fn remove_attr(&mut self, name: &str) -> Option<String> {
        let pos = self.attrs.iter().position(|(k, _)| k == name)?;
        Some(self.attrs.remove(pos).1)
    }

    /// Reorders attributes: names in `order` first (in that order), the rest after.
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

    /// First child with this name.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// First child with this name, mutable.
    pub fn child_mut(&mut self, name: &str) -> Option<&mut Element> {
        self.children.iter_mut().find(|c| c.name == name)
    }

    /// First child with this name, created (appended) when missing.
    pub fn child_or_insert(&mut self, name: &str) -> &mut Element {
        let pos = match self.children.iter().position(|c| c.name == name) {
            Some(p) => p,
            None => {
                self.children.push(Element::new(name));
                self.children.len() - 1
            }
        };
        &mut self.children[pos]
    }

    /// Removes all children with this name.
    pub fn remove_children(&mut self, name: &str) {
        self.children.retain(|c| c.name != name);
    }

    /// Reorders children: names in `order` first (stable), unknown names after.
    pub fn order_children(&mut self, order: &[&str]) {
        let rank = |e: &Element| {
            order
                .iter()
                .position(|n| *n == e.name)
                .unwrap_or(order.len())
        };
        self.children.sort_by_key(rank);
    }

    /// Writes the element in libvirt's layout.
    pub fn write(&self, w: &mut XmlWriter) {
        let mut attrs = Attrs::new();
        for (k, v) in &self.attrs {
            attrs = attrs.add(k, v);
        }
        if !self.children.is_empty() || self.keep_open {
            w.open(&self.name, attrs);
            for c in &self.children {
                c.write(w);
            }
            w.close(&self.name);
        } else if let Some(t) = &self.text {
            w.text(&self.name, attrs, t);
        } else {
            w.empty(&self.name, attrs);
        }
    }

    /// Writes the element as libxml2's `xmlNodeDump(format=1)` does (double quotes), used for
    /// `<metadata>` children which libvirt keeps verbatim. `xmlns` is declared on this element.
    pub fn write_libxml(&self, w: &mut XmlWriter, declare_ns: bool) {
        let mut head = String::new();
        head.push('<');
        head.push_str(&self.name);
        if declare_ns {
            if let Some(ns) = &self.ns {
                match self.name.split_once(':') {
                    Some((p, _)) => head.push_str(&format!(" xmlns:{p}=\"{}\"", libxml_attr(ns))),
                    None => head.push_str(&format!(" xmlns=\"{}\"", libxml_attr(ns))),
                }
            }
        }
        for (k, v) in &self.attrs {
            head.push_str(&format!(" {k}=\"{}\"", libxml_attr(v)));
        }
        if !self.children.is_empty() {
            w.raw_lines(&format!("{head}>"));
            let mut inner = XmlWriter::with_depth(w.depth() + 1);
            for c in &self.children {
                c.write_libxml(&mut inner, false);
            }
            w.raw(&inner.finish());
            w.raw_lines(&format!("</{}>", self.name));
        } else if let Some(t) = &self.text {
            w.raw_lines(&format!("{head}>{}</{}>", libxml_text(t), self.name));
        } else {
            w.raw_lines(&format!("{head}/>"));
        }
    }
}

fn libxml_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn libxml_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_layout() {
        let doc = roxmltree::Document::parse("<a x=\"1\"><b/><c>t</c></a>").unwrap();
        let e = Element::from_node(doc.root_element());
        let mut w = XmlWriter::new();
        e.write(&mut w);
        assert_eq!(w.finish(), "<a x='1'>\n  <b/>\n  <c>t</c>\n</a>\n");
    }
}
