//! `DomainSnapshotDriver` over RPC.

use async_trait::async_trait;
use rvirt_core::driver::DomainSnapshotDriver;
use rvirt_core::error::VirResult;
use rvirt_core::{DomainRef, DomainSnapshotRef};

use super::conn::RemoteConnection;
use super::procs as p;
use super::wire::args;

#[async_trait]
impl DomainSnapshotDriver for RemoteConnection {
    /// virDomainSnapshotCreateXML (DOMAIN_SNAPSHOT_CREATE_XML 185)
    async fn snapshot_create_xml(
        &self,
        dom: &DomainRef,
        xml: &str,
        flags: u32,
    ) -> VirResult<DomainSnapshotRef> {
        self.call(p::DOMAIN_SNAPSHOT_CREATE_XML, args!(dom, xml, flags))
            .await?
            .get()
    }
    /// virDomainSnapshotGetXMLDesc (DOMAIN_SNAPSHOT_GET_XML_DESC 186)
    async fn snapshot_get_xml_desc(
        &self,
        snap: &DomainSnapshotRef,
        flags: u32,
    ) -> VirResult<String> {
        self.call(p::DOMAIN_SNAPSHOT_GET_XML_DESC, args!(snap, flags))
            .await?
            .get()
    }
    /// virDomainListAllSnapshots (DOMAIN_LIST_ALL_SNAPSHOTS 274)
    async fn list_all_snapshots(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<DomainSnapshotRef>> {
        self.call(p::DOMAIN_LIST_ALL_SNAPSHOTS, args!(dom, 1i32, flags))
            .await?
            .get()
    }
    /// virDomainSnapshotListAllChildren (DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN 275)
    async fn snapshot_list_all_children(
        &self,
        snap: &DomainSnapshotRef,
        flags: u32,
    ) -> VirResult<Vec<DomainSnapshotRef>> {
        self.call(
            p::DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN,
            args!(snap, 1i32, flags),
        )
        .await?
        .get()
    }
    /// virDomainSnapshotLookupByName (DOMAIN_SNAPSHOT_LOOKUP_BY_NAME 189)
    async fn snapshot_lookup_by_name(
        &self,
        dom: &DomainRef,
        name: &str,
        flags: u32,
    ) -> VirResult<DomainSnapshotRef> {
        self.call(p::DOMAIN_SNAPSHOT_LOOKUP_BY_NAME, args!(dom, name, flags))
            .await?
            .get()
    }
    /// virDomainHasCurrentSnapshot (DOMAIN_HAS_CURRENT_SNAPSHOT 190)
    async fn has_current_snapshot(&self, dom: &DomainRef, flags: u32) -> VirResult<bool> {
        self.call(p::DOMAIN_HAS_CURRENT_SNAPSHOT, args!(dom, flags))
            .await?
            .flag()
    }
    /// virDomainSnapshotCurrent (DOMAIN_SNAPSHOT_CURRENT 191)
    async fn snapshot_current(&self, dom: &DomainRef, flags: u32) -> VirResult<DomainSnapshotRef> {
        self.call(p::DOMAIN_SNAPSHOT_CURRENT, args!(dom, flags))
            .await?
            .get()
    }
    /// virDomainSnapshotGetParent (DOMAIN_SNAPSHOT_GET_PARENT 244)
    async fn snapshot_get_parent(
        &self,
        snap: &DomainSnapshotRef,
        flags: u32,
    ) -> VirResult<DomainSnapshotRef> {
        self.call(p::DOMAIN_SNAPSHOT_GET_PARENT, args!(snap, flags))
            .await?
            .get()
    }
    /// virDomainSnapshotIsCurrent (DOMAIN_SNAPSHOT_IS_CURRENT 271)
    async fn snapshot_is_current(&self, snap: &DomainSnapshotRef, flags: u32) -> VirResult<bool> {
        self.call(p::DOMAIN_SNAPSHOT_IS_CURRENT, args!(snap, flags))
            .await?
            .flag()
    }
    /// virDomainSnapshotHasMetadata (DOMAIN_SNAPSHOT_HAS_METADATA 272)
    async fn snapshot_has_metadata(&self, snap: &DomainSnapshotRef, flags: u32) -> VirResult<bool> {
        self.call(p::DOMAIN_SNAPSHOT_HAS_METADATA, args!(snap, flags))
            .await?
            .flag()
    }
    /// virDomainRevertToSnapshot (DOMAIN_REVERT_TO_SNAPSHOT 192)
    async fn revert_to_snapshot(&self, snap: &DomainSnapshotRef, flags: u32) -> VirResult<()> {
        self.call0(p::DOMAIN_REVERT_TO_SNAPSHOT, args!(snap, flags))
            .await
    }
    /// virDomainSnapshotDelete (DOMAIN_SNAPSHOT_DELETE 193)
    async fn snapshot_delete(&self, snap: &DomainSnapshotRef, flags: u32) -> VirResult<()> {
        self.call0(p::DOMAIN_SNAPSHOT_DELETE, args!(snap, flags))
            .await
    }
}
