//! Program numbers, versions and size limits of libvirt's RPC (`virnetprotocol.x` and the
//! program `.x` files), as listed in `wire-protocol.md` §2.1 and §9.

/// `REMOTE_PROGRAM`: the main hypervisor API.
pub const REMOTE_PROGRAM: u32 = 0x2000_8086;
/// `REMOTE_PROTOCOL_VERSION`.
pub const REMOTE_PROTOCOL_VERSION: u32 = 1;
/// `QEMU_PROGRAM`: qemu-specific extras.
pub const QEMU_PROGRAM: u32 = 0x2000_8087;
/// `QEMU_PROTOCOL_VERSION`.
pub const QEMU_PROTOCOL_VERSION: u32 = 1;
/// `LXC_PROGRAM`: lxc extras.
pub const LXC_PROGRAM: u32 = 0x0006_8000;
/// `LXC_PROTOCOL_VERSION`.
pub const LXC_PROTOCOL_VERSION: u32 = 1;
/// `KEEPALIVE_PROGRAM` ("keep").
pub const KEEPALIVE_PROGRAM: u32 = 0x6b65_6570;
/// `KEEPALIVE_PROTOCOL_VERSION`.
pub const KEEPALIVE_PROTOCOL_VERSION: u32 = 1;
/// `ADMIN_PROGRAM`: admin API (admin socket only).
pub const ADMIN_PROGRAM: u32 = 0x0690_0690;
/// `ADMIN_PROTOCOL_VERSION`.
pub const ADMIN_PROTOCOL_VERSION: u32 = 1;

/// `KEEPALIVE_PROC_PING`.
pub const KEEPALIVE_PROC_PING: i32 = 1;
/// `KEEPALIVE_PROC_PONG`.
pub const KEEPALIVE_PROC_PONG: i32 = 2;

/// `VIR_NET_MESSAGE_INITIAL`: initial encode buffer size.
pub const VIR_NET_MESSAGE_INITIAL: usize = 65_536;
/// `VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX`: old payload max, still libvirt's stream chunk size.
pub const VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX: usize = 262_120;
/// `VIR_NET_MESSAGE_MAX`: max header + payload, **not** counting the 4-byte length word.
pub const VIR_NET_MESSAGE_MAX: usize = 33_554_432;
/// `VIR_NET_MESSAGE_HEADER_MAX`: header size.
pub const VIR_NET_MESSAGE_HEADER_MAX: usize = 24;
/// `VIR_NET_MESSAGE_PAYLOAD_MAX`: 32 MiB − 24.
pub const VIR_NET_MESSAGE_PAYLOAD_MAX: usize = VIR_NET_MESSAGE_MAX - VIR_NET_MESSAGE_HEADER_MAX;
/// `VIR_NET_MESSAGE_LEN_MAX`: size of the length word.
pub const VIR_NET_MESSAGE_LEN_MAX: usize = 4;
/// `VIR_NET_MESSAGE_STRING_MAX`: max length of any XDR string.
pub const VIR_NET_MESSAGE_STRING_MAX: u32 = rvirt_xdr::REMOTE_STRING_MAX;
/// `VIR_NET_MESSAGE_NUM_FDS_MAX`: max fds per message.
pub const VIR_NET_MESSAGE_NUM_FDS_MAX: u32 = 32;

/// Short aliases used throughout rvirt.
pub const HEADER_MAX: usize = VIR_NET_MESSAGE_HEADER_MAX;
/// Alias of [`VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX`].
pub const LEGACY_PAYLOAD_MAX: usize = VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX;
/// Alias of [`VIR_NET_MESSAGE_NUM_FDS_MAX`].
pub const NUM_FDS_MAX: u32 = VIR_NET_MESSAGE_NUM_FDS_MAX;
/// Smallest valid frame on the wire: length word + header.
pub const MIN_FRAME_LEN: usize = VIR_NET_MESSAGE_LEN_MAX + VIR_NET_MESSAGE_HEADER_MAX;
