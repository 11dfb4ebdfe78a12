//! Save and restore (`virDomainSaveFlags`, `virDomainRestoreFlags`), managed save
//! (`virDomainManagedSave*`), the `save-image-*` APIs and job progress while saving.

use super::driver::{not_running, qmp_err, QemuDriver};
use super::jobs::{job_type, operation, JobProgress};
use super::object::DomainObj;
use super::saveimage::{self, encode_prefix, mark_complete, read_image, PARTIAL_MAGIC};
use super::start::{RestoreSource, StartSpec};
use super::state::{detail, paused, running, shutoff, StateReason};
use super::status::save_status;
use rvirt_conf::domain::{DomainDef, FormatOptions};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::event::{lifecycle, DomainEventKind};
use rvirt_core::handle::{DomainRef, Uuid};
use rvirt_core::info::{domain_state as st, JobInfo};
use rvirt_core::typed_param::TypedParam;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// `virDomainSaveRestoreFlags`.
pub const SAVE_BYPASS_CACHE: u32 = 1;
pub const SAVE_RUNNING: u32 = 2;
pub const SAVE_PAUSED: u32 = 4;
/// `VIR_DOMAIN_JOB_STATS_COMPLETED`.
const JOB_STATS_COMPLETED: u32 = 1;

const T: Duration = Duration::from_secs(30);
/// QEMU's largest migration bandwidth (libvirt's "unlimited"), bytes per second.
const MAX_BANDWIDTH: u64 = (i64::MAX as u64 >> 20) << 20;

fn op_failed(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::OperationFailed, ErrorDomain::Qemu, detail.into())
}

/// The definition stored in an image: the live XML without per-run details (generated
/// socket paths, pty names), as an inactive, migratable document.
pub fn image_xml(live: &DomainDef, domain_dir: &Path) -> String {
    let mut d = live.clone();
    let dir = domain_dir.display().to_string();
    for dev in d.devices.iter_mut() {
        if !matches!(dev.name.as_str(), "serial" | "console" | "channel") {
            continue;
        }
        if dev.attr("type") == Some("pty") {
            dev.remove_attr("tty");
            dev.remove_children("source");
        }
        let generated = dev
            .child("source")
            .and_then(|s| s.attr("path"))
            .is_some_and(|p| p.starts_with(&dir));
        if dev.attr("type") == Some("unix") && generated {
            dev.remove_children("source");
        }
    }
    d.format(&FormatOptions {
        inactive: true,
        secure: true,
        migratable: true,
        ..Default::default()
    })
}

fn flags_running(flags: u32, default: bool) -> bool {
    if flags & SAVE_RUNNING != 0 {
        true
    } else if flags & SAVE_PAUSED != 0 {
        false
    } else {
        default
    }
}

impl QemuDriver {
    /// Path of a domain's managed-save image (`/var/lib/libvirt/qemu/save/NAME.save`).
    pub fn managed_save_path(&self, name: &str) -> PathBuf {
        self.opts
            .paths
            .state_dir
            .join("save")
            .join(format!("{name}.save"))
    }

    /// Whether `name` has a managed-save image.
    pub(crate) fn has_managed_save(&self, name: &str) -> bool {
        self.managed_save_path(name).exists()
    }

    fn set_job(&self, uuid: Uuid, f: impl FnOnce(&mut DomainObj)) {
        if let Some(o) = self.lock().get_mut(&uuid) {
            f(o);
        }
    }

    /// `virDomainSaveFlags`: pause, stream the guest into `path` behind a header with its
    /// XML, then stop QEMU (shut off, reason saved).
    pub(crate) async fn save(
        self: &Arc<Self>,
        dom: &DomainRef,
        path: &Path,
        dxml: Option<String>,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            SAVE_BYPASS_CACHE | SAVE_RUNNING | SAVE_PAUSED,
            "virDomainSaveFlags",
        )?;
        if flags & SAVE_RUNNING != 0 && flags & SAVE_PAUSED != 0 {
            return Err(VirError::invalid_arg(
                ErrorDomain::Qemu,
                "flags 'running' and 'paused' are mutually exclusive",
            ));
        }
        let job = self.with_dom(dom, |o| Ok(o.job.clone()))?;
        let _g = job.lock().await;
        let (vm, live, was_running, uuid) = self.with_dom(dom, |o| {
            let vm = o.vm.clone().ok_or_else(not_running)?;
            let live = o.live.clone().ok_or_else(not_running)?;
            Ok((vm, live, o.state.state == st::RUNNING, o.uuid()))
        })?;
        let xml = match dxml {
            Some(x) => {
                let d = self.parse_xml(&x).await?;
                if d.uuid != live.uuid || d.name != live.name {
                    return Err(VirError::invalid_arg(
                        ErrorDomain::Qemu,
                        "Target domain name/uuid does not match source",
                    ));
                }
                image_xml(&d, &vm.domain_dir)
            }
            None => image_xml(&live, &vm.domain_dir),
        };
        let keep_running = flags_running(flags, was_running);
        self.set_job(uuid, |o| {
            o.job_progress = Some(JobProgress::start(operation::SAVE))
        });
        if was_running {
            if let Err(e) = vm.qmp.execute("stop", None, T).await {
                self.set_job(uuid, |o| o.job_progress = None);
                return Err(qmp_err(e));
            }
            self.note_pause(uuid, StateReason::new(st::PAUSED, paused::SAVE));
        }
        let r = self
            .stream_to_file(uuid, &vm.qmp, path, &xml, keep_running)
            .await;
        if let Err(e) = r {
            let _ = std::fs::remove_file(path);
            self.set_job(uuid, |o| {
                if let Some(mut j) = o.job_progress.take() {
                    j.finish(false);
                    o.last_job = Some(j);
                }
            });
            if was_running && vm.qmp.execute("cont", None, T).await.is_ok() {
                self.set_job(uuid, |o| {
                    let _ = QemuDriver::set_state(
                        o,
                        StateReason::new(st::RUNNING, running::SAVE_CANCELED),
                    );
                    let _ = save_status(&self.opts.paths, o);
                });
            }
            return Err(e);
        }
        *vm.stop_reason.lock().unwrap_or_else(|p| p.into_inner()) =
            Some((shutoff::SAVED, detail::STOPPED_SAVED));
        let mut done = None;
        self.set_job(uuid, |o| {
            if let Some(mut j) = o.job_progress.take() {
                j.finish(true);
                done = Some(j.clone());
                o.last_job = Some(j);
            }
        });
        self.kill_vm(&vm, true).await?;
        if let Some(j) = done {
            self.emit(
                dom.clone(),
                DomainEventKind::JobCompleted { params: j.params() },
            );
        }
        Ok(())
    }

    fn note_pause(&self, uuid: Uuid, to: StateReason) {
        let h = {
            let mut doms = self.lock();
            let Some(o) = doms.get_mut(&uuid) else { return };
            let was = o.state.state;
            let _ = QemuDriver::set_state(o, to);
            let _ = save_status(&self.opts.paths, o);
            (was != st::PAUSED).then(|| o.handle())
        };
        if let Some(h) = h {
            self.emit_lifecycle(h, lifecycle::SUSPENDED, detail::SUSPENDED_PAUSED);
        }
    }

    async fn stream_to_file(
        &self,
        uuid: Uuid,
        qmp: &rvirt_qmp::QmpClient,
        path: &Path,
        xml: &str,
        was_running: bool,
    ) -> VirResult<()> {
        let prefix = encode_prefix(PARTIAL_MAGIC, xml, was_running);
        {
            use std::io::Write;
            use std::os::unix::fs::OpenOptionsExt;
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .mode(0o600)
                .open(path)
                .map_err(|e| {
                    op_failed(format!("Failed to create file '{}': {e}", path.display()))
                })?;
            f.write_all(&prefix).map_err(|e| {
                op_failed(format!(
                    "failed to write header to domain save file '{}': {e}",
                    path.display()
                ))
            })?;
        }
        let _ = qmp
            .execute(
                "migrate-set-parameters",
                Some(json!({"max-bandwidth": MAX_BANDWIDTH})),
                T,
            )
            .await;
        super::fd_migrate::migrate_to_file(qmp, path).await?;
        loop {
            let v = qmp
                .execute("query-migrate", None, T)
                .await
                .map_err(qmp_err)?;
            self.set_job(uuid, |o| {
                if let Some(j) = o.job_progress.as_mut() {
                    j.update(&v);
                }
            });
            match v["status"].as_str().unwrap_or("") {
                "completed" => break,
                "failed" | "cancelled" => {
                    return Err(op_failed(format!(
                        "job 'domain save' failed: {}",
                        v["error-desc"].as_str().unwrap_or("migration failed")
                    )))
                }
                _ => tokio::time::sleep(Duration::from_millis(20)).await,
            }
        }
        mark_complete(path)
    }

    /// `virDomainRestoreFlags`: start QEMU from a save image (the domain is added as a
    /// transient one when it is not defined).
    pub(crate) async fn restore(
        self: &Arc<Self>,
        path: &Path,
        dxml: Option<String>,
        flags: u32,
    ) -> VirResult<DomainRef> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            SAVE_BYPASS_CACHE | SAVE_RUNNING | SAVE_PAUSED,
            "virDomainRestoreFlags",
        )?;
        let img = read_image(path)?;
        let def = self.parse_xml(dxml.as_deref().unwrap_or(&img.xml)).await?;
        let uuid = Uuid(def.uuid);
        let exists = self.check_clash(&def)?;
        let job = {
            let mut doms = self.lock();
            if exists && doms.get(&uuid).is_some_and(|o| o.state.is_active()) {
                return Err(VirError::operation_invalid(
                    ErrorDomain::Qemu,
                    format!("domain '{}' is already active", def.name),
                ));
            }
            doms.entry(uuid)
                .or_insert_with(|| DomainObj::new(def.clone(), false))
                .job
                .clone()
        };
        let _g = job.lock().await;
        let r = self
            .restore_locked(
                uuid,
                path,
                def,
                flags_running(flags, img.header.was_running),
            )
            .await;
        if r.is_err() {
            let mut doms = self.lock();
            if doms
                .get(&uuid)
                .is_some_and(|o| !o.persistent && !o.state.is_active())
            {
                doms.remove(&uuid);
            }
        }
        r
    }

    /// Restores `path` into domain `uuid`; the caller holds the domain's job.
    pub(crate) async fn restore_locked(
        self: &Arc<Self>,
        uuid: Uuid,
        path: &Path,
        def: DomainDef,
        was_running: bool,
    ) -> VirResult<DomainRef> {
        let img = read_image(path)?;
        let def = self.filter_hook(def, "restore").await?;
        self.start_with(
            uuid,
            StartSpec {
                paused: false,
                restore: Some(RestoreSource {
                    def,
                    path: path.to_path_buf(),
                    offset: img.header.stream_offset(),
                    was_running,
                }),
            },
        )
        .await
    }

    /// Starts a persistent domain from its managed-save image, removing the image once the
    /// guest is back. `None` when it has no image.
    pub(crate) async fn start_from_managed_save(
        self: &Arc<Self>,
        uuid: Uuid,
        paused: bool,
    ) -> Option<VirResult<DomainRef>> {
        let name = self.lock().get(&uuid).map(|o| o.name().to_string())?;
        let path = self.managed_save_path(&name);
        if !path.exists() {
            return None;
        }
        let r = async {
            let img = read_image(&path)?;
            let def = self.parse_xml(&img.xml).await?;
            self.restore_locked(uuid, &path, def, img.header.was_running && !paused)
                .await
        }
        .await;
        if r.is_ok() {
            let _ = std::fs::remove_file(&path);
        }
        Some(r)
    }

    /// `virDomainManagedSave`.
    pub(crate) async fn managed_save(
        self: &Arc<Self>,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<()> {
        let name = self.with_dom(dom, |o| {
            if !o.persistent {
                return Err(VirError::operation_invalid(
                    ErrorDomain::Qemu,
                    "cannot do managed save for transient domain",
                ));
            }
            Ok(o.name().to_string())
        })?;
        let path = self.managed_save_path(&name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| op_failed(format!("cannot create {}: {e}", dir.display())))?;
        }
        self.save(dom, &path, None, flags).await
    }

    /// `virDomainManagedSaveRemove`.
    pub(crate) fn managed_save_remove(&self, dom: &DomainRef) -> VirResult<()> {
        let name = self.with_dom(dom, |o| Ok(o.name().to_string()))?;
        match std::fs::remove_file(self.managed_save_path(&name)) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(VirError::new(
                ErrorCode::SystemError,
                ErrorDomain::Qemu,
                format!("Failed to remove managed save file: {e}"),
            )),
        }
    }

    /// `virDomainHasManagedSaveImage`.
    pub(crate) fn has_managed_save_image(&self, dom: &DomainRef) -> VirResult<bool> {
        let name = self.with_dom(dom, |o| Ok(o.name().to_string()))?;
        Ok(self.has_managed_save(&name))
    }

    /// `virDomainSaveImageGetXMLDesc` / `virDomainManagedSaveGetXMLDesc`.
    pub(crate) fn save_image_xml(&self, path: &Path) -> VirResult<String> {
        let img = read_image(path)?;
        let mut x = img.xml;
        if !x.ends_with('\n') {
            x.push('\n');
        }
        Ok(x)
    }

    /// `virDomainSaveImageDefineXML` / `virDomainManagedSaveDefineXML`.
    pub(crate) async fn save_image_define(
        &self,
        path: &Path,
        dxml: Option<&str>,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            SAVE_BYPASS_CACHE | SAVE_RUNNING | SAVE_PAUSED,
            "virDomainSaveImageDefineXML",
        )?;
        let img = read_image(path)?;
        let old = self.parse_xml(&img.xml).await?;
        let running = match flags & (SAVE_RUNNING | SAVE_PAUSED) {
            0 => None,
            f => Some(f & SAVE_RUNNING != 0),
        };
        let xml = match dxml {
            Some(x) => {
                let new = self.parse_xml(x).await?;
                if new.uuid != old.uuid || new.name != old.name {
                    return Err(VirError::invalid_arg(
                        ErrorDomain::Qemu,
                        format!(
                            "Target domain uuid {} does not match source {}",
                            new.uuid_string(),
                            old.uuid_string()
                        ),
                    ));
                }
                new.format(&FormatOptions {
                    inactive: true,
                    secure: true,
                    migratable: true,
                    ..Default::default()
                })
            }
            None => img.xml,
        };
        saveimage::rewrite_xml(path, &xml, running)
    }

    /// `virDomainGetJobInfo`.
    pub(crate) fn job_info(&self, dom: &DomainRef) -> VirResult<JobInfo> {
        self.with_dom(dom, |o| {
            Ok(o.job_progress.as_ref().map_or(
                JobInfo {
                    job_type: job_type::NONE,
                    ..Default::default()
                },
                |j| j.info(),
            ))
        })
    }

    /// `virDomainGetJobStats`.
    pub(crate) fn job_stats(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<(i32, Vec<TypedParam>)> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 3, "virDomainGetJobStats")?;
        self.with_dom(dom, |o| {
            let j = if flags & JOB_STATS_COMPLETED != 0 {
                o.last_job.as_ref()
            } else {
                o.job_progress.as_ref()
            };
            Ok(j.map_or((job_type::NONE, Vec::new()), |j| (j.status, j.params())))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bandwidth_and_running_flags() {
        assert_eq!(MAX_BANDWIDTH % (1 << 20), 0);
        assert!(flags_running(SAVE_RUNNING, false));
        assert!(!flags_running(SAVE_PAUSED, true));
        assert!(flags_running(0, true));
    }
}
