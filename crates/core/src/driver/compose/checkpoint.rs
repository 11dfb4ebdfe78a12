//! Domain checkpoint APIs forwarded to the primary driver.

use super::ComposedConnection;
use crate::driver::*;
use crate::error::VirResult;
use crate::handle::*;

crate::checkpoint_driver_methods!(crate::__forward_impl! {
    DomainCheckpointDriver for ComposedConnection => primary();
});
