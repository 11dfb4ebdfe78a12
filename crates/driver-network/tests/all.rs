//! rvirt-driver-network integration tests (one binary).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "suite/errors.rs"]
mod errors;
#[path = "suite/goldens.rs"]
mod goldens;
#[path = "suite/injection.rs"]
mod injection;
#[path = "suite/netns.rs"]
mod netns;
#[path = "suite/portfwd.rs"]
mod portfwd;
#[path = "suite/ports.rs"]
mod ports;
#[path = "suite/qos.rs"]
mod qos;
