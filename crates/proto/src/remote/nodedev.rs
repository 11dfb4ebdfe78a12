//! Node device procedures (`procedures.md` "Node devices").

use rvirt_core::NodeDeviceRef;
use rvirt_xdr::Xdr;

use super::limits::{REMOTE_NODE_DEVICE_CAPS_LIST_MAX, REMOTE_NODE_DEVICE_LIST_MAX};

/// REMOTE_PROC_NODE_NUM_OF_DEVICES (111): CALL body (`remote_node_num_of_devices_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeNumOfDevicesArgs {
    pub cap: Option<String>,
    pub flags: u32,
}

/// REMOTE_PROC_NODE_NUM_OF_DEVICES (111): REPLY body (`remote_node_num_of_devices_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeNumOfDevicesRet {
    pub num: i32,
}

/// REMOTE_PROC_NODE_LIST_DEVICES (112): CALL body (`remote_node_list_devices_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeListDevicesArgs {
    pub cap: Option<String>,
    pub maxnames: i32,
    pub flags: u32,
}

/// REMOTE_PROC_NODE_LIST_DEVICES (112): REPLY body (`remote_node_list_devices_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeListDevicesRet {
    #[xdr(max = REMOTE_NODE_DEVICE_LIST_MAX)]
    pub names: Vec<String>,
}

/// REMOTE_PROC_NODE_DEVICE_LOOKUP_BY_NAME (113): CALL body
/// (`remote_node_device_lookup_by_name_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceLookupByNameArgs {
    pub name: String,
}

/// REMOTE_PROC_NODE_DEVICE_LOOKUP_BY_NAME (113): REPLY body
/// (`remote_node_device_lookup_by_name_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceLookupByNameRet {
    pub dev: NodeDeviceRef,
}

/// REMOTE_PROC_NODE_DEVICE_GET_XML_DESC (114): CALL body (`remote_node_device_get_xml_desc_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceGetXmlDescArgs {
    pub name: String,
    pub flags: u32,
}

/// REMOTE_PROC_NODE_DEVICE_GET_XML_DESC (114): REPLY body (`remote_node_device_get_xml_desc_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceGetXmlDescRet {
    pub xml: String,
}

/// REMOTE_PROC_NODE_DEVICE_GET_PARENT (115): CALL body (`remote_node_device_get_parent_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceGetParentArgs {
    pub name: String,
}

/// REMOTE_PROC_NODE_DEVICE_GET_PARENT (115): REPLY body (`remote_node_device_get_parent_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceGetParentRet {
    pub parent_name: Option<String>,
}

/// REMOTE_PROC_NODE_DEVICE_NUM_OF_CAPS (116): CALL body (`remote_node_device_num_of_caps_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceNumOfCapsArgs {
    pub name: String,
}

/// REMOTE_PROC_NODE_DEVICE_NUM_OF_CAPS (116): REPLY body (`remote_node_device_num_of_caps_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceNumOfCapsRet {
    pub num: i32,
}

/// REMOTE_PROC_NODE_DEVICE_LIST_CAPS (117): CALL body (`remote_node_device_list_caps_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceListCapsArgs {
    pub name: String,
    pub maxnames: i32,
}

/// REMOTE_PROC_NODE_DEVICE_LIST_CAPS (117): REPLY body (`remote_node_device_list_caps_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceListCapsRet {
    #[xdr(max = REMOTE_NODE_DEVICE_CAPS_LIST_MAX)]
    pub names: Vec<String>,
}

/// REMOTE_PROC_NODE_DEVICE_DETTACH (118): CALL body (`remote_node_device_dettach_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceDettachArgs {
    pub name: String,
}

/// REMOTE_PROC_NODE_DEVICE_RE_ATTACH (119): CALL body (`remote_node_device_re_attach_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceReAttachArgs {
    pub name: String,
}

/// REMOTE_PROC_NODE_DEVICE_RESET (120): CALL body (`remote_node_device_reset_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceResetArgs {
    pub name: String,
}

/// REMOTE_PROC_NODE_DEVICE_CREATE_XML (123): CALL body (`remote_node_device_create_xml_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceCreateXmlArgs {
    pub xml_desc: String,
    pub flags: u32,
}

/// REMOTE_PROC_NODE_DEVICE_CREATE_XML (123): REPLY body (`remote_node_device_create_xml_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceCreateXmlRet {
    pub dev: NodeDeviceRef,
}

/// REMOTE_PROC_NODE_DEVICE_DESTROY (124): CALL body (`remote_node_device_destroy_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceDestroyArgs {
    pub name: String,
}

/// REMOTE_PROC_CONNECT_LIST_ALL_NODE_DEVICES (285): CALL body
/// (`remote_connect_list_all_node_devices_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListAllNodeDevicesArgs {
    pub need_results: i32,
    pub flags: u32,
}

/// REMOTE_PROC_CONNECT_LIST_ALL_NODE_DEVICES (285): REPLY body
/// (`remote_connect_list_all_node_devices_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListAllNodeDevicesRet {
    #[xdr(max = REMOTE_NODE_DEVICE_LIST_MAX)]
    pub devices: Vec<NodeDeviceRef>,
    pub ret: u32,
}

/// REMOTE_PROC_NODE_DEVICE_LOOKUP_SCSI_HOST_BY_WWN (297): CALL body
/// (`remote_node_device_lookup_scsi_host_by_wwn_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceLookupScsiHostByWwnArgs {
    pub wwnn: String,
    pub wwpn: String,
    pub flags: u32,
}

/// REMOTE_PROC_NODE_DEVICE_LOOKUP_SCSI_HOST_BY_WWN (297): REPLY body
/// (`remote_node_device_lookup_scsi_host_by_wwn_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceLookupScsiHostByWwnRet {
    pub dev: NodeDeviceRef,
}

/// REMOTE_PROC_NODE_DEVICE_DETACH_FLAGS (301): CALL body (`remote_node_device_detach_flags_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceDetachFlagsArgs {
    pub name: String,
    pub driver_name: Option<String>,
    pub flags: u32,
}

/// REMOTE_PROC_NODE_DEVICE_DEFINE_XML (428): CALL body (`remote_node_device_define_xml_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceDefineXmlArgs {
    pub xml_desc: String,
    pub flags: u32,
}

/// REMOTE_PROC_NODE_DEVICE_DEFINE_XML (428): REPLY body (`remote_node_device_define_xml_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceDefineXmlRet {
    pub dev: NodeDeviceRef,
}

/// REMOTE_PROC_NODE_DEVICE_UNDEFINE (429): CALL body (`remote_node_device_undefine_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceUndefineArgs {
    pub name: String,
    pub flags: u32,
}

/// REMOTE_PROC_NODE_DEVICE_CREATE (430): CALL body (`remote_node_device_create_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceCreateArgs {
    pub name: String,
    pub flags: u32,
}

/// REMOTE_PROC_NODE_DEVICE_GET_AUTOSTART (433): CALL body
/// (`remote_node_device_get_autostart_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceGetAutostartArgs {
    pub name: String,
}

/// REMOTE_PROC_NODE_DEVICE_GET_AUTOSTART (433): REPLY body
/// (`remote_node_device_get_autostart_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceGetAutostartRet {
    pub autostart: i32,
}

/// REMOTE_PROC_NODE_DEVICE_SET_AUTOSTART (434): CALL body
/// (`remote_node_device_set_autostart_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceSetAutostartArgs {
    pub name: String,
    pub autostart: i32,
}

/// REMOTE_PROC_NODE_DEVICE_IS_PERSISTENT (435): CALL body
/// (`remote_node_device_is_persistent_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceIsPersistentArgs {
    pub name: String,
}

/// REMOTE_PROC_NODE_DEVICE_IS_PERSISTENT (435): REPLY body
/// (`remote_node_device_is_persistent_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceIsPersistentRet {
    pub persistent: i32,
}

/// REMOTE_PROC_NODE_DEVICE_IS_ACTIVE (436): CALL body (`remote_node_device_is_active_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceIsActiveArgs {
    pub name: String,
}

/// REMOTE_PROC_NODE_DEVICE_IS_ACTIVE (436): REPLY body (`remote_node_device_is_active_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceIsActiveRet {
    pub active: i32,
}
