//! Finish on the destination (`qemuMigrationDstFinish`: wait for the incoming stream,
//! resume, persist) and Confirm on the source (`qemuMigrationSrcConfirm`: kill the old
//! QEMU and optionally undefine, or resume it when the migration was cancelled).

use super::cookie::Cookie;
use super::perform::{resume_if_paused, wait_postcopy_done};
use super::prepare::abort_incoming;
use super::{op_failed, reason, storage};
use crate::domain::state::StateReason;
use crate::domain::{qmp_err, save_status, QemuDriver};
use rvirt_conf::domain::FormatOptions;
use rvirt_core::driver::{migrate_flags as mf, migrate_param, param_str};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::event::{lifecycle, DomainEventKind};
use rvirt_core::handle::DomainRef;
use rvirt_core::info::domain_state as st;
use rvirt_core::typed_param::{TypedParam, TypedValue};
use std::sync::Arc;
use std::time::Duration;

const T: Duration = Duration::from_secs(30);

/// `virDomainMigrateFinish3Params`.
pub(crate) async fn finish(
    drv: &Arc<QemuDriver>,
    params: &[TypedParam],
    cookie_in: &[u8],
    flags: u32,
    cancelled: bool,
) -> VirResult<(DomainRef, Vec<u8>)> {
    let c = Cookie::decode(cookie_in)?;
    let name = param_str(params, migrate_param::DEST_NAME)
        .map(str::to_string)
        .unwrap_or_else(|| c.name.clone());
    let out = Cookie {
        name: name.clone(),
        hostname: super::begin::hostname(),
        ..Default::default()
    };
    if flags & mf::OFFLINE != 0 {
        if cancelled {
            return Err(op_failed("migration was cancelled"));
        }
        let xml = param_str(params, migrate_param::PERSIST_XML)
            .or_else(|| param_str(params, migrate_param::DEST_XML))
            .ok_or_else(|| VirError::invalid_arg(ErrorDomain::Qemu, "no domain XML passed"))?;
        let mut def = drv.parse_xml(xml).await?;
        def.name = name;
        let xml = def.format(&FormatOptions {
            inactive: true,
            secure: true,
            ..Default::default()
        });
        let h = drv.define(&xml).await?;
        return Ok((h, out.encode()));
    }
    let found = {
        let doms = drv.lock();
        doms.values()
            .find(|o| o.name() == name)
            .map(|o| (o.handle(), o.vm.clone()))
    };
    let Some((handle, vm)) = found else {
        return Err(VirError::new(
            ErrorCode::NoDomain,
            ErrorDomain::Qemu,
            format!("no domain with matching name '{name}'"),
        ));
    };
    let Some(vm) = vm else {
        return Err(op_failed("domain is not running"));
    };
    if cancelled {
        abort_incoming(drv, &vm).await;
        return Err(op_failed("migration was cancelled"));
    }
    let in_postcopy = match wait_incoming(&vm, flags & mf::POSTCOPY != 0).await {
        Ok(p) => p,
        Err(e) => {
            abort_incoming(drv, &vm).await;
            return Err(e);
        }
    };
    if flags & (mf::NON_SHARED_DISK | mf::NON_SHARED_INC) != 0 {
        storage::stop_export(&vm).await;
    }
    let paused = flags & mf::PAUSED != 0;
    drv.with_dom(&handle, |o| {
        if let Some(mut j) = o.job_progress.take() {
            j.finish(true);
            o.last_job = Some(j);
        }
        if !paused {
            let r = match in_postcopy {
                true => reason::RUNNING_POSTCOPY,
                false => reason::RUNNING_MIGRATED,
            };
            QemuDriver::set_state(o, StateReason::new(st::RUNNING, r))?;
        }
        let _ = save_status(&drv.opts.paths, o);
        Ok(())
    })?;
    if !paused {
        if let Err(e) = vm.qmp.execute("cont", None, T).await {
            abort_incoming(drv, &vm).await;
            return Err(qmp_err(e));
        }
        let detail = match in_postcopy {
            true => reason::RESUMED_POSTCOPY,
            false => reason::RESUMED_MIGRATED,
        };
        drv.emit_lifecycle(handle.clone(), lifecycle::RESUMED, detail);
    } else {
        drv.emit_lifecycle(handle.clone(), lifecycle::SUSPENDED, 0);
    }
    if in_postcopy {
        tokio::spawn(postcopy_incoming_done(
            drv.clone(),
            handle.clone(),
            vm.clone(),
        ));
    }
    if flags & mf::PERSIST_DEST != 0 {
        let def = drv.with_dom(&handle, |o| Ok(o.def.clone()))?;
        let xml = match param_str(params, migrate_param::PERSIST_XML) {
            Some(x) => {
                let mut d = drv.parse_xml(x).await?;
                d.name = name.clone();
                d.format(&FormatOptions {
                    inactive: true,
                    secure: true,
                    ..Default::default()
                })
            }
            None => def.format(&FormatOptions {
                inactive: true,
                secure: true,
                ..Default::default()
            }),
        };
        drv.define(&xml).await?;
    }
    let h = drv.with_dom(&handle, |o| Ok(o.handle()))?;
    Ok((h, out.encode()))
}

/// Waits until the incoming QEMU has received the whole migration stream, or, with
/// post-copy, until it switched to post-copy (the guest then runs here while the last
/// pages arrive on demand).
async fn wait_incoming(vm: &crate::domain::VmProcess, postcopy: bool) -> VirResult<bool> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(600);
    let mut events = match postcopy {
        true => vm
            .incoming_events
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take(),
        false => None,
    };
    let mut switched = false;
    loop {
        let v = vm
            .qmp
            .execute("query-migrate", None, T)
            .await
            .map_err(qmp_err)?;
        // QMP delivers events before later replies: every MIGRATION event up to this
        // reply is already queued, so a post-copy phase that ended meanwhile is known
        while let Some(rx) = events.as_mut() {
            match rx.try_recv() {
                Ok(ev) => {
                    switched |= ev.event == "MIGRATION" && ev.data["status"] == "postcopy-active"
                }
                Err(tokio::sync::broadcast::error::TryRecvError::Lagged(_)) => {}
                Err(_) => break,
            }
        }
        match v["status"].as_str().unwrap_or("") {
            "completed" => return Ok(switched),
            "postcopy-active" if postcopy => return Ok(true),
            "failed" | "cancelled" => {
                return Err(op_failed(format!(
                    "job 'migration in' failed: {}",
                    v["error-desc"].as_str().unwrap_or("unexpectedly failed")
                )))
            }
            _ => {}
        }
        if tokio::time::Instant::now() >= deadline {
            return Err(op_failed("job 'migration in' timed out"));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The destination after post-copy: once the last page arrived the guest is simply
/// "running (migrated)".
async fn postcopy_incoming_done(
    drv: Arc<QemuDriver>,
    dom: DomainRef,
    vm: Arc<crate::domain::VmProcess>,
) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(3600);
    while tokio::time::Instant::now() < deadline {
        let Ok(v) = vm.qmp.execute("query-migrate", None, T).await else {
            return;
        };
        if v["status"] != "postcopy-active" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let _ = drv.with_dom(&dom, |o| {
        let same = o.vm.as_ref().is_some_and(|v| Arc::ptr_eq(v, &vm));
        if same && (o.state.state, o.state.reason) == (st::RUNNING, reason::RUNNING_POSTCOPY) {
            QemuDriver::set_state(o, StateReason::new(st::RUNNING, reason::RUNNING_MIGRATED))?;
            let _ = save_status(&drv.opts.paths, o);
        }
        Ok(())
    });
}

/// `virDomainMigrateConfirm3Params`.
pub(crate) async fn confirm(
    drv: &Arc<QemuDriver>,
    dom: &DomainRef,
    cookie_in: &[u8],
    flags: u32,
    cancelled: bool,
) -> VirResult<()> {
    let (vm, persistent) = drv.with_dom(dom, |o| Ok((o.vm.clone(), o.persistent)))?;
    if flags & mf::OFFLINE != 0 {
        if !cancelled && flags & mf::UNDEFINE_SOURCE != 0 && persistent {
            drv.undefine(dom, 0)?;
        }
        return Ok(());
    }
    if cancelled {
        if let Some(vm) = vm {
            resume_if_paused(drv, dom, &vm).await;
        }
        return Ok(());
    }
    if flags & mf::POSTCOPY != 0 {
        if let Some(vm) = &vm {
            wait_postcopy_done(drv, dom, vm).await;
        }
    }
    let c = Cookie::decode(cookie_in).unwrap_or_default();
    let mut params = drv
        .with_dom(dom, |o| Ok(o.last_job.as_ref().map(|j| j.params())))?
        .unwrap_or_default();
    if let Some(d) = c
        .downtime_ms
        .filter(|_| !params.iter().any(|p| p.field == "downtime"))
    {
        params.push(TypedParam::new("downtime", TypedValue::ULLong(d)));
    }
    if let Some(vm) = vm {
        *vm.stop_reason.lock().unwrap_or_else(|p| p.into_inner()) =
            Some((reason::SHUTOFF_MIGRATED, reason::STOPPED_MIGRATED));
        drv.kill_vm(&vm, true).await?;
    }
    drv.emit(dom.clone(), DomainEventKind::JobCompleted { params });
    if flags & mf::UNDEFINE_SOURCE != 0 && persistent {
        drv.undefine(dom, 0)?;
    }
    Ok(())
}
