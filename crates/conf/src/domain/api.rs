//! The public entry points on [`DomainDef`]: parse, format, accessors and setters.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::def::{DiskInfo, DomainDef, FormatOptions, InterfaceInfo, ParseOptions};
use super::element::Element;
use super::{devices, format, parse};

impl DomainDef {
    /// `virDomainDefParseString`: parse, apply post-parse defaults, validate.
    pub fn parse(xml: &str, opts: &ParseOptions) -> VirResult<DomainDef> {
        parse::parse_domain(xml, opts)
    }

    /// `virDomainDefFormat`: the XML text, byte-identical to libvirt's.
    pub fn format(&self, opts: &FormatOptions) -> String {
        format::format_domain(self, opts)
    }

    /// Puts the top-level elements kept as trees (`<cputune>`, `<perf>`, `<seclabel>`, …) in
    /// the order `virDomainDefFormat` writes them, so one a setter adds lands where libvirt
    /// puts it (stable: repeated elements keep their order).
    pub fn sort_extras(&mut self) {
        let order = parse::TOP_ORDER;
        self.extra.sort_by_key(|e| {
            order
                .iter()
                .position(|n| *n == e.name)
                .unwrap_or(order.len())
        });
    }

    /// `<devices><disk>`: target, source, bus, device and type of every disk.
    pub fn disks(&self) -> Vec<DiskInfo> {
        self.devices
            .iter()
            .filter(|d| d.name == "disk")
            .map(devices::disk_info)
            .collect()
    }

    /// `<devices><interface>`: type, MAC, source, target and model of every interface.
    pub fn interfaces(&self) -> Vec<InterfaceInfo> {
        self.devices
            .iter()
            .filter(|d| d.name == "interface")
            .map(devices::interface_info)
            .collect()
    }

    /// `virDomainGetMetadata(VIR_DOMAIN_METADATA_ELEMENT)`: the `<metadata>` child in namespace
    /// `uri` as libvirt returns it, without namespace prefix or declaration (`<x a="1"/>`);
    /// `VIR_ERR_NO_DOMAIN_METADATA` when absent.
    pub fn metadata_element(&self, uri: &str) -> VirResult<String> {
        let mut e = self.metadata_child(uri)?.clone();
        strip_ns(&mut e);
        let mut w = crate::xml::XmlWriter::new();
        e.write_libxml(&mut w, false);
        Ok(w.finish().trim_end().to_string())
    }

    /// The `<metadata>` child in namespace `uri` as stored in the domain XML, with its prefix
    /// and `xmlns:prefix` declaration (`<app:x xmlns:app="…"/>`); errors as
    /// [`DomainDef::metadata_element`].
    pub fn metadata_element_qualified(&self, uri: &str) -> VirResult<String> {
        let e = self.metadata_child(uri)?;
        let mut w = crate::xml::XmlWriter::new();
        e.write_libxml(&mut w, true);
        Ok(w.finish().trim_end().to_string())
    }

    fn metadata_child(&self, uri: &str) -> VirResult<&Element> {
        self.metadata
            .iter()
            .find(|m| m.ns.as_deref() == Some(uri))
            .ok_or_else(|| {
                VirError::new(
                    ErrorCode::NoDomainMetadata,
                    ErrorDomain::Domain,
                    "Requested metadata element is not present",
                )
            })
    }

    /// `virDomainSetMetadata(VIR_DOMAIN_METADATA_ELEMENT)`: replaces (or with `None` removes) the
    /// element in namespace `uri`; `xml` is one element, stored under prefix `key`.
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
        let doc = crate::xml::parse_document(xml, "(metadata_xml)", ErrorDomain::Domain)?;
        let mut e = Element::from_node(doc.root_element());
        requalify(&mut e, key, uri);
        match pos {
            Some(p) => self.metadata[p] = e,
            None => self.metadata.push(e),
        }
        Ok(())
    }

    /// `virDomainSetMetadata(VIR_DOMAIN_METADATA_TITLE)`; empty or `None` removes it.
    pub fn set_title(&mut self, title: Option<&str>) {
        self.title = title.filter(|t| !t.is_empty()).map(str::to_string);
    }

    /// `virDomainSetMetadata(VIR_DOMAIN_METADATA_DESCRIPTION)`; empty or `None` removes it.
    pub fn set_description(&mut self, description: Option<&str>) {
        self.description = description.filter(|t| !t.is_empty()).map(str::to_string);
    }

    /// The canonical UUID string.
    pub fn uuid_string(&self) -> String {
        super::uuid::format_uuid(&self.uuid)
    }
}

/// Removes namespace prefixes from an element tree (what `virDomainGetMetadata` returns).
fn strip_ns(e: &mut Element) {
    if let Some((_, local)) = e.name.split_once(':') {
        e.name = local.to_string();
    }
    e.ns = None;
    for c in e.children.iter_mut() {
        strip_ns(c);
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

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "<domain type='test'><name>d</name><memory unit='MiB'>1</memory><os><type>hvm</type></os>\
        <metadata><app:x xmlns:app='http://app/1'><app:y a='1'/></app:x><plain/></metadata>\
        <devices><disk type='file' device='cdrom'><source file='/iso'/><target dev='hdc'/></disk>\
        <interface type='bridge'><source bridge='br0'/><model type='virtio'/></interface></devices></domain>";

    #[test]
    fn accessors_and_defaults() {
        let d = DomainDef::parse(DOC, &ParseOptions::default()).unwrap();
        assert_eq!(
            (d.max_memory_kib, d.current_memory_kib, d.vcpus_max),
            (1024, 1024, 1)
        );
        assert_eq!(d.os_arch.as_deref(), Some("i686"));
        let disks = d.disks();
        assert_eq!(disks[0].target, "hdc");
        assert_eq!(disks[0].bus.as_deref(), Some("ide"));
        assert_eq!(disks[0].source.as_deref(), Some("/iso"));
        assert_eq!(disks[0].device, "cdrom");
        let nics = d.interfaces();
        assert_eq!(nics[0].source_bridge.as_deref(), Some("br0"));
        assert_eq!(nics[0].target_dev.as_deref(), Some("testnet0"));
        assert!(nics[0].mac.as_deref().unwrap().starts_with("52:54:00:"));
        let out = d.format(&FormatOptions {
            inactive: true,
            ..Default::default()
        });
        assert!(out.contains("<controller type='ide' index='0'/>"));
        assert!(!out.contains("<plain"));
    }

    #[test]
    fn metadata_get_set() {
        let mut d = DomainDef::parse(DOC, &ParseOptions::default()).unwrap();
        assert_eq!(
            d.metadata_element("http://app/1").unwrap(),
            "<x>\n  <y a=\"1\"/>\n</x>"
        );
        assert_eq!(
            d.metadata_element_qualified("http://app/1").unwrap(),
            "<app:x xmlns:app=\"http://app/1\">\n  <app:y a=\"1\"/>\n</app:x>"
        );
        assert_eq!(
            d.metadata_element("http://none").unwrap_err().code,
            ErrorCode::NoDomainMetadata
        );
        d.set_metadata_element("http://other", "o", Some("<thing v='2'/>"))
            .unwrap();
        let out = d.format(&FormatOptions::default());
        assert!(out.contains("    <o:thing xmlns:o=\"http://other\" v=\"2\"/>\n"));
        d.set_metadata_element("http://app/1", "app", None).unwrap();
        assert!(d.metadata_element("http://app/1").is_err());
        d.set_title(Some("T"));
        d.set_description(Some(""));
        assert_eq!(d.title.as_deref(), Some("T"));
        assert_eq!(d.description, None);
        let live = d.format(&FormatOptions {
            id: Some(3),
            ..Default::default()
        });
        assert!(live.starts_with("<domain type='test' id='3'>"));
    }
}
