//! The QEMU program (`0x20008087`, `libvirt-qemu`): monitor and guest-agent pass-through and
//! raw QMP monitor events. It shares the REMOTE program's per-connection state, so it works
//! on the connection `CONNECT_OPEN` opened.

use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use bytes::Bytes;
use rvirt_core::driver::qemu_ext::{
    QEMU_MONITOR_EVENT_REGISTER_NOCASE, QEMU_MONITOR_EVENT_REGISTER_REGEX,
};
use rvirt_core::driver::QemuMonitorEvent;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_proto::qemu_program::*;
use rvirt_proto::{Header, Packet, QEMU_PROGRAM, QEMU_PROTOCOL_VERSION};
use rvirt_rpc::server::{Client, Outcome, Program};
use rvirt_xdr::Encode;
use tokio::task::AbortHandle;

use super::{args, reply, void, ConnState, Cx, Daemon};

/// The monitor-event registrations of one connection, by callback id.
#[derive(Default)]
pub struct QemuEventSubscriptions {
    map: Mutex<HashMap<i32, AbortHandle>>,
}

impl QemuEventSubscriptions {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<i32, AbortHandle>> {
        self.map.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn clear(&self) {
        for (_, t) in self.lock().drain() {
            t.abort();
        }
    }
}

/// What one `virConnectDomainQemuMonitorEventRegister` wants.
struct EventFilter {
    callback: i32,
    dom: Option<rvirt_core::Uuid>,
    event: Option<String>,
    nocase: bool,
}

impl EventFilter {
    fn matches(&self, ev: &QemuMonitorEvent) -> bool {
        if self.dom.is_some_and(|u| u != ev.dom.uuid) {
            return false;
        }
        match &self.event {
            None => true,
            Some(e) if self.nocase => e.eq_ignore_ascii_case(&ev.event),
            Some(e) => *e == ev.event,
        }
    }

    fn message(&self, ev: QemuMonitorEvent) -> Option<Bytes> {
        let msg = QemuDomainMonitorEventMsg {
            callback_id: self.callback,
            dom: ev.dom,
            event: ev.event,
            seconds: ev.seconds,
            micros: ev.micros,
            details: ev.details,
        };
        let mut out = bytes::BytesMut::new();
        msg.encode(&mut out).ok()?;
        Some(out.freeze())
    }
}

/// The QEMU program (`0x20008087` v1).
pub struct QemuProgram {
    pub daemon: Arc<Daemon>,
}

#[async_trait]
impl Program for QemuProgram {
    fn number(&self) -> u32 {
        QEMU_PROGRAM
    }

    fn version(&self) -> u32 {
        QEMU_PROTOCOL_VERSION
    }

    fn procedure_name(&self, proc_: i32) -> Option<&'static str> {
        qemu_procedure_info(proc_).map(|p| p.name)
    }

    fn is_priority(&self, proc_: i32) -> bool {
        qemu_procedure_info(proc_).is_some_and(|p| p.priority)
    }

    async fn dispatch(&self, client: &Arc<Client>, header: &Header, body: Bytes) -> Outcome {
        let st = client.state::<ConnState>();
        if client.info().read_only {
            st.read_only.store(true, Ordering::Relaxed);
        }
        let cx = Cx {
            daemon: &self.daemon,
            client,
            st,
        };
        let p = header.proc_;
        if let Err(e) = crate::dispatch::auth::require_auth(client) {
            return Outcome::Error(e);
        }
        if let Err(e) = access_check(&cx, p, &body).await {
            return Outcome::Error(e);
        }
        dispatch(&cx, p, &body).await.unwrap_or_else(Outcome::Error)
    }

    async fn client_closed(&self, client: &Arc<Client>) {
        client.state::<QemuEventSubscriptions>().clear();
    }
}

async fn access_check(cx: &Cx<'_>, p: i32, body: &[u8]) -> VirResult<()> {
    let Some(info) = qemu_procedure_info(p) else {
        return Ok(());
    };
    let acl = cx.daemon.acl();
    let read_only = cx.st.read_only.load(Ordering::Relaxed);
    let driver = if acl.rules.is_empty() && acl.default_allow {
        String::new()
    } else {
        match cx.st.get() {
            Some(c) => c.get_type().await.unwrap_or_else(|_| "remote".into()),
            None => "remote".into(),
        }
    };
    crate::acl::check_qemu_call(info, cx.client.info(), read_only, &acl, &driver, body)
}

async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> VirResult<Outcome> {
    match p {
        QEMU_PROC_DOMAIN_MONITOR_COMMAND => {
            let a: QemuDomainMonitorCommandArgs = args(body)?;
            let c = cx.conn()?;
            let result = c.qemu_monitor_command(&a.dom, &a.cmd, a.flags).await?;
            reply(QemuDomainMonitorCommandRet { result })
        }
        QEMU_PROC_DOMAIN_ATTACH => {
            let a: QemuDomainAttachArgs = args(body)?;
            let c = cx.conn()?;
            let dom = c.qemu_attach(a.pid_value, a.flags).await?;
            reply(QemuDomainAttachRet { dom })
        }
        QEMU_PROC_DOMAIN_AGENT_COMMAND => {
            let a: QemuDomainAgentCommandArgs = args(body)?;
            let c = cx.conn()?;
            let result = c
                .qemu_agent_command(&a.dom, &a.cmd, a.timeout, a.flags)
                .await?;
            reply(QemuDomainAgentCommandRet { result })
        }
        QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_REGISTER => {
            let a: QemuConnectDomainMonitorEventRegisterArgs = args(body)?;
            let callback_id = register(cx, a)?;
            reply(QemuConnectDomainMonitorEventRegisterRet { callback_id })
        }
        QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER => {
            let a: QemuConnectDomainMonitorEventDeregisterArgs = args(body)?;
            cx.conn()?;
            let subs = cx.client.state::<QemuEventSubscriptions>();
            match subs.lock().remove(&a.callback_id) {
                Some(t) => t.abort(),
                None => {
                    return Err(VirError::internal(
                        ErrorDomain::Rpc,
                        format!(
                            "qemu monitor event callback {} not registered",
                            a.callback_id
                        ),
                    ))
                }
            }
            void()
        }
        QEMU_PROC_DOMAIN_MONITOR_COMMAND_WITH_FILES => {
            let a: QemuDomainMonitorCommandWithFilesArgs = args(body)?;
            let fds = rvirt_rpc::server::take_call_fds();
            let c = cx.conn()?;
            let (result, fds) = c
                .qemu_monitor_command_with_files(&a.dom, &a.cmd, fds, a.flags)
                .await?;
            let body = match reply(QemuDomainMonitorCommandWithFilesRet { result })? {
                Outcome::Reply(b) => b,
                other => return Ok(other),
            };
            Ok(Outcome::ReplyWithFds { body, fds })
        }
        _ => Err(VirError::unknown_procedure(p)),
    }
}

/// Subscribes the connection to raw QMP events matching the registration.
fn register(cx: &Cx<'_>, a: QemuConnectDomainMonitorEventRegisterArgs) -> VirResult<i32> {
    let conn = cx.conn()?;
    if a.flags & QEMU_MONITOR_EVENT_REGISTER_REGEX != 0 {
        return Err(VirError::new(
            ErrorCode::ArgumentUnsupported,
            ErrorDomain::Dom,
            "regular expression event names are not supported",
        ));
    }
    VirError::check_flags(
        ErrorDomain::Dom,
        a.flags,
        QEMU_MONITOR_EVENT_REGISTER_REGEX | QEMU_MONITOR_EVENT_REGISTER_NOCASE,
        "virConnectDomainQemuMonitorEventRegister",
    )?;
    let mut rx = conn.qemu_monitor_events()?;
    let callback = cx.daemon.callback_id();
    let filter = EventFilter {
        callback,
        dom: a.dom.map(|d| d.uuid),
        event: a.event,
        nocase: a.flags & QEMU_MONITOR_EVENT_REGISTER_NOCASE != 0,
    };
    let client = Arc::clone(cx.client);
    let task = tokio::spawn(async move {
        loop {
            let ev = match rx.recv().await {
                Ok(ev) => ev,
                Err(tokio::sync::broadcast::error::RecvError::Lagged(n)) => {
                    tracing::warn!(lost = n, "qemu monitor event subscriber lagged");
                    continue;
                }
                Err(_) => return,
            };
            if !filter.matches(&ev) {
                continue;
            }
            if let Some(body) = filter.message(ev) {
                let pkt = Packet::event(QEMU_PROGRAM, QEMU_PROC_DOMAIN_MONITOR_EVENT, body);
                if !client.send_message(pkt) {
                    return;
                }
            }
        }
    });
    let subs = cx.client.state::<QemuEventSubscriptions>();
    if let Some(old) = subs.lock().insert(callback, task.abort_handle()) {
        old.abort();
    }
    Ok(callback)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rvirt_core::{DomainRef, Uuid};

    fn ev(name: &str, uuid: u8) -> QemuMonitorEvent {
        QemuMonitorEvent {
            dom: DomainRef {
                name: "d".into(),
                uuid: Uuid([uuid; 16]),
                id: 1,
            },
            event: name.into(),
            seconds: 1,
            micros: 2,
            details: Some("{}".into()),
        }
    }

    #[test]
    fn filter_by_domain_and_name() {
        let f = EventFilter {
            callback: 4,
            dom: Some(Uuid([1; 16])),
            event: Some("stop".into()),
            nocase: true,
        };
        assert!(f.matches(&ev("STOP", 1)));
        assert!(!f.matches(&ev("STOP", 2)));
        assert!(!f.matches(&ev("RESUME", 1)));
        let exact = EventFilter { nocase: false, ..f };
        assert!(!exact.matches(&ev("STOP", 1)));
        let body = exact.message(ev("STOP", 1)).unwrap();
        let back: QemuDomainMonitorEventMsg = rvirt_xdr::from_bytes(&body).unwrap();
        assert_eq!((back.callback_id, back.event.as_str()), (4, "STOP"));
    }
}
