//! Connection, authentication, node and capability procedures of the REMOTE program
//! (`procedures.md` group 1).

use rvirt_core::typed_param::TypedParam;
use rvirt_xdr::{CharArray, Chars, Xdr};

use super::limits::{
    REMOTE_AUTH_SASL_DATA_MAX, REMOTE_AUTH_TYPE_LIST_MAX, REMOTE_CONNECT_CPU_MODELS_MAX,
    REMOTE_CONNECT_IDENTITY_PARAMS_MAX, REMOTE_CPUMAP_MAX, REMOTE_CPU_BASELINE_MAX,
    REMOTE_NODE_CPU_STATS_MAX, REMOTE_NODE_MAX_CELLS, REMOTE_NODE_MEMORY_PARAMETERS_MAX,
    REMOTE_NODE_MEMORY_STATS_MAX, REMOTE_NODE_SEV_INFO_MAX, REMOTE_SECURITY_DOI_MAX,
    REMOTE_SECURITY_MODEL_MAX,
};
use super::types::{NodeGetCpuStats, NodeGetMemoryStats};

/// `remote_auth_type`: an authentication scheme offered by AUTH_LIST.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Xdr)]
#[repr(i32)]
pub enum AuthType {
    /// `REMOTE_AUTH_NONE`: no authentication needed.
    None = 0,
    /// `REMOTE_AUTH_SASL`.
    Sasl = 1,
    /// `REMOTE_AUTH_POLKIT`.
    Polkit = 2,
}

/// REMOTE_PROC_CONNECT_OPEN (1): CALL body (`remote_connect_open_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectOpenArgs {
    pub name: Option<String>,
    pub flags: u32,
}

/// REMOTE_PROC_CONNECT_GET_TYPE (3): REPLY body (`remote_connect_get_type_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectGetTypeRet {
    pub r#type: String,
}

/// REMOTE_PROC_CONNECT_GET_VERSION (4): REPLY body (`remote_connect_get_version_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectGetVersionRet {
    pub hv_ver: u64,
}

/// REMOTE_PROC_CONNECT_GET_MAX_VCPUS (5): CALL body (`remote_connect_get_max_vcpus_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectGetMaxVcpusArgs {
    pub r#type: Option<String>,
}

/// REMOTE_PROC_CONNECT_GET_MAX_VCPUS (5): REPLY body (`remote_connect_get_max_vcpus_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectGetMaxVcpusRet {
    pub max_vcpus: i32,
}

/// REMOTE_PROC_NODE_GET_INFO (6): REPLY body (`remote_node_get_info_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeGetInfoRet {
    pub model: CharArray<32>,
    pub memory: u64,
    pub cpus: i32,
    pub mhz: i32,
    pub nodes: i32,
    pub sockets: i32,
    pub cores: i32,
    pub threads: i32,
}

/// REMOTE_PROC_CONNECT_GET_CAPABILITIES (7): REPLY body (`remote_connect_get_capabilities_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectGetCapabilitiesRet {
    pub capabilities: String,
}

/// REMOTE_PROC_CONNECT_GET_HOSTNAME (59): REPLY body (`remote_connect_get_hostname_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectGetHostnameRet {
    pub hostname: String,
}

/// REMOTE_PROC_CONNECT_SUPPORTS_FEATURE (60): CALL body (`remote_connect_supports_feature_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectSupportsFeatureArgs {
    pub feature: i32,
}

/// REMOTE_PROC_CONNECT_SUPPORTS_FEATURE (60): REPLY body (`remote_connect_supports_feature_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectSupportsFeatureRet {
    pub supported: i32,
}

/// REMOTE_PROC_AUTH_LIST (66): REPLY body (`remote_auth_list_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AuthListRet {
    #[xdr(max = REMOTE_AUTH_TYPE_LIST_MAX)]
    pub types: Vec<AuthType>,
}

/// REMOTE_PROC_AUTH_SASL_INIT (67): REPLY body (`remote_auth_sasl_init_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AuthSaslInitRet {
    pub mechlist: String,
}

/// REMOTE_PROC_AUTH_SASL_START (68): CALL body (`remote_auth_sasl_start_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AuthSaslStartArgs {
    pub mech: String,
    pub nil: i32,
    #[xdr(max = REMOTE_AUTH_SASL_DATA_MAX)]
    pub data: Chars,
}

/// REMOTE_PROC_AUTH_SASL_START (68): REPLY body (`remote_auth_sasl_start_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AuthSaslStartRet {
    pub complete: i32,
    pub nil: i32,
    #[xdr(max = REMOTE_AUTH_SASL_DATA_MAX)]
    pub data: Chars,
}

/// REMOTE_PROC_AUTH_SASL_STEP (69): CALL body (`remote_auth_sasl_step_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AuthSaslStepArgs {
    pub nil: i32,
    #[xdr(max = REMOTE_AUTH_SASL_DATA_MAX)]
    pub data: Chars,
}

/// REMOTE_PROC_AUTH_SASL_STEP (69): REPLY body (`remote_auth_sasl_step_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AuthSaslStepRet {
    pub complete: i32,
    pub nil: i32,
    #[xdr(max = REMOTE_AUTH_SASL_DATA_MAX)]
    pub data: Chars,
}

/// REMOTE_PROC_AUTH_POLKIT (70): REPLY body (`remote_auth_polkit_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AuthPolkitRet {
    pub complete: i32,
}

/// REMOTE_PROC_NODE_GET_CELLS_FREE_MEMORY (101): CALL body
/// (`remote_node_get_cells_free_memory_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeGetCellsFreeMemoryArgs {
    pub start_cell: i32,
    pub maxcells: i32,
}

/// REMOTE_PROC_NODE_GET_CELLS_FREE_MEMORY (101): REPLY body
/// (`remote_node_get_cells_free_memory_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeGetCellsFreeMemoryRet {
    #[xdr(max = REMOTE_NODE_MAX_CELLS)]
    pub cells: Vec<u64>,
}

/// REMOTE_PROC_NODE_GET_FREE_MEMORY (102): REPLY body (`remote_node_get_free_memory_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeGetFreeMemoryRet {
    pub free_mem: u64,
}

/// REMOTE_PROC_CONNECT_GET_URI (110): REPLY body (`remote_connect_get_uri_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectGetUriRet {
    pub uri: String,
}

/// REMOTE_PROC_NODE_GET_SECURITY_MODEL (122): REPLY body (`remote_node_get_security_model_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeGetSecurityModelRet {
    #[xdr(max = REMOTE_SECURITY_MODEL_MAX)]
    pub model: Chars,
    #[xdr(max = REMOTE_SECURITY_DOI_MAX)]
    pub doi: Chars,
}

/// REMOTE_PROC_CONNECT_IS_SECURE (149): REPLY body (`remote_connect_is_secure_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectIsSecureRet {
    pub secure: i32,
}

/// REMOTE_PROC_CONNECT_GET_LIB_VERSION (157): REPLY body (`remote_connect_get_lib_version_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectGetLibVersionRet {
    pub lib_ver: u64,
}

/// REMOTE_PROC_CONNECT_COMPARE_CPU (158): CALL body (`remote_connect_compare_cpu_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectCompareCpuArgs {
    pub xml: String,
    pub flags: u32,
}

/// REMOTE_PROC_CONNECT_COMPARE_CPU (158): REPLY body (`remote_connect_compare_cpu_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectCompareCpuRet {
    pub result: i32,
}

/// REMOTE_PROC_CONNECT_BASELINE_CPU (162): CALL body (`remote_connect_baseline_cpu_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectBaselineCpuArgs {
    #[xdr(max = REMOTE_CPU_BASELINE_MAX)]
    pub xml_cpus: Vec<String>,
    pub flags: u32,
}

/// REMOTE_PROC_CONNECT_BASELINE_CPU (162): REPLY body (`remote_connect_baseline_cpu_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectBaselineCpuRet {
    pub cpu: String,
}

/// REMOTE_PROC_CONNECT_GET_SYSINFO (203): CALL body (`remote_connect_get_sysinfo_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectGetSysinfoArgs {
    pub flags: u32,
}

/// REMOTE_PROC_CONNECT_GET_SYSINFO (203): REPLY body (`remote_connect_get_sysinfo_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectGetSysinfoRet {
    pub sysinfo: String,
}

/// REMOTE_PROC_NODE_GET_CPU_STATS (227): CALL body (`remote_node_get_cpu_stats_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeGetCpuStatsArgs {
    pub cpu_num: i32,
    pub nparams: i32,
    pub flags: u32,
}

/// REMOTE_PROC_NODE_GET_CPU_STATS (227): REPLY body (`remote_node_get_cpu_stats_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeGetCpuStatsRet {
    #[xdr(max = REMOTE_NODE_CPU_STATS_MAX)]
    pub params: Vec<NodeGetCpuStats>,
    pub nparams: i32,
}

/// REMOTE_PROC_NODE_GET_MEMORY_STATS (228): CALL body (`remote_node_get_memory_stats_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeGetMemoryStatsArgs {
    pub nparams: i32,
    pub cell_num: i32,
    pub flags: u32,
}

/// REMOTE_PROC_NODE_GET_MEMORY_STATS (228): REPLY body (`remote_node_get_memory_stats_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeGetMemoryStatsRet {
    #[xdr(max = REMOTE_NODE_MEMORY_STATS_MAX)]
    pub params: Vec<NodeGetMemoryStats>,
    pub nparams: i32,
}

/// REMOTE_PROC_NODE_SUSPEND_FOR_DURATION (250): CALL body
/// (`remote_node_suspend_for_duration_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeSuspendForDurationArgs {
    pub target: u32,
    pub duration: u64,
    pub flags: u32,
}

/// REMOTE_PROC_NODE_SET_MEMORY_PARAMETERS (288): CALL body
/// (`remote_node_set_memory_parameters_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeSetMemoryParametersArgs {
    #[xdr(max = REMOTE_NODE_MEMORY_PARAMETERS_MAX)]
    pub params: Vec<TypedParam>,
    pub flags: u32,
}

/// REMOTE_PROC_NODE_GET_MEMORY_PARAMETERS (289): CALL body
/// (`remote_node_get_memory_parameters_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeGetMemoryParametersArgs {
    pub nparams: i32,
    pub flags: u32,
}

/// REMOTE_PROC_NODE_GET_MEMORY_PARAMETERS (289): REPLY body
/// (`remote_node_get_memory_parameters_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeGetMemoryParametersRet {
    #[xdr(max = REMOTE_NODE_MEMORY_PARAMETERS_MAX)]
    pub params: Vec<TypedParam>,
    pub nparams: i32,
}

/// REMOTE_PROC_NODE_GET_CPU_MAP (293): CALL body (`remote_node_get_cpu_map_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeGetCpuMapArgs {
    pub need_map: i32,
    pub need_online: i32,
    pub flags: u32,
}

/// REMOTE_PROC_NODE_GET_CPU_MAP (293): REPLY body (`remote_node_get_cpu_map_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeGetCpuMapRet {
    #[xdr(max = REMOTE_CPUMAP_MAX)]
    pub cpumap: Vec<u8>,
    pub online: u32,
    pub ret: i32,
}

/// REMOTE_PROC_CONNECT_GET_CPU_MODEL_NAMES (312): CALL body
/// (`remote_connect_get_cpu_model_names_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectGetCpuModelNamesArgs {
    pub arch: String,
    pub need_results: i32,
    pub flags: u32,
}

/// REMOTE_PROC_CONNECT_GET_CPU_MODEL_NAMES (312): REPLY body
/// (`remote_connect_get_cpu_model_names_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectGetCpuModelNamesRet {
    #[xdr(max = REMOTE_CONNECT_CPU_MODELS_MAX)]
    pub models: Vec<String>,
    pub ret: i32,
}

/// REMOTE_PROC_NODE_GET_FREE_PAGES (340): CALL body (`remote_node_get_free_pages_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeGetFreePagesArgs {
    #[xdr(max = REMOTE_NODE_MAX_CELLS)]
    pub pages: Vec<u32>,
    pub start_cell: i32,
    pub cell_count: u32,
    pub flags: u32,
}

/// REMOTE_PROC_NODE_GET_FREE_PAGES (340): REPLY body (`remote_node_get_free_pages_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeGetFreePagesRet {
    #[xdr(max = REMOTE_NODE_MAX_CELLS)]
    pub counts: Vec<u64>,
}

/// REMOTE_PROC_CONNECT_GET_DOMAIN_CAPABILITIES (342): CALL body
/// (`remote_connect_get_domain_capabilities_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectGetDomainCapabilitiesArgs {
    pub emulatorbin: Option<String>,
    pub arch: Option<String>,
    pub machine: Option<String>,
    pub virttype: Option<String>,
    pub flags: u32,
}

/// REMOTE_PROC_CONNECT_GET_DOMAIN_CAPABILITIES (342): REPLY body
/// (`remote_connect_get_domain_capabilities_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectGetDomainCapabilitiesRet {
    pub capabilities: String,
}

/// REMOTE_PROC_NODE_ALLOC_PAGES (347): CALL body (`remote_node_alloc_pages_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeAllocPagesArgs {
    #[xdr(max = REMOTE_NODE_MAX_CELLS)]
    pub page_sizes: Vec<u32>,
    #[xdr(max = REMOTE_NODE_MAX_CELLS)]
    pub page_counts: Vec<u64>,
    pub start_cell: i32,
    pub cell_count: u32,
    pub flags: u32,
}

/// REMOTE_PROC_NODE_ALLOC_PAGES (347): REPLY body (`remote_node_alloc_pages_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeAllocPagesRet {
    pub ret: i32,
}

/// REMOTE_PROC_CONNECT_COMPARE_HYPERVISOR_CPU (393): CALL body
/// (`remote_connect_compare_hypervisor_cpu_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectCompareHypervisorCpuArgs {
    pub emulator: Option<String>,
    pub arch: Option<String>,
    pub machine: Option<String>,
    pub virttype: Option<String>,
    pub xml_cpu: String,
    pub flags: u32,
}

/// REMOTE_PROC_CONNECT_COMPARE_HYPERVISOR_CPU (393): REPLY body
/// (`remote_connect_compare_hypervisor_cpu_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectCompareHypervisorCpuRet {
    pub result: i32,
}

/// REMOTE_PROC_CONNECT_BASELINE_HYPERVISOR_CPU (394): CALL body
/// (`remote_connect_baseline_hypervisor_cpu_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectBaselineHypervisorCpuArgs {
    pub emulator: Option<String>,
    pub arch: Option<String>,
    pub machine: Option<String>,
    pub virttype: Option<String>,
    #[xdr(max = REMOTE_CPU_BASELINE_MAX)]
    pub xml_cpus: Vec<String>,
    pub flags: u32,
}

/// REMOTE_PROC_CONNECT_BASELINE_HYPERVISOR_CPU (394): REPLY body
/// (`remote_connect_baseline_hypervisor_cpu_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectBaselineHypervisorCpuRet {
    pub cpu: String,
}

/// REMOTE_PROC_NODE_GET_SEV_INFO (395): CALL body (`remote_node_get_sev_info_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeGetSevInfoArgs {
    pub nparams: i32,
    pub flags: u32,
}

/// REMOTE_PROC_NODE_GET_SEV_INFO (395): REPLY body (`remote_node_get_sev_info_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NodeGetSevInfoRet {
    #[xdr(max = REMOTE_NODE_SEV_INFO_MAX)]
    pub params: Vec<TypedParam>,
    pub nparams: i32,
}

/// REMOTE_PROC_CONNECT_SET_IDENTITY (419): CALL body (`remote_connect_set_identity_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectSetIdentityArgs {
    #[xdr(max = REMOTE_CONNECT_IDENTITY_PARAMS_MAX)]
    pub params: Vec<TypedParam>,
    pub flags: u32,
}
