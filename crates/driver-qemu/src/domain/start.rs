//! Starting a domain (`qemuProcessStart`): build the command, spawn QEMU with `-S` and its
//! log, connect QMP, learn pty paths, write the status file, `cont`, watch it.

use super::driver::{qmp_err, QemuDriver};
use super::monitor::spawn_monitor;
use super::object::VmProcess;
use super::state::{detail, paused, running, StateReason};
use super::status::save_status;
use crate::command::{build_command, BuildContext, QemuCommand};
use rvirt_conf::domain::DomainDef;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::event::lifecycle;
use rvirt_core::handle::{DomainRef, Uuid};
use rvirt_core::info::domain_state as st;
use rvirt_qmp::{AgentClient, QmpClient};
use serde_json::Value;
use std::io::Write;
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const MONITOR_TIMEOUT: Duration = Duration::from_secs(30);
const QMP_TIMEOUT: Duration = Duration::from_secs(30);

fn timestamp() -> String {
    let d = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let secs = d.as_secs();
    let (days, rem) = (secs / 86400, secs % 86400);
    // civil-from-days (Howard Hinnant)
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}.{:03}+0000",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60,
        d.subsec_millis()
    )
}

fn log_tail(path: &std::path::Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.len().saturating_sub(3);
    lines[start..].join("\n")
}

/// What to start: a fresh boot or a restore from a save image.
pub(crate) struct StartSpec {
    pub paused: bool,
    pub restore: Option<RestoreSource>,
}

/// An incoming save image: the definition inside it and its migration stream.
pub(crate) struct RestoreSource {
    pub def: DomainDef,
    /// The image file and the offset of its migration stream.
    pub path: std::path::PathBuf,
    pub offset: u64,
    pub was_running: bool,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct StartMode {
    paused: bool,
    restored: bool,
    /// An incoming migration (`-incoming defer`): STARTED/MIGRATED, paused for migration.
    migrated: bool,
}

/// Waits until QEMU has loaded the incoming migration stream (`query-migrate`).
async fn wait_incoming(qmp: &QmpClient) -> VirResult<()> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(300);
    loop {
        let v = qmp
            .execute("query-migrate", None, QMP_TIMEOUT)
            .await
            .map_err(qmp_err)?;
        match v["status"].as_str().unwrap_or("") {
            "completed" => return Ok(()),
            "failed" | "cancelled" => {
                return Err(internal(format!(
                    "failed to restore the domain: {}",
                    v["error-desc"]
                        .as_str()
                        .unwrap_or("incoming migration failed")
                )))
            }
            _ => {}
        }
        if tokio::time::Instant::now() >= deadline {
            return Err(internal("timed out loading the save image"));
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn internal(detail: impl Into<String>) -> VirError {
    VirError::internal(ErrorDomain::Qemu, detail)
}

impl QemuDriver {
    /// `virDomainCreateWithFlags` / the start half of `virDomainCreateXML`.
    pub(crate) async fn start_domain(
        self: &Arc<Self>,
        uuid: Uuid,
        start_paused: bool,
    ) -> VirResult<DomainRef> {
        self.start_with(
            uuid,
            StartSpec {
                paused: start_paused,
                restore: None,
            },
        )
        .await
    }

    /// Starts QEMU for a domain: a fresh boot, or an incoming save image (`spec.restore`).
    pub(crate) async fn start_with(
        self: &Arc<Self>,
        uuid: Uuid,
        spec: StartSpec,
    ) -> VirResult<DomainRef> {
        self.start_inner(uuid, spec, None).await
    }

    /// Starts QEMU with `-incoming defer` for an incoming migration of `def` (the caller
    /// then issues `migrate-incoming`); the domain stays paused (reason migration).
    pub(crate) async fn start_incoming(
        self: &Arc<Self>,
        uuid: Uuid,
        def: DomainDef,
    ) -> VirResult<DomainRef> {
        let spec = StartSpec {
            paused: true,
            restore: None,
        };
        self.start_inner(uuid, spec, Some(def)).await
    }

    async fn start_inner(
        self: &Arc<Self>,
        uuid: Uuid,
        spec: StartSpec,
        incoming: Option<DomainDef>,
    ) -> VirResult<DomainRef> {
        let start_paused = spec.paused;
        let caps = self.qemu_caps().await?;
        let (def, name) = {
            let doms = self.lock();
            let o = doms.get(&uuid).ok_or_else(|| {
                VirError::new(
                    ErrorCode::NoDomain,
                    ErrorDomain::Qemu,
                    "no domain with matching uuid",
                )
            })?;
            if o.state.is_active() {
                return Err(VirError::operation_invalid(
                    ErrorDomain::Qemu,
                    "domain is already running",
                ));
            }
            let def = match (&spec.restore, &incoming) {
                (_, Some(d)) => d.clone(),
                (Some(r), None) => r.def.clone(),
                (None, None) => o.def.clone(),
            };
            (def, o.def.name.clone())
        };
        let id = self.next_id.fetch_add(1, Ordering::SeqCst);
        let paths = &self.opts.paths;
        let hook_xml = |d: &DomainDef| {
            d.format(&rvirt_conf::domain::FormatOptions {
                id: Some(id),
                ..Default::default()
            })
        };
        if let Err(e) =
            crate::hooks::run_hook_boxed(paths, &name, "prepare", "begin", &hook_xml(&def)).await
        {
            let _ =
                crate::hooks::run_hook_boxed(paths, &name, "release", "end", &hook_xml(&def)).await;
            return Err(e);
        }
        let domain_dir = paths.run_dir.join(format!("domain-{id}-{name}"));
        let _ = std::fs::remove_dir_all(&domain_dir);
        std::fs::create_dir_all(&domain_dir)
            .map_err(|e| internal(format!("cannot create {}: {e}", domain_dir.display())))?;
        let mut live: DomainDef = def;
        let volumes = match self.translate_volume_disks(&mut live).await {
            Ok(v) => v,
            Err(e) => {
                let _ = std::fs::remove_dir_all(&domain_dir);
                return Err(e);
            }
        };
        if let Err(e) = self.plug_all_host_sides(&mut live).await {
            let _ = std::fs::remove_dir_all(&domain_dir);
            return Err(e);
        }
        if let Err(e) =
            crate::hooks::run_hook_boxed(paths, &name, "start", "begin", &hook_xml(&live)).await
        {
            self.unplug_all_host_sides(&live);
            let _ = std::fs::remove_dir_all(&domain_dir);
            let _ = crate::hooks::run_hook_boxed(paths, &name, "release", "end", &hook_xml(&live))
                .await;
            return Err(e);
        }
        let creds = crate::dac::qemu_creds(paths)?;
        if !creds.is_root() {
            let r = crate::dac::set_labels(paths, &name, creds, &crate::dac::image_paths(&live))
                .and_then(|_| {
                    std::os::unix::fs::lchown(&domain_dir, Some(creds.uid), Some(creds.gid))
                        .map_err(|e| internal(format!("{}: {e}", domain_dir.display())))
                });
            if let Err(e) = r {
                crate::dac::restore_labels(paths, &name);
                self.unplug_all_host_sides(&live);
                let _ = std::fs::remove_dir_all(&domain_dir);
                return Err(e);
            }
        }
        let mut prepared = live;
        // the macvtaps' /dev/tapN descriptors QEMU inherits (`-netdev tap,fd=N`), and the
        // fds of the disks' associated fd groups (`-add-fd set=N,fd=M`)
        let inherited = super::macvtap::direct_fds(&prepared).and_then(|mut f| {
            f.extend(self.fdset_fds(uuid, &mut prepared)?);
            Ok(f)
        });
        let tap_fds = match inherited {
            Ok(f) => f,
            Err(e) => {
                crate::dac::restore_labels(paths, &name);
                self.unplug_all_host_sides(&prepared);
                let _ = std::fs::remove_dir_all(&domain_dir);
                return Err(e);
            }
        };
        // autoport picks a port that was free when probed; another process may bind it
        // before QEMU does, so a lost race retries with that port skipped
        let mut skip_ports: Vec<u16> = Vec::new();
        let (live, cmd, mode, launched) = loop {
            let mut live = prepared.clone();
            let mut in_use = self.vnc_ports_in_use();
            in_use.extend(&skip_ports);
            let ctx = BuildContext {
                caps: (*caps).clone(),
                id,
                domain_dir: domain_dir.clone(),
                vnc_ports_in_use: in_use,
                probe_ports: true,
                seccomp_sandbox: crate::dac::seccomp_sandbox(&self.opts.paths),
            };
            // a restore loads the guest's state while QEMU starts, before vCPUs could be
            // plugged: every online vCPU is a boot vCPU on its command line
            let vcpu_list = live.extra.iter().find(|e| e.name == "vcpus").cloned();
            if spec.restore.is_some() && incoming.is_none() {
                crate::command::vcpus::boot_all_online(&mut live);
            }
            let built = build_command(&mut live, &ctx);
            super::fd_associate::unmark_fdsets(&mut live);
            if let Some(v) = vcpu_list {
                if let Some(e) = live.extra.iter_mut().find(|e| e.name == "vcpus") {
                    *e = v;
                }
            }
            super::volumes::restore_volume_disks(&mut live, volumes.clone());
            let mut cmd = match built {
                Ok(c) => c,
                Err(e) => {
                    self.unplug_all_host_sides(&live);
                    let _ = std::fs::remove_dir_all(&domain_dir);
                    return Err(e);
                }
            };
            let mode = match &spec.restore {
                _ if incoming.is_some() => {
                    cmd.args.push("-S".into());
                    cmd.args.push("-incoming".into());
                    cmd.args.push("defer".into());
                    StartMode {
                        paused: true,
                        restored: false,
                        migrated: true,
                    }
                }
                Some(r) => {
                    // the image's stream comes over the monitor (`getfd` + `migrate-incoming
                    // fd:…`, see `fd_migrate.rs`) once QEMU is up
                    cmd.args.push("-incoming".into());
                    cmd.args.push("defer".into());
                    StartMode {
                        paused: !r.was_running || start_paused,
                        restored: true,
                        migrated: false,
                    }
                }
                None => StartMode {
                    paused: start_paused,
                    restored: false,
                    migrated: false,
                },
            };
            match self.launch(&name, &cmd, &domain_dir, None, &tap_fds).await {
                Ok(l) => break (live, cmd, mode, l),
                Err(e) => {
                    let lost = autoport_of(&live)
                        .filter(|_| e.message.contains("Failed to find an available port"));
                    match lost {
                        Some(port) if skip_ports.len() < 16 => {
                            skip_ports.push(port);
                            let _ = std::fs::remove_dir_all(&domain_dir);
                            let _ = std::fs::create_dir_all(&domain_dir);
                        }
                        _ => {
                            crate::dac::restore_labels(paths, &name);
                            self.unplug_all_host_sides(&live);
                            let _ = std::fs::remove_dir_all(&domain_dir);
                            return Err(e);
                        }
                    }
                }
            }
        };
        let (mut child, qmp) = launched;
        if mode.restored {
            let fed = match &spec.restore {
                Some(r) => super::fd_migrate::incoming_from_file(&qmp, &r.path, r.offset).await,
                None => Ok(()),
            };
            let loaded = match fed {
                Ok(()) => wait_incoming(&qmp).await,
                Err(e) => Err(e),
            };
            if let Err(e) = loaded {
                let _ = child.start_kill();
                let _ = child.wait().await;
                self.unplug_all_host_sides(&live);
                let _ = std::fs::remove_dir_all(&domain_dir);
                return Err(e);
            }
        }
        self.finish_start(uuid, id, live, cmd, domain_dir, child, qmp, mode)
            .await
    }

    async fn launch(
        &self,
        name: &str,
        cmd: &QemuCommand,
        domain_dir: &std::path::Path,
        stdin: Option<std::fs::File>,
        tap_fds: &[(std::os::fd::RawFd, std::os::fd::OwnedFd)],
    ) -> VirResult<(tokio::process::Child, QmpClient)> {
        let log_path = self.opts.paths.log_dir.join(format!("{name}.log"));
        std::fs::create_dir_all(&self.opts.paths.log_dir)
            .map_err(|e| internal(format!("cannot create log dir: {e}")))?;
        let mut log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log_path)
            .map_err(|e| internal(format!("cannot open {}: {e}", log_path.display())))?;
        let _ = write!(log, "{}: starting up\n{}", timestamp(), cmd.to_args_text());
        let err = log
            .try_clone()
            .map_err(|e| internal(format!("cannot open log: {e}")))?;
        let mut c = tokio::process::Command::new(&cmd.binary);
        c.args(&cmd.args)
            .env("LC_ALL", "C")
            .current_dir(domain_dir)
            .stdin(stdin.map_or_else(Stdio::null, Stdio::from))
            .stdout(Stdio::from(log))
            .stderr(Stdio::from(err))
            .process_group(0)
            .kill_on_drop(false);
        let creds = crate::dac::qemu_creds(&self.opts.paths)?;
        if !creds.is_root() {
            c.uid(creds.uid).gid(creds.gid);
        }
        super::macvtap::inherit_fds(&mut c, tap_fds);
        let mut child = c
            .spawn()
            .map_err(|e| internal(format!("cannot execute {}: {e}", cmd.binary)))?;
        let deadline = tokio::time::Instant::now() + MONITOR_TIMEOUT;
        loop {
            if let Ok(Some(status)) = child.try_wait() {
                return Err(internal(format!(
                    "process exited while connecting to monitor ({status}): {}",
                    log_tail(&log_path)
                )));
            }
            if cmd.monitor_path.exists() {
                match QmpClient::connect(&cmd.monitor_path, QMP_TIMEOUT).await {
                    Ok(q) => return Ok((child, q)),
                    Err(e) if tokio::time::Instant::now() >= deadline => {
                        let _ = child.start_kill();
                        let _ = child.wait().await;
                        return Err(internal(format!("cannot connect to monitor: {e}")));
                    }
                    Err(_) => {}
                }
            }
            if tokio::time::Instant::now() >= deadline {
                let _ = child.start_kill();
                let _ = child.wait().await;
                return Err(internal("timed out waiting for the QEMU monitor"));
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    #[allow(clippy::too_many_arguments)]
    async fn finish_start(
        self: &Arc<Self>,
        uuid: Uuid,
        id: i32,
        mut live: DomainDef,
        cmd: QemuCommand,
        domain_dir: std::path::PathBuf,
        mut child: tokio::process::Child,
        qmp: QmpClient,
        mode: StartMode,
    ) -> VirResult<DomainRef> {
        let start_paused = mode.paused;
        let pid = child.id().map(|p| p as i32).unwrap_or(-1);
        let events = qmp.events();
        if let Ok(chardevs) = qmp.execute("query-chardev", None, QMP_TIMEOUT).await {
            record_ptys(&mut live, &chardevs);
        }
        super::memhotplug::query_dimm_bases(&qmp, &mut live).await;
        Box::pin(self.cgroup_setup(id, &live, pid, &qmp)).await;
        if let Err(e) = super::graphics::apply_graphics_passwords(&qmp, &live).await {
            let _ = child.start_kill();
            let _ = child.wait().await;
            self.unplug_all_host_sides(&live);
            let _ = std::fs::remove_dir_all(&domain_dir);
            return Err(e);
        }
        let (exited, _) = tokio::sync::watch::channel(false);
        let vm = Arc::new(VmProcess {
            pid,
            qmp: qmp.clone(),
            agent: cmd
                .agent_path
                .as_deref()
                .map(|p| Arc::new(AgentClient::new(p))),
            monitor_path: cmd.monitor_path.clone(),
            domain_dir,
            destroying: AtomicBool::new(false),
            got_shutdown: AtomicBool::new(false),
            fake_reboot: AtomicBool::new(false),
            agent_connected: AtomicBool::new(false),
            stop_reason: std::sync::Mutex::new(None),
            exited,
            incoming_events: std::sync::Mutex::new(None),
        });
        let handle = self.install_vm(uuid, id, live, &vm, mode);
        let handle = match handle {
            Ok(h) => h,
            Err(e) => {
                let _ = child.start_kill();
                let _ = child.wait().await;
                return Err(e);
            }
        };
        spawn_monitor(self, uuid, vm.clone(), events, Some(child));
        // before `cont`, and for an incoming migration before `migrate-incoming`
        if !mode.restored {
            let live = self.with_dom(&handle, |o| Ok(o.live.clone()))?;
            if let Some(l) = live {
                if let Err(e) = Box::pin(self.plug_startup_vcpus(&vm, &l)).await {
                    *vm.stop_reason.lock().unwrap_or_else(|p| p.into_inner()) =
                        Some((super::state::shutoff::FAILED, super::stop::NO_EVENT));
                    self.abort_vm(&vm).await;
                    return Err(e);
                }
            }
        }
        if mode.migrated {
            self.emit_lifecycle(handle.clone(), lifecycle::STARTED, 1);
            return Ok(handle);
        }
        let (started, suspended) = if mode.restored {
            (detail::STARTED_RESTORED, detail::SUSPENDED_RESTORED)
        } else {
            (detail::STARTED_BOOTED, detail::SUSPENDED_PAUSED)
        };
        if !start_paused {
            if let Err(e) = qmp.execute("cont", None, QMP_TIMEOUT).await {
                let _ = self.kill_vm(&vm, true).await;
                return Err(qmp_err(e));
            }
        }
        // qemuProcessFinishStartup: a failing `started` hook aborts the start; the domain
        // is stopped (reason failed, stopped/release hooks run) and no lifecycle event
        // is emitted, as the API reports the hook's error
        let xml = self.xml_desc(&handle, 0).unwrap_or_default();
        let hook =
            crate::hooks::run_hook_boxed(&self.opts.paths, &handle.name, "started", "begin", &xml)
                .await;
        if let Err(e) = hook {
            *vm.stop_reason.lock().unwrap_or_else(|p| p.into_inner()) =
                Some((super::state::shutoff::FAILED, super::stop::NO_EVENT));
            self.abort_vm(&vm).await;
            return Err(e);
        }
        self.emit_lifecycle(handle.clone(), lifecycle::STARTED, started);
        if start_paused {
            self.emit_lifecycle(handle.clone(), lifecycle::SUSPENDED, suspended);
        }
        Ok(handle)
    }

    fn install_vm(
        &self,
        uuid: Uuid,
        id: i32,
        live: DomainDef,
        vm: &Arc<VmProcess>,
        mode: StartMode,
    ) -> VirResult<DomainRef> {
        {
            let mut doms = self.lock();
            let Some(o) = doms.get_mut(&uuid) else {
                return Err(internal("domain vanished while starting"));
            };
            o.id = id;
            o.live = Some(live);
            o.vm = Some(vm.clone());
            let to = match (mode.paused, mode.restored) {
                _ if mode.migrated => StateReason::new(st::PAUSED, 2),
                (true, false) => StateReason::new(st::PAUSED, paused::USER),
                (true, true) => StateReason::new(st::PAUSED, paused::SAVE),
                (false, false) => StateReason::new(st::RUNNING, running::BOOTED),
                (false, true) => StateReason::new(st::RUNNING, running::RESTORED),
            };
            QemuDriver::set_state(o, to)?;
            let _ = save_status(&self.opts.paths, o);
            Ok(o.handle())
        }
    }

    /// VNC ports of running domains.
    fn vnc_ports_in_use(&self) -> Vec<u16> {
        self.lock()
            .values()
            .filter_map(|o| o.live.as_ref())
            .flat_map(|d| d.devices.iter())
            .filter(|d| d.name == "graphics")
            .filter_map(|g| g.attr("port").and_then(|p| p.parse().ok()))
            .collect()
    }
}

/// The VNC port `autoport='yes'` chose for a live definition.
fn autoport_of(live: &DomainDef) -> Option<u16> {
    live.devices
        .iter()
        .find(|d| d.name == "graphics" && d.attr("autoport") == Some("yes"))
        .and_then(|g| g.attr("port"))
        .and_then(|p| p.parse().ok())
}

/// Writes the pty paths QEMU allocated into the live XML (`<source path>` and `tty=`).
pub(crate) fn record_ptys(live: &mut DomainDef, chardevs: &Value) {
    let Some(list) = chardevs.as_array() else {
        return;
    };
    for c in list {
        let (Some(label), Some(file)) = (c["label"].as_str(), c["filename"].as_str()) else {
            continue;
        };
        let Some(pty) = file.strip_prefix("pty:") else {
            continue;
        };
        let Some(al) = label.strip_prefix("char") else {
            continue;
        };
        for d in live.devices.iter_mut() {
            if !matches!(d.name.as_str(), "serial" | "console" | "channel") {
                continue;
            }
            if crate::command::util_alias(d) != Some(al) {
                continue;
            }
            if d.attr("type") == Some("pty") {
                d.set_attr("tty", pty);
                let src = d.child_or_insert("source");
                src.set_attr("path", pty);
                if let Some(p) = d.children.iter().position(|c| c.name == "source") {
                    let s = d.children.remove(p);
                    d.children.insert(0, s);
                }
            }
        }
    }
}
