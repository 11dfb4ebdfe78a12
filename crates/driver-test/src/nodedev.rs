//! `NodeDeviceDriver`: node devices and the mocked vHBA create/destroy (`testNodeDevice*`).

use crate::driver::TestConnection;
use crate::errors::{check_flags, internal, TEST};
use crate::model::simple::NodeDeviceDef;
use crate::objects::{DriverState, NodeDevObj};
use async_trait::async_trait;
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

fn idx(s: &DriverState, name: &str) -> VirResult<usize> {
    s.devs
        .iter()
        .position(|d| d.def.name() == name)
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
                        .any(|(i, c)| flags & (1 << i) != 0 && d.def.has_cap(c))
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
            .filter(|d| cap.as_deref().is_none_or(|c| d.def.has_cap(c)))
            .map(|d| d.def.name().to_string())
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
                .parent()
                .map(|p| Some(p.to_string()))
                .ok_or_else(|| internal("no parent for this device"))
        })
    }
    async fn node_device_list_caps(&self, dev: &NodeDeviceRef) -> VirResult<Vec<String>> {
        self.with_state(|s| Ok(s.devs[idx(s, &dev.name)?].def.caps()))
    }
    async fn node_device_create_xml(&self, xml: &str, flags: u32) -> VirResult<NodeDeviceRef> {
        check_flags(flags, 0, "testNodeDeviceCreateXML")?;
        let def = NodeDeviceDef::parse(xml)?;
        let (wwnn, wwpn) = def.wwns().ok_or_else(|| {
            VirError::new(
                ErrorCode::InvalidArg,
                rvirt_core::error::ErrorDomain::Nodedev,
                "Device is not a fibre channel HBA",
            )
        })?;
        let parent = def.parent().map(str::to_string).ok_or_else(|| {
            VirError::new(
                ErrorCode::InvalidArg,
                rvirt_core::error::ErrorDomain::Nodedev,
                "no parent for this device",
            )
        })?;
        let name = self.with_state(|s| {
            idx(s, &parent)?;
            // Mock vport creation: a copy of scsi_host11 renamed scsi_host12 with the new WWNs.
            let mut copy = s.devs[idx(s, "scsi_host11")?].def.clone();
            copy.set_name("scsi_host12");
            copy.set_wwns(&wwnn, &wwpn);
            match s.devs.iter().position(|d| d.def.name() == "scsi_host12") {
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
            if d.wwns().is_none() {
                return Err(VirError::new(
                    ErrorCode::InvalidArg,
                    rvirt_core::error::ErrorDomain::Nodedev,
                    "Device is not a fibre channel HBA",
                ));
            }
            let parent = d.parent().unwrap_or("").to_string();
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
