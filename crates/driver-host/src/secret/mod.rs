//! Secrets as libvirtd's secret driver keeps them (`secret_driver.c`): `UUID.xml` and
//! `UUID.base64` files in the config directory for persistent secrets, memory only for
//! ephemeral ones; lifecycle and value-changed events.

pub mod base64;
mod driver;
mod store;

pub use driver::SecretDriverImpl;
