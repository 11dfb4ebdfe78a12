//! Integration tests for rvirt-driver-host: synthetic sysfs trees, real /sys smoke, secrets.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "all/fake.rs"]
mod fake;
#[path = "all/iface.rs"]
mod iface;
#[path = "all/nodedev.rs"]
mod nodedev;
#[path = "all/nodedev_events.rs"]
mod nodedev_events;
#[path = "all/secret.rs"]
mod secret;
#[path = "all/secret_crypt.rs"]
mod secret_crypt;
