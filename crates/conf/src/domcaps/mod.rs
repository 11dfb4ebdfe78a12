//! Domain capabilities: the `<domainCapabilities>` document (`virDomainCaps`), as
//! `virConnectGetDomainCapabilities` returns it.

mod cpu;
mod def;
mod enums;
mod features;
mod os;

pub use cpu::{CpuCaps, CustomModel, CustomModels, HostModelCaps, HostModelFeature};
pub use def::{DeviceCaps, DomainCapsDef};
pub use enums::{CapsEnum, EnumBlock};
pub use features::{FeaturesCaps, SevCaps, SgxCaps, SgxSection};
pub use os::{LoaderCaps, OsCaps};
