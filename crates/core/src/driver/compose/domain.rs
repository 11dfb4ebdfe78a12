//! Domain APIs forwarded to the primary (hypervisor) driver.

use super::ComposedConnection;
use crate::driver::*;
use crate::error::VirResult;
use crate::handle::*;
use crate::info::*;
use crate::stream::DataStream;
use crate::typed_param::TypedParam;

crate::domain_driver_methods!(crate::__forward_impl! {
    DomainDriver for ComposedConnection => primary();
});
