//! libvirt RPC engines: server and client over unix/TCP sockets
