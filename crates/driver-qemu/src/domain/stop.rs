//! Stopping: killing QEMU (`qemuProcessKill`) and cleaning up after it is gone
//! (`qemuProcessStop`).

use super::driver::QemuDriver;
use super::object::VmProcess;
use super::state::{detail, shutoff, StateReason};
use super::status::status_path;
use crate::process::send_signal;
use rustix::process::Signal;
use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_core::event::lifecycle;
use rvirt_core::handle::Uuid;
use rvirt_core::info::domain_state as st;
use std::sync::Arc;
use std::time::Duration;

/// A stop reason detail meaning "emit no STOPPED event" (a start that failed late: the
/// caller gets the error and no STARTED event was sent either).
pub(crate) const NO_EVENT: i32 = -1;

impl QemuDriver {
    /// SIGTERM, then (unless `graceful`) SIGKILL after a grace period; waits for cleanup.
    pub(crate) async fn kill_vm(&self, vm: &Arc<VmProcess>, force: bool) -> VirResult<()> {
        vm.set(&vm.destroying, true);
        send_signal(vm.pid, Signal::TERM);
        let grace = if force {
            Duration::from_secs(3)
        } else {
            Duration::from_secs(10)
        };
        if tokio::time::timeout(grace, vm.wait_exited()).await.is_ok() {
            return Ok(());
        }
        if !force {
            return Err(VirError::new(
                rvirt_core::error::ErrorCode::OperationFailed,
                ErrorDomain::Qemu,
                "failed to terminate process with SIGTERM: Device or resource busy",
            ));
        }
        send_signal(vm.pid, Signal::KILL);
        tokio::time::timeout(Duration::from_secs(10), vm.wait_exited())
            .await
            .map_err(|_| {
                VirError::internal(
                    ErrorDomain::Qemu,
                    format!("process {} did not exit", vm.pid),
                )
            })
    }

    /// SIGKILL at once (a start that failed after QEMU ran: no guest shutdown to wait for,
    /// and no SHUTDOWN event from QEMU); waits for cleanup.
    pub(crate) async fn abort_vm(&self, vm: &Arc<VmProcess>) {
        vm.set(&vm.destroying, true);
        send_signal(vm.pid, Signal::KILL);
        let _ = tokio::time::timeout(Duration::from_secs(10), vm.wait_exited()).await;
    }

    /// The process is gone: shut the domain off with the reason its exit implies.
    pub(crate) fn process_exited(&self, uuid: Uuid, vm: &Arc<VmProcess>) {
        let forced = *vm.stop_reason.lock().unwrap_or_else(|p| p.into_inner());
        let (reason, det) = if let Some(r) = forced {
            r
        } else if vm.flag(&vm.destroying) {
            (shutoff::DESTROYED, detail::STOPPED_DESTROYED)
        } else if vm.flag(&vm.got_shutdown) {
            (shutoff::SHUTDOWN, detail::STOPPED_SHUTDOWN)
        } else {
            (shutoff::CRASHED, detail::STOPPED_FAILED)
        };
        self.mark_stopped(uuid, vm, reason, det);
        let _ = vm.exited.send(true);
    }

    /// Common cleanup: state, status file, domain dir, transient removal, STOPPED event.
    pub(crate) fn mark_stopped(&self, uuid: Uuid, vm: &Arc<VmProcess>, reason: i32, det: i32) {
        let handle = {
            let mut doms = self.lock();
            let Some(o) = doms.get_mut(&uuid) else { return };
            let ours = o.vm.as_ref().is_none_or(|v| Arc::ptr_eq(v, vm));
            if !ours {
                return;
            }
            let h = o.handle();
            let _ = QemuDriver::set_state(o, StateReason::new(st::SHUTOFF, reason));
            o.vm = None;
            if let Some(l) = o.live.take() {
                self.unplug_all_host_sides(&l);
            }
            self.cgroup_remove(o.id, o.name());
            crate::dac::restore_labels(&self.opts.paths, o.name());
            let xml = o.current_def().format(&rvirt_conf::domain::FormatOptions {
                id: Some(o.id),
                ..Default::default()
            });
            let (paths, name) = (self.opts.paths.clone(), o.name().to_string());
            if let Ok(rt) = tokio::runtime::Handle::try_current() {
                rt.spawn(async move {
                    for (op, sub) in [("stopped", "end"), ("release", "end")] {
                        if let Err(e) = crate::hooks::run_hook(&paths, &name, op, sub, &xml).await {
                            tracing::warn!(domain = %name, error = %e, "{op} hook failed");
                        }
                    }
                });
            }
            o.id = -1;
            let _ = std::fs::remove_file(status_path(&self.opts.paths, o.name()));
            let _ = std::fs::remove_dir_all(&vm.domain_dir);
            if !o.persistent {
                doms.remove(&uuid);
                // a transient domain's object goes with it, closing its fd groups
                self.fd_groups.forget(uuid);
            }
            h
        };
        if det != NO_EVENT {
            self.emit_lifecycle(handle, lifecycle::STOPPED, det);
        }
    }
}
