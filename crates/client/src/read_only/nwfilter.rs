//! Network filter APIs of `ReadOnlyConnection` (see the parent module): defining,
//! undefining, creating and deleting bindings are refused; lookups and dumps forward.

use rvirt_core::driver::*;
use rvirt_core::error::VirResult;
use rvirt_core::handle::*;
use rvirt_core::Uuid;

use super::ReadOnlyConnection;

rvirt_core::nwfilter_driver_methods!(
    read_only_impl! { NWFilterDriver for ReadOnlyConnection, Nwfilter; }
);
