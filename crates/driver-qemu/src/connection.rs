//! A connection to the QEMU driver: every trait call delegates to the shared instance.

use crate::caps::{capabilities_xml, domain_capabilities_xml};
use crate::domain::QemuDriver;
use async_trait::async_trait;
use rvirt_core::driver::{
    ConnectDriver, Connection, DomainDriver, DomainSnapshotDriver, InterfaceDriver, NetworkDriver,
    NodeDeviceDriver, SecretDriver, StorageDriver,
};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::event::EventBus;
use rvirt_core::handle::{DomainRef, Uuid};
use rvirt_core::info::{DomainInfo, DomainInterface, GuestTime, NodeInfo};
use rvirt_core::stream::DataStream;
use std::sync::Arc;

/// One open `qemu://` connection.
pub struct QemuConnection {
    pub driver: Arc<QemuDriver>,
    pub read_only: bool,
}

impl QemuConnection {
    fn rw(&self, api: &str) -> VirResult<()> {
        if self.read_only {
            return Err(VirError::read_only(api));
        }
        Ok(())
    }
}

impl Connection for QemuConnection {
    fn events(&self) -> EventBus {
        self.driver.events.clone()
    }
}

impl DomainSnapshotDriver for QemuConnection {}
impl NetworkDriver for QemuConnection {}
impl StorageDriver for QemuConnection {}
impl InterfaceDriver for QemuConnection {}
impl NodeDeviceDriver for QemuConnection {}
impl SecretDriver for QemuConnection {}

#[async_trait]
impl ConnectDriver for QemuConnection {
    async fn get_type(&self) -> VirResult<String> {
        Ok("QEMU".into())
    }
    async fn get_version(&self) -> VirResult<u64> {
        Ok(self.driver.qemu_caps().await?.version_number())
    }
    async fn get_hostname(&self) -> VirResult<String> {
        Ok(rustix::system::uname()
            .nodename()
            .to_string_lossy()
            .into_owned())
    }
    async fn get_uri(&self) -> VirResult<String> {
        Ok(self.driver.opts.uri.clone())
    }
    async fn get_capabilities(&self) -> VirResult<String> {
        let caps = self.driver.qemu_caps().await?;
        Ok(capabilities_xml(&self.driver.host, &[(*caps).clone()]))
    }
    async fn get_domain_capabilities(
        &self,
        emulator: Option<String>,
        arch: Option<String>,
        machine: Option<String>,
        virttype: Option<String>,
        _flags: u32,
    ) -> VirResult<String> {
        let caps = self.driver.qemu_caps().await?;
        if let Some(e) = emulator.filter(|e| *e != caps.binary) {
            return Err(VirError::invalid_arg(
                ErrorDomain::Qemu,
                format!("unable to find any emulator to serve '{e}'"),
            ));
        }
        if let Some(a) = arch.filter(|a| *a != caps.arch) {
            return Err(VirError::new(
                ErrorCode::ConfigUnsupported,
                ErrorDomain::Qemu,
                format!("Emulator '{}' does not support arch '{a}'", caps.binary),
            ));
        }
        let vt = virttype.unwrap_or_else(|| if caps.kvm_usable { "kvm" } else { "qemu" }.into());
        if vt == "kvm" && !caps.kvm_usable {
            return Err(VirError::new(
                ErrorCode::ConfigUnsupported,
                ErrorDomain::Qemu,
                "KVM is not supported on this host".to_string(),
            ));
        }
        let m = caps.canonical_machine(machine.as_deref()).ok_or_else(|| {
            VirError::new(
                ErrorCode::ConfigUnsupported,
                ErrorDomain::Qemu,
                format!(
                    "the machine '{}' is not supported by emulator '{}'",
                    machine.unwrap_or_default(),
                    caps.binary
                ),
            )
        })?;
        Ok(domain_capabilities_xml(&caps, &vt, &m))
    }
    async fn get_max_vcpus(&self, _type: Option<String>) -> VirResult<i32> {
        Ok(255)
    }
    async fn node_get_info(&self) -> VirResult<NodeInfo> {
        let h = &self.driver.host;
        Ok(NodeInfo {
            model: h.arch.clone(),
            memory: h.memory_kib,
            cpus: h.cpus as i32,
            mhz: 0,
            nodes: 1,
            sockets: 1,
            cores: h.cpus as i32,
            threads: 1,
        })
    }
}

#[async_trait]
impl DomainDriver for QemuConnection {
    async fn list_all_domains(&self, flags: u32) -> VirResult<Vec<DomainRef>> {
        self.driver.list_all(flags)
    }
    async fn list_domain_ids(&self) -> VirResult<Vec<i32>> {
        Ok(self.driver.list_all(1)?.into_iter().map(|d| d.id).collect())
    }
    async fn list_defined_domains(&self) -> VirResult<Vec<String>> {
        Ok(self
            .driver
            .list_all(2)?
            .into_iter()
            .map(|d| d.name)
            .collect())
    }
    async fn domain_lookup_by_id(&self, id: i32) -> VirResult<DomainRef> {
        self.driver.lookup_id(id)
    }
    async fn domain_lookup_by_name(&self, name: &str) -> VirResult<DomainRef> {
        self.driver.lookup_name(name)
    }
    async fn domain_lookup_by_uuid(&self, uuid: Uuid) -> VirResult<DomainRef> {
        self.driver.lookup_uuid(uuid)
    }
    async fn domain_define_xml(&self, xml: &str, flags: u32) -> VirResult<DomainRef> {
        self.rw("virDomainDefineXMLFlags")?;
        VirError::check_flags(ErrorDomain::Qemu, flags, 1, "virDomainDefineXMLFlags")?;
        self.driver.define(xml).await
    }
    async fn domain_undefine(&self, dom: &DomainRef, _flags: u32) -> VirResult<()> {
        self.rw("virDomainUndefineFlags")?;
        self.driver.undefine(dom)
    }
    async fn domain_create_xml(&self, xml: &str, flags: u32) -> VirResult<DomainRef> {
        self.rw("virDomainCreateXML")?;
        self.driver.create_xml(xml, flags).await
    }
    async fn domain_create(&self, dom: &DomainRef, flags: u32) -> VirResult<DomainRef> {
        self.rw("virDomainCreateWithFlags")?;
        self.driver.create(dom, flags).await
    }
    async fn domain_destroy(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.rw("virDomainDestroyFlags")?;
        self.driver.destroy(dom, flags).await
    }
    async fn domain_shutdown(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.rw("virDomainShutdownFlags")?;
        self.driver.shutdown(dom, flags).await
    }
    async fn domain_reboot(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.rw("virDomainReboot")?;
        self.driver.reboot(dom, flags).await
    }
    async fn domain_reset(&self, dom: &DomainRef, _flags: u32) -> VirResult<()> {
        self.rw("virDomainReset")?;
        self.driver.reset(dom).await
    }
    async fn domain_suspend(&self, dom: &DomainRef) -> VirResult<()> {
        self.rw("virDomainSuspend")?;
        self.driver.suspend(dom).await
    }
    async fn domain_resume(&self, dom: &DomainRef) -> VirResult<()> {
        self.rw("virDomainResume")?;
        self.driver.resume(dom).await
    }
    async fn domain_get_info(&self, dom: &DomainRef) -> VirResult<DomainInfo> {
        self.driver.info(dom)
    }
    async fn domain_get_state(&self, dom: &DomainRef, _flags: u32) -> VirResult<(i32, i32)> {
        self.driver.state_of(dom)
    }
    async fn domain_get_xml_desc(&self, dom: &DomainRef, flags: u32) -> VirResult<String> {
        self.driver.xml_desc(dom, flags)
    }
    async fn domain_get_os_type(&self, dom: &DomainRef) -> VirResult<String> {
        self.driver.with_dom(dom, |o| Ok(o.def.os_type.clone()))
    }
    async fn domain_get_max_memory(&self, dom: &DomainRef) -> VirResult<u64> {
        self.driver
            .with_dom(dom, |o| Ok(o.current_def().max_memory_kib))
    }
    async fn domain_get_max_vcpus(&self, dom: &DomainRef) -> VirResult<i32> {
        self.driver
            .with_dom(dom, |o| Ok(o.current_def().vcpus_max as i32))
    }
    async fn domain_is_active(&self, dom: &DomainRef) -> VirResult<bool> {
        self.driver.with_dom(dom, |o| Ok(o.state.is_active()))
    }
    async fn domain_is_persistent(&self, dom: &DomainRef) -> VirResult<bool> {
        self.driver.with_dom(dom, |o| Ok(o.persistent))
    }
    async fn domain_is_updated(&self, dom: &DomainRef) -> VirResult<bool> {
        self.driver.with_dom(dom, |_| Ok(false))
    }
    async fn domain_get_autostart(&self, dom: &DomainRef) -> VirResult<bool> {
        self.driver.with_dom(dom, |o| Ok(o.autostart))
    }
    async fn domain_set_autostart(&self, dom: &DomainRef, autostart: bool) -> VirResult<()> {
        self.rw("virDomainSetAutostart")?;
        self.driver.set_autostart_flag(dom, autostart)
    }
    async fn domain_get_hostname(&self, dom: &DomainRef, _flags: u32) -> VirResult<String> {
        self.driver.agent_hostname(dom).await
    }
    async fn domain_interface_addresses(
        &self,
        dom: &DomainRef,
        source: u32,
        _flags: u32,
    ) -> VirResult<Vec<DomainInterface>> {
        match source {
            1 => self.driver.agent_interfaces(dom).await,
            _ => Err(VirError::new(
                ErrorCode::ArgumentUnsupported,
                ErrorDomain::Qemu,
                format!("Unknown IP address data source {source}"),
            )),
        }
    }
    async fn domain_get_time(&self, dom: &DomainRef, _flags: u32) -> VirResult<GuestTime> {
        self.driver.agent_get_time(dom).await
    }
    async fn domain_set_time(&self, dom: &DomainRef, time: GuestTime, flags: u32) -> VirResult<()> {
        self.rw("virDomainSetTime")?;
        self.driver.agent_set_time(dom, time, flags).await
    }
    async fn domain_fs_freeze(
        &self,
        dom: &DomainRef,
        mounts: Vec<String>,
        _flags: u32,
    ) -> VirResult<i32> {
        self.rw("virDomainFSFreeze")?;
        self.driver.agent_fs(dom, true, mounts).await
    }
    async fn domain_fs_thaw(
        &self,
        dom: &DomainRef,
        mounts: Vec<String>,
        _flags: u32,
    ) -> VirResult<i32> {
        self.rw("virDomainFSThaw")?;
        self.driver.agent_fs(dom, false, mounts).await
    }
    async fn domain_open_console(
        &self,
        dom: &DomainRef,
        dev_name: Option<String>,
        _flags: u32,
    ) -> VirResult<DataStream> {
        self.rw("virDomainOpenConsole")?;
        self.driver.open_console(dom, dev_name)
    }
}
