//! `virDomainMigrateGetCompressionCache` / `virDomainMigrateSetCompressionCache`
//! (`virsh migrate-compcache`): QEMU's XBZRLE page cache, read with
//! `query-migrate-parameters` and set with `migrate-set-parameters` (`xbzrle-cache-size`).

use std::time::Duration;

use super::driver::{qmp_err, QemuDriver};
use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use serde_json::json;

const T: Duration = Duration::from_secs(30);

/// The QMP migration parameter holding the cache size in bytes.
const PARAM: &str = "xbzrle-cache-size";

fn unsupported() -> VirError {
    VirError::operation_invalid(
        ErrorDomain::Qemu,
        "Compressed migration is not supported by QEMU binary",
    )
}

impl QemuDriver {
    /// `virDomainMigrateGetCompressionCache`: the running domain's cache size in bytes.
    pub(crate) async fn compression_cache(&self, dom: &DomainRef, flags: u32) -> VirResult<u64> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            0,
            "qemuDomainMigrateGetCompressionCache",
        )?;
        let vm = self.vm_of(dom)?;
        let v = vm
            .qmp
            .execute("query-migrate-parameters", None, T)
            .await
            .map_err(qmp_err)?;
        v[PARAM].as_u64().ok_or_else(unsupported)
    }

    /// `virDomainMigrateSetCompressionCache`: sets the running domain's cache size (bytes);
    /// QEMU's own checks (at least a page, a power of two, at most guest RAM) apply.
    pub(crate) async fn set_compression_cache(
        &self,
        dom: &DomainRef,
        size: u64,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            0,
            "qemuDomainMigrateSetCompressionCache",
        )?;
        let vm = self.vm_of(dom)?;
        let job = self.job_of(dom)?;
        let _guard = job.lock().await;
        let have = vm
            .qmp
            .execute("query-migrate-parameters", None, T)
            .await
            .map_err(qmp_err)?;
        if have.get(PARAM).is_none() {
            return Err(unsupported());
        }
        let mut p = json!({});
        p[PARAM] = json!(size);
        vm.qmp
            .execute("migrate-set-parameters", Some(p), T)
            .await
            .map_err(qmp_err)?;
        Ok(())
    }
}
