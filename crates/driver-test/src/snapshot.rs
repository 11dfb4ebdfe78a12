//! `DomainSnapshotDriver` (`testDomainSnapshot*`, `testDomainRevertToSnapshot`).

use crate::domain_lifecycle::shutdown_state;
use crate::domdef::parse_domain;
use crate::driver::{dom_index, TestConnection};
use crate::errors::{check_flags, invalid_op, TEST};
use crate::model::snapshot::TestSnapshot as SnapshotDef;
use crate::objects::DomainObj;
use crate::state::{paused, running, shutoff, transition, DomainState, Transition};
use async_trait::async_trait;
use rvirt_conf::snapshot::{SnapshotLocation, SnapshotState};
use rvirt_core::driver::DomainSnapshotDriver;
use rvirt_core::error::{ErrorCode, VirError, VirResult};
use rvirt_core::event::lifecycle as ev;
use rvirt_core::event::lifecycle_detail as detail;
use rvirt_core::handle::{DomainRef, DomainSnapshotRef};
use rvirt_core::info::domain_state as st;
use std::time::{SystemTime, UNIX_EPOCH};

fn no_snap(name: &str) -> VirError {
    VirError::new(
        ErrorCode::NoDomainSnapshot,
        TEST,
        format!("no domain snapshot with matching name '{name}'"),
    )
}

fn snap_idx(d: &DomainObj, name: &str) -> VirResult<usize> {
    d.snapshots
        .iter()
        .position(|s| s.name == name)
        .ok_or_else(|| no_snap(name))
}

fn sref(d: &DomainObj, name: &str) -> DomainSnapshotRef {
    DomainSnapshotRef {
        name: name.to_string(),
        dom: d.dref(),
    }
}

fn state_name(s: i32) -> &'static str {
    match s {
        st::RUNNING => "running",
        st::PAUSED => "paused",
        st::SHUTDOWN => "shutdown",
        st::CRASHED => "crashed",
        st::PMSUSPENDED => "pmsuspended",
        st::BLOCKED => "blocked",
        st::NOSTATE => "nostate",
        _ => "shutoff",
    }
}

/// `virDomainSnapshotObjListFilter` for one snapshot.
fn snap_filter(d: &DomainObj, s: &SnapshotDef, flags: u32) -> bool {
    let leaf = !d
        .snapshots
        .iter()
        .any(|c| c.parent.as_deref() == Some(&s.name));
    let (l, nl) = (flags & 4 != 0, flags & 8 != 0);
    if l != nl && (l && !leaf || nl && leaf) {
        return false;
    }
    if flags & 2 == 0 && flags & 16 != 0 {
        return false;
    }
    let state_bits = flags & (32 | 64 | 128);
    if state_bits != 0 {
        let ok = (flags & 32 != 0 && s.state == SnapshotState::Shutoff)
            || (flags & 64 != 0
                && matches!(s.state, SnapshotState::Running | SnapshotState::Paused))
            || (flags & 128 != 0 && s.state == SnapshotState::DiskSnapshot);
        if !ok {
            return false;
        }
    }
    if flags & (256 | 512) != 0 && flags & 256 == 0 {
        return false;
    }
    true
}

fn descendants(d: &DomainObj, name: &str, all: bool) -> Vec<String> {
    let mut out = Vec::new();
    for c in d
        .snapshots
        .iter()
        .filter(|c| c.parent.as_deref() == Some(name))
    {
        out.push(c.name.clone());
        if all {
            out.extend(descendants(d, &c.name, true));
        }
    }
    out
}

const FILTERS_ALL: u32 = 2 | 4 | 8 | 16 | 32 | 64 | 128 | 256 | 512;

#[async_trait]
impl DomainSnapshotDriver for TestConnection {
    async fn snapshot_create_xml(
        &self,
        dom: &DomainRef,
        xml: &str,
        flags: u32,
    ) -> VirResult<DomainSnapshotRef> {
        check_flags(
            flags,
            1 | 2 | 8 | 64 | 128 | 256 | 512,
            "testDomainSnapshotCreateXML",
        )?;
        let redefine = flags & 1 != 0;
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_secs()).unwrap_or(0))
            .unwrap_or(0);
        let mut def = SnapshotDef::parse(xml, now, redefine)?;
        let (r, stopped) = {
            let mut s = self.state();
            let i = dom_index(&s, dom)?;
            let d = &mut s.domains[i];
            if !d.checkpoints.is_empty() {
                return Err(crate::checkpoint::unsupported_op(
                    "cannot create snapshot while checkpoint exists",
                ));
            }
            if !d.persistent && flags & 8 != 0 {
                return Err(invalid_op("cannot halt after transient domain snapshot"));
            }
            if redefine {
                def.dom = def
                    .def
                    .domain
                    .as_deref()
                    .and_then(|x| parse_domain(x, false, false).ok());
                def.def.domain = None;
            } else {
                if d.snapshots.iter().any(|x| x.name == def.name) {
                    return Err(VirError::new(
                        ErrorCode::OperationInvalid,
                        rvirt_core::error::ErrorDomain::DomainSnapshot,
                        format!("domain snapshot '{}' already exists", def.name),
                    ));
                }
                def.state = SnapshotState::from_name(state_name(d.state.state))
                    .unwrap_or(SnapshotState::Shutoff);
                if def.memory == SnapshotLocation::Default {
                    def.memory = if def.state == SnapshotState::Shutoff {
                        SnapshotLocation::No
                    } else {
                        SnapshotLocation::Internal
                    };
                }
                def.disks = d
                    .def
                    .disks()
                    .into_iter()
                    .map(|disk| rvirt_conf::snapshot::SnapshotDiskDef {
                        name: disk.target,
                        snapshot: SnapshotLocation::Internal,
                        ..Default::default()
                    })
                    .collect();
                def.dom = Some(d.def.clone());
                def.parent = d.current_snapshot.clone();
            }
            let name = def.name.clone();
            d.snapshots.retain(|x| x.name != name);
            d.snapshots.push(def);
            if !redefine || flags & 2 != 0 {
                d.current_snapshot = Some(name.clone());
            }
            let r = sref(d, &name);
            let stopped = if !redefine && flags & 8 != 0 && d.is_active() {
                Some(shutdown_state(&mut s, i, shutoff::FROM_SNAPSHOT)?)
            } else {
                None
            };
            (r, stopped)
        };
        if let Some(d) = stopped {
            self.emit_lifecycle(d, ev::STOPPED, detail::STOPPED_FROM_SNAPSHOT);
        }
        Ok(DomainSnapshotRef {
            name: r.name,
            dom: self.with_dom(dom, |d| Ok(d.dref()))?,
        })
    }
    async fn snapshot_get_xml_desc(
        &self,
        snap: &DomainSnapshotRef,
        flags: u32,
    ) -> VirResult<String> {
        check_flags(flags, 1, "testDomainSnapshotGetXMLDesc")?;
        self.with_dom(&snap.dom, |d| {
            Ok(d.snapshots[snap_idx(d, &snap.name)?].format())
        })
    }
    async fn list_all_snapshots(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<DomainSnapshotRef>> {
        check_flags(flags, 1 | 1024 | FILTERS_ALL, "testDomainListAllSnapshots")?;
        self.with_dom(dom, |d| {
            Ok(d.snapshots
                .iter()
                .filter(|s| flags & 1 == 0 || s.parent.is_none())
                .filter(|s| snap_filter(d, s, flags))
                .map(|s| sref(d, &s.name))
                .collect())
        })
    }
    async fn snapshot_list_all_children(
        &self,
        snap: &DomainSnapshotRef,
        flags: u32,
    ) -> VirResult<Vec<DomainSnapshotRef>> {
        check_flags(
            flags,
            1 | 1024 | FILTERS_ALL,
            "testDomainSnapshotListAllChildren",
        )?;
        self.with_dom(&snap.dom, |d| {
            snap_idx(d, &snap.name)?;
            let names = descendants(d, &snap.name, flags & 1 != 0);
            Ok(d.snapshots
                .iter()
                .filter(|s| names.contains(&s.name) && snap_filter(d, s, flags))
                .map(|s| sref(d, &s.name))
                .collect())
        })
    }
    async fn snapshot_lookup_by_name(
        &self,
        dom: &DomainRef,
        name: &str,
        flags: u32,
    ) -> VirResult<DomainSnapshotRef> {
        check_flags(flags, 0, "testDomainSnapshotLookupByName")?;
        self.with_dom(dom, |d| {
            snap_idx(d, name)?;
            Ok(sref(d, name))
        })
    }
    async fn has_current_snapshot(&self, dom: &DomainRef, flags: u32) -> VirResult<bool> {
        check_flags(flags, 0, "testDomainHasCurrentSnapshot")?;
        self.with_dom(dom, |d| Ok(d.current_snapshot.is_some()))
    }
    async fn snapshot_current(&self, dom: &DomainRef, flags: u32) -> VirResult<DomainSnapshotRef> {
        check_flags(flags, 0, "testDomainSnapshotCurrent")?;
        self.with_dom(dom, |d| {
            let c = d.current_snapshot.clone().ok_or_else(|| {
                VirError::new(
                    ErrorCode::NoDomainSnapshot,
                    TEST,
                    "the domain does not have a current snapshot",
                )
            })?;
            Ok(sref(d, &c))
        })
    }
    async fn snapshot_get_parent(
        &self,
        snap: &DomainSnapshotRef,
        flags: u32,
    ) -> VirResult<DomainSnapshotRef> {
        check_flags(flags, 0, "testDomainSnapshotGetParent")?;
        self.with_dom(&snap.dom, |d| {
            let s = &d.snapshots[snap_idx(d, &snap.name)?];
            let p = s.parent.clone().ok_or_else(|| {
                VirError::new(
                    ErrorCode::NoDomainSnapshot,
                    TEST,
                    format!("snapshot '{}' does not have a parent", s.name),
                )
            })?;
            Ok(sref(d, &p))
        })
    }
    async fn snapshot_is_current(&self, snap: &DomainSnapshotRef, flags: u32) -> VirResult<bool> {
        check_flags(flags, 0, "testDomainSnapshotIsCurrent")?;
        self.with_dom(&snap.dom, |d| {
            snap_idx(d, &snap.name)?;
            Ok(d.current_snapshot.as_deref() == Some(&snap.name))
        })
    }
    async fn snapshot_has_metadata(&self, snap: &DomainSnapshotRef, flags: u32) -> VirResult<bool> {
        check_flags(flags, 0, "testDomainSnapshotHasMetadata")?;
        self.with_dom(&snap.dom, |d| {
            snap_idx(d, &snap.name)?;
            Ok(true)
        })
    }
    async fn revert_to_snapshot(&self, snap: &DomainSnapshotRef, flags: u32) -> VirResult<()> {
        check_flags(flags, 1 | 2 | 4, "testDomainRevertToSnapshot")?;
        let events = self.with_state(|s| {
            let i = dom_index(s, &snap.dom)?;
            let d = &s.domains[i];
            let sd = d.snapshots[snap_idx(d, &snap.name)?].clone();
            let snap_live = matches!(sd.state, SnapshotState::Running | SnapshotState::Paused);
            if !d.persistent && !snap_live && flags & 3 == 0 {
                return Err(invalid_op(
                    "transient domain needs to request run or pause to revert to inactive snapshot",
                ));
            }
            let risky = |m: String| VirError::new(ErrorCode::Other(81), TEST, m);
            let config = sd.dom.clone().ok_or_else(|| {
                risky(format!(
                    "snapshot '{}' lacks domain '{}' rollback info",
                    sd.name, snap.dom.name
                ))
            })?;
            if flags & 4 == 0 && d.is_active() && !snap_live && flags & 3 != 0 {
                return Err(risky(
                    "must respawn guest to start inactive snapshot".into(),
                ));
            }
            let mut evs: Vec<(DomainRef, i32, i32)> = Vec::new();
            let want_pause =
                flags & 1 == 0 && (sd.state == SnapshotState::Paused || flags & 2 != 0);
            if snap_live {
                let was_active = s.domains[i].is_active();
                let was_running = s.domains[i].state.state == st::RUNNING;
                s.domains[i].def = config;
                if was_active {
                    let to = if want_pause {
                        DomainState::new(st::PAUSED, paused::FROM_SNAPSHOT)
                    } else if was_running {
                        s.domains[i].state
                    } else {
                        DomainState::new(st::RUNNING, running::FROM_SNAPSHOT)
                    };
                    let d = &mut s.domains[i];
                    d.state = transition(d.state, Transition::Reset(to))?;
                    if want_pause && was_running {
                        evs.push((d.dref(), ev::SUSPENDED, detail::SUSPENDED_FROM_SNAPSHOT));
                    } else if !want_pause && !was_running {
                        evs.push((d.dref(), ev::RESUMED, ev::RESUMED));
                    }
                } else {
                    start_from_snapshot(s, i)?;
                    let d = &mut s.domains[i];
                    evs.push((d.dref(), ev::STARTED, detail::STARTED_FROM_SNAPSHOT));
                    if want_pause {
                        d.state = transition(d.state, Transition::Pause(paused::FROM_SNAPSHOT))?;
                        evs.push((d.dref(), ev::SUSPENDED, detail::SUSPENDED_FROM_SNAPSHOT));
                    }
                }
            } else {
                if s.domains[i].is_active() {
                    let r = shutdown_state(s, i, shutoff::FROM_SNAPSHOT)?;
                    evs.push((r, ev::STOPPED, detail::STOPPED_FROM_SNAPSHOT));
                }
                s.domains[i].def = config;
                if flags & 3 != 0 {
                    start_from_snapshot(s, i)?;
                    let d = &mut s.domains[i];
                    evs.push((d.dref(), ev::STARTED, detail::STARTED_FROM_SNAPSHOT));
                    if flags & 2 != 0 {
                        d.state = transition(d.state, Transition::Pause(paused::FROM_SNAPSHOT))?;
                        evs.push((d.dref(), ev::SUSPENDED, detail::SUSPENDED_FROM_SNAPSHOT));
                    }
                }
            }
            s.domains[i].current_snapshot = Some(snap.name.clone());
            Ok(evs)
        })?;
        for (r, e, d) in events {
            self.emit_lifecycle(r, e, d);
        }
        Ok(())
    }
    async fn snapshot_delete(&self, snap: &DomainSnapshotRef, flags: u32) -> VirResult<()> {
        check_flags(flags, 1 | 4, "testDomainSnapshotDelete")?;
        self.with_dom(&snap.dom, |d| {
            let i = snap_idx(d, &snap.name)?;
            let parent = d.snapshots[i].parent.clone();
            if flags & (1 | 4) != 0 {
                let kids = descendants(d, &snap.name, true);
                if d.current_snapshot
                    .as_ref()
                    .is_some_and(|c| kids.contains(c))
                {
                    d.current_snapshot = Some(snap.name.clone());
                }
                d.snapshots.retain(|s| !kids.contains(&s.name));
            } else {
                for c in d
                    .snapshots
                    .iter_mut()
                    .filter(|c| c.parent.as_deref() == Some(&snap.name))
                {
                    c.parent = parent.clone();
                }
            }
            if flags & 4 == 0 {
                if d.current_snapshot.as_deref() == Some(&snap.name) {
                    d.current_snapshot = parent;
                }
                d.snapshots.retain(|s| s.name != snap.name);
            }
            Ok(())
        })
    }
}

/// `testDomainStartState(…, FROM_SNAPSHOT)` for a revert.
fn start_from_snapshot(s: &mut crate::objects::DriverState, i: usize) -> VirResult<()> {
    let id = s.alloc_id();
    let d = &mut s.domains[i];
    d.state = transition(d.state, Transition::Start(running::FROM_SNAPSHOT))?;
    d.id = id;
    if d.persistent {
        d.new_def = Some(d.def.clone());
    }
    Ok(())
}
