//! Start-up (`qemuStateInitialize`): load persistent definitions, re-attach to guests that
//! survived a daemon restart (`qemuProcessReconnect`), then autostart.

use super::config::list_configs;
use super::driver::{QemuDriver, QemuOptions};
use super::monitor::spawn_monitor;
use super::object::{DomainObj, VmProcess};
use super::state::{detail, running, shutoff, StateReason};
use super::status::{read_status, save_status_if_changed, status_path, StatusFile};
use crate::conf_adapt::parse_domain;
use crate::process::{pid_alive, proc_cmdline};
use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_core::event::lifecycle;
use rvirt_core::handle::{DomainRef, Uuid};
use rvirt_core::info::domain_state as st;
use rvirt_qmp::{AgentClient, QmpClient};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

impl QemuDriver {
    /// Creates a driver instance: directories, persistent domains, re-attach, autostart.
    /// Capabilities are probed in the background; this returns without waiting for them.
    pub async fn start(opts: QemuOptions) -> VirResult<Arc<QemuDriver>> {
        opts.paths.create_all().map_err(|e| {
            VirError::internal(
                ErrorDomain::Qemu,
                format!("cannot create driver directories: {e}"),
            )
        })?;
        let autostart = opts.autostart;
        let drv = Arc::new(QemuDriver::new(opts));
        drv.caps.warm_up();
        drv.load_configs();
        let (go, go_rx) = tokio::sync::watch::channel(false);
        drv.reconnect_gated(go_rx);
        if autostart {
            drv.autostart_all();
        }
        let _ = go.send(true);
        Ok(drv)
    }

    fn load_configs(&self) {
        for (text, auto) in list_configs(&self.opts.paths) {
            match parse_domain(&text, None) {
                Ok(def) => {
                    let mut o = DomainObj::new(def, true);
                    o.autostart = auto;
                    self.lock().insert(o.uuid(), o);
                }
                Err(e) => tracing::warn!(error = %e.message, "skipping unreadable domain config"),
            }
        }
    }

    /// Scans the run dir for status files and re-attaches to live guests: each guest is
    /// listed at once from its status file (state, ID, live XML) and its QMP monitor is
    /// reconnected in the background, all guests concurrently. Calls that need the monitor
    /// wait for their guest ([`QemuDriver::wait_attached`]); [`QemuDriver::wait_reattached`]
    /// waits for all of them.
    pub async fn reconnect(self: &Arc<Self>) {
        self.reconnect_gated(tokio::sync::watch::channel(true).1);
    }

    /// [`QemuDriver::reconnect`]; a guest found gone in the background is autostarted only
    /// once `go` turns true (after start-up's own autostart pass, which skips guests still
    /// re-attaching).
    fn reconnect_gated(self: &Arc<Self>, go: tokio::sync::watch::Receiver<bool>) {
        let Ok(rd) = std::fs::read_dir(&self.opts.paths.run_dir) else {
            return;
        };
        let files: Vec<_> = rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().and_then(|x| x.to_str()) == Some("xml"))
            .collect();
        for f in files {
            let Some(status) = read_status(&f) else {
                let _ = std::fs::remove_file(&f);
                continue;
            };
            self.reconnect_one(status, go.clone());
        }
    }

    /// Waits until the monitor of `dom` is back, if it is being re-attached.
    pub async fn wait_attached(&self, dom: &DomainRef) {
        let rx = self
            .attaching
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&dom.uuid)
            .map(|(_, rx)| rx.clone());
        if let Some(mut rx) = rx {
            let _ = rx.wait_for(|done| *done).await;
        }
    }

    /// Waits until every guest found at start-up is re-attached (or found gone).
    pub async fn wait_reattached(&self) {
        let all: Vec<_> = self
            .attaching
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .values()
            .map(|(_, rx)| rx.clone())
            .collect();
        for mut rx in all {
            let _ = rx.wait_for(|done| *done).await;
        }
    }

    fn reconnect_one(self: &Arc<Self>, s: StatusFile, mut go: tokio::sync::watch::Receiver<bool>) {
        let Ok(live) = parse_domain(&s.domain_xml, None) else {
            return;
        };
        let uuid = Uuid(live.uuid);
        let name = live.name.clone();
        self.next_id.fetch_max(s.id + 1, Ordering::SeqCst);
        let ours = pid_alive(s.pid)
            && proc_cmdline(s.pid)
                .iter()
                .any(|a| a.contains(&s.monitor.display().to_string()));
        let gate = ours.then(|| {
            let (tx, rx) = tokio::sync::watch::channel(false);
            self.attaching
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .insert(uuid, (s.pid, rx));
            tx
        });
        {
            let mut doms = self.lock();
            let o = doms
                .entry(uuid)
                .or_insert_with(|| DomainObj::new(live.clone(), s.persistent));
            o.id = s.id;
            o.live = Some(live);
            o.state = s.state;
            o.autostart = o.autostart || s.autostart;
        }
        let Some(gate) = gate else {
            self.guest_gone(uuid, &name, &s);
            return;
        };
        let me = self.clone();
        let h = tokio::spawn(async move {
            let attached = me.attach_monitor(uuid, &s).await;
            if attached {
                me.reconnect_hook(uuid).await;
            } else {
                me.guest_gone(uuid, &name, &s);
                let _ = go.wait_for(|v| *v).await;
                // start-up autostarts domains found shut off, this one included
                let auto = me.opts.autostart
                    && me
                        .lock()
                        .get(&uuid)
                        .is_some_and(|o| o.autostart && !o.state.is_active());
                if auto {
                    me.autostart_one(uuid);
                }
            }
            me.attaching
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .remove(&uuid);
            let _ = gate.send(true);
        });
        self.track(h);
    }

    /// The guest died while we were away (or is not ours, or its monitor cannot be
    /// reached): shut it off as libvirt does when it cannot get the monitor back.
    fn guest_gone(&self, uuid: Uuid, name: &str, s: &StatusFile) {
        tracing::info!(domain = %name, pid = s.pid, "guest gone during re-attach");
        let mut doms = self.lock();
        if let Some(o) = doms.get_mut(&uuid) {
            let h = o.handle();
            let _ = QemuDriver::set_state(o, StateReason::new(st::SHUTOFF, shutoff::CRASHED));
            if let Some(l) = o.live.take() {
                self.unplug_all_host_sides(&l);
            }
            o.id = -1;
            if !o.persistent {
                doms.remove(&uuid);
                self.fd_groups.forget(uuid);
            }
            drop(doms);
            self.emit_lifecycle(h, lifecycle::STOPPED, detail::STOPPED_FAILED);
        }
        let _ = std::fs::remove_file(status_path(&self.opts.paths, name));
        let _ = std::fs::remove_dir_all(&s.domain_dir);
    }

    /// `qemuProcessReconnect`'s `reconnect begin -` hook with the live XML; a failing hook
    /// kills the re-attached QEMU (libvirt: "the existing QEMU process will be killed
    /// off"), leaving the domain shut off with reason failed.
    async fn reconnect_hook(&self, uuid: Uuid) {
        let found = self
            .lock()
            .get(&uuid)
            .and_then(|o| Some((o.handle(), o.vm.clone()?)));
        let Some((handle, vm)) = found else {
            return;
        };
        let xml = self.xml_desc(&handle, 0).unwrap_or_default();
        let hook =
            crate::hooks::run_hook(&self.opts.paths, &handle.name, "reconnect", "begin", &xml)
                .await;
        if let Err(e) = hook {
            tracing::warn!(domain = %handle.name, error = %e.message,
                "reconnect hook failed: killing the guest");
            *vm.stop_reason.lock().unwrap_or_else(|p| p.into_inner()) =
                Some((shutoff::FAILED, detail::STOPPED_FAILED));
            self.abort_vm(&vm).await;
        }
    }

    /// Reconnects QMP to a live guest and starts watching it; false if the monitor cannot
    /// be reached.
    async fn attach_monitor(self: &Arc<Self>, uuid: Uuid, s: &StatusFile) -> bool {
        let Ok(qmp) = QmpClient::connect(&s.monitor, Duration::from_secs(10)).await else {
            return false;
        };
        let events = qmp.events();
        // pty paths come from QEMU itself (the status XML may not carry them through)
        if let Ok(chardevs) = qmp
            .execute("query-chardev", None, Duration::from_secs(10))
            .await
        {
            if let Some(o) = self.lock().get_mut(&uuid) {
                if let Some(l) = o.live.as_mut() {
                    super::start::record_ptys(l, &chardevs);
                }
            }
        }
        let status = qmp
            .execute("query-status", None, Duration::from_secs(10))
            .await
            .ok();
        let (exited, _) = tokio::sync::watch::channel(false);
        let vm = Arc::new(VmProcess {
            pid: s.pid,
            qmp,
            agent: s.agent.as_deref().map(|p| Arc::new(AgentClient::new(p))),
            monitor_path: s.monitor.clone(),
            domain_dir: s.domain_dir.clone(),
            destroying: AtomicBool::new(false),
            got_shutdown: AtomicBool::new(false),
            fake_reboot: AtomicBool::new(false),
            agent_connected: AtomicBool::new(true),
            stop_reason: std::sync::Mutex::new(None),
            exited,
            incoming_events: std::sync::Mutex::new(None),
        });
        {
            let mut doms = self.lock();
            if let Some(o) = doms.get_mut(&uuid) {
                o.vm = Some(vm.clone());
                let qemu_running = status
                    .as_ref()
                    .and_then(|v| v["running"].as_bool())
                    .unwrap_or(true);
                if qemu_running && o.state.state == st::PAUSED {
                    o.state = StateReason::new(st::RUNNING, running::UNPAUSED);
                } else if !qemu_running && o.state.state == st::RUNNING {
                    o.state = StateReason::new(st::PAUSED, super::state::paused::UNKNOWN);
                }
                let _ = save_status_if_changed(&self.opts.paths, o);
            }
        }
        spawn_monitor(self, uuid, vm, events, None);
        true
    }

    fn autostart_all(self: &Arc<Self>) {
        let attaching: std::collections::HashSet<Uuid> = self
            .attaching
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .keys()
            .copied()
            .collect();
        let todo: Vec<Uuid> = self
            .lock()
            .values()
            .filter(|o| o.autostart && !o.state.is_active() && !attaching.contains(&o.uuid()))
            .map(|o| o.uuid())
            .collect();
        for uuid in todo {
            self.autostart_one(uuid);
        }
    }

    fn autostart_one(self: &Arc<Self>, uuid: Uuid) {
        let me = self.clone();
        let h = tokio::spawn(async move {
            let r = match me.start_from_managed_save(uuid, false).await {
                Some(r) => r,
                None => me.start_domain(uuid, false).await,
            };
            if let Err(e) = r {
                tracing::warn!(error = %e.message, "autostart failed");
            }
        });
        self.track(h);
    }

    /// Every domain that is active (tests: the PIDs to clean up).
    pub fn active_pids(&self) -> Vec<i32> {
        let mut pids: Vec<i32> = self
            .lock()
            .values()
            .filter_map(|o| o.vm.as_ref().map(|v| v.pid))
            .collect();
        let attaching = self.attaching.lock().unwrap_or_else(|p| p.into_inner());
        pids.extend(attaching.values().map(|(pid, _)| *pid));
        pids.sort_unstable();
        pids.dedup();
        pids
    }
}
