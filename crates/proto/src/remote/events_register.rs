//! Event callback registration and deregistration procedures (`wire-protocol.md` §11.1).

use rvirt_core::{DomainRef, NetworkRef, NodeDeviceRef, SecretRef, StoragePoolRef};
use rvirt_xdr::Xdr;

/// REMOTE_PROC_CONNECT_DOMAIN_EVENT_REGISTER (105): REPLY body
/// (`remote_connect_domain_event_register_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectDomainEventRegisterRet {
    pub cb_registered: i32,
}

/// REMOTE_PROC_CONNECT_DOMAIN_EVENT_DEREGISTER (106): REPLY body
/// (`remote_connect_domain_event_deregister_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectDomainEventDeregisterRet {
    pub cb_registered: i32,
}

/// REMOTE_PROC_CONNECT_DOMAIN_EVENT_REGISTER_ANY (167): CALL body
/// (`remote_connect_domain_event_register_any_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectDomainEventRegisterAnyArgs {
    pub event_id: i32,
}

/// REMOTE_PROC_CONNECT_DOMAIN_EVENT_DEREGISTER_ANY (168): CALL body
/// (`remote_connect_domain_event_deregister_any_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectDomainEventDeregisterAnyArgs {
    pub event_id: i32,
}

/// REMOTE_PROC_CONNECT_NETWORK_EVENT_REGISTER_ANY (313): CALL body
/// (`remote_connect_network_event_register_any_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectNetworkEventRegisterAnyArgs {
    pub event_id: i32,
    pub net: Option<NetworkRef>,
}

/// REMOTE_PROC_CONNECT_NETWORK_EVENT_REGISTER_ANY (313): REPLY body
/// (`remote_connect_network_event_register_any_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectNetworkEventRegisterAnyRet {
    pub callback_id: i32,
}

/// REMOTE_PROC_CONNECT_NETWORK_EVENT_DEREGISTER_ANY (314): CALL body
/// (`remote_connect_network_event_deregister_any_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectNetworkEventDeregisterAnyArgs {
    pub callback_id: i32,
}

/// REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY (316): CALL body
/// (`remote_connect_domain_event_callback_register_any_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectDomainEventCallbackRegisterAnyArgs {
    pub event_id: i32,
    pub dom: Option<DomainRef>,
}

/// REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY (316): REPLY body
/// (`remote_connect_domain_event_callback_register_any_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectDomainEventCallbackRegisterAnyRet {
    pub callback_id: i32,
}

/// REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY (317): CALL body
/// (`remote_connect_domain_event_callback_deregister_any_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectDomainEventCallbackDeregisterAnyArgs {
    pub callback_id: i32,
}

/// REMOTE_PROC_CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY (368): CALL body
/// (`remote_connect_storage_pool_event_register_any_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectStoragePoolEventRegisterAnyArgs {
    pub event_id: i32,
    pub pool: Option<StoragePoolRef>,
}

/// REMOTE_PROC_CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY (368): REPLY body
/// (`remote_connect_storage_pool_event_register_any_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectStoragePoolEventRegisterAnyRet {
    pub callback_id: i32,
}

/// REMOTE_PROC_CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY (369): CALL body
/// (`remote_connect_storage_pool_event_deregister_any_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectStoragePoolEventDeregisterAnyArgs {
    pub callback_id: i32,
}

/// REMOTE_PROC_CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY (374): CALL body
/// (`remote_connect_node_device_event_register_any_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectNodeDeviceEventRegisterAnyArgs {
    pub event_id: i32,
    pub dev: Option<NodeDeviceRef>,
}

/// REMOTE_PROC_CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY (374): REPLY body
/// (`remote_connect_node_device_event_register_any_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectNodeDeviceEventRegisterAnyRet {
    pub callback_id: i32,
}

/// REMOTE_PROC_CONNECT_NODE_DEVICE_EVENT_DEREGISTER_ANY (375): CALL body
/// (`remote_connect_node_device_event_deregister_any_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectNodeDeviceEventDeregisterAnyArgs {
    pub callback_id: i32,
}

/// REMOTE_PROC_CONNECT_SECRET_EVENT_REGISTER_ANY (380): CALL body
/// (`remote_connect_secret_event_register_any_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectSecretEventRegisterAnyArgs {
    pub event_id: i32,
    pub secret: Option<SecretRef>,
}

/// REMOTE_PROC_CONNECT_SECRET_EVENT_REGISTER_ANY (380): REPLY body
/// (`remote_connect_secret_event_register_any_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectSecretEventRegisterAnyRet {
    pub callback_id: i32,
}

/// REMOTE_PROC_CONNECT_SECRET_EVENT_DEREGISTER_ANY (381): CALL body
/// (`remote_connect_secret_event_deregister_any_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectSecretEventDeregisterAnyArgs {
    pub callback_id: i32,
}
