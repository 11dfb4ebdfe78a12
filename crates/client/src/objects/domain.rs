//! [`Domain`] (`virDomainPtr`) and [`DomainSnapshot`] (`virDomainSnapshotPtr`).

use rvirt_core::error::VirResult;
use rvirt_core::info::{DomainInfo, JobInfo, MemoryStat};
use rvirt_core::typed_param::{TypedParam, TYPED_PARAM_STRING_OKAY};
use rvirt_core::{DomainRef, DomainSnapshotRef, Uuid};

use crate::connect::Connect;
use crate::stream::Stream;

/// A domain (`virDomainPtr`): the connection plus its handle (name, UUID, id).
#[derive(Debug, Clone)]
pub struct Domain {
    conn: Connect,
    handle: DomainRef,
}

impl Domain {
    /// Wraps a handle returned by a driver call.
    pub fn new(conn: &Connect, handle: DomainRef) -> Self {
        Domain {
            conn: conn.clone(),
            handle,
        }
    }
    /// The wire handle.
    pub fn handle(&self) -> &DomainRef {
        &self.handle
    }
    /// The connection this domain belongs to.
    pub fn connect(&self) -> &Connect {
        &self.conn
    }
    /// virDomainGetName
    pub fn name(&self) -> &str {
        &self.handle.name
    }
    /// virDomainGetUUID
    pub fn uuid(&self) -> Uuid {
        self.handle.uuid
    }
    /// virDomainGetUUIDString
    pub fn uuid_string(&self) -> String {
        self.handle.uuid.to_string()
    }
    /// virDomainGetID: the id as of the last lookup/start (`None` when inactive).
    pub fn id(&self) -> Option<u32> {
        u32::try_from(self.handle.id).ok()
    }
    /// Re-reads the handle (live id) by UUID.
    pub async fn refresh(&mut self) -> VirResult<()> {
        self.handle = self.conn.domain_lookup_by_uuid(self.handle.uuid).await?;
        Ok(())
    }
    /// virDomainGetInfo
    pub async fn info(&self) -> VirResult<DomainInfo> {
        self.conn.domain_get_info(&self.handle).await
    }
    /// virDomainGetState: (state, reason).
    pub async fn state(&self) -> VirResult<(i32, i32)> {
        self.conn.domain_get_state(&self.handle, 0).await
    }
    /// virDomainGetXMLDesc
    pub async fn xml_desc(&self, flags: u32) -> VirResult<String> {
        self.conn.domain_get_xml_desc(&self.handle, flags).await
    }
    /// virDomainGetOSType
    pub async fn os_type(&self) -> VirResult<String> {
        self.conn.domain_get_os_type(&self.handle).await
    }
    /// virDomainGetMaxMemory (KiB)
    pub async fn max_memory(&self) -> VirResult<u64> {
        self.conn.domain_get_max_memory(&self.handle).await
    }
    /// virDomainGetMaxVcpus
    pub async fn max_vcpus(&self) -> VirResult<i32> {
        self.conn.domain_get_max_vcpus(&self.handle).await
    }
    /// virDomainIsActive
    pub async fn is_active(&self) -> VirResult<bool> {
        self.conn.domain_is_active(&self.handle).await
    }
    /// virDomainIsPersistent
    pub async fn is_persistent(&self) -> VirResult<bool> {
        self.conn.domain_is_persistent(&self.handle).await
    }
    /// virDomainGetAutostart
    pub async fn autostart(&self) -> VirResult<bool> {
        self.conn.domain_get_autostart(&self.handle).await
    }
    /// virDomainSetAutostart
    pub async fn set_autostart(&self, autostart: bool) -> VirResult<()> {
        self.conn
            .domain_set_autostart(&self.handle, autostart)
            .await
    }
    /// virDomainCreate: starts the domain and refreshes its id.
    pub async fn create(&mut self) -> VirResult<()> {
        self.create_with_flags(0).await
    }
    /// virDomainCreateWithFlags
    pub async fn create_with_flags(&mut self, flags: u32) -> VirResult<()> {
        self.handle = self.conn.domain_create(&self.handle, flags).await?;
        Ok(())
    }
    /// virDomainDestroy
    pub async fn destroy(&self) -> VirResult<()> {
        self.conn.domain_destroy(&self.handle, 0).await
    }
    /// virDomainDestroyFlags
    pub async fn destroy_flags(&self, flags: u32) -> VirResult<()> {
        self.conn.domain_destroy(&self.handle, flags).await
    }
    /// virDomainShutdown
    pub async fn shutdown(&self) -> VirResult<()> {
        self.conn.domain_shutdown(&self.handle, 0).await
    }
    /// virDomainReboot
    pub async fn reboot(&self, flags: u32) -> VirResult<()> {
        self.conn.domain_reboot(&self.handle, flags).await
    }
    /// virDomainReset
    pub async fn reset(&self) -> VirResult<()> {
        self.conn.domain_reset(&self.handle, 0).await
    }
    /// virDomainSuspend
    pub async fn suspend(&self) -> VirResult<()> {
        self.conn.domain_suspend(&self.handle).await
    }
    /// virDomainResume
    pub async fn resume(&self) -> VirResult<()> {
        self.conn.domain_resume(&self.handle).await
    }
    /// virDomainUndefine
    pub async fn undefine(&self) -> VirResult<()> {
        self.conn.domain_undefine(&self.handle, 0).await
    }
    /// virDomainUndefineFlags
    pub async fn undefine_flags(&self, flags: u32) -> VirResult<()> {
        self.conn.domain_undefine(&self.handle, flags).await
    }
    /// virDomainSave
    pub async fn save(&self, to: &str) -> VirResult<()> {
        self.conn.domain_save(&self.handle, to, None, 0).await
    }
    /// virDomainManagedSave
    pub async fn managed_save(&self, flags: u32) -> VirResult<()> {
        self.conn.domain_managed_save(&self.handle, flags).await
    }
    /// virDomainHasManagedSaveImage
    pub async fn has_managed_save_image(&self) -> VirResult<bool> {
        self.conn
            .domain_has_managed_save_image(&self.handle, 0)
            .await
    }
    /// virDomainSetMemoryFlags (KiB)
    pub async fn set_memory_flags(&self, kib: u64, flags: u32) -> VirResult<()> {
        self.conn
            .domain_set_memory_flags(&self.handle, kib, flags)
            .await
    }
    /// virDomainSetMaxMemory (KiB)
    pub async fn set_max_memory(&self, kib: u64) -> VirResult<()> {
        self.conn.domain_set_max_memory(&self.handle, kib).await
    }
    /// virDomainSetVcpusFlags
    pub async fn set_vcpus_flags(&self, n: u32, flags: u32) -> VirResult<()> {
        self.conn
            .domain_set_vcpus_flags(&self.handle, n, flags)
            .await
    }
    /// virDomainAttachDeviceFlags
    pub async fn attach_device_flags(&self, xml: &str, flags: u32) -> VirResult<()> {
        self.conn
            .domain_attach_device(&self.handle, xml, flags)
            .await
    }
    /// virDomainDetachDeviceFlags
    pub async fn detach_device_flags(&self, xml: &str, flags: u32) -> VirResult<()> {
        self.conn
            .domain_detach_device(&self.handle, xml, flags)
            .await
    }
    /// virDomainGetJobInfo
    pub async fn job_info(&self) -> VirResult<JobInfo> {
        self.conn.domain_get_job_info(&self.handle).await
    }
    /// virDomainMemoryStats
    pub async fn memory_stats(&self, max: u32) -> VirResult<Vec<MemoryStat>> {
        self.conn.domain_memory_stats(&self.handle, max, 0).await
    }
    /// virDomainOpenConsole
    pub async fn open_console(&self, dev: Option<&str>, flags: u32) -> VirResult<Stream> {
        let s = self
            .conn
            .domain_open_console(&self.handle, dev.map(str::to_owned), flags)
            .await?;
        Ok(Stream::new(s))
    }
    /// virDomainGetPerfEvents: one boolean per perf event, named as libvirt names them.
    pub async fn perf_events(&self, flags: u32) -> VirResult<Vec<TypedParam>> {
        self.conn.domain_get_perf_events(&self.handle, flags).await
    }
    /// virDomainSetPerfEvents
    pub async fn set_perf_events(&self, params: Vec<TypedParam>, flags: u32) -> VirResult<()> {
        self.conn
            .domain_set_perf_events(&self.handle, params, flags)
            .await
    }
    /// virDomainGetLaunchSecurityInfo (adds `VIR_TYPED_PARAM_STRING_OKAY`, as libvirt does).
    pub async fn launch_security_info(&self, flags: u32) -> VirResult<Vec<TypedParam>> {
        self.conn
            .domain_get_launch_security_info(&self.handle, flags | TYPED_PARAM_STRING_OKAY)
            .await
    }
    /// virDomainSetLaunchSecurityState
    pub async fn set_launch_security_state(
        &self,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.conn
            .domain_set_launch_security_state(&self.handle, params, flags)
            .await
    }
    /// virDomainMigrateGetCompressionCache (bytes)
    pub async fn migrate_compression_cache(&self, flags: u32) -> VirResult<u64> {
        self.conn
            .domain_migrate_get_compression_cache(&self.handle, flags)
            .await
    }
    /// virDomainMigrateSetCompressionCache (bytes)
    pub async fn migrate_set_compression_cache(&self, size: u64, flags: u32) -> VirResult<()> {
        self.conn
            .domain_migrate_set_compression_cache(&self.handle, size, flags)
            .await
    }
    /// virDomainBackupBegin
    pub async fn backup_begin(
        &self,
        backup_xml: &str,
        checkpoint_xml: Option<&str>,
        flags: u32,
    ) -> VirResult<()> {
        self.conn
            .domain_backup_begin(
                &self.handle,
                backup_xml,
                checkpoint_xml.map(str::to_owned),
                flags,
            )
            .await
    }
    /// virDomainBackupGetXMLDesc
    pub async fn backup_xml_desc(&self, flags: u32) -> VirResult<String> {
        self.conn
            .domain_backup_get_xml_desc(&self.handle, flags)
            .await
    }
    /// virDomainSnapshotCreateXML
    pub async fn snapshot_create_xml(&self, xml: &str, flags: u32) -> VirResult<DomainSnapshot> {
        let h = self
            .conn
            .snapshot_create_xml(&self.handle, xml, flags)
            .await?;
        Ok(DomainSnapshot::new(&self.conn, h))
    }
    /// virDomainListAllSnapshots
    pub async fn list_all_snapshots(&self, flags: u32) -> VirResult<Vec<DomainSnapshot>> {
        let v = self.conn.list_all_snapshots(&self.handle, flags).await?;
        Ok(v.into_iter()
            .map(|h| DomainSnapshot::new(&self.conn, h))
            .collect())
    }
    /// virDomainSnapshotLookupByName
    pub async fn snapshot_lookup_by_name(&self, name: &str) -> VirResult<DomainSnapshot> {
        let h = self
            .conn
            .snapshot_lookup_by_name(&self.handle, name, 0)
            .await?;
        Ok(DomainSnapshot::new(&self.conn, h))
    }
}

/// A domain snapshot (`virDomainSnapshotPtr`).
#[derive(Debug, Clone)]
pub struct DomainSnapshot {
    conn: Connect,
    handle: DomainSnapshotRef,
}

impl DomainSnapshot {
    /// Wraps a handle returned by a driver call.
    pub fn new(conn: &Connect, handle: DomainSnapshotRef) -> Self {
        DomainSnapshot {
            conn: conn.clone(),
            handle,
        }
    }
    /// The wire handle.
    pub fn handle(&self) -> &DomainSnapshotRef {
        &self.handle
    }
    /// virDomainSnapshotGetName
    pub fn name(&self) -> &str {
        &self.handle.name
    }
    /// virDomainSnapshotGetDomain
    pub fn domain(&self) -> Domain {
        Domain::new(&self.conn, self.handle.dom.clone())
    }
    /// virDomainSnapshotGetXMLDesc
    pub async fn xml_desc(&self, flags: u32) -> VirResult<String> {
        self.conn.snapshot_get_xml_desc(&self.handle, flags).await
    }
    /// virDomainSnapshotGetParent
    pub async fn parent(&self) -> VirResult<DomainSnapshot> {
        let h = self.conn.snapshot_get_parent(&self.handle, 0).await?;
        Ok(DomainSnapshot::new(&self.conn, h))
    }
    /// virDomainSnapshotIsCurrent
    pub async fn is_current(&self) -> VirResult<bool> {
        self.conn.snapshot_is_current(&self.handle, 0).await
    }
    /// virDomainRevertToSnapshot
    pub async fn revert(&self, flags: u32) -> VirResult<()> {
        self.conn.revert_to_snapshot(&self.handle, flags).await
    }
    /// virDomainSnapshotDelete
    pub async fn delete(&self, flags: u32) -> VirResult<()> {
        self.conn.snapshot_delete(&self.handle, flags).await
    }
}
