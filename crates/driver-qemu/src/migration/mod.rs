//! Live migration between QEMU driver instances (`qemuMigration*`): the v3 protocol's
//! Begin/Prepare/Perform/Finish/Confirm phases, peer-to-peer and tunnelled transports,
//! storage copy over NBD, offline migration and the migration tuning knobs.

mod abort;
mod begin;
mod connection;
mod cookie;
mod finish;
mod p2p;
mod perform;
mod prepare;
mod state;
mod storage;
mod tunnel;

pub(crate) use abort::abort_job;
pub use cookie::Cookie;
pub use state::set_peer_connector;

/// `virDomainJobOperation`.
pub(crate) mod operation {
    pub const MIGRATION_IN: i32 = 4;
    pub const MIGRATION_OUT: i32 = 5;
}

/// Lifecycle details and reasons specific to migration (`virDomainEvent*DetailType`,
/// `virDomain*Reason`).
pub(crate) mod reason {
    pub const SUSPENDED_MIGRATED: i32 = 1;
    pub const SUSPENDED_POSTCOPY: i32 = 7;
    pub const RESUMED_MIGRATED: i32 = 1;
    pub const RESUMED_POSTCOPY: i32 = 3;
    pub const STOPPED_MIGRATED: i32 = 3;
    pub const STOPPED_FAILED: i32 = 5;
    pub const RUNNING_MIGRATED: i32 = 2;
    pub const RUNNING_POSTCOPY: i32 = 10;
    pub const RUNNING_MIGRATION_CANCELED: i32 = 6;
    pub const PAUSED_MIGRATION: i32 = 2;
    pub const PAUSED_POSTCOPY: i32 = 12;
    pub const SHUTOFF_MIGRATED: i32 = 4;
    pub const SHUTOFF_FAILED: i32 = 6;
}

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError};

pub(crate) fn op_failed(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::OperationFailed, ErrorDomain::Qemu, detail.into())
}

pub(crate) fn invalid(detail: impl Into<String>) -> VirError {
    VirError::operation_invalid(ErrorDomain::Qemu, detail.into())
}
