//! Network filter and filter binding APIs (`virNWFilter*`, `virNWFilterBinding*`).
//! The trait is generated from the method list in `methods/nwfilter.rs`.

use crate::error::VirResult;
use crate::handle::{NwFilterBindingRef, NwFilterRef, Uuid};

crate::nwfilter_driver_methods!(crate::__driver_trait! {
    /// The NWFilterDriver APIs a driver serves; each defaults to libvirt's "not supported".
    pub trait NWFilterDriver, Nwfilter;
});
