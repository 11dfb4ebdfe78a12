//! The remote driver (`src/remote/remote_driver.c`'s role): every driver-trait method
//! encodes its `remote_*_args`, calls the server through the RPC client engine and
//! decodes `remote_*_ret`.

mod auth;
mod checkpoint;
mod conn;
mod connect;
mod domain;
mod domain_perf;
mod events;
mod fds;
mod interface;
mod migrate;
mod network;
mod nodedev;
mod nwfilter;
mod open;
pub mod procs;
mod prompt;
mod qemu_ext;
mod sasl;
mod secret;
mod snapshot;
mod ssh;
mod storage;
mod streams;
mod types;
pub(crate) mod wire;

pub use auth::{AuthCallback, AuthConfig, Credential, CredentialType};
pub use conn::RemoteConnection;
pub use events::{EventFamily, RemoteEventReceiver};
pub use open::{default_socket_path, ssh_command, RemoteOpenOptions, SshOptions, Transport};
