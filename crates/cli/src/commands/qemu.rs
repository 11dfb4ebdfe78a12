//! The QEMU program commands: qemu-monitor-command (`virDomainQemuMonitorCommand`),
//! qemu-agent-command (`virDomainQemuAgentCommand`) and qemu-monitor-event
//! (`virConnectDomainQemuMonitorEventRegister`).

use std::time::Duration;

use rvirt::{Connect, VirError};
use rvirt_core::driver::qemu_ext::{QemuMonitorEvent, QEMU_MONITOR_COMMAND_HMP};
use rvirt_core::error::ErrorDomain;
use tokio::sync::broadcast::error::RecvError;

use super::qemu_json::Json;
use super::util::{exclusive, int_opt, uint_opt};
use crate::lookup;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

/// `VIR_DOMAIN_QEMU_AGENT_COMMAND_BLOCK`, `_DEFAULT`, `_NOWAIT`.
const AGENT_BLOCK: i32 = -2;
const AGENT_DEFAULT: i32 = -1;
const AGENT_NOWAIT: i32 = 0;

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "qemu-monitor-command" => monitor_command(ctl, conn, cmd).await,
        "qemu-agent-command" => agent_command(ctl, conn, cmd).await,
        "qemu-monitor-event" => monitor_event(ctl, conn, cmd).await,
        "qemu-attach" => attach(ctl, conn, cmd).await,
        _ => super::unhandled(cmd),
    }
}

/// The `cmd` words joined by single spaces, as virsh builds the command text.
fn joined(cmd: &Cmd) -> String {
    cmd.argv("cmd").join(" ").trim_end_matches(' ').to_string()
}

/// `virshFetchPassFdsList`: the comma-separated descriptor numbers of `--pass-fds`.
fn pass_fds(cmd: &Cmd) -> Result<Vec<i32>, Failure> {
    let Some(list) = cmd.get("pass-fds") else {
        return Ok(Vec::new());
    };
    let mut fds = Vec::new();
    for part in list.split(',').filter(|p| !p.is_empty()) {
        let fd = crate::parser::parse_i64(part)
            .and_then(|n| i32::try_from(n).ok())
            .filter(|n| *n >= 0)
            .ok_or_else(|| Failure::msg(format!("Unable to parse FD number '{part}'")))?;
        fds.push(fd);
    }
    Ok(fds)
}

async fn monitor_command(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    exclusive(cmd, "hmp", "pretty")?;
    exclusive(cmd, "hmp", "return-value")?;
    let dom = lookup::domain(conn, cmd, "domain").await?;
    let (text, flags) = if cmd.has("hmp") {
        (joined(cmd), QEMU_MONITOR_COMMAND_HMP)
    } else {
        (super::qemu_wrap::qmp_command(&cmd.argv("cmd"))?, 0)
    };
    if !pass_fds(cmd)?.is_empty() {
        // rvirt passes no descriptors: a remote daemon does not offer it, the test driver
        // has no virDomainQemuMonitorCommandWithFiles.
        if conn.remote().is_some() {
            return Err(Failure::msg("file descriptor passing is not supported"));
        }
        return Err(VirError::no_support_in(
            ErrorDomain::Dom,
            "virDomainQemuMonitorCommandWithFiles",
        )
        .into());
    }
    let result = conn.qemu_monitor_command(&dom, &text, flags).await?;
    let pretty = cmd.has("pretty");
    let return_value = cmd.has("return-value");
    let parsed = if pretty || return_value {
        Json::parse(&result)
    } else {
        None
    };
    let Some(json) = parsed else {
        if return_value {
            return Err(Failure::msg("failed to parse JSON returned by qemu"));
        }
        ctl.print(&format!("{result}\n"));
        return Ok(());
    };
    let shown = if return_value {
        json.get("return")
            .ok_or_else(|| Failure::msg("'return' member missing"))?
    } else {
        &json
    };
    // virsh prints the formatted JSON without a newline of its own
    ctl.print(shown.to_text(pretty).trim_end());
    Ok(())
}

async fn agent_command(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let dom = lookup::domain(conn, cmd, "domain").await?;
    let mut timeout = AGENT_DEFAULT;
    let mut chosen = 0;
    if let Some(t) = int_opt(cmd, "timeout")? {
        let t = i32::try_from(t).map_err(|_| {
            Failure::msg(format!(
                "Numeric value '{}' for <timeout> option is malformed or out of range",
                cmd.get("timeout").unwrap_or_default()
            ))
        })?;
        if t < 1 {
            return Err(Failure::msg("timeout must be positive"));
        }
        timeout = t;
        chosen += 1;
    }
    if cmd.has("async") {
        timeout = AGENT_NOWAIT;
        chosen += 1;
    }
    if cmd.has("block") {
        timeout = AGENT_BLOCK;
        chosen += 1;
    }
    if chosen > 1 {
        return Err(Failure::msg(
            "timeout, async and block options are exclusive",
        ));
    }
    let text = joined(cmd);
    let Some(result) = conn.qemu_agent_command(&dom, &text, timeout, 0).await? else {
        return Err(Failure::msg("An error occurred, but the cause is unknown"));
    };
    match Json::parse(&result).filter(|_| cmd.has("pretty")) {
        // the beautified text ends in a newline of its own before virsh's
        Some(j) => ctl.print(&format!("{}\n\n", j.to_text(true))),
        None => ctl.print(&format!("{result}\n")),
    }
    Ok(())
}

/// `qemu-attach PID` (`virDomainQemuAttach`).
async fn attach(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let raw = cmd.get("pid").unwrap_or_default();
    let pid = uint_opt(cmd, "pid")?
        .and_then(|p| u32::try_from(p).ok())
        .ok_or_else(|| {
            Failure::msg(format!(
                "Numeric value '{raw}' for <pid> option is malformed or out of range"
            ))
        })?;
    let fail = format!("Failed to attach to pid {pid}");
    if pid == 0 {
        return Err(Failure {
            lines: vec![
                fail,
                "pid_value in virDomainQemuAttach must not be zero".into(),
            ],
        });
    }
    let dom = conn
        .qemu_attach(pid, 0)
        .await
        .map_err(|e| Failure::ctx(fail, e))?;
    ctl.print_extra(&format!("Domain '{}' attached to pid {pid}\n", dom.name));
    Ok(())
}

/// The event-name filter of `--event` with `--regex`/`--no-case` (libvirt matches on the
/// daemon side; rvirt's stream carries every event, so rvirsh filters here).
struct NameFilter {
    pattern: String,
    regex: bool,
    nocase: bool,
}

impl NameFilter {
    fn matches(&self, name: &str) -> bool {
        let (p, n) = if self.nocase {
            (self.pattern.to_lowercase(), name.to_lowercase())
        } else {
            (self.pattern.clone(), name.to_string())
        };
        if !self.regex {
            return p == n;
        }
        let p: Vec<char> = p.chars().collect();
        let n: Vec<char> = n.chars().collect();
        regex_search(&p, &n)
    }
}

/// A small POSIX-style search supporting literals, `.`, `*`, `^` and `$`.
fn regex_search(p: &[char], s: &[char]) -> bool {
    if let Some(rest) = p.strip_prefix(&['^']) {
        return regex_here(rest, s);
    }
    (0..=s.len()).any(|i| regex_here(p, &s[i..]))
}

fn regex_here(p: &[char], s: &[char]) -> bool {
    match p {
        [] => true,
        ['$'] => s.is_empty(),
        [c, '*', rest @ ..] => {
            let mut i = 0;
            loop {
                if regex_here(rest, &s[i..]) {
                    return true;
                }
                if i < s.len() && (*c == '.' || s[i] == *c) {
                    i += 1;
                } else {
                    return false;
                }
            }
        }
        [c, rest @ ..] => match s.split_first() {
            Some((h, tail)) if *c == '.' || h == c => regex_here(rest, tail),
            _ => false,
        },
    }
}

/// One event line as virsh prints it.
fn describe(ev: &QemuMonitorEvent, pretty: bool, stamp: bool) -> String {
    let details = match (&ev.details, pretty) {
        (Some(d), true) => Json::parse(d)
            .map(|j| j.to_text(true))
            .unwrap_or_else(|| d.clone()),
        (Some(d), false) => d.clone(),
        (None, _) => "<null>".to_string(),
    };
    if stamp {
        format!(
            "{}: event {} for domain '{}': {details}\n",
            super::event::timestamp(),
            ev.event,
            ev.dom.name
        )
    } else {
        format!(
            "event {} at {}.{:06} for domain '{}': {details}\n",
            ev.event, ev.seconds, ev.micros, ev.dom.name
        )
    }
}

async fn monitor_event(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    // vshCommandOptTimeoutToMs: whole seconds that still fit in milliseconds as an int
    let timeout = int_opt(cmd, "timeout")?;
    if let Some(t) = timeout {
        if t < 1 || t > i64::from(i32::MAX / 1000) {
            return Err(Failure::msg(format!(
                "Numeric value '{}' for <timeout> option is malformed or out of range",
                cmd.get("timeout").unwrap_or_default()
            )));
        }
    }
    let dom = match cmd.get("domain") {
        Some(_) => Some(lookup::domain(conn, cmd, "domain").await?),
        None => None,
    };
    let filter = cmd.get("event").map(|e| NameFilter {
        pattern: e.to_string(),
        regex: cmd.has("regex"),
        nocase: cmd.has("no-case"),
    });
    let mut rx = conn.qemu_monitor_events()?;
    let looping = cmd.has("loop");
    let pretty = cmd.has("pretty");
    let stamp = cmd.has("timestamp");
    let deadline = timeout.map(|t| tokio::time::Instant::now() + Duration::from_secs(t as u64));
    let mut count = 0u64;
    let mut timed_out = false;
    let mut interrupted = false;
    loop {
        let next = async {
            match deadline {
                Some(d) => tokio::time::timeout_at(d, rx.recv()).await.ok(),
                None => Some(rx.recv().await),
            }
        };
        let got = tokio::select! {
            r = next => r,
            _ = tokio::signal::ctrl_c() => {
                interrupted = true;
                break;
            }
        };
        let ev = match got {
            None => {
                timed_out = true;
                break;
            }
            Some(Err(RecvError::Lagged(_))) => continue,
            Some(Err(RecvError::Closed)) => break,
            Some(Ok(ev)) => ev,
        };
        if let Some(d) = &dom {
            if ev.dom.uuid != d.uuid {
                continue;
            }
        }
        if let Some(f) = &filter {
            if !f.matches(&ev.event) {
                continue;
            }
        }
        ctl.print(&describe(&ev, pretty, stamp));
        ctl.flush();
        count += 1;
        if !looping {
            break;
        }
    }
    if interrupted {
        ctl.print("event loop interrupted\n");
    }
    if timed_out {
        ctl.print("event loop timed out\n");
    }
    ctl.print(&format!("events received: {count}\n"));
    if count == 0 {
        return Err(Failure::default());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{describe, regex_search, NameFilter};
    use rvirt_core::driver::qemu_ext::QemuMonitorEvent;
    use rvirt_core::{DomainRef, Uuid};

    fn re(p: &str, s: &str) -> bool {
        let p: Vec<char> = p.chars().collect();
        let s: Vec<char> = s.chars().collect();
        regex_search(&p, &s)
    }

    #[test]
    fn regex_subset() {
        assert!(re("STOP", "STOP"));
        assert!(re("TO", "STOP"));
        assert!(re("^S.*P$", "STOP"));
        assert!(!re("^TOP", "STOP"));
        assert!(!re("RESUME", "STOP"));
        assert!(re("BLOCK_JOB_.*", "BLOCK_JOB_COMPLETED"));
    }

    #[test]
    fn literal_and_nocase() {
        let f = NameFilter {
            pattern: "stop".into(),
            regex: false,
            nocase: true,
        };
        assert!(f.matches("STOP"));
        assert!(!f.matches("STOPPED"));
        let f = NameFilter {
            pattern: "stop".into(),
            regex: false,
            nocase: false,
        };
        assert!(!f.matches("STOP"));
    }

    #[test]
    fn event_lines() {
        let ev = QemuMonitorEvent {
            dom: DomainRef {
                name: "qg".into(),
                uuid: Uuid([1; 16]),
                id: 1,
            },
            event: "STOP".into(),
            seconds: 1700000000,
            micros: 42,
            details: Some(r#"{"reason":"x"}"#.into()),
        };
        assert_eq!(
            describe(&ev, false, false),
            "event STOP at 1700000000.000042 for domain 'qg': {\"reason\":\"x\"}\n"
        );
        assert_eq!(
            describe(&ev, true, false),
            "event STOP at 1700000000.000042 for domain 'qg': {\n  \"reason\": \"x\"\n}\n"
        );
        let none = QemuMonitorEvent {
            details: None,
            ..ev
        };
        assert!(describe(&none, false, false).ends_with("for domain 'qg': <null>\n"));
        assert!(describe(&none, false, true).contains(": event STOP for domain 'qg': <null>\n"));
    }
}
