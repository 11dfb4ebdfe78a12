//! Host helpers: libvirt .conf parser, command runner, /proc and sysfs readers

pub mod conf_file;
pub mod fs;

pub use conf_file::{ConfError, ConfFile, ConfValue};
