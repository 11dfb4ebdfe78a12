//! The errors the client engine raises itself, worded as libvirt's `virNetClient` does.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError};
use rvirt_proto::FrameError;
use rvirt_xdr::XdrError;

/// The server closed the connection: libvirt's "End of file while reading data:
/// Input/output error" (VIR_ERR_SYSTEM_ERROR, domain RPC).
pub fn eof_error() -> VirError {
    VirError::raw(
        ErrorCode::SystemError,
        ErrorDomain::Rpc,
        "End of file while reading data: Input/output error",
    )
}

/// A call on a connection that is already closed: "internal error: client socket is closed".
pub fn socket_closed_error() -> VirError {
    VirError::internal(ErrorDomain::Rpc, "client socket is closed")
}

/// The peer stopped answering keepalive pings.
pub fn keepalive_timeout_error() -> VirError {
    VirError::internal(
        ErrorDomain::Rpc,
        "connection closed due to keepalive timeout",
    )
}

/// A reply body that does not decode.
pub(crate) fn decode_error(e: &XdrError) -> VirError {
    tracing::debug!(error = %e, "cannot decode reply payload");
    VirError::raw(
        ErrorCode::Rpc,
        ErrorDomain::Rpc,
        "Unable to decode message payload",
    )
}

/// Arguments that cannot be encoded (e.g. a string over its maximum).
pub(crate) fn encode_error(e: &XdrError) -> VirError {
    tracing::debug!(error = %e, "cannot encode call payload");
    VirError::raw(
        ErrorCode::Rpc,
        ErrorDomain::Rpc,
        "Unable to encode message payload",
    )
}

/// A write to the socket failed.
pub(crate) fn write_error(e: &std::io::Error) -> VirError {
    VirError::raw(
        ErrorCode::SystemError,
        ErrorDomain::Rpc,
        format!("Cannot write data: {}", strerror(e)),
    )
}

/// A read from the socket failed or produced a frame that cannot be parsed.
pub(crate) fn read_error(e: &FrameError) -> VirError {
    match e {
        // fd passing failures (`crate::fdpass`) carry libvirt's own wording
        FrameError::Io(io) if io.kind() == std::io::ErrorKind::InvalidData => {
            VirError::internal(ErrorDomain::Rpc, io.to_string())
        }
        FrameError::Io(io) => VirError::raw(
            ErrorCode::SystemError,
            ErrorDomain::Rpc,
            format!("Cannot recv data: {}", strerror(io)),
        ),
        FrameError::BadLength { .. } | FrameError::TooLarge { .. } => VirError::raw(
            ErrorCode::Rpc,
            ErrorDomain::Rpc,
            "packet received from server too large",
        ),
        FrameError::Header(_) => VirError::raw(
            ErrorCode::Rpc,
            ErrorDomain::Rpc,
            "Unable to decode message header",
        ),
    }
}

/// Fds for a connection that cannot carry them: "internal error: Sending file descriptors
/// is not supported on this socket".
pub(crate) fn send_fds_error() -> VirError {
    VirError::internal(ErrorDomain::Rpc, crate::fdpass::SEND_UNSUPPORTED)
}

/// A protocol violation by the server.
pub(crate) fn protocol_error(detail: impl Into<String>) -> VirError {
    VirError::raw(ErrorCode::Rpc, ErrorDomain::Rpc, detail)
}

/// Connecting the socket failed.
pub(crate) fn connect_error(what: &str, e: &std::io::Error) -> VirError {
    VirError::raw(
        ErrorCode::SystemError,
        ErrorDomain::Rpc,
        format!("Failed to connect socket to '{what}': {}", strerror(e)),
    )
}

/// The C library's wording of an I/O error (`strerror`), without Rust's " (os error N)".
fn strerror(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eof_matches_libvirt() {
        let e = eof_error();
        assert_eq!((e.code.number(), e.domain.number()), (38, 7));
        assert_eq!(
            e.message,
            "End of file while reading data: Input/output error"
        );
    }

    #[test]
    fn strerror_drops_os_error_suffix() {
        let e = std::io::Error::from_raw_os_error(2);
        assert_eq!(
            connect_error("/x", &e).message,
            "Failed to connect socket to '/x': No such file or directory"
        );
    }
}
