//! Integration tests of the QEMU driver (one binary): argv goldens, capabilities, and real
//! TCG guests (lifecycle, re-attach).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "suite/backup.rs"]
mod backup;
#[path = "suite/backup_virsh.rs"]
mod backup_virsh;
#[path = "suite/caps.rs"]
mod caps;
#[path = "suite/cgroups.rs"]
mod cgroups;
#[path = "suite/checkpoint.rs"]
mod checkpoint;
#[path = "suite/checkpoint_virsh.rs"]
mod checkpoint_virsh;
#[path = "suite/common.rs"]
mod common;
#[path = "suite/dac.rs"]
mod dac;
#[path = "suite/daemon_e2e.rs"]
mod daemon_e2e;
#[path = "suite/fdgroup.rs"]
mod fdgroup;
#[path = "suite/fdgroup_lifetime.rs"]
mod fdgroup_lifetime;
#[path = "suite/goldens.rs"]
mod goldens;
#[path = "suite/graphics.rs"]
mod graphics;
#[path = "suite/graphics_fd.rs"]
mod graphics_fd;
#[path = "suite/guest_direct.rs"]
mod guest_direct;
#[path = "suite/guest_fdgroup.rs"]
mod guest_fdgroup;
#[path = "suite/guest_net.rs"]
mod guest_net;
#[path = "suite/guest_nwfilter.rs"]
mod guest_nwfilter;
#[path = "suite/guest_nwfilter_learn.rs"]
mod guest_nwfilter_learn;
#[path = "suite/guest_volume.rs"]
mod guest_volume;
#[path = "suite/hooks.rs"]
mod hooks;
#[path = "suite/hotplug.rs"]
mod hotplug;
#[path = "suite/lifecycle.rs"]
mod lifecycle;
#[path = "suite/memory_dimm.rs"]
mod memory_dimm;
#[path = "suite/migrate.rs"]
mod migrate;
#[path = "suite/migrate_load.rs"]
mod migrate_load;
#[path = "suite/migrate_postcopy_early.rs"]
mod migrate_postcopy_early;
#[path = "suite/monitor_with_files.rs"]
mod monitor_with_files;
#[path = "suite/netns.rs"]
mod netns;
#[path = "suite/perf_compcache.rs"]
mod perf_compcache;
#[path = "suite/qemu_events.rs"]
mod qemu_events;
#[path = "suite/qemu_program.rs"]
mod qemu_program;
#[path = "suite/reattach.rs"]
mod reattach;
#[path = "suite/rvirtd.rs"]
mod rvirtd;
#[path = "suite/save.rs"]
mod save;
#[path = "suite/setvcpu.rs"]
mod setvcpu;
#[path = "suite/snapshot.rs"]
mod snapshot;
#[path = "suite/snapshot_tree.rs"]
mod snapshot_tree;
#[path = "suite/snapshot_virsh.rs"]
mod snapshot_virsh;
#[path = "suite/tuning.rs"]
mod tuning;
#[path = "suite/virsh_guest.rs"]
mod virsh_guest;
