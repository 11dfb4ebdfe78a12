//! Domain APIs (`virDomain*`, `virConnectListAllDomains`, …): the trait, generated from the
//! method list in `methods/domain.rs`.

#[allow(unused_imports)]
use super::records::{BlockJobInfo, DiskError, FsInfo, IoThreadInfo};
#[allow(unused_imports)]
use crate::error::VirResult;
#[allow(unused_imports)]
use crate::handle::{DomainRef, Uuid};
#[allow(unused_imports)]
use crate::info::{
    BlockInfo, BlockStats, ControlInfo, DomainInfo, DomainInterface, DomainStatsRecord, GuestTime,
    InterfaceStats, JobInfo, MemoryStat, SecurityLabel, VcpuInfo,
};
#[allow(unused_imports)]
use crate::stream::DataStream;
#[allow(unused_imports)]
use crate::typed_param::TypedParam;

crate::domain_driver_methods!(crate::__driver_trait! {
    /// The domain APIs a driver serves; each defaults to libvirt's "not supported".
    pub trait DomainDriver, Domain;
});
