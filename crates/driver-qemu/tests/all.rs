//! Integration tests of the QEMU driver (one binary): argv goldens, capabilities, and real
//! TCG guests (lifecycle, re-attach).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "suite/caps.rs"]
mod caps;
#[path = "suite/cgroups.rs"]
mod cgroups;
#[path = "suite/common.rs"]
mod common;
#[path = "suite/dac.rs"]
mod dac;
#[path = "suite/daemon_e2e.rs"]
mod daemon_e2e;
#[path = "suite/goldens.rs"]
mod goldens;
#[path = "suite/graphics.rs"]
mod graphics;
#[path = "suite/guest_direct.rs"]
mod guest_direct;
#[path = "suite/guest_net.rs"]
mod guest_net;
#[path = "suite/guest_volume.rs"]
mod guest_volume;
#[path = "suite/hooks.rs"]
mod hooks;
#[path = "suite/hotplug.rs"]
mod hotplug;
#[path = "suite/lifecycle.rs"]
mod lifecycle;
#[path = "suite/migrate.rs"]
mod migrate;
#[path = "suite/migrate_load.rs"]
mod migrate_load;
#[path = "suite/qemu_program.rs"]
mod qemu_program;
#[path = "suite/reattach.rs"]
mod reattach;
#[path = "suite/rvirtd.rs"]
mod rvirtd;
#[path = "suite/save.rs"]
mod save;
#[path = "suite/snapshot.rs"]
mod snapshot;
#[path = "suite/snapshot_tree.rs"]
mod snapshot_tree;
#[path = "suite/snapshot_virsh.rs"]
mod snapshot_virsh;
#[path = "suite/tuning.rs"]
mod tuning;
