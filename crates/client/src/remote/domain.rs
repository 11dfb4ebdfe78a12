//! `DomainDriver` over RPC.

use async_trait::async_trait;
use bytes::{Bytes, BytesMut};
use rvirt_core::driver::{BlockJobInfo, DiskError, DomainDriver, FsInfo, IoThreadInfo};
use rvirt_core::error::VirResult;
use rvirt_core::info::{
    BlockInfo, BlockStats, ControlInfo, DomainInfo, DomainInterface, DomainStatsRecord, GuestTime,
    InterfaceStats, IpAddress, JobInfo, MemoryStat, SecurityLabel, VcpuInfo,
};
use rvirt_core::stream::DataStream;
use rvirt_core::typed_param::TypedParam;
use rvirt_core::{DomainRef, Uuid};
use rvirt_xdr::Chars;

use super::conn::RemoteConnection;
use super::procs as p;
use super::streams::{data_stream, Direction};
use super::types::{
    chars_to_string, WireInterface, WireMemoryStat, WireSecurityLabel, WireStatsRecord,
    WireVcpuInfo,
};
use super::wire::{args, put};

impl RemoteConnection {
    /// The usual two-pass typed-parameter getter: `prefix` fields, then `nparams`, then
    /// `flags`; the reply is `params, nparams`. The first call (nparams 0) learns the count.
    async fn get_params(
        &self,
        proc_: i32,
        prefix: Bytes,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        let body = |n: i32| -> VirResult<Bytes> {
            let mut b = BytesMut::from(&prefix[..]);
            put(&mut b, &n)?;
            put(&mut b, &flags)?;
            Ok(b.freeze())
        };
        let mut r = self.call(proc_, body(0)?).await?;
        let _: Vec<TypedParam> = r.get()?;
        let n: i32 = r.get()?;
        if n <= 0 {
            return Ok(Vec::new());
        }
        self.call(proc_, body(n)?).await?.get()
    }

    async fn dom_flag(&self, proc_: i32, dom: &DomainRef) -> VirResult<bool> {
        self.call(proc_, args!(dom)).await?.flag()
    }
}

fn ip(a: super::types::WireIpAddr) -> IpAddress {
    IpAddress {
        addr_type: a.addr_type,
        addr: a.addr,
        prefix: a.prefix,
    }
}

#[async_trait]
impl DomainDriver for RemoteConnection {
    /// virConnectListAllDomains (CONNECT_LIST_ALL_DOMAINS 273)
    async fn list_all_domains(&self, flags: u32) -> VirResult<Vec<DomainRef>> {
        self.call(p::CONNECT_LIST_ALL_DOMAINS, args!(1i32, flags))
            .await?
            .get()
    }
    /// virConnectListDomains (CONNECT_NUM_OF_DOMAINS 51, CONNECT_LIST_DOMAINS 37)
    async fn list_domain_ids(&self) -> VirResult<Vec<i32>> {
        let n: i32 = self
            .call(p::CONNECT_NUM_OF_DOMAINS, Bytes::new())
            .await?
            .get()?;
        if n <= 0 {
            return Ok(Vec::new());
        }
        self.call(p::CONNECT_LIST_DOMAINS, args!(n)).await?.get()
    }
    /// virConnectListDefinedDomains (CONNECT_NUM_OF_DEFINED_DOMAINS 25, CONNECT_LIST_DEFINED_DOMAINS 21)
    async fn list_defined_domains(&self) -> VirResult<Vec<String>> {
        let n: i32 = self
            .call(p::CONNECT_NUM_OF_DEFINED_DOMAINS, Bytes::new())
            .await?
            .get()?;
        if n <= 0 {
            return Ok(Vec::new());
        }
        self.call(p::CONNECT_LIST_DEFINED_DOMAINS, args!(n))
            .await?
            .get()
    }
    /// virDomainLookupByID (DOMAIN_LOOKUP_BY_ID 22)
    async fn domain_lookup_by_id(&self, id: i32) -> VirResult<DomainRef> {
        self.call(p::DOMAIN_LOOKUP_BY_ID, args!(id)).await?.get()
    }
    /// virDomainLookupByName (DOMAIN_LOOKUP_BY_NAME 23)
    async fn domain_lookup_by_name(&self, name: &str) -> VirResult<DomainRef> {
        self.call(p::DOMAIN_LOOKUP_BY_NAME, args!(name))
            .await?
            .get()
    }
    /// virDomainLookupByUUID (DOMAIN_LOOKUP_BY_UUID 24)
    async fn domain_lookup_by_uuid(&self, uuid: Uuid) -> VirResult<DomainRef> {
        self.call(p::DOMAIN_LOOKUP_BY_UUID, args!(uuid))
            .await?
            .get()
    }
    /// virDomainDefineXMLFlags (DOMAIN_DEFINE_XML 11 without flags, DOMAIN_DEFINE_XML_FLAGS 350)
    async fn domain_define_xml(&self, xml: &str, flags: u32) -> VirResult<DomainRef> {
        if flags == 0 {
            self.call(p::DOMAIN_DEFINE_XML, args!(xml)).await?.get()
        } else {
            self.call(p::DOMAIN_DEFINE_XML_FLAGS, args!(xml, flags))
                .await?
                .get()
        }
    }
    /// virDomainUndefineFlags (DOMAIN_UNDEFINE_FLAGS 231)
    async fn domain_undefine(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.call0(p::DOMAIN_UNDEFINE_FLAGS, args!(dom, flags))
            .await
    }
    /// virDomainCreateXML (DOMAIN_CREATE_XML 10)
    async fn domain_create_xml(&self, xml: &str, flags: u32) -> VirResult<DomainRef> {
        self.call(p::DOMAIN_CREATE_XML, args!(xml, flags))
            .await?
            .get()
    }
    /// virDomainCreateWithFlags (DOMAIN_CREATE 9 + DOMAIN_LOOKUP_BY_UUID 24 as virsh, or
    /// DOMAIN_CREATE_WITH_FLAGS 196)
    async fn domain_create(&self, dom: &DomainRef, flags: u32) -> VirResult<DomainRef> {
        if flags == 0 {
            self.call0(p::DOMAIN_CREATE, args!(dom)).await?;
            self.domain_lookup_by_uuid(dom.uuid).await
        } else {
            self.call(p::DOMAIN_CREATE_WITH_FLAGS, args!(dom, flags))
                .await?
                .get()
        }
    }
    /// virDomainDestroyFlags (DOMAIN_DESTROY 12 / DOMAIN_DESTROY_FLAGS 234)
    async fn domain_destroy(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        if flags == 0 {
            self.call0(p::DOMAIN_DESTROY, args!(dom)).await
        } else {
            self.call0(p::DOMAIN_DESTROY_FLAGS, args!(dom, flags)).await
        }
    }
    /// virDomainShutdownFlags (DOMAIN_SHUTDOWN 33 / DOMAIN_SHUTDOWN_FLAGS 258)
    async fn domain_shutdown(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        if flags == 0 {
            self.call0(p::DOMAIN_SHUTDOWN, args!(dom)).await
        } else {
            self.call0(p::DOMAIN_SHUTDOWN_FLAGS, args!(dom, flags))
                .await
        }
    }
    /// virDomainReboot (DOMAIN_REBOOT 27)
    async fn domain_reboot(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.call0(p::DOMAIN_REBOOT, args!(dom, flags)).await
    }
    /// virDomainReset (DOMAIN_RESET 245)
    async fn domain_reset(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.call0(p::DOMAIN_RESET, args!(dom, flags)).await
    }
    /// virDomainSuspend (DOMAIN_SUSPEND 34)
    async fn domain_suspend(&self, dom: &DomainRef) -> VirResult<()> {
        self.call0(p::DOMAIN_SUSPEND, args!(dom)).await
    }
    /// virDomainResume (DOMAIN_RESUME 28)
    async fn domain_resume(&self, dom: &DomainRef) -> VirResult<()> {
        self.call0(p::DOMAIN_RESUME, args!(dom)).await
    }
    /// virDomainPMSuspendForDuration (DOMAIN_PM_SUSPEND_FOR_DURATION 261)
    async fn domain_pm_suspend_for_duration(
        &self,
        dom: &DomainRef,
        target: u32,
        duration: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(
            p::DOMAIN_PM_SUSPEND_FOR_DURATION,
            args!(dom, target, duration, flags),
        )
        .await
    }
    /// virDomainPMWakeup (DOMAIN_PM_WAKEUP 267)
    async fn domain_pm_wakeup(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.call0(p::DOMAIN_PM_WAKEUP, args!(dom, flags)).await
    }
    /// virDomainGetInfo (DOMAIN_GET_INFO 16)
    async fn domain_get_info(&self, dom: &DomainRef) -> VirResult<DomainInfo> {
        let mut r = self.call(p::DOMAIN_GET_INFO, args!(dom)).await?;
        let state: u8 = r.get()?;
        Ok(DomainInfo {
            state: i32::from(state),
            max_mem: r.get()?,
            memory: r.get()?,
            nr_virt_cpu: u32::from(r.get::<u16>()?),
            cpu_time: r.get()?,
        })
    }
    /// virDomainGetState (DOMAIN_GET_STATE 212)
    async fn domain_get_state(&self, dom: &DomainRef, flags: u32) -> VirResult<(i32, i32)> {
        let mut r = self.call(p::DOMAIN_GET_STATE, args!(dom, flags)).await?;
        Ok((r.get()?, r.get()?))
    }
    /// virDomainGetControlInfo (DOMAIN_GET_CONTROL_INFO 229)
    async fn domain_get_control_info(&self, dom: &DomainRef, flags: u32) -> VirResult<ControlInfo> {
        let mut r = self
            .call(p::DOMAIN_GET_CONTROL_INFO, args!(dom, flags))
            .await?;
        Ok(ControlInfo {
            state: r.get()?,
            details: r.get()?,
            state_time: r.get()?,
        })
    }
    /// virDomainGetXMLDesc (DOMAIN_GET_XML_DESC 14)
    async fn domain_get_xml_desc(&self, dom: &DomainRef, flags: u32) -> VirResult<String> {
        self.call(p::DOMAIN_GET_XML_DESC, args!(dom, flags))
            .await?
            .get()
    }
    /// virDomainGetOSType (DOMAIN_GET_OS_TYPE 19)
    async fn domain_get_os_type(&self, dom: &DomainRef) -> VirResult<String> {
        self.call(p::DOMAIN_GET_OS_TYPE, args!(dom)).await?.get()
    }
    /// virDomainGetMaxMemory (DOMAIN_GET_MAX_MEMORY 17)
    async fn domain_get_max_memory(&self, dom: &DomainRef) -> VirResult<u64> {
        self.call(p::DOMAIN_GET_MAX_MEMORY, args!(dom)).await?.get()
    }
    /// virDomainGetMaxVcpus (DOMAIN_GET_MAX_VCPUS 18)
    async fn domain_get_max_vcpus(&self, dom: &DomainRef) -> VirResult<i32> {
        self.call(p::DOMAIN_GET_MAX_VCPUS, args!(dom)).await?.get()
    }
    /// virDomainIsActive (DOMAIN_IS_ACTIVE 150)
    async fn domain_is_active(&self, dom: &DomainRef) -> VirResult<bool> {
        self.dom_flag(p::DOMAIN_IS_ACTIVE, dom).await
    }
    /// virDomainIsPersistent (DOMAIN_IS_PERSISTENT 151)
    async fn domain_is_persistent(&self, dom: &DomainRef) -> VirResult<bool> {
        self.dom_flag(p::DOMAIN_IS_PERSISTENT, dom).await
    }
    /// virDomainIsUpdated (DOMAIN_IS_UPDATED 202)
    async fn domain_is_updated(&self, dom: &DomainRef) -> VirResult<bool> {
        self.dom_flag(p::DOMAIN_IS_UPDATED, dom).await
    }
    /// virDomainGetAutostart (DOMAIN_GET_AUTOSTART 15)
    async fn domain_get_autostart(&self, dom: &DomainRef) -> VirResult<bool> {
        self.dom_flag(p::DOMAIN_GET_AUTOSTART, dom).await
    }
    /// virDomainSetAutostart (DOMAIN_SET_AUTOSTART 29)
    async fn domain_set_autostart(&self, dom: &DomainRef, autostart: bool) -> VirResult<()> {
        self.call0(p::DOMAIN_SET_AUTOSTART, args!(dom, i32::from(autostart)))
            .await
    }
    /// virDomainSetMaxMemory (DOMAIN_SET_MAX_MEMORY 30)
    async fn domain_set_max_memory(&self, dom: &DomainRef, kib: u64) -> VirResult<()> {
        self.call0(p::DOMAIN_SET_MAX_MEMORY, args!(dom, kib)).await
    }
    /// virDomainSetMemoryFlags (DOMAIN_SET_MEMORY_FLAGS 204)
    async fn domain_set_memory_flags(
        &self,
        dom: &DomainRef,
        kib: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::DOMAIN_SET_MEMORY_FLAGS, args!(dom, kib, flags))
            .await
    }
    /// virDomainSetMemoryStatsPeriod (DOMAIN_SET_MEMORY_STATS_PERIOD 308)
    async fn domain_set_memory_stats_period(
        &self,
        dom: &DomainRef,
        period: i32,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::DOMAIN_SET_MEMORY_STATS_PERIOD, args!(dom, period, flags))
            .await
    }
    /// virDomainSetVcpusFlags (DOMAIN_SET_VCPUS_FLAGS 199)
    async fn domain_set_vcpus_flags(
        &self,
        dom: &DomainRef,
        nvcpus: u32,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::DOMAIN_SET_VCPUS_FLAGS, args!(dom, nvcpus, flags))
            .await
    }
    /// virDomainGetVcpusFlags (DOMAIN_GET_VCPUS_FLAGS 200)
    async fn domain_get_vcpus_flags(&self, dom: &DomainRef, flags: u32) -> VirResult<i32> {
        self.call(p::DOMAIN_GET_VCPUS_FLAGS, args!(dom, flags))
            .await?
            .get()
    }
    /// virDomainGetVcpus (DOMAIN_GET_VCPUS 20)
    async fn domain_get_vcpus(
        &self,
        dom: &DomainRef,
        maxinfo: i32,
        maplen: i32,
    ) -> VirResult<(Vec<VcpuInfo>, Vec<u8>)> {
        let mut r = self
            .call(p::DOMAIN_GET_VCPUS, args!(dom, maxinfo, maplen))
            .await?;
        let info: Vec<WireVcpuInfo> = r.get()?;
        let maps: Vec<u8> = r.get()?;
        let info = info
            .into_iter()
            .map(|v| VcpuInfo {
                number: v.number,
                state: v.state,
                cpu_time: v.cpu_time,
                cpu: v.cpu,
            })
            .collect();
        Ok((info, maps))
    }
    /// virDomainPinVcpuFlags (DOMAIN_PIN_VCPU_FLAGS 225)
    async fn domain_pin_vcpu_flags(
        &self,
        dom: &DomainRef,
        vcpu: u32,
        cpumap: Vec<u8>,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::DOMAIN_PIN_VCPU_FLAGS, args!(dom, vcpu, cpumap, flags))
            .await
    }
    /// virDomainGetVcpuPinInfo (DOMAIN_GET_VCPU_PIN_INFO 230)
    async fn domain_get_vcpu_pin_info(
        &self,
        dom: &DomainRef,
        ncpumaps: i32,
        maplen: i32,
        flags: u32,
    ) -> VirResult<(Vec<u8>, i32)> {
        let mut r = self
            .call(
                p::DOMAIN_GET_VCPU_PIN_INFO,
                args!(dom, ncpumaps, maplen, flags),
            )
            .await?;
        Ok((r.get()?, r.get()?))
    }
    /// virDomainPinEmulator (DOMAIN_PIN_EMULATOR 279)
    async fn domain_pin_emulator(
        &self,
        dom: &DomainRef,
        cpumap: Vec<u8>,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::DOMAIN_PIN_EMULATOR, args!(dom, cpumap, flags))
            .await
    }
    /// virDomainGetEmulatorPinInfo (DOMAIN_GET_EMULATOR_PIN_INFO 280)
    async fn domain_get_emulator_pin_info(
        &self,
        dom: &DomainRef,
        maplen: i32,
        flags: u32,
    ) -> VirResult<(Vec<u8>, i32)> {
        let mut r = self
            .call(p::DOMAIN_GET_EMULATOR_PIN_INFO, args!(dom, maplen, flags))
            .await?;
        Ok((r.get()?, r.get()?))
    }
    /// virDomainSave / virDomainSaveFlags (DOMAIN_SAVE 55 / DOMAIN_SAVE_FLAGS 232)
    async fn domain_save(
        &self,
        dom: &DomainRef,
        to: &str,
        dxml: Option<String>,
        flags: u32,
    ) -> VirResult<()> {
        if dxml.is_none() && flags == 0 {
            self.call0(p::DOMAIN_SAVE, args!(dom, to)).await
        } else {
            self.call0(p::DOMAIN_SAVE_FLAGS, args!(dom, to, dxml, flags))
                .await
        }
    }
    /// virDomainRestore / virDomainRestoreFlags (DOMAIN_RESTORE 54 / DOMAIN_RESTORE_FLAGS 233)
    async fn domain_restore(&self, from: &str, dxml: Option<String>, flags: u32) -> VirResult<()> {
        if dxml.is_none() && flags == 0 {
            self.call0(p::DOMAIN_RESTORE, args!(from)).await
        } else {
            self.call0(p::DOMAIN_RESTORE_FLAGS, args!(from, dxml, flags))
                .await
        }
    }
    /// virDomainSaveImageGetXMLDesc (DOMAIN_SAVE_IMAGE_GET_XML_DESC 235)
    async fn domain_save_image_get_xml_desc(&self, file: &str, flags: u32) -> VirResult<String> {
        self.call(p::DOMAIN_SAVE_IMAGE_GET_XML_DESC, args!(file, flags))
            .await?
            .get()
    }
    /// virDomainSaveImageDefineXML (DOMAIN_SAVE_IMAGE_DEFINE_XML 236)
    async fn domain_save_image_define_xml(
        &self,
        file: &str,
        dxml: &str,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::DOMAIN_SAVE_IMAGE_DEFINE_XML, args!(file, dxml, flags))
            .await
    }
    /// virDomainCoreDumpWithFormat (DOMAIN_CORE_DUMP 53 for raw, else DOMAIN_CORE_DUMP_WITH_FORMAT 334)
    async fn domain_core_dump(
        &self,
        dom: &DomainRef,
        to: &str,
        format: u32,
        flags: u32,
    ) -> VirResult<()> {
        if format == 0 {
            self.call0(p::DOMAIN_CORE_DUMP, args!(dom, to, flags)).await
        } else {
            self.call0(
                p::DOMAIN_CORE_DUMP_WITH_FORMAT,
                args!(dom, to, format, flags),
            )
            .await
        }
    }
    /// virDomainManagedSave (DOMAIN_MANAGED_SAVE 182)
    async fn domain_managed_save(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.call0(p::DOMAIN_MANAGED_SAVE, args!(dom, flags)).await
    }
    /// virDomainHasManagedSaveImage (DOMAIN_HAS_MANAGED_SAVE_IMAGE 183)
    async fn domain_has_managed_save_image(&self, dom: &DomainRef, flags: u32) -> VirResult<bool> {
        self.call(p::DOMAIN_HAS_MANAGED_SAVE_IMAGE, args!(dom, flags))
            .await?
            .flag()
    }
    /// virDomainManagedSaveRemove (DOMAIN_MANAGED_SAVE_REMOVE 184)
    async fn domain_managed_save_remove(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.call0(p::DOMAIN_MANAGED_SAVE_REMOVE, args!(dom, flags))
            .await
    }
    /// virDomainManagedSaveGetXMLDesc (DOMAIN_MANAGED_SAVE_GET_XML_DESC 388)
    async fn domain_managed_save_get_xml_desc(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<String> {
        self.call(p::DOMAIN_MANAGED_SAVE_GET_XML_DESC, args!(dom, flags))
            .await?
            .get()
    }
    /// virDomainManagedSaveDefineXML (DOMAIN_MANAGED_SAVE_DEFINE_XML 389)
    async fn domain_managed_save_define_xml(
        &self,
        dom: &DomainRef,
        dxml: Option<String>,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::DOMAIN_MANAGED_SAVE_DEFINE_XML, args!(dom, dxml, flags))
            .await
    }
    /// virDomainGetMetadata (DOMAIN_GET_METADATA 265)
    async fn domain_get_metadata(
        &self,
        dom: &DomainRef,
        kind: i32,
        uri: Option<String>,
        flags: u32,
    ) -> VirResult<String> {
        self.call(p::DOMAIN_GET_METADATA, args!(dom, kind, uri, flags))
            .await?
            .get()
    }
    /// virDomainSetMetadata (DOMAIN_SET_METADATA 264)
    async fn domain_set_metadata(
        &self,
        dom: &DomainRef,
        kind: i32,
        metadata: Option<String>,
        key: Option<String>,
        uri: Option<String>,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(
            p::DOMAIN_SET_METADATA,
            args!(dom, kind, metadata, key, uri, flags),
        )
        .await
    }
    /// virDomainRename (DOMAIN_RENAME 358)
    async fn domain_rename(&self, dom: &DomainRef, new_name: &str, flags: u32) -> VirResult<()> {
        let _: i32 = self
            .call(
                p::DOMAIN_RENAME,
                args!(dom, Some(new_name.to_string()), flags),
            )
            .await?
            .get()?;
        Ok(())
    }
    /// virDomainGetSchedulerType (DOMAIN_GET_SCHEDULER_TYPE 56)
    async fn domain_get_scheduler_type(&self, dom: &DomainRef) -> VirResult<(String, i32)> {
        let mut r = self.call(p::DOMAIN_GET_SCHEDULER_TYPE, args!(dom)).await?;
        Ok((r.get()?, r.get()?))
    }
    /// virDomainGetSchedulerParametersFlags (DOMAIN_GET_SCHEDULER_TYPE 56 for the count,
    /// then DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS 223)
    async fn domain_get_scheduler_parameters(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        let (_, n) = self.domain_get_scheduler_type(dom).await?;
        if n <= 0 {
            return Ok(Vec::new());
        }
        self.call(
            p::DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS,
            args!(dom, n, flags),
        )
        .await?
        .get()
    }
    /// virDomainSetSchedulerParametersFlags (DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS 219)
    async fn domain_set_scheduler_parameters(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(
            p::DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS,
            args!(dom, params, flags),
        )
        .await
    }
    /// virDomainGetMemoryParameters (DOMAIN_GET_MEMORY_PARAMETERS 198)
    async fn domain_get_memory_parameters(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.get_params(p::DOMAIN_GET_MEMORY_PARAMETERS, args!(dom), flags)
            .await
    }
    /// virDomainSetMemoryParameters (DOMAIN_SET_MEMORY_PARAMETERS 197)
    async fn domain_set_memory_parameters(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::DOMAIN_SET_MEMORY_PARAMETERS, args!(dom, params, flags))
            .await
    }
    /// virDomainGetBlkioParameters (DOMAIN_GET_BLKIO_PARAMETERS 206)
    async fn domain_get_blkio_parameters(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.get_params(p::DOMAIN_GET_BLKIO_PARAMETERS, args!(dom), flags)
            .await
    }
    /// virDomainSetBlkioParameters (DOMAIN_SET_BLKIO_PARAMETERS 205)
    async fn domain_set_blkio_parameters(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::DOMAIN_SET_BLKIO_PARAMETERS, args!(dom, params, flags))
            .await
    }
    /// virDomainGetNumaParameters (DOMAIN_GET_NUMA_PARAMETERS 255)
    async fn domain_get_numa_parameters(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.get_params(p::DOMAIN_GET_NUMA_PARAMETERS, args!(dom), flags)
            .await
    }
    /// virDomainSetNumaParameters (DOMAIN_SET_NUMA_PARAMETERS 254)
    async fn domain_set_numa_parameters(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::DOMAIN_SET_NUMA_PARAMETERS, args!(dom, params, flags))
            .await
    }
    /// virDomainGetInterfaceParameters (DOMAIN_GET_INTERFACE_PARAMETERS 257)
    async fn domain_get_interface_parameters(
        &self,
        dom: &DomainRef,
        device: &str,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.get_params(
            p::DOMAIN_GET_INTERFACE_PARAMETERS,
            args!(dom, device),
            flags,
        )
        .await
    }
    /// virDomainSetInterfaceParameters (DOMAIN_SET_INTERFACE_PARAMETERS 256)
    async fn domain_set_interface_parameters(
        &self,
        dom: &DomainRef,
        device: &str,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(
            p::DOMAIN_SET_INTERFACE_PARAMETERS,
            args!(dom, device, params, flags),
        )
        .await
    }
    /// virDomainGetBlockIoTune (DOMAIN_GET_BLOCK_IO_TUNE 253)
    async fn domain_get_block_io_tune(
        &self,
        dom: &DomainRef,
        disk: Option<String>,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.get_params(p::DOMAIN_GET_BLOCK_IO_TUNE, args!(dom, disk), flags)
            .await
    }
    /// virDomainSetBlockIoTune (DOMAIN_SET_BLOCK_IO_TUNE 252)
    async fn domain_set_block_io_tune(
        &self,
        dom: &DomainRef,
        disk: &str,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::DOMAIN_SET_BLOCK_IO_TUNE, args!(dom, disk, params, flags))
            .await
    }
    /// virDomainBlockStats (DOMAIN_BLOCK_STATS 64)
    async fn domain_block_stats(&self, dom: &DomainRef, path: &str) -> VirResult<BlockStats> {
        let mut r = self.call(p::DOMAIN_BLOCK_STATS, args!(dom, path)).await?;
        Ok(BlockStats {
            rd_req: r.get()?,
            rd_bytes: r.get()?,
            wr_req: r.get()?,
            wr_bytes: r.get()?,
            errs: r.get()?,
        })
    }
    /// virDomainBlockStatsFlags (DOMAIN_BLOCK_STATS_FLAGS 243)
    async fn domain_block_stats_flags(
        &self,
        dom: &DomainRef,
        path: &str,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.get_params(p::DOMAIN_BLOCK_STATS_FLAGS, args!(dom, path), flags)
            .await
    }
    /// virDomainInterfaceStats (DOMAIN_INTERFACE_STATS 65)
    async fn domain_interface_stats(
        &self,
        dom: &DomainRef,
        device: &str,
    ) -> VirResult<InterfaceStats> {
        let mut r = self
            .call(p::DOMAIN_INTERFACE_STATS, args!(dom, device))
            .await?;
        Ok(InterfaceStats {
            rx_bytes: r.get()?,
            rx_packets: r.get()?,
            rx_errs: r.get()?,
            rx_drop: r.get()?,
            tx_bytes: r.get()?,
            tx_packets: r.get()?,
            tx_errs: r.get()?,
            tx_drop: r.get()?,
        })
    }
    /// virDomainMemoryStats (DOMAIN_MEMORY_STATS 159)
    async fn domain_memory_stats(
        &self,
        dom: &DomainRef,
        max_stats: u32,
        flags: u32,
    ) -> VirResult<Vec<MemoryStat>> {
        let v: Vec<WireMemoryStat> = self
            .call(p::DOMAIN_MEMORY_STATS, args!(dom, max_stats, flags))
            .await?
            .get()?;
        Ok(v.into_iter()
            .map(|s| MemoryStat {
                tag: s.tag,
                val: s.val,
            })
            .collect())
    }
    /// virDomainGetBlockInfo (DOMAIN_GET_BLOCK_INFO 194)
    async fn domain_get_block_info(
        &self,
        dom: &DomainRef,
        path: &str,
        flags: u32,
    ) -> VirResult<BlockInfo> {
        let mut r = self
            .call(p::DOMAIN_GET_BLOCK_INFO, args!(dom, path, flags))
            .await?;
        let allocation = r.get()?;
        let capacity = r.get()?;
        let physical = r.get()?;
        Ok(BlockInfo {
            capacity,
            allocation,
            physical,
        })
    }
    /// virDomainGetCPUStats (DOMAIN_GET_CPU_STATS 262, two passes)
    async fn domain_get_cpu_stats(
        &self,
        dom: &DomainRef,
        start_cpu: i32,
        ncpus: u32,
        flags: u32,
    ) -> VirResult<Vec<Vec<TypedParam>>> {
        let mut r = self
            .call(
                p::DOMAIN_GET_CPU_STATS,
                args!(dom, 0u32, start_cpu, 1u32, flags),
            )
            .await?;
        let _: Vec<TypedParam> = r.get()?;
        let n: i32 = r.get()?;
        let Ok(n) = u32::try_from(n) else {
            return Ok(Vec::new());
        };
        if n == 0 {
            return Ok(Vec::new());
        }
        let params: Vec<TypedParam> = self
            .call(
                p::DOMAIN_GET_CPU_STATS,
                args!(dom, n, start_cpu, ncpus, flags),
            )
            .await?
            .get()?;
        Ok(params
            .chunks(n as usize)
            .map(<[TypedParam]>::to_vec)
            .collect())
    }
    /// virConnectGetAllDomainStats / virDomainListGetStats (CONNECT_GET_ALL_DOMAIN_STATS 344)
    async fn get_all_domain_stats(
        &self,
        doms: Vec<DomainRef>,
        stats: u32,
        flags: u32,
    ) -> VirResult<Vec<DomainStatsRecord>> {
        let v: Vec<WireStatsRecord> = self
            .call(p::CONNECT_GET_ALL_DOMAIN_STATS, args!(doms, stats, flags))
            .await?
            .get()?;
        Ok(v.into_iter()
            .map(|r| DomainStatsRecord {
                dom: r.dom,
                params: r.params,
            })
            .collect())
    }
    /// virDomainGetSecurityLabel (DOMAIN_GET_SECURITY_LABEL 121)
    async fn domain_get_security_label(&self, dom: &DomainRef) -> VirResult<SecurityLabel> {
        let mut r = self.call(p::DOMAIN_GET_SECURITY_LABEL, args!(dom)).await?;
        let label: Chars = r.get()?;
        Ok(SecurityLabel {
            label: chars_to_string(&label),
            enforcing: r.flag()?,
        })
    }
    /// virDomainGetSecurityLabelList (DOMAIN_GET_SECURITY_LABEL_LIST 278)
    async fn domain_get_security_label_list(
        &self,
        dom: &DomainRef,
    ) -> VirResult<Vec<SecurityLabel>> {
        let v: Vec<WireSecurityLabel> = self
            .call(p::DOMAIN_GET_SECURITY_LABEL_LIST, args!(dom))
            .await?
            .get()?;
        Ok(v.into_iter()
            .map(|l| SecurityLabel {
                label: chars_to_string(&l.label),
                enforcing: l.enforcing != 0,
            })
            .collect())
    }
    /// virDomainGetMessages (DOMAIN_GET_MESSAGES 426)
    async fn domain_get_messages(&self, dom: &DomainRef, flags: u32) -> VirResult<Vec<String>> {
        self.call(p::DOMAIN_GET_MESSAGES, args!(dom, flags))
            .await?
            .get()
    }
    /// virDomainAttachDeviceFlags (DOMAIN_ATTACH_DEVICE_FLAGS 160)
    async fn domain_attach_device(&self, dom: &DomainRef, xml: &str, flags: u32) -> VirResult<()> {
        self.call0(p::DOMAIN_ATTACH_DEVICE_FLAGS, args!(dom, xml, flags))
            .await
    }
    /// virDomainDetachDeviceFlags (DOMAIN_DETACH_DEVICE_FLAGS 161)
    async fn domain_detach_device(&self, dom: &DomainRef, xml: &str, flags: u32) -> VirResult<()> {
        self.call0(p::DOMAIN_DETACH_DEVICE_FLAGS, args!(dom, xml, flags))
            .await
    }
    /// virDomainDetachDeviceAlias (DOMAIN_DETACH_DEVICE_ALIAS 392)
    async fn domain_detach_device_alias(
        &self,
        dom: &DomainRef,
        alias: &str,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::DOMAIN_DETACH_DEVICE_ALIAS, args!(dom, alias, flags))
            .await
    }
    /// virDomainUpdateDeviceFlags (DOMAIN_UPDATE_DEVICE_FLAGS 174)
    async fn domain_update_device(&self, dom: &DomainRef, xml: &str, flags: u32) -> VirResult<()> {
        self.call0(p::DOMAIN_UPDATE_DEVICE_FLAGS, args!(dom, xml, flags))
            .await
    }
    /// virDomainGetJobInfo (DOMAIN_GET_JOB_INFO 163)
    async fn domain_get_job_info(&self, dom: &DomainRef) -> VirResult<JobInfo> {
        let mut r = self.call(p::DOMAIN_GET_JOB_INFO, args!(dom)).await?;
        Ok(JobInfo {
            job_type: r.get()?,
            time_elapsed: r.get()?,
            time_remaining: r.get()?,
            data_total: r.get()?,
            data_processed: r.get()?,
            data_remaining: r.get()?,
            mem_total: r.get()?,
            mem_processed: r.get()?,
            mem_remaining: r.get()?,
            file_total: r.get()?,
            file_processed: r.get()?,
            file_remaining: r.get()?,
        })
    }
    /// virDomainGetJobStats (DOMAIN_GET_JOB_STATS 298)
    async fn domain_get_job_stats(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<(i32, Vec<TypedParam>)> {
        let mut r = self
            .call(p::DOMAIN_GET_JOB_STATS, args!(dom, flags))
            .await?;
        Ok((r.get()?, r.get()?))
    }
    /// virDomainAbortJobFlags (DOMAIN_ABORT_JOB 164 / DOMAIN_ABORT_JOB_FLAGS 442)
    async fn domain_abort_job(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        if flags == 0 {
            self.call0(p::DOMAIN_ABORT_JOB, args!(dom)).await
        } else {
            self.call0(p::DOMAIN_ABORT_JOB_FLAGS, args!(dom, flags))
                .await
        }
    }
    /// virDomainInjectNMI (DOMAIN_INJECT_NMI 210)
    async fn domain_inject_nmi(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.call0(p::DOMAIN_INJECT_NMI, args!(dom, flags)).await
    }
    /// virDomainSendKey (DOMAIN_SEND_KEY 226)
    async fn domain_send_key(
        &self,
        dom: &DomainRef,
        codeset: u32,
        holdtime: u32,
        keycodes: Vec<u32>,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(
            p::DOMAIN_SEND_KEY,
            args!(dom, codeset, holdtime, keycodes, flags),
        )
        .await
    }
    /// virDomainSetLifecycleAction (DOMAIN_SET_LIFECYCLE_ACTION 390)
    async fn domain_set_lifecycle_action(
        &self,
        dom: &DomainRef,
        kind: u32,
        action: u32,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(
            p::DOMAIN_SET_LIFECYCLE_ACTION,
            args!(dom, kind, action, flags),
        )
        .await
    }
    /// virDomainGetHostname (DOMAIN_GET_HOSTNAME 277)
    async fn domain_get_hostname(&self, dom: &DomainRef, flags: u32) -> VirResult<String> {
        self.call(p::DOMAIN_GET_HOSTNAME, args!(dom, flags))
            .await?
            .get()
    }
    /// virDomainInterfaceAddresses (DOMAIN_INTERFACE_ADDRESSES 353)
    async fn domain_interface_addresses(
        &self,
        dom: &DomainRef,
        source: u32,
        flags: u32,
    ) -> VirResult<Vec<DomainInterface>> {
        let v: Vec<WireInterface> = self
            .call(p::DOMAIN_INTERFACE_ADDRESSES, args!(dom, source, flags))
            .await?
            .get()?;
        Ok(v.into_iter()
            .map(|i| DomainInterface {
                name: i.name,
                hwaddr: i.hwaddr,
                addrs: i.addrs.into_iter().map(ip).collect(),
            })
            .collect())
    }
    /// virDomainGetTime (DOMAIN_GET_TIME 337)
    async fn domain_get_time(&self, dom: &DomainRef, flags: u32) -> VirResult<GuestTime> {
        let mut r = self.call(p::DOMAIN_GET_TIME, args!(dom, flags)).await?;
        Ok(GuestTime {
            seconds: r.get()?,
            nseconds: r.get()?,
        })
    }
    /// virDomainSetTime (DOMAIN_SET_TIME 338)
    async fn domain_set_time(&self, dom: &DomainRef, time: GuestTime, flags: u32) -> VirResult<()> {
        self.call0(
            p::DOMAIN_SET_TIME,
            args!(dom, time.seconds, time.nseconds, flags),
        )
        .await
    }
    /// virDomainFSFreeze (DOMAIN_FSFREEZE 335)
    async fn domain_fs_freeze(
        &self,
        dom: &DomainRef,
        mountpoints: Vec<String>,
        flags: u32,
    ) -> VirResult<i32> {
        self.call(p::DOMAIN_FSFREEZE, args!(dom, mountpoints, flags))
            .await?
            .get()
    }
    /// virDomainFSThaw (DOMAIN_FSTHAW 336)
    async fn domain_fs_thaw(
        &self,
        dom: &DomainRef,
        mountpoints: Vec<String>,
        flags: u32,
    ) -> VirResult<i32> {
        self.call(p::DOMAIN_FSTHAW, args!(dom, mountpoints, flags))
            .await?
            .get()
    }
    /// virDomainGetGuestInfo (DOMAIN_GET_GUEST_INFO 418)
    async fn domain_get_guest_info(
        &self,
        dom: &DomainRef,
        types: u32,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.call(p::DOMAIN_GET_GUEST_INFO, args!(dom, types, flags))
            .await?
            .get()
    }
    /// virDomainOpenConsole (DOMAIN_OPEN_CONSOLE 201, bidirectional stream)
    async fn domain_open_console(
        &self,
        dom: &DomainRef,
        dev_name: Option<String>,
        flags: u32,
    ) -> VirResult<DataStream> {
        let (_, s) = self
            .call_stream(p::DOMAIN_OPEN_CONSOLE, args!(dom, dev_name, flags), false)
            .await?;
        Ok(data_stream(s, Direction::Both))
    }
    /// virDomainOpenGraphics (see `fds.rs`)
    async fn domain_open_graphics(
        &self,
        dom: &DomainRef,
        idx: u32,
        fd: std::os::fd::OwnedFd,
        flags: u32,
    ) -> VirResult<()> {
        self.open_graphics(dom, idx, fd, flags).await
    }
    /// virDomainOpenGraphicsFD (see `fds.rs`)
    async fn domain_open_graphics_fd(
        &self,
        dom: &DomainRef,
        idx: u32,
        flags: u32,
    ) -> VirResult<std::os::fd::OwnedFd> {
        self.open_graphics_fd(dom, idx, flags).await
    }
    /// virDomainFDAssociate (see `fds.rs`)
    async fn domain_fd_associate(
        &self,
        dom: &DomainRef,
        name: &str,
        fds: Vec<std::os::fd::OwnedFd>,
        flags: u32,
    ) -> VirResult<()> {
        self.fd_associate(dom, name, fds, flags).await
    }
    /// virDomainCreateXMLWithFiles (see `fds.rs`)
    async fn domain_create_xml_with_files(
        &self,
        xml: &str,
        fds: Vec<std::os::fd::OwnedFd>,
        flags: u32,
    ) -> VirResult<DomainRef> {
        self.create_xml_with_files(xml, fds, flags).await
    }
    /// virDomainCreateWithFiles (see `fds.rs`)
    async fn domain_create_with_files(
        &self,
        dom: &DomainRef,
        fds: Vec<std::os::fd::OwnedFd>,
        flags: u32,
    ) -> VirResult<DomainRef> {
        self.create_with_files(dom, fds, flags).await
    }
    /// virDomainOpenChannel (DOMAIN_OPEN_CHANNEL 296, bidirectional stream)
    async fn domain_open_channel(
        &self,
        dom: &DomainRef,
        name: Option<String>,
        flags: u32,
    ) -> VirResult<DataStream> {
        let (_, s) = self
            .call_stream(p::DOMAIN_OPEN_CHANNEL, args!(dom, name, flags), false)
            .await?;
        Ok(data_stream(s, Direction::Both))
    }
    /// virDomainGetPerfEvents (see `domain_perf.rs`)
    async fn domain_get_perf_events(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.perf_events_get(dom, flags).await
    }
    /// virDomainSetPerfEvents (see `domain_perf.rs`)
    async fn domain_set_perf_events(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.perf_events_set(dom, params, flags).await
    }
    /// virDomainGetLaunchSecurityInfo (see `domain_perf.rs`)
    async fn domain_get_launch_security_info(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.launch_security_info(dom, flags).await
    }
    /// virDomainSetLaunchSecurityState (see `domain_perf.rs`)
    async fn domain_set_launch_security_state(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.launch_security_state_set(dom, params, flags).await
    }
    /// virDomainMigrateGetCompressionCache (see `domain_perf.rs`)
    async fn domain_migrate_get_compression_cache(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<u64> {
        self.compression_cache_get(dom, flags).await
    }
    /// virDomainMigrateSetCompressionCache (see `domain_perf.rs`)
    async fn domain_migrate_set_compression_cache(
        &self,
        dom: &DomainRef,
        cache_size: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.compression_cache_set(dom, cache_size, flags).await
    }
    /// virDomainBackupBegin (see `domain_perf.rs`)
    async fn domain_backup_begin(
        &self,
        dom: &DomainRef,
        backup_xml: &str,
        checkpoint_xml: Option<String>,
        flags: u32,
    ) -> VirResult<()> {
        self.backup_begin(dom, backup_xml, checkpoint_xml, flags)
            .await
    }
    /// virDomainBackupGetXMLDesc (see `domain_perf.rs`)
    async fn domain_backup_get_xml_desc(&self, dom: &DomainRef, flags: u32) -> VirResult<String> {
        self.backup_xml_desc(dom, flags).await
    }
    /// virDomainScreenshot (DOMAIN_SCREENSHOT 211, server → client stream)
    async fn domain_screenshot(
        &self,
        dom: &DomainRef,
        screen: u32,
        flags: u32,
    ) -> VirResult<(Option<String>, DataStream)> {
        let (mut r, s) = self
            .call_stream(p::DOMAIN_SCREENSHOT, args!(dom, screen, flags), false)
            .await?;
        let mime: Option<String> = r.get()?;
        Ok((mime, data_stream(s, Direction::Read)))
    }
    /// virDomainSetUserPassword (DOMAIN_SET_USER_PASSWORD)
    async fn domain_set_user_password(
        &self,
        dom: &DomainRef,
        user: &str,
        password: &str,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(
            p::DOMAIN_SET_USER_PASSWORD,
            args!(
                dom,
                Some(user.to_string()),
                Some(password.to_string()),
                flags
            ),
        )
        .await
    }
    /// virDomainGetFSInfo (DOMAIN_GET_FSINFO)
    async fn domain_get_fsinfo(&self, dom: &DomainRef, flags: u32) -> VirResult<Vec<FsInfo>> {
        let mut r = self.call(p::DOMAIN_GET_FSINFO, args!(dom, flags)).await?;
        let info: Vec<rvirt_proto::remote::DomainFsinfo> = r.get()?;
        Ok(info
            .into_iter()
            .map(|f| FsInfo {
                mountpoint: f.mountpoint,
                name: f.name,
                fstype: f.fstype,
                dev_aliases: f.dev_aliases,
            })
            .collect())
    }
    /// virDomainFSTrim (DOMAIN_FSTRIM)
    async fn domain_fstrim(
        &self,
        dom: &DomainRef,
        mount_point: Option<String>,
        minimum: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::DOMAIN_FSTRIM, args!(dom, mount_point, minimum, flags))
            .await
    }
    /// virDomainGetDiskErrors (DOMAIN_GET_DISK_ERRORS)
    async fn domain_get_disk_errors(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<DiskError>> {
        let mut r = self
            .call(p::DOMAIN_GET_DISK_ERRORS, args!(dom, 256u32, flags))
            .await?;
        let errors: Vec<rvirt_proto::remote::DomainDiskError> = r.get()?;
        Ok(errors
            .into_iter()
            .map(|e| DiskError {
                disk: e.disk,
                error: e.error,
            })
            .collect())
    }
    /// virDomainGetIOThreadInfo (DOMAIN_GET_IOTHREAD_INFO)
    async fn domain_get_iothread_info(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<IoThreadInfo>> {
        let mut r = self
            .call(p::DOMAIN_GET_IOTHREAD_INFO, args!(dom, flags))
            .await?;
        let info: Vec<rvirt_proto::remote::DomainIothreadInfo> = r.get()?;
        Ok(info
            .into_iter()
            .map(|t| IoThreadInfo {
                iothread_id: t.iothread_id,
                cpumap: t.cpumap,
            })
            .collect())
    }
    /// virDomainPinIOThread (DOMAIN_PIN_IOTHREAD)
    async fn domain_pin_iothread(
        &self,
        dom: &DomainRef,
        iothread_id: u32,
        cpumap: Vec<u8>,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(
            p::DOMAIN_PIN_IOTHREAD,
            args!(dom, iothread_id, cpumap, flags),
        )
        .await
    }
    /// virDomainAddIOThread (DOMAIN_ADD_IOTHREAD)
    async fn domain_add_iothread(
        &self,
        dom: &DomainRef,
        iothread_id: u32,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::DOMAIN_ADD_IOTHREAD, args!(dom, iothread_id, flags))
            .await
    }
    /// virDomainDelIOThread (DOMAIN_DEL_IOTHREAD)
    async fn domain_del_iothread(
        &self,
        dom: &DomainRef,
        iothread_id: u32,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::DOMAIN_DEL_IOTHREAD, args!(dom, iothread_id, flags))
            .await
    }
    /// virDomainSetIOThreadParams (DOMAIN_SET_IOTHREAD_PARAMS)
    async fn domain_set_iothread_params(
        &self,
        dom: &DomainRef,
        iothread_id: u32,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(
            p::DOMAIN_SET_IOTHREAD_PARAMS,
            args!(dom, iothread_id, params, flags),
        )
        .await
    }
    /// virDomainGetGuestVcpus (DOMAIN_GET_GUEST_VCPUS)
    async fn domain_get_guest_vcpus(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        let mut r = self
            .call(p::DOMAIN_GET_GUEST_VCPUS, args!(dom, flags))
            .await?;
        r.get()
    }
    /// virDomainSetGuestVcpus (DOMAIN_SET_GUEST_VCPUS)
    async fn domain_set_guest_vcpus(
        &self,
        dom: &DomainRef,
        cpumap: &str,
        state: i32,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::DOMAIN_SET_GUEST_VCPUS, args!(dom, cpumap, state, flags))
            .await
    }
    /// virDomainSetVcpu (DOMAIN_SET_VCPU)
    async fn domain_set_vcpu(
        &self,
        dom: &DomainRef,
        cpumap: &str,
        state: i32,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::DOMAIN_SET_VCPU, args!(dom, cpumap, state, flags))
            .await
    }
    /// virDomainSetBlockThreshold (DOMAIN_SET_BLOCK_THRESHOLD)
    async fn domain_set_block_threshold(
        &self,
        dom: &DomainRef,
        dev: &str,
        threshold: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(
            p::DOMAIN_SET_BLOCK_THRESHOLD,
            args!(dom, dev, threshold, flags),
        )
        .await
    }
    /// virDomainSendProcessSignal (DOMAIN_SEND_PROCESS_SIGNAL)
    async fn domain_send_process_signal(
        &self,
        dom: &DomainRef,
        pid: i64,
        signum: u32,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(
            p::DOMAIN_SEND_PROCESS_SIGNAL,
            args!(dom, pid, signum, flags),
        )
        .await
    }
    /// virDomainBlockJobAbort (DOMAIN_BLOCK_JOB_ABORT)
    async fn domain_block_job_abort(
        &self,
        dom: &DomainRef,
        path: &str,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::DOMAIN_BLOCK_JOB_ABORT, args!(dom, path, flags))
            .await
    }
    /// virDomainGetBlockJobInfo (DOMAIN_GET_BLOCK_JOB_INFO)
    async fn domain_get_block_job_info(
        &self,
        dom: &DomainRef,
        path: &str,
        flags: u32,
    ) -> VirResult<Option<BlockJobInfo>> {
        let mut r = self
            .call(p::DOMAIN_GET_BLOCK_JOB_INFO, args!(dom, path, flags))
            .await?;
        let found: i32 = r.get()?;
        let job_type: i32 = r.get()?;
        let (bandwidth, cur, end): (u64, u64, u64) = (r.get()?, r.get()?, r.get()?);
        Ok((found == 1).then_some(BlockJobInfo {
            job_type,
            bandwidth,
            cur,
            end,
        }))
    }
    /// virDomainBlockJobSetSpeed (DOMAIN_BLOCK_JOB_SET_SPEED)
    async fn domain_block_job_set_speed(
        &self,
        dom: &DomainRef,
        path: &str,
        bandwidth: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(
            p::DOMAIN_BLOCK_JOB_SET_SPEED,
            args!(dom, path, bandwidth, flags),
        )
        .await
    }
    /// virDomainBlockPull (DOMAIN_BLOCK_PULL)
    async fn domain_block_pull(
        &self,
        dom: &DomainRef,
        path: &str,
        bandwidth: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::DOMAIN_BLOCK_PULL, args!(dom, path, bandwidth, flags))
            .await
    }
    /// virDomainBlockResize (DOMAIN_BLOCK_RESIZE)
    async fn domain_block_resize(
        &self,
        dom: &DomainRef,
        disk: &str,
        size: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::DOMAIN_BLOCK_RESIZE, args!(dom, disk, size, flags))
            .await
    }
    /// virDomainBlockRebase (DOMAIN_BLOCK_REBASE)
    async fn domain_block_rebase(
        &self,
        dom: &DomainRef,
        path: &str,
        base: Option<String>,
        bandwidth: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(
            p::DOMAIN_BLOCK_REBASE,
            args!(dom, path, base, bandwidth, flags),
        )
        .await
    }
    /// virDomainBlockCommit (DOMAIN_BLOCK_COMMIT)
    async fn domain_block_commit(
        &self,
        dom: &DomainRef,
        disk: &str,
        base: Option<String>,
        top: Option<String>,
        bandwidth: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(
            p::DOMAIN_BLOCK_COMMIT,
            args!(dom, disk, base, top, bandwidth, flags),
        )
        .await
    }
    /// virDomainBlockCopy (DOMAIN_BLOCK_COPY)
    async fn domain_block_copy(
        &self,
        dom: &DomainRef,
        path: &str,
        destxml: &str,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(
            p::DOMAIN_BLOCK_COPY,
            args!(dom, path, destxml, params, flags),
        )
        .await
    }
    /// virDomainAuthorizedSSHKeysGet (DOMAIN_AUTHORIZED_SSH_KEYS_GET)
    async fn domain_authorized_ssh_keys_get(
        &self,
        dom: &DomainRef,
        user: &str,
        flags: u32,
    ) -> VirResult<Vec<String>> {
        let mut r = self
            .call(p::DOMAIN_AUTHORIZED_SSH_KEYS_GET, args!(dom, user, flags))
            .await?;
        r.get()
    }
    /// virDomainAuthorizedSSHKeysSet (DOMAIN_AUTHORIZED_SSH_KEYS_SET)
    async fn domain_authorized_ssh_keys_set(
        &self,
        dom: &DomainRef,
        user: &str,
        keys: Vec<String>,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(
            p::DOMAIN_AUTHORIZED_SSH_KEYS_SET,
            args!(dom, user, keys, flags),
        )
        .await
    }
    /// virDomainAgentSetResponseTimeout (DOMAIN_AGENT_SET_RESPONSE_TIMEOUT)
    async fn domain_agent_set_response_timeout(
        &self,
        dom: &DomainRef,
        timeout: i32,
        flags: u32,
    ) -> VirResult<()> {
        let mut r = self
            .call(
                p::DOMAIN_AGENT_SET_RESPONSE_TIMEOUT,
                args!(dom, timeout, flags),
            )
            .await?;
        let _: i32 = r.get()?;
        Ok(())
    }
    /// virDomainStartDirtyRateCalc (DOMAIN_START_DIRTY_RATE_CALC)
    async fn domain_start_dirty_rate_calc(
        &self,
        dom: &DomainRef,
        seconds: i32,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::DOMAIN_START_DIRTY_RATE_CALC, args!(dom, seconds, flags))
            .await
    }
}
