//! The `NodeDeviceDriver` method list (`virNodeDevice*`); see the parent module for the entry format.

/// Hands the `NodeDeviceDriver` method list to `$cb!`, after the tokens given with it.
#[doc(hidden)]
#[macro_export]
macro_rules! nodedev_driver_methods {
    ($($cb:ident)::+ ! { $($pre:tt)* }) => {
        $($cb)::+! {
            $($pre)*
            /// virConnectListAllNodeDevices
            [r "virConnectListAllNodeDevices"] fn list_all_node_devices(flags: u32) -> VirResult<Vec<NodeDeviceRef>>;
            /// virNodeListDevices (names, optionally only those with capability `cap`)
            [r "virNodeListDevices"] fn node_list_devices(cap: Option<String>, flags: u32) -> VirResult<Vec<String>>;
            /// virNodeDeviceLookupByName
            [r "virNodeDeviceLookupByName"] fn node_device_lookup_by_name(name: &str) -> VirResult<NodeDeviceRef>;
            /// virNodeDeviceLookupSCSIHostByWWN
            [r "virNodeDeviceLookupSCSIHostByWWN"] fn node_device_lookup_scsi_host_by_wwn(wwnn: &str, wwpn: &str, flags: u32) -> VirResult<NodeDeviceRef>;
            /// virNodeDeviceGetXMLDesc
            [r "virNodeDeviceGetXMLDesc"] fn node_device_get_xml_desc(dev: &NodeDeviceRef, flags: u32) -> VirResult<String>;
            /// virNodeDeviceGetParent
            [r "virNodeDeviceGetParent"] fn node_device_get_parent(dev: &NodeDeviceRef) -> VirResult<Option<String>>;
            /// virNodeDeviceListCaps
            [r "virNodeDeviceListCaps"] fn node_device_list_caps(dev: &NodeDeviceRef) -> VirResult<Vec<String>>;
            /// virNodeDeviceCreateXML
            [w "virNodeDeviceCreateXML"] fn node_device_create_xml(xml: &str, flags: u32) -> VirResult<NodeDeviceRef>;
            /// virNodeDeviceDefineXML
            [w "virNodeDeviceDefineXML"] fn node_device_define_xml(xml: &str, flags: u32) -> VirResult<NodeDeviceRef>;
            /// virNodeDeviceDestroy
            [w "virNodeDeviceDestroy"] fn node_device_destroy(dev: &NodeDeviceRef) -> VirResult<()>;
            /// virNodeDeviceUndefine
            [w "virNodeDeviceUndefine"] fn node_device_undefine(dev: &NodeDeviceRef, flags: u32) -> VirResult<()>;
            /// virNodeDeviceCreate
            [w "virNodeDeviceCreate"] fn node_device_create(dev: &NodeDeviceRef, flags: u32) -> VirResult<()>;
            /// virNodeDeviceIsActive
            [r "virNodeDeviceIsActive"] fn node_device_is_active(dev: &NodeDeviceRef) -> VirResult<bool>;
            /// virNodeDeviceIsPersistent
            [r "virNodeDeviceIsPersistent"] fn node_device_is_persistent(dev: &NodeDeviceRef) -> VirResult<bool>;
            /// virNodeDeviceGetAutostart
            [r "virNodeDeviceGetAutostart"] fn node_device_get_autostart(dev: &NodeDeviceRef) -> VirResult<bool>;
            /// virNodeDeviceSetAutostart
            [w "virNodeDeviceSetAutostart"] fn node_device_set_autostart(dev: &NodeDeviceRef, autostart: bool) -> VirResult<()>;
            /// virNodeDeviceDetachFlags
            [w "virNodeDeviceDetachFlags"] fn node_device_detach(dev: &NodeDeviceRef, driver: Option<String>, flags: u32) -> VirResult<()>;
            /// virNodeDeviceReAttach
            [w "virNodeDeviceReAttach"] fn node_device_reattach(dev: &NodeDeviceRef) -> VirResult<()>;
            /// virNodeDeviceReset
            [w "virNodeDeviceReset"] fn node_device_reset(dev: &NodeDeviceRef) -> VirResult<()>;

        }
    };
}
