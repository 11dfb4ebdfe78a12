//! libvirt's remote protocol: program numbers, the packet header, framing, the error body.
//!
//! Wire layout per `wire-protocol.md` §2: a 4-byte length word (total size including
//! itself), a 24-byte XDR header ([`Header`]) and an XDR payload whose meaning depends on
//! program, procedure, type and status.

pub mod admin;
mod codec;
mod consts;
pub mod fuzzing;
mod header;
mod packet;
pub mod qemu_program;
pub mod remote;
mod remote_error;
mod stream;

pub use codec::{FrameError, PacketCodec};
pub use consts::*;
pub use header::{Header, MessageStatus, MessageType};
pub use packet::{decode_num_fds, Packet};
pub use remote_error::RemoteError;
pub use stream::StreamHole;
