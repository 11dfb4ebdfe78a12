//! The `libvirt-qemu` APIs of the QEMU driver: `virDomainQemuMonitorCommand` (QMP or HMP,
//! marking the domain tainted `custom-monitor`), `virDomainQemuAgentCommand` and raw QMP
//! monitor events (`virConnectDomainQemuMonitorEventRegister`).

use crate::connection::QemuConnection;
use crate::domain::QemuDriver;
use async_trait::async_trait;
use rvirt_core::driver::qemu_ext::QEMU_MONITOR_COMMAND_HMP;
use rvirt_core::driver::{QemuExtDriver, QemuMonitorEvent};
use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_core::handle::{DomainRef, Uuid};
use rvirt_qmp::{QmpError, QmpEvent};
use serde_json::{json, Value};
use std::collections::HashSet;
use std::io::Write;
use std::sync::Mutex;
use std::time::Duration;
use tokio::sync::broadcast;

const T: Duration = Duration::from_secs(30);

/// Driver-wide state of the QEMU extras: the raw-event bus and which running domains are
/// already marked tainted.
pub struct QemuExtState {
    events: broadcast::Sender<QemuMonitorEvent>,
    tainted: Mutex<HashSet<(Uuid, i32)>>,
}

impl Default for QemuExtState {
    fn default() -> Self {
        QemuExtState {
            events: broadcast::channel(1024).0,
            tainted: Mutex::new(HashSet::new()),
        }
    }
}

impl QemuExtState {
    /// Publishes one QMP event of `dom` to `virConnectDomainQemuMonitorEventRegister`
    /// subscribers (no-op without any).
    pub fn publish(&self, dom: DomainRef, ev: &QmpEvent) {
        if self.events.receiver_count() == 0 {
            return;
        }
        let details = match &ev.data {
            Value::Null => None,
            d => Some(d.to_string()),
        };
        let _ = self.events.send(QemuMonitorEvent {
            dom,
            event: ev.event.clone(),
            seconds: ev.seconds,
            micros: u32::try_from(ev.microseconds).unwrap_or(0),
            details,
        });
    }

    /// Whether this is the first taint of the running domain (`virDomainObjTaint`).
    fn first_taint(&self, dom: &DomainRef) -> bool {
        let mut t = self.tainted.lock().unwrap_or_else(|p| p.into_inner());
        t.insert((dom.uuid, dom.id))
    }
}

/// The reply document libvirt returns for an arbitrary QMP command: the reply with its id.
fn reply_text(r: Result<Value, QmpError>, id: u64) -> VirResult<String> {
    let id = format!("libvirt-{id}");
    match r {
        Ok(v) => Ok(json!({"return": v, "id": id}).to_string()),
        Err(QmpError::Command { class, desc }) => {
            Ok(json!({"id": id, "error": {"class": class, "desc": desc}}).to_string())
        }
        Err(e) => Err(monitor_err(e)),
    }
}

impl QemuDriver {
    /// `virDomainQemuMonitorCommand`: passes a QMP command (or, with the HMP flag, a
    /// human-monitor command line) to the guest's monitor and returns the reply text.
    pub async fn monitor_command(
        &self,
        dom: &DomainRef,
        cmd: &str,
        flags: u32,
    ) -> VirResult<String> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            QEMU_MONITOR_COMMAND_HMP,
            "virDomainQemuMonitorCommand",
        )?;
        self.monitor_command_fd(dom, cmd, None, flags).await
    }

    /// `virDomainQemuMonitorCommandWithFiles`: [`Self::monitor_command`] with at most one
    /// fd passed to QEMU on the monitor socket together with the command (`SCM_RIGHTS`, as
    /// `getfd`/`add-fd` expect). No fds come back.
    pub async fn monitor_command_with_files(
        &self,
        dom: &DomainRef,
        cmd: &str,
        fds: Vec<std::os::fd::OwnedFd>,
        flags: u32,
    ) -> VirResult<(String, Vec<std::os::fd::OwnedFd>)> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            QEMU_MONITOR_COMMAND_HMP,
            "qemuDomainQemuMonitorCommandWithFiles",
        )?;
        if fds.len() > 1 {
            return Err(VirError::new(
                rvirt_core::error::ErrorCode::OperationUnsupported,
                ErrorDomain::Qemu,
                "at most 1 fd can be passed to qemu along with a command",
            ));
        }
        let fd = fds.first().map(std::os::fd::AsFd::as_fd);
        let text = self.monitor_command_fd(dom, cmd, fd, flags).await?;
        Ok((text, Vec::new()))
    }

    async fn monitor_command_fd(
        &self,
        dom: &DomainRef,
        cmd: &str,
        fd: Option<std::os::fd::BorrowedFd<'_>>,
        flags: u32,
    ) -> VirResult<String> {
        let vm = self.vm_of(dom)?;
        let live = self.lookup_uuid(dom.uuid)?;
        self.taint_custom_monitor(&live);
        let run = |name: &str, args: Option<Value>| {
            let qmp = vm.qmp.clone();
            let name = name.to_string();
            async move {
                match fd {
                    Some(fd) => qmp.execute_with_fd(&name, args, fd, T).await,
                    None => qmp.execute(&name, args, T).await,
                }
            }
        };
        if flags & QEMU_MONITOR_COMMAND_HMP != 0 {
            let r = run("human-monitor-command", Some(json!({"command-line": cmd})))
                .await
                .map_err(monitor_err)?;
            return Ok(r.as_str().unwrap_or_default().to_string());
        }
        let v: Value = serde_json::from_str(cmd).map_err(|e| {
            VirError::internal(ErrorDomain::Qemu, format!("cannot parse json {cmd}: {e}"))
        })?;
        let name = v.get("execute").and_then(Value::as_str).ok_or_else(|| {
            VirError::internal(
                ErrorDomain::Qemu,
                format!("cannot parse json {cmd}: no 'execute' member"),
            )
        })?;
        let args = v.get("arguments").cloned();
        let id = MONITOR_SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        reply_text(run(name, args).await, id)
    }

    /// Marks a running domain tainted `custom-monitor`, logging it once per run as libvirt
    /// does: a warning and a line in the domain's log file.
    fn taint_custom_monitor(&self, dom: &DomainRef) {
        if !self.ext.first_taint(dom) {
            return;
        }
        let line = format!("Domain id={} is tainted: custom-monitor", dom.id);
        tracing::warn!(domain = %dom.name, "{line}");
        let log = self.opts.paths.log_dir.join(format!("{}.log", dom.name));
        if let Ok(mut f) = std::fs::OpenOptions::new().append(true).open(log) {
            let _ = writeln!(f, "{line}");
        }
    }
}

/// A monitor failure as libvirt reports it (timeouts are `VIR_ERR_OPERATION_TIMEOUT`).
fn monitor_err(e: QmpError) -> VirError {
    match e {
        QmpError::Timeout(what) => VirError::new(
            rvirt_core::error::ErrorCode::OperationTimeout,
            ErrorDomain::Qemu,
            what,
        ),
        other => VirError::internal(ErrorDomain::Qemu, other.to_string()),
    }
}

/// Refuses a command on a read-only connection.
fn rw(c: &QemuConnection, api: &str) -> VirResult<()> {
    if c.read_only {
        return Err(VirError::read_only(api));
    }
    Ok(())
}

/// Ids of arbitrary monitor commands as reported back (`libvirt-N`).
static MONITOR_SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

#[async_trait]
impl QemuExtDriver for QemuConnection {
    /// virDomainQemuMonitorCommand
    async fn qemu_monitor_command(
        &self,
        dom: &DomainRef,
        cmd: &str,
        flags: u32,
    ) -> VirResult<String> {
        self.driver.wait_attached(dom).await;
        rw(self, "virDomainQemuMonitorCommand")?;
        self.driver.monitor_command(dom, cmd, flags).await
    }

    /// virDomainQemuMonitorCommandWithFiles
    async fn qemu_monitor_command_with_files(
        &self,
        dom: &DomainRef,
        cmd: &str,
        fds: Vec<std::os::fd::OwnedFd>,
        flags: u32,
    ) -> VirResult<(String, Vec<std::os::fd::OwnedFd>)> {
        self.driver.wait_attached(dom).await;
        rw(self, "virDomainQemuMonitorCommandWithFiles")?;
        self.driver
            .monitor_command_with_files(dom, cmd, fds, flags)
            .await
    }

    /// virDomainQemuAgentCommand
    async fn qemu_agent_command(
        &self,
        dom: &DomainRef,
        cmd: &str,
        timeout: i32,
        flags: u32,
    ) -> VirResult<Option<String>> {
        self.driver.wait_attached(dom).await;
        rw(self, "virDomainQemuAgentCommand")?;
        VirError::check_flags(ErrorDomain::Qemu, flags, 0, "virDomainQemuAgentCommand")?;
        if timeout < -2 {
            return Err(VirError::invalid_arg(
                ErrorDomain::Qemu,
                format!("unsupported timeout value {timeout}"),
            ));
        }
        self.driver.agent_command(dom, cmd, timeout).await.map(Some)
    }

    /// virConnectDomainQemuMonitorEventRegister
    fn qemu_monitor_events(&self) -> VirResult<broadcast::Receiver<QemuMonitorEvent>> {
        Ok(self.driver.ext.events.subscribe())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arbitrary_command_replies_keep_libvirts_shape() {
        let ok = reply_text(Ok(json!({"running": true})), 7).unwrap();
        let v: Value = serde_json::from_str(&ok).unwrap();
        assert_eq!(v["return"]["running"], true);
        assert_eq!(v["id"], "libvirt-7");
        let err = reply_text(
            Err(QmpError::Command {
                class: "CommandNotFound".into(),
                desc: "The command bogus has not been found".into(),
            }),
            8,
        )
        .unwrap();
        let v: Value = serde_json::from_str(&err).unwrap();
        assert_eq!(v["error"]["class"], "CommandNotFound");
        assert!(reply_text(Err(QmpError::Closed), 9).is_err());
    }

    #[test]
    fn events_reach_subscribers_with_json_details() {
        let st = QemuExtState::default();
        let mut rx = st.events.subscribe();
        let dom = DomainRef {
            name: "d".into(),
            uuid: Uuid::default(),
            id: 3,
        };
        st.publish(
            dom.clone(),
            &QmpEvent {
                event: "STOP".into(),
                data: Value::Null,
                seconds: 5,
                microseconds: 6,
            },
        );
        let e = rx.try_recv().unwrap();
        assert_eq!((e.event.as_str(), e.seconds, e.micros), ("STOP", 5, 6));
        assert_eq!(e.details, None);
        assert!(st.first_taint(&dom));
        assert!(!st.first_taint(&dom));
    }
}
