//! iface-begin, iface-commit, iface-rollback, find-storage-pool-sources(-as),
//! detach-device-alias, domblkthreshold, guest-agent-timeout, get-user-sshkeys,
//! set-user-sshkeys.

use rvirt::Connect;

use super::util::{affect_flags, read_file, scaled};
use crate::lookup;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\'', "&apos;")
        .replace('"', "&quot;")
}

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "iface-begin" => {
            conn.interface_change_begin(0).await.map_err(|e| {
                Failure::ctx("Failed to begin network config change transaction", e)
            })?;
            ctl.print_extra("Network config change transaction started\n");
        }
        "iface-commit" => {
            conn.interface_change_commit(0).await.map_err(|e| {
                Failure::ctx("Failed to commit network config change transaction", e)
            })?;
            ctl.print_extra("Network config change transaction committed\n");
        }
        "iface-rollback" => {
            conn.interface_change_rollback(0).await.map_err(|e| {
                Failure::ctx("Failed to rollback network config change transaction", e)
            })?;
            ctl.print_extra("Network config change transaction rolled back\n");
        }
        "find-storage-pool-sources" | "find-storage-pool-sources-as" => {
            let ty = cmd.get("type").unwrap_or("");
            let spec = if cmd.def.name == "find-storage-pool-sources" {
                match cmd.get("srcSpec") {
                    Some(_) => Some(read_file(cmd, "srcSpec")?.1),
                    None => None,
                }
            } else {
                match cmd.get("host") {
                    Some(h) => {
                        let port = cmd
                            .get("port")
                            .map(|p| format!(" port='{}'", esc(p)))
                            .unwrap_or_default();
                        let mut x = format!("<source>\n  <host name='{}'{port}/>\n", esc(h));
                        if let Some(i) = cmd.get("initiator") {
                            x.push_str(&format!(
                                "  <initiator>\n    <iqn name='{}'/>\n  </initiator>\n",
                                esc(i)
                            ));
                        }
                        x.push_str("</source>\n");
                        Some(x)
                    }
                    None => None,
                }
            };
            let xml = conn
                .find_storage_pool_sources(ty, spec, 0)
                .await
                .map_err(|e| Failure::ctx(format!("Failed to find any {ty} pool sources"), e))?;
            ctl.print(&xml);
        }
        "detach-device-alias" => {
            let flags = affect_flags(cmd)?;
            let d = lookup::domain(conn, cmd, "domain").await?;
            let alias = cmd.get("alias").unwrap_or("");
            conn.domain_detach_device_alias(&d, alias, flags)
                .await
                .map_err(|e| {
                    Failure::ctx(format!("Failed to detach device with alias {alias}"), e)
                })?;
            ctl.print_extra("Device detach request sent successfully\n");
        }
        "domblkthreshold" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let threshold = scaled(cmd, "threshold", 1)?.unwrap_or(0);
            conn.domain_set_block_threshold(&d, cmd.get("dev").unwrap_or(""), threshold, 0)
                .await?;
        }
        "guest-agent-timeout" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            // VIR_DOMAIN_AGENT_RESPONSE_TIMEOUT_DEFAULT unless given
            let t = cmd.int("timeout").map_err(Failure::msg)?.unwrap_or(-1);
            let t = i32::try_from(t).map_err(|_| {
                Failure::msg(format!(
                    "Numeric value '{t}' for <timeout> option is malformed or out of range"
                ))
            })?;
            conn.domain_agent_set_response_timeout(&d, t, 0).await?;
        }
        "get-user-sshkeys" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let keys = conn
                .domain_authorized_ssh_keys_get(&d, cmd.get("user").unwrap_or(""), 0)
                .await?;
            for k in keys {
                ctl.print(&format!("{k}\n"));
            }
        }
        "set-user-sshkeys" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let mut flags = 0;
            if cmd.has("reset") {
                flags |= 2;
            }
            if cmd.has("remove") {
                flags |= 1;
            }
            let keys: Vec<String> = match cmd.get("file") {
                Some(_) => read_file(cmd, "file")?
                    .1
                    .lines()
                    .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                    .map(str::to_string)
                    .collect(),
                None if cmd.has("remove") => {
                    return Err(Failure::msg("Option --file is required by option --remove"))
                }
                None if cmd.has("reset") => Vec::new(),
                None => return Err(Failure::msg("Option --file is required")),
            };
            conn.domain_authorized_ssh_keys_set(&d, cmd.get("user").unwrap_or(""), keys, flags)
                .await?;
        }
        _ => return super::unhandled(cmd),
    }
    Ok(())
}
