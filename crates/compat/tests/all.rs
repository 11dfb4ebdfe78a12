//! Stock libvirt clients against rvirtd, with libvirt's own in-process test driver as the oracle.

mod extensions;
mod python;
mod rvirsh_matches_virsh;
mod storage_e2e;
mod virsh_cases;
mod virsh_through_rvirtd;
