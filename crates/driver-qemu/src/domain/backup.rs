//! `virDomainBackupBegin` / `virDomainBackupGetXMLDesc` (`virsh backup-begin`,
//! `backup-dumpxml`): full push-mode backups of a running guest's disks to files, one
//! `blockdev-backup` (sync=full) job per disk started in one `transaction`; pull mode
//! exports a fleecing overlay per disk (`blockdev-backup` sync=none into a scratch qcow2
//! backed by the live disk) over QEMU's NBD server until the job is aborted. A watcher
//! polls `query-jobs`, then tears down exports, server, jobs and nodes. Incremental
//! backups and checkpoints are refused.

use super::blockjob_disk::{self as bd, T};
use super::driver::{qmp_err, QemuDriver};
use super::jobs::JobProgress;
use super::object::VmProcess;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::event::DomainEventKind;
use rvirt_core::handle::{DomainRef, Uuid};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

/// `VIR_DOMAIN_BACKUP_BEGIN_REUSE_EXTERNAL`.
pub const REUSE_EXTERNAL: u32 = 1;

/// `VIR_DOMAIN_JOB_OPERATION_BACKUP`.
pub const JOB_OPERATION_BACKUP: i32 = 9;

/// One disk of a backup: copied to `target` (push) or exported over NBD with `target` as
/// the scratch file (pull), in `format`, when `backup` is set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupDisk {
    pub name: String,
    pub backup: bool,
    pub target: String,
    pub format: String,
    /// The NBD export name (pull mode; defaults to the disk name).
    pub exportname: Option<String>,
}

/// `<server>` of a pull-mode backup: where QEMU's NBD server listens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NbdServer {
    Tcp { name: String, port: Option<u16> },
    Unix { socket: String },
}

/// A parsed `<domainbackup>` (full backups): the mode and the disks it lists, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupDef {
    /// `Some` for pull mode (with the server, if given).
    pub pull: Option<Option<NbdServer>>,
    pub disks: Vec<BackupDisk>,
}

/// A running backup of one domain.
#[derive(Debug, Clone)]
struct BackupRec {
    pid: i32,
    xml: String,
    jobs: Vec<String>,
    nodes: Vec<String>,
    /// NBD exports (`block-export-add` ids) of a pull backup.
    exports: Vec<String>,
    /// Whether this backup started QEMU's NBD server.
    nbd: bool,
}

/// Running backups by domain (a backup lives as long as its QEMU process).
fn backups() -> std::sync::MutexGuard<'static, HashMap<Uuid, BackupRec>> {
    static MAP: LazyLock<Mutex<HashMap<Uuid, BackupRec>>> =
        LazyLock::new(|| Mutex::new(HashMap::new()));
    MAP.lock().unwrap_or_else(|p| p.into_inner())
}

fn xml_err(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::XmlError, ErrorDomain::Domain, detail)
}

fn unsupported(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::OperationUnsupported, ErrorDomain::Qemu, detail)
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\'', "&apos;")
}

/// Parses `<domainbackup>`: push mode only, no `<incremental>`.
pub fn parse_backup(xml: &str) -> VirResult<BackupDef> {
    let doc =
        roxmltree::Document::parse(xml).map_err(|e| xml_err(format!("(domain_backup): {e}")))?;
    let root = doc.root_element();
    if root.tag_name().name() != "domainbackup" {
        return Err(xml_err("missing element 'domainbackup'"));
    }
    let pull = match root.attribute("mode") {
        None | Some("push") => None,
        Some("pull") => Some(parse_server(root)?),
        Some(m) => return Err(xml_err(format!("unknown backup mode '{m}'"))),
    };
    if root.children().any(|c| c.has_tag_name("incremental")) {
        return Err(unsupported("incremental backup is not supported yet"));
    }
    let store_elem = if pull.is_some() { "scratch" } else { "target" };
    let mut out = Vec::new();
    let disks = root.children().filter(|c| c.has_tag_name("disks"));
    for d in disks
        .flat_map(|d| d.children())
        .filter(|c| c.has_tag_name("disk"))
    {
        let name = d
            .attribute("name")
            .ok_or_else(|| xml_err("missing name from disk backup element"))?
            .to_string();
        let target = d
            .children()
            .find(|c| c.has_tag_name(store_elem))
            .and_then(|t| t.attribute("file"))
            .unwrap_or("")
            .to_string();
        let format = d
            .children()
            .find(|c| c.has_tag_name("driver"))
            .and_then(|t| t.attribute("type"))
            .unwrap_or("")
            .to_string();
        out.push(BackupDisk {
            name,
            backup: d.attribute("backup") != Some("no"),
            target,
            format,
            exportname: d.attribute("exportname").map(str::to_string),
        });
    }
    Ok(BackupDef { pull, disks: out })
}

/// `<server transport='tcp|unix' name=… port=… socket=…/>` of a pull backup.
fn parse_server(root: roxmltree::Node) -> VirResult<Option<NbdServer>> {
    let Some(srv) = root.children().find(|c| c.has_tag_name("server")) else {
        return Ok(None);
    };
    if srv.attribute("tls") == Some("yes") {
        return Err(VirError::operation_invalid(
            ErrorDomain::Qemu,
            "backup TLS directory not configured",
        ));
    }
    match srv.attribute("transport").unwrap_or("tcp") {
        "tcp" => {
            let name = srv
                .attribute("name")
                .ok_or_else(|| xml_err("missing 'name' attribute for server"))?
                .to_string();
            let port = match srv.attribute("port") {
                Some(p) => Some(
                    p.parse::<u16>()
                        .map_err(|_| xml_err(format!("invalid port number '{p}'")))?,
                ),
                None => None,
            };
            Ok(Some(NbdServer::Tcp { name, port }))
        }
        "unix" => {
            let socket = srv
                .attribute("socket")
                .ok_or_else(|| xml_err("missing 'socket' attribute for unix transport"))?
                .to_string();
            Ok(Some(NbdServer::Unix { socket }))
        }
        t => Err(unsupported(format!(
            "transport '{t}' is not supported for backup"
        ))),
    }
}

fn config_unsupported(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::ConfigUnsupported, ErrorDomain::Domain, detail)
}

/// `virDomainBackupAlignDisks`: checks the listed disks against the domain's and adds the
/// unlisted ones (backed up only when none is listed), generating `<source>.<suffix>`
/// targets; targets default to qcow2.
pub fn align_disks(
    def: &BackupDef,
    dom: &[bd::DiskRef],
    suffix: &str,
) -> VirResult<Vec<BackupDisk>> {
    if dom.is_empty() {
        return Err(config_unsupported(
            "domain must have at least one disk to perform backup",
        ));
    }
    let store = |b: &mut BackupDisk, d: &bd::DiskRef| -> VirResult<()> {
        if b.target.is_empty() {
            let Some(src) = d.file.as_deref() else {
                return Err(config_unsupported(format!(
                    "refusing to generate file name for disk '{}'",
                    b.name
                )));
            };
            b.target = format!("{src}.{suffix}");
        }
        if b.format.is_empty() {
            b.format = "qcow2".into();
        }
        if def.pull.is_some() && b.exportname.is_none() {
            b.exportname = Some(b.name.clone());
        }
        Ok(())
    };
    let mut out: Vec<BackupDisk> = Vec::new();
    for b in &def.disks {
        let Some(d) = dom.iter().find(|d| d.target == b.name) else {
            return Err(config_unsupported(format!("no disk named '{}'", b.name)));
        };
        if out.iter().any(|o| o.name == b.name) {
            return Err(config_unsupported(format!(
                "disk '{}' specified twice",
                b.name
            )));
        }
        let mut b = b.clone();
        if b.backup {
            store(&mut b, d)?;
        }
        out.push(b);
    }
    let all = def.disks.is_empty();
    for d in dom {
        if out.iter().any(|o| o.name == d.target) {
            continue;
        }
        let mut b = BackupDisk {
            name: d.target.clone(),
            backup: all && d.file.is_some() && !d.readonly,
            target: String::new(),
            format: String::new(),
            exportname: None,
        };
        if b.backup {
            store(&mut b, d)?;
        }
        out.push(b);
    }
    Ok(out)
}

/// `virDomainBackupDefFormat` of a running backup (`server` for pull mode).
pub fn format_backup(disks: &[BackupDisk], server: Option<&NbdServer>) -> String {
    let (mode, store) = if server.is_some() {
        ("pull", "scratch")
    } else {
        ("push", "target")
    };
    let mut x = format!("<domainbackup mode='{mode}'>\n");
    match server {
        Some(NbdServer::Tcp { name, port }) => {
            x.push_str(&format!("  <server transport='tcp' name='{}'", esc(name)));
            if let Some(p) = port {
                x.push_str(&format!(" port='{p}'"));
            }
            x.push_str("/>\n");
        }
        Some(NbdServer::Unix { socket }) => {
            x.push_str(&format!(
                "  <server transport='unix' socket='{}'/>\n",
                esc(socket)
            ));
        }
        None => {}
    }
    x.push_str("  <disks>\n");
    for d in disks {
        if d.backup {
            let export = d
                .exportname
                .as_deref()
                .map(|e| format!(" exportname='{}'", esc(e)))
                .unwrap_or_default();
            x.push_str(&format!(
                "    <disk name='{}' backup='yes' type='file' backupmode='full'{export}>\n      \
                 <driver type='{}'/>\n      <{store} file='{}'/>\n    </disk>\n",
                esc(&d.name),
                esc(&d.format),
                esc(&d.target)
            ));
        } else {
            x.push_str(&format!(
                "    <disk name='{}' backup='no'/>\n",
                esc(&d.name)
            ));
        }
    }
    x.push_str("  </disks>\n</domainbackup>\n");
    x
}

fn no_backup() -> VirError {
    VirError::new(
        ErrorCode::NoDomainBackup,
        ErrorDomain::Qemu,
        "no domain backup job present",
    )
}

/// Waits for every backup job to conclude, then dismisses them, drops the target nodes,
/// ends the domain job and emits JOB_COMPLETED.
async fn watch(drv: Arc<QemuDriver>, vm: Arc<VmProcess>, dom: DomainRef) {
    let uuid = dom.uuid;
    loop {
        tokio::time::sleep(Duration::from_millis(200)).await;
        let Some(rec) = backups().get(&uuid).cloned() else {
            return;
        };
        if rec.pid != vm.pid {
            return;
        }
        let Ok(jobs) = vm.qmp.execute("query-jobs", None, T).await else {
            backups().remove(&uuid);
            return;
        };
        let ours: Vec<&Value> = jobs
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter(|j| rec.jobs.iter().any(|id| j["id"].as_str() == Some(id)))
            .collect();
        if ours
            .iter()
            .any(|j| j["status"].as_str() != Some("concluded"))
        {
            continue;
        }
        // a pull backup ends by being cancelled: that is its normal completion
        let ok = rec.nbd || ours.iter().all(|j| j.get("error").is_none());
        teardown(&vm, &rec).await;
        // the job's outcome is recorded before the backup disappears, so a client that
        // sees "no backup" next also sees this job as the domain's last one
        let done = drv
            .with_dom(&dom, |o| {
                let mine = o
                    .job_progress
                    .as_ref()
                    .is_some_and(|j| j.operation == JOB_OPERATION_BACKUP);
                if !mine {
                    return Ok(None);
                }
                let Some(mut j) = o.job_progress.take() else {
                    return Ok(None);
                };
                j.finish(ok);
                let params = j.params();
                o.last_job = Some(j);
                Ok(Some(params))
            })
            .ok()
            .flatten();
        backups().remove(&uuid);
        if let Some(params) = done {
            drv.emit(dom.clone(), DomainEventKind::JobCompleted { params });
        }
        return;
    }
}

/// The first free port of libvirt's backup range (`backup_port_min`..`backup_port_max`).
fn free_port() -> VirResult<u16> {
    (10809..=10872)
        .find(|p| std::net::TcpListener::bind(("127.0.0.1", *p)).is_ok())
        .ok_or_else(|| {
            VirError::internal(
                ErrorDomain::Qemu,
                "Unable to find an unused port in range 'backup' (10809-10872)",
            )
        })
}

/// `nbd-server-start`'s address for a `<server>`.
fn nbd_addr(srv: &NbdServer) -> Value {
    match srv {
        NbdServer::Tcp { name, port } => json!({
            "type": "inet",
            "data": { "host": name, "port": port.unwrap_or(10809).to_string() }
        }),
        NbdServer::Unix { socket } => json!({ "type": "unix", "data": { "path": socket } }),
    }
}

/// Opens the target (push) or scratch overlay (pull, backed by the disk's node), starts
/// the NBD server (pull), runs the `blockdev-backup` transaction and adds the exports.
/// Everything created is recorded in `rec` so a failure can be undone.
async fn start_jobs(
    vm: &VmProcess,
    plan: &[(bd::DiskRef, BackupDisk)],
    server: Option<&NbdServer>,
    flags: u32,
    rec: &mut BackupRec,
) -> VirResult<()> {
    let mut actions = Vec::new();
    let mut exports = Vec::new();
    for (d, b) in plan {
        let alias = d.alias.clone().unwrap_or_default();
        let (src, image) = bd::node_of(&vm.qmp, &alias).await?;
        if flags & REUSE_EXTERNAL == 0 {
            let size = image["virtual-size"].as_u64().unwrap_or(0).to_string();
            bd::qemu_img(&["create", "-f", &b.format, &b.target, &size]).await?;
        }
        let fmt = if server.is_some() {
            // the scratch file as an overlay whose backing is the live disk (fleecing)
            let (st, fmt) = bd::new_nodes();
            vm.qmp
                .execute(
                    "blockdev-add",
                    Some(
                        json!({"driver": "file", "filename": b.target, "node-name": st,
                                "auto-read-only": true, "discard": "unmap"}),
                    ),
                    T,
                )
                .await
                .map_err(qmp_err)?;
            rec.nodes.push(st.clone());
            vm.qmp
                .execute(
                    "blockdev-add",
                    Some(json!({"node-name": fmt, "driver": b.format, "file": st,
                                "backing": src})),
                    T,
                )
                .await
                .map_err(qmp_err)?;
            rec.nodes.insert(0, fmt.clone());
            fmt
        } else {
            let (st, fmt) = bd::add_nodes(&vm.qmp, &b.target, &b.format, true).await?;
            rec.nodes.insert(0, fmt.clone());
            rec.nodes.push(st);
            fmt
        };
        let id = format!("backup-{}-{fmt}", b.name);
        let sync = if server.is_some() { "none" } else { "full" };
        actions.push(json!({
            "type": "blockdev-backup",
            "data": {
                "job-id": id, "device": src, "target": fmt, "sync": sync,
                "auto-finalize": true, "auto-dismiss": false
            }
        }));
        exports.push((
            format!("libvirt-nbd-{fmt}"),
            fmt,
            b.exportname.clone().unwrap_or_else(|| b.name.clone()),
        ));
        rec.jobs.push(id);
    }
    if let Some(srv) = server {
        vm.qmp
            .execute(
                "nbd-server-start",
                Some(json!({ "addr": nbd_addr(srv) })),
                T,
            )
            .await
            .map_err(qmp_err)?;
        rec.nbd = true;
    }
    vm.qmp
        .execute(
            "transaction",
            Some(json!({ "actions": Value::Array(actions) })),
            T,
        )
        .await
        .map_err(qmp_err)?;
    if server.is_some() {
        for (id, node, name) in exports {
            vm.qmp
                .execute(
                    "block-export-add",
                    Some(
                        json!({"type": "nbd", "id": id, "node-name": node, "name": name,
                                "writable": false}),
                    ),
                    T,
                )
                .await
                .map_err(qmp_err)?;
            rec.exports.push(id);
        }
    }
    Ok(())
}

/// Undoes what a backup set up: exports, the NBD server, its block jobs and nodes.
async fn teardown(vm: &VmProcess, rec: &BackupRec) {
    for id in &rec.exports {
        let _ = vm
            .qmp
            .execute(
                "block-export-del",
                Some(json!({ "id": id, "mode": "hard" })),
                T,
            )
            .await;
    }
    if !rec.exports.is_empty() {
        // exports go away asynchronously; their nodes stay busy until then
        for _ in 0..50 {
            let left = vm
                .qmp
                .execute("query-block-exports", None, T)
                .await
                .ok()
                .and_then(|v| v.as_array().map(Vec::len))
                .unwrap_or(0);
            if left == 0 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
    if rec.nbd {
        let _ = vm.qmp.execute("nbd-server-stop", None, T).await;
    }
    for id in &rec.jobs {
        let _ = vm
            .qmp
            .execute("job-dismiss", Some(json!({ "id": id })), T)
            .await;
    }
    bd::del_nodes(&vm.qmp, &rec.nodes).await;
}

impl QemuDriver {
    /// `virDomainBackupBegin`: starts a full push backup of the selected disks.
    pub(crate) async fn backup_begin(
        self: &Arc<Self>,
        dom: &DomainRef,
        backup_xml: &str,
        checkpoint_xml: Option<&str>,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(ErrorDomain::Qemu, flags, REUSE_EXTERNAL, "qemuBackupBegin")?;
        let def = parse_backup(backup_xml)?;
        if checkpoint_xml.is_some() {
            return Err(unsupported(
                "creating checkpoint for incremental backup is not supported yet",
            ));
        }
        let suffix = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
            .to_string();
        let job = self.job_of(dom)?;
        let _guard = job.lock().await;
        let (vm, disks) = self.with_dom(dom, |o| Ok((o.vm.clone(), bd::disks(o.current_def()))))?;
        let Some(vm) = vm else {
            return Err(unsupported(
                "cannot perform disk backup for inactive domain",
            ));
        };
        let aligned = align_disks(&def, &disks, &suffix)?;
        if backups().get(&dom.uuid).is_some_and(|r| r.pid == vm.pid) {
            return Err(VirError::operation_invalid(
                ErrorDomain::Qemu,
                "another backup job is already running",
            ));
        }
        let plan: Vec<(bd::DiskRef, BackupDisk)> = aligned
            .iter()
            .filter(|b| b.backup)
            .filter_map(|b| {
                disks
                    .iter()
                    .find(|d| d.target == b.name)
                    .map(|d| (d.clone(), b.clone()))
            })
            .collect();
        if plan.is_empty() {
            return Err(VirError::new(
                ErrorCode::ConfigUnsupported,
                ErrorDomain::Qemu,
                "no disks selected for backup",
            ));
        }
        let server = match &def.pull {
            Some(Some(srv)) => Some(srv.clone()),
            Some(None) => Some(NbdServer::Tcp {
                name: "localhost".into(),
                port: Some(free_port()?),
            }),
            None => None,
        };
        let mut rec = BackupRec {
            pid: vm.pid,
            xml: format_backup(&aligned, server.as_ref()),
            jobs: Vec::new(),
            nodes: Vec::new(),
            exports: Vec::new(),
            nbd: false,
        };
        match start_jobs(&vm, &plan, server.as_ref(), flags, &mut rec).await {
            Ok(()) => {}
            Err(e) => {
                teardown(&vm, &rec).await;
                return Err(e);
            }
        }
        backups().insert(dom.uuid, rec);
        self.with_dom(dom, |o| {
            o.job_progress = Some(JobProgress::start(JOB_OPERATION_BACKUP));
            Ok(())
        })?;
        self.track(tokio::spawn(watch(self.clone(), vm, dom.clone())));
        Ok(())
    }

    /// Cancels the domain's running backup (`virDomainAbortJob` on a backup job):
    /// `job-cancel` for each of its block jobs (best effort); false when no backup runs.
    pub(crate) async fn backup_cancel(&self, dom: &DomainRef) -> VirResult<bool> {
        let vm = self.vm_of(dom)?;
        let Some(rec) = backups()
            .get(&dom.uuid)
            .cloned()
            .filter(|r| r.pid == vm.pid)
        else {
            return Ok(false);
        };
        // a job that already concluded refuses the verb; the watcher finishes it anyway
        for id in &rec.jobs {
            let _ = vm
                .qmp
                .execute("job-cancel", Some(json!({ "id": id })), T)
                .await;
        }
        Ok(true)
    }

    /// `virDomainBackupGetXMLDesc`: the running backup's definition.
    pub(crate) fn backup_xml_desc(&self, dom: &DomainRef, flags: u32) -> VirResult<String> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 0, "qemuBackupGetXMLDesc")?;
        let pid = self.with_dom(dom, |o| Ok(o.vm.as_ref().map(|v| v.pid)))?;
        match (backups().get(&dom.uuid), pid) {
            (Some(r), Some(p)) if r.pid == p => Ok(r.xml.clone()),
            _ => Err(no_backup()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn disk(target: &str, file: Option<&str>, readonly: bool) -> bd::DiskRef {
        bd::DiskRef {
            target: target.into(),
            alias: None,
            file: file.map(str::to_string),
            format: "raw".into(),
            readonly,
        }
    }

    #[test]
    fn parses_push_backups() {
        assert_eq!(parse_backup("<domainbackup/>").unwrap().disks, []);
        let d = parse_backup(
            "<domainbackup mode='push'><disks><disk name='vda' type='file'>\
             <target file='/b/vda.qcow2'/><driver type='qcow2'/></disk>\
             <disk name='vdb' backup='no'/></disks></domainbackup>",
        )
        .unwrap();
        assert_eq!(d.disks.len(), 2);
        assert_eq!(d.disks[0].target, "/b/vda.qcow2");
        assert!(!d.disks[1].backup);
        let pull = parse_backup(
            "<domainbackup mode='pull'><server transport='tcp' name='h' port='10900'/>\
             <disks><disk name='vda' exportname='e'><scratch file='/s'/></disk></disks>\
             </domainbackup>",
        )
        .unwrap();
        assert_eq!(
            pull.pull,
            Some(Some(NbdServer::Tcp {
                name: "h".into(),
                port: Some(10900)
            }))
        );
        assert_eq!(pull.disks[0].target, "/s");
        assert_eq!(pull.disks[0].exportname.as_deref(), Some("e"));
        assert_eq!(
            parse_backup("<domainbackup mode='pull'/>").unwrap().pull,
            Some(None)
        );
        assert!(parse_backup(
            "<domainbackup mode='pull'><server transport='rdma'/></domainbackup>"
        )
        .is_err());
        assert!(parse_backup("<domainbackup mode='x'/>").is_err());
        assert!(parse_backup("<domainbackup><incremental>c</incremental></domainbackup>").is_err());
        assert!(parse_backup("<nope/>").is_err());
    }

    #[test]
    fn aligns_disks_like_libvirt() {
        let dom = [
            disk("vda", Some("/i/a.img"), false),
            disk("vdb", Some("/i/b.img"), false),
            disk("hdc", None, true),
        ];
        let all = align_disks(&parse_backup("<domainbackup/>").unwrap(), &dom, "77").unwrap();
        let x = format_backup(&all, None);
        assert_eq!(
            x,
            "<domainbackup mode='push'>\n  <disks>\n    <disk name='vda' backup='yes' \
             type='file' backupmode='full'>\n      <driver type='qcow2'/>\n      \
             <target file='/i/a.img.77'/>\n    </disk>\n    <disk name='vdb' backup='yes' \
             type='file' backupmode='full'>\n      <driver type='qcow2'/>\n      \
             <target file='/i/b.img.77'/>\n    </disk>\n    <disk name='hdc' backup='no'/>\n  \
             </disks>\n</domainbackup>\n"
        );
        let one = parse_backup(
            "<domainbackup><disks><disk name='vdb'><target file='/t'/></disk></disks></domainbackup>",
        )
        .unwrap();
        let got = align_disks(&one, &dom, "1").unwrap();
        let names: Vec<_> = got.iter().map(|d| (d.name.as_str(), d.backup)).collect();
        assert_eq!(names, [("vdb", true), ("vda", false), ("hdc", false)]);
        let bad =
            parse_backup("<domainbackup><disks><disk name='sdz'/></disks></domainbackup>").unwrap();
        assert_eq!(
            align_disks(&bad, &dom, "1").unwrap_err().message,
            "unsupported configuration: no disk named 'sdz'"
        );
        let twice = parse_backup(
            "<domainbackup><disks><disk name='vda'/><disk name='vda'/></disks></domainbackup>",
        )
        .unwrap();
        assert!(align_disks(&twice, &dom, "1")
            .unwrap_err()
            .message
            .contains("specified twice"));
        assert!(align_disks(&twice, &[], "1").is_err());
        let pull = parse_backup("<domainbackup mode='pull'/>").unwrap();
        let got = align_disks(&pull, &dom[..1], "9").unwrap();
        assert_eq!(
            format_backup(
                &got,
                Some(&NbdServer::Unix {
                    socket: "/n".into()
                })
            ),
            "<domainbackup mode='pull'>\n  <server transport='unix' socket='/n'/>\n  <disks>\n    \
             <disk name='vda' backup='yes' type='file' backupmode='full' exportname='vda'>\n      \
             <driver type='qcow2'/>\n      <scratch file='/i/a.img.9'/>\n    </disk>\n  \
             </disks>\n</domainbackup>\n"
        );
    }
}
