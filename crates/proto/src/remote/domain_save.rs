//! Domain save/restore, managed save, core dump and job procedures (`procedures.md` group 4).

use rvirt_core::typed_param::TypedParam;
use rvirt_core::DomainRef;
use rvirt_xdr::Xdr;

use super::limits::{REMOTE_DOMAIN_JOB_STATS_MAX, REMOTE_DOMAIN_SAVE_PARAMS_MAX};

/// REMOTE_PROC_DOMAIN_CORE_DUMP (53): CALL body (`remote_domain_core_dump_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainCoreDumpArgs {
    pub dom: DomainRef,
    pub to: String,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_RESTORE (54): CALL body (`remote_domain_restore_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainRestoreArgs {
    pub from: String,
}

/// REMOTE_PROC_DOMAIN_SAVE (55): CALL body (`remote_domain_save_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSaveArgs {
    pub dom: DomainRef,
    pub to: String,
}

/// REMOTE_PROC_DOMAIN_GET_JOB_INFO (163): CALL body (`remote_domain_get_job_info_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetJobInfoArgs {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_GET_JOB_INFO (163): REPLY body (`remote_domain_get_job_info_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetJobInfoRet {
    pub r#type: i32,
    pub time_elapsed: u64,
    pub time_remaining: u64,
    pub data_total: u64,
    pub data_processed: u64,
    pub data_remaining: u64,
    pub mem_total: u64,
    pub mem_processed: u64,
    pub mem_remaining: u64,
    pub file_total: u64,
    pub file_processed: u64,
    pub file_remaining: u64,
}

/// REMOTE_PROC_DOMAIN_ABORT_JOB (164): CALL body (`remote_domain_abort_job_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainAbortJobArgs {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_MANAGED_SAVE (182): CALL body (`remote_domain_managed_save_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainManagedSaveArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_HAS_MANAGED_SAVE_IMAGE (183): CALL body
/// (`remote_domain_has_managed_save_image_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainHasManagedSaveImageArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_HAS_MANAGED_SAVE_IMAGE (183): REPLY body
/// (`remote_domain_has_managed_save_image_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainHasManagedSaveImageRet {
    pub result: i32,
}

/// REMOTE_PROC_DOMAIN_MANAGED_SAVE_REMOVE (184): CALL body
/// (`remote_domain_managed_save_remove_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainManagedSaveRemoveArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SAVE_FLAGS (232): CALL body (`remote_domain_save_flags_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSaveFlagsArgs {
    pub dom: DomainRef,
    pub to: String,
    pub dxml: Option<String>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_RESTORE_FLAGS (233): CALL body (`remote_domain_restore_flags_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainRestoreFlagsArgs {
    pub from: String,
    pub dxml: Option<String>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SAVE_IMAGE_GET_XML_DESC (235): CALL body
/// (`remote_domain_save_image_get_xml_desc_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSaveImageGetXmlDescArgs {
    pub file: String,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SAVE_IMAGE_GET_XML_DESC (235): REPLY body
/// (`remote_domain_save_image_get_xml_desc_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSaveImageGetXmlDescRet {
    pub xml: String,
}

/// REMOTE_PROC_DOMAIN_SAVE_IMAGE_DEFINE_XML (236): CALL body
/// (`remote_domain_save_image_define_xml_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSaveImageDefineXmlArgs {
    pub file: String,
    pub dxml: String,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_JOB_STATS (298): CALL body (`remote_domain_get_job_stats_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetJobStatsArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_JOB_STATS (298): REPLY body (`remote_domain_get_job_stats_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetJobStatsRet {
    pub r#type: i32,
    #[xdr(max = REMOTE_DOMAIN_JOB_STATS_MAX)]
    pub params: Vec<TypedParam>,
}

/// REMOTE_PROC_DOMAIN_CORE_DUMP_WITH_FORMAT (334): CALL body
/// (`remote_domain_core_dump_with_format_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainCoreDumpWithFormatArgs {
    pub dom: DomainRef,
    pub to: String,
    pub dumpformat: u32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_MANAGED_SAVE_GET_XML_DESC (388): CALL body
/// (`remote_domain_managed_save_get_xml_desc_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainManagedSaveGetXmlDescArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_MANAGED_SAVE_GET_XML_DESC (388): REPLY body
/// (`remote_domain_managed_save_get_xml_desc_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainManagedSaveGetXmlDescRet {
    pub xml: String,
}

/// REMOTE_PROC_DOMAIN_MANAGED_SAVE_DEFINE_XML (389): CALL body
/// (`remote_domain_managed_save_define_xml_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainManagedSaveDefineXmlArgs {
    pub dom: DomainRef,
    pub dxml: Option<String>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SAVE_PARAMS (440): CALL body (`remote_domain_save_params_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSaveParamsArgs {
    pub dom: DomainRef,
    #[xdr(max = REMOTE_DOMAIN_SAVE_PARAMS_MAX)]
    pub params: Vec<TypedParam>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_RESTORE_PARAMS (441): CALL body (`remote_domain_restore_params_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainRestoreParamsArgs {
    #[xdr(max = REMOTE_DOMAIN_SAVE_PARAMS_MAX)]
    pub params: Vec<TypedParam>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_ABORT_JOB_FLAGS (442): CALL body (`remote_domain_abort_job_flags_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainAbortJobFlagsArgs {
    pub dom: DomainRef,
    pub flags: u32,
}
