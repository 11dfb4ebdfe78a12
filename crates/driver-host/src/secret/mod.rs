//! Secrets as libvirtd's secret driver keeps them (`secret_driver.c`): `UUID.xml` plus an
//! encrypted `UUID.aes256cbc` (or legacy plain `UUID.base64`) value file in the config
//! directory for persistent secrets, memory only for ephemeral ones; lifecycle and
//! value-changed events. See docs/secrets.md.

pub use rvirt_core::base64;
pub mod cipher;
mod driver;
pub mod key;
mod paths;
mod store;

pub use driver::SecretDriverImpl;
pub use key::{KeySource, SecretKey};
pub use paths::SecretPaths;
