//! `net-update <network> <command> <section> <xml>`: virNetworkUpdate.

use rvirt::Connect;

use super::util::{affect_flags, AFFECT_CONFIG, AFFECT_LIVE};
use crate::lookup;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

/// `virNetworkUpdateCommand` by virsh's names.
fn command_code(s: &str) -> Option<u32> {
    Some(match s {
        "modify" => 1,
        "delete" => 2,
        "add" | "add-last" => 3,
        "add-first" => 4,
        _ => return None,
    })
}

/// `virNetworkUpdateSection` by virsh's names.
fn section_code(s: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "bridge",
        "domain",
        "ip",
        "ip-dhcp-host",
        "ip-dhcp-range",
        "forward",
        "forward-interface",
        "forward-pf",
        "portgroup",
        "dns-host",
        "dns-txt",
        "dns-srv",
    ];
    NAMES
        .iter()
        .position(|n| *n == s)
        .and_then(|i| u32::try_from(i + 1).ok())
}

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let flags = affect_flags(cmd)?;
    let net = lookup::network(conn, cmd, "network").await?;
    let c = cmd.get("command").unwrap_or("");
    let command =
        command_code(c).ok_or_else(|| Failure::msg(format!("unrecognized command name '{c}'")))?;
    let s = cmd.get("section").unwrap_or("");
    let section =
        section_code(s).ok_or_else(|| Failure::msg(format!("unrecognized section name '{s}'")))?;
    let parent = match cmd.int("parent-index").map_err(Failure::msg)? {
        Some(i) => i32::try_from(i).map_err(|_| {
            Failure::msg(format!(
                "Numeric value '{i}' for <parent-index> option is malformed or out of range"
            ))
        })?,
        None => -1,
    };
    let arg = cmd.get("xml").unwrap_or("");
    let xml = if arg.starts_with('<') {
        arg.to_string()
    } else {
        super::util::read_file(cmd, "xml")?.1
    };
    conn.network_update(&net, command, section, parent, &xml, flags)
        .await
        .map_err(|e| Failure::ctx(format!("Failed to update network {}", net.name), e))?;
    let state = if flags & AFFECT_CONFIG != 0 && flags & AFFECT_LIVE != 0 {
        "persistent config and live state"
    } else if flags & AFFECT_CONFIG != 0 {
        "persistent config"
    } else if flags & AFFECT_LIVE != 0 || conn.network_is_active(&net).await.unwrap_or(false) {
        "live state"
    } else {
        "persistent config"
    };
    // virsh ends the line with its blank line after the command
    ctl.print_extra(&format!("Updated network {} {state}", net.name));
    Ok(())
}
