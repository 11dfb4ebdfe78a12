//! Composite element types used inside REMOTE procedure bodies (`procedures.md` appendix A).
//!
//! `remote_typed_param` is rvirt-core's `TypedParam`; `remote_error` is
//! [`crate::RemoteError`].

use rvirt_core::typed_param::TypedParam;
use rvirt_core::DomainRef;
use rvirt_xdr::Xdr;

use super::limits::{
    REMOTE_CONNECT_GET_ALL_DOMAIN_STATS_MAX, REMOTE_CPUMAP_MAX, REMOTE_DOMAIN_FSINFO_DISKS_MAX,
    REMOTE_DOMAIN_IP_ADDR_MAX,
};

/// `remote_vcpu_info`: one entry of DOMAIN_GET_VCPUS (`virVcpuInfo`).
#[derive(Debug, Clone, PartialEq, Eq, Xdr)]
pub struct VcpuInfo {
    pub number: u32,
    /// `virVcpuState` (0 offline, 1 running, 2 blocked).
    pub state: i32,
    /// CPU time used, in nanoseconds.
    pub cpu_time: u64,
    /// Host CPU the vCPU runs on, −1 when offline.
    pub cpu: i32,
}

/// `remote_node_get_cpu_stats`: one field of NODE_GET_CPU_STATS (`virNodeCPUStats`).
#[derive(Debug, Clone, PartialEq, Eq, Xdr)]
pub struct NodeGetCpuStats {
    pub field: String,
    pub value: u64,
}

/// `remote_node_get_memory_stats`: one field of NODE_GET_MEMORY_STATS (`virNodeMemoryStats`).
#[derive(Debug, Clone, PartialEq, Eq, Xdr)]
pub struct NodeGetMemoryStats {
    pub field: String,
    pub value: u64,
}

/// `remote_domain_disk_error`: one entry of DOMAIN_GET_DISK_ERRORS (`virDomainDiskError`).
#[derive(Debug, Clone, PartialEq, Eq, Xdr)]
pub struct DomainDiskError {
    pub disk: String,
    /// `virDomainDiskErrorCode`.
    pub error: i32,
}

/// `remote_domain_memory_stat`: one entry of DOMAIN_MEMORY_STATS (`virDomainMemoryStatStruct`).
#[derive(Debug, Clone, PartialEq, Eq, Xdr)]
pub struct DomainMemoryStat {
    /// `virDomainMemoryStatTags`.
    pub tag: i32,
    pub val: u64,
}

/// `remote_domain_iothread_info`: one entry of DOMAIN_GET_IOTHREAD_INFO.
#[derive(Debug, Clone, PartialEq, Eq, Xdr)]
pub struct DomainIothreadInfo {
    pub iothread_id: u32,
    #[xdr(max = REMOTE_CPUMAP_MAX)]
    pub cpumap: Vec<u8>,
}

/// `remote_domain_stats_record`: one domain of CONNECT_GET_ALL_DOMAIN_STATS.
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainStatsRecord {
    pub dom: DomainRef,
    #[xdr(max = REMOTE_CONNECT_GET_ALL_DOMAIN_STATS_MAX)]
    pub params: Vec<TypedParam>,
}

/// `remote_domain_fsinfo`: one mounted filesystem of DOMAIN_GET_FSINFO.
#[derive(Debug, Clone, PartialEq, Eq, Xdr)]
pub struct DomainFsinfo {
    pub mountpoint: String,
    pub name: String,
    pub fstype: String,
    #[xdr(max = REMOTE_DOMAIN_FSINFO_DISKS_MAX)]
    pub dev_aliases: Vec<String>,
}

/// `remote_domain_ip_addr`: one address of a guest interface.
#[derive(Debug, Clone, PartialEq, Eq, Xdr)]
pub struct DomainIpAddr {
    /// `virIPAddrType` (0 IPv4, 1 IPv6).
    pub r#type: i32,
    pub addr: String,
    pub prefix: u32,
}

/// `remote_domain_interface`: one guest interface of DOMAIN_INTERFACE_ADDRESSES.
#[derive(Debug, Clone, PartialEq, Eq, Xdr)]
pub struct DomainInterface {
    pub name: String,
    pub hwaddr: Option<String>,
    #[xdr(max = REMOTE_DOMAIN_IP_ADDR_MAX)]
    pub addrs: Vec<DomainIpAddr>,
}
