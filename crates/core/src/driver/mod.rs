//! The driver traits: every backend (test, qemu, remote) implements these, so the client
//! library and the daemon's dispatch call one shape of API whatever serves it.
//!
//! A driver is opened per connection ([`DriverFactory::open`]) and returns a
//! [`Connection`] object that implements every per-kind trait. Each method has a default
//! body returning libvirt's "not supported" error (the analogue of a NULL driver slot),
//! so a new API lands here once and drivers adopt it one by one.
//!
//! Identity and read-only-ness are bound to the connection at open time ([`OpenContext`]),
//! as libvirt binds a `virIdentity` to each `virConnect`; access checks happen once, in the
//! daemon's dispatch, from each procedure's ACL entry.

pub mod api_checks;
mod checkpoint;
mod compose;
mod connect;
mod domain;
mod interface;
mod methods;
mod migrate;
mod network;
mod nodedev;
mod nwfilter;
pub mod qemu_ext;
mod records;
mod secret;
mod snapshot;
mod storage;

pub use checkpoint::{
    check_create_flags as checkpoint_check_create_flags,
    check_delete_flags as checkpoint_check_delete_flags, checkpoint_flags, DomainCheckpointDriver,
};
pub use compose::{ComposedConnection, SecondaryDrivers};
pub use connect::ConnectDriver;
pub use domain::DomainDriver;
pub use interface::InterfaceDriver;
#[doc(hidden)]
pub use methods::__async_trait;
pub use migrate::{feature as migrate_feature, flags as migrate_flags, param as migrate_param};
pub use migrate::{
    param_str, param_strs, param_u64, set_param_str, DomainMigrationDriver, PeerConnector,
};
pub use network::NetworkDriver;
pub use nodedev::NodeDeviceDriver;
pub use nwfilter::NWFilterDriver;
pub use qemu_ext::{QemuExtDriver, QemuMonitorEvent};
pub use records::{BlockJobInfo, DiskError, FsInfo, IoThreadInfo};
pub use secret::SecretDriver;
pub use snapshot::DomainSnapshotDriver;
pub use storage::{StorageDriver, POOL_TYPE_LIST_FLAGS};

use crate::error::VirResult;
use crate::event::EventBus;
use crate::uri::ConnectUri;
use async_trait::async_trait;
use std::sync::Arc;

/// Who opened a connection and how.
#[derive(Debug, Clone, Default)]
pub struct OpenContext {
    /// `VIR_CONNECT_RO`, or a client on the read-only socket.
    pub read_only: bool,
    pub uid: Option<u32>,
    pub gid: Option<u32>,
    pub pid: Option<i32>,
}

/// One open connection to a driver: all object kinds behind one handle.
pub trait Connection:
    ConnectDriver
    + DomainDriver
    + DomainSnapshotDriver
    + DomainCheckpointDriver
    + DomainMigrationDriver
    + NetworkDriver
    + StorageDriver
    + InterfaceDriver
    + NodeDeviceDriver
    + SecretDriver
    + NWFilterDriver
    + QemuExtDriver
    + Send
    + Sync
{
    /// The event bus this connection's objects publish into.
    fn events(&self) -> EventBus;
}

/// A driver that can open connections for the URIs it accepts (`virDrvConnectOpen`).
#[async_trait]
pub trait DriverFactory: Send + Sync {
    /// The URI scheme this driver serves (`test`, `qemu`, …).
    fn scheme(&self) -> &'static str;

    /// Opens a connection for `uri`.
    async fn open(&self, uri: &ConnectUri, ctx: &OpenContext) -> VirResult<Arc<dyn Connection>>;
}

/// Returns libvirt's "not supported" error for an API name (the NULL-slot answer).
#[macro_export]
macro_rules! unsupported {
    ($api:literal) => {
        Err($crate::error::VirError::no_support($api))
    };
    ($domain:ident, $api:literal) => {
        Err($crate::error::VirError::no_support_in(
            $crate::error::ErrorDomain::$domain,
            $api,
        ))
    };
}
