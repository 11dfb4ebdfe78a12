//! Remote events: registration procedures (316/313/368/374/380) and decoding of the
//! MESSAGE frames the server sends back (`wire-protocol.md` §11).

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_core::event::{
    DomainEventKind, Event, EventBus, NetworkEventKind, NodeDeviceEventKind, SecretEventKind,
    StoragePoolEventKind,
};
use rvirt_core::typed_param::TypedParam;
use rvirt_core::{DomainRef, NetworkRef, NodeDeviceRef, SecretRef, StoragePoolRef};
use rvirt_proto::{Packet, REMOTE_PROGRAM};
use rvirt_rpc::client::EventReceiver;
use tokio::sync::mpsc;

use super::conn::RemoteConnection;
use super::procs as p;
use super::wire::{args, Ret};

/// Events delivered for one server-side registration (one callbackID).
pub type RemoteEventReceiver = mpsc::UnboundedReceiver<Event>;

/// How many events for not-yet-known callback ids are kept (an event can overtake the
/// reply to its registration between the I/O task and the caller).
const ORPHANS_MAX: usize = 256;

/// Routes decoded events to the connection's bus and to per-callback receivers.
pub(crate) struct EventRouter {
    pub(crate) bus: EventBus,
    state: Mutex<RouterState>,
}

#[derive(Default)]
struct RouterState {
    callbacks: HashMap<i32, mpsc::UnboundedSender<Event>>,
    orphans: VecDeque<(i32, Event)>,
    /// Reason of a CONNECT_EVENT_CONNECTION_CLOSED message, if one came.
    close_reason: Option<i32>,
}

impl EventRouter {
    pub(crate) fn new() -> Arc<Self> {
        Arc::new(EventRouter {
            bus: EventBus::new(),
            state: Mutex::new(RouterState::default()),
        })
    }

    /// Starts the task that decodes MESSAGE frames for this connection.
    pub(crate) fn spawn_pump(self: &Arc<Self>, mut rx: EventReceiver) {
        let router = Arc::clone(self);
        tokio::spawn(async move {
            while let Some(pkt) = rx.recv().await {
                router.handle(&pkt);
            }
            if let Ok(mut st) = router.state.lock() {
                st.callbacks.clear();
            }
        });
    }

    fn handle(&self, pkt: &Packet) {
        if pkt.header.prog == rvirt_proto::QEMU_PROGRAM {
            super::qemu_ext::route_qemu_event(self, pkt);
            return;
        }
        if pkt.header.prog != REMOTE_PROGRAM {
            tracing::debug!(prog = pkt.header.prog, "ignoring event of another program");
            return;
        }
        let Ok(mut st) = self.state.lock() else {
            return;
        };
        if pkt.header.proc_ == p::CONNECT_EVENT_CONNECTION_CLOSED {
            let mut r = Ret::new(pkt.body.clone());
            st.close_reason = r.get::<i32>().ok();
            return;
        }
        let (cb, event) = match decode_event(pkt.header.proc_, pkt.body.clone()) {
            Ok(Some(v)) => v,
            Ok(None) => return,
            Err(e) => {
                tracing::debug!(proc_ = pkt.header.proc_, error = %e, "undecodable event");
                return;
            }
        };
        self.bus.publish(event.clone());
        match st.callbacks.get(&cb) {
            Some(tx) => {
                if tx.send(event).is_err() {
                    st.callbacks.remove(&cb);
                }
            }
            None => {
                if st.orphans.len() >= ORPHANS_MAX {
                    st.orphans.pop_front();
                }
                st.orphans.push_back((cb, event));
            }
        }
    }

    fn register(&self, cb: i32) -> RemoteEventReceiver {
        let (tx, rx) = mpsc::unbounded_channel();
        if let Ok(mut st) = self.state.lock() {
            let orphans = std::mem::take(&mut st.orphans);
            for (id, ev) in orphans {
                if id == cb {
                    let _ = tx.send(ev);
                } else {
                    st.orphans.push_back((id, ev));
                }
            }
            st.callbacks.insert(cb, tx);
        }
        rx
    }

    fn unregister(&self, cb: i32) {
        if let Ok(mut st) = self.state.lock() {
            st.callbacks.remove(&cb);
        }
    }

    /// The reason code of a CONNECT_EVENT_CONNECTION_CLOSED message, if one arrived.
    pub(crate) fn close_reason(&self) -> Option<i32> {
        self.state.lock().ok().and_then(|s| s.close_reason)
    }
}

fn dom_event(dom: DomainRef, kind: DomainEventKind) -> Event {
    Event::Domain { dom, kind }
}

/// Decodes one event MESSAGE into (callbackID, event); `None` for events rvirt has no
/// representation for (GRAPHICS) or legacy procedures without a callback id.
fn decode_event(proc_: i32, body: Bytes) -> VirResult<Option<(i32, Event)>> {
    use DomainEventKind as K;
    let mut r = Ret::new(body);
    let cb: i32 = r.get()?;
    let ev = match proc_ {
        p::DOMAIN_EVENT_CALLBACK_LIFECYCLE => {
            let dom = r.get()?;
            let event = r.get()?;
            let detail = r.get()?;
            dom_event(dom, K::Lifecycle { event, detail })
        }
        p::DOMAIN_EVENT_CALLBACK_REBOOT => dom_event(r.get()?, K::Reboot),
        p::DOMAIN_EVENT_CALLBACK_RTC_CHANGE => {
            let dom = r.get()?;
            dom_event(dom, K::RtcChange { offset: r.get()? })
        }
        p::DOMAIN_EVENT_CALLBACK_WATCHDOG => {
            let dom = r.get()?;
            dom_event(dom, K::Watchdog { action: r.get()? })
        }
        p::DOMAIN_EVENT_CALLBACK_IO_ERROR | p::DOMAIN_EVENT_CALLBACK_IO_ERROR_REASON => {
            let dom = r.get()?;
            let src_path = r.get()?;
            let dev_alias = r.get()?;
            let action = r.get()?;
            let reason = if proc_ == p::DOMAIN_EVENT_CALLBACK_IO_ERROR_REASON {
                Some(r.get::<String>()?)
            } else {
                None
            };
            dom_event(
                dom,
                K::IoError {
                    src_path,
                    dev_alias,
                    action,
                    reason,
                },
            )
        }
        p::DOMAIN_EVENT_CALLBACK_CONTROL_ERROR => dom_event(r.get()?, K::ControlError),
        p::DOMAIN_EVENT_CALLBACK_BLOCK_JOB | p::DOMAIN_EVENT_BLOCK_JOB_2 => {
            let dom = r.get()?;
            let disk = r.get()?;
            let job_type = r.get()?;
            let status = r.get()?;
            dom_event(
                dom,
                K::BlockJob {
                    disk,
                    job_type,
                    status,
                    by_path: proc_ == p::DOMAIN_EVENT_CALLBACK_BLOCK_JOB,
                },
            )
        }
        p::DOMAIN_EVENT_CALLBACK_DISK_CHANGE => {
            let dom = r.get()?;
            let old_src = r.get()?;
            let new_src = r.get()?;
            let dev_alias = r.get()?;
            let reason = r.get()?;
            dom_event(
                dom,
                K::DiskChange {
                    old_src,
                    new_src,
                    dev_alias,
                    reason,
                },
            )
        }
        p::DOMAIN_EVENT_CALLBACK_TRAY_CHANGE => {
            let dom = r.get()?;
            let dev_alias = r.get()?;
            let reason = r.get()?;
            dom_event(dom, K::TrayChange { dev_alias, reason })
        }
        p::DOMAIN_EVENT_CALLBACK_PMWAKEUP => {
            let reason = r.get()?;
            dom_event(r.get()?, K::PmWakeup { reason })
        }
        p::DOMAIN_EVENT_CALLBACK_PMSUSPEND => {
            let reason = r.get()?;
            dom_event(r.get()?, K::PmSuspend { reason })
        }
        p::DOMAIN_EVENT_CALLBACK_PMSUSPEND_DISK => {
            let reason = r.get()?;
            dom_event(r.get()?, K::PmSuspendDisk { reason })
        }
        p::DOMAIN_EVENT_CALLBACK_BALLOON_CHANGE => {
            let dom = r.get()?;
            dom_event(dom, K::BalloonChange { actual: r.get()? })
        }
        p::DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED => {
            let dom = r.get()?;
            dom_event(
                dom,
                K::DeviceRemoved {
                    dev_alias: r.get()?,
                },
            )
        }
        p::DOMAIN_EVENT_CALLBACK_DEVICE_ADDED => {
            let dom = r.get()?;
            dom_event(
                dom,
                K::DeviceAdded {
                    dev_alias: r.get()?,
                },
            )
        }
        p::DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED => {
            let dom = r.get()?;
            dom_event(
                dom,
                K::DeviceRemovalFailed {
                    dev_alias: r.get()?,
                },
            )
        }
        p::DOMAIN_EVENT_CALLBACK_TUNABLE => {
            let dom = r.get()?;
            let params: Vec<TypedParam> = r.get()?;
            dom_event(dom, K::Tunable { params })
        }
        p::DOMAIN_EVENT_CALLBACK_AGENT_LIFECYCLE => {
            let dom = r.get()?;
            let state = r.get()?;
            let reason = r.get()?;
            dom_event(dom, K::AgentLifecycle { state, reason })
        }
        p::DOMAIN_EVENT_CALLBACK_MIGRATION_ITERATION => {
            let dom = r.get()?;
            dom_event(
                dom,
                K::MigrationIteration {
                    iteration: r.get()?,
                },
            )
        }
        p::DOMAIN_EVENT_CALLBACK_JOB_COMPLETED => {
            let dom = r.get()?;
            dom_event(dom, K::JobCompleted { params: r.get()? })
        }
        p::DOMAIN_EVENT_CALLBACK_METADATA_CHANGE => {
            let dom = r.get()?;
            let kind = r.get()?;
            let nsuri = r.get()?;
            dom_event(dom, K::MetadataChange { kind, nsuri })
        }
        p::DOMAIN_EVENT_BLOCK_THRESHOLD => {
            let dom = r.get()?;
            let dev = r.get()?;
            let path = r.get()?;
            let threshold = r.get()?;
            let excess = r.get()?;
            dom_event(
                dom,
                K::BlockThreshold {
                    dev,
                    path,
                    threshold,
                    excess,
                },
            )
        }
        p::DOMAIN_EVENT_MEMORY_FAILURE => {
            let dom = r.get()?;
            let recipient = r.get()?;
            let action = r.get()?;
            let flags = r.get()?;
            dom_event(
                dom,
                K::MemoryFailure {
                    recipient,
                    action,
                    flags,
                },
            )
        }
        p::DOMAIN_EVENT_MEMORY_DEVICE_SIZE_CHANGE => {
            let dom = r.get()?;
            let alias = r.get()?;
            let size = r.get()?;
            dom_event(dom, K::MemoryDeviceSizeChange { alias, size })
        }
        p::NETWORK_EVENT_LIFECYCLE => {
            let net: NetworkRef = r.get()?;
            let event = r.get()?;
            let detail = r.get()?;
            Event::Network {
                net,
                kind: NetworkEventKind::Lifecycle { event, detail },
            }
        }
        p::STORAGE_POOL_EVENT_LIFECYCLE => {
            let pool: StoragePoolRef = r.get()?;
            let event = r.get()?;
            let detail = r.get()?;
            Event::StoragePool {
                pool,
                kind: StoragePoolEventKind::Lifecycle { event, detail },
            }
        }
        p::STORAGE_POOL_EVENT_REFRESH => Event::StoragePool {
            pool: r.get()?,
            kind: StoragePoolEventKind::Refresh,
        },
        p::NODE_DEVICE_EVENT_LIFECYCLE => {
            let dev: NodeDeviceRef = r.get()?;
            let event = r.get()?;
            let detail = r.get()?;
            Event::NodeDevice {
                dev,
                kind: NodeDeviceEventKind::Lifecycle { event, detail },
            }
        }
        p::NODE_DEVICE_EVENT_UPDATE => Event::NodeDevice {
            dev: r.get()?,
            kind: NodeDeviceEventKind::Update,
        },
        p::SECRET_EVENT_LIFECYCLE => {
            let secret: SecretRef = r.get()?;
            let event = r.get()?;
            let detail = r.get()?;
            Event::Secret {
                secret,
                kind: SecretEventKind::Lifecycle { event, detail },
            }
        }
        p::SECRET_EVENT_VALUE_CHANGED => Event::Secret {
            secret: r.get()?,
            kind: SecretEventKind::ValueChanged,
        },
        // GRAPHICS has no rvirt representation; legacy (non-callback) procedures are never
        // registered by rvirt.
        _ => return Ok(None),
    };
    Ok(Some((cb, ev)))
}

/// Which object kind an event registration is for (selects the deregister procedure).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventFamily {
    Domain,
    Network,
    StoragePool,
    NodeDevice,
    Secret,
}

impl EventFamily {
    fn deregister_proc(self) -> i32 {
        match self {
            EventFamily::Domain => p::CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY,
            EventFamily::Network => p::CONNECT_NETWORK_EVENT_DEREGISTER_ANY,
            EventFamily::StoragePool => p::CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY,
            EventFamily::NodeDevice => p::CONNECT_NODE_DEVICE_EVENT_DEREGISTER_ANY,
            EventFamily::Secret => p::CONNECT_SECRET_EVENT_DEREGISTER_ANY,
        }
    }
}

fn bad_event_id(id: i32) -> VirError {
    VirError::invalid_arg(ErrorDomain::None, format!("unsupported event ID {id}"))
}

impl RemoteConnection {
    async fn register_any(&self, proc_: i32, body: Bytes) -> VirResult<(i32, RemoteEventReceiver)> {
        let mut r = self.call(proc_, body).await?;
        let cb: i32 = r.get()?;
        Ok((cb, self.router.register(cb)))
    }

    /// `virConnectDomainEventRegisterAny` (CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY, 316):
    /// registers for domain event `event_id` (see `domain_event_id`) of `dom` or of every
    /// domain; returns the server's callback id and the receiver of matching events.
    pub async fn domain_event_register_any(
        &self,
        event_id: i32,
        dom: Option<DomainRef>,
    ) -> VirResult<(i32, RemoteEventReceiver)> {
        if !(0..rvirt_core::event::domain_event_id::LAST).contains(&event_id) {
            return Err(bad_event_id(event_id));
        }
        self.register_any(
            p::CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
            args!(event_id, dom),
        )
        .await
    }

    /// `virConnectNetworkEventRegisterAny` (CONNECT_NETWORK_EVENT_REGISTER_ANY, 313).
    pub async fn network_event_register_any(
        &self,
        event_id: i32,
        net: Option<NetworkRef>,
    ) -> VirResult<(i32, RemoteEventReceiver)> {
        self.register_any(p::CONNECT_NETWORK_EVENT_REGISTER_ANY, args!(event_id, net))
            .await
    }

    /// `virConnectStoragePoolEventRegisterAny` (CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY, 368).
    pub async fn storage_pool_event_register_any(
        &self,
        event_id: i32,
        pool: Option<StoragePoolRef>,
    ) -> VirResult<(i32, RemoteEventReceiver)> {
        self.register_any(
            p::CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY,
            args!(event_id, pool),
        )
        .await
    }

    /// `virConnectNodeDeviceEventRegisterAny` (CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY, 374).
    pub async fn node_device_event_register_any(
        &self,
        event_id: i32,
        dev: Option<NodeDeviceRef>,
    ) -> VirResult<(i32, RemoteEventReceiver)> {
        self.register_any(
            p::CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY,
            args!(event_id, dev),
        )
        .await
    }

    /// `virConnectSecretEventRegisterAny` (CONNECT_SECRET_EVENT_REGISTER_ANY, 380).
    pub async fn secret_event_register_any(
        &self,
        event_id: i32,
        secret: Option<SecretRef>,
    ) -> VirResult<(i32, RemoteEventReceiver)> {
        self.register_any(
            p::CONNECT_SECRET_EVENT_REGISTER_ANY,
            args!(event_id, secret),
        )
        .await
    }

    /// `virConnect*EventDeregisterAny` for a callback id of `family`.
    pub async fn event_deregister_any(
        &self,
        family: EventFamily,
        callback_id: i32,
    ) -> VirResult<()> {
        self.router.unregister(callback_id);
        self.call0(family.deregister_proc(), args!(callback_id))
            .await
    }

    /// `virConnectDomainEventDeregisterAny` (317).
    pub async fn domain_event_deregister_any(&self, callback_id: i32) -> VirResult<()> {
        self.event_deregister_any(EventFamily::Domain, callback_id)
            .await
    }

    /// `virConnectNetworkEventDeregisterAny` (314).
    pub async fn network_event_deregister_any(&self, callback_id: i32) -> VirResult<()> {
        self.event_deregister_any(EventFamily::Network, callback_id)
            .await
    }

    /// `virConnectStoragePoolEventDeregisterAny` (369).
    pub async fn storage_pool_event_deregister_any(&self, callback_id: i32) -> VirResult<()> {
        self.event_deregister_any(EventFamily::StoragePool, callback_id)
            .await
    }

    /// `virConnectNodeDeviceEventDeregisterAny` (375).
    pub async fn node_device_event_deregister_any(&self, callback_id: i32) -> VirResult<()> {
        self.event_deregister_any(EventFamily::NodeDevice, callback_id)
            .await
    }

    /// `virConnectSecretEventDeregisterAny` (381).
    pub async fn secret_event_deregister_any(&self, callback_id: i32) -> VirResult<()> {
        self.event_deregister_any(EventFamily::Secret, callback_id)
            .await
    }

    /// The reason (`virConnectCloseReason`) the server gave in a CONNECTION_CLOSED event.
    pub fn server_close_reason(&self) -> Option<i32> {
        self.router.close_reason()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rvirt_core::Uuid;

    #[test]
    fn decodes_lifecycle_from_spec_frame() {
        // body of the proc 318 frame in wire-protocol.md §11.2
        let mut b = Vec::new();
        b.extend_from_slice(&[0, 0, 0, 0x3d, 0, 0, 0, 7]);
        b.extend_from_slice(b"wprtest\0");
        b.extend_from_slice(&[
            0x5c, 0x0b, 0x1d, 0x2e, 0x7a, 0x41, 0x4a, 0x8e, 0x9d, 0x3c, 0x2f, 0x1e, 0x0a, 0x9b,
            0x8c, 0x71,
        ]);
        b.extend_from_slice(&[0, 0, 0, 8, 0, 0, 0, 6, 0, 0, 0, 2]);
        let (cb, ev) = decode_event(318, Bytes::from(b)).unwrap().unwrap();
        assert_eq!(cb, 61);
        let Event::Domain { dom, kind } = ev else {
            panic!("not a domain event")
        };
        assert_eq!(dom.name, "wprtest");
        assert_eq!(dom.id, 8);
        assert_eq!(
            dom.uuid,
            Uuid::parse("5c0b1d2e-7a41-4a8e-9d3c-2f1e0a9b8c71").unwrap()
        );
        assert_eq!(
            kind,
            DomainEventKind::Lifecycle {
                event: 6,
                detail: 2
            }
        );
    }
}
