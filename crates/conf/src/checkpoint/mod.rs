//! Domain checkpoints: the `<domaincheckpoint>` document (`virDomainCheckpointDef`).

mod align;
mod def;
mod parse;
mod schema;
pub mod tree;

pub use def::{CheckpointDef, CheckpointDiskDef};
