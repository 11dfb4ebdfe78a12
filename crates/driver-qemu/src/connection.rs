//! A connection to the QEMU driver: every trait call delegates to the shared instance.

use crate::caps::{capabilities_xml, domain_capabilities_xml};
use crate::domain::QemuDriver;
use async_trait::async_trait;
use rvirt_core::driver::BlockJobInfo;
use rvirt_core::driver::{
    ConnectDriver, Connection, DomainDriver, DomainSnapshotDriver, InterfaceDriver, NetworkDriver,
    NodeDeviceDriver, SecretDriver, StorageDriver,
};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::event::EventBus;
use rvirt_core::handle::{DomainRef, DomainSnapshotRef, Uuid};
use rvirt_core::info::{
    BlockStats, DomainInfo, DomainInterface, DomainStatsRecord, GuestTime, InterfaceStats, JobInfo,
    MemoryStat, NodeInfo,
};
use rvirt_core::stream::DataStream;
use rvirt_core::typed_param::TypedParam;
use std::sync::Arc;

/// One open `qemu://` connection.
pub struct QemuConnection {
    pub driver: Arc<QemuDriver>,
    pub read_only: bool,
}

impl QemuConnection {
    /// The managed-save image of `dom`, or libvirt's "no managed save" error.
    fn managed_path(&self, dom: &DomainRef) -> VirResult<std::path::PathBuf> {
        let name = self.driver.with_dom(dom, |o| Ok(o.name().to_string()))?;
        let p = self.driver.managed_save_path(&name);
        if !p.exists() {
            return Err(VirError::operation_invalid(
                ErrorDomain::Qemu,
                "domain does not have managed save image",
            ));
        }
        Ok(p)
    }

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

#[async_trait]
impl DomainSnapshotDriver for QemuConnection {
    async fn snapshot_create_xml(
        &self,
        dom: &DomainRef,
        xml: &str,
        flags: u32,
    ) -> VirResult<DomainSnapshotRef> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainSnapshotCreateXML")?;
        self.driver.snapshot_create(dom, xml, flags).await
    }
    async fn snapshot_get_xml_desc(
        &self,
        snap: &DomainSnapshotRef,
        flags: u32,
    ) -> VirResult<String> {
        self.driver.snapshot_xml(snap, flags)
    }
    async fn list_all_snapshots(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<DomainSnapshotRef>> {
        self.driver.snapshot_list(dom, flags)
    }
    async fn snapshot_list_all_children(
        &self,
        snap: &DomainSnapshotRef,
        flags: u32,
    ) -> VirResult<Vec<DomainSnapshotRef>> {
        self.driver.snapshot_children(snap, flags)
    }
    async fn snapshot_lookup_by_name(
        &self,
        dom: &DomainRef,
        name: &str,
        _flags: u32,
    ) -> VirResult<DomainSnapshotRef> {
        self.driver.snapshot_lookup(dom, name)
    }
    async fn has_current_snapshot(&self, dom: &DomainRef, _flags: u32) -> VirResult<bool> {
        Ok(self.driver.snapshot_current(dom)?.is_some())
    }
    async fn snapshot_current(&self, dom: &DomainRef, _flags: u32) -> VirResult<DomainSnapshotRef> {
        self.driver
            .snapshot_current(dom)?
            .ok_or_else(QemuDriver::no_current_snapshot)
    }
    async fn snapshot_get_parent(
        &self,
        snap: &DomainSnapshotRef,
        _flags: u32,
    ) -> VirResult<DomainSnapshotRef> {
        self.driver.snapshot_parent(snap)
    }
    async fn snapshot_is_current(&self, snap: &DomainSnapshotRef, _flags: u32) -> VirResult<bool> {
        self.driver.snapshot_is_current(snap)
    }
    async fn snapshot_has_metadata(
        &self,
        snap: &DomainSnapshotRef,
        _flags: u32,
    ) -> VirResult<bool> {
        self.driver.snapshot_has_metadata(snap)
    }
    async fn revert_to_snapshot(&self, snap: &DomainSnapshotRef, flags: u32) -> VirResult<()> {
        self.driver.wait_attached(&snap.dom).await;
        self.rw("virDomainRevertToSnapshot")?;
        self.driver.snapshot_revert(snap, flags).await
    }
    async fn snapshot_delete(&self, snap: &DomainSnapshotRef, flags: u32) -> VirResult<()> {
        self.driver.wait_attached(&snap.dom).await;
        self.rw("virDomainSnapshotDelete")?;
        self.driver.snapshot_delete(snap, flags).await
    }
}
impl NetworkDriver for QemuConnection {}
impl StorageDriver for QemuConnection {}
impl InterfaceDriver for QemuConnection {}
impl NodeDeviceDriver for QemuConnection {}
impl SecretDriver for QemuConnection {}
impl rvirt_core::driver::NWFilterDriver for QemuConnection {}

#[async_trait]
impl ConnectDriver for QemuConnection {
    async fn node_get_sev_info(&self, flags: u32) -> VirResult<Vec<TypedParam>> {
        self.rw("virNodeGetSEVInfo")?;
        crate::domain::node_sev_info(flags)
    }
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
        self.driver.wait_attached(dom).await;
        self.rw("virDomainUndefineFlags")?;
        // VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA
        let snaps = self.driver.snapshot_count(dom)?;
        if snaps > 0 {
            if _flags & 2 == 0 {
                let active = self.driver.domain_pid(dom).is_ok();
                return Err(VirError::operation_invalid(
                    ErrorDomain::Qemu,
                    format!(
                        "cannot delete {} domain with {snaps} snapshots",
                        if active { "active" } else { "inactive" }
                    ),
                ));
            }
            self.driver.snapshot_remove_all(dom)?;
        }
        self.driver.checkpoint_undefine_check(dom, _flags)?;
        self.driver.undefine(dom, _flags)
    }
    async fn domain_create_xml(&self, xml: &str, flags: u32) -> VirResult<DomainRef> {
        self.rw("virDomainCreateXML")?;
        self.driver.create_xml(xml, flags).await
    }
    async fn domain_create(&self, dom: &DomainRef, flags: u32) -> VirResult<DomainRef> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainCreateWithFlags")?;
        self.driver.create(dom, flags).await
    }
    async fn domain_destroy(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainDestroyFlags")?;
        self.driver.destroy(dom, flags).await
    }
    async fn domain_shutdown(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainShutdownFlags")?;
        self.driver.shutdown(dom, flags).await
    }
    async fn domain_reboot(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainReboot")?;
        self.driver.reboot(dom, flags).await
    }
    async fn domain_reset(&self, dom: &DomainRef, _flags: u32) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainReset")?;
        self.driver.reset(dom).await
    }
    async fn domain_suspend(&self, dom: &DomainRef) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainSuspend")?;
        self.driver.suspend(dom).await
    }
    async fn domain_resume(&self, dom: &DomainRef) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainResume")?;
        self.driver.resume(dom).await
    }
    async fn domain_get_info(&self, dom: &DomainRef) -> VirResult<DomainInfo> {
        self.driver.wait_attached(dom).await;
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
        self.driver.wait_attached(dom).await;
        self.rw("virDomainSetAutostart")?;
        self.driver.set_autostart_flag(dom, autostart)
    }
    async fn domain_get_hostname(&self, dom: &DomainRef, _flags: u32) -> VirResult<String> {
        self.driver.wait_attached(dom).await;
        self.driver.agent_hostname(dom).await
    }
    async fn domain_interface_addresses(
        &self,
        dom: &DomainRef,
        source: u32,
        _flags: u32,
    ) -> VirResult<Vec<DomainInterface>> {
        self.driver.wait_attached(dom).await;
        match source {
            0 => self.driver.lease_interfaces(dom).await,
            1 => self.driver.agent_interfaces(dom).await,
            _ => Err(VirError::new(
                ErrorCode::ArgumentUnsupported,
                ErrorDomain::Qemu,
                format!("Unknown IP address data source {source}"),
            )),
        }
    }
    async fn domain_get_time(&self, dom: &DomainRef, _flags: u32) -> VirResult<GuestTime> {
        self.driver.wait_attached(dom).await;
        self.driver.agent_get_time(dom).await
    }
    async fn domain_set_time(&self, dom: &DomainRef, time: GuestTime, flags: u32) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainSetTime")?;
        self.driver.agent_set_time(dom, time, flags).await
    }
    async fn domain_fs_freeze(
        &self,
        dom: &DomainRef,
        mounts: Vec<String>,
        _flags: u32,
    ) -> VirResult<i32> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainFSFreeze")?;
        self.driver.agent_fs(dom, true, mounts).await
    }
    async fn domain_fs_thaw(
        &self,
        dom: &DomainRef,
        mounts: Vec<String>,
        _flags: u32,
    ) -> VirResult<i32> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainFSThaw")?;
        self.driver.agent_fs(dom, false, mounts).await
    }
    async fn domain_save(
        &self,
        dom: &DomainRef,
        to: &str,
        dxml: Option<String>,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainSaveFlags")?;
        rvirt_core::driver::api_checks::check_save_flags(flags)?;
        self.driver
            .save(dom, std::path::Path::new(to), dxml, flags)
            .await
    }
    async fn domain_restore(&self, from: &str, dxml: Option<String>, flags: u32) -> VirResult<()> {
        self.rw("virDomainRestoreFlags")?;
        rvirt_core::driver::api_checks::check_save_flags(flags)?;
        self.driver
            .restore(std::path::Path::new(from), dxml, flags)
            .await
            .map(|_| ())
    }
    async fn domain_save_image_get_xml_desc(&self, file: &str, flags: u32) -> VirResult<String> {
        self.rw("virDomainSaveImageGetXMLDesc")?;
        VirError::check_flags(ErrorDomain::Qemu, flags, 1, "virDomainSaveImageGetXMLDesc")?;
        self.driver.save_image_xml(std::path::Path::new(file))
    }
    async fn domain_save_image_define_xml(
        &self,
        file: &str,
        dxml: &str,
        flags: u32,
    ) -> VirResult<()> {
        self.rw("virDomainSaveImageDefineXML")?;
        rvirt_core::driver::api_checks::check_save_flags(flags)?;
        self.driver
            .save_image_define(std::path::Path::new(file), Some(dxml), flags)
            .await
    }
    async fn domain_managed_save(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainManagedSave")?;
        rvirt_core::driver::api_checks::check_save_flags(flags)?;
        self.driver.managed_save(dom, flags).await
    }
    async fn domain_has_managed_save_image(&self, dom: &DomainRef, flags: u32) -> VirResult<bool> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 0, "virDomainHasManagedSaveImage")?;
        self.driver.has_managed_save_image(dom)
    }
    async fn domain_managed_save_remove(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainManagedSaveRemove")?;
        VirError::check_flags(ErrorDomain::Qemu, flags, 0, "virDomainManagedSaveRemove")?;
        self.driver.managed_save_remove(dom)
    }
    async fn domain_managed_save_get_xml_desc(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<String> {
        self.driver.wait_attached(dom).await;
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            1,
            "virDomainManagedSaveGetXMLDesc",
        )?;
        let p = self.managed_path(dom)?;
        self.driver.save_image_xml(&p)
    }
    async fn domain_managed_save_define_xml(
        &self,
        dom: &DomainRef,
        dxml: Option<String>,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainManagedSaveDefineXML")?;
        let p = self.managed_path(dom)?;
        self.driver
            .save_image_define(&p, dxml.as_deref(), flags)
            .await
    }
    async fn domain_block_job_abort(
        &self,
        dom: &DomainRef,
        path: &str,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainBlockJobAbort")?;
        self.driver.block_job_abort(dom, path, flags).await
    }
    async fn domain_get_block_job_info(
        &self,
        dom: &DomainRef,
        path: &str,
        flags: u32,
    ) -> VirResult<Option<BlockJobInfo>> {
        self.driver.wait_attached(dom).await;
        self.driver.block_job_info(dom, path, flags).await
    }
    async fn domain_block_job_set_speed(
        &self,
        dom: &DomainRef,
        path: &str,
        bandwidth: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainBlockJobSetSpeed")?;
        self.driver
            .block_job_set_speed(dom, path, bandwidth, flags)
            .await
    }
    async fn domain_block_pull(
        &self,
        dom: &DomainRef,
        path: &str,
        bandwidth: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainBlockPull")?;
        VirError::check_flags(ErrorDomain::Qemu, flags, 64, "virDomainBlockPull")?;
        self.driver
            .block_pull(dom, path, None, bandwidth, flags & 64 != 0)
            .await
    }
    async fn domain_block_resize(
        &self,
        dom: &DomainRef,
        disk: &str,
        size: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainBlockResize")?;
        self.driver.block_resize(dom, disk, size, flags).await
    }
    async fn domain_block_rebase(
        &self,
        dom: &DomainRef,
        path: &str,
        base: Option<String>,
        bandwidth: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainBlockRebase")?;
        self.driver
            .block_rebase(dom, path, base, bandwidth, flags)
            .await
    }
    async fn domain_block_commit(
        &self,
        dom: &DomainRef,
        disk: &str,
        base: Option<String>,
        top: Option<String>,
        bandwidth: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainBlockCommit")?;
        self.driver
            .block_commit(dom, disk, base, top, bandwidth, flags)
            .await
    }
    async fn domain_block_copy(
        &self,
        dom: &DomainRef,
        path: &str,
        destxml: &str,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainBlockCopy")?;
        self.driver
            .block_copy(dom, path, destxml, params, flags)
            .await
    }
    async fn domain_get_job_info(&self, dom: &DomainRef) -> VirResult<JobInfo> {
        self.driver.job_info(dom)
    }
    async fn domain_get_job_stats(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<(i32, Vec<TypedParam>)> {
        self.driver.job_stats(dom, flags)
    }
    async fn domain_abort_job(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.rw("virDomainAbortJob")?;
        // a running backup job is cancelled through its block jobs
        if flags == 0 && self.driver.backup_cancel(dom).await.unwrap_or(false) {
            return Ok(());
        }
        crate::migration::abort_job(&self.driver, dom, flags).await
    }
    async fn domain_attach_device(&self, dom: &DomainRef, xml: &str, flags: u32) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainAttachDeviceFlags")?;
        self.driver.attach_device(dom, xml, flags).await
    }
    async fn domain_detach_device(&self, dom: &DomainRef, xml: &str, flags: u32) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainDetachDeviceFlags")?;
        self.driver.detach_device(dom, xml, flags).await
    }
    async fn domain_detach_device_alias(
        &self,
        dom: &DomainRef,
        alias: &str,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainDetachDeviceAlias")?;
        self.driver.detach_alias(dom, alias, flags).await
    }
    async fn domain_update_device(&self, dom: &DomainRef, xml: &str, flags: u32) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainUpdateDeviceFlags")?;
        self.driver.update_device(dom, xml, flags).await
    }
    async fn domain_set_memory_flags(
        &self,
        dom: &DomainRef,
        kib: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainSetMemoryFlags")?;
        self.driver.set_memory(dom, kib, flags).await
    }
    async fn domain_set_max_memory(&self, dom: &DomainRef, kib: u64) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainSetMaxMemory")?;
        // VIR_DOMAIN_AFFECT_CURRENT | VIR_DOMAIN_MEM_MAXIMUM
        self.driver.set_memory(dom, kib, 4).await
    }
    async fn domain_set_vcpus_flags(&self, dom: &DomainRef, n: u32, flags: u32) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainSetVcpusFlags")?;
        self.driver.set_vcpus(dom, n, flags).await
    }
    async fn domain_get_vcpus_flags(&self, dom: &DomainRef, flags: u32) -> VirResult<i32> {
        self.driver.wait_attached(dom).await;
        self.driver.get_vcpus(dom, flags)
    }
    async fn domain_set_vcpu(
        &self,
        dom: &DomainRef,
        cpumap: &str,
        state: i32,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainSetVcpu")?;
        self.driver.set_vcpu(dom, cpumap, state, flags).await
    }
    async fn domain_get_vcpus(
        &self,
        dom: &DomainRef,
        maxinfo: i32,
        maplen: i32,
    ) -> VirResult<(Vec<rvirt_core::info::VcpuInfo>, Vec<u8>)> {
        self.driver.wait_attached(dom).await;
        self.driver.get_vcpu_info(dom, maxinfo, maplen).await
    }
    async fn domain_get_guest_vcpus(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainGetGuestVcpus")?;
        self.driver.get_guest_vcpus(dom, flags).await
    }
    async fn domain_set_guest_vcpus(
        &self,
        dom: &DomainRef,
        cpumap: &str,
        state: i32,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainSetGuestVcpus")?;
        self.driver.set_guest_vcpus(dom, cpumap, state, flags).await
    }
    async fn domain_rename(&self, dom: &DomainRef, new_name: &str, flags: u32) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainRename")?;
        VirError::check_flags(ErrorDomain::Qemu, flags, 0, "virDomainRename")?;
        self.driver.checkpoint_rename_check(dom)?;
        self.driver.rename(dom, new_name)
    }
    async fn domain_get_metadata(
        &self,
        dom: &DomainRef,
        kind: i32,
        uri: Option<String>,
        flags: u32,
    ) -> VirResult<String> {
        self.driver.get_metadata(dom, kind, uri.as_deref(), flags)
    }
    async fn domain_set_metadata(
        &self,
        dom: &DomainRef,
        kind: i32,
        metadata: Option<String>,
        key: Option<String>,
        uri: Option<String>,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainSetMetadata")?;
        self.driver.set_metadata(
            dom,
            kind,
            metadata.as_deref(),
            key.as_deref(),
            uri.as_deref(),
            flags,
        )
    }
    async fn domain_set_lifecycle_action(
        &self,
        dom: &DomainRef,
        kind: u32,
        action: u32,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainSetLifecycleAction")?;
        self.driver.set_lifecycle_action(dom, kind, action, flags)
    }
    async fn domain_block_stats(&self, dom: &DomainRef, path: &str) -> VirResult<BlockStats> {
        self.driver.wait_attached(dom).await;
        self.driver.block_stats(dom, path).await
    }
    async fn domain_interface_stats(
        &self,
        dom: &DomainRef,
        dev: &str,
    ) -> VirResult<InterfaceStats> {
        self.driver.wait_attached(dom).await;
        self.driver.interface_stats(dom, dev)
    }
    async fn domain_memory_stats(
        &self,
        dom: &DomainRef,
        max_stats: u32,
        flags: u32,
    ) -> VirResult<Vec<MemoryStat>> {
        self.driver.wait_attached(dom).await;
        VirError::check_flags(ErrorDomain::Qemu, flags, 0, "virDomainMemoryStats")?;
        self.driver.memory_stats(dom, max_stats).await
    }
    async fn get_all_domain_stats(
        &self,
        doms: Vec<DomainRef>,
        stats: u32,
        flags: u32,
    ) -> VirResult<Vec<DomainStatsRecord>> {
        self.driver.wait_reattached().await;
        self.driver.all_stats(doms, stats, flags).await
    }
    async fn domain_open_console(
        &self,
        dom: &DomainRef,
        dev_name: Option<String>,
        _flags: u32,
    ) -> VirResult<DataStream> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainOpenConsole")?;
        self.driver.open_console(dom, dev_name)
    }
    async fn domain_open_graphics(
        &self,
        dom: &DomainRef,
        idx: u32,
        fd: std::os::fd::OwnedFd,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainOpenGraphics")?;
        self.driver.open_graphics(dom, idx, fd, flags).await
    }
    async fn domain_open_graphics_fd(
        &self,
        dom: &DomainRef,
        idx: u32,
        flags: u32,
    ) -> VirResult<std::os::fd::OwnedFd> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainOpenGraphicsFD")?;
        self.driver.open_graphics_fd(dom, idx, flags).await
    }
    async fn domain_fd_associate(
        &self,
        dom: &DomainRef,
        name: &str,
        fds: Vec<std::os::fd::OwnedFd>,
        flags: u32,
    ) -> VirResult<()> {
        self.rw("virDomainFDAssociate")?;
        self.driver.fd_associate(dom, name, fds, flags)
    }
    async fn domain_screenshot(
        &self,
        dom: &DomainRef,
        screen: u32,
        flags: u32,
    ) -> VirResult<(Option<String>, DataStream)> {
        self.driver.wait_attached(dom).await;
        VirError::check_flags(ErrorDomain::Qemu, flags, 0, "virDomainScreenshot")?;
        self.rw("virDomainScreenshot")?;
        self.driver.screenshot(dom, screen).await
    }
    async fn domain_get_perf_events(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.driver.wait_attached(dom).await;
        self.driver.perf_events(dom, flags)
    }
    async fn domain_set_perf_events(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainSetPerfEvents")?;
        self.driver.set_perf_events(dom, &params, flags)
    }
    async fn domain_get_launch_security_info(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainGetLaunchSecurityInfo")?;
        self.driver.launch_security_info(dom, flags).await
    }
    async fn domain_set_launch_security_state(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainSetLaunchSecurityState")?;
        self.driver
            .set_launch_security_state(dom, &params, flags)
            .await
    }
    async fn domain_backup_begin(
        &self,
        dom: &DomainRef,
        backup_xml: &str,
        checkpoint_xml: Option<String>,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainBackupBegin")?;
        self.driver
            .backup_begin(dom, backup_xml, checkpoint_xml.as_deref(), flags)
            .await
    }
    async fn domain_backup_get_xml_desc(&self, dom: &DomainRef, flags: u32) -> VirResult<String> {
        self.driver.wait_attached(dom).await;
        self.driver.backup_xml_desc(dom, flags)
    }
    async fn domain_migrate_get_compression_cache(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<u64> {
        self.driver.wait_attached(dom).await;
        self.driver.compression_cache(dom, flags).await
    }
    async fn domain_migrate_set_compression_cache(
        &self,
        dom: &DomainRef,
        cache_size: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainMigrateSetCompressionCache")?;
        self.driver
            .set_compression_cache(dom, cache_size, flags)
            .await
    }
    async fn domain_get_scheduler_type(&self, dom: &DomainRef) -> VirResult<(String, i32)> {
        self.driver.sched_type(dom)
    }
    async fn domain_get_scheduler_parameters(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.driver.wait_attached(dom).await;
        self.driver.sched_get(dom, flags)
    }
    async fn domain_set_scheduler_parameters(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainSetSchedulerParametersFlags")?;
        self.driver.sched_set(dom, params, flags)
    }
    async fn domain_get_interface_parameters(
        &self,
        dom: &DomainRef,
        device: &str,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.driver.wait_attached(dom).await;
        self.driver.iftune_get(dom, device, flags)
    }
    async fn domain_set_interface_parameters(
        &self,
        dom: &DomainRef,
        device: &str,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainSetInterfaceParameters")?;
        self.driver.iftune_set(dom, device, params, flags).await
    }
    async fn domain_get_memory_parameters(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.driver.wait_attached(dom).await;
        self.driver.memtune_get(dom, flags)
    }
    async fn domain_set_memory_parameters(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainSetMemoryParameters")?;
        self.driver.memtune_set(dom, params, flags)
    }
    async fn domain_get_blkio_parameters(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.driver.wait_attached(dom).await;
        self.driver.blkio_get(dom, flags)
    }
    async fn domain_set_blkio_parameters(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainSetBlkioParameters")?;
        self.driver.blkio_set(dom, params, flags)
    }
    async fn domain_pin_vcpu_flags(
        &self,
        dom: &DomainRef,
        vcpu: u32,
        cpumap: Vec<u8>,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainPinVcpuFlags")?;
        self.driver.pin_vcpu(dom, vcpu, cpumap, flags).await
    }
    async fn domain_get_vcpu_pin_info(
        &self,
        dom: &DomainRef,
        ncpumaps: i32,
        maplen: i32,
        flags: u32,
    ) -> VirResult<(Vec<u8>, i32)> {
        self.driver.wait_attached(dom).await;
        self.driver
            .vcpu_pin_info(dom, ncpumaps, maplen, flags)
            .await
    }
    async fn domain_pin_emulator(
        &self,
        dom: &DomainRef,
        cpumap: Vec<u8>,
        flags: u32,
    ) -> VirResult<()> {
        self.driver.wait_attached(dom).await;
        self.rw("virDomainPinEmulator")?;
        self.driver.pin_emulator(dom, cpumap, flags).await
    }
    async fn domain_get_emulator_pin_info(
        &self,
        dom: &DomainRef,
        maplen: i32,
        flags: u32,
    ) -> VirResult<(Vec<u8>, i32)> {
        self.driver.wait_attached(dom).await;
        self.driver.emulator_pin_info(dom, maplen, flags)
    }
}
