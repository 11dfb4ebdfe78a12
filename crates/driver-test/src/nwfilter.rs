//! `NWFilterDriver`: libvirt's test driver has no network filter driver, so every
//! `virNWFilter*` API answers "this function is not supported by the connection driver".

use rvirt_core::driver::NWFilterDriver;

use crate::driver::TestConnection;

impl NWFilterDriver for TestConnection {}
