//! Storage copy for `--copy-storage-all` (`qemuMigrationSrcNBDStorageCopy`): the destination
//! pre-creates the images and exports them over NBD; the source mirrors each disk into its
//! export before the memory migration and cancels the (ready) mirrors once it is done.

use super::cookie::CookieDisk;
use super::op_failed;
use crate::domain::qmp_err;
use crate::domain::VmProcess;
use rvirt_conf::domain::DomainDef;
use rvirt_core::driver::{migrate_param, param_strs};
use rvirt_core::error::VirResult;
use rvirt_core::typed_param::TypedParam;
use serde_json::{json, Value};
use std::time::Duration;

const T: Duration = Duration::from_secs(30);

/// Disks of `def` that have a file source, as (target, alias, path).
fn file_disks(def: &DomainDef) -> Vec<(String, String, String)> {
    def.devices
        .iter()
        .filter(|d| d.name == "disk" && d.attr("device").unwrap_or("disk") == "disk")
        .filter_map(|d| {
            let target = d.child("target")?.attr("dev")?.to_string();
            let alias = crate::command::util_alias(d)?.to_string();
            let path = d.child("source")?.attr("file")?.to_string();
            Some((target, alias, path))
        })
        .collect()
}

/// The `query-block` entry of the device with this alias.
fn block_entry<'a>(blocks: &'a Value, alias: &str) -> Option<&'a Value> {
    blocks.as_array()?.iter().find(|b| {
        let q = b["qdev"].as_str().unwrap_or("");
        q == alias || q.contains(&format!("/{alias}/")) || q.ends_with(&format!("/{alias}"))
    })
}

/// Source: the disks to copy (all file disks, or those named by `migrate_disks`).
pub(crate) async fn disks_to_copy(
    vm: &VmProcess,
    live: &DomainDef,
    params: &[TypedParam],
) -> VirResult<Vec<CookieDisk>> {
    let only = param_strs(params, migrate_param::MIGRATE_DISKS);
    let blocks = vm
        .qmp
        .execute("query-block", None, T)
        .await
        .map_err(qmp_err)?;
    let mut out = Vec::new();
    for (target, alias, _) in file_disks(live) {
        if !only.is_empty() && !only.contains(&target.as_str()) {
            continue;
        }
        let Some(b) = block_entry(&blocks, &alias) else {
            continue;
        };
        let img = &b["inserted"]["image"];
        out.push(CookieDisk {
            target,
            alias,
            capacity: img["virtual-size"].as_u64().unwrap_or(0),
            format: img["format"].as_str().unwrap_or("raw").to_string(),
        });
    }
    Ok(out)
}

/// Destination, before QEMU starts: creates missing images for the disks to copy.
pub(crate) async fn precreate(def: &DomainDef, disks: &[CookieDisk]) -> VirResult<()> {
    for (target, _, path) in file_disks(def) {
        let Some(d) = disks.iter().find(|d| d.target == target) else {
            continue;
        };
        if std::path::Path::new(&path).exists() {
            continue;
        }
        let out = tokio::process::Command::new("qemu-img")
            .args(["create", "-f", &d.format, &path, &d.capacity.to_string()])
            .output()
            .await
            .map_err(|e| op_failed(format!("cannot run qemu-img: {e}")))?;
        if !out.status.success() {
            return Err(op_failed(format!(
                "cannot create storage '{path}' for migration: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            )));
        }
    }
    Ok(())
}

/// Destination, after QEMU started: exports the disks over NBD; returns the port.
pub(crate) async fn export(vm: &VmProcess, disks: &[CookieDisk], host: &str) -> VirResult<u16> {
    let port = super::prepare::free_port(host)?;
    vm.qmp
        .execute(
            "nbd-server-start",
            Some(json!({"addr": {"type": "inet",
                "data": {"host": host, "port": port.to_string()}}})),
            T,
        )
        .await
        .map_err(qmp_err)?;
    let blocks = vm
        .qmp
        .execute("query-block", None, T)
        .await
        .map_err(qmp_err)?;
    for d in disks {
        let node = block_entry(&blocks, &d.alias)
            .and_then(|b| b["inserted"]["node-name"].as_str())
            .ok_or_else(|| op_failed(format!("disk '{}' not found on destination", d.target)))?;
        vm.qmp
            .execute(
                "nbd-server-add",
                Some(json!({"device": node, "name": d.alias, "writable": true})),
                T,
            )
            .await
            .map_err(qmp_err)?;
    }
    Ok(port)
}

/// Destination: stops the NBD server once the migration finished.
pub(crate) async fn stop_export(vm: &VmProcess) {
    let _ = vm.qmp.execute("nbd-server-stop", None, T).await;
}

fn job_id(alias: &str) -> String {
    format!("migrate-{alias}")
}

/// Source: mirrors every disk into the destination's export and waits until all are ready.
pub(crate) async fn mirror(
    vm: &VmProcess,
    disks: &[CookieDisk],
    host: &str,
    port: u16,
) -> VirResult<()> {
    let blocks = vm
        .qmp
        .execute("query-block", None, T)
        .await
        .map_err(qmp_err)?;
    for d in disks {
        let node = block_entry(&blocks, &d.alias)
            .and_then(|b| b["inserted"]["node-name"].as_str())
            .ok_or_else(|| op_failed(format!("disk '{}' not found", d.target)))?;
        vm.qmp
            .execute(
                "drive-mirror",
                Some(json!({
                    "device": node,
                    "job-id": job_id(&d.alias),
                    "target": format!("nbd:{host}:{port}:exportname={}", d.alias),
                    "sync": "full",
                    "mode": "existing",
                    "format": "raw",
                })),
                T,
            )
            .await
            .map_err(qmp_err)?;
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(600);
    loop {
        let jobs = vm
            .qmp
            .execute("query-block-jobs", None, T)
            .await
            .map_err(qmp_err)?;
        let ours: Vec<&Value> = jobs
            .as_array()
            .map(|a| {
                a.iter()
                    .filter(|j| {
                        j["device"]
                            .as_str()
                            .is_some_and(|id| disks.iter().any(|d| job_id(&d.alias) == id))
                    })
                    .collect()
            })
            .unwrap_or_default();
        if ours.len() < disks.len() {
            return Err(op_failed("migration of disk failed: mirror job ended"));
        }
        if ours.iter().all(|j| j["ready"].as_bool() == Some(true)) {
            return Ok(());
        }
        if tokio::time::Instant::now() >= deadline {
            cancel(vm, disks).await;
            return Err(op_failed("timed out copying storage"));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Source: ends the mirrors (after the switch-over, or on failure).
pub(crate) async fn cancel(vm: &VmProcess, disks: &[CookieDisk]) {
    for d in disks {
        let _ = vm
            .qmp
            .execute(
                "block-job-cancel",
                Some(json!({"device": job_id(&d.alias), "force": true})),
                T,
            )
            .await;
    }
    for _ in 0..100 {
        let Ok(jobs) = vm.qmp.execute("query-block-jobs", None, T).await else {
            return;
        };
        let left = jobs.as_array().is_some_and(|a| {
            a.iter().any(|j| {
                j["device"]
                    .as_str()
                    .is_some_and(|id| disks.iter().any(|d| job_id(&d.alias) == id))
            })
        });
        if !left {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
