//! The REMOTE program (`0x20008086`): body types of all 443 procedures, their numbers and
//! the procedure table.
//!
//! Naming is mechanical from libvirt's struct names: `remote_domain_lookup_by_name_args` →
//! [`DomainLookupByNameArgs`], `…_ret` → [`DomainLookupByNameRet`], event bodies `…_msg` →
//! [`DomainEventCallbackLifecycleMsg`]. A void body has no struct (use `()`). Fields keep the
//! wire order, in snake case (`callbackID` → `callback_id`, `type` → `r#type`). Handles are
//! rvirt-core's (`DomainRef`, `NetworkRef`, …) plus [`NwFilterBindingRef`] and
//! [`DomainCheckpointRef`]; typed parameters are rvirt-core's `TypedParam`.

mod checkpoint;
mod connect;
mod domain_devices;
mod domain_lifecycle;
mod domain_save;
mod event_ids;
mod events_domain;
mod events_other;
mod events_register;
mod interface;
pub mod limits;
mod migration;
mod network;
mod nodedev;
pub mod numbers;
mod nwfilter;
pub mod procs;
mod secret;
mod snapshot;
mod storage_pool;
mod storage_vol;
mod stream;
mod table;
mod types;

pub use checkpoint::*;
pub use connect::*;
pub use domain_devices::*;
pub use domain_lifecycle::*;
pub use domain_save::*;
pub use event_ids::*;
pub use events_domain::*;
pub use events_other::*;
pub use events_register::*;
pub use interface::*;
pub use migration::*;
pub use network::*;
pub use nodedev::*;
pub use numbers::*;
pub use nwfilter::*;
pub use procs::{reencode_body, BodyPart, Procedure};
pub use secret::*;
pub use snapshot::*;
pub use storage_pool::*;
pub use storage_vol::*;
pub use stream::*;
pub use table::*;
pub use types::*;
