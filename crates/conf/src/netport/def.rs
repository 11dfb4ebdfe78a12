//! The network port model (`virNetworkPortDef`): parse and format.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::plug::Plug;
use crate::network::{Bandwidth, BandwidthRate, VirtualPort, Vlan};
use crate::xml::ident::expect_root;
use crate::xml::values::{format_mac, format_uuid, parse_mac, parse_uuid, parse_yes_no, yes_no};
use crate::xml::{parse_document, Attrs, NodeExt, XmlWriter};

const DOM: ErrorDomain = ErrorDomain::Network;

/// A network port (`<networkport>`), as `virNetworkPortCreateXML` takes it and
/// `virNetworkPortGetXMLDesc` returns it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NetworkPortDef {
    pub uuid: [u8; 16],
    /// The owning domain's name and UUID (`<owner>`).
    pub owner_name: String,
    pub owner_uuid: [u8; 16],
    /// `<group>`: the port group.
    pub group: Option<String>,
    pub mac: [u8; 6],
    pub virtualport: Option<VirtualPort>,
    pub bandwidth: Option<Bandwidth>,
    /// `<bandwidth classID='…'>`: the tc class of the port's floor, if any.
    pub class_id: u32,
    pub vlan: Option<Vlan>,
    /// `<port isolated='…'/>`.
    pub isolated: Option<bool>,
    /// `<rxfilters trustGuest='…'/>`.
    pub trust_guest_rx_filters: Option<bool>,
    pub plug: Plug,
}

fn internal(msg: impl Into<String>) -> VirError {
    VirError::internal(DOM, msg)
}

fn tristate(node: Option<roxmltree::Node>, attr: &str) -> VirResult<Option<bool>> {
    match node.and_then(|n| n.attr(attr)) {
        None => Ok(None),
        Some(v) => parse_yes_no(v).map(Some).ok_or_else(|| {
            let elem = node.map(|n| n.tag_name().name()).unwrap_or("");
            VirError::new(
                ErrorCode::XmlError,
                DOM,
                format!("Invalid value for attribute '{attr}' in element '{elem}': '{v}'."),
            )
        }),
    }
}

fn uuid_text(text: Option<&str>, missing: &str) -> VirResult<[u8; 16]> {
    let t = text.ok_or_else(|| internal(missing))?;
    parse_uuid(t).ok_or_else(|| internal(format!("Unable to parse UUID '{t}'")))
}

fn rate_attrs(r: &BandwidthRate) -> Attrs {
    Attrs::new()
        .opt("average", r.average)
        .opt("peak", r.peak)
        .opt("floor", r.floor)
        .opt("burst", r.burst)
}

impl NetworkPortDef {
    /// Parses a `<networkport>` document as `virNetworkPortDefParseString` does.
    pub fn parse(xml: &str) -> VirResult<NetworkPortDef> {
        let doc = parse_document(xml, "networkport_definition", DOM)?;
        let root = doc.root_element();
        expect_root(root, "networkport", DOM)?;
        let uuid = uuid_text(root.child_text("uuid"), "network port has no uuid")?;
        let owner = root.child("owner");
        let owner_name = owner
            .and_then(|o| o.child_text("name"))
            .ok_or_else(|| internal("network port has no owner name"))?
            .to_string();
        let owner_uuid = uuid_text(
            owner.and_then(|o| o.child_text("uuid")),
            "network port has no owner UUID",
        )?;
        let mac_text = root
            .child("mac")
            .and_then(|m| m.attr("address"))
            .ok_or_else(|| internal("network port has no mac"))?;
        let mac = parse_mac(mac_text)
            .ok_or_else(|| internal(format!("Unable to parse MAC '{mac_text}'")))?;
        let bw = root.child("bandwidth");
        Ok(NetworkPortDef {
            uuid,
            owner_name,
            owner_uuid,
            group: root.child_text("group").map(str::to_string),
            mac,
            virtualport: root.child("virtualport").map(VirtualPort::parse),
            bandwidth: bw.map(Bandwidth::parse),
            class_id: bw
                .and_then(|b| b.attr("classID"))
                .and_then(|c| c.parse().ok())
                .unwrap_or(0),
            vlan: root.child("vlan").map(Vlan::parse),
            isolated: tristate(root.child("port"), "isolated")?,
            trust_guest_rx_filters: tristate(root.child("rxfilters"), "trustGuest")?,
            plug: Plug::parse(root.child("plug"))?,
        })
    }

    /// Formats the port as `virNetworkPortGetXMLDesc` does.
    pub fn format(&self) -> String {
        let mut w = XmlWriter::new();
        w.open("networkport", Attrs::new());
        w.text("uuid", Attrs::new(), &format_uuid(&self.uuid));
        w.open("owner", Attrs::new());
        w.text("name", Attrs::new(), &self.owner_name);
        w.text("uuid", Attrs::new(), &format_uuid(&self.owner_uuid));
        w.close("owner");
        w.opt_text("group", self.group.as_deref());
        w.empty("mac", Attrs::new().add("address", format_mac(&self.mac)));
        if let Some(v) = &self.virtualport {
            v.format(&mut w);
        }
        if let Some(b) = &self.bandwidth {
            if b.inbound.is_some() || b.outbound.is_some() {
                let id = (self.class_id != 0).then_some(self.class_id);
                w.open("bandwidth", Attrs::new().opt("classID", id));
                if let Some(i) = &b.inbound {
                    w.empty("inbound", rate_attrs(i));
                }
                if let Some(o) = &b.outbound {
                    w.empty("outbound", rate_attrs(o));
                }
                w.close("bandwidth");
            }
        }
        if let Some(v) = &self.vlan {
            if !v.tags.is_empty() {
                v.format(&mut w);
            }
        }
        if let Some(i) = self.isolated {
            w.empty("port", Attrs::new().add("isolated", yes_no(i)));
        }
        if let Some(t) = self.trust_guest_rx_filters {
            w.empty("rxfilters", Attrs::new().add("trustGuest", yes_no(t)));
        }
        self.plug.format(&mut w);
        w.close("networkport");
        w.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::netport::{MacvtapMode, PciAddr};

    const OWNER: &str = "<owner><name>vm1</name>\
        <uuid>a4b1c2d3-0000-4000-8000-000000000001</uuid></owner>";

    fn doc(body: &str) -> String {
        format!(
            "<networkport><uuid>11111111-2222-4333-8444-555555555555</uuid>{OWNER}{body}</networkport>"
        )
    }

    /// Parse → format → parse is stable and gives `expected`.
    fn golden(input: &str, expected: &str) -> NetworkPortDef {
        let d = NetworkPortDef::parse(input).unwrap();
        assert_eq!(d.format(), expected);
        assert_eq!(NetworkPortDef::parse(expected).unwrap(), d);
        d
    }

    const HEAD: &str = "<networkport>\n  <uuid>11111111-2222-4333-8444-555555555555</uuid>\n  \
        <owner>\n    <name>vm1</name>\n    <uuid>a4b1c2d3-0000-4000-8000-000000000001</uuid>\n  \
        </owner>\n";

    #[test]
    fn plug_none_is_omitted() {
        let d = golden(
            &doc("<mac address='52:54:00:AA:00:01'/>"),
            &format!("{HEAD}  <mac address='52:54:00:aa:00:01'/>\n</networkport>\n"),
        );
        assert_eq!(d.plug, Plug::None);
    }

    #[test]
    fn plug_network_with_everything() {
        let d = golden(
            &doc(
                "<group>web</group><mac address='52:54:00:aa:00:02'/>\
                 <bandwidth classID='7'><inbound average='1000' peak='4000' floor='200' burst='1024'/>\
                 <outbound average='128'/></bandwidth>\
                 <vlan trunk='yes'><tag id='2'/><tag id='40'/></vlan>\
                 <port isolated='yes'/><rxfilters trustGuest='no'/>\
                 <plug type='network' bridge='virbr0' macTableManager='libvirt'/>",
            ),
            &format!(
                "{HEAD}  <group>web</group>\n  <mac address='52:54:00:aa:00:02'/>\n  \
                 <bandwidth classID='7'>\n    \
                 <inbound average='1000' peak='4000' floor='200' burst='1024'/>\n    \
                 <outbound average='128'/>\n  </bandwidth>\n  \
                 <vlan trunk='yes'>\n    <tag id='2'/>\n    <tag id='40'/>\n  </vlan>\n  \
                 <port isolated='yes'/>\n  <rxfilters trustGuest='no'/>\n  \
                 <plug type='network' bridge='virbr0' macTableManager='libvirt'/>\n\
                 </networkport>\n"
            ),
        );
        assert_eq!(d.plug.bridge(), Some("virbr0"));
        assert_eq!(d.class_id, 7);
    }

    #[test]
    fn plug_bridge_and_direct() {
        golden(
            &doc("<mac address='52:54:00:aa:00:03'/><plug type='bridge' bridge='br0'/>"),
            &format!(
                "{HEAD}  <mac address='52:54:00:aa:00:03'/>\n  \
                 <plug type='bridge' bridge='br0'/>\n</networkport>\n"
            ),
        );
        let d = golden(
            &doc(
                "<mac address='52:54:00:aa:00:04'/><virtualport type='802.1Qbg'>\
                 <parameters managerid='11' typeid='1193047' typeidversion='2'/></virtualport>\
                 <plug type='direct' dev='eth0'/>",
            ),
            &format!(
                "{HEAD}  <mac address='52:54:00:aa:00:04'/>\n  \
                 <virtualport type='802.1Qbg'>\n    \
                 <parameters managerid='11' typeid='1193047' typeidversion='2'/>\n  \
                 </virtualport>\n  <plug type='direct' dev='eth0' mode='vepa'/>\n</networkport>\n"
            ),
        );
        assert_eq!(
            d.plug,
            Plug::Direct {
                dev: "eth0".into(),
                mode: MacvtapMode::Vepa
            }
        );
    }

    #[test]
    fn plug_hostdev_pci() {
        let d = golden(
            &doc(
                "<mac address='52:54:00:aa:00:05'/><plug type='hostdev-pci' managed='yes'>\
                 <driver name='vfio'/><address domain='0x0000' bus='0x03' slot='0x10' function='0x1'/></plug>",
            ),
            &format!(
                "{HEAD}  <mac address='52:54:00:aa:00:05'/>\n  <plug type='hostdev-pci' managed='yes'>\n    \
                 <driver name='vfio'/>\n    \
                 <address domain='0x0000' bus='0x03' slot='0x10' function='0x1'/>\n  </plug>\n\
                 </networkport>\n"
            ),
        );
        assert!(matches!(
            d.plug,
            Plug::HostdevPci {
                managed: Some(true),
                addr: PciAddr {
                    bus: 3,
                    slot: 16,
                    function: 1,
                    ..
                },
                ..
            }
        ));
    }

    #[test]
    fn parse_errors_match_libvirt() {
        let msg = |x: &str| NetworkPortDef::parse(x).unwrap_err().message;
        assert_eq!(
            msg("<networkport/>"),
            "internal error: network port has no uuid"
        );
        assert_eq!(
            msg("<networkport><uuid>zz</uuid></networkport>"),
            "internal error: Unable to parse UUID 'zz'"
        );
        assert_eq!(
            msg("<networkport><uuid>11111111-2222-4333-8444-555555555555</uuid></networkport>"),
            "internal error: network port has no owner name"
        );
        assert_eq!(msg(&doc("")), "internal error: network port has no mac");
        assert_eq!(
            msg(&doc("<mac address='nope'/>")),
            "internal error: Unable to parse MAC 'nope'"
        );
        assert_eq!(
            msg(&doc(
                "<mac address='52:54:00:aa:00:06'/><plug type='bridge'/>"
            )),
            "XML error: Missing network port bridge name"
        );
        assert_eq!(
            msg(&doc(
                "<mac address='52:54:00:aa:00:06'/><plug type='direct' dev='e' mode='x'/>"
            )),
            "XML error: Invalid mode setting 'x' in network port"
        );
        assert_eq!(
            msg("<network/>"),
            "XML error: expecting root element of 'networkport', not 'network'"
        );
    }
}
