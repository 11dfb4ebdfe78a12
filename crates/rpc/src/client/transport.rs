//! Socket transports: unix and TCP (`virNetSocketNewConnectUNIX` / `…TCP`).

use rvirt_core::error::VirResult;
use tokio::net::{TcpStream, UnixStream};

use super::errors::connect_error;

/// Connects to a unix socket.
pub(crate) async fn unix(path: &std::path::Path) -> VirResult<UnixStream> {
    UnixStream::connect(path)
        .await
        .map_err(|e| connect_error(&path.display().to_string(), &e))
}

/// Connects to `host:port` over TCP (every resolved address is tried in turn).
pub(crate) async fn tcp(host: &str, port: u16) -> VirResult<TcpStream> {
    let s = TcpStream::connect((host, port))
        .await
        .map_err(|e| connect_error(&format!("{host}:{port}"), &e))?;
    let _ = s.set_nodelay(true);
    Ok(s)
}
