//! The Perform phase on the source (`qemuMigrationSrcRun`): set QEMU's migration
//! capabilities and parameters, mirror disks when storage is copied, `migrate`, follow
//! `query-migrate` (job progress, MIGRATION_ITERATION events) until the switch-over.

use super::cookie::Cookie;
use super::state::{key, tuning, update_tuning};
use super::tunnel::OutgoingPump;
use super::{op_failed, operation, reason, storage};
use crate::domain::jobs::JobProgress;
use crate::domain::state::StateReason;
use crate::domain::{qmp_err, save_status, QemuDriver, VmProcess};
use rvirt_core::driver::{migrate_flags as mf, migrate_param, param_str, param_u64};
use rvirt_core::error::VirResult;
use rvirt_core::event::{lifecycle, DomainEventKind};
use rvirt_core::handle::DomainRef;
use rvirt_core::info::domain_state as st;
use rvirt_core::typed_param::TypedParam;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;

const T: Duration = Duration::from_secs(30);
/// QEMU's largest migration bandwidth (libvirt's "unlimited"), bytes per second.
pub(crate) const MAX_BANDWIDTH: u64 = (i64::MAX as u64 >> 20) << 20;

/// What the finished migration measured (from the final `query-migrate`).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Stats {
    pub downtime_ms: u64,
    pub total_ms: u64,
    /// The migration switched to post-copy and still runs: the destination resumes the
    /// guest now and Confirm waits for the last pages (`qemuMigrationSrcConfirm`).
    pub postcopy: bool,
}

/// `virDomainMigratePerform3Params` without peer-to-peer: migrate to the URI Prepare gave.
pub(crate) async fn perform(
    drv: &Arc<QemuDriver>,
    dom: &DomainRef,
    params: &[TypedParam],
    cookie_in: &[u8],
    flags: u32,
) -> VirResult<Vec<u8>> {
    let dest = Cookie::decode(cookie_in)?;
    let uri = param_str(params, migrate_param::URI)
        .ok_or_else(|| op_failed("migration URI is missing"))?
        .to_string();
    let stats = perform_local(drv, dom, &uri, params, &dest, flags, None).await?;
    Ok(stats_cookie(dom, stats).encode())
}

/// The cookie the source sends to Finish.
pub(crate) fn stats_cookie(dom: &DomainRef, s: Stats) -> Cookie {
    Cookie {
        name: dom.name.clone(),
        uuid: dom.uuid.to_string(),
        hostname: super::begin::hostname(),
        downtime_ms: Some(s.downtime_ms),
        total_ms: Some(s.total_ms),
        ..Default::default()
    }
}

fn set_progress(drv: &QemuDriver, dom: &DomainRef, f: impl FnOnce(&mut Option<JobProgress>)) {
    let _ = drv.with_dom(dom, |o| {
        f(&mut o.job_progress);
        Ok(())
    });
}

/// Migrates the running domain to `uri` and leaves its QEMU paused after the switch-over.
pub(crate) async fn perform_local(
    drv: &Arc<QemuDriver>,
    dom: &DomainRef,
    uri: &str,
    params: &[TypedParam],
    dest: &Cookie,
    flags: u32,
    pump: Option<OutgoingPump>,
) -> VirResult<Stats> {
    let job = drv.job_of(dom)?;
    let _g = job.lock().await;
    let (vm, live, was_running) = drv.with_dom(dom, |o| {
        let vm =
            o.vm.clone()
                .ok_or_else(|| super::invalid("domain is not running"))?;
        let live = o
            .live
            .clone()
            .ok_or_else(|| super::invalid("domain is not running"))?;
        Ok((vm, live, o.state.state == st::RUNNING))
    })?;
    set_progress(drv, dom, |j| {
        *j = Some(JobProgress::start(operation::MIGRATION_OUT))
    });
    let copy_storage = flags & (mf::NON_SHARED_DISK | mf::NON_SHARED_INC) != 0;
    let mut disks = Vec::new();
    let r = async {
        setup(drv, dom, &vm, params, flags).await?;
        if copy_storage {
            disks = storage::disks_to_copy(&vm, &live, params).await?;
            if !disks.is_empty() {
                let port = dest
                    .nbd_port
                    .ok_or_else(|| op_failed("destination did not export disks over NBD"))?;
                let host = super::prepare::parse_tcp_uri(uri)
                    .map(|h| h.0)
                    .unwrap_or_else(|| "127.0.0.1".into());
                storage::mirror(&vm, &disks, &host, port).await?;
            }
        }
        if flags & mf::PAUSED == 0 && flags & mf::LIVE == 0 && was_running {
            // a non-live migration pauses the guest first
            vm.qmp.execute("stop", None, T).await.map_err(qmp_err)?;
        }
        run(drv, dom, &vm, uri, flags & mf::POSTCOPY != 0).await
    }
    .await;
    if copy_storage && !disks.is_empty() {
        storage::cancel(&vm, &disks).await;
    }
    update_tuning(key(drv, dom.uuid), |t| {
        t.postcopy_begun = false;
        t.postcopy_requested = false;
    });
    let r = match (r, pump) {
        (Ok(s), Some(p)) => match p.task.await {
            Ok(Ok(_)) => Ok(s),
            Ok(Err(e)) => Err(e),
            Err(e) => Err(op_failed(format!("migration tunnel failed: {e}"))),
        },
        (Ok(s), None) => Ok(s),
        (Err(e), Some(p)) => {
            p.task.abort();
            let _ = std::fs::remove_file(&p.path);
            Err(e)
        }
        (Err(e), None) => Err(e),
    };
    match r {
        Ok(s) if s.postcopy => Ok(s),
        Ok(s) => {
            let h = drv.with_dom(dom, |o| {
                if let Some(mut j) = o.job_progress.take() {
                    j.finish(true);
                    o.last_job = Some(j);
                }
                let was = o.state.state;
                if o.state.is_active() {
                    let _ = QemuDriver::set_state(
                        o,
                        StateReason::new(st::PAUSED, reason::PAUSED_MIGRATION),
                    );
                    let _ = save_status(&drv.opts.paths, o);
                }
                Ok((was == st::RUNNING).then(|| o.handle()))
            })?;
            if let Some(h) = h {
                drv.emit_lifecycle(h, lifecycle::SUSPENDED, reason::SUSPENDED_MIGRATED);
            }
            Ok(s)
        }
        Err(e) => {
            set_progress(drv, dom, |j| {
                if let Some(p) = j.as_mut() {
                    p.finish(false);
                }
            });
            let _ = drv.with_dom(dom, |o| {
                o.last_job = o.job_progress.take();
                Ok(())
            });
            if was_running {
                resume_if_paused(drv, dom, &vm).await;
            }
            Err(e)
        }
    }
}

async fn setup(
    drv: &Arc<QemuDriver>,
    dom: &DomainRef,
    vm: &VmProcess,
    params: &[TypedParam],
    flags: u32,
) -> VirResult<()> {
    let mut caps = vec![json!({"capability": "events", "state": true})];
    if flags & mf::POSTCOPY != 0 {
        caps.push(json!({"capability": "postcopy-ram", "state": true}));
    }
    if flags & mf::AUTO_CONVERGE != 0 {
        caps.push(json!({"capability": "auto-converge", "state": true}));
    }
    if flags & mf::COMPRESSED != 0 {
        caps.push(json!({"capability": "xbzrle", "state": true}));
    }
    vm.qmp
        .execute(
            "migrate-set-capabilities",
            Some(json!({ "capabilities": caps })),
            T,
        )
        .await
        .map_err(qmp_err)?;
    let t = tuning(key(drv, dom.uuid));
    let mib = param_u64(params, migrate_param::BANDWIDTH)
        .filter(|b| *b > 0)
        .or(t.speed_mib);
    let bw = mib.map_or(MAX_BANDWIDTH, |m| {
        m.saturating_mul(1 << 20).min(MAX_BANDWIDTH)
    });
    let mut p = json!({ "max-bandwidth": bw });
    if let Some(d) = t.downtime_ms {
        p["downtime-limit"] = json!(d);
    }
    vm.qmp
        .execute("migrate-set-parameters", Some(p), T)
        .await
        .map_err(qmp_err)?;
    Ok(())
}

/// `migrate` and follow it until it completes or fails.
async fn run(
    drv: &Arc<QemuDriver>,
    dom: &DomainRef,
    vm: &VmProcess,
    uri: &str,
    postcopy_wanted: bool,
) -> VirResult<Stats> {
    let mut events = vm.qmp.events();
    vm.qmp
        .execute("migrate", Some(json!({ "uri": uri })), T)
        .await
        .map_err(qmp_err)?;
    if postcopy_wanted && tuning(key(drv, dom.uuid)).postcopy_requested {
        // asked for before the migration ran: switch now
        if let Err(e) = vm.qmp.execute("migrate-start-postcopy", None, T).await {
            tracing::warn!(error = %e, "deferred migrate-start-postcopy failed");
        }
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(3600);
    let mut postcopy = false;
    loop {
        let v = vm
            .qmp
            .execute("query-migrate", None, T)
            .await
            .map_err(qmp_err)?;
        set_progress(drv, dom, |j| {
            if let Some(p) = j.as_mut() {
                p.update(&v);
            }
        });
        // QMP queues events ahead of later replies: drained after the query, they tell
        // of a post-copy phase even when it already ended by the time of this reply
        loop {
            let ev = match events.try_recv() {
                Ok(ev) => ev,
                Err(tokio::sync::broadcast::error::TryRecvError::Lagged(_)) => continue,
                Err(_) => break,
            };
            if ev.event == "MIGRATION_PASS" {
                let pass = ev.data["pass"].as_i64().unwrap_or(0) as i32;
                drv.emit(
                    dom.clone(),
                    DomainEventKind::MigrationIteration { iteration: pass },
                );
            }
            if ev.event == "MIGRATION" && ev.data["status"] == "postcopy-active" && !postcopy {
                postcopy = true;
                entered_postcopy(drv, dom);
            }
        }
        if postcopy && postcopy_wanted {
            return Ok(Stats {
                postcopy: true,
                ..Stats::default()
            });
        }
        match v["status"].as_str().unwrap_or("") {
            "completed" => return Ok(stats(&v)),
            "postcopy-active" if postcopy_wanted => {
                if !postcopy {
                    entered_postcopy(drv, dom);
                }
                return Ok(Stats {
                    postcopy: true,
                    ..Stats::default()
                });
            }
            "failed" | "cancelled" => {
                return Err(op_failed(format!(
                    "job 'migration out' failed: {}",
                    v["error-desc"]
                        .as_str()
                        .unwrap_or(if v["status"] == "cancelled" {
                            "canceled by client"
                        } else {
                            "unexpectedly failed"
                        })
                )))
            }
            _ => {}
        }
        if tokio::time::Instant::now() >= deadline {
            let _ = vm.qmp.execute("migrate_cancel", None, T).await;
            return Err(op_failed("job 'migration out' timed out"));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The switch to post-copy: the source's vCPUs stay paused from now on
/// (`VIR_DOMAIN_PAUSED_POSTCOPY`, event `VIR_DOMAIN_EVENT_SUSPENDED_POSTCOPY`).
fn entered_postcopy(drv: &QemuDriver, dom: &DomainRef) {
    let h = drv.with_dom(dom, |o| {
        // QEMU's STOP of the switch-over may have been noted as a migration pause already
        let was = (o.state.state, o.state.reason);
        let news = was == (st::RUNNING, was.1) || was == (st::PAUSED, reason::PAUSED_MIGRATION);
        QemuDriver::set_state(o, StateReason::new(st::PAUSED, reason::PAUSED_POSTCOPY))?;
        let _ = save_status(&drv.opts.paths, o);
        Ok(news.then(|| o.handle()))
    });
    if let Ok(Some(h)) = h {
        drv.emit_lifecycle(h, lifecycle::SUSPENDED, reason::SUSPENDED_POSTCOPY);
    }
}

fn stats(v: &Value) -> Stats {
    Stats {
        downtime_ms: v["downtime"].as_u64().unwrap_or(0),
        total_ms: v["total-time"].as_u64().unwrap_or(0),
        postcopy: false,
    }
}

/// Confirm after post-copy: waits until the source QEMU sent its last page, then closes
/// the job like a pre-copy migration's end.
pub(crate) async fn wait_postcopy_done(drv: &QemuDriver, dom: &DomainRef, vm: &VmProcess) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(3600);
    let mut ok = false;
    while tokio::time::Instant::now() < deadline {
        let Ok(v) = vm.qmp.execute("query-migrate", None, T).await else {
            break;
        };
        set_progress(drv, dom, |j| {
            if let Some(p) = j.as_mut() {
                p.update(&v);
            }
        });
        match v["status"].as_str().unwrap_or("") {
            "completed" => {
                ok = true;
                break;
            }
            "postcopy-active" | "active" | "device" => {}
            _ => break,
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let _ = drv.with_dom(dom, |o| {
        if let Some(mut j) = o.job_progress.take() {
            j.finish(ok);
            o.last_job = Some(j);
        }
        Ok(())
    });
}

/// After a failed or cancelled migration: the guest runs again on the source.
pub(crate) async fn resume_if_paused(drv: &QemuDriver, dom: &DomainRef, vm: &VmProcess) {
    let Ok(s) = vm.qmp.execute("query-status", None, T).await else {
        return;
    };
    let paused = s["running"].as_bool() == Some(false);
    if paused {
        let _ = drv.with_dom(dom, |o| {
            QemuDriver::set_state(
                o,
                StateReason::new(st::RUNNING, reason::RUNNING_MIGRATION_CANCELED),
            )
        });
        if vm.qmp.execute("cont", None, T).await.is_err() {
            return;
        }
    } else {
        let _ = drv.with_dom(dom, |o| {
            if o.state.state == st::PAUSED {
                let _ = QemuDriver::set_state(
                    o,
                    StateReason::new(st::RUNNING, reason::RUNNING_MIGRATION_CANCELED),
                );
            }
            Ok(())
        });
    }
    let h = drv.with_dom(dom, |o| {
        let _ = save_status(&drv.opts.paths, o);
        Ok(o.handle())
    });
    if let (true, Ok(h)) = (paused, h) {
        drv.emit_lifecycle(h, lifecycle::RESUMED, reason::RESUMED_MIGRATED);
    }
}
