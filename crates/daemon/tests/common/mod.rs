//! Scaffolding shared by rvirtd's integration tests: the daemon under a temporary root,
//! the hand-encoding raw-frame client, and stock-client runners for comparing virsh
//! through rvirtd with virsh's in-process test driver.

mod daemon;
mod frames;
mod raw;
mod typed;
mod virsh;

pub use daemon::{assert_alive, Daemon};
pub use frames::{assert_rpc_error, be, open_args, xdr_string};
pub use raw::Raw;
pub use typed::{err_of, ok_ret, open_test_domain};
pub use virsh::{assert_virsh_matches, daemon_for_virsh, have, run, virsh, ORACLE};
