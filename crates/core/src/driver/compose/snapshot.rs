//! Domain snapshot APIs forwarded to the primary driver.

use super::ComposedConnection;
use crate::driver::*;
use crate::error::VirResult;
use crate::handle::*;
use async_trait::async_trait;

#[async_trait]
impl DomainSnapshotDriver for ComposedConnection {
    /// virDomainSnapshotCreateXML
    async fn snapshot_create_xml(
        &self,
        dom: &DomainRef,
        xml: &str,
        flags: u32,
    ) -> VirResult<DomainSnapshotRef> {
        self.primary.snapshot_create_xml(dom, xml, flags).await
    }

    /// virDomainSnapshotGetXMLDesc
    async fn snapshot_get_xml_desc(
        &self,
        snap: &DomainSnapshotRef,
        flags: u32,
    ) -> VirResult<String> {
        self.primary.snapshot_get_xml_desc(snap, flags).await
    }

    /// virDomainListAllSnapshots
    async fn list_all_snapshots(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<DomainSnapshotRef>> {
        self.primary.list_all_snapshots(dom, flags).await
    }

    /// virDomainSnapshotListAllChildren
    async fn snapshot_list_all_children(
        &self,
        snap: &DomainSnapshotRef,
        flags: u32,
    ) -> VirResult<Vec<DomainSnapshotRef>> {
        self.primary.snapshot_list_all_children(snap, flags).await
    }

    /// virDomainSnapshotLookupByName
    async fn snapshot_lookup_by_name(
        &self,
        dom: &DomainRef,
        name: &str,
        flags: u32,
    ) -> VirResult<DomainSnapshotRef> {
        self.primary.snapshot_lookup_by_name(dom, name, flags).await
    }

    /// virDomainHasCurrentSnapshot
    async fn has_current_snapshot(&self, dom: &DomainRef, flags: u32) -> VirResult<bool> {
        self.primary.has_current_snapshot(dom, flags).await
    }

    /// virDomainSnapshotCurrent
    async fn snapshot_current(&self, dom: &DomainRef, flags: u32) -> VirResult<DomainSnapshotRef> {
        self.primary.snapshot_current(dom, flags).await
    }

    /// virDomainSnapshotGetParent
    async fn snapshot_get_parent(
        &self,
        snap: &DomainSnapshotRef,
        flags: u32,
    ) -> VirResult<DomainSnapshotRef> {
        self.primary.snapshot_get_parent(snap, flags).await
    }

    /// virDomainSnapshotIsCurrent
    async fn snapshot_is_current(&self, snap: &DomainSnapshotRef, flags: u32) -> VirResult<bool> {
        self.primary.snapshot_is_current(snap, flags).await
    }

    /// virDomainSnapshotHasMetadata
    async fn snapshot_has_metadata(&self, snap: &DomainSnapshotRef, flags: u32) -> VirResult<bool> {
        self.primary.snapshot_has_metadata(snap, flags).await
    }

    /// virDomainRevertToSnapshot
    async fn revert_to_snapshot(&self, snap: &DomainSnapshotRef, flags: u32) -> VirResult<()> {
        self.primary.revert_to_snapshot(snap, flags).await
    }

    /// virDomainSnapshotDelete
    async fn snapshot_delete(&self, snap: &DomainSnapshotRef, flags: u32) -> VirResult<()> {
        self.primary.snapshot_delete(snap, flags).await
    }
}
