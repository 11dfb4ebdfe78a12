//! Stock libvirt clients against rvirtd, with libvirt's own in-process test driver as the oracle.

mod python;
mod virsh_cases;
mod virsh_through_rvirtd;
mod rvirsh_matches_virsh;
