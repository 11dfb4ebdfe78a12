//! libvirt RPC engines: server and client over unix/TCP sockets

pub mod client;
pub mod fdpass;
pub mod pki;
pub mod sasl;
pub mod server;
