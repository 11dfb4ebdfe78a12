//! The memory part of external snapshots (`<memory snapshot='external' file=…>`, virsh
//! `--memspec`): the paused guest's state is written to the file in the save-image format
//! (header + domain XML + migration stream, as `virDomainSave`), and a revert restores it.

use super::driver::{qmp_err, QemuDriver};
use super::saveimage::{encode_prefix, mark_complete, PARTIAL_MAGIC};
use super::snapshot::{snap_err, SnapCtx};
use rvirt_core::error::{ErrorCode, VirResult};
use std::time::Duration;

const T: Duration = Duration::from_secs(30);

impl QemuDriver {
    /// Streams the (paused) guest's memory state into `path`; the guest stays paused.
    pub(crate) async fn snapshot_memory_to_file(
        &self,
        ctx: &SnapCtx,
        path: &str,
        was_running: bool,
    ) -> VirResult<()> {
        let vm = ctx
            .vm
            .as_ref()
            .ok_or_else(|| snap_err(ErrorCode::OperationInvalid, "domain is not running"))?;
        let live = self
            .lock()
            .get(&ctx.uuid)
            .and_then(|o| o.live.clone())
            .ok_or_else(|| snap_err(ErrorCode::OperationInvalid, "domain is not running"))?;
        let xml = super::save::image_xml(&live, &vm.domain_dir);
        let fail = |what: &str, e: std::io::Error| {
            snap_err(
                ErrorCode::OperationFailed,
                format!("failed to {what} memory snapshot file '{path}': {e}"),
            )
        };
        {
            use std::io::Write;
            use std::os::unix::fs::OpenOptionsExt;
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(path)
                .map_err(|e| fail("create", e))?;
            f.write_all(&encode_prefix(PARTIAL_MAGIC, &xml, was_running))
                .map_err(|e| fail("write", e))?;
        }
        let r = self.migrate_to(vm, path).await;
        if r.is_err() {
            let _ = std::fs::remove_file(path);
        }
        r?;
        mark_complete(std::path::Path::new(path))
    }

    async fn migrate_to(&self, vm: &super::object::VmProcess, path: &str) -> VirResult<()> {
        super::fd_migrate::migrate_to_file(&vm.qmp, std::path::Path::new(path)).await?;
        loop {
            let v = vm
                .qmp
                .execute("query-migrate", None, T)
                .await
                .map_err(qmp_err)?;
            match v["status"].as_str().unwrap_or("") {
                "completed" => return Ok(()),
                "failed" | "cancelled" => {
                    return Err(snap_err(
                        ErrorCode::OperationFailed,
                        format!(
                            "memory snapshot failed: {}",
                            v["error-desc"].as_str().unwrap_or("migration failed")
                        ),
                    ))
                }
                _ => tokio::time::sleep(Duration::from_millis(20)).await,
            }
        }
    }
}
