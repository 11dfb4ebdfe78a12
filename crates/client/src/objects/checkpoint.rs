//! [`DomainCheckpoint`] (`virDomainCheckpointPtr`) and the checkpoint calls on [`Domain`].

use rvirt_core::error::VirResult;
use rvirt_core::DomainCheckpointRef;

use super::domain::Domain;
use crate::connect::Connect;

impl Domain {
    /// virDomainCheckpointCreateXML
    pub async fn checkpoint_create_xml(
        &self,
        xml: &str,
        flags: u32,
    ) -> VirResult<DomainCheckpoint> {
        let conn = self.connect();
        let h = conn
            .checkpoint_create_xml(self.handle(), xml, flags)
            .await?;
        Ok(DomainCheckpoint::new(conn, h))
    }
    /// virDomainListAllCheckpoints
    pub async fn list_all_checkpoints(&self, flags: u32) -> VirResult<Vec<DomainCheckpoint>> {
        let conn = self.connect();
        let v = conn.list_all_checkpoints(self.handle(), flags).await?;
        Ok(v.into_iter()
            .map(|h| DomainCheckpoint::new(conn, h))
            .collect())
    }
    /// virDomainCheckpointLookupByName
    pub async fn checkpoint_lookup_by_name(
        &self,
        name: &str,
        flags: u32,
    ) -> VirResult<DomainCheckpoint> {
        let conn = self.connect();
        let h = conn
            .checkpoint_lookup_by_name(self.handle(), name, flags)
            .await?;
        Ok(DomainCheckpoint::new(conn, h))
    }
}

/// A domain checkpoint (`virDomainCheckpointPtr`).
#[derive(Debug, Clone)]
pub struct DomainCheckpoint {
    conn: Connect,
    handle: DomainCheckpointRef,
}

impl DomainCheckpoint {
    /// Wraps a handle returned by a driver call.
    pub fn new(conn: &Connect, handle: DomainCheckpointRef) -> Self {
        DomainCheckpoint {
            conn: conn.clone(),
            handle,
        }
    }
    /// The wire handle.
    pub fn handle(&self) -> &DomainCheckpointRef {
        &self.handle
    }
    /// virDomainCheckpointGetName
    pub fn name(&self) -> &str {
        &self.handle.name
    }
    /// virDomainCheckpointGetDomain
    pub fn domain(&self) -> Domain {
        Domain::new(&self.conn, self.handle.dom.clone())
    }
    /// virDomainCheckpointGetConnect
    pub fn connect(&self) -> &Connect {
        &self.conn
    }
    /// virDomainCheckpointGetXMLDesc
    pub async fn xml_desc(&self, flags: u32) -> VirResult<String> {
        self.conn.checkpoint_get_xml_desc(&self.handle, flags).await
    }
    /// virDomainCheckpointGetParent
    pub async fn parent(&self, flags: u32) -> VirResult<DomainCheckpoint> {
        let h = self.conn.checkpoint_get_parent(&self.handle, flags).await?;
        Ok(DomainCheckpoint::new(&self.conn, h))
    }
    /// virDomainCheckpointListAllChildren
    pub async fn list_all_children(&self, flags: u32) -> VirResult<Vec<DomainCheckpoint>> {
        let v = self
            .conn
            .checkpoint_list_all_children(&self.handle, flags)
            .await?;
        Ok(v.into_iter()
            .map(|h| DomainCheckpoint::new(&self.conn, h))
            .collect())
    }
    /// virDomainCheckpointDelete
    pub async fn delete(&self, flags: u32) -> VirResult<()> {
        self.conn.checkpoint_delete(&self.handle, flags).await
    }
}
