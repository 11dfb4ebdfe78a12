//! Domain lifecycle: define/undefine, create, destroy, shutdown, reboot, suspend/resume,
//! save/restore, managed save, rename (`testDomain*` lifecycle functions).

use crate::domdef::{parse_domain, DomainDefExt};
use crate::driver::{dom_index, dom_mut, TestConnection};
use crate::errors::{check_flags, internal, invalid_op, no_domain, not_running};
use crate::objects::{DomainObj, DriverState};
use crate::state::{running, shutoff, transition, DomainState, Transition};
use rvirt_conf::domain::DomainDef;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::event::lifecycle as ev;
use rvirt_core::event::lifecycle_detail as detail;
use rvirt_core::handle::DomainRef;
use rvirt_core::info::domain_state as st;

const SAVE_MAGIC: &[u8; 15] = b"TestGuestMagic\0";

fn op_failed(detail: String) -> VirError {
    VirError::new(ErrorCode::OperationFailed, ErrorDomain::Domain, detail)
}

/// `virDomainObjListAdd`: index of the (new or existing) object for `def`.
/// Returns (index, replaced-existing).
fn list_add(state: &mut DriverState, def: DomainDef, live: bool) -> VirResult<(usize, bool)> {
    let uuid = def.uuid_ref();
    if let Some(i) = state.domains.iter().position(|d| d.def.uuid_ref() == uuid) {
        let obj = &mut state.domains[i];
        if obj.def.name != def.name {
            return Err(op_failed(format!(
                "domain '{}' is already defined with uuid {}",
                obj.def.name, uuid
            )));
        }
        if live {
            if obj.is_active() {
                return Err(invalid_op(format!(
                    "domain '{}' is already active",
                    obj.def.name
                )));
            }
            if obj.persistent {
                obj.new_def = Some(obj.def.clone());
            }
            obj.def = def;
        } else if obj.is_active() {
            obj.new_def = Some(def);
        } else {
            obj.def = def;
        }
        return Ok((i, true));
    }
    if let Some(other) = state.domains.iter().find(|d| d.def.name == def.name) {
        return Err(op_failed(format!(
            "domain '{}' already exists with uuid {}",
            def.name,
            other.def.uuid_ref()
        )));
    }
    state.domains.push(DomainObj::new(
        def,
        DomainState::new(st::SHUTOFF, shutoff::UNKNOWN),
    ));
    Ok((state.domains.len() - 1, false))
}

/// `testDomainStartState`.
fn start_state(state: &mut DriverState, i: usize, reason: i32) -> VirResult<()> {
    let id = state.next_dom_id;
    let obj = &mut state.domains[i];
    obj.state = transition(obj.state, Transition::Start(reason))?;
    obj.id = id;
    if obj.persistent && obj.new_def.is_none() {
        obj.new_def = Some(obj.def.clone());
    }
    obj.has_managed_save = false;
    state.next_dom_id += 1;
    Ok(())
}

/// `testDomainShutdownState`: stop, drop the transient def; removes transient domains.
/// Returns the handle as it was just before stopping (with id −1).
pub(crate) fn shutdown_state(
    state: &mut DriverState,
    i: usize,
    reason: i32,
) -> VirResult<DomainRef> {
    let obj = &mut state.domains[i];
    obj.state = transition(obj.state, Transition::Stop(reason))?;
    if let Some(nd) = obj.new_def.take() {
        obj.def = nd;
    }
    obj.id = -1;
    let r = obj.dref();
    if !obj.persistent {
        state.domains.remove(i);
    }
    Ok(r)
}

fn write_save_image(path: &str, def: &DomainDef, id: i32) -> VirResult<()> {
    let xml = def.xml(Some(id), false, true);
    let len = i32::try_from(xml.len()).unwrap_or(i32::MAX);
    let mut buf = Vec::with_capacity(xml.len() + 19);
    buf.extend_from_slice(SAVE_MAGIC);
    buf.extend_from_slice(&len.to_ne_bytes());
    buf.extend_from_slice(xml.as_bytes());
    std::fs::write(path, buf).map_err(|e| {
        VirError::raw(
            ErrorCode::SystemError,
            crate::errors::TEST,
            format!(
                "saving domain '{}' to '{path}': open failed: {}",
                def.name,
                crate::errors::strerror(&e)
            ),
        )
    })
}

fn read_save_image(path: &str) -> VirResult<DomainDef> {
    let sys = |m: String| VirError::raw(ErrorCode::SystemError, crate::errors::TEST, m);
    let data = std::fs::read(path).map_err(|e| {
        sys(format!(
            "cannot read domain image '{path}': {}",
            crate::errors::strerror(&e)
        ))
    })?;
    if data.len() < 19 {
        return Err(sys(format!("incomplete save header in '{path}'")));
    }
    if &data[..15] != SAVE_MAGIC {
        return Err(internal("mismatched header magic"));
    }
    let len = i32::from_ne_bytes([data[15], data[16], data[17], data[18]]);
    if !(1..=8192).contains(&len) {
        return Err(internal("length of metadata out of range"));
    }
    let len = usize::try_from(len).unwrap_or(0);
    let xml = data
        .get(19..19 + len)
        .ok_or_else(|| sys(format!("incomplete metadata in '{path}'")))?;
    parse_domain(&String::from_utf8_lossy(xml), false, false)
}

impl TestConnection {
    /// testDomainDefineXMLFlags
    pub(crate) fn dom_define(&self, xml: &str, flags: u32) -> VirResult<DomainRef> {
        check_flags(flags, 1, "testDomainDefineXMLFlags")?;
        let def = parse_domain(xml, true, flags & 1 != 0)?;
        if def.name.contains('\n') {
            return Err(crate::errors::xml_error(
                ErrorDomain::Domain,
                format!("name {} cannot contain '\\n'", def.name),
            ));
        }
        let r = {
            let mut s = self.state();
            let (i, existed) = list_add(&mut s, def, false)?;
            let obj = &mut s.domains[i];
            obj.persistent = true;
            (obj.dref(), existed)
        };
        let d = if r.1 {
            detail::DEFINED_UPDATED
        } else {
            detail::DEFINED_ADDED
        };
        self.emit_lifecycle(r.0.clone(), ev::DEFINED, d);
        Ok(r.0)
    }

    /// testDomainUndefineFlags
    pub(crate) fn dom_undefine(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        // MANAGED_SAVE | SNAPSHOTS_METADATA | NVRAM | KEEP_NVRAM | CHECKPOINTS_METADATA
        check_flags(flags, 1 | 2 | 16, "testDomainUndefineFlags")?;
        let r = {
            let mut s = self.state();
            let i = dom_index(&s, dom)?;
            let obj = &mut s.domains[i];
            if obj.has_managed_save && flags & 1 == 0 {
                return Err(invalid_op(
                    "Refusing to undefine while domain managed save image exists",
                ));
            }
            if !obj.is_active() && !obj.snapshots.is_empty() && flags & 2 == 0 {
                return Err(invalid_op(format!(
                    "cannot delete inactive domain with {} snapshots",
                    obj.snapshots.len()
                )));
            }
            obj.has_managed_save = false;
            let r = obj.dref();
            if obj.is_active() {
                obj.persistent = false;
                obj.new_def = None;
            } else {
                s.domains.remove(i);
            }
            r
        };
        self.emit_lifecycle(r, ev::UNDEFINED, detail::UNDEFINED_REMOVED);
        Ok(())
    }

    /// testDomainCreateXML
    pub(crate) fn dom_create_xml(&self, xml: &str, flags: u32) -> VirResult<DomainRef> {
        check_flags(flags, 1 << 4, "testDomainCreateXML")?;
        let def = parse_domain(xml, false, flags & (1 << 4) != 0)?;
        let r = {
            let mut s = self.state();
            let (i, _) = list_add(&mut s, def, true)?;
            start_state(&mut s, i, running::BOOTED)?;
            s.domains[i].dref()
        };
        self.emit_lifecycle(r.clone(), ev::STARTED, detail::STARTED_BOOTED);
        Ok(r)
    }

    /// testDomainCreateWithFlags
    pub(crate) fn dom_create(&self, dom: &DomainRef, flags: u32) -> VirResult<DomainRef> {
        check_flags(flags, 0, "testDomainCreateWithFlags")?;
        let r = {
            let mut s = self.state();
            let i = dom_index(&s, dom)?;
            if s.domains[i].state.state != st::SHUTOFF {
                return Err(internal(format!(
                    "Domain '{}' is already running",
                    dom.name
                )));
            }
            start_state(&mut s, i, running::BOOTED)?;
            s.domains[i].dref()
        };
        self.emit_lifecycle(r.clone(), ev::STARTED, detail::STARTED_BOOTED);
        Ok(r)
    }

    /// Stops an active domain with `reason`, emitting STOPPED/`det`.
    fn stop(&self, dom: &DomainRef, reason: i32, det: i32) -> VirResult<()> {
        let r = {
            let mut s = self.state();
            let i = dom_index(&s, dom)?;
            if !s.domains[i].is_active() {
                return Err(not_running());
            }
            shutdown_state(&mut s, i, reason)?
        };
        self.emit_lifecycle(r, ev::STOPPED, det);
        Ok(())
    }

    /// testDomainDestroyFlags
    pub(crate) fn dom_destroy(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        check_flags(flags, 1, "testDomainDestroyFlags")?;
        self.stop(dom, shutoff::DESTROYED, detail::STOPPED_DESTROYED)
    }

    /// testDomainShutdownFlags / testDomainReboot: apply the lifecycle action.
    fn lifecycle_action(
        &self,
        dom: &DomainRef,
        which: &str,
        need_active_err: bool,
    ) -> VirResult<()> {
        let r = {
            let mut s = self.state();
            let i = dom_index(&s, dom)?;
            let obj = &mut s.domains[i];
            if !obj.is_active() {
                return Err(if need_active_err {
                    not_running()
                } else {
                    internal(format!("domain '{}' not running", dom.name))
                });
            }
            match obj.def.lifecycle_action(which) {
                "restart" | "rename-restart" => {
                    obj.state = transition(obj.state, Transition::Restart)?;
                    None
                }
                _ => Some(shutdown_state(&mut s, i, shutoff::SHUTDOWN)?),
            }
        };
        if let Some(r) = r {
            self.emit_lifecycle(r, ev::STOPPED, detail::STOPPED_SHUTDOWN);
        }
        Ok(())
    }

    /// testDomainShutdownFlags
    pub(crate) fn dom_shutdown(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        check_flags(flags, 0, "testDomainShutdownFlags")?;
        self.lifecycle_action(dom, "on_poweroff", false)
    }

    /// testDomainReboot
    pub(crate) fn dom_reboot(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        check_flags(flags, 0x3f, "testDomainReboot")?;
        self.lifecycle_action(dom, "on_reboot", true)
    }

    /// testDomainReset
    pub(crate) fn dom_reset(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        check_flags(flags, 0, "testDomainReset")?;
        let s = self.state();
        let i = dom_index(&s, dom)?;
        if !s.domains[i].is_active() {
            return Err(not_running());
        }
        Ok(())
    }

    /// testDomainSuspend
    pub(crate) fn dom_suspend(&self, dom: &DomainRef) -> VirResult<()> {
        let r = {
            let mut s = self.state();
            let obj = dom_mut(&mut s, dom)?;
            if matches!(obj.state.state, st::SHUTOFF | st::PAUSED) {
                return Err(internal(format!("domain '{}' not running", dom.name)));
            }
            obj.state = transition(obj.state, Transition::Pause(crate::state::paused::USER))?;
            obj.dref()
        };
        self.emit_lifecycle(r, ev::SUSPENDED, detail::SUSPENDED_PAUSED);
        Ok(())
    }

    /// testDomainResume
    pub(crate) fn dom_resume(&self, dom: &DomainRef) -> VirResult<()> {
        let r = {
            let mut s = self.state();
            let obj = dom_mut(&mut s, dom)?;
            if obj.state.state != st::PAUSED {
                return Err(internal(format!("domain '{}' not paused", dom.name)));
            }
            obj.state = transition(obj.state, Transition::Resume)?;
            obj.dref()
        };
        self.emit_lifecycle(r, ev::RESUMED, detail::RESUMED_UNPAUSED);
        Ok(())
    }

    /// testDomainSaveFlags: writes the magic, length and XML to `path`.
    pub(crate) fn dom_save(
        &self,
        dom: &DomainRef,
        path: &str,
        dxml: Option<String>,
        flags: u32,
    ) -> VirResult<()> {
        rvirt_core::driver::api_checks::check_save_flags(flags)?;
        check_flags(flags, 0, "testDomainSaveFlags")?;
        if dxml.is_some() {
            return Err(VirError::new(
                ErrorCode::ArgumentUnsupported,
                crate::errors::TEST,
                "xml modification unsupported",
            ));
        }
        let r = {
            let mut s = self.state();
            let i = dom_index(&s, dom)?;
            let obj = &s.domains[i];
            if !obj.is_active() {
                return Err(not_running());
            }
            write_save_image(path, &obj.def, obj.id)?;
            shutdown_state(&mut s, i, shutoff::SAVED)?
        };
        self.emit_lifecycle(r, ev::STOPPED, detail::STOPPED_SAVED);
        Ok(())
    }

    /// testDomainRestoreFlags
    pub(crate) fn dom_restore(
        &self,
        path: &str,
        dxml: Option<String>,
        flags: u32,
    ) -> VirResult<()> {
        rvirt_core::driver::api_checks::check_save_flags(flags)?;
        check_flags(flags, 0, "testDomainRestoreFlags")?;
        if dxml.is_some() {
            return Err(VirError::new(
                ErrorCode::ArgumentUnsupported,
                crate::errors::TEST,
                "xml modification unsupported",
            ));
        }
        let def = read_save_image(path)?;
        let r = {
            let mut s = self.state();
            let (i, _) = list_add(&mut s, def, true)?;
            start_state(&mut s, i, running::RESTORED)?;
            s.domains[i].dref()
        };
        self.emit_lifecycle(r, ev::STARTED, detail::STARTED_RESTORED);
        Ok(())
    }

    /// testDomainSaveImageGetXMLDesc
    pub(crate) fn dom_save_image_xml(&self, path: &str, flags: u32) -> VirResult<String> {
        check_flags(flags, 1, "testDomainSaveImageGetXMLDesc")?;
        Ok(read_save_image(path)?.xml(None, true, true))
    }

    /// testDomainSaveImageDefineXML
    pub(crate) fn dom_save_image_define(
        &self,
        path: &str,
        dxml: &str,
        flags: u32,
    ) -> VirResult<()> {
        rvirt_core::driver::api_checks::check_save_flags(flags)?;
        check_flags(flags, 2 | 4, "testDomainSaveImageDefineXML")?;
        read_save_image(path)?;
        let def = parse_domain(dxml, false, false)?;
        write_save_image(path, &def, -1)
    }

    /// testDomainCoreDumpWithFormat
    pub(crate) fn dom_core_dump(
        &self,
        dom: &DomainRef,
        to: &str,
        format: u32,
        flags: u32,
    ) -> VirResult<()> {
        check_flags(flags, 1 << 1, "testDomainCoreDumpWithFormat")?;
        let r = {
            let mut s = self.state();
            let i = dom_index(&s, dom)?;
            if !s.domains[i].is_active() {
                return Err(not_running());
            }
            std::fs::write(to, SAVE_MAGIC).map_err(|e| {
                VirError::raw(
                    ErrorCode::SystemError,
                    crate::errors::TEST,
                    format!(
                        "domain '{}' coredump: failed to open {to}: {}",
                        dom.name,
                        crate::errors::strerror(&e)
                    ),
                )
            })?;
            if format != 0 {
                return Err(VirError::new(
                    ErrorCode::OperationUnsupported,
                    crate::errors::TEST,
                    "kdump-compressed format is not supported here",
                ));
            }
            if flags & (1 << 1) != 0 {
                Some(shutdown_state(&mut s, i, shutoff::CRASHED)?)
            } else {
                None
            }
        };
        if let Some(r) = r {
            self.emit_lifecycle(r, ev::STOPPED, detail::STOPPED_CRASHED);
        }
        Ok(())
    }

    /// testDomainManagedSave
    pub(crate) fn dom_managed_save(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        rvirt_core::driver::api_checks::check_save_flags(flags)?;
        check_flags(flags, 1 | 2 | 4, "testDomainManagedSave")?;
        let r = {
            let mut s = self.state();
            let i = dom_index(&s, dom)?;
            if !s.domains[i].is_active() {
                return Err(not_running());
            }
            if !s.domains[i].persistent {
                return Err(invalid_op("cannot do managed save for transient domain"));
            }
            let r = shutdown_state(&mut s, i, shutoff::SAVED)?;
            s.domains[i].has_managed_save = true;
            r
        };
        self.emit_lifecycle(r, ev::STOPPED, detail::STOPPED_SAVED);
        Ok(())
    }

    /// testDomainRename
    pub(crate) fn dom_rename(&self, dom: &DomainRef, new_name: &str, flags: u32) -> VirResult<()> {
        check_flags(flags, 0, "testDomainRename")?;
        let (old, new) = {
            let mut s = self.state();
            let i = dom_index(&s, dom)?;
            let obj = &s.domains[i];
            if obj.is_active() {
                return Err(invalid_op("cannot rename active domain"));
            }
            if !obj.persistent {
                return Err(invalid_op("cannot rename a transient domain"));
            }
            if s.domains.iter().any(|d| d.def.name == new_name) {
                return Err(invalid_op(format!(
                    "domain with name '{new_name}' already exists"
                )));
            }
            if new_name.contains('/') {
                return Err(crate::errors::xml_error(
                    crate::errors::TEST,
                    format!("name {new_name} cannot contain '/'"),
                ));
            }
            let obj = &mut s.domains[i];
            let old = obj.dref();
            obj.def.name = new_name.to_string();
            (old, obj.dref())
        };
        self.emit_lifecycle(old, ev::UNDEFINED, detail::UNDEFINED_RENAMED);
        self.emit_lifecycle(new, ev::DEFINED, detail::DEFINED_RENAMED);
        Ok(())
    }

    /// Lookup helpers (`testDomainLookupBy*`).
    pub(crate) fn dom_lookup(&self, pred: impl Fn(&DomainObj) -> bool) -> VirResult<DomainRef> {
        self.state()
            .domains
            .iter()
            .find(|d| pred(d))
            .map(DomainObj::dref)
            .ok_or_else(no_domain)
    }
}
