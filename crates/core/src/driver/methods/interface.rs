//! The `InterfaceDriver` method list (`virInterface*`); see the parent module for the entry format.

/// Hands the `InterfaceDriver` method list to `$cb!`, after the tokens given with it.
#[doc(hidden)]
#[macro_export]
macro_rules! interface_driver_methods {
    ($($cb:ident)::+ ! { $($pre:tt)* }) => {
        $($cb)::+! {
            $($pre)*
            /// virConnectListAllInterfaces
            [r "virConnectListAllInterfaces"] fn list_all_interfaces(flags: u32) -> VirResult<Vec<InterfaceRef>>;
            /// virInterfaceLookupByName
            [r "virInterfaceLookupByName"] fn interface_lookup_by_name(name: &str) -> VirResult<InterfaceRef>;
            /// virInterfaceLookupByMACString
            [r "virInterfaceLookupByMACString"] fn interface_lookup_by_mac(mac: &str) -> VirResult<InterfaceRef>;
            /// virInterfaceGetXMLDesc
            [r "virInterfaceGetXMLDesc"] fn interface_get_xml_desc(iface: &InterfaceRef, flags: u32) -> VirResult<String>;
            /// virInterfaceDefineXML
            [w "virInterfaceDefineXML"] fn interface_define_xml(xml: &str, flags: u32) -> VirResult<InterfaceRef>;
            /// virInterfaceUndefine
            [w "virInterfaceUndefine"] fn interface_undefine(iface: &InterfaceRef) -> VirResult<()>;
            /// virInterfaceCreate
            [w "virInterfaceCreate"] fn interface_create(iface: &InterfaceRef, flags: u32) -> VirResult<()>;
            /// virInterfaceDestroy
            [w "virInterfaceDestroy"] fn interface_destroy(iface: &InterfaceRef, flags: u32) -> VirResult<()>;
            /// virInterfaceIsActive
            [r "virInterfaceIsActive"] fn interface_is_active(iface: &InterfaceRef) -> VirResult<bool>;
            /// virInterfaceChangeBegin
            [w "virInterfaceChangeBegin"] fn interface_change_begin(flags: u32) -> VirResult<()>;
            /// virInterfaceChangeCommit
            [w "virInterfaceChangeCommit"] fn interface_change_commit(flags: u32) -> VirResult<()>;
            /// virInterfaceChangeRollback
            [w "virInterfaceChangeRollback"] fn interface_change_rollback(flags: u32) -> VirResult<()>;

        }
    };
}
