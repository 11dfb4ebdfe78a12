//! Network APIs forwarded to the network driver (or the primary).

use super::ComposedConnection;
use crate::driver::*;
use crate::error::VirResult;
use crate::handle::*;
use crate::info::*;
use crate::typed_param::TypedParam;

crate::network_driver_methods!(crate::__forward_impl! {
    NetworkDriver for ComposedConnection => network();
});
