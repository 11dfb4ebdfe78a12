//! Domain setters: iothreadadd, iothreaddel, iothreadpin, iothreadset, set-lifecycle-action,
//! and the setting halves of memtune and blkiotune.

use rvirt::Connect;
use rvirt_core::typed_param::{TypedParam, TypedValue};

use super::util::{affect_flags, scaled_as};
use crate::lookup;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

pub async fn run(_ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "iothreadadd" | "iothreaddel" => iothread_add_del(conn, cmd).await,
        "iothreadpin" => iothreadpin(conn, cmd).await,
        "iothreadset" => iothreadset(conn, cmd).await,
        "set-lifecycle-action" => lifecycle(conn, cmd).await,
        _ => super::unhandled(cmd),
    }
}

/// A numeric option parsed as virsh's `vshCommandOptUInt`-style int that must be > 0.
fn iothread_id(cmd: &Cmd, opt: &str) -> Result<u32, Failure> {
    let raw = cmd.get(opt).unwrap_or("");
    let v = cmd.int(opt).map_err(Failure::msg)?.unwrap_or(0);
    if v <= 0 {
        return Err(Failure::msg(format!("Invalid IOThread id value: '{raw}'")));
    }
    u32::try_from(v).map_err(|_| {
        Failure::msg(format!(
            "Numeric value '{raw}' for <{opt}> option is malformed or out of range"
        ))
    })
}

async fn iothread_add_del(conn: &Connect, cmd: &Cmd) -> CmdResult {
    let flags = affect_flags(cmd)?;
    let d = lookup::domain(conn, cmd, "domain").await?;
    let id = iothread_id(cmd, "id")?;
    if cmd.def.name == "iothreadadd" {
        conn.domain_add_iothread(&d, id, flags).await?;
    } else {
        conn.domain_del_iothread(&d, id, flags).await?;
    }
    Ok(())
}

async fn iothreadpin(conn: &Connect, cmd: &Cmd) -> CmdResult {
    let flags = affect_flags(cmd)?;
    let d = lookup::domain(conn, cmd, "domain").await?;
    let id = cmd.uint("iothread").map_err(Failure::msg)?.unwrap_or(0);
    let id = u32::try_from(id).map_err(|_| Failure::msg("iothread id out of range"))?;
    let (_, _, n) = conn.node_get_cpu_map(0).await?;
    let maxcpu = usize::try_from(n).unwrap_or(0);
    let list = cmd.get("cpulist").unwrap_or("");
    let map = super::domain_tune::parse_cpulist(list, maxcpu)?;
    conn.domain_pin_iothread(&d, id, map, flags).await?;
    Ok(())
}

async fn iothreadset(conn: &Connect, cmd: &Cmd) -> CmdResult {
    let flags = affect_flags(cmd)?;
    let d = lookup::domain(conn, cmd, "domain").await?;
    let id = iothread_id(cmd, "id")?;
    let mut params = Vec::new();
    if let Some(v) = cmd.uint("poll-max-ns").map_err(Failure::msg)? {
        params.push(TypedParam::new("poll_max_ns", TypedValue::ULLong(v)));
    }
    for (opt, field) in [("poll-grow", "poll_grow"), ("poll-shrink", "poll_shrink")] {
        if let Some(v) = cmd.uint(opt).map_err(Failure::msg)? {
            let v = u32::try_from(v).map_err(|_| {
                Failure::msg(format!(
                    "Numeric value '{v}' for <{opt}> option is malformed or out of range"
                ))
            })?;
            params.push(TypedParam::new(field, TypedValue::UInt(v)));
        }
    }
    for (opt, field) in [
        ("thread-pool-min", "thread_pool_min"),
        ("thread-pool-max", "thread_pool_max"),
    ] {
        if let Some(v) = cmd.int(opt).map_err(Failure::msg)? {
            let v = i32::try_from(v).map_err(|_| {
                Failure::msg(format!(
                    "Numeric value '{v}' for <{opt}> option is malformed or out of range"
                ))
            })?;
            params.push(TypedParam::new(field, TypedValue::Int(v)));
        }
    }
    if params.is_empty() {
        return Err(Failure::msg("Not enough arguments passed, nothing to set"));
    }
    conn.domain_set_iothread_params(&d, id, params, flags)
        .await?;
    Ok(())
}

async fn lifecycle(conn: &Connect, cmd: &Cmd) -> CmdResult {
    let flags = affect_flags(cmd)?;
    let d = lookup::domain(conn, cmd, "domain").await?;
    let ty = cmd.get("type").unwrap_or("");
    let action = cmd.get("action").unwrap_or("");
    let kind = ["poweroff", "reboot", "crash"]
        .iter()
        .position(|t| *t == ty)
        .ok_or_else(|| Failure::msg(format!("Invalid lifecycle type '{ty}'.")))?;
    let act = [
        "destroy",
        "restart",
        "rename-restart",
        "preserve",
        "coredump-destroy",
        "coredump-restart",
    ]
    .iter()
    .position(|a| *a == action)
    .ok_or_else(|| Failure::msg(format!("Invalid lifecycle action '{action}'.")))?;
    conn.domain_set_lifecycle_action(&d, kind as u32, act as u32, flags)
        .await?;
    Ok(())
}

/// memtune's setters: the `--hard-limit …` options given, in KiB (−1 for unlimited), or
/// `None` when only querying.
pub fn memtune_params(cmd: &Cmd) -> Result<Vec<TypedParam>, Failure> {
    const UNLIMITED: u64 = 9_007_199_254_740_991;
    let mut out = Vec::new();
    for (opt, field) in [
        ("hard-limit", "hard_limit"),
        ("soft-limit", "soft_limit"),
        ("swap-hard-limit", "swap_hard_limit"),
        ("min-guarantee", "min_guarantee"),
    ] {
        let Some(raw) = cmd.get(opt) else { continue };
        let kib = if raw.trim_start().starts_with('-') {
            match raw.trim().parse::<i64>() {
                Ok(v) if v < 0 => UNLIMITED,
                _ => {
                    return Err(Failure::msg(format!(
                        "Unable to parse integer parameter {opt}"
                    )))
                }
            }
        } else {
            let bytes = scaled_as(
                cmd,
                opt,
                1024,
                &format!("Unable to parse integer parameter {opt}"),
            )?
            .unwrap_or(0);
            (bytes / 1024).min(UNLIMITED)
        };
        out.push(TypedParam::new(field, TypedValue::ULLong(kib)));
    }
    Ok(out)
}

/// blkiotune's setters: `--weight` and the `--device-*` lists.
pub fn blkiotune_params(cmd: &Cmd) -> Result<Vec<TypedParam>, Failure> {
    let mut out = Vec::new();
    if let Some(w) = cmd.get("weight") {
        // a signed int (`vshCommandOptInt`) that must be positive
        let v = crate::parser::parse_i64(w)
            .and_then(|n| i32::try_from(n).ok())
            .ok_or_else(|| {
                Failure::msg(format!(
                    "Numeric value '{w}' for <weight> option is malformed or out of range"
                ))
            })?;
        let v = u32::try_from(v)
            .ok()
            .filter(|&v| v > 0)
            .ok_or_else(|| Failure::msg(format!("Invalid value of {v} for I/O weight")))?;
        out.push(TypedParam::new("weight", TypedValue::UInt(v)));
    }
    for (opt, field) in [
        ("device-weights", "device_weight"),
        ("device-read-iops-sec", "device_read_iops_sec"),
        ("device-write-iops-sec", "device_write_iops_sec"),
        ("device-read-bytes-sec", "device_read_bytes_sec"),
        ("device-write-bytes-sec", "device_write_bytes_sec"),
    ] {
        if let Some(v) = cmd.get(opt) {
            out.push(TypedParam::new(field, TypedValue::String(v.to_string())));
        }
    }
    Ok(out)
}
