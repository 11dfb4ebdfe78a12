//! `DomainMigrationDriver` over RPC (the DOMAIN_MIGRATE_*3_PARAMS procedures and the
//! migration tuning calls).

use async_trait::async_trait;
use rvirt_core::driver::DomainMigrationDriver;
use rvirt_core::error::VirResult;
use rvirt_core::stream::DataStream;
use rvirt_core::typed_param::TypedParam;
use rvirt_core::DomainRef;
use rvirt_proto::remote::*;

use super::conn::RemoteConnection;
use super::streams::{data_stream, Direction};
use super::wire::args;

/// Procedure numbers of the migration calls.
mod n {
    pub const SET_MAX_DOWNTIME: i32 = 166;
    pub const SET_MAX_SPEED: i32 = 207;
    pub const GET_MAX_SPEED: i32 = 242;
    pub const BEGIN3_PARAMS: i32 = 302;
    pub const PREPARE3_PARAMS: i32 = 303;
    pub const PREPARE_TUNNEL3_PARAMS: i32 = 304;
    pub const PERFORM3_PARAMS: i32 = 305;
    pub const FINISH3_PARAMS: i32 = 306;
    pub const CONFIRM3_PARAMS: i32 = 307;
    pub const START_POST_COPY: i32 = 364;
    pub const GET_MAX_DOWNTIME: i32 = 387;
}

fn enc<T: rvirt_xdr::Encode>(v: &T) -> VirResult<bytes::Bytes> {
    Ok(args!(v))
}

#[async_trait]
// No `migration_features` list here: what a daemon supports depends on its driver, so
// `Connect::supports_feature` asks it (CONNECT_SUPPORTS_FEATURE) instead of assuming.
impl DomainMigrationDriver for RemoteConnection {
    /// virDomainMigrateBegin3Params (DOMAIN_MIGRATE_BEGIN3_PARAMS 302)
    async fn migrate_begin3_params(
        &self,
        dom: &DomainRef,
        params: &[TypedParam],
        flags: u32,
    ) -> VirResult<(Vec<u8>, String)> {
        let a = DomainMigrateBegin3ParamsArgs {
            dom: dom.clone(),
            params: params.to_vec(),
            flags,
        };
        let r: DomainMigrateBegin3ParamsRet = self.call(n::BEGIN3_PARAMS, enc(&a)?).await?.get()?;
        Ok((r.cookie_out, r.xml))
    }

    /// virDomainMigratePrepare3Params (DOMAIN_MIGRATE_PREPARE3_PARAMS 303)
    async fn migrate_prepare3_params(
        &self,
        params: &[TypedParam],
        cookie_in: &[u8],
        flags: u32,
    ) -> VirResult<(Vec<u8>, Option<String>)> {
        let a = DomainMigratePrepare3ParamsArgs {
            params: params.to_vec(),
            cookie_in: cookie_in.to_vec(),
            flags,
        };
        let r: DomainMigratePrepare3ParamsRet =
            self.call(n::PREPARE3_PARAMS, enc(&a)?).await?.get()?;
        Ok((r.cookie_out, r.uri_out))
    }

    /// virDomainMigratePrepareTunnel3Params (DOMAIN_MIGRATE_PREPARE_TUNNEL3_PARAMS 304)
    async fn migrate_prepare_tunnel3_params(
        &self,
        params: &[TypedParam],
        cookie_in: &[u8],
        flags: u32,
    ) -> VirResult<(Vec<u8>, DataStream)> {
        let a = DomainMigratePrepareTunnel3ParamsArgs {
            params: params.to_vec(),
            cookie_in: cookie_in.to_vec(),
            flags,
        };
        let (mut ret, s) = self
            .call_stream(n::PREPARE_TUNNEL3_PARAMS, enc(&a)?, false)
            .await?;
        let r: DomainMigratePrepareTunnel3ParamsRet = ret.get()?;
        Ok((r.cookie_out, data_stream(s, Direction::Write)))
    }

    /// virDomainMigratePerform3Params (DOMAIN_MIGRATE_PERFORM3_PARAMS 305)
    async fn migrate_perform3_params(
        &self,
        dom: &DomainRef,
        dconnuri: Option<&str>,
        params: &[TypedParam],
        cookie_in: &[u8],
        flags: u32,
    ) -> VirResult<Vec<u8>> {
        let a = DomainMigratePerform3ParamsArgs {
            dom: dom.clone(),
            dconnuri: dconnuri.map(str::to_string),
            params: params.to_vec(),
            cookie_in: cookie_in.to_vec(),
            flags,
        };
        let r: DomainMigratePerform3ParamsRet =
            self.call(n::PERFORM3_PARAMS, enc(&a)?).await?.get()?;
        Ok(r.cookie_out)
    }

    /// virDomainMigrateFinish3Params (DOMAIN_MIGRATE_FINISH3_PARAMS 306)
    async fn migrate_finish3_params(
        &self,
        params: &[TypedParam],
        cookie_in: &[u8],
        flags: u32,
        cancelled: bool,
    ) -> VirResult<(DomainRef, Vec<u8>)> {
        let a = DomainMigrateFinish3ParamsArgs {
            params: params.to_vec(),
            cookie_in: cookie_in.to_vec(),
            flags,
            cancelled: i32::from(cancelled),
        };
        let r: DomainMigrateFinish3ParamsRet =
            self.call(n::FINISH3_PARAMS, enc(&a)?).await?.get()?;
        Ok((r.dom, r.cookie_out))
    }

    /// virDomainMigrateConfirm3Params (DOMAIN_MIGRATE_CONFIRM3_PARAMS 307)
    async fn migrate_confirm3_params(
        &self,
        dom: &DomainRef,
        params: &[TypedParam],
        cookie_in: &[u8],
        flags: u32,
        cancelled: bool,
    ) -> VirResult<()> {
        let a = DomainMigrateConfirm3ParamsArgs {
            dom: dom.clone(),
            params: params.to_vec(),
            cookie_in: cookie_in.to_vec(),
            flags,
            cancelled: i32::from(cancelled),
        };
        self.call0(n::CONFIRM3_PARAMS, enc(&a)?).await
    }

    /// virDomainMigrateSetMaxDowntime (DOMAIN_MIGRATE_SET_MAX_DOWNTIME 166)
    async fn migrate_set_max_downtime(
        &self,
        dom: &DomainRef,
        downtime: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(n::SET_MAX_DOWNTIME, args!(dom, downtime, flags))
            .await
    }

    /// virDomainMigrateGetMaxDowntime (DOMAIN_MIGRATE_GET_MAX_DOWNTIME 387)
    async fn migrate_get_max_downtime(&self, dom: &DomainRef, flags: u32) -> VirResult<u64> {
        self.call(n::GET_MAX_DOWNTIME, args!(dom, flags))
            .await?
            .get()
    }

    /// virDomainMigrateSetMaxSpeed (DOMAIN_MIGRATE_SET_MAX_SPEED 207)
    async fn migrate_set_max_speed(
        &self,
        dom: &DomainRef,
        bandwidth: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(n::SET_MAX_SPEED, args!(dom, bandwidth, flags))
            .await
    }

    /// virDomainMigrateGetMaxSpeed (DOMAIN_MIGRATE_GET_MAX_SPEED 242)
    async fn migrate_get_max_speed(&self, dom: &DomainRef, flags: u32) -> VirResult<u64> {
        self.call(n::GET_MAX_SPEED, args!(dom, flags)).await?.get()
    }

    /// virDomainMigrateStartPostCopy (DOMAIN_MIGRATE_START_POST_COPY 364)
    async fn migrate_start_post_copy(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.call0(n::START_POST_COPY, args!(dom, flags)).await
    }
}
