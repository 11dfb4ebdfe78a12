//! Lookups, lists and info (`virDomainLookup*`, `virConnectListAllDomains`,
//! `virDomainGetInfo`, `virDomainGetState`, `virDomainGetXMLDesc`).

use super::driver::QemuDriver;
use super::object::DomainObj;
use crate::process::proc_cpu_time_ns;
use rvirt_conf::domain::FormatOptions;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::{DomainRef, Uuid};
use rvirt_core::info::{domain_state as st, DomainInfo};

/// `virConnectListAllDomainsFlags`.
pub mod list_flags {
    pub const ACTIVE: u32 = 1;
    pub const INACTIVE: u32 = 2;
    pub const PERSISTENT: u32 = 4;
    pub const TRANSIENT: u32 = 8;
    pub const RUNNING: u32 = 16;
    pub const PAUSED: u32 = 32;
    pub const SHUTOFF: u32 = 64;
    pub const OTHER: u32 = 128;
    pub const MANAGEDSAVE: u32 = 256;
    pub const NO_MANAGEDSAVE: u32 = 512;
    pub const AUTOSTART: u32 = 1024;
    pub const NO_AUTOSTART: u32 = 2048;
    pub const HAS_SNAPSHOT: u32 = 4096;
    pub const NO_SNAPSHOT: u32 = 8192;
    pub const HAS_CHECKPOINT: u32 = 16384;
    pub const NO_CHECKPOINT: u32 = 32768;
}

fn matches(o: &DomainObj, flags: u32, managed_save: bool) -> bool {
    use list_flags as f;
    let pair = |a: u32, b: u32, va: bool| {
        let set = flags & (a | b);
        set == 0 || set == (a | b) || (set == a && va) || (set == b && !va)
    };
    let active = o.state.is_active();
    if !pair(f::ACTIVE, f::INACTIVE, active) || !pair(f::PERSISTENT, f::TRANSIENT, o.persistent) {
        return false;
    }
    let states = flags & (f::RUNNING | f::PAUSED | f::SHUTOFF | f::OTHER);
    if states != 0 {
        let s = match o.state.state {
            st::RUNNING => f::RUNNING,
            st::PAUSED => f::PAUSED,
            st::SHUTOFF => f::SHUTOFF,
            _ => f::OTHER,
        };
        if states & s == 0 {
            return false;
        }
    }
    pair(f::MANAGEDSAVE, f::NO_MANAGEDSAVE, managed_save)
        && pair(f::AUTOSTART, f::NO_AUTOSTART, o.autostart)
        && pair(f::HAS_SNAPSHOT, f::NO_SNAPSHOT, false)
        && pair(f::HAS_CHECKPOINT, f::NO_CHECKPOINT, false)
}

impl QemuDriver {
    /// `virConnectListAllDomains`.
    pub(crate) fn list_all(&self, flags: u32) -> VirResult<Vec<DomainRef>> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 0xffff, "virConnectListAllDomains")?;
        // Only a MANAGEDSAVE filter needs the per-domain stat of the save image.
        let want_ms = flags & (list_flags::MANAGEDSAVE | list_flags::NO_MANAGEDSAVE) != 0;
        let mut v: Vec<DomainRef> = {
            let doms = self.lock();
            let mut v = Vec::with_capacity(doms.len());
            for o in doms.values() {
                if matches(o, flags, want_ms && self.has_managed_save(o.name())) {
                    v.push(o.handle());
                }
            }
            v
        };
        v.sort_unstable_by(|a, b| a.name.cmp(&b.name));
        Ok(v)
    }

    /// Lookup by a predicate, with libvirt's error text.
    pub(crate) fn lookup(
        &self,
        what: String,
        f: impl Fn(&DomainObj) -> bool,
    ) -> VirResult<DomainRef> {
        self.lock()
            .values()
            .find(|o| f(o))
            .map(|o| o.handle())
            .ok_or_else(|| VirError::new(ErrorCode::NoDomain, ErrorDomain::Qemu, what))
    }

    pub(crate) fn lookup_id(&self, id: i32) -> VirResult<DomainRef> {
        self.lookup(format!("no domain with matching id {id}"), |o| {
            o.state.is_active() && o.id == id
        })
    }

    pub(crate) fn lookup_name(&self, name: &str) -> VirResult<DomainRef> {
        self.lookup(format!("no domain with matching name '{name}'"), |o| {
            o.name() == name
        })
    }

    pub(crate) fn lookup_uuid(&self, uuid: Uuid) -> VirResult<DomainRef> {
        self.lookup(format!("no domain with matching uuid '{uuid}'"), |o| {
            o.uuid() == uuid
        })
    }

    /// `virDomainGetInfo`.
    pub(crate) fn info(&self, dom: &DomainRef) -> VirResult<DomainInfo> {
        self.with_dom(dom, |o| {
            let d = o.current_def();
            Ok(DomainInfo {
                state: o.state.state,
                max_mem: d.max_memory_kib,
                memory: d.current_memory_kib,
                nr_virt_cpu: if d.vcpus_current > 0 {
                    d.vcpus_current
                } else {
                    d.vcpus_max
                },
                cpu_time: o.vm.as_ref().map_or(0, |vm| proc_cpu_time_ns(vm.pid)),
            })
        })
    }

    /// `virDomainGetState`.
    pub(crate) fn state_of(&self, dom: &DomainRef) -> VirResult<(i32, i32)> {
        self.with_dom(dom, |o| Ok((o.state.state, o.state.reason)))
    }

    /// `virDomainGetXMLDesc` (flags: SECURE 1, INACTIVE 2, UPDATE_CPU 4, MIGRATABLE 8).
    pub(crate) fn xml_desc(&self, dom: &DomainRef, flags: u32) -> VirResult<String> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 0xf, "virDomainGetXMLDesc")?;
        self.with_dom(dom, |o| {
            let inactive = flags & 2 != 0 || !o.state.is_active();
            let def = if inactive { &o.def } else { o.current_def() };
            Ok(def.format(&FormatOptions {
                inactive,
                secure: flags & 1 != 0,
                id: (!inactive).then_some(o.id),
                migratable: flags & 8 != 0,
            }))
        })
    }

    /// The QEMU PID of a running domain (tests and tools).
    pub fn domain_pid(&self, dom: &DomainRef) -> VirResult<i32> {
        self.vm_of(dom).map(|vm| vm.pid).or_else(|e| {
            let a = self.attaching.lock().unwrap_or_else(|p| p.into_inner());
            a.get(&dom.uuid).map(|(pid, _)| *pid).ok_or(e)
        })
    }
}
