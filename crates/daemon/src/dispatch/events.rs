//! Event registration procedures and delivery (`wire-protocol.md` §11): each registration
//! subscribes the connection to the driver's event bus with a filter; matching events are
//! sent as MESSAGE frames (serial 1) on the event's procedure.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_core::event::{
    domain_event_id as id, DomainEventKind, Event, NetworkEventKind, NodeDeviceEventKind,
    SecretEventKind, StoragePoolEventKind,
};
use rvirt_core::DomainRef;
use rvirt_proto::remote::*;
use rvirt_proto::{Packet, REMOTE_PROGRAM};
use rvirt_rpc::server::Outcome;
use rvirt_xdr::Encode;
use tokio::task::AbortHandle;

use super::{args, reply, void, Cx};

/// The event registrations of one connection, by callback id.
#[derive(Default)]
pub struct EventSubscriptions {
    map: Mutex<HashMap<i32, AbortHandle>>,
}

impl EventSubscriptions {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<i32, AbortHandle>> {
        match self.map.lock() {
            Ok(m) => m,
            Err(p) => p.into_inner(),
        }
    }

    fn insert(&self, key: i32, task: AbortHandle) {
        if let Some(old) = self.lock().insert(key, task) {
            old.abort();
        }
    }

    fn remove(&self, key: i32) -> bool {
        self.lock().remove(&key).map(|t| t.abort()).is_some()
    }

    /// Drops every registration (connection closed).
    pub fn clear(&self) {
        for (_, t) in self.lock().drain() {
            t.abort();
        }
    }
}

/// Which events one registration wants and how they are delivered.
#[derive(Clone)]
enum Filter {
    /// `callback`: Some = modern (callbackID-prefixed) delivery; None = legacy procs.
    Domain {
        event_id: i32,
        dom: Option<DomainRef>,
        callback: Option<i32>,
    },
    Network {
        event_id: i32,
        uuid: Option<rvirt_core::Uuid>,
        callback: i32,
    },
    Pool {
        event_id: i32,
        uuid: Option<rvirt_core::Uuid>,
        callback: i32,
    },
    NodeDev {
        event_id: i32,
        name: Option<String>,
        callback: i32,
    },
    Secret {
        event_id: i32,
        uuid: Option<rvirt_core::Uuid>,
        callback: i32,
    },
}

const LEGACY_LIFECYCLE_KEY: i32 = i32::MIN;
fn legacy_key(event_id: i32) -> i32 {
    -1000 - event_id
}

fn unsupported(event_id: i32) -> VirError {
    VirError::internal(ErrorDomain::Rpc, format!("unsupported event ID {event_id}"))
}

fn not_registered(what: &str, cb: i32) -> VirError {
    VirError::internal(
        ErrorDomain::Rpc,
        format!("{what} event callback {cb} not registered"),
    )
}

fn check(event_id: i32, last: i32) -> VirResult<()> {
    if (0..last).contains(&event_id) {
        Ok(())
    } else {
        Err(unsupported(event_id))
    }
}

fn subscribe(cx: &Cx<'_>, key: i32, filter: Filter) -> VirResult<()> {
    let conn = cx.conn()?;
    let mut rx = conn.events().subscribe();
    let client = Arc::clone(cx.client);
    let task = tokio::spawn(async move {
        loop {
            let ev = match rx.recv().await {
                Ok(ev) => ev,
                Err(tokio::sync::broadcast::error::RecvError::Lagged(n)) => {
                    tracing::warn!(lost = n, "event subscriber lagged");
                    continue;
                }
                Err(_) => return,
            };
            if let Some((proc_, body)) = encode(&filter, &ev) {
                if !client.send_message(Packet::event(REMOTE_PROGRAM, proc_, body)) {
                    return;
                }
            }
        }
    });
    cx.st.events.insert(key, task.abort_handle());
    Ok(())
}

pub(crate) async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    Some(match p {
        316 => (|| {
            let a: ConnectDomainEventCallbackRegisterAnyArgs = args(body)?;
            cx.conn()?;
            check(a.event_id, id::LAST)?;
            let cb = cx.daemon.callback_id();
            subscribe(
                cx,
                cb,
                Filter::Domain {
                    event_id: a.event_id,
                    dom: a.dom,
                    callback: Some(cb),
                },
            )?;
            reply(ConnectDomainEventCallbackRegisterAnyRet { callback_id: cb })
        })(),
        313 => (|| {
            let a: ConnectNetworkEventRegisterAnyArgs = args(body)?;
            cx.conn()?;
            check(a.event_id, 1)?;
            let cb = cx.daemon.callback_id();
            let uuid = a.net.map(|n| n.uuid);
            subscribe(
                cx,
                cb,
                Filter::Network {
                    event_id: a.event_id,
                    uuid,
                    callback: cb,
                },
            )?;
            reply(ConnectNetworkEventRegisterAnyRet { callback_id: cb })
        })(),
        368 => (|| {
            let a: ConnectStoragePoolEventRegisterAnyArgs = args(body)?;
            cx.conn()?;
            check(a.event_id, 2)?;
            let cb = cx.daemon.callback_id();
            let uuid = a.pool.map(|n| n.uuid);
            subscribe(
                cx,
                cb,
                Filter::Pool {
                    event_id: a.event_id,
                    uuid,
                    callback: cb,
                },
            )?;
            reply(ConnectStoragePoolEventRegisterAnyRet { callback_id: cb })
        })(),
        374 => (|| {
            let a: ConnectNodeDeviceEventRegisterAnyArgs = args(body)?;
            cx.conn()?;
            check(a.event_id, 2)?;
            let cb = cx.daemon.callback_id();
            let name = a.dev.map(|d| d.name);
            subscribe(
                cx,
                cb,
                Filter::NodeDev {
                    event_id: a.event_id,
                    name,
                    callback: cb,
                },
            )?;
            reply(ConnectNodeDeviceEventRegisterAnyRet { callback_id: cb })
        })(),
        380 => (|| {
            let a: ConnectSecretEventRegisterAnyArgs = args(body)?;
            cx.conn()?;
            check(a.event_id, 2)?;
            let cb = cx.daemon.callback_id();
            let uuid = a.secret.map(|s| s.uuid);
            subscribe(
                cx,
                cb,
                Filter::Secret {
                    event_id: a.event_id,
                    uuid,
                    callback: cb,
                },
            )?;
            reply(ConnectSecretEventRegisterAnyRet { callback_id: cb })
        })(),
        317 | 314 | 369 | 375 | 381 => (|| {
            // every deregister body is `{callbackID}`
            let a: ConnectDomainEventCallbackDeregisterAnyArgs = args(body)?;
            cx.conn()?;
            if cx.st.events.remove(a.callback_id) {
                void()
            } else {
                Err(not_registered(kind_name(p), a.callback_id))
            }
        })(),
        105 => (|| {
            cx.conn()?;
            subscribe(
                cx,
                LEGACY_LIFECYCLE_KEY,
                Filter::Domain {
                    event_id: id::LIFECYCLE,
                    dom: None,
                    callback: None,
                },
            )?;
            reply(ConnectDomainEventRegisterRet { cb_registered: 1 })
        })(),
        106 => (|| {
            cx.conn()?;
            cx.st.events.remove(LEGACY_LIFECYCLE_KEY);
            reply(ConnectDomainEventDeregisterRet { cb_registered: 0 })
        })(),
        167 => (|| {
            let a: ConnectDomainEventRegisterAnyArgs = args(body)?;
            cx.conn()?;
            check(a.event_id, id::LAST)?;
            subscribe(
                cx,
                legacy_key(a.event_id),
                Filter::Domain {
                    event_id: a.event_id,
                    dom: None,
                    callback: None,
                },
            )?;
            void()
        })(),
        168 => (|| {
            let a: ConnectDomainEventDeregisterAnyArgs = args(body)?;
            cx.conn()?;
            check(a.event_id, id::LAST)?;
            if cx.st.events.remove(legacy_key(a.event_id)) {
                void()
            } else {
                Err(not_registered("domain", a.event_id))
            }
        })(),
        _ => return None,
    })
}

fn kind_name(p: i32) -> &'static str {
    match p {
        314 => "network",
        369 => "storage pool",
        375 => "node device",
        381 => "secret",
        _ => "domain",
    }
}

fn enc<T: Encode>(proc_: i32, v: T) -> Option<(i32, Bytes)> {
    rvirt_xdr::to_bytes(&v).ok().map(|b| (proc_, b.freeze()))
}

/// Encodes `ev` for `filter`, or None when it does not match.
fn encode(filter: &Filter, ev: &Event) -> Option<(i32, Bytes)> {
    match (filter, ev) {
        (
            Filter::Domain {
                event_id,
                dom: want,
                callback,
            },
            Event::Domain { dom, kind },
        ) => {
            let matches_id = kind.event_id() == *event_id
                || (*event_id == id::BLOCK_JOB_2
                    && matches!(kind, DomainEventKind::BlockJob { .. }));
            if !matches_id || want.as_ref().is_some_and(|w| w.uuid != dom.uuid) {
                return None;
            }
            encode_domain(*event_id, *callback, dom.clone(), kind)
        }
        (
            Filter::Network {
                event_id: 0,
                uuid,
                callback,
            },
            Event::Network { net, kind },
        ) => {
            if uuid.is_some_and(|u| u != net.uuid) {
                return None;
            }
            let NetworkEventKind::Lifecycle { event, detail } = kind;
            enc(
                315,
                NetworkEventLifecycleMsg {
                    callback_id: *callback,
                    net: net.clone(),
                    event: *event,
                    detail: *detail,
                },
            )
        }
        (
            Filter::Pool {
                event_id,
                uuid,
                callback,
            },
            Event::StoragePool { pool, kind },
        ) => {
            if uuid.is_some_and(|u| u != pool.uuid) {
                return None;
            }
            match (event_id, kind) {
                (0, StoragePoolEventKind::Lifecycle { event, detail }) => enc(
                    370,
                    StoragePoolEventLifecycleMsg {
                        callback_id: *callback,
                        pool: pool.clone(),
                        event: *event,
                        detail: *detail,
                    },
                ),
                (1, StoragePoolEventKind::Refresh) => enc(
                    373,
                    StoragePoolEventRefreshMsg {
                        callback_id: *callback,
                        pool: pool.clone(),
                    },
                ),
                _ => None,
            }
        }
        (
            Filter::NodeDev {
                event_id,
                name,
                callback,
            },
            Event::NodeDevice { dev, kind },
        ) => {
            if name.as_ref().is_some_and(|n| *n != dev.name) {
                return None;
            }
            match (event_id, kind) {
                (0, NodeDeviceEventKind::Lifecycle { event, detail }) => enc(
                    376,
                    NodeDeviceEventLifecycleMsg {
                        callback_id: *callback,
                        dev: dev.clone(),
                        event: *event,
                        detail: *detail,
                    },
                ),
                (1, NodeDeviceEventKind::Update) => enc(
                    377,
                    NodeDeviceEventUpdateMsg {
                        callback_id: *callback,
                        dev: dev.clone(),
                    },
                ),
                _ => None,
            }
        }
        (
            Filter::Secret {
                event_id,
                uuid,
                callback,
            },
            Event::Secret { secret, kind },
        ) => {
            if uuid.is_some_and(|u| u != secret.uuid) {
                return None;
            }
            match (event_id, kind) {
                (0, SecretEventKind::Lifecycle { event, detail }) => enc(
                    382,
                    SecretEventLifecycleMsg {
                        callback_id: *callback,
                        secret: secret.clone(),
                        event: *event,
                        detail: *detail,
                    },
                ),
                (1, SecretEventKind::ValueChanged) => enc(
                    383,
                    SecretEventValueChangedMsg {
                        callback_id: *callback,
                        secret: secret.clone(),
                    },
                ),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Domain events: modern `…_CALLBACK_…` procs when `callback` is set, else the legacy ones.
fn encode_domain(
    event_id: i32,
    callback: Option<i32>,
    dom: DomainRef,
    kind: &DomainEventKind,
) -> Option<(i32, Bytes)> {
    use DomainEventKind as K;
    macro_rules! legacy_or_cb {
        ($legacy:expr, $modern:expr, $msg:expr, $cbty:ident) => {
            match callback {
                None => enc($legacy, $msg),
                Some(cb) => enc(
                    $modern,
                    $cbty {
                        callback_id: cb,
                        msg: $msg,
                    },
                ),
            }
        };
    }
    let cb = callback.unwrap_or(-1);
    match kind {
        K::Lifecycle { event, detail } => legacy_or_cb!(
            107,
            318,
            DomainEventLifecycleMsg {
                dom,
                event: *event,
                detail: *detail
            },
            DomainEventCallbackLifecycleMsg
        ),
        K::Reboot => legacy_or_cb!(
            169,
            319,
            DomainEventRebootMsg { dom },
            DomainEventCallbackRebootMsg
        ),
        K::RtcChange { offset } => legacy_or_cb!(
            170,
            320,
            DomainEventRtcChangeMsg {
                dom,
                offset: *offset
            },
            DomainEventCallbackRtcChangeMsg
        ),
        K::Watchdog { action } => legacy_or_cb!(
            171,
            321,
            DomainEventWatchdogMsg {
                dom,
                action: *action
            },
            DomainEventCallbackWatchdogMsg
        ),
        K::IoError {
            src_path,
            dev_alias,
            action,
            reason: None,
        } => legacy_or_cb!(
            172,
            322,
            DomainEventIoErrorMsg {
                dom,
                src_path: src_path.clone(),
                dev_alias: dev_alias.clone(),
                action: *action
            },
            DomainEventCallbackIoErrorMsg
        ),
        K::IoError {
            src_path,
            dev_alias,
            action,
            reason: Some(reason),
        } => legacy_or_cb!(
            195,
            324,
            DomainEventIoErrorReasonMsg {
                dom,
                src_path: src_path.clone(),
                dev_alias: dev_alias.clone(),
                action: *action,
                reason: reason.clone()
            },
            DomainEventCallbackIoErrorReasonMsg
        ),
        K::ControlError => legacy_or_cb!(
            224,
            325,
            DomainEventControlErrorMsg { dom },
            DomainEventCallbackControlErrorMsg
        ),
        K::BlockJob {
            disk,
            job_type,
            status,
            ..
        } if event_id == id::BLOCK_JOB_2 => enc(
            339,
            DomainEventBlockJob2Msg {
                callback_id: cb,
                dom,
                dst: disk.clone(),
                r#type: *job_type,
                status: *status,
            },
        ),
        K::BlockJob {
            disk,
            job_type,
            status,
            ..
        } => legacy_or_cb!(
            241,
            326,
            DomainEventBlockJobMsg {
                dom,
                path: disk.clone(),
                r#type: *job_type,
                status: *status
            },
            DomainEventCallbackBlockJobMsg
        ),
        K::DiskChange {
            old_src,
            new_src,
            dev_alias,
            reason,
        } => legacy_or_cb!(
            248,
            327,
            DomainEventDiskChangeMsg {
                dom,
                old_src_path: old_src.clone(),
                new_src_path: new_src.clone(),
                dev_alias: dev_alias.clone(),
                reason: *reason
            },
            DomainEventCallbackDiskChangeMsg
        ),
        K::TrayChange { dev_alias, reason } => legacy_or_cb!(
            268,
            328,
            DomainEventTrayChangeMsg {
                dom,
                dev_alias: dev_alias.clone(),
                reason: *reason
            },
            DomainEventCallbackTrayChangeMsg
        ),
        K::PmWakeup { reason } => match callback {
            None => enc(269, DomainEventPmwakeupMsg { dom }),
            Some(cb) => enc(
                329,
                DomainEventCallbackPmwakeupMsg {
                    callback_id: cb,
                    reason: *reason,
                    msg: DomainEventPmwakeupMsg { dom },
                },
            ),
        },
        K::PmSuspend { reason } => match callback {
            None => enc(270, DomainEventPmsuspendMsg { dom }),
            Some(cb) => enc(
                330,
                DomainEventCallbackPmsuspendMsg {
                    callback_id: cb,
                    reason: *reason,
                    msg: DomainEventPmsuspendMsg { dom },
                },
            ),
        },
        K::PmSuspendDisk { reason } => match callback {
            None => enc(292, DomainEventPmsuspendDiskMsg { dom }),
            Some(cb) => enc(
                332,
                DomainEventCallbackPmsuspendDiskMsg {
                    callback_id: cb,
                    reason: *reason,
                    msg: DomainEventPmsuspendDiskMsg { dom },
                },
            ),
        },
        K::BalloonChange { actual } => legacy_or_cb!(
            276,
            331,
            DomainEventBalloonChangeMsg {
                dom,
                actual: *actual
            },
            DomainEventCallbackBalloonChangeMsg
        ),
        K::DeviceRemoved { dev_alias } => legacy_or_cb!(
            311,
            333,
            DomainEventDeviceRemovedMsg {
                dom,
                dev_alias: dev_alias.clone()
            },
            DomainEventCallbackDeviceRemovedMsg
        ),
        K::Tunable { params } => enc(
            346,
            DomainEventCallbackTunableMsg {
                callback_id: cb,
                dom,
                params: params.clone(),
            },
        ),
        K::AgentLifecycle { state, reason } => enc(
            348,
            DomainEventCallbackAgentLifecycleMsg {
                callback_id: cb,
                dom,
                state: *state,
                reason: *reason,
            },
        ),
        K::DeviceAdded { dev_alias } => enc(
            354,
            DomainEventCallbackDeviceAddedMsg {
                callback_id: cb,
                dom,
                dev_alias: dev_alias.clone(),
            },
        ),
        K::MigrationIteration { iteration } => enc(
            359,
            DomainEventCallbackMigrationIterationMsg {
                callback_id: cb,
                dom,
                iteration: *iteration,
            },
        ),
        K::JobCompleted { params } => enc(
            363,
            DomainEventCallbackJobCompletedMsg {
                callback_id: cb,
                dom,
                params: params.clone(),
            },
        ),
        K::DeviceRemovalFailed { dev_alias } => enc(
            367,
            DomainEventCallbackDeviceRemovalFailedMsg {
                callback_id: cb,
                dom,
                dev_alias: dev_alias.clone(),
            },
        ),
        K::MetadataChange { kind, nsuri } => enc(
            379,
            DomainEventCallbackMetadataChangeMsg {
                callback_id: cb,
                dom,
                r#type: *kind,
                nsuri: nsuri.clone(),
            },
        ),
        K::BlockThreshold {
            dev,
            path,
            threshold,
            excess,
        } => enc(
            385,
            DomainEventBlockThresholdMsg {
                callback_id: cb,
                dom,
                dev: dev.clone(),
                path: path.clone(),
                threshold: *threshold,
                excess: *excess,
            },
        ),
        K::MemoryFailure {
            recipient,
            action,
            flags,
        } => enc(
            423,
            DomainEventMemoryFailureMsg {
                callback_id: cb,
                dom,
                recipient: *recipient,
                action: *action,
                flags: *flags,
            },
        ),
        K::MemoryDeviceSizeChange { alias, size } => enc(
            438,
            DomainEventMemoryDeviceSizeChangeMsg {
                callback_id: cb,
                dom,
                alias: alias.clone(),
                size: *size,
            },
        ),
    }
}
