//! Node device capabilities (`virNodeDevCapData`) this model understands.

/// `<capability type='system'>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SystemCap {
    pub product: Option<String>,
    pub hw_vendor: Option<String>,
    pub hw_version: Option<String>,
    pub hw_serial: Option<String>,
    pub hw_uuid: Option<String>,
    pub fw_vendor: Option<String>,
    pub fw_version: Option<String>,
    pub fw_release_date: Option<String>,
}

/// The `fc_host` sub-capability of a SCSI host.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FcHost {
    pub wwnn: Option<String>,
    pub wwpn: Option<String>,
    pub fabric_wwn: Option<String>,
}

/// The `vport_ops` sub-capability of a SCSI host.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VportOps {
    pub max_vports: u32,
    pub vports: u32,
}

/// `<capability type='scsi_host'>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScsiHostCap {
    pub host: Option<u32>,
    pub unique_id: Option<i64>,
    pub fc_host: Option<FcHost>,
    pub vport_ops: Option<VportOps>,
}

/// `<capability type='mdev'>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MdevCap {
    pub type_id: String,
    pub uuid: Option<String>,
    pub iommu_group: Option<u32>,
    /// `<attr name='…' value='…'/>` in order.
    pub attrs: Vec<(String, String)>,
}

/// `<capability type='net'>` (interface name, MAC, link).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NetCap {
    pub interface: String,
    pub address: Option<String>,
    pub link_speed: Option<u32>,
    pub link_state: Option<String>,
}

/// One capability of a node device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeDevCap {
    System(SystemCap),
    ScsiHost(ScsiHostCap),
    Mdev(MdevCap),
    Net(NetCap),
}

impl NodeDevCap {
    /// The capability type name (`virNodeDevCapType`), as `virNodeDeviceListCaps` reports it.
    pub fn type_name(&self) -> &'static str {
        match self {
            NodeDevCap::System(_) => "system",
            NodeDevCap::ScsiHost(_) => "scsi_host",
            NodeDevCap::Mdev(_) => "mdev",
            NodeDevCap::Net(_) => "net",
        }
    }
}
