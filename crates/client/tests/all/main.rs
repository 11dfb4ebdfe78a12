//! rvirt client tests: the in-process test driver, and the remote driver against a real
//! libvirtd (started privately as `nobody` in a temp dir) compared with it.

#![allow(clippy::unwrap_used, clippy::expect_used)]
mod checkpoint;
mod harness;
mod local;
mod remote;
