//! Secret APIs (`virSecret*`).
//! The trait is generated from the method list in `methods/secret.rs`.

use crate::error::VirResult;
use crate::handle::{SecretRef, Uuid};

crate::secret_driver_methods!(crate::__driver_trait! {
    /// The SecretDriver APIs a driver serves; each defaults to libvirt's "not supported".
    pub trait SecretDriver, Secret;
});
