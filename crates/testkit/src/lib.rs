//! Test harness shared by rvirt's integration tests: locating the built binaries,
//! running a temporary `rvirtd --root`, running stock clients, normalising output.

pub mod binaries;
pub mod daemon;
pub mod guest;
pub mod normalize;
pub mod runner;
pub mod shared;

pub use binaries::{bin_path, require_tool};
pub use daemon::TestDaemon;
pub use runner::{run, Output};
