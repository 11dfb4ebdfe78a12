//! rvirt-conf's integration test binary.

mod domain_fuzz;
mod domain_golden;
mod kinds;
