//! [`Interface`], [`NodeDevice`] and [`Secret`].

use rvirt_core::error::VirResult;
use rvirt_core::{InterfaceRef, NodeDeviceRef, SecretRef, Uuid};

use crate::connect::Connect;

/// A host interface (`virInterfacePtr`).
#[derive(Debug, Clone)]
pub struct Interface {
    conn: Connect,
    handle: InterfaceRef,
}

impl Interface {
    /// Wraps a handle returned by a driver call.
    pub fn new(conn: &Connect, handle: InterfaceRef) -> Self {
        Interface {
            conn: conn.clone(),
            handle,
        }
    }
    /// The wire handle.
    pub fn handle(&self) -> &InterfaceRef {
        &self.handle
    }
    /// virInterfaceGetName
    pub fn name(&self) -> &str {
        &self.handle.name
    }
    /// virInterfaceGetMACString
    pub fn mac(&self) -> &str {
        &self.handle.mac
    }
    /// virInterfaceGetXMLDesc
    pub async fn xml_desc(&self, flags: u32) -> VirResult<String> {
        self.conn.interface_get_xml_desc(&self.handle, flags).await
    }
    /// virInterfaceIsActive
    pub async fn is_active(&self) -> VirResult<bool> {
        self.conn.interface_is_active(&self.handle).await
    }
    /// virInterfaceCreate
    pub async fn create(&self) -> VirResult<()> {
        self.conn.interface_create(&self.handle, 0).await
    }
    /// virInterfaceDestroy
    pub async fn destroy(&self) -> VirResult<()> {
        self.conn.interface_destroy(&self.handle, 0).await
    }
    /// virInterfaceUndefine
    pub async fn undefine(&self) -> VirResult<()> {
        self.conn.interface_undefine(&self.handle).await
    }
}

/// A host device (`virNodeDevicePtr`).
#[derive(Debug, Clone)]
pub struct NodeDevice {
    conn: Connect,
    handle: NodeDeviceRef,
}

impl NodeDevice {
    /// Wraps a handle returned by a driver call.
    pub fn new(conn: &Connect, handle: NodeDeviceRef) -> Self {
        NodeDevice {
            conn: conn.clone(),
            handle,
        }
    }
    /// The wire handle.
    pub fn handle(&self) -> &NodeDeviceRef {
        &self.handle
    }
    /// virNodeDeviceGetName
    pub fn name(&self) -> &str {
        &self.handle.name
    }
    /// virNodeDeviceGetXMLDesc
    pub async fn xml_desc(&self, flags: u32) -> VirResult<String> {
        self.conn
            .node_device_get_xml_desc(&self.handle, flags)
            .await
    }
    /// virNodeDeviceGetParent
    pub async fn parent(&self) -> VirResult<Option<String>> {
        self.conn.node_device_get_parent(&self.handle).await
    }
    /// virNodeDeviceListCaps
    pub async fn list_caps(&self) -> VirResult<Vec<String>> {
        self.conn.node_device_list_caps(&self.handle).await
    }
    /// virNodeDeviceDestroy
    pub async fn destroy(&self) -> VirResult<()> {
        self.conn.node_device_destroy(&self.handle).await
    }
}

/// A secret (`virSecretPtr`).
#[derive(Debug, Clone)]
pub struct Secret {
    conn: Connect,
    handle: SecretRef,
}

impl Secret {
    /// Wraps a handle returned by a driver call.
    pub fn new(conn: &Connect, handle: SecretRef) -> Self {
        Secret {
            conn: conn.clone(),
            handle,
        }
    }
    /// The wire handle.
    pub fn handle(&self) -> &SecretRef {
        &self.handle
    }
    /// virSecretGetUUID
    pub fn uuid(&self) -> Uuid {
        self.handle.uuid
    }
    /// virSecretGetUsageType
    pub fn usage_type(&self) -> i32 {
        self.handle.usage_type
    }
    /// virSecretGetUsageID
    pub fn usage_id(&self) -> &str {
        &self.handle.usage_id
    }
    /// virSecretGetXMLDesc
    pub async fn xml_desc(&self, flags: u32) -> VirResult<String> {
        self.conn.secret_get_xml_desc(&self.handle, flags).await
    }
    /// virSecretSetValue
    pub async fn set_value(&self, value: &[u8]) -> VirResult<()> {
        self.conn
            .secret_set_value(&self.handle, value.to_vec(), 0)
            .await
    }
    /// virSecretGetValue
    pub async fn value(&self) -> VirResult<Vec<u8>> {
        self.conn.secret_get_value(&self.handle, 0).await
    }
    /// virSecretUndefine
    pub async fn undefine(&self) -> VirResult<()> {
        self.conn.secret_undefine(&self.handle).await
    }
}
