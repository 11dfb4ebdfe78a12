//! Node device APIs (`virNodeDevice*`).
//! The trait is generated from the method list in `methods/nodedev.rs`.

use crate::error::VirResult;
use crate::handle::NodeDeviceRef;

crate::nodedev_driver_methods!(crate::__driver_trait! {
    /// The NodeDeviceDriver APIs a driver serves; each defaults to libvirt's "not supported".
    pub trait NodeDeviceDriver, Nodedev;
});
