//! The `libvirt-qemu` APIs of `ReadOnlyConnection`: monitor, agent and attach commands are
//! refused (libvirt-qemu.c checks read-only first); monitor events forward.

use async_trait::async_trait;
use rvirt_core::driver::{QemuExtDriver, QemuMonitorEvent};
use rvirt_core::error::{ErrorDomain, VirResult};
use rvirt_core::handle::DomainRef;
use std::os::fd::OwnedFd;
use tokio::sync::broadcast;

use super::{denied, ReadOnlyConnection};

#[async_trait]
impl QemuExtDriver for ReadOnlyConnection {
    /// virDomainQemuMonitorCommand
    async fn qemu_monitor_command(
        &self,
        _dom: &DomainRef,
        _cmd: &str,
        _flags: u32,
    ) -> VirResult<String> {
        Err(denied(ErrorDomain::Dom, "virDomainQemuMonitorCommand"))
    }

    /// virDomainQemuMonitorCommandWithFiles
    async fn qemu_monitor_command_with_files(
        &self,
        _dom: &DomainRef,
        _cmd: &str,
        _fds: Vec<OwnedFd>,
        _flags: u32,
    ) -> VirResult<(String, Vec<OwnedFd>)> {
        Err(denied(
            ErrorDomain::Dom,
            "virDomainQemuMonitorCommandWithFiles",
        ))
    }

    /// virDomainQemuAgentCommand
    async fn qemu_agent_command(
        &self,
        _dom: &DomainRef,
        _cmd: &str,
        _timeout: i32,
        _flags: u32,
    ) -> VirResult<Option<String>> {
        Err(denied(ErrorDomain::Dom, "virDomainQemuAgentCommand"))
    }

    /// virDomainQemuAttach
    async fn qemu_attach(&self, _pid: u32, _flags: u32) -> VirResult<DomainRef> {
        Err(denied(ErrorDomain::Dom, "virDomainQemuAttach"))
    }

    /// virConnectDomainQemuMonitorEventRegister
    fn qemu_monitor_events(&self) -> VirResult<broadcast::Receiver<QemuMonitorEvent>> {
        self.inner.qemu_monitor_events()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rvirt_core::driver::DomainDriver;
    use rvirt_core::error::ErrorCode;

    #[tokio::test]
    async fn monitor_and_agent_commands_are_refused() {
        let uri = rvirt_core::uri::ConnectUri::parse("test:///default").unwrap();
        let c = ReadOnlyConnection::new(rvirt_driver_test::open_uri(&uri).unwrap());
        let dom = c.domain_lookup_by_name("test").await.unwrap();
        let e = c
            .qemu_monitor_command(&dom, "{\"execute\":\"query-status\"}", 0)
            .await
            .unwrap_err();
        assert_eq!(
            (e.code, e.domain),
            (ErrorCode::OperationDenied, ErrorDomain::Dom)
        );
        assert_eq!(
            e.message,
            "operation forbidden: read only access prevents virDomainQemuMonitorCommand"
        );
        let e = c.qemu_agent_command(&dom, "{}", -1, 0).await.unwrap_err();
        assert_eq!(e.code, ErrorCode::OperationDenied);
        let e = c
            .qemu_monitor_command_with_files(&dom, "{}", Vec::new(), 0)
            .await
            .unwrap_err();
        assert_eq!(
            e.message,
            "operation forbidden: read only access prevents virDomainQemuMonitorCommandWithFiles"
        );
    }
}
