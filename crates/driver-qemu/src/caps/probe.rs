//! Probing a QEMU binary over QMP (`virQEMUCapsInitQMP`): start it with `-machine none`,
//! ask it what it supports, kill it.

use super::kvm::probe_kvm_usable;
use super::model::{MachineType, QemuCaps};
use crate::process::ChildGuard;
use rvirt_qmp::QmpClient;
use serde_json::Value;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

/// How long the probed QEMU may take to answer (it starts in ~0.1 s; a loaded host with
/// many daemons probing at once needs far more).
const QMP_TIMEOUT: Duration = Duration::from_secs(30);

/// The binary's modification time in seconds (part of the cache key).
pub fn binary_mtime(binary: &Path) -> std::io::Result<i64> {
    use std::os::unix::fs::MetadataExt;
    Ok(std::fs::metadata(binary)?.mtime())
}

/// Runs the binary once and collects its capabilities; `scratch` holds the monitor socket.
pub async fn probe_binary(binary: &Path, scratch: &Path) -> Result<QemuCaps, String> {
    let mtime = binary_mtime(binary).map_err(|e| format!("{}: {e}", binary.display()))?;
    std::fs::create_dir_all(scratch).map_err(|e| e.to_string())?;
    let sock = scratch.join(format!("probe-{}.monitor", std::process::id()));
    let _ = std::fs::remove_file(&sock);
    let mut cmd = tokio::process::Command::new(binary);
    cmd.args(["-S", "-no-user-config", "-nodefaults", "-nographic"])
        .args(["-machine", "none,accel=kvm:tcg"])
        .arg("-qmp")
        .arg(format!("unix:{},server=on,wait=off", sock.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0);
    crate::process::die_with_parent(&mut cmd);
    let child = cmd
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
    let mut guard = ChildGuard::new(child);
    let qmp = connect_retry(&sock).await?;
    let run = |c: &'static str| {
        let qmp = qmp.clone();
        async move {
            qmp.execute(c, None, QMP_TIMEOUT)
                .await
                .map_err(|e| format!("{c}: {e}"))
        }
    };
    let version = run("query-version").await?;
    let machines = run("query-machines").await?;
    let cpus = run("query-cpu-definitions").await.unwrap_or(Value::Null);
    let kvm = run("query-kvm").await.unwrap_or(Value::Null);
    let target = run("query-target").await.unwrap_or(Value::Null);
    let _ = qmp.execute("quit", None, Duration::from_secs(2)).await;
    guard.kill_and_reap().await;
    let _ = std::fs::remove_file(&sock);
    let q = &version["qemu"];
    let n = |v: &Value| v.as_u64().unwrap_or(0) as u32;
    let kvm_present = kvm["enabled"].as_bool() == Some(true);
    let kvm_usable = kvm_present && probe_kvm_usable(binary, scratch).await;
    Ok(QemuCaps {
        binary: binary.display().to_string(),
        mtime,
        arch: target["arch"].as_str().unwrap_or("x86_64").to_string(),
        version: (n(&q["major"]), n(&q["minor"]), n(&q["micro"])),
        package: version["package"].as_str().unwrap_or("").trim().to_string(),
        machines: parse_machines(&machines),
        cpu_models: parse_cpus(&cpus),
        cpu_unusable: Some(parse_unusable_cpus(&cpus)),
        kvm_present,
        kvm_usable,
    })
}

async fn connect_retry(sock: &Path) -> Result<QmpClient, String> {
    let deadline = tokio::time::Instant::now() + QMP_TIMEOUT;
    loop {
        match QmpClient::connect(sock, QMP_TIMEOUT).await {
            Ok(c) => return Ok(c),
            Err(e) if tokio::time::Instant::now() >= deadline => {
                return Err(format!("probe monitor: {e}"))
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
        }
    }
}

fn parse_machines(v: &Value) -> Vec<MachineType> {
    let mut out: Vec<MachineType> = v
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| {
            Some(MachineType {
                name: m["name"].as_str()?.to_string(),
                alias: m["alias"].as_str().map(str::to_string),
                is_default: m["is-default"].as_bool().unwrap_or(false),
                cpu_max: m["cpu-max"].as_u64().unwrap_or(1) as u32,
                deprecated: m["deprecated"].as_bool().unwrap_or(false),
            })
        })
        .collect();
    out.sort_by(|a, b| b.is_default.cmp(&a.is_default).then(a.name.cmp(&b.name)));
    out
}

/// Models whose `unavailable-features` list is not empty (libvirt's `usable='no'`).
fn parse_unusable_cpus(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = v
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| {
            c["unavailable-features"]
                .as_array()
                .is_some_and(|f| !f.is_empty())
        })
        .filter_map(|c| c["name"].as_str().map(str::to_string))
        .collect();
    out.sort();
    out
}

fn parse_cpus(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = v
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["name"].as_str().map(str::to_string))
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn machines_are_parsed_default_first() {
        let v = json!([
            {"name": "pc-q35-7.2", "alias": "q35", "cpu-max": 288, "deprecated": false},
            {"name": "pc-i440fx-7.2", "alias": "pc", "is-default": true, "cpu-max": 255},
        ]);
        let m = parse_machines(&v);
        assert_eq!(m[0].name, "pc-i440fx-7.2");
        assert!(m[0].is_default);
        assert_eq!(m[1].alias.as_deref(), Some("q35"));
        assert_eq!(m[1].cpu_max, 288);
    }
}
