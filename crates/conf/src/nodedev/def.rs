//! The node device model (`virNodeDeviceDef`).

use super::caps::NodeDevCap;

/// A host device (`<device>`), as `virNodeDeviceGetXMLDesc` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeDeviceDef {
    /// Empty in a `nodedev-create` document until the driver names the device.
    pub name: String,
    pub sysfs_path: Option<String>,
    pub parent: Option<String>,
    /// `<parent wwnn='…' wwpn='…' fabric_wwn='…'/>` (vHBA creation).
    pub parent_wwnn: Option<String>,
    pub parent_wwpn: Option<String>,
    pub parent_fabric_wwn: Option<String>,
    pub driver: Option<String>,
    pub caps: Vec<NodeDevCap>,
}
