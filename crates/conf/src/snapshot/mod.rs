//! Domain snapshots: the `<domainsnapshot>` document (`virDomainSnapshotDef`).

mod def;
mod disk;
mod embed;
mod location;
mod parse;

pub use def::{SnapshotDef, SnapshotFormatFlags, SnapshotParseFlags};
pub use disk::SnapshotDiskDef;
pub use location::{SnapshotLocation, SnapshotState};
