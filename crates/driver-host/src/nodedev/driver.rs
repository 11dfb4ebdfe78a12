//! `NodeDeviceDriver` for the host (`udevNodeDeviceDriver`), plus PCI detach/reattach/reset.

use super::caps::{Cap, NodeDevice};
use super::{pci, scan};
use async_trait::async_trait;
use rvirt_core::driver::NodeDeviceDriver;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::event::EventBus;
use rvirt_core::handle::NodeDeviceRef;
use std::path::PathBuf;
use std::sync::Arc;

const DOM: ErrorDomain = ErrorDomain::Nodedev;
/// `VIR_CONNECT_LIST_NODE_DEVICES_FILTERS_CAP` (libvirt 9.0, bits 0–21).
const FILTERS_CAP: u32 = 0x3f_ffff;
/// `VIR_CONNECT_LIST_NODE_DEVICES_INACTIVE` / `_ACTIVE`.
const LIST_INACTIVE: u32 = 1 << 30;
const LIST_ACTIVE: u32 = 1 << 31;

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

/// The udev node-device backend over a sysfs root (normally `/sys`).
pub struct NodeDeviceDriverImpl {
    root: PathBuf,
    pci_ids: Option<String>,
    #[allow(dead_code)]
    events: EventBus,
    /// The link watch raising node-device events for network interfaces (host sysfs only).
    watch: Option<tokio::task::JoinHandle<()>>,
}

impl Drop for NodeDeviceDriverImpl {
    fn drop(&mut self) {
        if let Some(w) = self.watch.take() {
            w.abort();
        }
    }
}

fn no_dev(name: &str) -> VirError {
    VirError::new(
        ErrorCode::NoNodeDevice,
        DOM,
        format!("no node device with matching name '{name}'"),
    )
}

impl NodeDeviceDriverImpl {
    /// Opens the backend over `sysfs_root`, with PCI names from `/usr/share/misc/pci.ids`
    /// when that file exists and `sysfs_root` is `/sys`.
    pub fn open(sysfs_root: PathBuf, events: EventBus) -> Arc<Self> {
        let ids = (sysfs_root == std::path::Path::new("/sys"))
            .then(|| PathBuf::from("/usr/share/misc/pci.ids"));
        Self::open_with_pci_ids(sysfs_root, ids, events)
    }

    /// Opens the backend with an explicit `pci.ids` database (or none).
    pub fn open_with_pci_ids(
        sysfs_root: PathBuf,
        pci_ids: Option<PathBuf>,
        events: EventBus,
    ) -> Arc<Self> {
        let pci_ids = pci_ids.and_then(|p| std::fs::read_to_string(p).ok());
        // Events for the real host only (a fake sysfs root has no kernel behind it).
        let watch = (sysfs_root == std::path::Path::new("/sys")
            && tokio::runtime::Handle::try_current().is_ok())
        .then(|| super::netwatch::spawn_link_watch(events.clone()))
        .and_then(|r| {
            r.map_err(|e| tracing::warn!("no node device events for network interfaces: {e}"))
                .ok()
        });
        Arc::new(NodeDeviceDriverImpl {
            root: sysfs_root,
            pci_ids,
            events,
            watch,
        })
    }

    /// Every device, freshly read from sysfs.
    pub fn devices(&self) -> Vec<NodeDevice> {
        scan::scan(&self.root, self.pci_ids.as_deref())
    }

    fn find(&self, name: &str) -> VirResult<NodeDevice> {
        self.devices()
            .into_iter()
            .find(|d| d.name == name)
            .ok_or_else(|| no_dev(name))
    }

    fn pci_dir(&self, name: &str) -> VirResult<PathBuf> {
        let d = self.find(name)?;
        match (&d.cap, &d.sysfs_path) {
            (Cap::Pci(_), Some(p)) => Ok(PathBuf::from(p)),
            _ => Err(VirError::invalid_arg(
                DOM,
                format!("device {name} is not a PCI device"),
            )),
        }
    }
}

fn has_cap(d: &NodeDevice, cap: &str) -> bool {
    d.cap.type_name() == cap
}

#[async_trait]
impl NodeDeviceDriver for NodeDeviceDriverImpl {
    async fn list_all_node_devices(&self, flags: u32) -> VirResult<Vec<NodeDeviceRef>> {
        VirError::check_flags(
            DOM,
            flags,
            FILTERS_CAP | LIST_ACTIVE | LIST_INACTIVE,
            "nodeConnectListAllNodeDevices",
        )?;
        let active_filter = flags & (LIST_ACTIVE | LIST_INACTIVE);
        Ok(self
            .devices()
            .into_iter()
            // Every device found in sysfs is active.
            .filter(|_| active_filter == 0 || active_filter & LIST_ACTIVE != 0)
            .filter(|d| {
                flags & FILTERS_CAP == 0
                    || CAP_BITS
                        .iter()
                        .enumerate()
                        .any(|(i, c)| flags & (1 << i) != 0 && has_cap(d, c))
            })
            .map(|d| NodeDeviceRef { name: d.name })
            .collect())
    }

    async fn node_list_devices(&self, cap: Option<String>, flags: u32) -> VirResult<Vec<String>> {
        VirError::check_flags(DOM, flags, 0, "nodeListDevices")?;
        Ok(self
            .devices()
            .into_iter()
            .filter(|d| cap.as_deref().is_none_or(|c| has_cap(d, c)))
            .map(|d| d.name)
            .collect())
    }

    async fn node_device_lookup_by_name(&self, name: &str) -> VirResult<NodeDeviceRef> {
        Ok(NodeDeviceRef {
            name: self.find(name)?.name,
        })
    }

    async fn node_device_get_xml_desc(&self, dev: &NodeDeviceRef, flags: u32) -> VirResult<String> {
        VirError::check_flags(DOM, flags, 0, "nodeDeviceGetXMLDesc")?;
        Ok(self.find(&dev.name)?.format())
    }

    async fn node_device_get_parent(&self, dev: &NodeDeviceRef) -> VirResult<Option<String>> {
        match self.find(&dev.name)?.parent {
            Some(p) => Ok(Some(p)),
            None => Err(VirError::internal(DOM, "no parent for this device")),
        }
    }

    async fn node_device_list_caps(&self, dev: &NodeDeviceRef) -> VirResult<Vec<String>> {
        Ok(vec![self.find(&dev.name)?.cap.type_name().to_string()])
    }

    async fn node_device_is_active(&self, dev: &NodeDeviceRef) -> VirResult<bool> {
        self.find(&dev.name).map(|_| true)
    }

    async fn node_device_is_persistent(&self, dev: &NodeDeviceRef) -> VirResult<bool> {
        self.find(&dev.name).map(|_| false)
    }

    async fn node_device_detach(
        &self,
        dev: &NodeDeviceRef,
        driver: Option<String>,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(DOM, flags, 0, "nodeDeviceDetachFlags")?;
        match driver.as_deref() {
            None | Some("") | Some("vfio") => {}
            Some("kvm") => {
                return Err(VirError::new(
                    ErrorCode::ConfigUnsupported,
                    DOM,
                    "KVM device assignment is no longer supported on this system",
                ))
            }
            Some(other) => {
                return Err(VirError::invalid_arg(
                    DOM,
                    format!("unknown driver name '{other}'"),
                ))
            }
        }
        let dir = self.pci_dir(&dev.name)?;
        pci::detach_to_vfio(&self.root, &dir)
    }

    async fn node_device_reattach(&self, dev: &NodeDeviceRef) -> VirResult<()> {
        let dir = self.pci_dir(&dev.name)?;
        pci::reattach(&self.root, &dir)
    }

    async fn node_device_reset(&self, dev: &NodeDeviceRef) -> VirResult<()> {
        let dir = self.pci_dir(&dev.name)?;
        pci::reset(&dir)
    }
}
