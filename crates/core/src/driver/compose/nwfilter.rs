//! Network filter and filter binding APIs forwarded to the nwfilter driver.

use super::ComposedConnection;
use crate::driver::*;
use crate::error::VirResult;
use crate::handle::*;

crate::nwfilter_driver_methods!(crate::__forward_impl! {
    NWFilterDriver for ComposedConnection => nwfilter();
});
