//! Block jobs (`virDomainBlockPull`, `…BlockRebase`, `…BlockCommit`, `…BlockCopy`,
//! `…BlockJobAbort`, `…GetBlockJobInfo`, `…BlockJobSetSpeed`, `…BlockResize`) over QEMU's
//! `block-stream`, `block-commit`, `blockdev-mirror`, and BLOCK_JOB events from QEMU's
//! BLOCK_JOB_COMPLETED/CANCELLED/READY.

use super::blockjob_disk::{self as bd, DiskRef, T};
use super::driver::{not_running, qmp_err, QemuDriver};
use super::object::VmProcess;
use rvirt_core::driver::BlockJobInfo;
use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_core::event::DomainEventKind;
use rvirt_core::handle::{DomainRef, Uuid};
use rvirt_core::typed_param::{TypedParam, TypedValue};
use rvirt_qmp::QmpEvent;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// `virDomainBlockJobType`.
pub mod job_kind {
    pub const PULL: i32 = 1;
    pub const COPY: i32 = 2;
    pub const COMMIT: i32 = 3;
    pub const ACTIVE_COMMIT: i32 = 4;
}
/// `virConnectDomainEventBlockJobStatus`.
pub mod job_status {
    pub const COMPLETED: i32 = 0;
    pub const FAILED: i32 = 1;
    pub const CANCELED: i32 = 2;
    pub const READY: i32 = 3;
}
/// `virDomainBlockJobAbortFlags`.
pub const ABORT_ASYNC: u32 = 1;
pub const ABORT_PIVOT: u32 = 2;
/// `virDomainBlockCommitFlags`.
pub const COMMIT_SHALLOW: u32 = 1;
pub const COMMIT_ACTIVE: u32 = 4;
pub const COMMIT_BANDWIDTH_BYTES: u32 = 16;
/// `virDomainBlockRebaseFlags`.
pub const REBASE_SHALLOW: u32 = 1;
pub const REBASE_REUSE_EXT: u32 = 2;
pub const REBASE_COPY_RAW: u32 = 4;
pub const REBASE_COPY: u32 = 8;
pub const REBASE_BANDWIDTH_BYTES: u32 = 64;
/// `virDomainBlockCopyFlags`.
pub const COPY_SHALLOW: u32 = 1;
pub const COPY_REUSE_EXT: u32 = 2;

/// What rvirt remembers about a running block job (keyed by QEMU pid and job id).
#[derive(Debug, Clone)]
struct JobRec {
    kind: i32,
    target: String,
    path: String,
    /// Nodes to drop when the job is cancelled (copy destination).
    on_cancel: Vec<String>,
    /// Nodes to drop after a pivot (the old source).
    on_pivot: Vec<String>,
    cancelling: bool,
    done: bool,
}

fn registry() -> &'static Mutex<HashMap<(i32, String), JobRec>> {
    static R: std::sync::OnceLock<Mutex<HashMap<(i32, String), JobRec>>> =
        std::sync::OnceLock::new();
    R.get_or_init(|| Mutex::new(HashMap::new()))
}

fn reg() -> std::sync::MutexGuard<'static, HashMap<(i32, String), JobRec>> {
    registry().lock().unwrap_or_else(|p| p.into_inner())
}

fn job_id(target: &str) -> String {
    format!("rvirt-job-{target}")
}

fn speed(bandwidth: u64, bytes: bool) -> u64 {
    if bytes {
        bandwidth
    } else {
        bandwidth.saturating_mul(1 << 20)
    }
}

fn block_err(msg: String) -> VirError {
    VirError::operation_invalid(ErrorDomain::Qemu, msg)
}

fn storage_of(node: &str) -> Option<String> {
    node.strip_suffix("-format").map(|b| format!("{b}-storage"))
}

impl QemuDriver {
    fn disk_live(&self, dom: &DomainRef, path: &str) -> VirResult<(Arc<VmProcess>, DiskRef)> {
        self.with_dom(dom, |o| {
            let vm = o.vm.clone().ok_or_else(not_running)?;
            let live = o.live.as_ref().ok_or_else(not_running)?;
            Ok((vm, bd::find_disk(live, path)?))
        })
    }

    fn begin(&self, vm: &VmProcess, d: &DiskRef, kind: i32) -> VirResult<String> {
        let id = job_id(&d.target);
        let mut r = reg();
        if r.get(&(vm.pid, id.clone())).is_some_and(|j| !j.done) {
            return Err(block_err(format!(
                "disk '{}' already in active block job",
                d.target
            )));
        }
        r.insert(
            (vm.pid, id.clone()),
            JobRec {
                kind,
                target: d.target.clone(),
                path: d.file.clone().unwrap_or_default(),
                on_cancel: Vec::new(),
                on_pivot: Vec::new(),
                cancelling: false,
                done: false,
            },
        );
        Ok(id)
    }

    async fn start_job(&self, vm: &VmProcess, id: &str, cmd: &str, args: Value) -> VirResult<()> {
        if let Err(e) = vm.qmp.execute(cmd, Some(args), T).await {
            reg().remove(&(vm.pid, id.to_string()));
            return Err(qmp_err(e));
        }
        Ok(())
    }

    /// `virDomainBlockPull` and the pull form of `virDomainBlockRebase`.
    pub(crate) async fn block_pull(
        &self,
        dom: &DomainRef,
        path: &str,
        base: Option<String>,
        bandwidth: u64,
        bytes: bool,
    ) -> VirResult<()> {
        let (vm, d) = self.disk_live(dom, path)?;
        let alias = d.alias.clone().unwrap_or_else(|| d.target.clone());
        let (node, _) = bd::node_of(&vm.qmp, &alias).await?;
        let id = self.begin(&vm, &d, job_kind::PULL)?;
        let mut a = json!({"job-id": id, "device": node, "speed": speed(bandwidth, bytes)});
        if let Some(b) = base {
            a["base"] = json!(b);
        }
        self.start_job(&vm, &id, "block-stream", a).await
    }

    /// `virDomainBlockRebase`: pull, or copy with `VIR_DOMAIN_BLOCK_REBASE_COPY`.
    pub(crate) async fn block_rebase(
        &self,
        dom: &DomainRef,
        path: &str,
        base: Option<String>,
        bandwidth: u64,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 0x7f, "virDomainBlockRebase")?;
        let bytes = flags & REBASE_BANDWIDTH_BYTES != 0;
        if flags & REBASE_COPY != 0 {
            let dest = base.ok_or_else(|| {
                VirError::invalid_arg(ErrorDomain::Qemu, "copy requires a destination")
            })?;
            let fmt = if flags & REBASE_COPY_RAW != 0 {
                "raw"
            } else {
                "qcow2"
            };
            let cflags = (flags & REBASE_SHALLOW) | (flags & REBASE_REUSE_EXT);
            return self
                .block_copy_to(dom, path, &dest, fmt, speed(bandwidth, bytes), cflags)
                .await;
        }
        self.block_pull(dom, path, base, bandwidth, bytes).await
    }

    /// `virDomainBlockCommit` (`VIR_DOMAIN_BLOCK_COMMIT_ACTIVE` for the active layer).
    pub(crate) async fn block_commit(
        &self,
        dom: &DomainRef,
        path: &str,
        base: Option<String>,
        top: Option<String>,
        bandwidth: u64,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 0x1f, "virDomainBlockCommit")?;
        let (vm, d) = self.disk_live(dom, path)?;
        let alias = d.alias.clone().unwrap_or_else(|| d.target.clone());
        let (node, img) = bd::node_of(&vm.qmp, &alias).await?;
        let chain = bd::chain_files(&img);
        if chain.len() < 2 {
            return Err(block_err(format!(
                "top '{}' in chain for '{}' has no backing file",
                chain.first().map_or("", |c| c.0.as_str()),
                d.target
            )));
        }
        let top_file = top.clone().unwrap_or_else(|| chain[0].0.clone());
        let top_idx = chain.iter().position(|c| c.0 == top_file).ok_or_else(|| {
            VirError::invalid_arg(
                ErrorDomain::Qemu,
                format!("could not find image '{top_file}' in chain for '{path}'"),
            )
        })?;
        let active = top_idx == 0;
        if active && flags & COMMIT_ACTIVE == 0 {
            return Err(VirError::invalid_arg(
                ErrorDomain::Qemu,
                format!("commit of '{}' active layer requires active flag", d.target),
            ));
        }
        let base_file = if flags & COMMIT_SHALLOW != 0 {
            chain.get(top_idx + 1).map(|c| c.0.clone())
        } else {
            base
        };
        let kind = if active {
            job_kind::ACTIVE_COMMIT
        } else {
            job_kind::COMMIT
        };
        let id = self.begin(&vm, &d, kind)?;
        let mut a = json!({"job-id": id, "device": node,
            "speed": speed(bandwidth, flags & COMMIT_BANDWIDTH_BYTES != 0)});
        if !active {
            a["top"] = json!(top_file);
        }
        if let Some(b) = base_file {
            a["base"] = json!(b);
        }
        if active {
            if let Some(r) = reg().get_mut(&(vm.pid, id.clone())) {
                r.on_pivot = vec![node.clone()];
                r.on_pivot.extend(storage_of(&node));
            }
        }
        self.start_job(&vm, &id, "block-commit", a).await
    }

    /// `virDomainBlockCopy`: mirror to `<disk>` XML's source file.
    pub(crate) async fn block_copy(
        &self,
        dom: &DomainRef,
        path: &str,
        destxml: &str,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 0xf, "virDomainBlockCopy")?;
        let doc = roxmltree::Document::parse(destxml).map_err(|e| {
            VirError::new(
                rvirt_core::error::ErrorCode::XmlError,
                ErrorDomain::Domain,
                format!("(disk_definition): {e}"),
            )
        })?;
        let root = doc.root_element();
        let file = root
            .children()
            .find(|c| c.has_tag_name("source"))
            .and_then(|s| s.attribute("file").or(s.attribute("dev")))
            .ok_or_else(|| {
                VirError::invalid_arg(ErrorDomain::Qemu, "destination has no source file")
            })?
            .to_string();
        let fmt = root
            .children()
            .find(|c| c.has_tag_name("driver"))
            .and_then(|d| d.attribute("type"))
            .unwrap_or("raw")
            .to_string();
        let mut bw = 0;
        for p in &params {
            if p.field == "bandwidth" {
                if let TypedValue::ULLong(v) = p.value {
                    bw = v;
                }
            }
        }
        self.block_copy_to(
            dom,
            path,
            &file,
            &fmt,
            bw,
            flags & (COPY_SHALLOW | COPY_REUSE_EXT),
        )
        .await
    }

    async fn block_copy_to(
        &self,
        dom: &DomainRef,
        path: &str,
        dest: &str,
        fmt: &str,
        speed_bytes: u64,
        flags: u32,
    ) -> VirResult<()> {
        let (vm, d) = self.disk_live(dom, path)?;
        let alias = d.alias.clone().unwrap_or_else(|| d.target.clone());
        let (node, img) = bd::node_of(&vm.qmp, &alias).await?;
        let shallow = flags & COPY_SHALLOW != 0;
        let chain = bd::chain_files(&img);
        if flags & COPY_REUSE_EXT == 0 {
            if std::path::Path::new(dest).exists() {
                return Err(block_err(format!(
                    "destination file '{dest}' already exists; use reuse-external"
                )));
            }
            let size = img["virtual-size"].as_u64().unwrap_or(0).to_string();
            match chain.get(1).filter(|_| shallow && fmt == "qcow2") {
                Some((b, bf)) => {
                    bd::qemu_img(&[
                        "create", "-q", "-f", fmt, "-F", bf, "-b", b, "-u", dest, &size,
                    ])
                    .await?
                }
                None => bd::qemu_img(&["create", "-q", "-f", fmt, dest, &size]).await?,
            };
        }
        let id = self.begin(&vm, &d, job_kind::COPY)?;
        let (st, fm) = match bd::add_nodes(&vm.qmp, dest, fmt, !shallow).await {
            Ok(n) => n,
            Err(e) => {
                reg().remove(&(vm.pid, id));
                return Err(e);
            }
        };
        if let Some(r) = reg().get_mut(&(vm.pid, id.clone())) {
            r.on_cancel = vec![fm.clone(), st.clone()];
            r.on_pivot = vec![node.clone()];
            r.on_pivot.extend(storage_of(&node));
        }
        let a = json!({"job-id": id, "device": node, "target": fm,
            "sync": if shallow { "top" } else { "full" }, "speed": speed_bytes});
        if let Err(e) = self.start_job(&vm, &id, "blockdev-mirror", a).await {
            bd::del_nodes(&vm.qmp, &[fm, st]).await;
            return Err(e);
        }
        Ok(())
    }

    /// `virDomainGetBlockJobInfo` (flags: BANDWIDTH_BYTES 1).
    pub(crate) async fn block_job_info(
        &self,
        dom: &DomainRef,
        path: &str,
        flags: u32,
    ) -> VirResult<Option<BlockJobInfo>> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 1, "virDomainGetBlockJobInfo")?;
        let (vm, d) = self.disk_live(dom, path)?;
        let id = job_id(&d.target);
        let v = vm
            .qmp
            .execute("query-block-jobs", None, T)
            .await
            .map_err(qmp_err)?;
        let Some(j) = v
            .as_array()
            .and_then(|a| a.iter().find(|j| j["device"].as_str() == Some(id.as_str())))
        else {
            return Ok(None);
        };
        let kind = reg().get(&(vm.pid, id.clone())).map_or(0, |r| r.kind);
        let sp = j["speed"].as_u64().unwrap_or(0);
        Ok(Some(BlockJobInfo {
            job_type: kind,
            bandwidth: if flags & 1 != 0 { sp } else { sp >> 20 },
            cur: j["offset"].as_u64().unwrap_or(0),
            end: j["len"].as_u64().unwrap_or(0),
        }))
    }

    /// `virDomainBlockJobSetSpeed` (flags: BANDWIDTH_BYTES 1).
    pub(crate) async fn block_job_set_speed(
        &self,
        dom: &DomainRef,
        path: &str,
        bandwidth: u64,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 1, "virDomainBlockJobSetSpeed")?;
        let (vm, d) = self.disk_live(dom, path)?;
        vm.qmp
            .execute(
                "block-job-set-speed",
                Some(
                    json!({"device": job_id(&d.target), "speed": speed(bandwidth, flags & 1 != 0)}),
                ),
                T,
            )
            .await
            .map_err(qmp_err)?;
        Ok(())
    }

    /// `virDomainBlockJobAbort` (ASYNC 1, PIVOT 2).
    pub(crate) async fn block_job_abort(
        &self,
        dom: &DomainRef,
        path: &str,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 3, "virDomainBlockJobAbort")?;
        let (vm, d) = self.disk_live(dom, path)?;
        let id = job_id(&d.target);
        let key = (vm.pid, id.clone());
        if reg().get(&key).is_none_or(|r| r.done) {
            return Err(block_err(format!(
                "disk '{}' does not have an active block job",
                d.target
            )));
        }
        if flags & ABORT_PIVOT != 0 {
            vm.qmp
                .execute("job-complete", Some(json!({"id": id})), T)
                .await
                .map_err(qmp_err)?;
        } else {
            if let Some(r) = reg().get_mut(&key) {
                r.cancelling = true;
            }
            vm.qmp
                .execute(
                    "block-job-cancel",
                    Some(json!({"device": id, "force": true})),
                    T,
                )
                .await
                .map_err(qmp_err)?;
        }
        if flags & ABORT_ASYNC != 0 {
            return Ok(());
        }
        let end = std::time::Instant::now() + Duration::from_secs(60);
        while std::time::Instant::now() < end {
            if reg().get(&key).is_none_or(|r| r.done) {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        Err(block_err(format!(
            "block job on '{}' did not finish",
            d.target
        )))
    }

    /// `virDomainBlockResize` (flags: BYTES 1, else KiB).
    pub(crate) async fn block_resize(
        &self,
        dom: &DomainRef,
        path: &str,
        size: u64,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 1, "virDomainBlockResize")?;
        let bytes = if flags & 1 != 0 {
            size
        } else {
            size.saturating_mul(1024)
        };
        let (vm, d) = self.disk_live(dom, path)?;
        let alias = d.alias.clone().unwrap_or_else(|| d.target.clone());
        let (node, _) = bd::node_of(&vm.qmp, &alias).await?;
        vm.qmp
            .execute(
                "block_resize",
                Some(json!({"node-name": node, "size": bytes})),
                T,
            )
            .await
            .map_err(qmp_err)?;
        Ok(())
    }

    /// Turns QEMU's BLOCK_JOB_* events into BLOCK_JOB / BLOCK_JOB_2 and updates the live XML.
    pub(crate) fn on_block_job_event(
        self: &Arc<Self>,
        uuid: Uuid,
        vm: &Arc<VmProcess>,
        ev: &QmpEvent,
    ) {
        let Some(id) = ev.data["device"].as_str().map(str::to_string) else {
            return;
        };
        let key = (vm.pid, id);
        let Some(rec) = reg().get(&key).cloned() else {
            return;
        };
        let status = match ev.event.as_str() {
            "BLOCK_JOB_READY" => job_status::READY,
            "BLOCK_JOB_CANCELLED" => job_status::CANCELED,
            "BLOCK_JOB_COMPLETED" if ev.data.get("error").is_some() => job_status::FAILED,
            "BLOCK_JOB_COMPLETED" if rec.cancelling => job_status::CANCELED,
            "BLOCK_JOB_COMPLETED" => job_status::COMPLETED,
            _ => return,
        };
        let drv = self.clone();
        let vm = vm.clone();
        tokio::spawn(async move {
            if status != job_status::READY {
                if status == job_status::COMPLETED {
                    if !rec.on_pivot.is_empty() {
                        bd::del_nodes(&vm.qmp, &rec.on_pivot).await;
                    }
                    drv.refresh_chain(uuid, &vm, &rec.target, &rec.path).await;
                } else {
                    bd::del_nodes(&vm.qmp, &rec.on_cancel).await;
                }
                if let Some(r) = reg().get_mut(&key) {
                    r.done = true;
                }
            }
            let h = drv.lock().get(&uuid).map(|o| o.handle());
            if let Some(h) = h {
                for (disk, by_path) in [(rec.path.clone(), true), (rec.target.clone(), false)] {
                    drv.emit(
                        h.clone(),
                        DomainEventKind::BlockJob {
                            disk,
                            job_type: rec.kind,
                            status,
                            by_path,
                        },
                    );
                }
            }
        });
    }

    /// Re-reads a disk's image chain from QEMU into the live (and matching persistent) XML.
    async fn refresh_chain(&self, uuid: Uuid, vm: &VmProcess, target: &str, old: &str) {
        let alias = self.lock().get(&uuid).and_then(|o| {
            o.live
                .as_ref()
                .and_then(|l| bd::find_disk(l, target).ok())
                .and_then(|d| d.alias)
        });
        let Some(alias) = alias else { return };
        let Ok((_, img)) = bd::node_of(&vm.qmp, &alias).await else {
            return;
        };
        let paths = self.opts.paths.clone();
        if let Some(o) = self.lock().get_mut(&uuid) {
            if let Some(e) = o.live.as_mut().and_then(|l| bd::disk_elem_mut(l, target)) {
                bd::apply_chain(e, &img);
            }
            let persistent = o.persistent;
            if let Some(e) = bd::disk_elem_mut(&mut o.def, target) {
                if e.child("source").and_then(|s| s.attr("file")) == Some(old) {
                    bd::apply_chain(e, &img);
                    if persistent {
                        let _ = super::config::save_config(&paths, &o.def);
                    }
                }
            }
            let _ = super::status::save_status(&paths, o);
        }
    }
}
