//! The storage driver: libvirt's storage pools and volumes on real backends, one
//! [`backend::PoolBackend`] module per pool type, `qemu-img` as the authority on image
//! formats and sizes, and sparse-aware volume upload/download streams.

pub mod backend;
pub mod cmd;
mod driver;
mod errors;
mod fsutil;
mod names;
mod pool_api;
mod pool_caps;
mod pool_obj;
pub mod qemu_img;
mod stream;
mod stream_io;
mod vol_api;
mod vol_file;
pub mod wipe;

pub use driver::{StorageDriverImpl, StoragePaths};
pub use pool_caps::pool_capabilities_xml;
pub use stream::STREAM_CHUNK;
