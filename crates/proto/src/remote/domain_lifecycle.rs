//! Domain lifecycle, lookup, configuration and query procedures (`procedures.md` group 2).

use rvirt_core::typed_param::TypedParam;
use rvirt_core::{DomainRef, Uuid};
use rvirt_xdr::{Chars, Xdr};

use super::limits::{
    REMOTE_CPUMAPS_MAX, REMOTE_DOMAIN_GET_CPU_STATS_MAX, REMOTE_DOMAIN_LIST_MAX,
    REMOTE_DOMAIN_MEMORY_PARAMETERS_MAX, REMOTE_DOMAIN_MEMORY_STATS_MAX,
    REMOTE_DOMAIN_MESSAGES_MAX, REMOTE_DOMAIN_NUMA_PARAMETERS_MAX,
    REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX, REMOTE_SECURITY_LABEL_LIST_MAX,
    REMOTE_SECURITY_LABEL_MAX, REMOTE_VCPUINFO_MAX,
};
use super::types::{DomainMemoryStat, DomainStatsRecord, VcpuInfo};

/// REMOTE_PROC_DOMAIN_CREATE (9): CALL body (`remote_domain_create_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainCreateArgs {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_CREATE_XML (10): CALL body (`remote_domain_create_xml_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainCreateXmlArgs {
    pub xml_desc: String,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_CREATE_XML (10): REPLY body (`remote_domain_create_xml_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainCreateXmlRet {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_DEFINE_XML (11): CALL body (`remote_domain_define_xml_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainDefineXmlArgs {
    pub xml: String,
}

/// REMOTE_PROC_DOMAIN_DEFINE_XML (11): REPLY body (`remote_domain_define_xml_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainDefineXmlRet {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_DESTROY (12): CALL body (`remote_domain_destroy_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainDestroyArgs {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_GET_XML_DESC (14): CALL body (`remote_domain_get_xml_desc_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetXmlDescArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_XML_DESC (14): REPLY body (`remote_domain_get_xml_desc_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetXmlDescRet {
    pub xml: String,
}

/// REMOTE_PROC_DOMAIN_GET_AUTOSTART (15): CALL body (`remote_domain_get_autostart_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetAutostartArgs {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_GET_AUTOSTART (15): REPLY body (`remote_domain_get_autostart_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetAutostartRet {
    pub autostart: i32,
}

/// REMOTE_PROC_DOMAIN_GET_INFO (16): CALL body (`remote_domain_get_info_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetInfoArgs {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_GET_INFO (16): REPLY body (`remote_domain_get_info_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetInfoRet {
    pub state: u8,
    pub max_mem: u64,
    pub memory: u64,
    pub nr_virt_cpu: u16,
    pub cpu_time: u64,
}

/// REMOTE_PROC_DOMAIN_GET_MAX_MEMORY (17): CALL body (`remote_domain_get_max_memory_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetMaxMemoryArgs {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_GET_MAX_MEMORY (17): REPLY body (`remote_domain_get_max_memory_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetMaxMemoryRet {
    pub memory: u64,
}

/// REMOTE_PROC_DOMAIN_GET_MAX_VCPUS (18): CALL body (`remote_domain_get_max_vcpus_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetMaxVcpusArgs {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_GET_MAX_VCPUS (18): REPLY body (`remote_domain_get_max_vcpus_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetMaxVcpusRet {
    pub num: i32,
}

/// REMOTE_PROC_DOMAIN_GET_OS_TYPE (19): CALL body (`remote_domain_get_os_type_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetOsTypeArgs {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_GET_OS_TYPE (19): REPLY body (`remote_domain_get_os_type_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetOsTypeRet {
    pub r#type: String,
}

/// REMOTE_PROC_DOMAIN_GET_VCPUS (20): CALL body (`remote_domain_get_vcpus_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetVcpusArgs {
    pub dom: DomainRef,
    pub maxinfo: i32,
    pub maplen: i32,
}

/// REMOTE_PROC_DOMAIN_GET_VCPUS (20): REPLY body (`remote_domain_get_vcpus_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetVcpusRet {
    #[xdr(max = REMOTE_VCPUINFO_MAX)]
    pub info: Vec<VcpuInfo>,
    #[xdr(max = REMOTE_CPUMAPS_MAX)]
    pub cpumaps: Vec<u8>,
}

/// REMOTE_PROC_CONNECT_LIST_DEFINED_DOMAINS (21): CALL body
/// (`remote_connect_list_defined_domains_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListDefinedDomainsArgs {
    pub maxnames: i32,
}

/// REMOTE_PROC_CONNECT_LIST_DEFINED_DOMAINS (21): REPLY body
/// (`remote_connect_list_defined_domains_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListDefinedDomainsRet {
    #[xdr(max = REMOTE_DOMAIN_LIST_MAX)]
    pub names: Vec<String>,
}

/// REMOTE_PROC_DOMAIN_LOOKUP_BY_ID (22): CALL body (`remote_domain_lookup_by_id_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainLookupByIdArgs {
    pub id: i32,
}

/// REMOTE_PROC_DOMAIN_LOOKUP_BY_ID (22): REPLY body (`remote_domain_lookup_by_id_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainLookupByIdRet {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_LOOKUP_BY_NAME (23): CALL body (`remote_domain_lookup_by_name_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainLookupByNameArgs {
    pub name: String,
}

/// REMOTE_PROC_DOMAIN_LOOKUP_BY_NAME (23): REPLY body (`remote_domain_lookup_by_name_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainLookupByNameRet {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_LOOKUP_BY_UUID (24): CALL body (`remote_domain_lookup_by_uuid_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainLookupByUuidArgs {
    pub uuid: Uuid,
}

/// REMOTE_PROC_DOMAIN_LOOKUP_BY_UUID (24): REPLY body (`remote_domain_lookup_by_uuid_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainLookupByUuidRet {
    pub dom: DomainRef,
}

/// REMOTE_PROC_CONNECT_NUM_OF_DEFINED_DOMAINS (25): REPLY body
/// (`remote_connect_num_of_defined_domains_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectNumOfDefinedDomainsRet {
    pub num: i32,
}

/// REMOTE_PROC_DOMAIN_REBOOT (27): CALL body (`remote_domain_reboot_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainRebootArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_RESUME (28): CALL body (`remote_domain_resume_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainResumeArgs {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_SET_AUTOSTART (29): CALL body (`remote_domain_set_autostart_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSetAutostartArgs {
    pub dom: DomainRef,
    pub autostart: i32,
}

/// REMOTE_PROC_DOMAIN_SET_MAX_MEMORY (30): CALL body (`remote_domain_set_max_memory_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSetMaxMemoryArgs {
    pub dom: DomainRef,
    pub memory: u64,
}

/// REMOTE_PROC_DOMAIN_SET_MEMORY (31): CALL body (`remote_domain_set_memory_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSetMemoryArgs {
    pub dom: DomainRef,
    pub memory: u64,
}

/// REMOTE_PROC_DOMAIN_SHUTDOWN (33): CALL body (`remote_domain_shutdown_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainShutdownArgs {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_SUSPEND (34): CALL body (`remote_domain_suspend_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSuspendArgs {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_UNDEFINE (35): CALL body (`remote_domain_undefine_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainUndefineArgs {
    pub dom: DomainRef,
}

/// REMOTE_PROC_CONNECT_LIST_DOMAINS (37): CALL body (`remote_connect_list_domains_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListDomainsArgs {
    pub maxids: i32,
}

/// REMOTE_PROC_CONNECT_LIST_DOMAINS (37): REPLY body (`remote_connect_list_domains_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListDomainsRet {
    #[xdr(max = REMOTE_DOMAIN_LIST_MAX)]
    pub ids: Vec<i32>,
}

/// REMOTE_PROC_CONNECT_NUM_OF_DOMAINS (51): REPLY body (`remote_connect_num_of_domains_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectNumOfDomainsRet {
    pub num: i32,
}

/// REMOTE_PROC_DOMAIN_GET_SCHEDULER_TYPE (56): CALL body (`remote_domain_get_scheduler_type_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetSchedulerTypeArgs {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_GET_SCHEDULER_TYPE (56): REPLY body (`remote_domain_get_scheduler_type_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetSchedulerTypeRet {
    pub r#type: String,
    pub nparams: i32,
}

/// REMOTE_PROC_DOMAIN_GET_SCHEDULER_PARAMETERS (57): CALL body
/// (`remote_domain_get_scheduler_parameters_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetSchedulerParametersArgs {
    pub dom: DomainRef,
    pub nparams: i32,
}

/// REMOTE_PROC_DOMAIN_GET_SCHEDULER_PARAMETERS (57): REPLY body
/// (`remote_domain_get_scheduler_parameters_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetSchedulerParametersRet {
    #[xdr(max = REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX)]
    pub params: Vec<TypedParam>,
}

/// REMOTE_PROC_DOMAIN_SET_SCHEDULER_PARAMETERS (58): CALL body
/// (`remote_domain_set_scheduler_parameters_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSetSchedulerParametersArgs {
    pub dom: DomainRef,
    #[xdr(max = REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX)]
    pub params: Vec<TypedParam>,
}

/// REMOTE_PROC_DOMAIN_GET_SECURITY_LABEL (121): CALL body
/// (`remote_domain_get_security_label_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetSecurityLabelArgs {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_GET_SECURITY_LABEL (121): REPLY body
/// (`remote_domain_get_security_label_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetSecurityLabelRet {
    #[xdr(max = REMOTE_SECURITY_LABEL_MAX)]
    pub label: Chars,
    pub enforcing: i32,
}

/// REMOTE_PROC_CONNECT_DOMAIN_XML_FROM_NATIVE (135): CALL body
/// (`remote_connect_domain_xml_from_native_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectDomainXmlFromNativeArgs {
    pub native_format: String,
    pub native_config: String,
    pub flags: u32,
}

/// REMOTE_PROC_CONNECT_DOMAIN_XML_FROM_NATIVE (135): REPLY body
/// (`remote_connect_domain_xml_from_native_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectDomainXmlFromNativeRet {
    pub domain_xml: String,
}

/// REMOTE_PROC_CONNECT_DOMAIN_XML_TO_NATIVE (136): CALL body
/// (`remote_connect_domain_xml_to_native_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectDomainXmlToNativeArgs {
    pub native_format: String,
    pub domain_xml: String,
    pub flags: u32,
}

/// REMOTE_PROC_CONNECT_DOMAIN_XML_TO_NATIVE (136): REPLY body
/// (`remote_connect_domain_xml_to_native_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectDomainXmlToNativeRet {
    pub native_config: String,
}

/// REMOTE_PROC_DOMAIN_IS_ACTIVE (150): CALL body (`remote_domain_is_active_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainIsActiveArgs {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_IS_ACTIVE (150): REPLY body (`remote_domain_is_active_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainIsActiveRet {
    pub active: i32,
}

/// REMOTE_PROC_DOMAIN_IS_PERSISTENT (151): CALL body (`remote_domain_is_persistent_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainIsPersistentArgs {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_IS_PERSISTENT (151): REPLY body (`remote_domain_is_persistent_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainIsPersistentRet {
    pub persistent: i32,
}

/// REMOTE_PROC_DOMAIN_MEMORY_STATS (159): CALL body (`remote_domain_memory_stats_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMemoryStatsArgs {
    pub dom: DomainRef,
    pub max_stats: u32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_MEMORY_STATS (159): REPLY body (`remote_domain_memory_stats_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMemoryStatsRet {
    #[xdr(max = REMOTE_DOMAIN_MEMORY_STATS_MAX)]
    pub stats: Vec<DomainMemoryStat>,
}

/// REMOTE_PROC_DOMAIN_CREATE_WITH_FLAGS (196): CALL body (`remote_domain_create_with_flags_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainCreateWithFlagsArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_CREATE_WITH_FLAGS (196): REPLY body (`remote_domain_create_with_flags_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainCreateWithFlagsRet {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_SET_MEMORY_PARAMETERS (197): CALL body
/// (`remote_domain_set_memory_parameters_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSetMemoryParametersArgs {
    pub dom: DomainRef,
    #[xdr(max = REMOTE_DOMAIN_MEMORY_PARAMETERS_MAX)]
    pub params: Vec<TypedParam>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_MEMORY_PARAMETERS (198): CALL body
/// (`remote_domain_get_memory_parameters_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetMemoryParametersArgs {
    pub dom: DomainRef,
    pub nparams: i32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_MEMORY_PARAMETERS (198): REPLY body
/// (`remote_domain_get_memory_parameters_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetMemoryParametersRet {
    #[xdr(max = REMOTE_DOMAIN_MEMORY_PARAMETERS_MAX)]
    pub params: Vec<TypedParam>,
    pub nparams: i32,
}

/// REMOTE_PROC_DOMAIN_GET_VCPUS_FLAGS (200): CALL body (`remote_domain_get_vcpus_flags_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetVcpusFlagsArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_VCPUS_FLAGS (200): REPLY body (`remote_domain_get_vcpus_flags_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetVcpusFlagsRet {
    pub num: i32,
}

/// REMOTE_PROC_DOMAIN_IS_UPDATED (202): CALL body (`remote_domain_is_updated_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainIsUpdatedArgs {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_IS_UPDATED (202): REPLY body (`remote_domain_is_updated_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainIsUpdatedRet {
    pub updated: i32,
}

/// REMOTE_PROC_DOMAIN_SET_MEMORY_FLAGS (204): CALL body (`remote_domain_set_memory_flags_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSetMemoryFlagsArgs {
    pub dom: DomainRef,
    pub memory: u64,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_STATE (212): CALL body (`remote_domain_get_state_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetStateArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_STATE (212): REPLY body (`remote_domain_get_state_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetStateRet {
    pub state: i32,
    pub reason: i32,
}

/// REMOTE_PROC_DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS (219): CALL body
/// (`remote_domain_set_scheduler_parameters_flags_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSetSchedulerParametersFlagsArgs {
    pub dom: DomainRef,
    #[xdr(max = REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX)]
    pub params: Vec<TypedParam>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS (223): CALL body
/// (`remote_domain_get_scheduler_parameters_flags_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetSchedulerParametersFlagsArgs {
    pub dom: DomainRef,
    pub nparams: i32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS (223): REPLY body
/// (`remote_domain_get_scheduler_parameters_flags_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetSchedulerParametersFlagsRet {
    #[xdr(max = REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX)]
    pub params: Vec<TypedParam>,
}

/// REMOTE_PROC_DOMAIN_GET_CONTROL_INFO (229): CALL body (`remote_domain_get_control_info_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetControlInfoArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_CONTROL_INFO (229): REPLY body (`remote_domain_get_control_info_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetControlInfoRet {
    pub state: u32,
    pub details: u32,
    pub state_time: u64,
}

/// REMOTE_PROC_DOMAIN_UNDEFINE_FLAGS (231): CALL body (`remote_domain_undefine_flags_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainUndefineFlagsArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_DESTROY_FLAGS (234): CALL body (`remote_domain_destroy_flags_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainDestroyFlagsArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_RESET (245): CALL body (`remote_domain_reset_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainResetArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SET_NUMA_PARAMETERS (254): CALL body
/// (`remote_domain_set_numa_parameters_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSetNumaParametersArgs {
    pub dom: DomainRef,
    #[xdr(max = REMOTE_DOMAIN_NUMA_PARAMETERS_MAX)]
    pub params: Vec<TypedParam>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_NUMA_PARAMETERS (255): CALL body
/// (`remote_domain_get_numa_parameters_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetNumaParametersArgs {
    pub dom: DomainRef,
    pub nparams: i32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_NUMA_PARAMETERS (255): REPLY body
/// (`remote_domain_get_numa_parameters_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetNumaParametersRet {
    #[xdr(max = REMOTE_DOMAIN_NUMA_PARAMETERS_MAX)]
    pub params: Vec<TypedParam>,
    pub nparams: i32,
}

/// REMOTE_PROC_DOMAIN_SHUTDOWN_FLAGS (258): CALL body (`remote_domain_shutdown_flags_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainShutdownFlagsArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_PM_SUSPEND_FOR_DURATION (261): CALL body
/// (`remote_domain_pm_suspend_for_duration_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainPmSuspendForDurationArgs {
    pub dom: DomainRef,
    pub target: u32,
    pub duration: u64,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_CPU_STATS (262): CALL body (`remote_domain_get_cpu_stats_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetCpuStatsArgs {
    pub dom: DomainRef,
    pub nparams: u32,
    pub start_cpu: i32,
    pub ncpus: u32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_CPU_STATS (262): REPLY body (`remote_domain_get_cpu_stats_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetCpuStatsRet {
    #[xdr(max = REMOTE_DOMAIN_GET_CPU_STATS_MAX)]
    pub params: Vec<TypedParam>,
    pub nparams: i32,
}

/// REMOTE_PROC_DOMAIN_SET_METADATA (264): CALL body (`remote_domain_set_metadata_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSetMetadataArgs {
    pub dom: DomainRef,
    pub r#type: i32,
    pub metadata: Option<String>,
    pub key: Option<String>,
    pub uri: Option<String>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_METADATA (265): CALL body (`remote_domain_get_metadata_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetMetadataArgs {
    pub dom: DomainRef,
    pub r#type: i32,
    pub uri: Option<String>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_METADATA (265): REPLY body (`remote_domain_get_metadata_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetMetadataRet {
    pub metadata: String,
}

/// REMOTE_PROC_DOMAIN_PM_WAKEUP (267): CALL body (`remote_domain_pm_wakeup_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainPmWakeupArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_CONNECT_LIST_ALL_DOMAINS (273): CALL body (`remote_connect_list_all_domains_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListAllDomainsArgs {
    pub need_results: i32,
    pub flags: u32,
}

/// REMOTE_PROC_CONNECT_LIST_ALL_DOMAINS (273): REPLY body (`remote_connect_list_all_domains_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListAllDomainsRet {
    #[xdr(max = REMOTE_DOMAIN_LIST_MAX)]
    pub domains: Vec<DomainRef>,
    pub ret: u32,
}

/// REMOTE_PROC_DOMAIN_GET_SECURITY_LABEL_LIST (278): CALL body
/// (`remote_domain_get_security_label_list_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetSecurityLabelListArgs {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_GET_SECURITY_LABEL_LIST (278): REPLY body
/// (`remote_domain_get_security_label_list_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetSecurityLabelListRet {
    #[xdr(max = REMOTE_SECURITY_LABEL_LIST_MAX)]
    pub labels: Vec<DomainGetSecurityLabelRet>,
    pub ret: i32,
}

/// REMOTE_PROC_DOMAIN_SET_MEMORY_STATS_PERIOD (308): CALL body
/// (`remote_domain_set_memory_stats_period_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSetMemoryStatsPeriodArgs {
    pub dom: DomainRef,
    pub period: i32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_CREATE_XML_WITH_FILES (309): CALL body
/// (`remote_domain_create_xml_with_files_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainCreateXmlWithFilesArgs {
    pub xml_desc: String,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_CREATE_XML_WITH_FILES (309): REPLY body
/// (`remote_domain_create_xml_with_files_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainCreateXmlWithFilesRet {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_CREATE_WITH_FILES (310): CALL body (`remote_domain_create_with_files_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainCreateWithFilesArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_CREATE_WITH_FILES (310): REPLY body (`remote_domain_create_with_files_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainCreateWithFilesRet {
    pub dom: DomainRef,
}

/// REMOTE_PROC_CONNECT_GET_ALL_DOMAIN_STATS (344): CALL body
/// (`remote_connect_get_all_domain_stats_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectGetAllDomainStatsArgs {
    #[xdr(max = REMOTE_DOMAIN_LIST_MAX)]
    pub doms: Vec<DomainRef>,
    pub stats: u32,
    pub flags: u32,
}

/// REMOTE_PROC_CONNECT_GET_ALL_DOMAIN_STATS (344): REPLY body
/// (`remote_connect_get_all_domain_stats_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectGetAllDomainStatsRet {
    #[xdr(max = REMOTE_DOMAIN_LIST_MAX)]
    pub ret_stats: Vec<DomainStatsRecord>,
}

/// REMOTE_PROC_DOMAIN_DEFINE_XML_FLAGS (350): CALL body (`remote_domain_define_xml_flags_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainDefineXmlFlagsArgs {
    pub xml: String,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_DEFINE_XML_FLAGS (350): REPLY body (`remote_domain_define_xml_flags_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainDefineXmlFlagsRet {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_RENAME (358): CALL body (`remote_domain_rename_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainRenameArgs {
    pub dom: DomainRef,
    pub new_name: Option<String>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_RENAME (358): REPLY body (`remote_domain_rename_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainRenameRet {
    pub retcode: i32,
}

/// REMOTE_PROC_DOMAIN_GET_MESSAGES (426): CALL body (`remote_domain_get_messages_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetMessagesArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_MESSAGES (426): REPLY body (`remote_domain_get_messages_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetMessagesRet {
    #[xdr(max = REMOTE_DOMAIN_MESSAGES_MAX)]
    pub msgs: Vec<String>,
}

/// REMOTE_PROC_DOMAIN_START_DIRTY_RATE_CALC (427): CALL body
/// (`remote_domain_start_dirty_rate_calc_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainStartDirtyRateCalcArgs {
    pub dom: DomainRef,
    pub seconds: i32,
    pub flags: u32,
}
