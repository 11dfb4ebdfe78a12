//! Resource and definition changes: `virDomainSetMemoryFlags` (balloon),
//! `virDomainSetMaxMemory`, `virDomainSetVcpusFlags`, `virDomainRename`,
//! `virDomainSetMetadata`/`GetMetadata`, `virDomainSetLifecycleAction`.

use super::config::{autostart_path, delete_config, save_config, set_autostart};
use super::driver::{qmp_err, QemuDriver};
use super::hotplug::{AFFECT_CONFIG, AFFECT_LIVE};
use super::status::save_status;
use rvirt_conf::domain::DomainDef;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::event::DomainEventKind;
use rvirt_core::handle::DomainRef;
use serde_json::json;
use std::time::Duration;

/// `VIR_DOMAIN_MEM_MAXIMUM` / `VIR_DOMAIN_VCPU_MAXIMUM`.
const MAXIMUM: u32 = 4;
/// `VIR_DOMAIN_VCPU_GUEST`.
const VCPU_GUEST: u32 = 8;
const T: Duration = Duration::from_secs(30);

fn invalid(detail: impl Into<String>) -> VirError {
    VirError::invalid_arg(ErrorDomain::Qemu, detail)
}

impl QemuDriver {
    pub(super) fn impact(&self, dom: &DomainRef, flags: u32) -> VirResult<(bool, bool)> {
        self.with_dom(dom, |o| {
            let (mut live, mut config) = (flags & AFFECT_LIVE != 0, flags & AFFECT_CONFIG != 0);
            if !live && !config {
                live = o.state.is_active();
                config = !live;
            }
            if live && !o.state.is_active() {
                return Err(VirError::operation_invalid(
                    ErrorDomain::Qemu,
                    "domain is not running",
                ));
            }
            if config && !o.persistent {
                return Err(VirError::operation_invalid(
                    ErrorDomain::Qemu,
                    "transient domains do not have any persistent config",
                ));
            }
            Ok((live, config))
        })
    }

    pub(super) fn edit_config(
        &self,
        dom: &DomainRef,
        f: impl FnOnce(&mut DomainDef) -> VirResult<()>,
    ) -> VirResult<()> {
        self.with_dom(dom, |o| {
            let mut d = o.def.clone();
            f(&mut d)?;
            save_config(&self.opts.paths, &d)?;
            o.def = d;
            Ok(())
        })
    }

    pub(super) fn edit_live(
        &self,
        dom: &DomainRef,
        f: impl FnOnce(&mut DomainDef),
    ) -> VirResult<()> {
        self.with_dom(dom, |o| {
            if let Some(l) = o.live.as_mut() {
                f(l);
            }
            let _ = save_status(&self.opts.paths, o);
            Ok(())
        })
    }

    /// `virDomainSetMemoryFlags` (KiB): the balloon target live, `<currentMemory>` in the
    /// config; with `VIR_DOMAIN_MEM_MAXIMUM`, `<memory>` (config only).
    pub(crate) async fn set_memory(&self, dom: &DomainRef, kib: u64, flags: u32) -> VirResult<()> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 7, "virDomainSetMemoryFlags")?;
        let (live, config) = self.impact(dom, flags & 3)?;
        if flags & MAXIMUM != 0 {
            if live {
                return Err(VirError::new(
                    ErrorCode::OperationInvalid,
                    ErrorDomain::Qemu,
                    "cannot resize the maximum memory on an active domain",
                ));
            }
            return self.edit_config(dom, |d| {
                d.max_memory_kib = kib;
                d.current_memory_kib = d.current_memory_kib.min(kib);
                Ok(())
            });
        }
        let max = self.with_dom(dom, |o| Ok(o.current_def().max_memory_kib))?;
        if kib > max {
            return Err(invalid("cannot set memory higher than max memory"));
        }
        if live {
            let vm = self.vm_of(dom)?;
            vm.qmp
                .execute("balloon", Some(json!({"value": kib * 1024})), T)
                .await
                .map_err(qmp_err)?;
            self.edit_live(dom, |l| l.current_memory_kib = kib)?;
        }
        if config {
            self.edit_config(dom, |d| {
                d.current_memory_kib = kib;
                Ok(())
            })?;
        }
        Ok(())
    }

    /// `virDomainSetVcpusFlags`: the config's `<vcpu>` (maximum or current); live only for
    /// the guest-visible count QEMU can change (TCG guests have no vCPU hotplug here).
    pub(crate) async fn set_vcpus(&self, dom: &DomainRef, n: u32, flags: u32) -> VirResult<()> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 0x1f, "virDomainSetVcpusFlags")?;
        if n == 0 {
            return Err(invalid(
                "requested vcpus is greater than max allowable vcpus for the live domain: 0",
            ));
        }
        let (live, config) = self.impact(dom, flags & 3)?;
        if flags & VCPU_GUEST != 0 {
            return Err(VirError::new(
                ErrorCode::ArgumentUnsupported,
                ErrorDomain::Qemu,
                "guest vCPU changes need the guest agent's guest-set-vcpus",
            ));
        }
        if live {
            let (cur, max) = self.with_dom(dom, |o| {
                let d = o.current_def();
                let cur = if d.vcpus_current > 0 {
                    d.vcpus_current
                } else {
                    d.vcpus_max
                };
                Ok((cur, d.vcpus_max))
            })?;
            if flags & MAXIMUM != 0 {
                return Err(VirError::new(
                    ErrorCode::InvalidArg,
                    ErrorDomain::Qemu,
                    "cannot set maximum vcpus on an active domain",
                ));
            }
            if n > max {
                return Err(invalid(format!(
                    "requested vcpus is greater than max allowable vcpus for the live domain: {n} > {max}"
                )));
            }
            if cur != n {
                let vm = self.vm_of(dom)?;
                let job = self.job_of(dom)?;
                let _g = job.lock().await;
                let now = Box::pin(self.hotplug_vcpus(&vm, cur, n)).await?;
                let plugged = Box::pin(self.plugged_vcpus(&vm)).await.ok();
                self.edit_live(dom, |l| {
                    l.vcpus_current = if now == l.vcpus_max { 0 } else { now };
                    if let Some(p) = plugged.as_deref() {
                        crate::command::vcpus::sync_vcpu_states(l, p);
                    }
                })?;
            }
        }
        if config {
            self.edit_config(dom, |d| {
                if flags & MAXIMUM != 0 {
                    d.vcpus_max = n;
                    if d.vcpus_current > n {
                        d.vcpus_current = 0;
                    }
                    // the per-vCPU list no longer fits: back to plain counts
                    d.extra.retain(|e| e.name != "vcpus");
                } else {
                    if n > d.vcpus_max {
                        return Err(invalid(format!(
                            "requested vcpus is greater than max allowable vcpus for the persistent domain: {n} > {}",
                            d.vcpus_max
                        )));
                    }
                    d.vcpus_current = if n == d.vcpus_max { 0 } else { n };
                    crate::command::vcpus::set_online_count(d, n);
                }
                Ok(())
            })?;
        }
        Ok(())
    }

    /// `virDomainGetVcpusFlags`.
    pub(crate) fn get_vcpus(&self, dom: &DomainRef, flags: u32) -> VirResult<i32> {
        self.with_dom(dom, |o| {
            let d = if flags & AFFECT_CONFIG != 0 || !o.state.is_active() {
                &o.def
            } else {
                o.current_def()
            };
            Ok(if flags & MAXIMUM != 0 || d.vcpus_current == 0 {
                d.vcpus_max
            } else {
                d.vcpus_current
            } as i32)
        })
    }

    /// `virDomainRename` (inactive persistent domains only).
    pub(crate) fn rename(&self, dom: &DomainRef, new_name: &str) -> VirResult<()> {
        if new_name.is_empty() || new_name.contains('/') {
            return Err(invalid(format!("invalid domain name '{new_name}'")));
        }
        if self.lookup_name(new_name).is_ok() {
            return Err(VirError::new(
                ErrorCode::OperationInvalid,
                ErrorDomain::Qemu,
                format!("domain with name '{new_name}' already exists"),
            ));
        }
        self.with_dom(dom, |o| {
            if o.state.is_active() {
                return Err(VirError::operation_invalid(
                    ErrorDomain::Qemu,
                    "cannot rename active domain",
                ));
            }
            if !o.persistent {
                return Err(VirError::operation_invalid(
                    ErrorDomain::Qemu,
                    "cannot rename a transient domain",
                ));
            }
            if self.has_managed_save(o.name()) {
                return Err(VirError::operation_invalid(
                    ErrorDomain::Qemu,
                    "domain with a managed saved state can't be renamed",
                ));
            }
            let old = o.name().to_string();
            let mut d = o.def.clone();
            d.name = new_name.to_string();
            save_config(&self.opts.paths, &d)?;
            let auto = autostart_path(&self.opts.paths, &old).exists();
            delete_config(&self.opts.paths, &old)?;
            if auto {
                set_autostart(&self.opts.paths, new_name, true)?;
            }
            o.def = d;
            Ok(())
        })
    }

    /// `virDomainGetMetadata` (`VIR_DOMAIN_METADATA_DESCRIPTION` 0, `TITLE` 1, `ELEMENT` 2).
    pub(crate) fn get_metadata(
        &self,
        dom: &DomainRef,
        kind: i32,
        uri: Option<&str>,
        flags: u32,
    ) -> VirResult<String> {
        self.with_dom(dom, |o| {
            let d = if flags & AFFECT_CONFIG != 0 {
                &o.def
            } else {
                o.current_def()
            };
            let none = || {
                VirError::new(
                    ErrorCode::NoDomainMetadata,
                    ErrorDomain::Domain,
                    "Requested metadata element is not present",
                )
            };
            match kind {
                0 => d.description.clone().ok_or_else(none),
                1 => d.title.clone().ok_or_else(none),
                2 => d.metadata_element(uri.ok_or_else(|| invalid("uri must not be NULL"))?),
                _ => Err(invalid("unknown metadata type")),
            }
        })
    }

    /// `virDomainSetMetadata`; emits `METADATA_CHANGE`.
    pub(crate) fn set_metadata(
        &self,
        dom: &DomainRef,
        kind: i32,
        text: Option<&str>,
        key: Option<&str>,
        uri: Option<&str>,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 3, "virDomainSetMetadata")?;
        let (live, config) = self.impact(dom, flags)?;
        let apply = |d: &mut DomainDef| -> VirResult<()> {
            match kind {
                0 => d.set_description(text),
                1 => d.set_title(text),
                2 => {
                    let uri = uri.ok_or_else(|| invalid("uri must not be NULL"))?;
                    let key = match (key, text) {
                        (Some(k), _) => k,
                        (None, None) => "",
                        (None, Some(_)) => return Err(invalid("key must not be NULL")),
                    };
                    d.set_metadata_element(uri, key, text)?
                }
                _ => return Err(invalid("unknown metadata type")),
            }
            Ok(())
        };
        if live {
            let mut err = None;
            self.edit_live(dom, |l| err = apply(l).err())?;
            if let Some(e) = err {
                return Err(e);
            }
        }
        if config {
            self.edit_config(dom, apply)?;
        }
        self.emit(
            dom.clone(),
            DomainEventKind::MetadataChange {
                kind,
                nsuri: uri.map(str::to_string),
            },
        );
        Ok(())
    }

    /// `virDomainSetLifecycleAction` (type: poweroff 0, reboot 1, crash 2; action: destroy 0,
    /// restart 1, rename-restart 2, preserve 3, coredump-destroy 4, coredump-restart 5).
    pub(crate) fn set_lifecycle_action(
        &self,
        dom: &DomainRef,
        kind: u32,
        action: u32,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 3, "virDomainSetLifecycleAction")?;
        let name = [
            "destroy",
            "restart",
            "rename-restart",
            "preserve",
            "coredump-destroy",
            "coredump-restart",
        ]
        .get(action as usize)
        .ok_or_else(|| invalid(format!("invalid lifecycle action '{action}'")))?;
        if kind > 2 {
            return Err(invalid(format!("invalid lifecycle type '{kind}'")));
        }
        if kind != 2 && action > 1 {
            return Err(invalid(format!(
                "action '{name}' is not supported for this lifecycle type"
            )));
        }
        let (live, config) = self.impact(dom, flags)?;
        let apply = |d: &mut DomainDef| match kind {
            0 => d.on_poweroff = name.to_string(),
            1 => d.on_reboot = name.to_string(),
            _ => d.on_crash = name.to_string(),
        };
        if live {
            self.edit_live(dom, apply)?;
        }
        if config {
            self.edit_config(dom, |d| {
                apply(d);
                Ok(())
            })?;
        }
        Ok(())
    }
}
