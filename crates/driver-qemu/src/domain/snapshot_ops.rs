//! Snapshot tree queries, `virDomainRevertToSnapshot` and `virDomainSnapshotDelete` for the
//! QEMU driver.

use super::blockjob_disk as bd;
use super::driver::{qmp_err, QemuDriver};
use super::snapshot::{snap_err, snapshot_op};
use super::snapshot_store::{list_flags, no_snapshot};
use super::state::StateReason;
use rvirt_conf::snapshot::{SnapshotDef, SnapshotState};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::event::lifecycle;
use rvirt_core::handle::{DomainRef, DomainSnapshotRef};
use rvirt_core::info::domain_state as st;
use serde_json::json;
use std::sync::Arc;

/// `virDomainSnapshotRevertFlags`.
pub const REVERT_RUNNING: u32 = 1;
pub const REVERT_PAUSED: u32 = 2;
/// `virDomainSnapshotDeleteFlags`.
pub const DELETE_CHILDREN: u32 = 1;
pub const DELETE_METADATA_ONLY: u32 = 2;
pub const DELETE_CHILDREN_ONLY: u32 = 4;

/// FROM_SNAPSHOT reasons and event details.
pub const RUNNING_FROM_SNAPSHOT: i32 = 4;
pub const PAUSED_FROM_SNAPSHOT: i32 = 7;
pub const SHUTOFF_FROM_SNAPSHOT: i32 = 7;
pub const STARTED_FROM_SNAPSHOT: i32 = 3;
pub const SUSPENDED_FROM_SNAPSHOT: i32 = 5;
pub const RESUMED_FROM_SNAPSHOT: i32 = 2;
pub const STOPPED_FROM_SNAPSHOT: i32 = 6;

fn sref(dom: &DomainRef, s: &SnapshotDef) -> DomainSnapshotRef {
    DomainSnapshotRef {
        name: s.name.clone(),
        dom: dom.clone(),
    }
}

impl QemuDriver {
    fn dom_name(&self, dom: &DomainRef) -> VirResult<String> {
        self.with_dom(dom, |o| Ok(o.name().to_string()))
    }

    /// `virDomainSnapshotGetXMLDesc`.
    pub(crate) fn snapshot_xml(&self, snap: &DomainSnapshotRef, flags: u32) -> VirResult<String> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 1, "virDomainSnapshotGetXMLDesc")?;
        let set = self.snapshots(&self.dom_name(&snap.dom)?);
        Ok(set
            .get(&snap.name)?
            .format(rvirt_conf::snapshot::SnapshotFormatFlags::default()))
    }

    /// `virDomainListAllSnapshots`.
    pub(crate) fn snapshot_list(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<DomainSnapshotRef>> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            list_flags::ALL,
            "virDomainListAllSnapshots",
        )?;
        let set = self.snapshots(&self.dom_name(dom)?);
        Ok(set.list(flags).into_iter().map(|s| sref(dom, s)).collect())
    }

    /// `virDomainSnapshotListAllChildren`.
    pub(crate) fn snapshot_children(
        &self,
        snap: &DomainSnapshotRef,
        flags: u32,
    ) -> VirResult<Vec<DomainSnapshotRef>> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            list_flags::ALL,
            "virDomainSnapshotListAllChildren",
        )?;
        let set = self.snapshots(&self.dom_name(&snap.dom)?);
        set.get(&snap.name)?;
        let cands = if flags & list_flags::DESCENDANTS != 0 {
            set.descendants(&snap.name)
        } else {
            set.children(&snap.name)
        };
        Ok(set
            .filter(cands, flags & !list_flags::DESCENDANTS)
            .into_iter()
            .map(|s| sref(&snap.dom, s))
            .collect())
    }

    /// `virDomainSnapshotLookupByName`.
    pub(crate) fn snapshot_lookup(
        &self,
        dom: &DomainRef,
        name: &str,
    ) -> VirResult<DomainSnapshotRef> {
        let set = self.snapshots(&self.dom_name(dom)?);
        Ok(sref(dom, set.get(name)?))
    }

    /// `virDomainSnapshotCurrent` (`None`: no current snapshot).
    pub(crate) fn snapshot_current(&self, dom: &DomainRef) -> VirResult<Option<DomainSnapshotRef>> {
        let set = self.snapshots(&self.dom_name(dom)?);
        Ok(set.current().map(|s| sref(dom, s)))
    }

    /// `virDomainSnapshotGetParent`.
    pub(crate) fn snapshot_parent(&self, snap: &DomainSnapshotRef) -> VirResult<DomainSnapshotRef> {
        let set = self.snapshots(&self.dom_name(&snap.dom)?);
        match &set.get(&snap.name)?.parent {
            Some(p) => Ok(DomainSnapshotRef {
                name: p.clone(),
                dom: snap.dom.clone(),
            }),
            None => Err(snap_err(
                ErrorCode::NoDomainSnapshot,
                format!("snapshot '{}' does not have a parent", snap.name),
            )),
        }
    }

    /// Number of snapshots with metadata (undefine refuses when non-zero).
    pub fn snapshot_count(&self, dom: &DomainRef) -> VirResult<usize> {
        Ok(self.snapshots(&self.dom_name(dom)?).snaps.len())
    }

    /// Drops a domain's snapshot metadata (undefine with SNAPSHOTS_METADATA).
    pub fn snapshot_remove_all(&self, dom: &DomainRef) -> VirResult<()> {
        self.snapshots(&self.dom_name(dom)?).remove_all();
        Ok(())
    }

    /// `virDomainRevertToSnapshot`.
    pub(crate) async fn snapshot_revert(
        self: &Arc<Self>,
        snap: &DomainSnapshotRef,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 0xf, "virDomainRevertToSnapshot")?;
        if flags & REVERT_RUNNING != 0 && flags & REVERT_PAUSED != 0 {
            return Err(VirError::invalid_arg(
                ErrorDomain::Qemu,
                "flags 'running' and 'paused' are mutually exclusive",
            ));
        }
        let dom = &snap.dom;
        let job = self.job_of(dom)?;
        let _g = job.lock().await;
        let ctx = self.snap_ctx(dom)?;
        let mut set = self.snapshots(&ctx.name);
        let s = set.get(&snap.name)?.clone();
        self.snap_job(dom, Some(snapshot_op::SNAPSHOT_REVERT), true);
        let r = if s.is_external() {
            self.revert_external(&ctx, &s, flags).await
        } else {
            match self.restore_recorded_disks(&ctx, &s).await {
                Ok(true) => match self.snap_ctx(dom) {
                    Ok(fresh) => self.revert_internal(dom, &fresh, &s, flags).await,
                    Err(e) => Err(e),
                },
                Ok(false) => self.revert_internal(dom, &ctx, &s, flags).await,
                Err(e) => Err(e),
            }
        };
        self.snap_job(dom, None, r.is_ok());
        r?;
        set.set_current(Some(&s.name))
    }

    async fn revert_internal(
        self: &Arc<Self>,
        dom: &DomainRef,
        ctx: &super::snapshot::SnapCtx,
        s: &SnapshotDef,
        flags: u32,
    ) -> VirResult<()> {
        let disks = Self::internal_disks(ctx, s)?;
        if matches!(s.state, SnapshotState::Running | SnapshotState::Paused) {
            let was_active = ctx.active;
            if !was_active {
                Box::pin(self.start_domain(ctx.uuid, true)).await?;
            }
            let vm = self.vm_of(dom)?;
            if was_active && ctx.state == st::RUNNING {
                vm.qmp.execute("stop", None, bd::T).await.map_err(qmp_err)?;
            }
            let cur = self.snap_ctx(dom)?;
            let mut nodes = Vec::new();
            for d in Self::internal_disks(&cur, s)? {
                let alias = d.alias.as_deref().unwrap_or(&d.target);
                nodes.push(bd::node_of(&vm.qmp, alias).await?.0);
            }
            let Some(first) = nodes.first().cloned() else {
                return Err(snap_err(
                    ErrorCode::OperationInvalid,
                    "snapshot has no qcow2 disk to load from",
                ));
            };
            self.run_qmp_job(
                ctx.uuid,
                &vm.qmp,
                "snapshot-load",
                json!({"tag": s.name, "vmstate": first, "devices": nodes}),
            )
            .await?;
            let run = flags & REVERT_RUNNING != 0
                || (flags & REVERT_PAUSED == 0 && s.state == SnapshotState::Running);
            if run {
                vm.qmp.execute("cont", None, bd::T).await.map_err(qmp_err)?;
            }
            let (to, ev, det) = match (run, was_active) {
                (true, false) => (
                    StateReason::new(st::RUNNING, RUNNING_FROM_SNAPSHOT),
                    lifecycle::STARTED,
                    STARTED_FROM_SNAPSHOT,
                ),
                (true, true) => (
                    StateReason::new(st::RUNNING, RUNNING_FROM_SNAPSHOT),
                    lifecycle::RESUMED,
                    RESUMED_FROM_SNAPSHOT,
                ),
                (false, _) => (
                    StateReason::new(st::PAUSED, PAUSED_FROM_SNAPSHOT),
                    lifecycle::SUSPENDED,
                    SUSPENDED_FROM_SNAPSHOT,
                ),
            };
            let h = self.with_dom(dom, |o| {
                QemuDriver::set_state(o, to)?;
                let _ = super::status::save_status(&self.opts.paths, o);
                Ok(o.handle())
            })?;
            self.emit_lifecycle(h, ev, det);
            return Ok(());
        }
        // a shut-off snapshot: stop the guest, revert the disk files
        if ctx.active {
            if let Some(vm) = &ctx.vm {
                *vm.stop_reason.lock().unwrap_or_else(|p| p.into_inner()) =
                    Some((SHUTOFF_FROM_SNAPSHOT, STOPPED_FROM_SNAPSHOT));
                self.kill_vm(vm, true).await?;
            }
        }
        for d in &disks {
            if let Some(f) = &d.file {
                bd::qemu_img(&["snapshot", "-a", &s.name, f]).await?;
            }
        }
        if flags & (REVERT_RUNNING | REVERT_PAUSED) != 0 {
            let paused = flags & REVERT_PAUSED != 0;
            Box::pin(self.start_domain(ctx.uuid, paused)).await?;
        }
        Ok(())
    }

    /// `virDomainSnapshotDelete`.
    pub(crate) async fn snapshot_delete(
        &self,
        snap: &DomainSnapshotRef,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 7, "virDomainSnapshotDelete")?;
        let dom = &snap.dom;
        let job = self.job_of(dom)?;
        let _g = job.lock().await;
        let ctx = self.snap_ctx(dom)?;
        let mut set = self.snapshots(&ctx.name);
        let s = set.get(&snap.name)?.clone();
        let mut victims: Vec<SnapshotDef> = Vec::new();
        if flags & (DELETE_CHILDREN | DELETE_CHILDREN_ONLY) != 0 {
            victims.extend(set.descendants(&s.name).into_iter().cloned());
            victims.reverse();
        }
        if flags & DELETE_CHILDREN_ONLY == 0 {
            victims.push(s.clone());
        }
        let metadata_only = flags & DELETE_METADATA_ONLY != 0;
        if !metadata_only {
            let (external, internal): (Vec<SnapshotDef>, Vec<SnapshotDef>) =
                victims.iter().cloned().partition(|v| v.is_external());
            if !external.is_empty() {
                if victims.len() > 1 {
                    return Err(snap_err(
                        ErrorCode::OperationUnsupported,
                        "deleting external snapshots together with their children is not supported; use --metadata",
                    ));
                }
                self.snap_job(dom, Some(snapshot_op::SNAPSHOT_DELETE), true);
                let mut r = Ok(());
                for v in &external {
                    r = self.delete_external(dom, &ctx, v).await;
                    if r.is_err() {
                        break;
                    }
                }
                self.snap_job(dom, None, r.is_ok());
                r?;
            }
            let victims_internal = internal;
            self.snap_job(dom, Some(snapshot_op::SNAPSHOT_DELETE), true);
            let r = self.delete_internal(dom, &ctx, &victims_internal).await;
            self.snap_job(dom, None, r.is_ok());
            r?;
        }
        let current = set.current().map(|c| c.name.clone());
        let gone: Vec<String> = victims.iter().map(|v| v.name.clone()).collect();
        for v in &victims {
            set.remove_file(&v.name)?;
        }
        // re-parent the survivors whose parent went away
        let mut changed = Vec::new();
        for c in set.snaps.iter_mut() {
            if gone.contains(&c.name) {
                continue;
            }
            let mut p = c.parent.clone();
            while let Some(pn) = p.clone().filter(|pn| gone.contains(pn)) {
                p = victims
                    .iter()
                    .find(|v| v.name == pn)
                    .and_then(|v| v.parent.clone());
            }
            if p != c.parent {
                c.parent = p;
                changed.push(c.clone());
            }
        }
        set.snaps.retain(|c| !gone.contains(&c.name));
        for c in &changed {
            set.write(c)?;
        }
        if let Some(cur) = current.filter(|c| gone.contains(c)) {
            let mut p = Some(cur);
            while let Some(pn) = p.clone().filter(|pn| gone.contains(pn)) {
                p = victims
                    .iter()
                    .find(|v| v.name == pn)
                    .and_then(|v| v.parent.clone());
            }
            set.set_current(p.as_deref())?;
        }
        Ok(())
    }

    async fn delete_internal(
        &self,
        dom: &DomainRef,
        ctx: &super::snapshot::SnapCtx,
        victims: &[SnapshotDef],
    ) -> VirResult<()> {
        for v in victims {
            let disks = Self::internal_disks(ctx, v)?;
            match (&ctx.vm, ctx.active) {
                (Some(vm), true) => {
                    let mut nodes = Vec::new();
                    for d in &disks {
                        let alias = d.alias.as_deref().unwrap_or(&d.target);
                        nodes.push(bd::node_of(&vm.qmp, alias).await?.0);
                    }
                    self.run_qmp_job(
                        ctx.uuid,
                        &vm.qmp,
                        "snapshot-delete",
                        json!({"tag": v.name, "devices": nodes}),
                    )
                    .await?;
                }
                _ => {
                    for d in &disks {
                        if let Some(f) = &d.file {
                            bd::qemu_img(&["snapshot", "-d", &v.name, f]).await?;
                        }
                    }
                }
            }
        }
        let _ = dom;
        Ok(())
    }

    /// `virDomainSnapshotCurrent` error when there is none.
    pub(crate) fn no_current_snapshot() -> VirError {
        snap_err(
            ErrorCode::NoDomainSnapshot,
            "the domain does not have a current snapshot",
        )
    }

    /// Checks that a snapshot exists (lookups of `virDomainSnapshotIsCurrent` etc.).
    pub(crate) fn snapshot_is_current(&self, snap: &DomainSnapshotRef) -> VirResult<bool> {
        let set = self.snapshots(&self.dom_name(&snap.dom)?);
        set.get(&snap.name)?;
        Ok(set.current().is_some_and(|c| c.name == snap.name))
    }

    /// `virDomainSnapshotHasMetadata`: every snapshot rvirt knows has metadata.
    pub(crate) fn snapshot_has_metadata(&self, snap: &DomainSnapshotRef) -> VirResult<bool> {
        let set = self.snapshots(&self.dom_name(&snap.dom)?);
        set.get(&snap.name)
            .map(|_| true)
            .map_err(|_| no_snapshot(&snap.name))
    }
}
