//! The remote driver (`src/remote/remote_driver.c`'s role): every driver-trait method
//! encodes its `remote_*_args`, calls the server through the RPC client engine and
//! decodes `remote_*_ret`.

mod conn;
mod connect;
mod domain;
mod events;
mod interface;
mod network;
mod nodedev;
mod open;
pub mod procs;
mod secret;
mod snapshot;
mod storage;
mod streams;
mod types;
pub(crate) mod wire;

pub use conn::RemoteConnection;
pub use events::{EventFamily, RemoteEventReceiver};
pub use open::{default_socket_path, RemoteOpenOptions, Transport};
