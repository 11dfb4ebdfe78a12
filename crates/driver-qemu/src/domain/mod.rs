//! Domains: the driver instance, objects, state machine, process lifecycle, monitor
//! events, status files, re-attach, consoles and the guest agent.

mod agent;
mod backup;
mod blockjob;
pub mod blockjob_disk;
mod checkpoint;
pub mod checkpoint_store;
mod compcache;
mod config;
mod console;
mod control;
mod define;
mod driver;
pub mod fd_associate;
mod fd_migrate;
pub mod graphics;
mod graphics_fd;
mod graphics_update;
mod hook_filter;
mod hotplug;
mod iftune;
pub mod jobs;
mod launchsec;
mod macvtap;
mod memhotplug;
mod monitor;
mod nics;
mod nwfilter_bind;
mod object;
mod perf;
mod pinning;
mod query;
mod reconnect;
mod restune;
mod save;
pub mod saveimage;
mod snapshot;
mod snapshot_external;
mod snapshot_memory;
mod snapshot_ops;
pub mod snapshot_store;
mod start;
pub mod state;
pub mod stats;
mod status;
mod stop;
mod tuning;
mod vcpus;
mod volumes;

pub use agent::parse_interfaces;
pub use blockjob::{job_kind, job_status};
pub use control::{
    DESTROY_GRACEFUL, SHUTDOWN_ACPI, SHUTDOWN_AGENT, START_FORCE_BOOT, START_PAUSED,
};
pub use driver::{QemuDriver, QemuOptions};
pub use hotplug::{parse_device, AFFECT_CONFIG, AFFECT_LIVE};
pub(crate) use launchsec::node_sev_info;
pub use macvtap::TAP_FD_BASE;
pub use query::list_flags;
pub use save::{image_xml, SAVE_PAUSED, SAVE_RUNNING};
pub use snapshot::create_flags as snapshot_create_flags;
pub(crate) use {
    driver::qmp_err,
    object::{DomainObj, VmProcess},
    status::save_status,
};
