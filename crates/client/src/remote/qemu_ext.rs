//! `QemuExtDriver` over RPC: the QEMU program (`0x20008087`) of `libvirt-qemu`, including
//! QEMU monitor events (`virConnectDomainQemuMonitorEventRegister`/`Deregister` and the
//! `QEMU_PROC_DOMAIN_MONITOR_EVENT` messages the server sends for each registration).

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, Weak};

use async_trait::async_trait;
use rvirt_core::driver::{QemuExtDriver, QemuMonitorEvent};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::DomainRef;
use rvirt_proto::qemu_program::*;
use rvirt_proto::{Packet, QEMU_PROGRAM};
use tokio::sync::{broadcast, mpsc};

use super::conn::RemoteConnection;
use super::events::EventRouter;

/// Events of one registration (one server-side callback id).
pub type QemuMonitorEventReceiver = mpsc::UnboundedReceiver<QemuMonitorEvent>;

/// Messages kept for callback ids whose registration reply has not been seen yet.
const ORPHANS_MAX: usize = 256;
/// Buffer of the connection-wide stream behind `qemu_monitor_events`.
const ALL_CAPACITY: usize = 1024;

/// Per-connection routing of QEMU monitor event messages to their registrations.
pub(crate) struct QemuEventHub {
    state: Mutex<HubState>,
    /// Every event of the connection-wide registration (the trait's stream).
    all: broadcast::Sender<QemuMonitorEvent>,
}

#[derive(Default)]
struct HubState {
    callbacks: HashMap<i32, mpsc::UnboundedSender<QemuMonitorEvent>>,
    orphans: VecDeque<(i32, QemuMonitorEvent)>,
    /// The connection-wide registration: requested, and its callback id once known.
    all_requested: bool,
    all_id: Option<i32>,
}

impl QemuEventHub {
    fn new() -> Self {
        QemuEventHub {
            state: Mutex::new(HubState::default()),
            all: broadcast::channel(ALL_CAPACITY).0,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HubState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Delivers one decoded message to its registration (or keeps it for a moment).
    fn deliver(&self, callback: i32, ev: QemuMonitorEvent) {
        let mut st = self.lock();
        if st.all_id == Some(callback) {
            let _ = self.all.send(ev);
            return;
        }
        if let Some(tx) = st.callbacks.get(&callback) {
            if tx.send(ev).is_err() {
                st.callbacks.remove(&callback);
            }
            return;
        }
        if st.orphans.len() >= ORPHANS_MAX {
            st.orphans.pop_front();
        }
        st.orphans.push_back((callback, ev));
    }

    /// Takes the messages that arrived for `callback` before its registration reply.
    fn take_orphans(st: &mut HubState, callback: i32) -> Vec<QemuMonitorEvent> {
        let (mine, rest): (VecDeque<_>, VecDeque<_>) =
            st.orphans.drain(..).partition(|(c, _)| *c == callback);
        st.orphans = rest;
        mine.into_iter().map(|(_, e)| e).collect()
    }

    fn add_callback(&self, callback: i32, tx: mpsc::UnboundedSender<QemuMonitorEvent>) {
        let mut st = self.lock();
        for ev in Self::take_orphans(&mut st, callback) {
            let _ = tx.send(ev);
        }
        st.callbacks.insert(callback, tx);
    }

    fn set_all(&self, callback: i32) {
        let mut st = self.lock();
        for ev in Self::take_orphans(&mut st, callback) {
            let _ = self.all.send(ev);
        }
        st.all_id = Some(callback);
    }
}

/// The hubs of live connections, by the address of their event router.
static HUBS: Mutex<Vec<(Weak<EventRouter>, Arc<QemuEventHub>)>> = Mutex::new(Vec::new());

fn hub_for(router: &Arc<EventRouter>) -> Arc<QemuEventHub> {
    let mut hubs = HUBS.lock().unwrap_or_else(|p| p.into_inner());
    hubs.retain(|(w, _)| w.strong_count() > 0);
    if let Some((_, h)) = hubs
        .iter()
        .find(|(w, _)| std::ptr::eq(w.as_ptr(), Arc::as_ptr(router)))
    {
        return Arc::clone(h);
    }
    let h = Arc::new(QemuEventHub::new());
    hubs.push((Arc::downgrade(router), Arc::clone(&h)));
    h
}

// used by `route_qemu_event` only
#[allow(dead_code)]
fn hub_of_router(router: &EventRouter) -> Option<Arc<QemuEventHub>> {
    let hubs = HUBS.lock().unwrap_or_else(|p| p.into_inner());
    hubs.iter()
        .find(|(w, _)| std::ptr::eq(w.as_ptr(), router) && w.strong_count() > 0)
        .map(|(_, h)| Arc::clone(h))
}

/// Decodes a `QEMU_PROC_DOMAIN_MONITOR_EVENT` message body.
pub fn decode_monitor_event(body: &[u8]) -> VirResult<(i32, QemuMonitorEvent)> {
    let m: QemuDomainMonitorEventMsg = rvirt_xdr::from_bytes(body).map_err(|e| {
        VirError::new(
            ErrorCode::Rpc,
            ErrorDomain::Rpc,
            format!("cannot decode QEMU monitor event: {e}"),
        )
    })?;
    Ok((
        m.callback_id,
        QemuMonitorEvent {
            dom: m.dom,
            event: m.event,
            seconds: m.seconds,
            micros: m.micros,
            details: m.details,
        },
    ))
}

/// Routes a QEMU-program MESSAGE frame received on the connection of `router` (called by
/// the connection's event pump for packets of [`QEMU_PROGRAM`]).
// the pump (`events.rs`) must call this for QEMU-program packets; until it does, no
// monitor event reaches the registrations
#[allow(dead_code)]
pub(crate) fn route_qemu_event(router: &EventRouter, pkt: &Packet) {
    if pkt.header.prog != QEMU_PROGRAM || pkt.header.proc_ != QEMU_PROC_DOMAIN_MONITOR_EVENT {
        return;
    }
    let Some(hub) = hub_of_router(router) else {
        return;
    };
    match decode_monitor_event(&pkt.body) {
        Ok((cb, ev)) => hub.deliver(cb, ev),
        Err(e) => tracing::debug!(error = %e, "dropping QEMU monitor event"),
    }
}

impl RemoteConnection {
    /// `virConnectDomainQemuMonitorEventRegister`: QMP events of `dom` (all domains with
    /// `None`) named `event` (all with `None`; `flags` as libvirt's REGEX/NOCASE); returns
    /// the callback id and the stream of its events.
    pub async fn qemu_monitor_event_register(
        &self,
        dom: Option<&DomainRef>,
        event: Option<&str>,
        flags: u32,
    ) -> VirResult<(i32, QemuMonitorEventReceiver)> {
        let hub = hub_for(&self.router);
        let args = QemuConnectDomainMonitorEventRegisterArgs {
            dom: dom.cloned(),
            event: event.map(str::to_string),
            flags,
        };
        let r: QemuConnectDomainMonitorEventRegisterRet = self
            .client
            .call(
                QEMU_PROGRAM,
                QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_REGISTER,
                &args,
            )
            .await?;
        let (tx, rx) = mpsc::unbounded_channel();
        hub.add_callback(r.callback_id, tx);
        Ok((r.callback_id, rx))
    }

    /// `virConnectDomainQemuMonitorEventDeregister`.
    pub async fn qemu_monitor_event_deregister(&self, callback_id: i32) -> VirResult<()> {
        let args = QemuConnectDomainMonitorEventDeregisterArgs { callback_id };
        self.client
            .call::<_, ()>(
                QEMU_PROGRAM,
                QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER,
                &args,
            )
            .await?;
        hub_for(&self.router).lock().callbacks.remove(&callback_id);
        Ok(())
    }
}

#[async_trait]
impl QemuExtDriver for RemoteConnection {
    /// virDomainQemuMonitorCommand (QEMU_PROC_DOMAIN_MONITOR_COMMAND 1)
    async fn qemu_monitor_command(
        &self,
        dom: &DomainRef,
        cmd: &str,
        flags: u32,
    ) -> VirResult<String> {
        let args = QemuDomainMonitorCommandArgs {
            dom: dom.clone(),
            cmd: cmd.to_string(),
            flags,
        };
        let r: QemuDomainMonitorCommandRet = self
            .client
            .call(QEMU_PROGRAM, QEMU_PROC_DOMAIN_MONITOR_COMMAND, &args)
            .await?;
        Ok(r.result)
    }

    /// virDomainQemuMonitorCommandWithFiles (QEMU_PROC_DOMAIN_MONITOR_COMMAND_WITH_FILES 7):
    /// the fds travel with the call (CALL_WITH_FDS, unix sockets only).
    async fn qemu_monitor_command_with_files(
        &self,
        dom: &DomainRef,
        cmd: &str,
        fds: Vec<std::os::fd::OwnedFd>,
        flags: u32,
    ) -> VirResult<(String, Vec<std::os::fd::OwnedFd>)> {
        let args = QemuDomainMonitorCommandWithFilesArgs {
            dom: dom.clone(),
            cmd: cmd.to_string(),
            flags,
        };
        let (r, fds): (QemuDomainMonitorCommandWithFilesRet, _) = self
            .client
            .call_with_fds(
                QEMU_PROGRAM,
                QEMU_PROC_DOMAIN_MONITOR_COMMAND_WITH_FILES,
                &args,
                fds,
            )
            .await?;
        Ok((r.result, fds))
    }

    /// virDomainQemuAgentCommand (QEMU_PROC_DOMAIN_AGENT_COMMAND 3)
    async fn qemu_agent_command(
        &self,
        dom: &DomainRef,
        cmd: &str,
        timeout: i32,
        flags: u32,
    ) -> VirResult<Option<String>> {
        let args = QemuDomainAgentCommandArgs {
            dom: dom.clone(),
            cmd: cmd.to_string(),
            timeout,
            flags,
        };
        let r: QemuDomainAgentCommandRet = self
            .client
            .call(QEMU_PROGRAM, QEMU_PROC_DOMAIN_AGENT_COMMAND, &args)
            .await?;
        Ok(r.result)
    }

    /// virDomainQemuAttach (QEMU_PROC_DOMAIN_ATTACH 2)
    async fn qemu_attach(&self, pid: u32, flags: u32) -> VirResult<DomainRef> {
        let args = QemuDomainAttachArgs {
            pid_value: pid,
            flags,
        };
        let r: QemuDomainAttachRet = self
            .client
            .call(QEMU_PROGRAM, QEMU_PROC_DOMAIN_ATTACH, &args)
            .await?;
        Ok(r.dom)
    }

    /// virConnectDomainQemuMonitorEventRegister for every domain and event: the first
    /// call registers with the server (in the background); all share one stream.
    fn qemu_monitor_events(&self) -> VirResult<broadcast::Receiver<QemuMonitorEvent>> {
        let hub = hub_for(&self.router);
        let rx = hub.all.subscribe();
        let first = {
            let mut st = hub.lock();
            !std::mem::replace(&mut st.all_requested, true)
        };
        if first {
            let rt = tokio::runtime::Handle::try_current().map_err(|_| {
                VirError::internal(ErrorDomain::Rpc, "no async runtime to register events")
            })?;
            let client = self.client.clone();
            let args = QemuConnectDomainMonitorEventRegisterArgs {
                dom: None,
                event: None,
                flags: 0,
            };
            rt.spawn(async move {
                let r: VirResult<QemuConnectDomainMonitorEventRegisterRet> = client
                    .call(
                        QEMU_PROGRAM,
                        QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_REGISTER,
                        &args,
                    )
                    .await;
                match r {
                    Ok(r) => hub.set_all(r.callback_id),
                    Err(e) => {
                        tracing::warn!(error = %e, "QEMU monitor event registration failed");
                        hub.lock().all_requested = false;
                    }
                }
            });
        }
        Ok(rx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rvirt_core::Uuid;

    fn msg(cb: i32, name: &str) -> Vec<u8> {
        let m = QemuDomainMonitorEventMsg {
            callback_id: cb,
            dom: DomainRef {
                name: "vm".into(),
                uuid: Uuid([7; 16]),
                id: 3,
            },
            event: name.into(),
            seconds: 10,
            micros: 20,
            details: Some("{\"reason\":\"x\"}".into()),
        };
        rvirt_xdr::to_bytes(&m).unwrap().to_vec()
    }

    #[tokio::test]
    async fn routed_through_the_connections_router() {
        let router = EventRouter::new();
        let hub = hub_for(&router);
        assert!(Arc::ptr_eq(&hub, &hub_for(&router)));
        let (tx, mut rx) = mpsc::unbounded_channel();
        hub.add_callback(9, tx);
        let pkt = Packet::event(QEMU_PROGRAM, QEMU_PROC_DOMAIN_MONITOR_EVENT, msg(9, "STOP"));
        route_qemu_event(&router, &pkt);
        assert_eq!(rx.try_recv().unwrap().event, "STOP");
        // another program's frame is not ours
        let pkt = Packet::event(rvirt_proto::REMOTE_PROGRAM, 6, msg(9, "STOP"));
        route_qemu_event(&router, &pkt);
        assert!(rx.try_recv().is_err());
    }

    #[test]
    fn messages_decode() {
        let (cb, ev) = decode_monitor_event(&msg(5, "STOP")).unwrap();
        assert_eq!(cb, 5);
        assert_eq!(ev.event, "STOP");
        assert_eq!(ev.dom.name, "vm");
        assert_eq!((ev.seconds, ev.micros), (10, 20));
        assert_eq!(ev.details.as_deref(), Some("{\"reason\":\"x\"}"));
        assert!(decode_monitor_event(&[0, 0]).is_err());
    }

    #[test]
    fn hub_routes_by_callback_and_keeps_early_messages() {
        let hub = QemuEventHub::new();
        let (_, early) = decode_monitor_event(&msg(1, "RESUME")).unwrap();
        hub.deliver(1, early);
        let (tx, mut rx) = mpsc::unbounded_channel();
        hub.add_callback(1, tx);
        assert_eq!(rx.try_recv().unwrap().event, "RESUME");
        let (_, ev) = decode_monitor_event(&msg(1, "STOP")).unwrap();
        hub.deliver(1, ev.clone());
        assert_eq!(rx.try_recv().unwrap().event, "STOP");
        let mut all = hub.all.subscribe();
        hub.deliver(2, ev.clone());
        hub.set_all(2);
        assert_eq!(all.try_recv().unwrap().event, "STOP");
        hub.deliver(2, ev);
        assert_eq!(all.try_recv().unwrap().event, "STOP");
        assert!(rx.try_recv().is_err());
    }
}
