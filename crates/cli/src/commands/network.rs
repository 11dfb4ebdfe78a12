//! Network commands: net-list, net-info, net-dumpxml, net-start, net-destroy, net-define,
//! net-create, net-undefine, net-autostart, net-uuid, net-name, net-dhcp-leases.

use rvirt::Connect;

use crate::lookup;
use crate::output::{InfoLines, Table};
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

fn yn(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "net-list" => list(ctl, conn, cmd).await,
        "net-info" => {
            let n = lookup::network(conn, cmd, "network").await?;
            let mut info = InfoLines::new(ctl);
            info.line("Name:", &n.name);
            info.line("UUID:", n.uuid);
            if let Ok(a) = conn.network_is_active(&n).await {
                info.line("Active:", yn(a));
            }
            if let Ok(p) = conn.network_is_persistent(&n).await {
                info.line("Persistent:", yn(p));
            }
            match conn.network_get_autostart(&n).await {
                Ok(a) => info.line("Autostart:", yn(a)),
                Err(_) => info.line("Autostart:", "no autostart"),
            }
            if let Ok(b) = conn.network_get_bridge_name(&n).await {
                info.line("Bridge:", b);
            }
            info.finish();
            Ok(())
        }
        "net-dumpxml" => {
            let n = lookup::network(conn, cmd, "network").await?;
            let flags = if cmd.has("inactive") { 1 } else { 0 };
            let x = conn.network_get_xml_desc(&n, flags).await?;
            super::domain::print_xml(ctl, cmd, &x)
        }
        "net-start" => {
            let n = lookup::network(conn, cmd, "network").await?;
            conn.network_create(&n)
                .await
                .map_err(|e| Failure::ctx(format!("Failed to start network {}", n.name), e))?;
            ctl.print_extra(&format!("Network {} started\n", n.name));
            Ok(())
        }
        "net-destroy" => {
            let n = lookup::network(conn, cmd, "network").await?;
            conn.network_destroy(&n)
                .await
                .map_err(|e| Failure::ctx(format!("Failed to destroy network {}", n.name), e))?;
            ctl.print_extra(&format!("Network {} destroyed\n", n.name));
            Ok(())
        }
        "net-undefine" => {
            let n = lookup::network(conn, cmd, "network").await?;
            conn.network_undefine(&n)
                .await
                .map_err(|e| Failure::ctx(format!("Failed to undefine network {}", n.name), e))?;
            ctl.print_extra(&format!("Network {} has been undefined\n", n.name));
            Ok(())
        }
        "net-define" | "net-create" => {
            let (path, xml) = super::xml_input::read_xml(cmd, "file", "network_definition")?;
            let verb = if cmd.def.name == "net-define" {
                "define"
            } else {
                "create"
            };
            let xml =
                xml.map_err(|e| Failure::ctx(format!("Failed to {verb} network from {path}"), e))?;
            let flags = if cmd.has("validate") { 1 } else { 0 };
            if cmd.def.name == "net-define" {
                let n = conn.network_define_xml(&xml, flags).await.map_err(|e| {
                    Failure::ctx(format!("Failed to define network from {path}"), e)
                })?;
                ctl.print_extra(&format!("Network {} defined from {path}\n", n.name));
            } else {
                let n = conn.network_create_xml(&xml, flags).await.map_err(|e| {
                    Failure::ctx(format!("Failed to create network from {path}"), e)
                })?;
                ctl.print_extra(&format!("Network {} created from {path}\n", n.name));
            }
            Ok(())
        }
        "net-autostart" => {
            let n = lookup::network(conn, cmd, "network").await?;
            let on = !cmd.has("disable");
            conn.network_set_autostart(&n, on).await.map_err(|e| {
                let w = if on { "mark" } else { "unmark" };
                Failure::ctx(
                    format!("failed to {w} network {} as autostarted", n.name),
                    e,
                )
            })?;
            let w = if on { "marked" } else { "unmarked" };
            ctl.print_extra(&format!("Network {} {w} as autostarted\n", n.name));
            Ok(())
        }
        "net-uuid" => {
            let n = lookup::network(conn, cmd, "network").await?;
            ctl.print(&format!("{}\n", n.uuid));
            Ok(())
        }
        "net-name" => {
            let n = lookup::network(conn, cmd, "network").await?;
            ctl.print(&format!("{}\n", n.name));
            Ok(())
        }
        "net-dhcp-leases" => leases(ctl, conn, cmd).await,
        _ => super::unhandled(cmd),
    }
}

async fn list(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    super::util::exclusive(cmd, "table", "name")?;
    super::util::exclusive(cmd, "table", "uuid")?;
    // VIR_CONNECT_LIST_NETWORKS_*: INACTIVE 1, ACTIVE 2, PERSISTENT 4, TRANSIENT 8,
    // AUTOSTART 16, NO_AUTOSTART 32.
    let mut flags = 2;
    if cmd.has("inactive") {
        flags = 1;
    }
    if cmd.has("all") {
        flags = 3;
    }
    for (o, f) in [
        ("persistent", 4),
        ("transient", 8),
        ("autostart", 16),
        ("no-autostart", 32),
    ] {
        if cmd.has(o) {
            flags |= f;
        }
    }
    let mut nets = conn
        .list_all_networks(flags)
        .await
        .map_err(|e| Failure::ctx("Failed to list networks", e))?;
    nets.sort_by(|a, b| a.name.cmp(&b.name));
    let (name, uuid) = (cmd.has("name"), cmd.has("uuid"));
    if name || uuid {
        for n in &nets {
            let mut parts = Vec::new();
            if uuid {
                parts.push(n.uuid.to_string());
            }
            if name {
                parts.push(n.name.clone());
            }
            ctl.print(&format!("{}\n", parts.join(" ")));
        }
        return Ok(());
    }
    let mut t = Table::new(&["Name", "State", "Autostart", "Persistent"]);
    for n in &nets {
        let active = conn.network_is_active(n).await.unwrap_or(false);
        let auto = match conn.network_get_autostart(n).await {
            Ok(true) => "yes",
            Ok(false) => "no",
            Err(_) => "no autostart",
        };
        let pers = yn(conn.network_is_persistent(n).await.unwrap_or(false));
        t.row(vec![
            n.name.clone(),
            if active { "active" } else { "inactive" }.into(),
            auto.into(),
            pers.into(),
        ]);
    }
    crate::output::emit(ctl, &t);
    Ok(())
}

async fn leases(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let n = lookup::network(conn, cmd, "network").await?;
    let ls = conn
        .network_get_dhcp_leases(&n, cmd.get("mac").map(String::from), 0)
        .await
        .map_err(|e| Failure::ctx(format!("Failed to get leases info for {}", n.name), e))?;
    let mut t = Table::new(&[
        "Expiry Time",
        "MAC address",
        "Protocol",
        "IP address",
        "Hostname",
        "Client ID or DUID",
    ]);
    for l in ls {
        let proto = if l.addr_type == 0 { "ipv4" } else { "ipv6" };
        t.row(vec![
            super::snapshot::fmt_time(l.expirytime),
            l.mac.unwrap_or_default(),
            proto.into(),
            format!("{}/{}", l.ipaddr, l.prefix),
            l.hostname.unwrap_or_else(|| "-".into()),
            l.clientid.unwrap_or_else(|| "-".into()),
        ]);
    }
    crate::output::emit(ctl, &t);
    Ok(())
}
