//! backup-begin, backup-dumpxml, migrate-compcache and lxc-enter-namespace.

use rvirt::{Connect, VirError};
use rvirt_core::error::ErrorDomain;

use super::perf::req_str;
use super::util::{strerror, uint_opt};
use crate::lookup;
use crate::output::pretty_capacity;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

/// `VIR_DOMAIN_BACKUP_BEGIN_REUSE_EXTERNAL`.
const BACKUP_REUSE_EXTERNAL: u32 = 1;

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "backup-begin" => backup_begin(ctl, conn, cmd).await,
        "backup-dumpxml" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let xml = conn.domain_backup_get_xml_desc(&d, 0).await?;
            super::domain::print_xml(ctl, cmd, &xml)
        }
        "migrate-compcache" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            if let Some(size) = uint_opt(cmd, "size")? {
                conn.domain_migrate_set_compression_cache(&d, size, 0)
                    .await?;
            }
            let size = conn.domain_migrate_get_compression_cache(&d, 0).await?;
            let (value, unit) = pretty_capacity(size);
            ctl.print(&format!("Compression cache: {value:.3} {unit}"));
            Ok(())
        }
        "lxc-enter-namespace" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            if !cmd.has("noseclabel") {
                conn.node_get_security_model().await?;
                conn.domain_get_security_label(&d).await?;
            }
            // libvirt-lxc refuses read-only connections first; no rvirt driver serves
            // virDomainLxcOpenNamespace.
            if conn.is_read_only() {
                return Err(VirError::read_only("virDomainLxcOpenNamespace").into());
            }
            Err(VirError::no_support_in(ErrorDomain::None, "virDomainLxcOpenNamespace").into())
        }
        _ => super::unhandled(cmd),
    }
}

/// `virFileReadAll` of an XML file named by an option.
fn read_xml(path: &str) -> Result<String, Failure> {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|e| Failure::msg(format!("Failed to open file '{path}': {}", strerror(&e))))
}

/// backup-begin: virDomainBackupBegin with `<domainbackup/>` unless `--backupxml` names a file.
async fn backup_begin(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let flags = if cmd.has("reuse-external") {
        BACKUP_REUSE_EXTERNAL
    } else {
        0
    };
    let backup = match req_str(cmd, "backupxml")? {
        Some(f) => read_xml(f)?,
        None => "<domainbackup/>".to_string(),
    };
    let checkpoint = match req_str(cmd, "checkpointxml")? {
        Some(f) => Some(read_xml(f)?),
        None => None,
    };
    conn.domain_backup_begin(&d, &backup, checkpoint, flags)
        .await?;
    ctl.print("Backup started\n");
    Ok(())
}
