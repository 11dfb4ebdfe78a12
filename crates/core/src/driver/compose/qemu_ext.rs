//! The `libvirt-qemu` APIs forwarded to the primary (hypervisor) driver.

use super::ComposedConnection;
use crate::driver::*;
use crate::error::VirResult;
use crate::handle::*;
use async_trait::async_trait;
use tokio::sync::broadcast;

#[async_trait]
impl QemuExtDriver for ComposedConnection {
    /// virDomainQemuMonitorCommand
    async fn qemu_monitor_command(
        &self,
        dom: &DomainRef,
        cmd: &str,
        flags: u32,
    ) -> VirResult<String> {
        self.primary.qemu_monitor_command(dom, cmd, flags).await
    }

    /// virDomainQemuMonitorCommandWithFiles
    async fn qemu_monitor_command_with_files(
        &self,
        dom: &DomainRef,
        cmd: &str,
        fds: Vec<std::os::fd::OwnedFd>,
        flags: u32,
    ) -> VirResult<(String, Vec<std::os::fd::OwnedFd>)> {
        self.primary
            .qemu_monitor_command_with_files(dom, cmd, fds, flags)
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
        self.primary
            .qemu_agent_command(dom, cmd, timeout, flags)
            .await
    }

    /// virDomainQemuAttach
    async fn qemu_attach(&self, pid: u32, flags: u32) -> VirResult<DomainRef> {
        self.primary.qemu_attach(pid, flags).await
    }

    /// virConnectDomainQemuMonitorEventRegister
    fn qemu_monitor_events(&self) -> VirResult<broadcast::Receiver<QemuMonitorEvent>> {
        self.primary.qemu_monitor_events()
    }
}
