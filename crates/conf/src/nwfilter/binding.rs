//! The filter binding model (`virNWFilterBindingDef`): `<filterbinding>`.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::params::FilterRef;
use crate::xml::values::{format_mac, format_uuid, parse_mac, parse_uuid};
use crate::xml::{escape, parse_document, NodeExt};

const DOM: ErrorDomain = ErrorDomain::Nwfilter;

/// A filter bound to a port (`<filterbinding>`), as `virNWFilterBindingCreateXML` takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NwFilterBindingDef {
    pub owner_name: String,
    pub owner_uuid: [u8; 16],
    pub portdev: String,
    pub linkdev: Option<String>,
    pub mac: [u8; 6],
    pub filter: FilterRef,
}

fn internal(detail: impl Into<String>) -> VirError {
    VirError::internal(DOM, detail)
}

fn xpath_string<'a>(root: roxmltree::Node<'a, '_>, elem: &str, attr: &str) -> Option<&'a str> {
    root.child(elem).and_then(|n| n.attr(attr))
}

impl NwFilterBindingDef {
    /// Parses a `<filterbinding>` document as `virNWFilterBindingCreateXML` does.
    pub fn parse(xml: &str) -> VirResult<NwFilterBindingDef> {
        let doc = parse_document(xml, "nwfilterbinding_definition", DOM)?;
        let root = doc.root_element();
        if root.tag_name().name() != "filterbinding" {
            return Err(VirError::new(
                ErrorCode::XmlError,
                DOM,
                "unknown root element for nwfilter binding",
            ));
        }
        let portdev = xpath_string(root, "portdev", "name")
            .ok_or_else(|| internal("filter binding has no port dev name"))?;
        let linkdev = match root.child("linkdev") {
            Some(l) => Some(
                l.attr("name")
                    .ok_or_else(|| internal("filter binding has no link dev name"))?
                    .to_string(),
            ),
            None => None,
        };
        let owner = root.child("owner");
        let owner_name = owner
            .and_then(|o| o.child_text("name"))
            .ok_or_else(|| internal("filter binding has no owner name"))?;
        let uuid = owner
            .and_then(|o| o.child_text("uuid"))
            .ok_or_else(|| internal("filter binding has no owner UUID"))?;
        let owner_uuid =
            parse_uuid(uuid).ok_or_else(|| internal(format!("Unable to parse UUID '{uuid}'")))?;
        let mac = xpath_string(root, "mac", "address")
            .ok_or_else(|| internal("filter binding has no MAC address"))?;
        let mac = parse_mac(mac).ok_or_else(|| internal(format!("Unable to parse MAC '{mac}'")))?;
        let fref = root.child("filterref");
        let filter = fref
            .and_then(|f| f.attr("filter"))
            .ok_or_else(|| internal("filter binding has no filter reference"))?;
        let filter = match fref {
            Some(f) => FilterRef::parse_params(f, filter.to_string()),
            None => FilterRef::default(),
        };
        Ok(NwFilterBindingDef {
            owner_name: owner_name.to_string(),
            owner_uuid,
            portdev: portdev.to_string(),
            linkdev,
            mac,
            filter,
        })
    }

    /// Formats the binding as `virNWFilterBindingGetXMLDesc` does.
    pub fn format(&self) -> String {
        let mut out = String::from("<filterbinding>\n  <owner>\n");
        out.push_str(&format!("    <name>{}</name>\n", escape(&self.owner_name)));
        out.push_str(&format!(
            "    <uuid>{}</uuid>\n  </owner>\n",
            format_uuid(&self.owner_uuid)
        ));
        out.push_str(&format!("  <portdev name='{}'/>\n", escape(&self.portdev)));
        if let Some(l) = &self.linkdev {
            out.push_str(&format!("  <linkdev name='{}'/>\n", escape(l)));
        }
        out.push_str(&format!("  <mac address='{}'/>\n", format_mac(&self.mac)));
        self.filter.format_into(&mut out, 2);
        out.push_str("</filterbinding>\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OK: &str = "<filterbinding><owner><name>vm1</name>\
        <uuid>d54df46f-1ab5-4a22-8618-4560ef5fac2c</uuid></owner>\
        <portdev name='vnet0'/><mac address='52:54:00:7B:35:93'/>\
        <filterref filter='clean-traffic'><parameter name='MAC' value='52:54:00:7b:35:93'/>\
        </filterref></filterbinding>";

    #[test]
    fn round_trip() {
        let b = NwFilterBindingDef::parse(OK).unwrap();
        let out = b.format();
        assert_eq!(
            out,
            "<filterbinding>\n  <owner>\n    <name>vm1</name>\n    \
             <uuid>d54df46f-1ab5-4a22-8618-4560ef5fac2c</uuid>\n  </owner>\n  \
             <portdev name='vnet0'/>\n  <mac address='52:54:00:7b:35:93'/>\n  \
             <filterref filter='clean-traffic'>\n    \
             <parameter name='MAC' value='52:54:00:7b:35:93'/>\n  </filterref>\n\
             </filterbinding>\n"
        );
        assert_eq!(NwFilterBindingDef::parse(&out).unwrap(), b);
    }

    #[test]
    fn libvirt_errors() {
        let e = |x: &str| NwFilterBindingDef::parse(x).unwrap_err().message;
        assert_eq!(
            e("<filterbinding/>"),
            "internal error: filter binding has no port dev name"
        );
        assert_eq!(
            e("<x/>"),
            "XML error: unknown root element for nwfilter binding"
        );
        assert_eq!(
            e(&OK.replace("<owner><name>vm1</name>", "<owner>")),
            "internal error: filter binding has no owner name"
        );
        assert_eq!(
            e(&OK.replace("52:54:00:7B:35:93", "zz")),
            "internal error: Unable to parse MAC 'zz'"
        );
        assert_eq!(
            e(&OK.replace("d54df46f-1ab5-4a22-8618-4560ef5fac2c", "u")),
            "internal error: Unable to parse UUID 'u'"
        );
        assert_eq!(
            e(&OK.replace(" filter='clean-traffic'", "")),
            "internal error: filter binding has no filter reference"
        );
        assert_eq!(
            e(&OK.replace(
                "<portdev name='vnet0'/>",
                "<portdev name='vnet0'/><linkdev/>"
            )),
            "internal error: filter binding has no link dev name"
        );
    }
}
