//! Storage APIs forwarded to the storage driver (or the primary).

use super::ComposedConnection;
use crate::driver::*;
use crate::error::VirResult;
use crate::handle::*;
use crate::info::*;
use crate::stream::DataStream;

crate::storage_driver_methods!(crate::__forward_impl! {
    StorageDriver for ComposedConnection => storage();
});
