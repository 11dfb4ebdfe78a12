//! Reverting to and deleting external snapshots (libvirt 9.0's `qemuSnapshotRevertExternal*`
//! and `qemuSnapshotDeleteExternal*`) for the domain's file disks; a snapshot with memory is
//! resumed from its memory file (`restore_locked`, as `virDomainRestore`).
//!
//! Revert: the guest is stopped, each external disk gets a new qcow2 overlay on top of the
//! image the snapshot froze (the disk source recorded in the snapshot's `<domain>`), and the
//! definition points at it. Delete: when the snapshot's overlay (or the overlay a revert to it
//! made) is the top of the disk, it is merged into its backing image — `qemu-img commit` for a
//! shut-off domain, active `block-commit` + pivot for a running one — and the disk points
//! back at that image; otherwise only the metadata can go (`--metadata`).

use super::blockjob_disk as bd;
use super::driver::QemuDriver;
use super::snapshot::snap_err;
use super::snapshot_ops::{
    REVERT_PAUSED, REVERT_RUNNING, SHUTOFF_FROM_SNAPSHOT, STOPPED_FROM_SNAPSHOT,
};
use rvirt_conf::domain::{DomainDef, Element, ParseOptions};
use rvirt_conf::snapshot::{SnapshotDef, SnapshotLocation, SnapshotState};
use rvirt_core::error::{ErrorCode, VirResult};
use rvirt_core::handle::DomainRef;
use std::sync::Arc;

/// The `<disk>` element for `target` in the snapshot's recorded domain XML.
fn recorded_disk(s: &SnapshotDef, target: &str) -> VirResult<Element> {
    let xml = s.domain.as_deref().ok_or_else(|| {
        snap_err(
            ErrorCode::Other(81),
            format!("snapshot '{}' lacks domain rollback info", s.name),
        )
    })?;
    let mut def = DomainDef::parse(xml, &ParseOptions::default())?;
    bd::disk_elem_mut(&mut def, target).cloned().ok_or_else(|| {
        snap_err(
            ErrorCode::OperationInvalid,
            format!(
                "disk '{target}' of snapshot '{}' is not in its domain",
                s.name
            ),
        )
    })
}

fn attr_of(e: &Element, child: &str, attr: &str) -> Option<String> {
    e.child(child)
        .and_then(|c| c.attr(attr))
        .map(str::to_string)
}

impl QemuDriver {
    /// `virDomainRevertToSnapshot` for an external snapshot (disk-only or with memory).
    pub(crate) async fn revert_external(
        self: &Arc<Self>,
        ctx: &super::snapshot::SnapCtx,
        s: &SnapshotDef,
        flags: u32,
    ) -> VirResult<()> {
        let memory = match (&s.memory, &s.memory_file) {
            (SnapshotLocation::External, Some(f)) if s.state.is_active() => {
                if !std::path::Path::new(f).exists() {
                    return Err(snap_err(
                        ErrorCode::OperationInvalid,
                        format!(
                            "memory snapshot file '{f}' of snapshot '{}' is missing",
                            s.name
                        ),
                    ));
                }
                Some(f.clone())
            }
            _ => None,
        };
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        // plan first (nothing changes if the snapshot's data is unusable)
        let mut plan: Vec<(String, Element, String)> = Vec::new();
        for d in s
            .disks
            .iter()
            .filter(|d| d.snapshot == SnapshotLocation::External)
        {
            let e = recorded_disk(s, &d.name)?;
            let Some(base) = attr_of(&e, "source", "file") else {
                return Err(snap_err(
                    ErrorCode::OperationUnsupported,
                    format!("revert of non-file disk '{}' is not supported", d.name),
                ));
            };
            // the snapshot's own overlay is reused when it is the disk's top image (the
            // changes since the snapshot are discarded) or gone; else a fresh file is made
            let top = ctx
                .disks
                .iter()
                .find(|c| c.target == d.name)
                .and_then(|c| c.file.clone());
            let overlay = match &d.source {
                Some(o) if top.as_ref() == Some(o) || !std::path::Path::new(o).exists() => {
                    o.clone()
                }
                Some(o) => format!("{o}.revert-{stamp}"),
                None => format!("{base}.{}-revert-{stamp}", s.name),
            };
            plan.push((d.name.clone(), e, overlay));
        }
        if ctx.active {
            if let Some(vm) = &ctx.vm {
                *vm.stop_reason.lock().unwrap_or_else(|p| p.into_inner()) =
                    Some((SHUTOFF_FROM_SNAPSHOT, STOPPED_FROM_SNAPSHOT));
                self.kill_vm(vm, true).await?;
            }
        }
        let mut created = Vec::new();
        for (_, e, overlay) in &plan {
            let base = attr_of(e, "source", "file").unwrap_or_default();
            let fmt = attr_of(e, "driver", "type").unwrap_or_else(|| "raw".into());
            let args = [
                "create", "-q", "-f", "qcow2", "-F", &fmt, "-b", &base, overlay,
            ];
            let r = bd::qemu_img(&args).await;
            if let Err(err) = r {
                for f in &created {
                    let _ = std::fs::remove_file(f);
                }
                return Err(err);
            }
            created.push(overlay.clone());
        }
        let paths = self.opts.paths.clone();
        if let Some(o) = self.lock().get_mut(&ctx.uuid) {
            for (target, e, overlay) in &plan {
                if let Some(cur) = bd::disk_elem_mut(&mut o.def, target) {
                    *cur = e.clone();
                    bd::push_overlay(cur, overlay);
                }
            }
            if ctx.persistent {
                super::config::save_config(&paths, &o.def)?;
            }
        }
        if let Some(file) = memory {
            let def = self
                .lock()
                .get(&ctx.uuid)
                .map(|o| o.def.clone())
                .ok_or_else(|| snap_err(ErrorCode::NoDomain, "domain went away"))?;
            let run = flags & REVERT_RUNNING != 0
                || (flags & REVERT_PAUSED == 0 && s.state == SnapshotState::Running);
            // boxed: the start future is large and the revert nests it deeply
            Box::pin(self.restore_locked(ctx.uuid, std::path::Path::new(&file), def, run)).await?;
            return Ok(());
        }
        if flags & (REVERT_RUNNING | REVERT_PAUSED) != 0 {
            Box::pin(self.start_domain(ctx.uuid, flags & REVERT_PAUSED != 0)).await?;
        }
        Ok(())
    }

    /// Before an internal revert: when the domain's disks no longer are the images the
    /// snapshot was taken on (external snapshots were made or reverted to since), the guest
    /// is stopped and the disks are pointed back at the recorded images. True if so.
    pub(crate) async fn restore_recorded_disks(
        &self,
        ctx: &super::snapshot::SnapCtx,
        s: &SnapshotDef,
    ) -> VirResult<bool> {
        if s.domain.is_none() {
            return Ok(false);
        }
        let mut swap: Vec<(String, Element)> = Vec::new();
        for d in s
            .disks
            .iter()
            .filter(|d| d.snapshot == SnapshotLocation::Internal)
        {
            let e = recorded_disk(s, &d.name)?;
            let top = ctx
                .disks
                .iter()
                .find(|c| c.target == d.name)
                .and_then(|c| c.file.clone());
            if attr_of(&e, "source", "file").is_some() && attr_of(&e, "source", "file") != top {
                swap.push((d.name.clone(), e));
            }
        }
        if swap.is_empty() {
            return Ok(false);
        }
        if ctx.active {
            if let Some(vm) = &ctx.vm {
                *vm.stop_reason.lock().unwrap_or_else(|p| p.into_inner()) =
                    Some((SHUTOFF_FROM_SNAPSHOT, STOPPED_FROM_SNAPSHOT));
                self.kill_vm(vm, true).await?;
            }
        }
        let paths = self.opts.paths.clone();
        if let Some(o) = self.lock().get_mut(&ctx.uuid) {
            for (target, e) in &swap {
                if let Some(cur) = bd::disk_elem_mut(&mut o.def, target) {
                    *cur = e.clone();
                }
            }
            if ctx.persistent {
                super::config::save_config(&paths, &o.def)?;
            }
        }
        Ok(true)
    }

    /// `virDomainSnapshotDelete` (not metadata-only) of an external snapshot: merges each
    /// overlay that is the top of a shut-off domain's disk into its backing image.
    pub(crate) async fn delete_external(
        &self,
        dom: &DomainRef,
        ctx: &super::snapshot::SnapCtx,
        s: &SnapshotDef,
    ) -> VirResult<()> {
        let mut plan: Vec<(String, String, Element)> = Vec::new();
        for d in s
            .disks
            .iter()
            .filter(|d| d.snapshot == SnapshotLocation::External)
        {
            let Some(overlay) = &d.source else { continue };
            let top = ctx
                .disks
                .iter()
                .find(|c| c.target == d.name)
                .and_then(|t| t.file.clone());
            // the snapshot's overlay, or the fresh overlay a revert to it put in its place
            let revert_prefix = format!("{overlay}.revert-");
            let Some(top) = top.filter(|t| t == overlay || t.starts_with(&revert_prefix)) else {
                return Err(snap_err(
                    ErrorCode::OperationUnsupported,
                    format!(
                        "snapshot '{}' disk '{}' is not the current top image; delete it with --metadata",
                        s.name, d.name
                    ),
                ));
            };
            plan.push((d.name.clone(), top, recorded_disk(s, &d.name)?));
        }
        if ctx.active && !plan.is_empty() {
            for (target, top, _) in &plan {
                self.commit_active_layer(dom, target, top).await?;
            }
            for (_, top, _) in &plan {
                let _ = std::fs::remove_file(top);
            }
            self.remove_memory_file(s);
            return Ok(());
        }
        for (_, overlay, _) in &plan {
            bd::qemu_img(&["commit", "-q", overlay]).await?;
        }
        let paths = self.opts.paths.clone();
        if let Some(o) = self.lock().get_mut(&ctx.uuid) {
            for (target, _, e) in &plan {
                if let Some(cur) = bd::disk_elem_mut(&mut o.def, target) {
                    *cur = e.clone();
                }
            }
            if ctx.persistent {
                super::config::save_config(&paths, &o.def)?;
            }
        }
        for (_, overlay, _) in &plan {
            let _ = std::fs::remove_file(overlay);
        }
        self.remove_memory_file(s);
        Ok(())
    }

    fn remove_memory_file(&self, s: &SnapshotDef) {
        if s.memory == SnapshotLocation::External {
            if let Some(f) = &s.memory_file {
                let _ = std::fs::remove_file(f);
            }
        }
    }

    /// Merges a running disk's top image into its backing image (active `block-commit`, then
    /// pivot), as libvirt does when deleting the current external snapshot of a live guest.
    async fn commit_active_layer(&self, dom: &DomainRef, target: &str, top: &str) -> VirResult<()> {
        use super::blockjob::{ABORT_PIVOT, COMMIT_ACTIVE, COMMIT_SHALLOW};
        self.block_commit(dom, target, None, None, 0, COMMIT_ACTIVE | COMMIT_SHALLOW)
            .await?;
        let end = std::time::Instant::now() + std::time::Duration::from_secs(600);
        loop {
            // the pivot is refused until the job is ready (source and base in sync)
            match self.block_job_abort(dom, target, ABORT_PIVOT).await {
                Ok(()) => break,
                Err(e) if std::time::Instant::now() > end => return Err(e),
                Err(_) => tokio::time::sleep(std::time::Duration::from_millis(100)).await,
            }
        }
        let still = self
            .snap_ctx(dom)?
            .disks
            .iter()
            .any(|d| d.target == target && d.file.as_deref() == Some(top));
        if still {
            return Err(snap_err(
                ErrorCode::OperationFailed,
                format!("disk '{target}' still uses '{top}' after the commit"),
            ));
        }
        Ok(())
    }
}
