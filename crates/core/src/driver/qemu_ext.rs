//! The QEMU-specific extras of `libvirt-qemu` (`virDomainQemu*`, the QEMU RPC program):
//! raw monitor and guest-agent commands and raw QMP monitor events.

use crate::error::VirResult;
use crate::handle::DomainRef;
use crate::unsupported;
use async_trait::async_trait;
use tokio::sync::broadcast;

/// `VIR_DOMAIN_QEMU_MONITOR_COMMAND_HMP`: the command is human-monitor text.
pub const QEMU_MONITOR_COMMAND_HMP: u32 = 1;

/// `VIR_CONNECT_DOMAIN_QEMU_MONITOR_EVENT_REGISTER_REGEX`.
pub const QEMU_MONITOR_EVENT_REGISTER_REGEX: u32 = 1;
/// `VIR_CONNECT_DOMAIN_QEMU_MONITOR_EVENT_REGISTER_NOCASE`.
pub const QEMU_MONITOR_EVENT_REGISTER_NOCASE: u32 = 2;

/// One QMP event as `virConnectDomainQemuMonitorEventCallback` receives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QemuMonitorEvent {
    pub dom: DomainRef,
    /// QMP event name, e.g. `"STOP"`.
    pub event: String,
    /// Seconds and microseconds of QEMU's timestamp (−1/0 when unknown).
    pub seconds: i64,
    pub micros: u32,
    /// The event's `data` member as JSON text, if any.
    pub details: Option<String>,
}

/// The `libvirt-qemu` APIs. Every method defaults to libvirt's "not supported" error.
#[async_trait]
pub trait QemuExtDriver: Send + Sync {
    /// virDomainQemuMonitorCommand: a QMP command (JSON) or, with
    /// [`QEMU_MONITOR_COMMAND_HMP`], a human-monitor command; returns the reply text.
    async fn qemu_monitor_command(
        &self,
        _dom: &DomainRef,
        _cmd: &str,
        _flags: u32,
    ) -> VirResult<String> {
        unsupported!(Dom, "virDomainQemuMonitorCommand")
    }

    /// virDomainQemuMonitorCommandWithFiles: [`Self::qemu_monitor_command`] with `fds`
    /// (at most one) handed to QEMU alongside the command (`SCM_RIGHTS`); returns the reply
    /// text and the fds QEMU sent back (none today, as in libvirt).
    async fn qemu_monitor_command_with_files(
        &self,
        _dom: &DomainRef,
        _cmd: &str,
        _fds: Vec<std::os::fd::OwnedFd>,
        _flags: u32,
    ) -> VirResult<(String, Vec<std::os::fd::OwnedFd>)> {
        unsupported!(Dom, "virDomainQemuMonitorCommandWithFiles")
    }

    /// virDomainQemuAgentCommand: a raw guest-agent command; `timeout` is seconds or −2
    /// (block), −1 (default), 0 (no wait). `None` when the agent sends no reply.
    async fn qemu_agent_command(
        &self,
        _dom: &DomainRef,
        _cmd: &str,
        _timeout: i32,
        _flags: u32,
    ) -> VirResult<Option<String>> {
        unsupported!(Dom, "virDomainQemuAgentCommand")
    }

    /// virDomainQemuAttach: adopts a QEMU process started outside libvirt.
    async fn qemu_attach(&self, _pid: u32, _flags: u32) -> VirResult<DomainRef> {
        unsupported!(Dom, "virDomainQemuAttach")
    }

    /// virConnectDomainQemuMonitorEventRegister: a stream of every guest's QMP events; the
    /// caller filters by domain and name.
    fn qemu_monitor_events(&self) -> VirResult<broadcast::Receiver<QemuMonitorEvent>> {
        unsupported!(Dom, "virConnectDomainQemuMonitorEventRegister")
    }
}
