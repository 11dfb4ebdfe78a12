//! Domain snapshot APIs (`virDomainSnapshot*`).

use crate::error::VirResult;
use crate::handle::{DomainRef, DomainSnapshotRef};
use crate::unsupported;
use async_trait::async_trait;

#[async_trait]
pub trait DomainSnapshotDriver: Send + Sync {
    /// virDomainSnapshotCreateXML
    async fn snapshot_create_xml(
        &self,
        _dom: &DomainRef,
        _xml: &str,
        _flags: u32,
    ) -> VirResult<DomainSnapshotRef> {
        unsupported!(DomainSnapshot, "virDomainSnapshotCreateXML")
    }
    /// virDomainSnapshotGetXMLDesc
    async fn snapshot_get_xml_desc(
        &self,
        _snap: &DomainSnapshotRef,
        _flags: u32,
    ) -> VirResult<String> {
        unsupported!(DomainSnapshot, "virDomainSnapshotGetXMLDesc")
    }
    /// virDomainListAllSnapshots
    async fn list_all_snapshots(
        &self,
        _dom: &DomainRef,
        _flags: u32,
    ) -> VirResult<Vec<DomainSnapshotRef>> {
        unsupported!(DomainSnapshot, "virDomainListAllSnapshots")
    }
    /// virDomainSnapshotListAllChildren
    async fn snapshot_list_all_children(
        &self,
        _snap: &DomainSnapshotRef,
        _flags: u32,
    ) -> VirResult<Vec<DomainSnapshotRef>> {
        unsupported!(DomainSnapshot, "virDomainSnapshotListAllChildren")
    }
    /// virDomainSnapshotLookupByName
    async fn snapshot_lookup_by_name(
        &self,
        _dom: &DomainRef,
        _name: &str,
        _flags: u32,
    ) -> VirResult<DomainSnapshotRef> {
        unsupported!(DomainSnapshot, "virDomainSnapshotLookupByName")
    }
    /// virDomainHasCurrentSnapshot
    async fn has_current_snapshot(&self, _dom: &DomainRef, _flags: u32) -> VirResult<bool> {
        unsupported!(DomainSnapshot, "virDomainHasCurrentSnapshot")
    }
    /// virDomainSnapshotCurrent
    async fn snapshot_current(
        &self,
        _dom: &DomainRef,
        _flags: u32,
    ) -> VirResult<DomainSnapshotRef> {
        unsupported!(DomainSnapshot, "virDomainSnapshotCurrent")
    }
    /// virDomainSnapshotGetParent
    async fn snapshot_get_parent(
        &self,
        _snap: &DomainSnapshotRef,
        _flags: u32,
    ) -> VirResult<DomainSnapshotRef> {
        unsupported!(DomainSnapshot, "virDomainSnapshotGetParent")
    }
    /// virDomainSnapshotIsCurrent
    async fn snapshot_is_current(&self, _snap: &DomainSnapshotRef, _flags: u32) -> VirResult<bool> {
        unsupported!(DomainSnapshot, "virDomainSnapshotIsCurrent")
    }
    /// virDomainSnapshotHasMetadata
    async fn snapshot_has_metadata(
        &self,
        _snap: &DomainSnapshotRef,
        _flags: u32,
    ) -> VirResult<bool> {
        unsupported!(DomainSnapshot, "virDomainSnapshotHasMetadata")
    }
    /// virDomainRevertToSnapshot
    async fn revert_to_snapshot(&self, _snap: &DomainSnapshotRef, _flags: u32) -> VirResult<()> {
        unsupported!(DomainSnapshot, "virDomainRevertToSnapshot")
    }
    /// virDomainSnapshotDelete
    async fn snapshot_delete(&self, _snap: &DomainSnapshotRef, _flags: u32) -> VirResult<()> {
        unsupported!(DomainSnapshot, "virDomainSnapshotDelete")
    }
}
