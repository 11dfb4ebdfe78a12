//! `DomainMigrationDriver` for QEMU connections.

use super::state::{key, tuning, update_tuning};
use super::{begin, finish, p2p, perform, prepare, tunnel};
use crate::connection::QemuConnection;
use crate::domain::qmp_err;
use async_trait::async_trait;
use rvirt_core::driver::{migrate_feature as f, migrate_flags as mf, DomainMigrationDriver};
use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use rvirt_core::stream::DataStream;
use rvirt_core::typed_param::TypedParam;
use serde_json::json;
use std::time::Duration;

const T: Duration = Duration::from_secs(30);
/// libvirt's "unlimited" migration speed, MiB/s (`QEMU_DOMAIN_MIG_BANDWIDTH_MAX`).
const SPEED_UNLIMITED_MIB: u64 = perform::MAX_BANDWIDTH >> 20;

impl QemuConnection {
    fn rw_mig(&self, api: &str) -> VirResult<()> {
        if self.read_only {
            return Err(VirError::read_only(api));
        }
        Ok(())
    }
}

#[async_trait]
impl DomainMigrationDriver for QemuConnection {
    fn migration_features(&self) -> &'static [i32] {
        &[
            f::MIGRATION_V3,
            f::MIGRATION_P2P,
            f::MIGRATION_PARAMS,
            f::MIGRATION_OFFLINE,
            f::MIGRATION_CHANGE_PROTECTION,
        ]
    }

    /// virDomainMigrateBegin3Params
    async fn migrate_begin3_params(
        &self,
        dom: &DomainRef,
        params: &[TypedParam],
        flags: u32,
    ) -> VirResult<(Vec<u8>, String)> {
        self.rw_mig("virDomainMigrateBegin3Params")?;
        begin::begin(&self.driver, dom, params, flags).await
    }

    /// virDomainMigratePrepare3Params
    async fn migrate_prepare3_params(
        &self,
        params: &[TypedParam],
        cookie_in: &[u8],
        flags: u32,
    ) -> VirResult<(Vec<u8>, Option<String>)> {
        self.rw_mig("virDomainMigratePrepare3Params")?;
        if flags & mf::TUNNELLED != 0 {
            return Err(VirError::invalid_arg(
                ErrorDomain::Qemu,
                "PrepareTunnel called but no TUNNELLED flag set",
            ));
        }
        let p = prepare::prepare(&self.driver, params, cookie_in, flags, false).await?;
        Ok((p.cookie.encode(), p.uri))
    }

    /// virDomainMigratePrepareTunnel3Params
    async fn migrate_prepare_tunnel3_params(
        &self,
        params: &[TypedParam],
        cookie_in: &[u8],
        flags: u32,
    ) -> VirResult<(Vec<u8>, DataStream)> {
        self.rw_mig("virDomainMigratePrepareTunnel3Params")?;
        if flags & mf::TUNNELLED == 0 {
            return Err(VirError::invalid_arg(
                ErrorDomain::Qemu,
                "PrepareTunnel called but no TUNNELLED flag set",
            ));
        }
        let p = prepare::prepare(&self.driver, params, cookie_in, flags, true).await?;
        let sock = p
            .socket
            .ok_or_else(|| super::op_failed("no incoming migration socket"))?;
        let s = tunnel::incoming_stream(&sock).await?;
        Ok((p.cookie.encode(), s))
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
        self.rw_mig("virDomainMigratePerform3Params")?;
        if flags & mf::TUNNELLED != 0 && flags & mf::PEER2PEER == 0 {
            return Err(VirError::invalid_arg(
                ErrorDomain::Qemu,
                "migration with TUNNELLED flag requires PEER2PEER flag",
            ));
        }
        match dconnuri {
            Some(u) if flags & mf::PEER2PEER != 0 => {
                p2p::perform_p2p(&self.driver, dom, u, params, flags).await
            }
            _ => perform::perform(&self.driver, dom, params, cookie_in, flags).await,
        }
    }

    /// virDomainMigrateFinish3Params
    async fn migrate_finish3_params(
        &self,
        params: &[TypedParam],
        cookie_in: &[u8],
        flags: u32,
        cancelled: bool,
    ) -> VirResult<(DomainRef, Vec<u8>)> {
        self.rw_mig("virDomainMigrateFinish3Params")?;
        finish::finish(&self.driver, params, cookie_in, flags, cancelled).await
    }

    /// virDomainMigrateConfirm3Params
    async fn migrate_confirm3_params(
        &self,
        dom: &DomainRef,
        _params: &[TypedParam],
        cookie_in: &[u8],
        flags: u32,
        cancelled: bool,
    ) -> VirResult<()> {
        self.rw_mig("virDomainMigrateConfirm3Params")?;
        finish::confirm(&self.driver, dom, cookie_in, flags, cancelled).await
    }

    /// virDomainMigrateSetMaxDowntime
    async fn migrate_set_max_downtime(
        &self,
        dom: &DomainRef,
        downtime: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.rw_mig("virDomainMigrateSetMaxDowntime")?;
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            0,
            "virDomainMigrateSetMaxDowntime",
        )?;
        let vm = self.driver.vm_of(dom)?;
        vm.qmp
            .execute(
                "migrate-set-parameters",
                Some(json!({ "downtime-limit": downtime })),
                T,
            )
            .await
            .map_err(qmp_err)?;
        update_tuning(key(&self.driver, dom.uuid), |t| {
            t.downtime_ms = Some(downtime)
        });
        Ok(())
    }

    /// virDomainMigrateGetMaxDowntime
    async fn migrate_get_max_downtime(&self, dom: &DomainRef, flags: u32) -> VirResult<u64> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            0,
            "virDomainMigrateGetMaxDowntime",
        )?;
        let vm = self.driver.vm_of(dom)?;
        let v = vm
            .qmp
            .execute("query-migrate-parameters", None, T)
            .await
            .map_err(qmp_err)?;
        Ok(v["downtime-limit"].as_u64().unwrap_or(300))
    }

    /// virDomainMigrateSetMaxSpeed (MiB/s)
    async fn migrate_set_max_speed(
        &self,
        dom: &DomainRef,
        bandwidth: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.rw_mig("virDomainMigrateSetMaxSpeed")?;
        // VIR_DOMAIN_MIGRATE_MAX_SPEED_POSTCOPY 1
        VirError::check_flags(ErrorDomain::Qemu, flags, 1, "virDomainMigrateSetMaxSpeed")?;
        if bandwidth > SPEED_UNLIMITED_MIB {
            return Err(VirError::new(
                rvirt_core::error::ErrorCode::Overflow,
                ErrorDomain::Qemu,
                format!("bandwidth must be less than {}", SPEED_UNLIMITED_MIB + 1),
            ));
        }
        self.driver.with_dom(dom, |_| Ok(()))?;
        if let Ok(vm) = self.driver.vm_of(dom) {
            let bw = bandwidth.saturating_mul(1 << 20);
            let name = if flags & 1 != 0 {
                "max-postcopy-bandwidth"
            } else {
                "max-bandwidth"
            };
            let mut p = json!({});
            p[name] = json!(bw);
            vm.qmp
                .execute("migrate-set-parameters", Some(p), T)
                .await
                .map_err(qmp_err)?;
        }
        if flags & 1 == 0 {
            update_tuning(key(&self.driver, dom.uuid), |t| {
                t.speed_mib = Some(bandwidth)
            });
        }
        Ok(())
    }

    /// virDomainMigrateGetMaxSpeed (MiB/s)
    async fn migrate_get_max_speed(&self, dom: &DomainRef, flags: u32) -> VirResult<u64> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 1, "virDomainMigrateGetMaxSpeed")?;
        self.driver.with_dom(dom, |_| Ok(()))?;
        if flags & 1 != 0 {
            let vm = self.driver.vm_of(dom)?;
            let v = vm
                .qmp
                .execute("query-migrate-parameters", None, T)
                .await
                .map_err(qmp_err)?;
            return Ok(v["max-postcopy-bandwidth"].as_u64().unwrap_or(0) >> 20);
        }
        Ok(tuning(key(&self.driver, dom.uuid))
            .speed_mib
            .unwrap_or(SPEED_UNLIMITED_MIB))
    }

    /// virDomainMigrateStartPostCopy
    async fn migrate_start_post_copy(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.rw_mig("virDomainMigrateStartPostCopy")?;
        VirError::check_flags(ErrorDomain::Qemu, flags, 0, "virDomainMigrateStartPostCopy")?;
        let (vm, migrating) = self
            .driver
            .with_dom(dom, |o| Ok((o.vm.clone(), o.job_progress.is_some())))?;
        let vm = vm.ok_or_else(|| super::invalid("domain is not running"))?;
        let k = key(&self.driver, dom.uuid);
        if !migrating && !tuning(k).postcopy_begun {
            return Err(super::invalid(
                "post-copy can only be started while outgoing migration is in progress",
            ));
        }
        // remembered first: a migration that starts meanwhile switches right after
        // `migrate` (Perform checks the request after issuing it)
        update_tuning(k, |t| t.postcopy_requested = true);
        if let Err(e) = vm.qmp.execute("migrate-start-postcopy", None, T).await {
            // not running yet (still in Begin/Prepare or setting up): the request stands
            let status = vm.qmp.execute("query-migrate", None, T).await.ok();
            let started = status
                .as_ref()
                .and_then(|v| v["status"].as_str())
                .is_some_and(|s| !matches!(s, "none" | "setup"));
            if started || !tuning(k).postcopy_begun {
                return Err(qmp_err(e));
            }
        }
        Ok(())
    }
}
