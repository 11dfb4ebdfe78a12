//! Define, undefine, autostart (`virDomainDefineXML`, `virDomainUndefineFlags`,
//! `virDomainSetAutostart`).

use super::config::{delete_config, save_config, set_autostart};
use super::driver::QemuDriver;
use super::object::DomainObj;
use super::state::detail;
use crate::conf_adapt::parse_domain;
use rvirt_conf::domain::DomainDef;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::event::lifecycle;
use rvirt_core::handle::{DomainRef, Uuid};

impl QemuDriver {
    /// Parses XML with the driver's defaults (waits for capabilities).
    pub(crate) async fn parse_xml(&self, xml: &str) -> VirResult<DomainDef> {
        let caps = self.qemu_caps().await?;
        let def = parse_domain(xml, Some(&caps))?;
        if def.virt_type != "qemu" && def.virt_type != "kvm" {
            return Err(VirError::new(
                ErrorCode::ConfigUnsupported,
                ErrorDomain::Qemu,
                format!(
                    "unexpected domain type {}, expecting one of these: qemu, kvm",
                    def.virt_type
                ),
            ));
        }
        Ok(def)
    }

    /// Checks name/UUID clashes (`virDomainObjListAddLocked`); returns whether it exists.
    pub(crate) fn check_clash(&self, def: &DomainDef) -> VirResult<bool> {
        let doms = self.lock();
        if let Some(o) = doms.get(&Uuid(def.uuid)) {
            if o.name() != def.name {
                return Err(VirError::new(
                    ErrorCode::OperationFailed,
                    ErrorDomain::Qemu,
                    format!(
                        "domain '{}' is already defined with uuid {}",
                        o.name(),
                        def.uuid_string()
                    ),
                ));
            }
            return Ok(true);
        }
        if let Some(o) = doms.values().find(|o| o.name() == def.name) {
            return Err(VirError::new(
                ErrorCode::OperationFailed,
                ErrorDomain::Qemu,
                format!(
                    "domain '{}' already exists with uuid {}",
                    def.name,
                    o.def.uuid_string()
                ),
            ));
        }
        Ok(false)
    }

    /// `virDomainDefineXMLFlags`.
    pub(crate) async fn define(&self, xml: &str) -> VirResult<DomainRef> {
        let def = self.parse_xml(xml).await?;
        let exists = self.check_clash(&def)?;
        save_config(&self.opts.paths, &def)?;
        let uuid = Uuid(def.uuid);
        let h = {
            let mut doms = self.lock();
            match doms.get_mut(&uuid) {
                Some(o) => {
                    o.def = def;
                    o.persistent = true;
                    o.handle()
                }
                None => {
                    let o = DomainObj::new(def, true);
                    let h = o.handle();
                    doms.insert(uuid, o);
                    h
                }
            }
        };
        let d = if exists {
            detail::DEFINED_UPDATED
        } else {
            detail::DEFINED_ADDED
        };
        self.emit_lifecycle(h.clone(), lifecycle::DEFINED, d);
        Ok(h)
    }

    /// `virDomainUndefineFlags`: an active domain becomes transient.
    pub(crate) fn undefine(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        // MANAGED_SAVE 1, SNAPSHOTS_METADATA 2, NVRAM 4, KEEP_NVRAM 8,
        // CHECKPOINTS_METADATA 16, TPM 32, KEEP_TPM 64
        VirError::check_flags(ErrorDomain::Qemu, flags, 0x7f, "virDomainUndefineFlags")?;
        let h = self.with_dom(dom, |o| {
            if !o.persistent {
                return Err(VirError::operation_invalid(
                    ErrorDomain::Qemu,
                    "cannot undefine transient domain",
                ));
            }
            let ms = self.managed_save_path(o.name());
            if ms.exists() {
                if flags & 1 == 0 {
                    return Err(VirError::operation_invalid(
                        ErrorDomain::Qemu,
                        "Refusing to undefine while domain managed save image exists",
                    ));
                }
                let _ = std::fs::remove_file(&ms);
            }
            delete_config(&self.opts.paths, o.name())?;
            o.persistent = false;
            o.autostart = false;
            Ok(o.handle())
        })?;
        {
            let mut doms = self.lock();
            if doms.get(&dom.uuid).is_some_and(|o| !o.state.is_active()) {
                doms.remove(&dom.uuid);
                // the domain object is gone: its associated fd groups are closed
                self.fd_groups.forget(dom.uuid);
            }
        }
        self.emit_lifecycle(h, lifecycle::UNDEFINED, detail::UNDEFINED_REMOVED);
        Ok(())
    }

    /// `virDomainSetAutostart`.
    pub(crate) fn set_autostart_flag(&self, dom: &DomainRef, on: bool) -> VirResult<()> {
        self.with_dom(dom, |o| {
            if !o.persistent {
                return Err(VirError::operation_invalid(
                    ErrorDomain::Qemu,
                    "cannot set autostart for transient domain",
                ));
            }
            set_autostart(&self.opts.paths, o.name(), on)?;
            o.autostart = on;
            Ok(())
        })
    }
}
