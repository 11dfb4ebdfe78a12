//! Domain migration procedures, including the tunnelled ones that open a stream
//! (`procedures.md` groups 4 and "streams").

use rvirt_core::typed_param::TypedParam;
use rvirt_core::DomainRef;
use rvirt_xdr::Xdr;

use super::limits::{REMOTE_DOMAIN_MIGRATE_PARAM_LIST_MAX, REMOTE_MIGRATE_COOKIE_MAX};

/// REMOTE_PROC_DOMAIN_MIGRATE_PREPARE (61): CALL body (`remote_domain_migrate_prepare_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigratePrepareArgs {
    pub uri_in: Option<String>,
    pub flags: u64,
    pub dname: Option<String>,
    pub resource: u64,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_PREPARE (61): REPLY body (`remote_domain_migrate_prepare_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigratePrepareRet {
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie: Vec<u8>,
    pub uri_out: Option<String>,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_PERFORM (62): CALL body (`remote_domain_migrate_perform_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigratePerformArgs {
    pub dom: DomainRef,
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie: Vec<u8>,
    pub uri: String,
    pub flags: u64,
    pub dname: Option<String>,
    pub resource: u64,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_FINISH (63): CALL body (`remote_domain_migrate_finish_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigrateFinishArgs {
    pub dname: String,
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie: Vec<u8>,
    pub uri: String,
    pub flags: u64,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_FINISH (63): REPLY body (`remote_domain_migrate_finish_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigrateFinishRet {
    pub ddom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_PREPARE2 (108): CALL body (`remote_domain_migrate_prepare2_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigratePrepare2Args {
    pub uri_in: Option<String>,
    pub flags: u64,
    pub dname: Option<String>,
    pub resource: u64,
    pub dom_xml: String,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_PREPARE2 (108): REPLY body (`remote_domain_migrate_prepare2_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigratePrepare2Ret {
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie: Vec<u8>,
    pub uri_out: Option<String>,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_FINISH2 (109): CALL body (`remote_domain_migrate_finish2_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigrateFinish2Args {
    pub dname: String,
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie: Vec<u8>,
    pub uri: String,
    pub flags: u64,
    pub retcode: i32,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_FINISH2 (109): REPLY body (`remote_domain_migrate_finish2_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigrateFinish2Ret {
    pub ddom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_PREPARE_TUNNEL (148): CALL body
/// (`remote_domain_migrate_prepare_tunnel_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigratePrepareTunnelArgs {
    pub flags: u64,
    pub dname: Option<String>,
    pub resource: u64,
    pub dom_xml: String,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_SET_MAX_DOWNTIME (166): CALL body
/// (`remote_domain_migrate_set_max_downtime_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigrateSetMaxDowntimeArgs {
    pub dom: DomainRef,
    pub downtime: u64,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_SET_MAX_SPEED (207): CALL body
/// (`remote_domain_migrate_set_max_speed_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigrateSetMaxSpeedArgs {
    pub dom: DomainRef,
    pub bandwidth: u64,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_BEGIN3 (213): CALL body (`remote_domain_migrate_begin3_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigrateBegin3Args {
    pub dom: DomainRef,
    pub xmlin: Option<String>,
    pub flags: u64,
    pub dname: Option<String>,
    pub resource: u64,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_BEGIN3 (213): REPLY body (`remote_domain_migrate_begin3_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigrateBegin3Ret {
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie_out: Vec<u8>,
    pub xml: String,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_PREPARE3 (214): CALL body (`remote_domain_migrate_prepare3_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigratePrepare3Args {
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie_in: Vec<u8>,
    pub uri_in: Option<String>,
    pub flags: u64,
    pub dname: Option<String>,
    pub resource: u64,
    pub dom_xml: String,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_PREPARE3 (214): REPLY body (`remote_domain_migrate_prepare3_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigratePrepare3Ret {
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie_out: Vec<u8>,
    pub uri_out: Option<String>,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_PREPARE_TUNNEL3 (215): CALL body
/// (`remote_domain_migrate_prepare_tunnel3_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigratePrepareTunnel3Args {
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie_in: Vec<u8>,
    pub flags: u64,
    pub dname: Option<String>,
    pub resource: u64,
    pub dom_xml: String,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_PREPARE_TUNNEL3 (215): REPLY body
/// (`remote_domain_migrate_prepare_tunnel3_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigratePrepareTunnel3Ret {
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie_out: Vec<u8>,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_PERFORM3 (216): CALL body (`remote_domain_migrate_perform3_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigratePerform3Args {
    pub dom: DomainRef,
    pub xmlin: Option<String>,
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie_in: Vec<u8>,
    pub dconnuri: Option<String>,
    pub uri: Option<String>,
    pub flags: u64,
    pub dname: Option<String>,
    pub resource: u64,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_PERFORM3 (216): REPLY body (`remote_domain_migrate_perform3_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigratePerform3Ret {
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie_out: Vec<u8>,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_FINISH3 (217): CALL body (`remote_domain_migrate_finish3_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigrateFinish3Args {
    pub dname: String,
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie_in: Vec<u8>,
    pub dconnuri: Option<String>,
    pub uri: Option<String>,
    pub flags: u64,
    pub cancelled: i32,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_FINISH3 (217): REPLY body (`remote_domain_migrate_finish3_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigrateFinish3Ret {
    pub dom: DomainRef,
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie_out: Vec<u8>,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_CONFIRM3 (218): CALL body (`remote_domain_migrate_confirm3_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigrateConfirm3Args {
    pub dom: DomainRef,
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie_in: Vec<u8>,
    pub flags: u64,
    pub cancelled: i32,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_GET_MAX_SPEED (242): CALL body
/// (`remote_domain_migrate_get_max_speed_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigrateGetMaxSpeedArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_GET_MAX_SPEED (242): REPLY body
/// (`remote_domain_migrate_get_max_speed_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigrateGetMaxSpeedRet {
    pub bandwidth: u64,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_GET_COMPRESSION_CACHE (299): CALL body
/// (`remote_domain_migrate_get_compression_cache_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigrateGetCompressionCacheArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_GET_COMPRESSION_CACHE (299): REPLY body
/// (`remote_domain_migrate_get_compression_cache_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigrateGetCompressionCacheRet {
    pub cache_size: u64,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_SET_COMPRESSION_CACHE (300): CALL body
/// (`remote_domain_migrate_set_compression_cache_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigrateSetCompressionCacheArgs {
    pub dom: DomainRef,
    pub cache_size: u64,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_BEGIN3_PARAMS (302): CALL body
/// (`remote_domain_migrate_begin3_params_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigrateBegin3ParamsArgs {
    pub dom: DomainRef,
    #[xdr(max = REMOTE_DOMAIN_MIGRATE_PARAM_LIST_MAX)]
    pub params: Vec<TypedParam>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_BEGIN3_PARAMS (302): REPLY body
/// (`remote_domain_migrate_begin3_params_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigrateBegin3ParamsRet {
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie_out: Vec<u8>,
    pub xml: String,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_PREPARE3_PARAMS (303): CALL body
/// (`remote_domain_migrate_prepare3_params_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigratePrepare3ParamsArgs {
    #[xdr(max = REMOTE_DOMAIN_MIGRATE_PARAM_LIST_MAX)]
    pub params: Vec<TypedParam>,
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie_in: Vec<u8>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_PREPARE3_PARAMS (303): REPLY body
/// (`remote_domain_migrate_prepare3_params_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigratePrepare3ParamsRet {
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie_out: Vec<u8>,
    pub uri_out: Option<String>,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_PREPARE_TUNNEL3_PARAMS (304): CALL body
/// (`remote_domain_migrate_prepare_tunnel3_params_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigratePrepareTunnel3ParamsArgs {
    #[xdr(max = REMOTE_DOMAIN_MIGRATE_PARAM_LIST_MAX)]
    pub params: Vec<TypedParam>,
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie_in: Vec<u8>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_PREPARE_TUNNEL3_PARAMS (304): REPLY body
/// (`remote_domain_migrate_prepare_tunnel3_params_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigratePrepareTunnel3ParamsRet {
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie_out: Vec<u8>,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_PERFORM3_PARAMS (305): CALL body
/// (`remote_domain_migrate_perform3_params_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigratePerform3ParamsArgs {
    pub dom: DomainRef,
    pub dconnuri: Option<String>,
    #[xdr(max = REMOTE_DOMAIN_MIGRATE_PARAM_LIST_MAX)]
    pub params: Vec<TypedParam>,
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie_in: Vec<u8>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_PERFORM3_PARAMS (305): REPLY body
/// (`remote_domain_migrate_perform3_params_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigratePerform3ParamsRet {
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie_out: Vec<u8>,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_FINISH3_PARAMS (306): CALL body
/// (`remote_domain_migrate_finish3_params_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigrateFinish3ParamsArgs {
    #[xdr(max = REMOTE_DOMAIN_MIGRATE_PARAM_LIST_MAX)]
    pub params: Vec<TypedParam>,
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie_in: Vec<u8>,
    pub flags: u32,
    pub cancelled: i32,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_FINISH3_PARAMS (306): REPLY body
/// (`remote_domain_migrate_finish3_params_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigrateFinish3ParamsRet {
    pub dom: DomainRef,
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie_out: Vec<u8>,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_CONFIRM3_PARAMS (307): CALL body
/// (`remote_domain_migrate_confirm3_params_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigrateConfirm3ParamsArgs {
    pub dom: DomainRef,
    #[xdr(max = REMOTE_DOMAIN_MIGRATE_PARAM_LIST_MAX)]
    pub params: Vec<TypedParam>,
    #[xdr(max = REMOTE_MIGRATE_COOKIE_MAX)]
    pub cookie_in: Vec<u8>,
    pub flags: u32,
    pub cancelled: i32,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_START_POST_COPY (364): CALL body
/// (`remote_domain_migrate_start_post_copy_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigrateStartPostCopyArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_GET_MAX_DOWNTIME (387): CALL body
/// (`remote_domain_migrate_get_max_downtime_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigrateGetMaxDowntimeArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_MIGRATE_GET_MAX_DOWNTIME (387): REPLY body
/// (`remote_domain_migrate_get_max_downtime_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMigrateGetMaxDowntimeRet {
    pub downtime: u64,
}
