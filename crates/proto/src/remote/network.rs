//! Virtual network and network port procedures (`procedures.md` "Networks").

use rvirt_core::typed_param::TypedParam;
use rvirt_core::{NetworkPortRef, NetworkRef, Uuid};
use rvirt_xdr::Xdr;

use super::limits::{
    REMOTE_NETWORK_DHCP_LEASES_MAX, REMOTE_NETWORK_LIST_MAX, REMOTE_NETWORK_PORT_LIST_MAX,
    REMOTE_NETWORK_PORT_PARAMETERS_MAX,
};

/// `remote_network_dhcp_lease`: one lease of NETWORK_GET_DHCP_LEASES.
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkDhcpLease {
    pub iface: String,
    pub expirytime: i64,
    /// `virIPAddrType` (0 IPv4, 1 IPv6).
    pub r#type: i32,
    pub mac: Option<String>,
    pub iaid: Option<String>,
    pub ipaddr: String,
    pub prefix: u32,
    pub hostname: Option<String>,
    pub clientid: Option<String>,
}

/// REMOTE_PROC_CONNECT_LIST_DEFINED_NETWORKS (36): CALL body
/// (`remote_connect_list_defined_networks_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListDefinedNetworksArgs {
    pub maxnames: i32,
}

/// REMOTE_PROC_CONNECT_LIST_DEFINED_NETWORKS (36): REPLY body
/// (`remote_connect_list_defined_networks_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListDefinedNetworksRet {
    #[xdr(max = REMOTE_NETWORK_LIST_MAX)]
    pub names: Vec<String>,
}

/// REMOTE_PROC_CONNECT_LIST_NETWORKS (38): CALL body (`remote_connect_list_networks_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListNetworksArgs {
    pub maxnames: i32,
}

/// REMOTE_PROC_CONNECT_LIST_NETWORKS (38): REPLY body (`remote_connect_list_networks_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListNetworksRet {
    #[xdr(max = REMOTE_NETWORK_LIST_MAX)]
    pub names: Vec<String>,
}

/// REMOTE_PROC_NETWORK_CREATE (39): CALL body (`remote_network_create_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkCreateArgs {
    pub net: NetworkRef,
}

/// REMOTE_PROC_NETWORK_CREATE_XML (40): CALL body (`remote_network_create_xml_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkCreateXmlArgs {
    pub xml: String,
}

/// REMOTE_PROC_NETWORK_CREATE_XML (40): REPLY body (`remote_network_create_xml_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkCreateXmlRet {
    pub net: NetworkRef,
}

/// REMOTE_PROC_NETWORK_DEFINE_XML (41): CALL body (`remote_network_define_xml_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkDefineXmlArgs {
    pub xml: String,
}

/// REMOTE_PROC_NETWORK_DEFINE_XML (41): REPLY body (`remote_network_define_xml_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkDefineXmlRet {
    pub net: NetworkRef,
}

/// REMOTE_PROC_NETWORK_DESTROY (42): CALL body (`remote_network_destroy_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkDestroyArgs {
    pub net: NetworkRef,
}

/// REMOTE_PROC_NETWORK_GET_XML_DESC (43): CALL body (`remote_network_get_xml_desc_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkGetXmlDescArgs {
    pub net: NetworkRef,
    pub flags: u32,
}

/// REMOTE_PROC_NETWORK_GET_XML_DESC (43): REPLY body (`remote_network_get_xml_desc_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkGetXmlDescRet {
    pub xml: String,
}

/// REMOTE_PROC_NETWORK_GET_AUTOSTART (44): CALL body (`remote_network_get_autostart_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkGetAutostartArgs {
    pub net: NetworkRef,
}

/// REMOTE_PROC_NETWORK_GET_AUTOSTART (44): REPLY body (`remote_network_get_autostart_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkGetAutostartRet {
    pub autostart: i32,
}

/// REMOTE_PROC_NETWORK_GET_BRIDGE_NAME (45): CALL body (`remote_network_get_bridge_name_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkGetBridgeNameArgs {
    pub net: NetworkRef,
}

/// REMOTE_PROC_NETWORK_GET_BRIDGE_NAME (45): REPLY body (`remote_network_get_bridge_name_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkGetBridgeNameRet {
    pub name: String,
}

/// REMOTE_PROC_NETWORK_LOOKUP_BY_NAME (46): CALL body (`remote_network_lookup_by_name_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkLookupByNameArgs {
    pub name: String,
}

/// REMOTE_PROC_NETWORK_LOOKUP_BY_NAME (46): REPLY body (`remote_network_lookup_by_name_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkLookupByNameRet {
    pub net: NetworkRef,
}

/// REMOTE_PROC_NETWORK_LOOKUP_BY_UUID (47): CALL body (`remote_network_lookup_by_uuid_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkLookupByUuidArgs {
    pub uuid: Uuid,
}

/// REMOTE_PROC_NETWORK_LOOKUP_BY_UUID (47): REPLY body (`remote_network_lookup_by_uuid_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkLookupByUuidRet {
    pub net: NetworkRef,
}

/// REMOTE_PROC_NETWORK_SET_AUTOSTART (48): CALL body (`remote_network_set_autostart_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkSetAutostartArgs {
    pub net: NetworkRef,
    pub autostart: i32,
}

/// REMOTE_PROC_NETWORK_UNDEFINE (49): CALL body (`remote_network_undefine_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkUndefineArgs {
    pub net: NetworkRef,
}

/// REMOTE_PROC_CONNECT_NUM_OF_DEFINED_NETWORKS (50): REPLY body
/// (`remote_connect_num_of_defined_networks_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectNumOfDefinedNetworksRet {
    pub num: i32,
}

/// REMOTE_PROC_CONNECT_NUM_OF_NETWORKS (52): REPLY body (`remote_connect_num_of_networks_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectNumOfNetworksRet {
    pub num: i32,
}

/// REMOTE_PROC_NETWORK_IS_ACTIVE (152): CALL body (`remote_network_is_active_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkIsActiveArgs {
    pub net: NetworkRef,
}

/// REMOTE_PROC_NETWORK_IS_ACTIVE (152): REPLY body (`remote_network_is_active_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkIsActiveRet {
    pub active: i32,
}

/// REMOTE_PROC_NETWORK_IS_PERSISTENT (153): CALL body (`remote_network_is_persistent_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkIsPersistentArgs {
    pub net: NetworkRef,
}

/// REMOTE_PROC_NETWORK_IS_PERSISTENT (153): REPLY body (`remote_network_is_persistent_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkIsPersistentRet {
    pub persistent: i32,
}

/// REMOTE_PROC_CONNECT_LIST_ALL_NETWORKS (283): CALL body
/// (`remote_connect_list_all_networks_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListAllNetworksArgs {
    pub need_results: i32,
    pub flags: u32,
}

/// REMOTE_PROC_CONNECT_LIST_ALL_NETWORKS (283): REPLY body
/// (`remote_connect_list_all_networks_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListAllNetworksRet {
    #[xdr(max = REMOTE_NETWORK_LIST_MAX)]
    pub nets: Vec<NetworkRef>,
    pub ret: u32,
}

/// REMOTE_PROC_NETWORK_UPDATE (291): CALL body (`remote_network_update_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkUpdateArgs {
    pub net: NetworkRef,
    pub command: u32,
    pub section: u32,
    pub parent_index: i32,
    pub xml: String,
    pub flags: u32,
}

/// REMOTE_PROC_NETWORK_GET_DHCP_LEASES (341): CALL body (`remote_network_get_dhcp_leases_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkGetDhcpLeasesArgs {
    pub net: NetworkRef,
    pub mac: Option<String>,
    pub need_results: i32,
    pub flags: u32,
}

/// REMOTE_PROC_NETWORK_GET_DHCP_LEASES (341): REPLY body (`remote_network_get_dhcp_leases_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkGetDhcpLeasesRet {
    #[xdr(max = REMOTE_NETWORK_DHCP_LEASES_MAX)]
    pub leases: Vec<NetworkDhcpLease>,
    pub ret: u32,
}

/// REMOTE_PROC_NETWORK_LIST_ALL_PORTS (404): CALL body (`remote_network_list_all_ports_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkListAllPortsArgs {
    pub network: NetworkRef,
    pub need_results: i32,
    pub flags: u32,
}

/// REMOTE_PROC_NETWORK_LIST_ALL_PORTS (404): REPLY body (`remote_network_list_all_ports_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkListAllPortsRet {
    #[xdr(max = REMOTE_NETWORK_PORT_LIST_MAX)]
    pub ports: Vec<NetworkPortRef>,
    pub ret: u32,
}

/// REMOTE_PROC_NETWORK_PORT_LOOKUP_BY_UUID (405): CALL body
/// (`remote_network_port_lookup_by_uuid_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkPortLookupByUuidArgs {
    pub network: NetworkRef,
    pub uuid: Uuid,
}

/// REMOTE_PROC_NETWORK_PORT_LOOKUP_BY_UUID (405): REPLY body
/// (`remote_network_port_lookup_by_uuid_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkPortLookupByUuidRet {
    pub port: NetworkPortRef,
}

/// REMOTE_PROC_NETWORK_PORT_CREATE_XML (406): CALL body (`remote_network_port_create_xml_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkPortCreateXmlArgs {
    pub network: NetworkRef,
    pub xml: String,
    pub flags: u32,
}

/// REMOTE_PROC_NETWORK_PORT_CREATE_XML (406): REPLY body (`remote_network_port_create_xml_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkPortCreateXmlRet {
    pub port: NetworkPortRef,
}

/// REMOTE_PROC_NETWORK_PORT_GET_PARAMETERS (407): CALL body
/// (`remote_network_port_get_parameters_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkPortGetParametersArgs {
    pub port: NetworkPortRef,
    pub nparams: i32,
    pub flags: u32,
}

/// REMOTE_PROC_NETWORK_PORT_GET_PARAMETERS (407): REPLY body
/// (`remote_network_port_get_parameters_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkPortGetParametersRet {
    #[xdr(max = REMOTE_NETWORK_PORT_PARAMETERS_MAX)]
    pub params: Vec<TypedParam>,
    pub nparams: i32,
}

/// REMOTE_PROC_NETWORK_PORT_SET_PARAMETERS (408): CALL body
/// (`remote_network_port_set_parameters_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkPortSetParametersArgs {
    pub port: NetworkPortRef,
    #[xdr(max = REMOTE_NETWORK_PORT_PARAMETERS_MAX)]
    pub params: Vec<TypedParam>,
    pub flags: u32,
}

/// REMOTE_PROC_NETWORK_PORT_GET_XML_DESC (409): CALL body
/// (`remote_network_port_get_xml_desc_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkPortGetXmlDescArgs {
    pub port: NetworkPortRef,
    pub flags: u32,
}

/// REMOTE_PROC_NETWORK_PORT_GET_XML_DESC (409): REPLY body
/// (`remote_network_port_get_xml_desc_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkPortGetXmlDescRet {
    pub xml: String,
}

/// REMOTE_PROC_NETWORK_PORT_DELETE (410): CALL body (`remote_network_port_delete_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkPortDeleteArgs {
    pub port: NetworkPortRef,
    pub flags: u32,
}

/// REMOTE_PROC_NETWORK_DEFINE_XML_FLAGS (432): CALL body (`remote_network_define_xml_flags_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkDefineXmlFlagsArgs {
    pub xml: String,
    pub flags: u32,
}

/// REMOTE_PROC_NETWORK_DEFINE_XML_FLAGS (432): REPLY body (`remote_network_define_xml_flags_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkDefineXmlFlagsRet {
    pub net: NetworkRef,
}

/// REMOTE_PROC_NETWORK_CREATE_XML_FLAGS (437): CALL body (`remote_network_create_xml_flags_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkCreateXmlFlagsArgs {
    pub xml: String,
    pub flags: u32,
}

/// REMOTE_PROC_NETWORK_CREATE_XML_FLAGS (437): REPLY body (`remote_network_create_xml_flags_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkCreateXmlFlagsRet {
    pub net: NetworkRef,
}
