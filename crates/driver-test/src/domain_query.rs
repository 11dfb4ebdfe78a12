//! Domain queries and tunables (`testDomainGet*`/`Set*`, stats, list filters).

use crate::domdef::DomainDefExt;
use crate::driver::{dom_index, TestConnection};
use crate::errors::{check_flags, invalid_arg, not_running};
use crate::objects::{DomainObj, DriverState};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use rvirt_core::list_filter::{domain_matches, DomainListFacts};

/// `VIR_CONNECT_LIST_DOMAINS_FILTERS_ALL`.
pub const LIST_FILTERS_ALL: u32 = rvirt_core::list_filter::flags::ALL;

/// `virDomainObjListFilter`, through the shared predicate in core.
pub fn list_filter(d: &DomainObj, flags: u32) -> bool {
    domain_matches(
        flags,
        &DomainListFacts {
            state: d.state.state,
            active: d.is_active(),
            persistent: d.persistent,
            managed_save: d.has_managed_save,
            autostart: d.autostart,
            has_snapshot: !d.snapshots.is_empty(),
            has_checkpoint: !d.checkpoints.is_empty(),
        },
    )
}

/// `VIR_EXCLUSIVE_FLAGS` for LIVE|CONFIG as `virDomainObjGetDefs` reports it: the bare
/// message with `VIR_ERR_INVALID_ARG` (no "invalid argument:" prefix).
pub fn affect_flags_exclusive() -> VirError {
    VirError::raw(
        ErrorCode::InvalidArg,
        ErrorDomain::Domain,
        "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive",
    )
}

/// Resolves `AFFECT_LIVE`/`AFFECT_CONFIG` (`virDomainObjGetOneDefState`): (config?, live?).
pub fn affect(obj: &DomainObj, flags: u32) -> VirResult<bool> {
    let live = flags & 1 != 0;
    let config = flags & 2 != 0;
    if live && config {
        return Err(affect_flags_exclusive());
    }
    if live && !obj.is_active() {
        return Err(VirError::new(
            ErrorCode::OperationInvalid,
            ErrorDomain::Domain,
            "domain is not running",
        ));
    }
    Ok(config || (!live && !obj.is_active()))
}

impl TestConnection {
    /// Runs `f` on the domain a handle names.
    pub(crate) fn with_dom<T>(
        &self,
        dom: &DomainRef,
        f: impl FnOnce(&mut DomainObj) -> VirResult<T>,
    ) -> VirResult<T> {
        let mut s = self.state();
        let i = dom_index(&s, dom)?;
        f(&mut s.domains[i])
    }

    /// Like [`Self::with_dom`] but requires an active domain (`virDomainObjCheckActive`).
    pub(crate) fn with_active<T>(
        &self,
        dom: &DomainRef,
        f: impl FnOnce(&mut DomainObj) -> VirResult<T>,
    ) -> VirResult<T> {
        self.with_dom(dom, |d| {
            if !d.is_active() {
                return Err(not_running());
            }
            f(d)
        })
    }

    /// Runs `f` on the whole state.
    pub(crate) fn with_state<T>(
        &self,
        f: impl FnOnce(&mut DriverState) -> VirResult<T>,
    ) -> VirResult<T> {
        let mut s = self.state();
        f(&mut s)
    }

    /// testDomainSetMemoryFlags
    pub(crate) fn dom_set_memory(&self, dom: &DomainRef, kib: u64, flags: u32) -> VirResult<()> {
        check_flags(flags, 1 | 2 | 4, "testDomainSetMemoryFlags")?;
        self.with_dom(dom, |d| {
            let config = affect(d, flags & 3)?;
            let live = !config;
            let def = if config {
                d.new_def.as_mut().unwrap_or(&mut d.def)
            } else {
                &mut d.def
            };
            if flags & 4 != 0 {
                if live {
                    return Err(crate::errors::invalid_op(
                        "cannot resize the maximum memory on an active domain",
                    ));
                }
                def.max_memory_kib = kib;
                if def.current_memory_kib > kib {
                    def.current_memory_kib = kib;
                }
            } else {
                if kib > def.max_memory_kib {
                    return Err(invalid_arg("cannot set memory higher than max memory"));
                }
                def.current_memory_kib = kib;
            }
            Ok(())
        })
    }

    /// testDomainSetVcpusFlags
    pub(crate) fn dom_set_vcpus(&self, dom: &DomainRef, n: u32, flags: u32) -> VirResult<()> {
        check_flags(flags, 1 | 2 | 4, "testDomainSetVcpusFlags")?;
        if n > 32 {
            return Err(invalid_arg(format!(
                "requested cpu amount exceeds maximum supported amount ({n} > 32)"
            )));
        }
        self.with_dom(dom, |d| {
            let live_flag = flags & 1 != 0;
            let config_flag = flags & 2 != 0;
            let (live, config) = if !live_flag && !config_flag {
                (d.is_active(), !d.is_active())
            } else {
                if live_flag && !d.is_active() {
                    return Err(not_running());
                }
                (live_flag, config_flag)
            };
            if live && d.def.vcpus_max < n {
                return Err(invalid_arg(format!(
                    "requested cpu amount exceeds maximum ({n} > {})",
                    d.def.vcpus_max
                )));
            }
            let pmax = d.persistent_def().vcpus_max;
            if config && flags & 4 == 0 && pmax < n {
                return Err(invalid_arg(format!(
                    "requested cpu amount exceeds maximum ({n} > {pmax})"
                )));
            }
            if live {
                d.def.set_vcpus(n);
            }
            if config {
                let pd = match d.new_def.as_mut() {
                    Some(nd) => nd,
                    None => &mut d.def,
                };
                if flags & 4 != 0 {
                    pd.set_vcpus_max(n);
                } else {
                    pd.set_vcpus(n);
                }
            }
            Ok(())
        })
    }
}
