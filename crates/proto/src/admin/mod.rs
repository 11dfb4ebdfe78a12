//! The ADMIN program (`0x06900690` v1, `wire-protocol.md` §13): the body types of its 19
//! procedures and their numbers, served on `libvirt-admin-sock` and used by `virt-admin`.

mod procs;
mod types;

pub use procs::*;
pub use types::*;
