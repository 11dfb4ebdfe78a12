//! Server engine: listeners, per-connection I/O, keepalive, worker pools, streams.
//!
//! The engine knows framing and the generic RPC rules of libvirt's `virNetServer`
//! (`wire-protocol.md` §2, §9, §10); what a procedure does is up to the [`Program`]s it
//! is given (the daemon's dispatch plugs in there).

mod admin;
mod client;
mod config;
mod connection;
mod keepalive;
mod listener;
mod program;
mod stream;
mod tcp;
mod tls;
mod workers;

#[cfg(test)]
mod fd_tests;

pub use admin::{ClientLimits, ThreadPoolInfo};
pub use client::{Client, ClientInfo, Transport};
pub use config::ServerConfig;
pub use listener::Server;
pub use program::{take_call_fds, Outcome, Program};
pub use tls::{certificate_error_message, rustls_error, TlsServerConfig};
