//! rvirt client library: libvirt's API in Rust
