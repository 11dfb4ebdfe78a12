//! `virDomainSnapshotCreateXML` for the QEMU driver: internal snapshots (QMP `snapshot-save`
//! job for running guests, `qemu-img snapshot -c` for shut-off ones), external disk-only
//! snapshots (`blockdev-snapshot` transaction onto new qcow2 overlays, optionally quiesced
//! through the agent), external snapshots with memory (`--memspec`: the paused guest's disks
//! switch to overlays and its state goes to the memory file, see snapshot_memory.rs) and
//! `--redefine`. The XML model is `rvirt_conf::snapshot`.

use super::blockjob_disk::{self as bd, DiskRef, T};
use super::driver::{qmp_err, QemuDriver};
use super::jobs::JobProgress;
use super::snapshot_store::SnapshotSet;
use super::status::save_status;
use rvirt_conf::domain::FormatOptions;
use rvirt_conf::snapshot::{
    SnapshotDef, SnapshotDiskDef as SnapDisk, SnapshotLocation as SnapKind, SnapshotParseFlags,
    SnapshotState,
};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::event::DomainEventKind;
use rvirt_core::handle::{DomainRef, DomainSnapshotRef, Uuid};
use rvirt_core::info::domain_state as st;
use rvirt_qmp::QmpClient;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;

/// `virDomainSnapshotCreateFlags`.
pub mod create_flags {
    pub const REDEFINE: u32 = 1;
    pub const CURRENT: u32 = 2;
    pub const NO_METADATA: u32 = 4;
    pub const HALT: u32 = 8;
    pub const DISK_ONLY: u32 = 16;
    pub const REUSE_EXT: u32 = 32;
    pub const QUIESCE: u32 = 64;
    pub const ATOMIC: u32 = 128;
    pub const LIVE: u32 = 256;
    pub const VALIDATE: u32 = 512;
}

/// `virDomainJobOperation` values of snapshot jobs.
pub mod snapshot_op {
    pub const SNAPSHOT: i32 = 6;
    pub const SNAPSHOT_REVERT: i32 = 7;
    pub const SNAPSHOT_DELETE: i32 = 10;
}

pub(crate) fn snap_err(code: ErrorCode, msg: impl Into<String>) -> VirError {
    VirError::new(code, ErrorDomain::DomainSnapshot, msg)
}

fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// What a snapshot operation needs from the domain, taken under the lock.
pub(crate) struct SnapCtx {
    pub uuid: Uuid,
    pub name: String,
    pub active: bool,
    pub state: i32,
    pub vm: Option<Arc<super::object::VmProcess>>,
    pub disks: Vec<DiskRef>,
    pub xml: String,
    pub persistent: bool,
}

impl QemuDriver {
    pub(crate) fn snap_ctx(&self, dom: &DomainRef) -> VirResult<SnapCtx> {
        self.with_dom(dom, |o| {
            let active = o.state.is_active();
            Ok(SnapCtx {
                uuid: o.uuid(),
                name: o.name().to_string(),
                active,
                state: o.state.state,
                vm: o.vm.clone(),
                disks: bd::disks(o.current_def()),
                xml: o.current_def().format(&FormatOptions {
                    inactive: true,
                    secure: false,
                    id: None,
                    migratable: false,
                }),
                persistent: o.persistent,
            })
        })
    }

    pub(crate) fn snapshots(&self, dom_name: &str) -> SnapshotSet {
        SnapshotSet::load(&self.opts.paths, dom_name)
    }

    /// Runs a QMP job (`snapshot-save`/`-load`/`-delete`) to its end, updating job progress.
    pub(crate) async fn run_qmp_job(
        &self,
        uuid: Uuid,
        qmp: &QmpClient,
        cmd: &str,
        mut args: Value,
    ) -> VirResult<()> {
        let (_, id) = bd::new_nodes();
        let id = id.replace("-format", "-job");
        args["job-id"] = json!(id);
        qmp.execute(cmd, Some(args), T).await.map_err(qmp_err)?;
        loop {
            let v = qmp.execute("query-jobs", None, T).await.map_err(qmp_err)?;
            let job = v
                .as_array()
                .and_then(|a| a.iter().find(|j| j["id"].as_str() == Some(id.as_str())))
                .cloned();
            let Some(job) = job else {
                return Ok(());
            };
            if let Some(o) = self.lock().get_mut(&uuid) {
                if let Some(p) = o.job_progress.as_mut() {
                    p.mem_total = job["total-progress"].as_u64().unwrap_or(0);
                    p.mem_processed = job["current-progress"].as_u64().unwrap_or(0);
                    p.mem_remaining = p.mem_total.saturating_sub(p.mem_processed);
                }
            }
            if job["status"].as_str() == Some("concluded") {
                let _ = qmp.execute("job-dismiss", Some(json!({"id": id})), T).await;
                if let Some(e) = job["error"].as_str() {
                    return Err(VirError::new(
                        ErrorCode::OperationFailed,
                        ErrorDomain::Qemu,
                        format!("{cmd} job failed: {e}"),
                    ));
                }
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Starts or ends the async job record of a snapshot operation; ending emits
    /// JOB_COMPLETED when it succeeded.
    pub(crate) fn snap_job(&self, dom: &DomainRef, op: Option<i32>, ok: bool) {
        let mut done = None;
        if let Some(o) = self.lock().get_mut(&dom.uuid) {
            match op {
                Some(op) => o.job_progress = Some(JobProgress::start(op)),
                None => {
                    if let Some(mut j) = o.job_progress.take() {
                        j.finish(ok);
                        if ok {
                            done = Some(j.params());
                        }
                        o.last_job = Some(j);
                    }
                }
            }
        }
        if let Some(params) = done {
            self.emit(dom.clone(), DomainEventKind::JobCompleted { params });
        }
    }

    /// `virDomainSnapshotCreateXML`.
    pub(crate) async fn snapshot_create(
        self: &Arc<Self>,
        dom: &DomainRef,
        xml: &str,
        flags: u32,
    ) -> VirResult<DomainSnapshotRef> {
        use create_flags as f;
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            0x3ff,
            "virDomainSnapshotCreateXML",
        )?;
        let parse_flags = SnapshotParseFlags {
            redefine: flags & create_flags::REDEFINE != 0,
            internal: false,
            now: now_secs(),
        };
        let mut def = SnapshotDef::parse(xml, parse_flags)?;
        if def.name.contains('/') {
            return Err(snap_err(
                ErrorCode::InvalidArg,
                format!("invalid snapshot name '{}'", def.name),
            ));
        }
        let job = self.job_of(dom)?;
        let _g = job.lock().await;
        let ctx = self.snap_ctx(dom)?;
        let mut set = self.snapshots(&ctx.name);
        if flags & f::REDEFINE != 0 {
            if def.domain.is_none() {
                def.domain = Some(ctx.xml.clone());
            }
            def.current = false;
            set.snaps.retain(|s| s.name != def.name);
            set.write(&def)?;
            set.snaps.push(def.clone());
            if flags & f::CURRENT != 0 {
                set.set_current(Some(&def.name))?;
            }
            return Ok(DomainSnapshotRef {
                name: def.name,
                dom: dom.clone(),
            });
        }
        if set.get(&def.name).is_ok() {
            return Err(snap_err(
                ErrorCode::OperationInvalid,
                format!("snapshot '{}' already exists", def.name),
            ));
        }
        let disk_only = flags & f::DISK_ONLY != 0
            || (def.memory != SnapKind::External
                && def.disks.iter().any(|d| d.snapshot == SnapKind::External));
        let memory_file = match (&def.memory, &def.memory_file) {
            (SnapKind::External, Some(file)) => {
                if disk_only || !ctx.active {
                    return Err(snap_err(
                        ErrorCode::OperationUnsupported,
                        "memory state cannot be saved with offline or disk-only snapshot",
                    ));
                }
                if std::path::Path::new(file).exists() {
                    return Err(snap_err(
                        ErrorCode::OperationInvalid,
                        format!("external memory snapshot file '{file}' already exists"),
                    ));
                }
                Some(file.clone())
            }
            _ => None,
        };
        def.creation_time = now_secs();
        def.parent = set.current().map(|s| s.name.clone());
        def.domain = Some(ctx.xml.clone());
        self.snap_job(dom, Some(snapshot_op::SNAPSHOT), true);
        let quiesce = flags & f::QUIESCE != 0;
        if quiesce {
            if !disk_only {
                self.snap_job(dom, None, false);
                return Err(snap_err(
                    ErrorCode::OperationInvalid,
                    "quiesce requires disk-only",
                ));
            }
            if let Err(e) = self.agent_fs(dom, true, Vec::new()).await {
                self.snap_job(dom, None, false);
                return Err(e);
            }
        }
        let r = if let Some(file) = &memory_file {
            self.create_external_with_memory(&ctx, &mut def, file, flags)
                .await
        } else if disk_only {
            self.create_external(&ctx, &mut def, flags).await
        } else {
            self.create_internal(&ctx, &mut def).await
        };
        if quiesce {
            let _ = self.agent_fs(dom, false, Vec::new()).await;
        }
        self.snap_job(dom, None, r.is_ok());
        r?;
        if flags & f::NO_METADATA == 0 {
            set.write(&def)?;
            set.snaps.push(def.clone());
            set.set_current(Some(&def.name))?;
        }
        if flags & f::HALT != 0 && ctx.active {
            if let Some(vm) = &ctx.vm {
                *vm.stop_reason.lock().unwrap_or_else(|p| p.into_inner()) = Some((
                    super::snapshot_ops::SHUTOFF_FROM_SNAPSHOT,
                    super::snapshot_ops::STOPPED_FROM_SNAPSHOT,
                ));
                self.kill_vm(vm, true).await?;
            }
        }
        Ok(DomainSnapshotRef {
            name: def.name,
            dom: dom.clone(),
        })
    }

    /// The writable qcow2 disks an internal snapshot covers; others fail as libvirt does.
    pub(crate) fn internal_disks(ctx: &SnapCtx, def: &SnapshotDef) -> VirResult<Vec<DiskRef>> {
        let mut out = Vec::new();
        for d in ctx.disks.iter().filter(|d| !d.readonly && d.file.is_some()) {
            let excluded = def.disks.iter().any(|s| {
                (s.name == d.target || Some(&s.name) == d.file.as_ref())
                    && s.snapshot == SnapKind::No
            });
            if excluded {
                continue;
            }
            if d.format != "qcow2" {
                return Err(snap_err(
                    ErrorCode::ConfigUnsupported,
                    format!(
                        "internal snapshot for disk {} unsupported for storage type {}",
                        d.target, d.format
                    ),
                ));
            }
            out.push(d.clone());
        }
        Ok(out)
    }

    async fn create_internal(&self, ctx: &SnapCtx, def: &mut SnapshotDef) -> VirResult<()> {
        let disks = Self::internal_disks(ctx, def)?;
        def.disks = ctx
            .disks
            .iter()
            .filter(|d| !d.readonly && d.file.is_some())
            .map(|d| SnapDisk {
                name: d.target.clone(),
                snapshot: if disks.contains(d) {
                    SnapKind::Internal
                } else {
                    SnapKind::No
                },
                ..Default::default()
            })
            .collect();
        match (&ctx.vm, ctx.active) {
            (Some(vm), true) => {
                if disks.is_empty() {
                    return Err(snap_err(
                        ErrorCode::OperationUnsupported,
                        "internal snapshots of a running domain need a qcow2 disk",
                    ));
                }
                let mut nodes = Vec::new();
                for d in &disks {
                    let alias = d.alias.as_deref().unwrap_or(&d.target);
                    nodes.push(bd::node_of(&vm.qmp, alias).await?.0);
                }
                def.state = if ctx.state == st::PAUSED {
                    SnapshotState::Paused
                } else {
                    SnapshotState::Running
                };
                def.memory = SnapKind::Internal;
                self.run_qmp_job(
                    ctx.uuid,
                    &vm.qmp,
                    "snapshot-save",
                    json!({"tag": def.name, "vmstate": nodes[0], "devices": nodes}),
                )
                .await
            }
            _ => {
                def.state = SnapshotState::Shutoff;
                def.memory = SnapKind::No;
                for d in &disks {
                    if let Some(f) = &d.file {
                        bd::qemu_img(&["snapshot", "-c", &def.name, f]).await?;
                    }
                }
                Ok(())
            }
        }
    }

    /// An external snapshot with memory: pause, switch the disks to overlays, write the
    /// memory state, resume (the disks and memory both hold the paused instant).
    async fn create_external_with_memory(
        &self,
        ctx: &SnapCtx,
        def: &mut SnapshotDef,
        file: &str,
        flags: u32,
    ) -> VirResult<()> {
        let vm = ctx
            .vm
            .clone()
            .ok_or_else(|| snap_err(ErrorCode::OperationInvalid, "domain is not running"))?;
        let was_running = ctx.state == st::RUNNING;
        if was_running {
            vm.qmp.execute("stop", None, T).await.map_err(qmp_err)?;
        }
        let mut r = self.create_external(ctx, def, flags).await;
        if r.is_ok() {
            r = self.snapshot_memory_to_file(ctx, file, was_running).await;
        }
        if was_running && flags & create_flags::HALT == 0 {
            vm.qmp.execute("cont", None, T).await.map_err(qmp_err)?;
        }
        r?;
        def.memory = SnapKind::External;
        def.memory_file = Some(file.to_string());
        def.state = if was_running {
            SnapshotState::Running
        } else {
            SnapshotState::Paused
        };
        Ok(())
    }

    async fn create_external(
        &self,
        ctx: &SnapCtx,
        def: &mut SnapshotDef,
        flags: u32,
    ) -> VirResult<()> {
        let reuse = flags & create_flags::REUSE_EXT != 0;
        let mut plan: Vec<(DiskRef, String)> = Vec::new();
        let mut out_disks = Vec::new();
        for d in ctx.disks.iter().filter(|d| !d.readonly) {
            let Some(base) = &d.file else { continue };
            let user = def
                .disks
                .iter()
                .find(|s| s.name == d.target || Some(&s.name) == d.file.as_ref());
            if user.is_some_and(|u| u.snapshot == SnapKind::No) {
                out_disks.push(SnapDisk {
                    name: d.target.clone(),
                    snapshot: SnapKind::No,
                    ..Default::default()
                });
                continue;
            }
            let file = match user.and_then(|u| u.source.clone()) {
                Some(f) => f,
                None => {
                    let p = std::path::Path::new(base);
                    p.with_extension(&def.name).display().to_string()
                }
            };
            if !reuse && std::path::Path::new(&file).exists() {
                return Err(snap_err(
                    ErrorCode::OperationUnsupported,
                    format!(
                        "external snapshot file for disk {} already exists and is not a block device: {file}",
                        d.target
                    ),
                ));
            }
            out_disks.push(SnapDisk {
                name: d.target.clone(),
                snapshot: SnapKind::External,
                source_type: None,
                source: Some(file.clone()),
                driver_type: Some("qcow2".into()),
            });
            plan.push((d.clone(), file));
        }
        def.disks = out_disks;
        def.memory = SnapKind::No;
        def.state = SnapshotState::DiskSnapshot;
        if plan.is_empty() {
            return Err(snap_err(
                ErrorCode::InvalidArg,
                "disk-only snapshot requires at least one disk",
            ));
        }
        let live = ctx.active.then_some(ctx.vm.as_ref()).flatten();
        let mut created: Vec<String> = Vec::new();
        let mut actions = Vec::new();
        let mut added: Vec<String> = Vec::new();
        let res: VirResult<()> = async {
            for (d, file) in &plan {
                let base = d.file.as_deref().unwrap_or_default();
                if !reuse {
                    match live {
                        Some(vm) => {
                            let alias = d.alias.as_deref().unwrap_or(&d.target);
                            let (_, img) = bd::node_of(&vm.qmp, alias).await?;
                            let size = img["virtual-size"].as_u64().unwrap_or(0).to_string();
                            bd::qemu_img(&[
                                "create", "-q", "-f", "qcow2", "-F", &d.format, "-b", base, "-u",
                                file, &size,
                            ])
                            .await?;
                        }
                        None => {
                            bd::qemu_img(&[
                                "create", "-q", "-f", "qcow2", "-F", &d.format, "-b", base, file,
                            ])
                            .await?;
                        }
                    }
                    created.push(file.clone());
                }
                if let Some(vm) = live {
                    let alias = d.alias.as_deref().unwrap_or(&d.target);
                    let (node, _) = bd::node_of(&vm.qmp, alias).await?;
                    let (s, fm) = bd::add_nodes(&vm.qmp, file, "qcow2", true).await?;
                    added.push(fm.clone());
                    added.push(s);
                    actions.push(json!({"type": "blockdev-snapshot",
                        "data": {"node": node, "overlay": fm}}));
                }
            }
            if let Some(vm) = live {
                vm.qmp
                    .execute("transaction", Some(json!({"actions": actions})), T)
                    .await
                    .map_err(qmp_err)?;
            }
            Ok(())
        }
        .await;
        if let Err(e) = res {
            if let Some(vm) = live {
                bd::del_nodes(&vm.qmp, &added).await;
            }
            for f in created {
                let _ = std::fs::remove_file(f);
            }
            return Err(e);
        }
        // point the definitions at the overlays
        let paths = self.opts.paths.clone();
        if let Some(o) = self.lock().get_mut(&ctx.uuid) {
            for (d, file) in &plan {
                if let Some(l) = o.live.as_mut() {
                    if let Some(e) = bd::disk_elem_mut(l, &d.target) {
                        bd::push_overlay(e, file);
                    }
                }
                if let Some(e) = bd::disk_elem_mut(&mut o.def, &d.target) {
                    if e.child("source").and_then(|s| s.attr("file")) == d.file.as_deref() {
                        bd::push_overlay(e, file);
                    }
                }
            }
            if ctx.persistent {
                super::config::save_config(&paths, &o.def)?;
            }
            if o.state.is_active() {
                let _ = save_status(&paths, o);
            }
        }
        Ok(())
    }
}
