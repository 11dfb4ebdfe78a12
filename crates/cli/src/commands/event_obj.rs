//! net-event, pool-event, nodedev-event and secret-event: wait for one object kind's events
//! and print them as virsh does.

use std::time::Duration;

use rvirt::{Connect, Event};
use rvirt_core::event::{
    NetworkEventKind, NodeDeviceEventKind, SecretEventKind, StoragePoolEventKind,
};

use super::util::int_opt;
use crate::lookup;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

/// The event names each command knows (its `--list`).
fn names(cmd: &str) -> &'static [&'static str] {
    match cmd {
        "net-event" => &["lifecycle"],
        "pool-event" => &["lifecycle", "refresh"],
        "nodedev-event" => &["lifecycle", "update"],
        _ => &["lifecycle", "value-changed"],
    }
}

fn pick(list: &[&'static str], i: i32) -> &'static str {
    usize::try_from(i)
        .ok()
        .and_then(|i| list.get(i).copied())
        .unwrap_or("unknown")
}

/// One event as virsh prints it (without the timestamp).
fn describe(ev: &Event) -> Option<String> {
    Some(match ev {
        Event::Network { net, kind } => match kind {
            NetworkEventKind::Lifecycle { event, .. } => format!(
                "event 'lifecycle' for network {}: {}",
                net.name,
                pick(&["Defined", "Undefined", "Started", "Stopped"], *event)
            ),
        },
        Event::StoragePool { pool, kind } => match kind {
            StoragePoolEventKind::Lifecycle { event, .. } => format!(
                "event 'lifecycle' for storage pool {}: {}",
                pool.name,
                pick(
                    &[
                        "Defined",
                        "Undefined",
                        "Started",
                        "Stopped",
                        "Created",
                        "Deleted"
                    ],
                    *event
                )
            ),
            StoragePoolEventKind::Refresh => {
                format!("event 'refresh' for storage pool {}", pool.name)
            }
        },
        Event::NodeDevice { dev, kind } => match kind {
            NodeDeviceEventKind::Lifecycle { event, .. } => format!(
                "event 'lifecycle' for node device {}: {}",
                dev.name,
                pick(&["Created", "Deleted", "Defined", "Undefined"], *event)
            ),
            NodeDeviceEventKind::Update => format!("event 'update' for node device {}", dev.name),
        },
        Event::Secret { secret, kind } => match kind {
            SecretEventKind::Lifecycle { event, .. } => format!(
                "event 'lifecycle' for secret {}: {}",
                secret.uuid,
                pick(&["Defined", "Undefined"], *event)
            ),
            SecretEventKind::ValueChanged => {
                format!("event 'value-changed' for secret {}", secret.uuid)
            }
        },
        Event::Domain { .. } => return None,
    })
}

/// Prints a failure's lines as errors without ending the command.
fn report(ctl: &mut Ctl, f: &Failure) {
    use std::io::Write;
    ctl.flush();
    let mut se = std::io::stderr().lock();
    for l in &f.lines {
        let _ = writeln!(se, "error: {l}");
    }
}

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let list = names(cmd.def.name);
    if cmd.has("list") {
        for n in list {
            ctl.print(&format!("{n}\n"));
        }
        return Ok(());
    }
    let Some(ev) = cmd.get("event") else {
        return Err(Failure::msg("either --list or --event <type> is required"));
    };
    let id = list
        .iter()
        .position(|n| *n == ev)
        .ok_or_else(|| Failure::msg(format!("unknown event type {ev}")))? as i32;
    let timeout = int_opt(cmd, "timeout")?;
    if let Some(t) = timeout {
        if t < 1 {
            return Err(Failure::msg(format!(
                "Numeric value '{t}' for <timeout> option is malformed or out of range"
            )));
        }
    }
    let mut sub = match cmd.def.name {
        "net-event" => {
            // virsh reports a failed lookup and then listens to every network
            let n = match cmd.get("network") {
                Some(_) => match lookup::network(conn, cmd, "network").await {
                    Ok(n) => Some(n),
                    Err(f) => {
                        report(ctl, &f);
                        None
                    }
                },
                None => None,
            };
            conn.network_event_register_any(id, n.as_ref()).await?
        }
        "pool-event" => {
            let p = match cmd.get("pool") {
                Some(_) => match lookup::pool(conn, cmd, "pool").await {
                    Ok(p) => Some(p),
                    Err(f) => {
                        report(ctl, &f);
                        None
                    }
                },
                None => None,
            };
            conn.storage_pool_event_register_any(id, p.as_ref()).await?
        }
        "nodedev-event" => {
            let d = match cmd.get("device") {
                Some(name) => Some(conn.node_device_lookup_by_name(name).await.map_err(|e| {
                    Failure::ctx(format!("Could not find matching device '{name}'"), e)
                })?),
                None => None,
            };
            conn.node_device_event_register_any(id, d.as_ref()).await?
        }
        _ => {
            let s = match cmd.get("secret") {
                Some(_) => match lookup::secret(conn, cmd, "secret").await {
                    Ok(s) => Some(s),
                    Err(f) => {
                        report(ctl, &f);
                        None
                    }
                },
                None => None,
            };
            conn.secret_event_register_any(id, s.as_ref()).await?
        }
    };
    let looping = cmd.has("loop");
    let stamp = cmd.has("timestamp");
    let deadline = timeout.map(|t| tokio::time::Instant::now() + Duration::from_secs(t as u64));
    let mut count = 0u64;
    let mut timed_out = false;
    loop {
        let next = async {
            match deadline {
                Some(d) => tokio::time::timeout_at(d, sub.recv()).await.ok(),
                None => Some(sub.recv().await),
            }
        };
        let got = tokio::select! {
            r = next => r,
            _ = tokio::signal::ctrl_c() => break,
        };
        match got {
            None => {
                timed_out = true;
                break;
            }
            Some(None) => break,
            Some(Some(e)) => {
                let Some(line) = describe(&e) else { continue };
                if stamp {
                    ctl.print(&format!("{}: {line}\n", super::event::timestamp()));
                } else {
                    ctl.print(&format!("{line}\n"));
                }
                ctl.flush();
                count += 1;
                if !looping {
                    break;
                }
            }
        }
    }
    let _ = sub.deregister().await;
    if timed_out {
        ctl.print("event loop timed out\n");
    }
    ctl.print(&format!("events received: {count}\n"));
    if timed_out {
        return Err(Failure::default());
    }
    Ok(())
}
