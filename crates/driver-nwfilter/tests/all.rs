//! rvirt-driver-nwfilter's integration test binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod driver;
mod golden;
mod netns;
mod restart;
mod support;
