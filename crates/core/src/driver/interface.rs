//! Host interface APIs (`virInterface*`).
//! The trait is generated from the method list in `methods/interface.rs`.

use crate::error::VirResult;
use crate::handle::InterfaceRef;

crate::interface_driver_methods!(crate::__driver_trait! {
    /// The InterfaceDriver APIs a driver serves; each defaults to libvirt's "not supported".
    pub trait InterfaceDriver, Interface;
});
