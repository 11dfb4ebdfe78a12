//! The `DomainSnapshotDriver` method list (`virDomainSnapshot*`); see the parent module for
//! the entry format.

/// Hands the `DomainSnapshotDriver` method list to `$cb!`, after the tokens given with it.
#[doc(hidden)]
#[macro_export]
macro_rules! snapshot_driver_methods {
    ($($cb:ident)::+ ! { $($pre:tt)* }) => {
        $($cb)::+! {
            $($pre)*
            /// virDomainSnapshotCreateXML
            [w "virDomainSnapshotCreateXML"] fn snapshot_create_xml(dom: &DomainRef, xml: &str, flags: u32) -> VirResult<DomainSnapshotRef>;
            /// virDomainSnapshotGetXMLDesc
            [s flags "virDomainSnapshotGetXMLDesc"] fn snapshot_get_xml_desc(snap: &DomainSnapshotRef, flags: u32) -> VirResult<String>;
            /// virDomainListAllSnapshots
            [r "virDomainListAllSnapshots"] fn list_all_snapshots(dom: &DomainRef, flags: u32) -> VirResult<Vec<DomainSnapshotRef>>;
            /// virDomainSnapshotListAllChildren
            [r "virDomainSnapshotListAllChildren"] fn snapshot_list_all_children(snap: &DomainSnapshotRef, flags: u32) -> VirResult<Vec<DomainSnapshotRef>>;
            /// virDomainSnapshotLookupByName
            [r "virDomainSnapshotLookupByName"] fn snapshot_lookup_by_name(dom: &DomainRef, name: &str, flags: u32) -> VirResult<DomainSnapshotRef>;
            /// virDomainHasCurrentSnapshot
            [r "virDomainHasCurrentSnapshot"] fn has_current_snapshot(dom: &DomainRef, flags: u32) -> VirResult<bool>;
            /// virDomainSnapshotCurrent
            [r "virDomainSnapshotCurrent"] fn snapshot_current(dom: &DomainRef, flags: u32) -> VirResult<DomainSnapshotRef>;
            /// virDomainSnapshotGetParent
            [r "virDomainSnapshotGetParent"] fn snapshot_get_parent(snap: &DomainSnapshotRef, flags: u32) -> VirResult<DomainSnapshotRef>;
            /// virDomainSnapshotIsCurrent
            [r "virDomainSnapshotIsCurrent"] fn snapshot_is_current(snap: &DomainSnapshotRef, flags: u32) -> VirResult<bool>;
            /// virDomainSnapshotHasMetadata
            [r "virDomainSnapshotHasMetadata"] fn snapshot_has_metadata(snap: &DomainSnapshotRef, flags: u32) -> VirResult<bool>;
            /// virDomainRevertToSnapshot
            [w "virDomainRevertToSnapshot"] fn revert_to_snapshot(snap: &DomainSnapshotRef, flags: u32) -> VirResult<()>;
            /// virDomainSnapshotDelete
            [w "virDomainSnapshotDelete"] fn snapshot_delete(snap: &DomainSnapshotRef, flags: u32) -> VirResult<()>;

        }
    };
}
