//! Plain result records returned by driver APIs (`virNodeInfo`, `virDomainInfo`, …).

use crate::handle::DomainRef;
use crate::typed_param::TypedParam;

/// `virNodeInfo` (NODE_GET_INFO).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NodeInfo {
    /// CPU model, at most 31 bytes.
    pub model: String,
    /// Memory in KiB.
    pub memory: u64,
    pub cpus: i32,
    pub mhz: i32,
    pub nodes: i32,
    pub sockets: i32,
    pub cores: i32,
    pub threads: i32,
}

/// `virSecurityModel` (NODE_GET_SECURITY_MODEL).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SecurityModel {
    pub model: String,
    pub doi: String,
}

/// `virSecurityLabel` (DOMAIN_GET_SECURITY_LABEL).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SecurityLabel {
    pub label: String,
    pub enforcing: bool,
}

/// `virDomainState` numbers.
pub mod domain_state {
    pub const NOSTATE: i32 = 0;
    pub const RUNNING: i32 = 1;
    pub const BLOCKED: i32 = 2;
    pub const PAUSED: i32 = 3;
    pub const SHUTDOWN: i32 = 4;
    pub const SHUTOFF: i32 = 5;
    pub const CRASHED: i32 = 6;
    pub const PMSUSPENDED: i32 = 7;
}

/// `virDomainInfo` (DOMAIN_GET_INFO).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DomainInfo {
    pub state: i32,
    /// Maximum memory in KiB.
    pub max_mem: u64,
    /// Current memory in KiB.
    pub memory: u64,
    pub nr_virt_cpu: u32,
    /// CPU time in nanoseconds.
    pub cpu_time: u64,
}

/// `virVcpuInfo`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VcpuInfo {
    pub number: u32,
    pub state: i32,
    pub cpu_time: u64,
    pub cpu: i32,
}

/// `virDomainBlockStatsStruct`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BlockStats {
    pub rd_req: i64,
    pub rd_bytes: i64,
    pub wr_req: i64,
    pub wr_bytes: i64,
    pub errs: i64,
}

/// `virDomainInterfaceStatsStruct`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InterfaceStats {
    pub rx_bytes: i64,
    pub rx_packets: i64,
    pub rx_errs: i64,
    pub rx_drop: i64,
    pub tx_bytes: i64,
    pub tx_packets: i64,
    pub tx_errs: i64,
    pub tx_drop: i64,
}

/// `virDomainMemoryStatStruct`: tag (`VIR_DOMAIN_MEMORY_STAT_*`) and value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoryStat {
    pub tag: i32,
    pub val: u64,
}

/// `virDomainBlockInfo`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BlockInfo {
    pub capacity: u64,
    pub allocation: u64,
    pub physical: u64,
}

/// `virDomainJobInfo`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JobInfo {
    pub job_type: i32,
    pub time_elapsed: u64,
    pub time_remaining: u64,
    pub data_total: u64,
    pub data_processed: u64,
    pub data_remaining: u64,
    pub mem_total: u64,
    pub mem_processed: u64,
    pub mem_remaining: u64,
    pub file_total: u64,
    pub file_processed: u64,
    pub file_remaining: u64,
}

/// `virDomainControlInfo`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ControlInfo {
    pub state: u32,
    pub details: u32,
    pub state_time: u64,
}

/// `virDomainStatsRecord` (CONNECT_GET_ALL_DOMAIN_STATS).
#[derive(Debug, Clone, PartialEq)]
pub struct DomainStatsRecord {
    pub dom: DomainRef,
    pub params: Vec<TypedParam>,
}

/// `virDomainInterface` address record (DOMAIN_INTERFACE_ADDRESSES).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainInterface {
    pub name: String,
    pub hwaddr: Option<String>,
    pub addrs: Vec<IpAddress>,
}

/// One address of a [`DomainInterface`]; `addr_type` is `VIR_IP_ADDR_TYPE_IPV4` (0) or `_IPV6` (1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IpAddress {
    pub addr_type: i32,
    pub addr: String,
    pub prefix: u32,
}

/// `virStoragePoolInfo`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoragePoolInfo {
    /// `virStoragePoolState`: INACTIVE 0, BUILDING 1, RUNNING 2, DEGRADED 3, INACCESSIBLE 4.
    pub state: i32,
    pub capacity: u64,
    pub allocation: u64,
    pub available: u64,
}

/// `virStorageVolInfo`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StorageVolInfo {
    /// `virStorageVolType`: FILE 0, BLOCK 1, DIR 2, NETWORK 3, NETDIR 4, PLOOP 5.
    pub vol_type: i32,
    pub capacity: u64,
    pub allocation: u64,
}

/// `virNetworkDHCPLease`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NetworkDhcpLease {
    pub iface: String,
    pub expirytime: i64,
    pub addr_type: i32,
    pub mac: Option<String>,
    pub iaid: Option<String>,
    pub ipaddr: String,
    pub prefix: u32,
    pub hostname: Option<String>,
    pub clientid: Option<String>,
}

/// Guest time (DOMAIN_GET_TIME).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GuestTime {
    pub seconds: i64,
    pub nseconds: u32,
}
