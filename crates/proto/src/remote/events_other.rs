//! Network, storage pool, node device, secret and connection-closed event messages
//! (`wire-protocol.md` §11.2).

use rvirt_core::{NetworkRef, NodeDeviceRef, SecretRef, StoragePoolRef};
use rvirt_xdr::Xdr;

/// REMOTE_PROC_NETWORK_EVENT_LIFECYCLE (315): MESSAGE body (`remote_network_event_lifecycle_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NetworkEventLifecycleMsg {
    pub callback_id: i32,
    pub net: NetworkRef,
    pub event: i32,
    pub detail: i32,
}

/// REMOTE_PROC_CONNECT_EVENT_CONNECTION_CLOSED (362): MESSAGE body
/// (`remote_connect_event_connection_closed_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectEventConnectionClosedMsg {
    pub reason: i32,
}

/// REMOTE_PROC_STORAGE_POOL_EVENT_LIFECYCLE (370): MESSAGE body
/// (`remote_storage_pool_event_lifecycle_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolEventLifecycleMsg {
    pub callback_id: i32,
    pub pool: StoragePoolRef,
    pub event: i32,
    pub detail: i32,
}

/// REMOTE_PROC_STORAGE_POOL_EVENT_REFRESH (373): MESSAGE body
/// (`remote_storage_pool_event_refresh_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolEventRefreshMsg {
    pub callback_id: i32,
    pub pool: StoragePoolRef,
}

/// REMOTE_PROC_NODE_DEVICE_EVENT_LIFECYCLE (376): MESSAGE body
/// (`remote_node_device_event_lifecycle_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceEventLifecycleMsg {
    pub callback_id: i32,
    pub dev: NodeDeviceRef,
    pub event: i32,
    pub detail: i32,
}

/// REMOTE_PROC_NODE_DEVICE_EVENT_UPDATE (377): MESSAGE body
/// (`remote_node_device_event_update_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeDeviceEventUpdateMsg {
    pub callback_id: i32,
    pub dev: NodeDeviceRef,
}

/// REMOTE_PROC_SECRET_EVENT_LIFECYCLE (382): MESSAGE body (`remote_secret_event_lifecycle_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct SecretEventLifecycleMsg {
    pub callback_id: i32,
    pub secret: SecretRef,
    pub event: i32,
    pub detail: i32,
}

/// REMOTE_PROC_SECRET_EVENT_VALUE_CHANGED (383): MESSAGE body
/// (`remote_secret_event_value_changed_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct SecretEventValueChangedMsg {
    pub callback_id: i32,
    pub secret: SecretRef,
}
