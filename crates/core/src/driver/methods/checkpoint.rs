//! The `DomainCheckpointDriver` method list (`virDomainCheckpoint*`); see the parent module
//! for the entry format.

/// Hands the `DomainCheckpointDriver` method list to `$cb!`, after the tokens given with it.
#[doc(hidden)]
#[macro_export]
macro_rules! checkpoint_driver_methods {
    ($($cb:ident)::+ ! { $($pre:tt)* }) => {
        $($cb)::+! {
            $($pre)*
            /// virDomainCheckpointCreateXML
            [w "virDomainCheckpointCreateXML"] fn checkpoint_create_xml(dom: &DomainRef, xml: &str, flags: u32) -> VirResult<DomainCheckpointRef>;
            /// virDomainCheckpointGetXMLDesc
            [s flags "virDomainCheckpointGetXMLDesc"] fn checkpoint_get_xml_desc(cp: &DomainCheckpointRef, flags: u32) -> VirResult<String>;
            /// virDomainListAllCheckpoints
            [r "virDomainListAllCheckpoints"] fn list_all_checkpoints(dom: &DomainRef, flags: u32) -> VirResult<Vec<DomainCheckpointRef>>;
            /// virDomainCheckpointListAllChildren
            [r "virDomainCheckpointListAllChildren"] fn checkpoint_list_all_children(cp: &DomainCheckpointRef, flags: u32) -> VirResult<Vec<DomainCheckpointRef>>;
            /// virDomainCheckpointLookupByName
            [r "virDomainCheckpointLookupByName"] fn checkpoint_lookup_by_name(dom: &DomainRef, name: &str, flags: u32) -> VirResult<DomainCheckpointRef>;
            /// virDomainCheckpointGetParent
            [r "virDomainCheckpointGetParent"] fn checkpoint_get_parent(cp: &DomainCheckpointRef, flags: u32) -> VirResult<DomainCheckpointRef>;
            /// virDomainCheckpointDelete
            [w "virDomainCheckpointDelete"] fn checkpoint_delete(cp: &DomainCheckpointRef, flags: u32) -> VirResult<()>;
        }
    };
}
