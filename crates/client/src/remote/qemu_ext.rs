//! `QemuExtDriver` over RPC: the QEMU program (`0x20008087`) of `libvirt-qemu`.

use async_trait::async_trait;
use rvirt_core::driver::QemuExtDriver;
use rvirt_core::error::VirResult;
use rvirt_core::DomainRef;
use rvirt_proto::qemu_program::*;
use rvirt_proto::QEMU_PROGRAM;

use super::conn::RemoteConnection;

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
}
