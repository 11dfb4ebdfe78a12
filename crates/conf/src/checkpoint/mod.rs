//! Domain checkpoints: the `<domaincheckpoint>` document (`virDomainCheckpointDef`).

mod align;
mod def;
mod parse;
mod schema;

pub use def::{CheckpointDef, CheckpointDiskDef};
