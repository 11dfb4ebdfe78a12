//! Integration tests of the QEMU driver (one binary): argv goldens, capabilities, and real
//! TCG guests (lifecycle, re-attach).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "suite/caps.rs"]
mod caps;
#[path = "suite/common.rs"]
mod common;
#[path = "suite/goldens.rs"]
mod goldens;
#[path = "suite/lifecycle.rs"]
mod lifecycle;
#[path = "suite/reattach.rs"]
mod reattach;
