//! rvirt: libvirt's client API in Rust (`virConnect*`, `virDomain*`, …).
//!
//! [`Connect::open`] picks the driver from the URI as libvirt does: `test:///default` and
//! `test:///ABS/PATH.xml` run the in-process test driver (no daemon needed); everything
//! else — `qemu:///system`, `qemu:///session`, `test+unix:///default?socket=…`,
//! `qemu+tcp://host/system` — goes through the remote driver to a libvirt-compatible daemon.
//!
//! [`Connect`] dereferences to [`rvirt_core::driver::Connection`], so every driver-trait
//! method is callable on it (bring [`prelude`] into scope), and it also offers object
//! wrappers named after libvirt's API:
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> rvirt::VirResult<()> {
//! use rvirt::Connect;
//! let conn = Connect::open("test:///default").await?;
//! let dom = conn.lookup_domain_by_name("test").await?;
//! let info = dom.info().await?;
//! assert_eq!(info.nr_virt_cpu, 2);
//! conn.close().await?;
//! # Ok(())
//! # }
//! ```

mod connect;
mod events;
mod objects;
mod read_only;
pub mod remote;
mod stream;

pub use connect::{Connect, OpenFlags};
pub use events::EventSubscription;
pub use objects::{
    Domain, DomainCheckpoint, DomainSnapshot, Interface, Network, NodeDevice, Secret, StoragePool,
    StorageVol,
};
pub use objects::{NWFilter, NWFilterBinding};
pub use read_only::ReadOnlyConnection;
pub use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
pub use rvirt_core::event::{
    domain_event_id, lifecycle, DomainEventKind, Event, NetworkEventKind, NodeDeviceEventKind,
    SecretEventKind, StoragePoolEventKind,
};
pub use rvirt_core::info;
pub use rvirt_core::stream::StreamChunk;
pub use rvirt_core::typed_param::{TypedParam, TypedValue};
pub use rvirt_core::{
    DomainCheckpointRef, DomainRef, DomainSnapshotRef, InterfaceRef, NetworkRef, NodeDeviceRef,
    SecretRef, StoragePoolRef, StorageVolRef, Uuid,
};
pub use rvirt_core::{NwFilterBindingRef, NwFilterRef};
pub use stream::Stream;

/// The driver traits, so their methods can be called on a [`Connect`].
pub mod prelude {
    pub use rvirt_core::driver::NWFilterDriver;
    pub use rvirt_core::driver::{
        ConnectDriver, Connection, DomainCheckpointDriver, DomainDriver, DomainSnapshotDriver,
        InterfaceDriver, NetworkDriver, NodeDeviceDriver, SecretDriver, StorageDriver,
    };
}
