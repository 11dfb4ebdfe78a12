//! `<interface><filterref filter='…'>`: a guest NIC's network filter, bound to its tap
//! through the nwfilter driver (`virNWFilterBindingCreateXML` with the domain as owner,
//! as libvirt's `virDomainConfNWFilterInstantiate` does) and unbound when the tap goes.
//! The daemon lends the driver with [`QemuDriver::set_nwfilter_driver`].

use super::driver::QemuDriver;
use rvirt_conf::domain::Element;
use rvirt_conf::nwfilter::{FilterRef, NwFilterBindingDef};
use rvirt_core::driver::NWFilterDriver;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use std::sync::Arc;

/// The binding of a NIC with a `<filterref>` on tap `portdev`; `None` without one.
pub(crate) fn binding_for(
    dev: &Element,
    portdev: &str,
    linkdev: Option<&str>,
    owner_name: &str,
    owner_uuid: [u8; 16],
) -> VirResult<Option<NwFilterBindingDef>> {
    let Some(fref) = dev.child("filterref") else {
        return Ok(None);
    };
    let filter = fref.attr("filter").unwrap_or_default().to_string();
    let mut filter = FilterRef {
        filter,
        params: Default::default(),
    };
    for p in fref.children.iter().filter(|c| c.name == "parameter") {
        if let (Some(n), Some(v)) = (p.attr("name"), p.attr("value")) {
            filter
                .params
                .entry(n.to_string())
                .or_default()
                .push(v.to_string());
        }
    }
    let mac_text = dev
        .child("mac")
        .and_then(|m| m.attr("address"))
        .unwrap_or("");
    let mut mac = [0u8; 6];
    let parts: Vec<&str> = mac_text.split(':').collect();
    if parts.len() != 6 {
        return Err(VirError::new(
            ErrorCode::InternalError,
            ErrorDomain::Qemu,
            format!("interface with filterref has no valid MAC address '{mac_text}'"),
        ));
    }
    for (b, p) in mac.iter_mut().zip(parts) {
        *b = u8::from_str_radix(p, 16).map_err(|_| {
            VirError::new(
                ErrorCode::InternalError,
                ErrorDomain::Qemu,
                format!("interface with filterref has no valid MAC address '{mac_text}'"),
            )
        })?;
    }
    Ok(Some(NwFilterBindingDef {
        owner_name: owner_name.to_string(),
        owner_uuid,
        portdev: portdev.to_string(),
        linkdev: linkdev.map(str::to_string),
        mac,
        filter,
    }))
}

impl QemuDriver {
    /// Lets guest NICs with `<filterref>` bind their filters through the nwfilter driver.
    pub fn set_nwfilter_driver(&self, d: Arc<dyn NWFilterDriver>) {
        *self.nwfilter.lock().unwrap_or_else(|p| p.into_inner()) = Some(d);
    }

    fn nwfilter_driver(&self) -> Option<Arc<dyn NWFilterDriver>> {
        self.nwfilter
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Binds the NIC's filter (if it names one) to tap `portdev`; a macvtap also names its
    /// parent device (`linkdev`).
    pub(crate) async fn bind_nic_filter(
        &self,
        dev: &Element,
        portdev: &str,
        linkdev: Option<&str>,
        owner_name: &str,
        owner_uuid: [u8; 16],
    ) -> VirResult<()> {
        let Some(binding) = binding_for(dev, portdev, linkdev, owner_name, owner_uuid)? else {
            return Ok(());
        };
        let Some(nwf) = self.nwfilter_driver() else {
            return Err(VirError::new(
                ErrorCode::NoSupport,
                ErrorDomain::Qemu,
                "this connection has no nwfilter driver for interface <filterref>",
            ));
        };
        nwf.nwfilter_binding_create_xml(&binding.format(), 0)
            .await
            .map(|_| ())
    }

    /// Removes the binding of tap `portdev`, if any (in the background: callers may hold
    /// the domain lock).
    pub(crate) fn unbind_nic_filter(&self, dev: &Element, portdev: &str) {
        if dev.child("filterref").is_none() {
            return;
        }
        let Some(nwf) = self.nwfilter_driver() else {
            return;
        };
        let portdev = portdev.to_string();
        if let Ok(h) = tokio::runtime::Handle::try_current() {
            h.spawn(async move {
                if let Ok(b) = nwf.nwfilter_binding_lookup_by_port_dev(&portdev).await {
                    let _ = nwf.nwfilter_binding_delete(&b).await;
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filterref_becomes_a_binding_owned_by_the_domain() {
        let xml = "<domain type='qemu'><name>g</name><memory>1024</memory>\
                   <os><type>hvm</type></os><devices>\
                   <interface type='bridge'><mac address='52:54:00:aa:bb:0c'/>\
                   <source bridge='br0'/><filterref filter='clean-traffic'>\
                   <parameter name='IP' value='10.0.0.2'/>\
                   <parameter name='IP' value='10.0.0.3'/></filterref></interface>\
                   <interface type='bridge'><mac address='52:54:00:aa:bb:0d'/>\
                   <source bridge='br0'/></interface></devices></domain>";
        let def = crate::conf_adapt::parse_domain(xml, None).unwrap();
        let nics: Vec<&Element> = def
            .devices
            .iter()
            .filter(|d| d.name == "interface")
            .collect();
        let b = binding_for(nics[0], "vnet7", None, "g", [1; 16])
            .unwrap()
            .unwrap();
        assert_eq!(b.portdev, "vnet7");
        assert_eq!(b.mac, [0x52, 0x54, 0, 0xaa, 0xbb, 0x0c]);
        assert_eq!(b.filter.filter, "clean-traffic");
        assert_eq!(b.filter.params["IP"], ["10.0.0.2", "10.0.0.3"]);
        let again = NwFilterBindingDef::parse(&b.format()).unwrap();
        assert_eq!(again, b);
        assert!(binding_for(nics[1], "vnet8", None, "g", [1; 16])
            .unwrap()
            .is_none());
        let m = binding_for(nics[0], "macvtap3", Some("eth0"), "g", [1; 16])
            .unwrap()
            .unwrap();
        assert!(
            m.format().contains("<linkdev name='eth0'/>"),
            "{}",
            m.format()
        );
    }
}
