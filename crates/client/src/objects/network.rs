//! [`Network`] (`virNetworkPtr`).

use rvirt_core::error::VirResult;
use rvirt_core::{NetworkRef, Uuid};

use crate::connect::Connect;

/// A virtual network (`virNetworkPtr`).
#[derive(Debug, Clone)]
pub struct Network {
    conn: Connect,
    handle: NetworkRef,
}

impl Network {
    /// Wraps a handle returned by a driver call.
    pub fn new(conn: &Connect, handle: NetworkRef) -> Self {
        Network {
            conn: conn.clone(),
            handle,
        }
    }
    /// The wire handle.
    pub fn handle(&self) -> &NetworkRef {
        &self.handle
    }
    /// virNetworkGetName
    pub fn name(&self) -> &str {
        &self.handle.name
    }
    /// virNetworkGetUUID
    pub fn uuid(&self) -> Uuid {
        self.handle.uuid
    }
    /// virNetworkGetXMLDesc
    pub async fn xml_desc(&self, flags: u32) -> VirResult<String> {
        self.conn.network_get_xml_desc(&self.handle, flags).await
    }
    /// virNetworkGetBridgeName
    pub async fn bridge_name(&self) -> VirResult<String> {
        self.conn.network_get_bridge_name(&self.handle).await
    }
    /// virNetworkIsActive
    pub async fn is_active(&self) -> VirResult<bool> {
        self.conn.network_is_active(&self.handle).await
    }
    /// virNetworkIsPersistent
    pub async fn is_persistent(&self) -> VirResult<bool> {
        self.conn.network_is_persistent(&self.handle).await
    }
    /// virNetworkGetAutostart
    pub async fn autostart(&self) -> VirResult<bool> {
        self.conn.network_get_autostart(&self.handle).await
    }
    /// virNetworkSetAutostart
    pub async fn set_autostart(&self, on: bool) -> VirResult<()> {
        self.conn.network_set_autostart(&self.handle, on).await
    }
    /// virNetworkCreate
    pub async fn create(&self) -> VirResult<()> {
        self.conn.network_create(&self.handle).await
    }
    /// virNetworkDestroy
    pub async fn destroy(&self) -> VirResult<()> {
        self.conn.network_destroy(&self.handle).await
    }
    /// virNetworkUndefine
    pub async fn undefine(&self) -> VirResult<()> {
        self.conn.network_undefine(&self.handle).await
    }
}
