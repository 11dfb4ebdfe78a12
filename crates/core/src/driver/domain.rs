//! Domain APIs (`virDomain*`, `virConnectListAllDomains`, …): the trait, generated from the
//! method list in `methods/domain.rs`.

use super::records::{BlockJobInfo, DiskError, FsInfo, IoThreadInfo};
use crate::error::VirResult;
use crate::handle::{DomainRef, Uuid};
use crate::info::{
    BlockInfo, BlockStats, ControlInfo, DomainInfo, DomainInterface, DomainStatsRecord, GuestTime,
    InterfaceStats, JobInfo, MemoryStat, SecurityLabel, VcpuInfo,
};
use crate::stream::DataStream;
use crate::typed_param::TypedParam;

crate::domain_driver_methods!(crate::__driver_trait! {
    /// The domain APIs a driver serves; each defaults to libvirt's "not supported".
    pub trait DomainDriver, Domain;
});
