//! `qemu:///system` as libvirtd serves it: the QEMU driver for domains, with network,
//! storage, host interface, node device and secret APIs delegated to their own drivers,
//! opened once per daemon and sharing the QEMU driver's event bus.

use std::path::PathBuf;
use std::sync::Arc;

use async_trait::async_trait;
use rvirt_core::driver::{
    ComposedConnection, Connection, DriverFactory, OpenContext, SecondaryDrivers,
};
use rvirt_core::uri::ConnectUri;
use rvirt_core::VirResult;
use rvirt_driver_host::{HostInterfaceDriver, NodeDeviceDriverImpl, SecretDriverImpl};
use rvirt_driver_network::{NetworkDriverImpl, NetworkPaths};
use rvirt_driver_qemu::QemuDriverFactory;
use rvirt_driver_storage::{StorageDriverImpl, StoragePaths};
use tokio::sync::OnceCell;

/// Opens QEMU connections composed with the daemon's secondary drivers.
pub struct HypervisorFactory {
    qemu: Arc<QemuDriverFactory>,
    root: PathBuf,
    secondary: OnceCell<SecondaryDrivers>,
}

impl HypervisorFactory {
    /// `root` is `/` for a system daemon or the `--root` directory.
    pub fn new(qemu: Arc<QemuDriverFactory>, root: PathBuf) -> Self {
        HypervisorFactory {
            qemu,
            root,
            secondary: OnceCell::new(),
        }
    }

    /// Starts the QEMU driver (re-attach, autostart) and the secondary drivers.
    pub async fn start(&self) -> VirResult<SecondaryDrivers> {
        self.secondary
            .get_or_try_init(|| async {
                let qemu = self.qemu.system_driver().await?;
                let network = NetworkDriverImpl::open(
                    NetworkPaths::under_root(&self.root),
                    qemu.events.clone(),
                )
                .await?;
                let storage =
                    StorageDriverImpl::open(StoragePaths::system(&self.root), qemu.events.clone())?;
                storage.autostart().await;
                Ok(SecondaryDrivers {
                    network: Some(network),
                    storage: Some(storage),
                    ..Default::default()
                })
            })
            .await
            .cloned()
    }
}

#[async_trait]
impl DriverFactory for HypervisorFactory {
    fn scheme(&self) -> &'static str {
        "qemu"
    }

    async fn open(&self, uri: &ConnectUri, ctx: &OpenContext) -> VirResult<Arc<dyn Connection>> {
        let conn = self.qemu.open(uri, ctx).await?;
        if uri.path == "/embed" {
            return Ok(conn);
        }
        let secondary = self.start().await?;
        Ok(Arc::new(ComposedConnection::new(conn, secondary)))
    }
}
