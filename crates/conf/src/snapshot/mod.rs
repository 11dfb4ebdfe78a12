//! Domain snapshots: the `<domainsnapshot>` document (`virDomainSnapshotDef`).

mod def;
mod disk;
mod embed;
mod location;
mod parse;

pub use def::{SnapshotDef, SnapshotFormatFlags, SnapshotParseFlags};
pub use disk::SnapshotDiskDef;
pub(crate) use embed::element_text;
pub use location::{SnapshotLocation, SnapshotState};
