//! The peer connector for peer-to-peer migration: the source daemon opens the destination
//! URI with the rvirt client library (`virConnectOpen(dconnuri)` in libvirt's QEMU driver).

use async_trait::async_trait;
use rvirt::remote::{RemoteConnection, RemoteOpenOptions};
use rvirt_core::driver::{Connection, PeerConnector};
use rvirt_core::error::VirResult;
use std::sync::Arc;

/// Opens migration destinations over the remote protocol.
pub struct ClientPeer;

#[async_trait]
impl PeerConnector for ClientPeer {
    async fn connect(&self, uri: &str) -> VirResult<Arc<dyn Connection>> {
        let c = RemoteConnection::open(uri, &RemoteOpenOptions::default()).await?;
        Ok(Arc::new(c))
    }
}
