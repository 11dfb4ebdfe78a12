//! The RPC client engine (`virNetClient`): one I/O task owns the socket; calls are
//! pipelined and matched by serial, events arrive on a channel, keepalive and streams are
//! handled next to the calls.

mod engine;
mod errors;
mod io;
mod stream;
mod tls;
mod transport;

pub use engine::{Client, EventReceiver, DEFAULT_KEEPALIVE_COUNT, DEFAULT_KEEPALIVE_INTERVAL};
pub use errors::{eof_error, keepalive_timeout_error, socket_closed_error};
pub use stream::ClientStream;
pub use tls::TlsClientOptions;

#[cfg(test)]
mod tests;
