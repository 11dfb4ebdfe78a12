//! Running-domain controls: create, start, destroy, shutdown, reboot, reset, suspend, resume.

use super::driver::{not_running, qmp_err, QemuDriver};
use super::object::{DomainObj, VmProcess};
use super::state::{detail, paused, running, StateReason};
use super::status::save_status;
use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_core::event::lifecycle;
use rvirt_core::handle::{DomainRef, Uuid};
use rvirt_core::info::domain_state as st;
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;

const T: Duration = Duration::from_secs(30);
const AGENT_T: Duration = Duration::from_secs(10);

/// `virDomainShutdownFlagValues` / `virDomainRebootFlagValues`.
pub const SHUTDOWN_ACPI: u32 = 1;
pub const SHUTDOWN_AGENT: u32 = 2;
/// `VIR_DOMAIN_START_PAUSED`, `VIR_DOMAIN_START_AUTODESTROY`.
pub const START_PAUSED: u32 = 1;
pub const START_AUTODESTROY: u32 = 2;
/// `VIR_DOMAIN_START_BYPASS_CACHE`, `VIR_DOMAIN_START_FORCE_BOOT`.
pub const START_BYPASS_CACHE: u32 = 4;
pub const START_FORCE_BOOT: u32 = 8;
/// `VIR_DOMAIN_DESTROY_GRACEFUL`.
pub const DESTROY_GRACEFUL: u32 = 1;

impl QemuDriver {
    /// The running process of a domain, or "domain is not running".
    pub(crate) fn vm_of(&self, dom: &DomainRef) -> VirResult<Arc<VmProcess>> {
        self.with_dom(dom, |o| o.vm.clone().ok_or_else(not_running))
    }

    pub(crate) fn job_of(&self, dom: &DomainRef) -> VirResult<Arc<tokio::sync::Mutex<()>>> {
        self.with_dom(dom, |o| Ok(o.job.clone()))
    }

    /// `virDomainCreateWithFlags`.
    pub(crate) async fn create(
        self: &Arc<Self>,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<DomainRef> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            START_PAUSED | START_AUTODESTROY | START_BYPASS_CACHE | START_FORCE_BOOT,
            "virDomainCreateWithFlags",
        )?;
        let job = self.job_of(dom)?;
        let _g = job.lock().await;
        let paused = flags & START_PAUSED != 0;
        if flags & START_FORCE_BOOT != 0 {
            let _ = std::fs::remove_file(self.managed_save_path(&dom.name));
        } else if let Some(r) = self.start_from_managed_save(dom.uuid, paused).await {
            return r;
        }
        self.start_domain(dom.uuid, paused).await
    }

    /// `virDomainCreateXML`: a transient domain, started at once.
    pub(crate) async fn create_xml(
        self: &Arc<Self>,
        xml: &str,
        flags: u32,
    ) -> VirResult<DomainRef> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            START_PAUSED | START_AUTODESTROY,
            "virDomainCreateXML",
        )?;
        let def = self.parse_xml(xml).await?;
        let uuid = Uuid(def.uuid);
        if self.check_clash(&def)? {
            let active = self.lock().get(&uuid).is_some_and(|o| o.state.is_active());
            if active {
                return Err(VirError::operation_invalid(
                    ErrorDomain::Qemu,
                    format!("domain '{}' is already active", def.name),
                ));
            }
        }
        let job = {
            let mut doms = self.lock();
            let o = doms
                .entry(uuid)
                .or_insert_with(|| DomainObj::new(def.clone(), false));
            if o.persistent {
                o.def = def;
            }
            o.job.clone()
        };
        let _g = job.lock().await;
        let r = self.start_domain(uuid, flags & START_PAUSED != 0).await;
        if r.is_err() {
            let mut doms = self.lock();
            if doms
                .get(&uuid)
                .is_some_and(|o| !o.persistent && !o.state.is_active())
            {
                doms.remove(&uuid);
                self.fd_groups.forget(uuid);
            }
        }
        r
    }

    /// `virDomainDestroyFlags`.
    pub(crate) async fn destroy(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            DESTROY_GRACEFUL,
            "virDomainDestroyFlags",
        )?;
        let vm = self.vm_of(dom)?;
        self.kill_vm(&vm, flags & DESTROY_GRACEFUL == 0).await
    }

    /// `virDomainShutdownFlags`: ACPI power button (default) or the guest agent.
    pub(crate) async fn shutdown(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            SHUTDOWN_ACPI | SHUTDOWN_AGENT,
            "virDomainShutdownFlags",
        )?;
        let vm = self.vm_of(dom)?;
        if flags & SHUTDOWN_AGENT != 0 {
            let r = self.agent_shutdown(&vm, "powerdown").await;
            if r.is_ok() || flags & SHUTDOWN_ACPI == 0 {
                return r;
            }
        }
        vm.qmp
            .execute("system_powerdown", None, T)
            .await
            .map(|_| ())
            .map_err(qmp_err)
    }

    /// `qemuDomainAgentAvailable`: the agent must be configured and its channel open.
    pub(crate) fn agent_available(&self, vm: &Arc<VmProcess>) -> VirResult<()> {
        self.agent_of(vm)?;
        if !vm.flag(&vm.agent_connected) {
            return Err(VirError::new(
                rvirt_core::error::ErrorCode::AgentUnresponsive,
                ErrorDomain::Qemu,
                "QEMU guest agent is not connected",
            ));
        }
        Ok(())
    }

    /// `guest-shutdown` through the agent (`mode` powerdown or reboot).
    async fn agent_shutdown(&self, vm: &Arc<VmProcess>, mode: &str) -> VirResult<()> {
        self.agent_available(vm)?;
        let agent = self.agent_of(vm)?;
        // guest-shutdown sends no reply on success: a timeout after sending is success
        match agent
            .execute("guest-shutdown", Some(json!({"mode": mode})), AGENT_T)
            .await
        {
            Ok(_) | Err(rvirt_qmp::QmpError::Timeout(_)) | Err(rvirt_qmp::QmpError::Closed) => {
                Ok(())
            }
            Err(e) => Err(super::agent::agent_err(e)),
        }
    }

    /// `virDomainReboot`: powerdown with a reset instead of exit (or via the agent).
    pub(crate) async fn reboot(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            SHUTDOWN_ACPI | SHUTDOWN_AGENT,
            "virDomainReboot",
        )?;
        let (vm, on_reboot) = self.with_dom(dom, |o| {
            Ok((
                o.vm.clone().ok_or_else(not_running)?,
                o.current_def().on_reboot.clone(),
            ))
        })?;
        if flags & SHUTDOWN_AGENT != 0 {
            let r = self.agent_shutdown(&vm, "reboot").await;
            if r.is_ok() || flags & SHUTDOWN_ACPI == 0 {
                return r;
            }
        }
        if on_reboot != "destroy" {
            vm.set(&vm.fake_reboot, true);
            vm.qmp
                .execute("set-action", Some(json!({"shutdown": "pause"})), T)
                .await
                .map_err(qmp_err)?;
        }
        vm.qmp
            .execute("system_powerdown", None, T)
            .await
            .map(|_| ())
            .map_err(qmp_err)
    }

    /// `virDomainReset`.
    pub(crate) async fn reset(&self, dom: &DomainRef) -> VirResult<()> {
        let vm = self.vm_of(dom)?;
        vm.qmp
            .execute("system_reset", None, T)
            .await
            .map(|_| ())
            .map_err(qmp_err)
    }

    /// `virDomainSuspend`.
    pub(crate) async fn suspend(&self, dom: &DomainRef) -> VirResult<()> {
        // During an outgoing migration the job lock is the migration's: pausing is allowed
        // (virsh migrate --timeout-suspend) and counts as a migration pause, as in libvirt.
        let migrating = self.with_dom(dom, |o| {
            Ok(o.job_progress.as_ref().is_some_and(|j| j.operation == 5))
        })?;
        if migrating {
            let vm = self.vm_of(dom)?;
            vm.qmp.execute("stop", None, T).await.map_err(qmp_err)?;
            return self.note_state(
                dom,
                StateReason::new(st::PAUSED, paused::MIGRATION),
                lifecycle::SUSPENDED,
                detail::SUSPENDED_MIGRATED,
            );
        }
        let job = self.job_of(dom)?;
        let _g = job.lock().await;
        let vm = self.vm_of(dom)?;
        vm.qmp.execute("stop", None, T).await.map_err(qmp_err)?;
        self.note_state(
            dom,
            StateReason::new(st::PAUSED, paused::USER),
            lifecycle::SUSPENDED,
            detail::SUSPENDED_PAUSED,
        )
    }

    /// `virDomainResume`.
    pub(crate) async fn resume(&self, dom: &DomainRef) -> VirResult<()> {
        let job = self.job_of(dom)?;
        let _g = job.lock().await;
        let vm = self.vm_of(dom)?;
        let paused_now = self.with_dom(dom, |o| Ok(o.state.state == st::PAUSED))?;
        if !paused_now {
            return Err(VirError::operation_invalid(
                ErrorDomain::Qemu,
                "domain is not paused",
            ));
        }
        vm.qmp.execute("cont", None, T).await.map_err(qmp_err)?;
        self.note_state(
            dom,
            StateReason::new(st::RUNNING, running::UNPAUSED),
            lifecycle::RESUMED,
            detail::RESUMED_UNPAUSED,
        )
    }

    /// Records a state an API caused, unless the event handler already did; emits once.
    pub(crate) fn note_state(
        &self,
        dom: &DomainRef,
        to: StateReason,
        ev: i32,
        det: i32,
    ) -> VirResult<()> {
        let emit = self.with_dom(dom, |o| {
            if o.state.state == to.state {
                o.state = to; // refine the reason (USER over UNKNOWN)
                let _ = save_status(&self.opts.paths, o);
                return Ok(None);
            }
            QemuDriver::set_state(o, to)?;
            let _ = save_status(&self.opts.paths, o);
            Ok(Some(o.handle()))
        })?;
        if let Some(h) = emit {
            self.emit_lifecycle(h, ev, det);
        }
        Ok(())
    }
}
