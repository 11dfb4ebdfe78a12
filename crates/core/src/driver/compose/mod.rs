//! A connection assembled from a hypervisor driver and secondary drivers, as libvirt's
//! hypervisor connections delegate network, storage, interface, node-device and secret
//! APIs to those drivers. Every method forwards; the domain forwarding is generated from the
//! method list (`driver/methods`), the others are written out.

use super::*;
use crate::event::EventBus;

mod checkpoint;
mod connect;
mod domain;
mod host;
mod migrate;
mod network;
mod nwfilter;
mod qemu_ext;
mod snapshot;
mod storage;

/// The secondary drivers a hypervisor connection delegates to (`None` = the primary serves it).
#[derive(Clone, Default)]
pub struct SecondaryDrivers {
    pub network: Option<Arc<dyn NetworkDriver>>,
    pub storage: Option<Arc<dyn StorageDriver>>,
    pub interface: Option<Arc<dyn InterfaceDriver>>,
    pub nodedev: Option<Arc<dyn NodeDeviceDriver>>,
    pub secret: Option<Arc<dyn SecretDriver>>,
    pub nwfilter: Option<Arc<dyn NWFilterDriver>>,
}

/// A primary (hypervisor) connection plus secondary drivers.
pub struct ComposedConnection {
    primary: Arc<dyn Connection>,
    secondary: SecondaryDrivers,
}

impl ComposedConnection {
    pub fn new(primary: Arc<dyn Connection>, secondary: SecondaryDrivers) -> Self {
        ComposedConnection { primary, secondary }
    }

    pub(super) fn primary(&self) -> &dyn Connection {
        self.primary.as_ref()
    }

    pub(super) fn network(&self) -> &dyn NetworkDriver {
        match &self.secondary.network {
            Some(d) => d.as_ref(),
            None => self.primary.as_ref(),
        }
    }

    pub(super) fn storage(&self) -> &dyn StorageDriver {
        match &self.secondary.storage {
            Some(d) => d.as_ref(),
            None => self.primary.as_ref(),
        }
    }

    pub(super) fn interface(&self) -> &dyn InterfaceDriver {
        match &self.secondary.interface {
            Some(d) => d.as_ref(),
            None => self.primary.as_ref(),
        }
    }

    pub(super) fn nodedev(&self) -> &dyn NodeDeviceDriver {
        match &self.secondary.nodedev {
            Some(d) => d.as_ref(),
            None => self.primary.as_ref(),
        }
    }

    pub(super) fn secret(&self) -> &dyn SecretDriver {
        match &self.secondary.secret {
            Some(d) => d.as_ref(),
            None => self.primary.as_ref(),
        }
    }

    pub(super) fn nwfilter(&self) -> &dyn NWFilterDriver {
        match &self.secondary.nwfilter {
            Some(d) => d.as_ref(),
            None => self.primary.as_ref(),
        }
    }
}

impl Connection for ComposedConnection {
    fn events(&self) -> EventBus {
        self.primary.events()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::VirResult;
    use crate::error::{ErrorCode, ErrorDomain};
    use crate::handle::*;

    struct Primary(EventBus);
    #[async_trait]
    impl ConnectDriver for Primary {
        async fn get_type(&self) -> VirResult<String> {
            Ok("PRIMARY".into())
        }
    }
    impl DomainDriver for Primary {}
    impl DomainSnapshotDriver for Primary {}
    impl DomainCheckpointDriver for Primary {}
    impl DomainMigrationDriver for Primary {}
    impl NetworkDriver for Primary {}
    impl StorageDriver for Primary {}
    impl InterfaceDriver for Primary {}
    impl NodeDeviceDriver for Primary {}
    impl SecretDriver for Primary {}
    impl NWFilterDriver for Primary {}
    impl QemuExtDriver for Primary {}
    impl Connection for Primary {
        fn events(&self) -> EventBus {
            self.0.clone()
        }
    }

    struct Net;
    #[async_trait]
    impl NetworkDriver for Net {
        async fn network_get_bridge_name(&self, _net: &NetworkRef) -> VirResult<String> {
            Ok("virbr9".into())
        }
    }

    #[tokio::test]
    async fn routes_to_secondary_and_falls_back_to_primary() {
        let c = ComposedConnection::new(
            Arc::new(Primary(EventBus::new())),
            SecondaryDrivers {
                network: Some(Arc::new(Net)),
                ..Default::default()
            },
        );
        assert_eq!(c.get_type().await.unwrap(), "PRIMARY");
        let net = NetworkRef {
            name: "n".into(),
            uuid: Uuid::default(),
        };
        assert_eq!(c.network_get_bridge_name(&net).await.unwrap(), "virbr9");
        let pool = StoragePoolRef {
            name: "p".into(),
            uuid: Uuid::default(),
        };
        let e = c.pool_get_info(&pool).await.unwrap_err();
        assert_eq!(
            (e.code, e.domain),
            (ErrorCode::NoSupport, ErrorDomain::Storage)
        );
        assert_eq!(
            e.message,
            "this function is not supported by the connection driver: virStoragePoolGetInfo"
        );
    }
}
