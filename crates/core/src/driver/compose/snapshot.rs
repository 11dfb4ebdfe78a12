//! Domain snapshot APIs forwarded to the primary driver.

use super::ComposedConnection;
use crate::driver::*;
use crate::error::VirResult;
use crate::handle::*;

crate::snapshot_driver_methods!(crate::__forward_impl! {
    DomainSnapshotDriver for ComposedConnection => primary();
});
