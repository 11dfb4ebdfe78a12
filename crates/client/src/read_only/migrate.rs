//! Migration APIs of `ReadOnlyConnection`: every migration step changes state, so all
//! are refused; the read-only getters forward.

use async_trait::async_trait;
use rvirt_core::driver::DomainMigrationDriver;
use rvirt_core::error::{ErrorDomain, VirResult};
use rvirt_core::handle::DomainRef;
use rvirt_core::stream::DataStream;
use rvirt_core::typed_param::TypedParam;

use super::{denied, ReadOnlyConnection};

#[async_trait]
impl DomainMigrationDriver for ReadOnlyConnection {
    fn migration_features(&self) -> &'static [i32] {
        self.inner.migration_features()
    }
    /// virDomainMigrateBegin3Params
    async fn migrate_begin3_params(
        &self,
        _dom: &DomainRef,
        _params: &[TypedParam],
        _flags: u32,
    ) -> VirResult<(Vec<u8>, String)> {
        Err(denied(ErrorDomain::Domain, "virDomainMigrateBegin3Params"))
    }
    /// virDomainMigratePrepare3Params
    async fn migrate_prepare3_params(
        &self,
        _params: &[TypedParam],
        _cookie_in: &[u8],
        _flags: u32,
    ) -> VirResult<(Vec<u8>, Option<String>)> {
        Err(denied(
            ErrorDomain::Domain,
            "virDomainMigratePrepare3Params",
        ))
    }
    /// virDomainMigratePrepareTunnel3Params
    async fn migrate_prepare_tunnel3_params(
        &self,
        _params: &[TypedParam],
        _cookie_in: &[u8],
        _flags: u32,
    ) -> VirResult<(Vec<u8>, DataStream)> {
        Err(denied(
            ErrorDomain::Domain,
            "virDomainMigratePrepareTunnel3Params",
        ))
    }
    /// virDomainMigratePerform3Params
    async fn migrate_perform3_params(
        &self,
        _dom: &DomainRef,
        _dconnuri: Option<&str>,
        _params: &[TypedParam],
        _cookie_in: &[u8],
        _flags: u32,
    ) -> VirResult<Vec<u8>> {
        Err(denied(
            ErrorDomain::Domain,
            "virDomainMigratePerform3Params",
        ))
    }
    /// virDomainMigrateFinish3Params
    async fn migrate_finish3_params(
        &self,
        _params: &[TypedParam],
        _cookie_in: &[u8],
        _flags: u32,
        _cancelled: bool,
    ) -> VirResult<(DomainRef, Vec<u8>)> {
        Err(denied(ErrorDomain::Domain, "virDomainMigrateFinish3Params"))
    }
    /// virDomainMigrateConfirm3Params
    async fn migrate_confirm3_params(
        &self,
        _dom: &DomainRef,
        _params: &[TypedParam],
        _cookie_in: &[u8],
        _flags: u32,
        _cancelled: bool,
    ) -> VirResult<()> {
        Err(denied(
            ErrorDomain::Domain,
            "virDomainMigrateConfirm3Params",
        ))
    }
    /// virDomainMigrateSetMaxDowntime
    async fn migrate_set_max_downtime(
        &self,
        _dom: &DomainRef,
        _downtime: u64,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(
            ErrorDomain::Domain,
            "virDomainMigrateSetMaxDowntime",
        ))
    }
    /// virDomainMigrateGetMaxDowntime
    async fn migrate_get_max_downtime(&self, dom: &DomainRef, flags: u32) -> VirResult<u64> {
        self.inner.migrate_get_max_downtime(dom, flags).await
    }
    /// virDomainMigrateSetMaxSpeed
    async fn migrate_set_max_speed(
        &self,
        _dom: &DomainRef,
        _bandwidth: u64,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainMigrateSetMaxSpeed"))
    }
    /// virDomainMigrateGetMaxSpeed
    async fn migrate_get_max_speed(&self, dom: &DomainRef, flags: u32) -> VirResult<u64> {
        self.inner.migrate_get_max_speed(dom, flags).await
    }
    /// virDomainMigrateStartPostCopy
    async fn migrate_start_post_copy(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainMigrateStartPostCopy"))
    }
}
