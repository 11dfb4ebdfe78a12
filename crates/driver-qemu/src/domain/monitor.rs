//! Per-guest watcher: QMP events → state changes and domain events; process exit →
//! shut off with the right reason (`qemuProcessHandle*`).

use super::driver::QemuDriver;
use super::object::VmProcess;
use super::state::{detail, paused, running, shutdown, StateReason};
use super::status::save_status;
use crate::process::ExitWatch;
use rvirt_core::event::{lifecycle, DomainEventKind};
use rvirt_core::handle::Uuid;
use rvirt_core::info::domain_state as st;
use rvirt_qmp::QmpEvent;
use serde_json::json;
use std::sync::{Arc, Weak};
use std::time::Duration;
use tokio::sync::broadcast;

/// Starts watching a guest; `child` is our child process when we spawned it.
pub(crate) fn spawn_monitor(
    drv: &Arc<QemuDriver>,
    uuid: Uuid,
    vm: Arc<VmProcess>,
    events: broadcast::Receiver<QmpEvent>,
    child: Option<tokio::process::Child>,
) {
    let weak = Arc::downgrade(drv);
    let h = tokio::spawn(watch(weak, uuid, vm, events, child));
    drv.track(h);
}

async fn wait_exit(pid: i32, child: &mut Option<tokio::process::Child>) {
    match child {
        Some(c) => {
            let _ = c.wait().await;
        }
        None => match ExitWatch::open(pid) {
            Ok(w) => w.exited().await,
            Err(_) => loop {
                if !crate::process::pid_alive(pid) {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            },
        },
    }
}

async fn watch(
    drv: Weak<QemuDriver>,
    uuid: Uuid,
    vm: Arc<VmProcess>,
    mut events: broadcast::Receiver<QmpEvent>,
    mut child: Option<tokio::process::Child>,
) {
    let pid = vm.pid;
    let exit = wait_exit(pid, &mut child);
    tokio::pin!(exit);
    let mut events_open = true;
    loop {
        tokio::select! {
            // queued events first: a SHUTDOWN must be seen before the exit it explains
            biased;
            ev = events.recv(), if events_open => match ev {
                Ok(ev) => {
                    let Some(d) = drv.upgrade() else { return };
                    handle_event(&d, uuid, &vm, ev).await;
                }
                Err(broadcast::error::RecvError::Lagged(_)) => {}
                Err(broadcast::error::RecvError::Closed) => events_open = false,
            },
            _ = &mut exit => break,
        }
    }
    // QEMU's last events (SHUTDOWN before it quits) may still be on their way from the
    // monitor socket: once the reader has seen the socket's end, every event is queued
    let deadline = tokio::time::Instant::now() + Duration::from_secs(2);
    while !vm.qmp.is_closed() && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    loop {
        match events.try_recv() {
            Ok(ev) => {
                let Some(d) = drv.upgrade() else { return };
                handle_event(&d, uuid, &vm, ev).await;
            }
            Err(broadcast::error::TryRecvError::Lagged(_)) => {}
            Err(_) => break,
        }
    }
    if let Some(d) = drv.upgrade() {
        d.process_exited(uuid, &vm);
    }
}

async fn handle_event(drv: &Arc<QemuDriver>, uuid: Uuid, vm: &Arc<VmProcess>, ev: QmpEvent) {
    let handle = drv.lock().get(&uuid).map(|o| o.handle());
    if let Some(h) = handle {
        drv.ext.publish(h, &ev);
    }
    if ev.event.starts_with("BLOCK_JOB_") {
        drv.on_block_job_event(uuid, vm, &ev);
        return;
    }
    let mut emit: Vec<DomainEventKind> = Vec::new();
    let mut after_shutdown_reboot = false;
    {
        let mut doms = drv.lock();
        let Some(o) = doms.get_mut(&uuid) else { return };
        let is_ours = o.vm.as_ref().is_some_and(|v| Arc::ptr_eq(v, vm));
        if !is_ours {
            return;
        }
        match ev.event.as_str() {
            "STOP"
                if o.state.state == st::RUNNING
                    && !vm.flag(&vm.got_shutdown)
                    && !vm.flag(&vm.fake_reboot) =>
            {
                // an outgoing migration's switch-over: PAUSED (migration), SUSPENDED/MIGRATED
                let migrating = o.job_progress.as_ref().is_some_and(|j| j.operation == 5);
                let (reason, det) = match migrating {
                    true => (paused::MIGRATION, detail::SUSPENDED_MIGRATED),
                    false => (paused::UNKNOWN, detail::SUSPENDED_PAUSED),
                };
                if QemuDriver::set_state(o, StateReason::new(st::PAUSED, reason)).is_ok() {
                    emit.push(DomainEventKind::Lifecycle {
                        event: lifecycle::SUSPENDED,
                        detail: det,
                    });
                }
            }
            "RESUME"
                if o.state.state == st::PAUSED
                    && QemuDriver::set_state(
                        o,
                        StateReason::new(st::RUNNING, running::UNPAUSED),
                    )
                    .is_ok() =>
            {
                emit.push(DomainEventKind::Lifecycle {
                    event: lifecycle::RESUMED,
                    detail: detail::RESUMED_UNPAUSED,
                });
            }
            "SHUTDOWN" => {
                if vm.flag(&vm.fake_reboot) {
                    after_shutdown_reboot = true;
                } else {
                    vm.set(&vm.got_shutdown, true);
                    let d = match ev.data.get("guest").and_then(|g| g.as_bool()) {
                        Some(true) => detail::SHUTDOWN_GUEST,
                        Some(false) => detail::SHUTDOWN_HOST,
                        None => detail::SHUTDOWN_FINISHED,
                    };
                    if QemuDriver::set_state(o, StateReason::new(st::SHUTDOWN, shutdown::USER))
                        .is_ok()
                    {
                        emit.push(DomainEventKind::Lifecycle {
                            event: lifecycle::SHUTDOWN,
                            detail: d,
                        });
                    }
                }
            }
            "RESET" => emit.push(DomainEventKind::Reboot),
            "RTC_CHANGE" => emit.push(DomainEventKind::RtcChange {
                offset: ev.data["offset"].as_i64().unwrap_or(0),
            }),
            "BALLOON_CHANGE" => emit.push(DomainEventKind::BalloonChange {
                actual: ev.data["actual"].as_u64().unwrap_or(0) / 1024,
            }),
            "DEVICE_DELETED" => {
                if let Some(dev) = ev.data["device"].as_str() {
                    if let Some(l) = o.live.as_mut() {
                        l.devices
                            .retain(|d| crate::command::util_alias(d) != Some(dev));
                    }
                    emit.push(DomainEventKind::DeviceRemoved {
                        dev_alias: dev.to_string(),
                    });
                }
            }
            "VSERPORT_CHANGE" => {
                let open = ev.data["open"].as_bool().unwrap_or(false);
                let is_agent = o.live.as_ref().is_some_and(|l| {
                    l.devices.iter().any(|d| {
                        d.name == "channel"
                            && crate::command::util_alias(d) == ev.data["id"].as_str()
                            && d.child("target").and_then(|t| t.attr("name"))
                                == Some(crate::command::AGENT_CHANNEL)
                    })
                });
                if is_agent {
                    vm.set(&vm.agent_connected, open);
                    // virConnectDomainEventAgentLifecycleState: CONNECTED 1, DISCONNECTED 2;
                    // reason CHANNEL 2
                    emit.push(DomainEventKind::AgentLifecycle {
                        state: if open { 1 } else { 2 },
                        reason: 2,
                    });
                }
            }
            _ => {}
        }
        let _ = save_status(&drv.opts.paths, o);
        let h = o.handle();
        for k in emit {
            drv.emit(h.clone(), k);
        }
    }
    if after_shutdown_reboot {
        let qmp = vm.qmp.clone();
        let vm = vm.clone();
        tokio::spawn(async move {
            let t = Duration::from_secs(10);
            let _ = qmp.execute("system_reset", None, t).await;
            let _ = qmp
                .execute("set-action", Some(json!({"shutdown": "poweroff"})), t)
                .await;
            vm.set(&vm.fake_reboot, false);
            let _ = qmp.execute("cont", None, t).await;
        });
    }
}
