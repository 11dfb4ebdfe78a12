//! Async clients for QEMU's machine protocol (QMP) and the QEMU guest agent.
//!
//! Both speak newline-delimited JSON over a unix socket. Every command has a timeout,
//! every line read is bounded in length, so a hung or hostile peer costs a clear error
//! and bounded memory, never a stuck caller.

mod agent;
mod error;
mod lines;
mod monitor;

pub use agent::AgentClient;
pub use error::QmpError;
pub use lines::{LineReader, MAX_LINE_BYTES};
pub use monitor::{QmpClient, QmpEvent};
