//! The `event` command: wait for domain events and print them as virsh does.

use std::time::Duration;

use rvirt::{Connect, DomainEventKind, Event};

use super::util::int_opt;
use crate::lookup;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

/// virsh's names for `virDomainEventID` 0..27.
const EVENT_NAMES: [&str; 27] = [
    "lifecycle",
    "reboot",
    "rtc-change",
    "watchdog",
    "io-error",
    "graphics",
    "io-error-reason",
    "control-error",
    "block-job",
    "disk-change",
    "tray-change",
    "pm-wakeup",
    "pm-suspend",
    "balloon-change",
    "pm-suspend-disk",
    "device-removed",
    "block-job-2",
    "tunable",
    "agent-lifecycle",
    "device-added",
    "migration-iteration",
    "job-completed",
    "device-removal-failed",
    "metadata-change",
    "block-threshold",
    "memory-failure",
    "memory-device-size-change",
];

/// `virshDomainEventToString` and `virshDomainEventDetailToString`.
pub fn lifecycle_str(event: i32, detail: i32) -> (&'static str, &'static str) {
    let (name, details): (&str, &[&str]) = match event {
        0 => ("Defined", &["Added", "Updated", "Renamed", "Snapshot"]),
        1 => ("Undefined", &["Removed", "Renamed"]),
        2 => (
            "Started",
            &["Booted", "Migrated", "Restored", "Snapshot", "Event wakeup"],
        ),
        3 => (
            "Suspended",
            &[
                "Paused",
                "Migrated",
                "I/O Error",
                "Watchdog",
                "Restored",
                "Snapshot",
                "API error",
                "Post-copy",
                "Post-copy Error",
            ],
        ),
        4 => (
            "Resumed",
            &[
                "Unpaused",
                "Migrated",
                "Snapshot",
                "Post-copy",
                "Post-copy Error",
            ],
        ),
        5 => (
            "Stopped",
            &[
                "Shutdown",
                "Destroyed",
                "Crashed",
                "Migrated",
                "Saved",
                "Failed",
                "Snapshot",
            ],
        ),
        6 => (
            "Shutdown",
            &[
                "Finished",
                "Finished after guest request",
                "Finished after host request",
            ],
        ),
        7 => ("PMSuspended", &["Memory", "Disk"]),
        8 => ("Crashed", &["Panicked", "Crashloaded"]),
        _ => ("unknown", &[]),
    };
    let d = usize::try_from(detail)
        .ok()
        .and_then(|i| details.get(i).copied())
        .unwrap_or("unknown");
    (name, d)
}

fn describe(name: &str, kind: &DomainEventKind) -> String {
    match kind {
        DomainEventKind::Lifecycle { event, detail } => {
            let (e, d) = lifecycle_str(*event, *detail);
            format!("event 'lifecycle' for domain '{name}': {e} {d}")
        }
        DomainEventKind::Reboot => format!("event 'reboot' for domain '{name}'"),
        DomainEventKind::RtcChange { offset } => {
            format!("event 'rtc-change' for domain '{name}': {offset}")
        }
        DomainEventKind::DeviceRemoved { dev_alias } => {
            format!("event 'device-removed' for domain '{name}': {dev_alias}")
        }
        DomainEventKind::DeviceAdded { dev_alias } => {
            format!("event 'device-added' for domain '{name}': {dev_alias}")
        }
        DomainEventKind::MetadataChange { kind, nsuri } => {
            let t = match kind {
                0 => "description",
                1 => "title",
                _ => "element",
            };
            format!(
                "event 'metadata-change' for domain '{name}': type {t}, uri {}",
                nsuri.as_deref().unwrap_or("n/a")
            )
        }
        DomainEventKind::BalloonChange { actual } => {
            format!("event 'balloon-change' for domain '{name}': {actual}KiB")
        }
        other => {
            let id = other.event_id();
            let n = EVENT_NAMES.get(id as usize).copied().unwrap_or("unknown");
            format!("event '{n}' for domain '{name}'")
        }
    }
}

pub(super) fn timestamp() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let base = super::snapshot::fmt_time(now.as_secs() as i64);
    // "YYYY-MM-DD HH:MM:SS.mmm+0000"
    let (dt, _) = base.split_at(19);
    format!("{dt}.{:03}+0000", now.subsec_millis())
}

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    if cmd.has("list") {
        for n in EVENT_NAMES {
            ctl.print(&format!("{n}\n"));
        }
        return Ok(());
    }
    let ids: Vec<i32> = match cmd.req("event").map_err(Failure::msg)? {
        Some(e) => {
            if cmd.has("all") {
                return Err(Failure::msg(
                    "Options --all and --event are mutually exclusive",
                ));
            }
            let id = EVENT_NAMES
                .iter()
                .position(|n| *n == e)
                .ok_or_else(|| Failure::msg(format!("unknown event type {e}")))?;
            vec![id as i32]
        }
        None if cmd.has("all") => (0..EVENT_NAMES.len() as i32).collect(),
        None => {
            return Err(Failure::msg(
                "one of --list, --all, or --event <type> is required",
            ))
        }
    };
    let timeout = int_opt(cmd, "timeout")?;
    if let Some(t) = timeout {
        if t < 1 {
            return Err(Failure::msg(format!(
                "Numeric value '{t}' for <timeout> option is malformed or out of range"
            )));
        }
    }
    let dom = match cmd.get("domain") {
        Some(d) => Some(lookup::domain_by(conn, d).await?),
        None => None,
    };
    let mut subs = Vec::new();
    for id in ids {
        subs.push(conn.domain_event_register_any(id, dom.as_ref()).await?);
    }
    let looping = cmd.has("loop");
    let stamp = cmd.has("timestamp");
    let deadline = timeout.map(|t| tokio::time::Instant::now() + Duration::from_secs(t as u64));
    let mut count = 0u64;
    let mut timed_out = false;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Event>();
    let mut handles = Vec::new();
    for mut s in subs {
        let tx = tx.clone();
        handles.push(tokio::spawn(async move {
            while let Some(ev) = s.recv().await {
                if tx.send(ev).is_err() {
                    break;
                }
            }
            let _ = s.deregister().await;
        }));
    }
    drop(tx);
    loop {
        let next = async {
            match deadline {
                Some(d) => tokio::time::timeout_at(d, rx.recv()).await.ok(),
                None => Some(rx.recv().await),
            }
        };
        let ev = tokio::select! {
            r = next => r,
            _ = tokio::signal::ctrl_c() => break,
        };
        match ev {
            None => {
                timed_out = true;
                break;
            }
            Some(None) => break,
            Some(Some(Event::Domain { dom, kind })) => {
                let line = describe(&dom.name, &kind);
                if stamp {
                    ctl.print(&format!("{}: {line}\n", timestamp()));
                } else {
                    ctl.print(&format!("{line}\n"));
                }
                ctl.flush();
                count += 1;
                if !looping {
                    break;
                }
            }
            Some(Some(_)) => {}
        }
    }
    for h in handles {
        h.abort();
    }
    if timed_out {
        ctl.print("event loop timed out\n");
    }
    ctl.print(&format!("events received: {count}\n"));
    if timed_out {
        return Err(Failure::default());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifecycle_lines_match_virsh() {
        let k = DomainEventKind::Lifecycle {
            event: 5,
            detail: 1,
        };
        assert_eq!(
            describe("x", &k),
            "event 'lifecycle' for domain 'x': Stopped Destroyed"
        );
        assert_eq!(lifecycle_str(3, 0), ("Suspended", "Paused"));
        assert_eq!(
            describe("x", &DomainEventKind::Reboot),
            "event 'reboot' for domain 'x'"
        );
        assert_eq!(EVENT_NAMES.len(), 27);
    }
}
