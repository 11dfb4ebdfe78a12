//! `DomainCheckpointDriver` over RPC.

use async_trait::async_trait;
use rvirt_core::driver::DomainCheckpointDriver;
use rvirt_core::error::VirResult;
use rvirt_core::{DomainCheckpointRef, DomainRef};

use super::conn::RemoteConnection;
use super::procs as p;
use super::wire::args;

#[async_trait]
impl DomainCheckpointDriver for RemoteConnection {
    /// virDomainCheckpointCreateXML (DOMAIN_CHECKPOINT_CREATE_XML 411)
    async fn checkpoint_create_xml(
        &self,
        dom: &DomainRef,
        xml: &str,
        flags: u32,
    ) -> VirResult<DomainCheckpointRef> {
        self.call(p::DOMAIN_CHECKPOINT_CREATE_XML, args!(dom, xml, flags))
            .await?
            .get()
    }
    /// virDomainCheckpointGetXMLDesc (DOMAIN_CHECKPOINT_GET_XML_DESC 412)
    async fn checkpoint_get_xml_desc(
        &self,
        cp: &DomainCheckpointRef,
        flags: u32,
    ) -> VirResult<String> {
        self.call(p::DOMAIN_CHECKPOINT_GET_XML_DESC, args!(cp, flags))
            .await?
            .get()
    }
    /// virDomainListAllCheckpoints (DOMAIN_LIST_ALL_CHECKPOINTS 413)
    async fn list_all_checkpoints(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<DomainCheckpointRef>> {
        self.call(p::DOMAIN_LIST_ALL_CHECKPOINTS, args!(dom, 1i32, flags))
            .await?
            .get()
    }
    /// virDomainCheckpointListAllChildren (DOMAIN_CHECKPOINT_LIST_ALL_CHILDREN 414)
    async fn checkpoint_list_all_children(
        &self,
        cp: &DomainCheckpointRef,
        flags: u32,
    ) -> VirResult<Vec<DomainCheckpointRef>> {
        self.call(
            p::DOMAIN_CHECKPOINT_LIST_ALL_CHILDREN,
            args!(cp, 1i32, flags),
        )
        .await?
        .get()
    }
    /// virDomainCheckpointLookupByName (DOMAIN_CHECKPOINT_LOOKUP_BY_NAME 415)
    async fn checkpoint_lookup_by_name(
        &self,
        dom: &DomainRef,
        name: &str,
        flags: u32,
    ) -> VirResult<DomainCheckpointRef> {
        self.call(p::DOMAIN_CHECKPOINT_LOOKUP_BY_NAME, args!(dom, name, flags))
            .await?
            .get()
    }
    /// virDomainCheckpointGetParent (DOMAIN_CHECKPOINT_GET_PARENT 416)
    async fn checkpoint_get_parent(
        &self,
        cp: &DomainCheckpointRef,
        flags: u32,
    ) -> VirResult<DomainCheckpointRef> {
        self.call(p::DOMAIN_CHECKPOINT_GET_PARENT, args!(cp, flags))
            .await?
            .get()
    }
    /// virDomainCheckpointDelete (DOMAIN_CHECKPOINT_DELETE 417)
    async fn checkpoint_delete(&self, cp: &DomainCheckpointRef, flags: u32) -> VirResult<()> {
        self.call0(p::DOMAIN_CHECKPOINT_DELETE, args!(cp, flags))
            .await
    }
}
