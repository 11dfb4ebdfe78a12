//! `<domain>`: the domain XML model (`virDomainDef`), parse → post-parse → validate → format.

mod api;
mod def;
pub mod devices;
pub mod element;
mod features;
mod format;
mod os;
mod parse;
mod postparse;
mod topology;
pub mod units;
pub mod uuid;
mod validate;

pub use def::{DiskInfo, DomainDef, FormatOptions, InterfaceInfo, ParseOptions};
pub use element::Element;
