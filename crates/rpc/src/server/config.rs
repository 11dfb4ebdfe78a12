//! Server limits and keepalive settings (libvirtd.conf `max_*`, `keepalive_*`).

use std::time::Duration;

/// Limits of one server, with libvirtd 9.0's defaults.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// `max_clients`: connections beyond this are closed on accept.
    pub max_clients: usize,
    /// `max_anonymous_clients`: connections not yet authenticated (TLS handshakes in
    /// progress) beyond this are closed on accept.
    pub max_anonymous_clients: usize,
    /// `max_queued_clients`: the listen backlog of TCP/TLS sockets.
    pub max_queued_clients: u32,
    /// `max_workers`: calls running at once (all connections).
    pub max_workers: usize,
    /// `prio_workers`: extra workers only for high-priority procedures.
    pub prio_workers: usize,
    /// `max_client_requests`: outstanding requests per connection before the server stops reading it.
    pub max_client_requests: usize,
    /// `keepalive_interval` in seconds; `<= 0` disables server pings.
    pub keepalive_interval: i64,
    /// `keepalive_count`: unanswered pings before the connection is closed.
    pub keepalive_count: u32,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            max_clients: 5000,
            max_anonymous_clients: 20,
            max_queued_clients: 1000,
            max_workers: 20,
            prio_workers: 5,
            max_client_requests: 5,
            keepalive_interval: 5,
            keepalive_count: 5,
        }
    }
}

impl ServerConfig {
    /// The keepalive interval, or `None` when pings are disabled.
    pub fn keepalive(&self) -> Option<Duration> {
        u64::try_from(self.keepalive_interval)
            .ok()
            .filter(|s| *s > 0)
            .map(Duration::from_secs)
    }
}
