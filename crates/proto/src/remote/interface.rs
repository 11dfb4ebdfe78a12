//! Host interface procedures (`procedures.md` "Host interfaces").

use rvirt_core::InterfaceRef;
use rvirt_xdr::Xdr;

use super::limits::REMOTE_INTERFACE_LIST_MAX;

/// REMOTE_PROC_CONNECT_NUM_OF_INTERFACES (126): REPLY body
/// (`remote_connect_num_of_interfaces_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectNumOfInterfacesRet {
    pub num: i32,
}

/// REMOTE_PROC_CONNECT_LIST_INTERFACES (127): CALL body (`remote_connect_list_interfaces_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListInterfacesArgs {
    pub maxnames: i32,
}

/// REMOTE_PROC_CONNECT_LIST_INTERFACES (127): REPLY body (`remote_connect_list_interfaces_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListInterfacesRet {
    #[xdr(max = REMOTE_INTERFACE_LIST_MAX)]
    pub names: Vec<String>,
}

/// REMOTE_PROC_INTERFACE_LOOKUP_BY_NAME (128): CALL body (`remote_interface_lookup_by_name_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct InterfaceLookupByNameArgs {
    pub name: String,
}

/// REMOTE_PROC_INTERFACE_LOOKUP_BY_NAME (128): REPLY body (`remote_interface_lookup_by_name_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct InterfaceLookupByNameRet {
    pub iface: InterfaceRef,
}

/// REMOTE_PROC_INTERFACE_LOOKUP_BY_MAC_STRING (129): CALL body
/// (`remote_interface_lookup_by_mac_string_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct InterfaceLookupByMacStringArgs {
    pub mac: String,
}

/// REMOTE_PROC_INTERFACE_LOOKUP_BY_MAC_STRING (129): REPLY body
/// (`remote_interface_lookup_by_mac_string_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct InterfaceLookupByMacStringRet {
    pub iface: InterfaceRef,
}

/// REMOTE_PROC_INTERFACE_GET_XML_DESC (130): CALL body (`remote_interface_get_xml_desc_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct InterfaceGetXmlDescArgs {
    pub iface: InterfaceRef,
    pub flags: u32,
}

/// REMOTE_PROC_INTERFACE_GET_XML_DESC (130): REPLY body (`remote_interface_get_xml_desc_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct InterfaceGetXmlDescRet {
    pub xml: String,
}

/// REMOTE_PROC_INTERFACE_DEFINE_XML (131): CALL body (`remote_interface_define_xml_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct InterfaceDefineXmlArgs {
    pub xml: String,
    pub flags: u32,
}

/// REMOTE_PROC_INTERFACE_DEFINE_XML (131): REPLY body (`remote_interface_define_xml_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct InterfaceDefineXmlRet {
    pub iface: InterfaceRef,
}

/// REMOTE_PROC_INTERFACE_UNDEFINE (132): CALL body (`remote_interface_undefine_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct InterfaceUndefineArgs {
    pub iface: InterfaceRef,
}

/// REMOTE_PROC_INTERFACE_CREATE (133): CALL body (`remote_interface_create_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct InterfaceCreateArgs {
    pub iface: InterfaceRef,
    pub flags: u32,
}

/// REMOTE_PROC_INTERFACE_DESTROY (134): CALL body (`remote_interface_destroy_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct InterfaceDestroyArgs {
    pub iface: InterfaceRef,
    pub flags: u32,
}

/// REMOTE_PROC_CONNECT_NUM_OF_DEFINED_INTERFACES (137): REPLY body
/// (`remote_connect_num_of_defined_interfaces_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectNumOfDefinedInterfacesRet {
    pub num: i32,
}

/// REMOTE_PROC_CONNECT_LIST_DEFINED_INTERFACES (138): CALL body
/// (`remote_connect_list_defined_interfaces_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListDefinedInterfacesArgs {
    pub maxnames: i32,
}

/// REMOTE_PROC_CONNECT_LIST_DEFINED_INTERFACES (138): REPLY body
/// (`remote_connect_list_defined_interfaces_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListDefinedInterfacesRet {
    #[xdr(max = REMOTE_INTERFACE_LIST_MAX)]
    pub names: Vec<String>,
}

/// REMOTE_PROC_INTERFACE_IS_ACTIVE (156): CALL body (`remote_interface_is_active_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct InterfaceIsActiveArgs {
    pub iface: InterfaceRef,
}

/// REMOTE_PROC_INTERFACE_IS_ACTIVE (156): REPLY body (`remote_interface_is_active_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct InterfaceIsActiveRet {
    pub active: i32,
}

/// REMOTE_PROC_INTERFACE_CHANGE_BEGIN (220): CALL body (`remote_interface_change_begin_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct InterfaceChangeBeginArgs {
    pub flags: u32,
}

/// REMOTE_PROC_INTERFACE_CHANGE_COMMIT (221): CALL body (`remote_interface_change_commit_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct InterfaceChangeCommitArgs {
    pub flags: u32,
}

/// REMOTE_PROC_INTERFACE_CHANGE_ROLLBACK (222): CALL body
/// (`remote_interface_change_rollback_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct InterfaceChangeRollbackArgs {
    pub flags: u32,
}

/// REMOTE_PROC_CONNECT_LIST_ALL_INTERFACES (284): CALL body
/// (`remote_connect_list_all_interfaces_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListAllInterfacesArgs {
    pub need_results: i32,
    pub flags: u32,
}

/// REMOTE_PROC_CONNECT_LIST_ALL_INTERFACES (284): REPLY body
/// (`remote_connect_list_all_interfaces_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListAllInterfacesRet {
    #[xdr(max = REMOTE_INTERFACE_LIST_MAX)]
    pub ifaces: Vec<InterfaceRef>,
    pub ret: u32,
}
