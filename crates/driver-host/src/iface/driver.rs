//! `InterfaceDriver` for the host (`udevIfaceDriver`): lists and describes, never changes.

use super::read::{self, no_such_name};
use async_trait::async_trait;
use rvirt_core::driver::InterfaceDriver;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::InterfaceRef;
use std::path::PathBuf;
use std::sync::Arc;

const DOM: ErrorDomain = ErrorDomain::Interface;
/// `VIR_CONNECT_LIST_INTERFACES_INACTIVE` / `_ACTIVE`.
const LIST_INACTIVE: u32 = 1;
const LIST_ACTIVE: u32 = 2;
/// `VIR_INTERFACE_XML_INACTIVE`.
const XML_INACTIVE: u32 = 1;
/// `VIR_ERR_MULTIPLE_INTERFACES`.
const ERR_MULTIPLE_INTERFACES: i32 = 81;

/// The udev interface backend over a sysfs root (normally `/sys`).
#[derive(Debug)]
pub struct HostInterfaceDriver {
    root: PathBuf,
}

impl HostInterfaceDriver {
    /// Opens the backend over `sysfs_root` (`udevInterfaceOpen`); nothing is read until asked.
    pub fn open(sysfs_root: PathBuf) -> Arc<Self> {
        Arc::new(HostInterfaceDriver { root: sysfs_root })
    }

    fn iref(&self, name: &str) -> VirResult<InterfaceRef> {
        read::list_names(&self.root)
            .into_iter()
            .find(|(n, _, _)| n == name)
            .map(|(name, mac, _)| InterfaceRef { name, mac })
            .or_else(|| {
                // tun devices are not enumerated but can still be looked up by name.
                let d = self.root.join("class/net").join(name);
                (!name.contains('/') && !name.is_empty() && d.exists()).then(|| InterfaceRef {
                    name: name.to_string(),
                    mac: crate::sysfs::attr(&d, "address").unwrap_or_default(),
                })
            })
            .ok_or_else(|| no_such_name(name))
    }
}

#[async_trait]
impl InterfaceDriver for HostInterfaceDriver {
    async fn list_all_interfaces(&self, flags: u32) -> VirResult<Vec<InterfaceRef>> {
        VirError::check_flags(
            DOM,
            flags,
            LIST_ACTIVE | LIST_INACTIVE,
            "udevConnectListAllInterfaces",
        )?;
        let filter = flags & (LIST_ACTIVE | LIST_INACTIVE) != 0;
        Ok(read::list_names(&self.root)
            .into_iter()
            .filter(|(_, _, up)| {
                !filter || (flags & LIST_ACTIVE != 0 && *up) || (flags & LIST_INACTIVE != 0 && !*up)
            })
            .map(|(name, mac, _)| InterfaceRef { name, mac })
            .collect())
    }

    async fn interface_lookup_by_name(&self, name: &str) -> VirResult<InterfaceRef> {
        self.iref(name)
    }

    async fn interface_lookup_by_mac(&self, mac: &str) -> VirResult<InterfaceRef> {
        let hits: Vec<_> = read::list_names(&self.root)
            .into_iter()
            .filter(|(_, m, _)| m == mac)
            .collect();
        match hits.as_slice() {
            [] => Err(VirError::new(
                ErrorCode::NoInterface,
                DOM,
                format!("couldn't find interface with MAC address '{mac}'"),
            )),
            [(name, _, _)] => Ok(InterfaceRef {
                name: name.clone(),
                mac: mac.to_string(),
            }),
            _ => Err(VirError::raw(
                ErrorCode::Other(ERR_MULTIPLE_INTERFACES),
                DOM,
                format!("the MAC address '{mac}' matches multiple interfaces"),
            )),
        }
    }

    async fn interface_get_xml_desc(&self, iface: &InterfaceRef, flags: u32) -> VirResult<String> {
        VirError::check_flags(DOM, flags, XML_INACTIVE, "udevInterfaceGetXMLDesc")?;
        Ok(read::interface_def(&self.root, &iface.name)?.format())
    }

    async fn interface_is_active(&self, iface: &InterfaceRef) -> VirResult<bool> {
        read::is_active(&self.root, &iface.name)
    }
}
