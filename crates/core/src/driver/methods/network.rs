//! The `NetworkDriver` method list (`virNetwork*`, `virNetworkPort*`); see the parent module
//! for the entry format.

/// Hands the `NetworkDriver` method list to `$cb!`, after the tokens given with it.
#[doc(hidden)]
#[macro_export]
macro_rules! network_driver_methods {
    ($($cb:ident)::+ ! { $($pre:tt)* }) => {
        $($cb)::+! {
            $($pre)*
            /// virConnectListAllNetworks
            [r "virConnectListAllNetworks"] fn list_all_networks(flags: u32) -> VirResult<Vec<NetworkRef>>;
            /// virNetworkLookupByName
            [r "virNetworkLookupByName"] fn network_lookup_by_name(name: &str) -> VirResult<NetworkRef>;
            /// virNetworkLookupByUUID
            [r "virNetworkLookupByUUID"] fn network_lookup_by_uuid(uuid: Uuid) -> VirResult<NetworkRef>;
            /// virNetworkDefineXMLFlags
            [wc {flags == 0} "virNetworkDefineXML" "virNetworkDefineXMLFlags"] fn network_define_xml(xml: &str, flags: u32) -> VirResult<NetworkRef>;
            /// virNetworkCreateXMLFlags
            [wc {flags == 0} "virNetworkCreateXML" "virNetworkCreateXMLFlags"] fn network_create_xml(xml: &str, flags: u32) -> VirResult<NetworkRef>;
            /// virNetworkUndefine
            [w "virNetworkUndefine"] fn network_undefine(net: &NetworkRef) -> VirResult<()>;
            /// virNetworkCreate
            [w "virNetworkCreate"] fn network_create(net: &NetworkRef) -> VirResult<()>;
            /// virNetworkDestroy
            [w "virNetworkDestroy"] fn network_destroy(net: &NetworkRef) -> VirResult<()>;
            /// virNetworkGetXMLDesc
            [r "virNetworkGetXMLDesc"] fn network_get_xml_desc(net: &NetworkRef, flags: u32) -> VirResult<String>;
            /// virNetworkGetBridgeName
            [r "virNetworkGetBridgeName"] fn network_get_bridge_name(net: &NetworkRef) -> VirResult<String>;
            /// virNetworkGetAutostart
            [r "virNetworkGetAutostart"] fn network_get_autostart(net: &NetworkRef) -> VirResult<bool>;
            /// virNetworkSetAutostart
            [w "virNetworkSetAutostart"] fn network_set_autostart(net: &NetworkRef, autostart: bool) -> VirResult<()>;
            /// virNetworkIsActive
            [r "virNetworkIsActive"] fn network_is_active(net: &NetworkRef) -> VirResult<bool>;
            /// virNetworkIsPersistent
            [r "virNetworkIsPersistent"] fn network_is_persistent(net: &NetworkRef) -> VirResult<bool>;
            /// virNetworkUpdate
            [w "virNetworkUpdate"] fn network_update(net: &NetworkRef, command: u32, section: u32, parent_index: i32, xml: &str, flags: u32) -> VirResult<()>;
            /// virNetworkGetDHCPLeases
            [r "virNetworkGetDHCPLeases"] fn network_get_dhcp_leases(net: &NetworkRef, mac: Option<String>, flags: u32) -> VirResult<Vec<NetworkDhcpLease>>;
            /// virNetworkListAllPorts
            [r "virNetworkListAllPorts"] fn network_list_all_ports(net: &NetworkRef, flags: u32) -> VirResult<Vec<NetworkPortRef>>;
            /// virNetworkPortLookupByUUID
            [r "virNetworkPortLookupByUUID"] fn network_port_lookup_by_uuid(net: &NetworkRef, uuid: Uuid) -> VirResult<NetworkPortRef>;
            /// virNetworkPortCreateXML
            [w "virNetworkPortCreateXML"] fn network_port_create_xml(net: &NetworkRef, xml: &str, flags: u32) -> VirResult<NetworkPortRef>;
            /// virNetworkPortGetXMLDesc
            [r "virNetworkPortGetXMLDesc"] fn network_port_get_xml_desc(port: &NetworkPortRef, flags: u32) -> VirResult<String>;
            /// virNetworkPortDelete
            [w "virNetworkPortDelete"] fn network_port_delete(port: &NetworkPortRef, flags: u32) -> VirResult<()>;
            /// virNetworkPortGetParameters
            [r "virNetworkPortGetParameters"] fn network_port_get_parameters(port: &NetworkPortRef, flags: u32) -> VirResult<Vec<TypedParam>>;
            /// virNetworkPortSetParameters
            [w "virNetworkPortSetParameters"] fn network_port_set_parameters(port: &NetworkPortRef, params: Vec<TypedParam>, flags: u32) -> VirResult<()>;

        }
    };
}
