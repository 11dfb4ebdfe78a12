//! The `NWFilterDriver` method list (`virNWFilter*`, `virNWFilterBinding*`); see the parent
//! module for the entry format.

/// Hands the `NWFilterDriver` method list to `$cb!`, after the tokens given with it.
#[doc(hidden)]
#[macro_export]
macro_rules! nwfilter_driver_methods {
    ($($cb:ident)::+ ! { $($pre:tt)* }) => {
        $($cb)::+! {
            $($pre)*
            /// virConnectNumOfNWFilters
            [r "virConnectNumOfNWFilters"] fn num_of_nwfilters() -> VirResult<i32>;
            /// virConnectListNWFilters
            [r "virConnectListNWFilters"] fn list_nwfilters(maxnames: i32) -> VirResult<Vec<String>>;
            /// virConnectListAllNWFilters
            [r "virConnectListAllNWFilters"] fn list_all_nwfilters(flags: u32) -> VirResult<Vec<NwFilterRef>>;
            /// virNWFilterLookupByName
            [r "virNWFilterLookupByName"] fn nwfilter_lookup_by_name(name: &str) -> VirResult<NwFilterRef>;
            /// virNWFilterLookupByUUID
            [r "virNWFilterLookupByUUID"] fn nwfilter_lookup_by_uuid(uuid: Uuid) -> VirResult<NwFilterRef>;
            /// virNWFilterDefineXMLFlags (virNWFilterDefineXML when no flags are given)
            [wc {flags == 0} "virNWFilterDefineXML" "virNWFilterDefineXMLFlags"] fn nwfilter_define_xml(xml: &str, flags: u32) -> VirResult<NwFilterRef>;
            /// virNWFilterUndefine
            [w "virNWFilterUndefine"] fn nwfilter_undefine(filter: &NwFilterRef) -> VirResult<()>;
            /// virNWFilterGetXMLDesc
            [r "virNWFilterGetXMLDesc"] fn nwfilter_get_xml_desc(filter: &NwFilterRef, flags: u32) -> VirResult<String>;
            /// virConnectListAllNWFilterBindings
            [r "virConnectListAllNWFilterBindings"] fn list_all_nwfilter_bindings(flags: u32) -> VirResult<Vec<NwFilterBindingRef>>;
            /// virNWFilterBindingLookupByPortDev
            [r "virNWFilterBindingLookupByPortDev"] fn nwfilter_binding_lookup_by_port_dev(portdev: &str) -> VirResult<NwFilterBindingRef>;
            /// virNWFilterBindingCreateXML
            [w "virNWFilterBindingCreateXML"] fn nwfilter_binding_create_xml(xml: &str, flags: u32) -> VirResult<NwFilterBindingRef>;
            /// virNWFilterBindingDelete
            [w "virNWFilterBindingDelete"] fn nwfilter_binding_delete(binding: &NwFilterBindingRef) -> VirResult<()>;
            /// virNWFilterBindingGetXMLDesc
            [r "virNWFilterBindingGetXMLDesc"] fn nwfilter_binding_get_xml_desc(binding: &NwFilterBindingRef, flags: u32) -> VirResult<String>;
        }
    };
}
