//! Host interface, node device and secret APIs forwarded to their drivers.

use super::ComposedConnection;
use crate::driver::*;
use crate::error::VirResult;
use crate::handle::*;

crate::interface_driver_methods!(crate::__forward_impl! {
    InterfaceDriver for ComposedConnection => interface();
});

crate::nodedev_driver_methods!(crate::__forward_impl! {
    NodeDeviceDriver for ComposedConnection => nodedev();
});

crate::secret_driver_methods!(crate::__forward_impl! {
    SecretDriver for ComposedConnection => secret();
});
