//! Small records returned by the guest-agent, IOThread and block-job domain APIs.

/// `virDomainFSInfo`: one mounted guest filesystem (virDomainGetFSInfo).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FsInfo {
    pub mountpoint: String,
    pub name: String,
    pub fstype: String,
    /// Target names of the disks backing the filesystem.
    pub dev_aliases: Vec<String>,
}

/// `virDomainIOThreadInfo`: one IOThread and its CPU affinity (virDomainGetIOThreadInfo).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IoThreadInfo {
    pub iothread_id: u32,
    pub cpumap: Vec<u8>,
}

/// `virDomainDiskError`: a disk and its `virDomainDiskErrorCode` (virDomainGetDiskErrors).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DiskError {
    pub disk: String,
    pub error: i32,
}

/// `virDomainBlockJobInfo`: the block job running on a disk (virDomainGetBlockJobInfo).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BlockJobInfo {
    /// `virDomainBlockJobType`.
    pub job_type: i32,
    pub bandwidth: u64,
    pub cur: u64,
    pub end: u64,
}
