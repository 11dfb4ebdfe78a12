//! `<domain>`: the domain XML model (`virDomainDef`), parse → post-parse → validate → format.

mod api;
pub mod bitmap;
mod checks_dev;
mod checks_top;
mod def;
pub mod devices;
pub mod element;
mod features;
mod format;
mod hooks;
mod os;
mod parse;
pub mod perf;
mod postparse;
mod topology;
mod tuning;
pub mod units;
pub mod uuid;
mod validate;
mod views;

pub use def::{DiskInfo, DomainDef, FormatOptions, InterfaceInfo, ParseOptions};
pub use element::Element;
pub use hooks::{DriverHooks, TestDriverHooks};
pub use views::{
    AddressView, ChardevView, ControllerView, DiskView, GraphicsView, InterfaceView,
    SimpleDeviceView, VideoView,
};
