//! Domains: the driver instance, objects, state machine, process lifecycle, monitor
//! events, status files, re-attach, consoles and the guest agent.

mod agent;
mod config;
mod console;
mod control;
mod define;
mod driver;
mod monitor;
mod object;
mod query;
mod reconnect;
mod start;
pub mod state;
mod status;
mod stop;

pub use agent::parse_interfaces;
pub use control::{DESTROY_GRACEFUL, SHUTDOWN_ACPI, SHUTDOWN_AGENT, START_PAUSED};
pub use driver::{QemuDriver, QemuOptions};
pub use query::list_flags;
