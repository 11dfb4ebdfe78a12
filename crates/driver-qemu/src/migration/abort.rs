//! `virDomainAbortJob` for the async jobs that run a QEMU migration (outgoing migration,
//! save): `migrate_cancel`; the job then fails and the guest resumes on the source.

use crate::domain::{qmp_err, QemuDriver};
use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use std::time::Duration;

/// `virDomainAbortJobFlags`.
pub(crate) async fn abort_job(drv: &QemuDriver, dom: &DomainRef, flags: u32) -> VirResult<()> {
    // VIR_DOMAIN_ABORT_JOB_POSTCOPY 1
    VirError::check_flags(ErrorDomain::Qemu, flags, 0, "virDomainAbortJobFlags")?;
    let (vm, active) = drv.with_dom(dom, |o| Ok((o.vm.clone(), o.job_progress.is_some())))?;
    let vm = vm.ok_or_else(|| super::invalid("domain is not running"))?;
    if !active {
        return Err(super::invalid("no job is active on the domain"));
    }
    vm.qmp
        .execute("migrate_cancel", None, Duration::from_secs(30))
        .await
        .map_err(qmp_err)?;
    Ok(())
}
