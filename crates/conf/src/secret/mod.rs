//! Secrets: the `<secret>` document (`virSecretDef`).

mod def;
mod usage;

pub use def::SecretDef;
pub use usage::{SecretUsage, SecretUsageType};
