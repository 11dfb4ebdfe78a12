//! `NodeDeviceDriver`: node devices and the mocked vHBA create/destroy (`testNodeDevice*`).

use crate::driver::TestConnection;
use crate::errors::{check_flags, internal, TEST};
use crate::objects::{DriverState, NodeDevObj};
use async_trait::async_trait;
use rvirt_conf::nodedev::{FcHost, NodeDevCap, NodeDeviceDef};
use rvirt_core::driver::NodeDeviceDriver;
use rvirt_core::error::{ErrorCode, VirError, VirResult};
use rvirt_core::event::{Event, NodeDeviceEventKind};
use rvirt_core::handle::NodeDeviceRef;

/// `VIR_CONNECT_LIST_NODE_DEVICES_FILTERS_CAP` in libvirt 9.0 (bits 0–21).
const FILTERS_CAP: u32 = 0x3f_ffff;

/// Capability names by `VIR_CONNECT_LIST_NODE_DEVICES_CAP_*` bit.
const CAP_BITS: &[&str] = &[
    "system",
    "pci",
    "usb_device",
    "usb",
    "net",
    "scsi_host",
    "scsi_target",
    "scsi",
    "storage",
    "fc_host",
    "vports",
    "scsi_generic",
    "drm",
    "mdev_types",
    "mdev",
    "ccw",
    "css",
    "vdpa",
    "ap_card",
    "ap_queue",
    "ap_matrix",
    "vpd",
];

fn no_dev(name: &str) -> VirError {
    VirError::new(
        ErrorCode::NoNodeDevice,
        TEST,
        format!("no node device with matching name '{name}'"),
    )
}

/// Top-level capability types, in document order (`testNodeDeviceListCaps`).
fn caps(def: &NodeDeviceDef) -> Vec<String> {
    def.caps.iter().map(|c| c.type_name().to_string()).collect()
}

/// `virNodeDeviceObjHasCap`: top-level types plus a SCSI host's `fc_host` and `vports`.
fn has_cap(def: &NodeDeviceDef, cap: &str) -> bool {
    def.caps.iter().any(|c| {
        c.type_name() == cap
            || match c {
                NodeDevCap::ScsiHost(h) => {
                    (cap == "fc_host" && h.fc_host.is_some())
                        || (cap == "vports" && h.vport_ops.is_some())
                }
                _ => false,
            }
    })
}

/// The `fc_host` sub-capability, if any.
fn fc_host(def: &NodeDeviceDef) -> Option<&FcHost> {
    def.caps.iter().find_map(|c| match c {
        NodeDevCap::ScsiHost(h) => h.fc_host.as_ref(),
        _ => None,
    })
}

/// (wwnn, wwpn) of the `fc_host` capability.
fn wwns(def: &NodeDeviceDef) -> Option<(String, String)> {
    let fc = fc_host(def)?;
    Some((fc.wwnn.clone()?, fc.wwpn.clone()?))
}

fn idx(s: &DriverState, name: &str) -> VirResult<usize> {
    s.devs
        .iter()
        .position(|d| d.def.name == name)
        .ok_or_else(|| no_dev(name))
}

impl TestConnection {
    fn dev_event(&self, name: &str, event: i32) {
        self.emit(Event::NodeDevice {
            dev: NodeDeviceRef {
                name: name.to_string(),
            },
            kind: NodeDeviceEventKind::Lifecycle { event, detail: 0 },
        });
    }
}

#[async_trait]
impl NodeDeviceDriver for TestConnection {
    async fn list_all_node_devices(&self, flags: u32) -> VirResult<Vec<NodeDeviceRef>> {
        check_flags(flags, FILTERS_CAP, "testConnectListAllNodeDevices")?;
        Ok(self
            .state()
            .devs
            .iter()
            .filter(|d| {
                flags == 0
                    || CAP_BITS
                        .iter()
                        .enumerate()
                        .any(|(i, c)| flags & (1 << i) != 0 && has_cap(&d.def, c))
            })
            .map(NodeDevObj::dref)
            .collect())
    }
    async fn node_list_devices(&self, cap: Option<String>, flags: u32) -> VirResult<Vec<String>> {
        check_flags(flags, 0, "testNodeListDevices")?;
        Ok(self
            .state()
            .devs
            .iter()
            .filter(|d| cap.as_deref().is_none_or(|c| has_cap(&d.def, c)))
            .map(|d| d.def.name.clone())
            .collect())
    }
    async fn node_device_lookup_by_name(&self, name: &str) -> VirResult<NodeDeviceRef> {
        self.with_state(|s| Ok(s.devs[idx(s, name)?].dref()))
    }
    async fn node_device_get_xml_desc(&self, dev: &NodeDeviceRef, flags: u32) -> VirResult<String> {
        check_flags(flags, 0, "testNodeDeviceGetXMLDesc")?;
        self.with_state(|s| Ok(s.devs[idx(s, &dev.name)?].def.format()))
    }
    async fn node_device_get_parent(&self, dev: &NodeDeviceRef) -> VirResult<Option<String>> {
        self.with_state(|s| {
            let d = &s.devs[idx(s, &dev.name)?];
            d.def
                .parent
                .clone()
                .map(Some)
                .ok_or_else(|| internal("no parent for this device"))
        })
    }
    async fn node_device_list_caps(&self, dev: &NodeDeviceRef) -> VirResult<Vec<String>> {
        self.with_state(|s| Ok(caps(&s.devs[idx(s, &dev.name)?].def)))
    }
    /// virNodeDeviceIsActive: every device the test driver lists is active.
    async fn node_device_is_active(&self, dev: &NodeDeviceRef) -> VirResult<bool> {
        self.with_state(|s| idx(s, &dev.name).map(|_| true))
    }
    /// virNodeDeviceIsPersistent: the test driver reports every device persistent.
    async fn node_device_is_persistent(&self, dev: &NodeDeviceRef) -> VirResult<bool> {
        self.with_state(|s| idx(s, &dev.name).map(|_| true))
    }
    async fn node_device_create_xml(&self, xml: &str, flags: u32) -> VirResult<NodeDeviceRef> {
        check_flags(flags, 0, "testNodeDeviceCreateXML")?;
        let def = NodeDeviceDef::parse(xml)?;
        let (wwnn, wwpn) = wwns(&def).ok_or_else(|| {
            VirError::new(
                ErrorCode::InvalidArg,
                rvirt_core::error::ErrorDomain::Nodedev,
                "Device is not a fibre channel HBA",
            )
        })?;
        let parent = def.parent.clone().ok_or_else(|| {
            VirError::new(
                ErrorCode::InvalidArg,
                rvirt_core::error::ErrorDomain::Nodedev,
                "no parent for this device",
            )
        })?;
        let name = self.with_state(|s| {
            if !has_cap(&s.devs[idx(s, &parent)?].def, "vports") {
                return Err(internal(format!(
                    "Parent device {parent} is not capable of vport operations"
                )));
            }
            // Mock vport creation: a copy of scsi_host11 renamed scsi_host12 with the new WWNs.
            let mut copy = s.devs[idx(s, "scsi_host11")?].def.clone();
            copy.name = "scsi_host12".to_string();
            for c in copy.caps.iter_mut() {
                if let NodeDevCap::ScsiHost(h) = c {
                    if let Some(fc) = h.fc_host.as_mut() {
                        fc.wwnn = Some(wwnn.clone());
                        fc.wwpn = Some(wwpn.clone());
                    }
                }
            }
            match s.devs.iter().position(|d| d.def.name == "scsi_host12") {
                Some(i) => s.devs[i].def = copy,
                None => s.devs.push(NodeDevObj { def: copy }),
            }
            Ok("scsi_host12".to_string())
        })?;
        self.dev_event(&name, 0);
        Ok(NodeDeviceRef { name })
    }
    async fn node_device_destroy(&self, dev: &NodeDeviceRef) -> VirResult<()> {
        self.with_state(|s| {
            let i = idx(s, &dev.name)?;
            let d = &s.devs[i].def;
            if wwns(d).is_none() {
                return Err(VirError::new(
                    ErrorCode::InvalidArg,
                    rvirt_core::error::ErrorDomain::Nodedev,
                    "Device is not a fibre channel HBA",
                ));
            }
            let parent = d.parent.clone().unwrap_or_default();
            if idx(s, &parent).is_err() {
                return Err(internal(format!(
                    "cannot find parent '{parent}' definition"
                )));
            }
            s.devs.remove(i);
            Ok(())
        })?;
        self.dev_event(&dev.name, 1);
        Ok(())
    }
}
