//! Integration tests of rvirt-xdr and `#[derive(Xdr)]` against libvirt's wire layouts.

mod derived;
mod roundtrip;
mod spec_bytes;
