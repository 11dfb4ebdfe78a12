//! Lookups, lists and info (`virDomainLookup*`, `virConnectListAllDomains`,
//! `virDomainGetInfo`, `virDomainGetState`, `virDomainGetXMLDesc`).

use super::driver::QemuDriver;
use super::object::DomainObj;
use crate::process::proc_cpu_time_ns;
use rvirt_conf::domain::FormatOptions;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::{DomainRef, Uuid};
use rvirt_core::info::DomainInfo;

/// `virConnectListAllDomainsFlags` (shared with every driver through core).
pub use rvirt_core::list_filter::flags as list_flags;
use rvirt_core::list_filter::{domain_matches, DomainListFacts};

impl QemuDriver {
    /// `virConnectListAllDomains`.
    pub(crate) fn list_all(&self, flags: u32) -> VirResult<Vec<DomainRef>> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            list_flags::ALL,
            "virConnectListAllDomains",
        )?;
        // Only a MANAGEDSAVE / snapshot filter needs to look at files per domain.
        let want_ms = flags & (list_flags::MANAGEDSAVE | list_flags::NO_MANAGEDSAVE) != 0;
        let want_snap = flags & (list_flags::HAS_SNAPSHOT | list_flags::NO_SNAPSHOT) != 0;
        let want_chk = flags & (list_flags::HAS_CHECKPOINT | list_flags::NO_CHECKPOINT) != 0;
        let mut v: Vec<DomainRef> = {
            let doms = self.lock();
            let mut v = Vec::with_capacity(doms.len());
            for o in doms.values() {
                let facts = DomainListFacts {
                    state: o.state.state,
                    active: o.state.is_active(),
                    persistent: o.persistent,
                    managed_save: want_ms && self.has_managed_save(o.name()),
                    autostart: o.autostart,
                    has_snapshot: want_snap && !self.snapshots(o.name()).snaps.is_empty(),
                    has_checkpoint: want_chk && !self.checkpoints(o.name()).defs.is_empty(),
                };
                if domain_matches(flags, &facts) {
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
