//! `<title>`, `<description>` and `<metadata>` of a network (libvirt ≥ 9.7), and the
//! `virNetworkGetMetadata`/`virNetworkSetMetadata` model operations.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::def::NetworkDef;
use crate::domain::Element;
use crate::xml::{Attrs, XmlWriter};

/// The first child of `root` named `name` in no namespace.
fn plain_child<'a, 'i>(
    root: roxmltree::Node<'a, 'i>,
    name: &str,
) -> Option<roxmltree::Node<'a, 'i>> {
    root.children().find(|c| {
        c.is_element() && c.tag_name().name() == name && c.tag_name().namespace().is_none()
    })
}

fn text_of(node: roxmltree::Node) -> Option<String> {
    let t: String = node
        .descendants()
        .filter(|c| c.is_text())
        .filter_map(|c| c.text())
        .collect();
    (!t.is_empty()).then_some(t)
}

/// The parsed `<title>`, `<description>` and namespaced `<metadata>` children.
pub(crate) struct Meta {
    pub title: Option<String>,
    pub description: Option<String>,
    pub metadata: Vec<Element>,
}

/// Reads `<title>` (no newlines), `<description>` and `<metadata>` (namespaced children only,
/// the first per namespace, as `virXMLNodeSanitizeNamespaces` keeps them).
pub(crate) fn parse_meta(root: roxmltree::Node) -> VirResult<Meta> {
    let title = plain_child(root, "title").and_then(text_of);
    if title.as_deref().is_some_and(|t| t.contains('\n')) {
        return Err(VirError::new(
            ErrorCode::XmlError,
            ErrorDomain::Network,
            "Network title can't contain newlines",
        ));
    }
    let description = plain_child(root, "description").and_then(text_of);
    let mut metadata: Vec<Element> = Vec::new();
    if let Some(m) = plain_child(root, "metadata") {
        for c in m.children().filter(|c| c.is_element()) {
            let e = Element::from_node(c);
            if e.ns.is_some() && !metadata.iter().any(|o| o.ns == e.ns) {
                metadata.push(e);
            }
        }
    }
    Ok(Meta {
        title,
        description,
        metadata,
    })
}

/// Writes `<title>`, `<description>` and `<metadata>` (right after `<uuid>`, as libvirt does).
pub(crate) fn format_meta(def: &NetworkDef, w: &mut XmlWriter) {
    w.opt_text("title", def.title.as_deref());
    w.opt_text("description", def.description.as_deref());
    if !def.metadata.is_empty() {
        w.open("metadata", Attrs::new());
        for m in &def.metadata {
            m.write_libxml(w, true);
        }
        w.close("metadata");
    }
}

fn requalify(e: &mut Element, key: &str, uri: &str) {
    let local = e.name.rsplit(':').next().unwrap_or(&e.name).to_string();
    e.name = format!("{key}:{local}");
    e.ns = Some(uri.to_string());
    for c in e.children.iter_mut() {
        requalify(c, key, uri);
    }
}

impl NetworkDef {
    /// `virNetworkGetMetadata(VIR_NETWORK_METADATA_ELEMENT)`: the `<metadata>` child in
    /// namespace `uri` as libvirt returns it; `None` when absent (the caller reports
    /// `VIR_ERR_NO_NETWORK_METADATA`, "Requested metadata element is not present").
    pub fn metadata_element(&self, uri: &str) -> Option<String> {
        let e = self
            .metadata
            .iter()
            .find(|m| m.ns.as_deref() == Some(uri))?;
        let mut w = XmlWriter::new();
        e.write_libxml(&mut w, true);
        Some(w.finish().trim_end().to_string())
    }

    /// `virNetworkSetMetadata(VIR_NETWORK_METADATA_ELEMENT)`: replaces (or with `None`
    /// removes) the element in namespace `uri`; `xml` is one element, stored under prefix `key`.
    pub fn set_metadata_element(
        &mut self,
        uri: &str,
        key: &str,
        xml: Option<&str>,
    ) -> VirResult<()> {
        let pos = self
            .metadata
            .iter()
            .position(|m| m.ns.as_deref() == Some(uri));
        let Some(xml) = xml else {
            if let Some(p) = pos {
                self.metadata.remove(p);
            }
            return Ok(());
        };
        let doc = crate::xml::parse_document(xml, "(metadata_xml)", ErrorDomain::Network)?;
        let mut e = Element::from_node(doc.root_element());
        requalify(&mut e, key, uri);
        match pos {
            Some(p) => self.metadata[p] = e,
            None => self.metadata.push(e),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::NetworkFormatOptions;
    use super::*;

    const DOC: &str = "<network><name>m</name><uuid>81ff0d90-c91e-6742-64da-4a736edb9a9b</uuid>\
        <title>My net</title><description>long\ntext &amp; more</description>\
        <metadata><app:x xmlns:app='http://app/1'><app:y a='1'/></app:x><plain/>\
        <app2:z xmlns:app2='http://app/1'/><o:t xmlns:o='http://other/'>txt</o:t></metadata>\
        <forward mode='nat'/><ip address='10.0.0.1' prefix='24'/></network>";

    #[test]
    fn metadata_kept_after_uuid_and_round_trips() {
        let d = NetworkDef::parse(DOC).unwrap();
        assert_eq!(d.title.as_deref(), Some("My net"));
        assert_eq!(d.metadata.len(), 2);
        let out = d.format(&NetworkFormatOptions::default());
        let want = "<network>\n  <name>m</name>\n  <uuid>81ff0d90-c91e-6742-64da-4a736edb9a9b</uuid>\n  \
            <title>My net</title>\n  <description>long\ntext &amp; more</description>\n  <metadata>\n    \
            <app:x xmlns:app=\"http://app/1\">\n      <app:y a=\"1\"/>\n    </app:x>\n    \
            <o:t xmlns:o=\"http://other/\">txt</o:t>\n  </metadata>\n  <forward mode='nat'/>\n";
        assert!(out.starts_with(want), "{out}");
        let again = NetworkDef::parse(&out).unwrap();
        assert_eq!(again.format(&NetworkFormatOptions::default()), out);
    }

    #[test]
    fn title_with_newline_is_rejected() {
        let e =
            NetworkDef::parse("<network><name>m</name><title>a\nb</title></network>").unwrap_err();
        assert_eq!(e.message, "XML error: Network title can't contain newlines");
    }

    #[test]
    fn metadata_get_set() {
        let mut d = NetworkDef::parse(DOC).unwrap();
        assert_eq!(
            d.metadata_element("http://app/1").as_deref(),
            Some("<app:x xmlns:app=\"http://app/1\">\n  <app:y a=\"1\"/>\n</app:x>")
        );
        assert_eq!(d.metadata_element("http://none"), None);
        d.set_metadata_element("http://new/", "n", Some("<thing v='2'/>"))
            .unwrap();
        assert_eq!(
            d.metadata_element("http://new/").as_deref(),
            Some("<n:thing xmlns:n=\"http://new/\" v=\"2\"/>")
        );
        d.set_metadata_element("http://app/1", "app", None).unwrap();
        assert_eq!(d.metadata_element("http://app/1"), None);
        assert_eq!(d.metadata.len(), 2);
    }
}
