//! Domain checkpoints: the `<domaincheckpoint>` document (`virDomainCheckpointDef`).

mod def;
mod parse;

pub use def::{CheckpointDef, CheckpointDiskDef};
