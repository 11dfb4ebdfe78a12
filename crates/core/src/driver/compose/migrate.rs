//! Domain migration APIs forwarded to the primary driver.

use super::ComposedConnection;
use crate::driver::*;
use crate::error::VirResult;
use crate::handle::*;
use crate::stream::DataStream;
use crate::typed_param::TypedParam;
use async_trait::async_trait;

#[async_trait]
impl DomainMigrationDriver for ComposedConnection {
    fn migration_features(&self) -> &'static [i32] {
        self.primary.migration_features()
    }

    /// virDomainMigrateBegin3Params
    async fn migrate_begin3_params(
        &self,
        dom: &DomainRef,
        params: &[TypedParam],
        flags: u32,
    ) -> VirResult<(Vec<u8>, String)> {
        self.primary.migrate_begin3_params(dom, params, flags).await
    }

    /// virDomainMigratePrepare3Params
    async fn migrate_prepare3_params(
        &self,
        params: &[TypedParam],
        cookie_in: &[u8],
        flags: u32,
    ) -> VirResult<(Vec<u8>, Option<String>)> {
        self.primary
            .migrate_prepare3_params(params, cookie_in, flags)
            .await
    }

    /// virDomainMigratePrepareTunnel3Params
    async fn migrate_prepare_tunnel3_params(
        &self,
        params: &[TypedParam],
        cookie_in: &[u8],
        flags: u32,
    ) -> VirResult<(Vec<u8>, DataStream)> {
        self.primary
            .migrate_prepare_tunnel3_params(params, cookie_in, flags)
            .await
    }

    /// virDomainMigratePerform3Params
    async fn migrate_perform3_params(
        &self,
        dom: &DomainRef,
        dconnuri: Option<&str>,
        params: &[TypedParam],
        cookie_in: &[u8],
        flags: u32,
    ) -> VirResult<Vec<u8>> {
        self.primary
            .migrate_perform3_params(dom, dconnuri, params, cookie_in, flags)
            .await
    }

    /// virDomainMigrateFinish3Params
    async fn migrate_finish3_params(
        &self,
        params: &[TypedParam],
        cookie_in: &[u8],
        flags: u32,
        cancelled: bool,
    ) -> VirResult<(DomainRef, Vec<u8>)> {
        self.primary
            .migrate_finish3_params(params, cookie_in, flags, cancelled)
            .await
    }

    /// virDomainMigrateConfirm3Params
    async fn migrate_confirm3_params(
        &self,
        dom: &DomainRef,
        params: &[TypedParam],
        cookie_in: &[u8],
        flags: u32,
        cancelled: bool,
    ) -> VirResult<()> {
        self.primary
            .migrate_confirm3_params(dom, params, cookie_in, flags, cancelled)
            .await
    }

    /// virDomainMigrateSetMaxDowntime
    async fn migrate_set_max_downtime(
        &self,
        dom: &DomainRef,
        downtime: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .migrate_set_max_downtime(dom, downtime, flags)
            .await
    }

    /// virDomainMigrateGetMaxDowntime
    async fn migrate_get_max_downtime(&self, dom: &DomainRef, flags: u32) -> VirResult<u64> {
        self.primary.migrate_get_max_downtime(dom, flags).await
    }

    /// virDomainMigrateSetMaxSpeed
    async fn migrate_set_max_speed(
        &self,
        dom: &DomainRef,
        bandwidth: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .migrate_set_max_speed(dom, bandwidth, flags)
            .await
    }

    /// virDomainMigrateGetMaxSpeed
    async fn migrate_get_max_speed(&self, dom: &DomainRef, flags: u32) -> VirResult<u64> {
        self.primary.migrate_get_max_speed(dom, flags).await
    }

    /// virDomainMigrateStartPostCopy
    async fn migrate_start_post_copy(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.primary.migrate_start_post_copy(dom, flags).await
    }
}
