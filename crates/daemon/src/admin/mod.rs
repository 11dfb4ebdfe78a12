//! The admin socket (`libvirt-admin-sock`, mode 0700) and the ADMIN program behind it,
//! enough for `virt-admin`: servers, clients, thread pool, client limits, logging.

pub mod log_runtime;
mod logging;
mod params;
mod program;

pub use program::{listen, AdminProgram};
