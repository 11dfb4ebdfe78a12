//! Storage pool commands: pool-list, pool-info, pool-dumpxml, pool-define, pool-define-as,
//! pool-create-as, pool-start, pool-destroy, pool-undefine, pool-build, pool-refresh,
//! pool-autostart.

use rvirt::Connect;

use crate::lookup;
use crate::output::{fmt_capacity, InfoLines, Table};
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

fn yn(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// `virStoragePoolState` as pool-info/pool-list --details print it.
fn state_str(s: i32) -> &'static str {
    match s {
        0 => "inactive",
        1 => "building",
        2 => "running",
        3 => "degraded",
        4 => "inaccessible",
        _ => "unknown",
    }
}

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let name = cmd.def.name;
    match name {
        "pool-list" => list(ctl, conn, cmd).await,
        "pool-info" => {
            let p = lookup::pool(conn, cmd, "pool").await?;
            let mut info = InfoLines::new(ctl);
            info.line("Name:", &p.name);
            info.line("UUID:", p.uuid);
            let i = conn.pool_get_info(&p).await?;
            info.line("State:", state_str(i.state));
            if let Ok(x) = conn.pool_is_persistent(&p).await {
                info.line("Persistent:", yn(x));
            }
            if let Ok(x) = conn.pool_get_autostart(&p).await {
                info.line("Autostart:", yn(x));
            }
            if i.state == 2 || i.state == 3 {
                info.line("Capacity:", fmt_capacity(i.capacity));
                info.line("Allocation:", fmt_capacity(i.allocation));
                info.line("Available:", fmt_capacity(i.available));
            }
            info.finish();
            Ok(())
        }
        "pool-dumpxml" => {
            let p = lookup::pool(conn, cmd, "pool").await?;
            let flags = if cmd.has("inactive") { 1 } else { 0 };
            let x = conn.pool_get_xml_desc(&p, flags).await?;
            super::domain::print_xml(ctl, cmd, &x)
        }
        "pool-define" | "pool-create" => {
            let (path, xml) = super::xml_input::read_xml(cmd, "file", "storage_pool_definition")?;
            let verb = if name == "pool-define" {
                "define"
            } else {
                "create"
            };
            let xml =
                xml.map_err(|e| Failure::ctx(format!("Failed to {verb} pool from {path}"), e))?;
            if name == "pool-define" {
                let p = conn
                    .pool_define_xml(&xml, 0)
                    .await
                    .map_err(|e| Failure::ctx(format!("Failed to define pool from {path}"), e))?;
                ctl.print_extra(&format!("Pool {} defined from {path}\n", p.name));
            } else {
                super::util::exclusive(cmd, "overwrite", "no-overwrite")?;
                let mut f = 0;
                for (opt, bit) in [("build", 1), ("overwrite", 2), ("no-overwrite", 4)] {
                    if cmd.has(opt) {
                        f |= bit;
                    }
                }
                let p = conn
                    .pool_create_xml(&xml, f)
                    .await
                    .map_err(|e| Failure::ctx(format!("Failed to create pool from {path}"), e))?;
                ctl.print_extra(&format!("Pool {} created from {path}\n", p.name));
            }
            Ok(())
        }
        "pool-define-as" | "pool-create-as" => {
            super::util::req_all(cmd, &AS_OPTS)?;
            let xml = build_xml(cmd);
            let pname = cmd.get("name").unwrap_or("");
            if cmd.has("print-xml") {
                ctl.print(&xml);
                return Ok(());
            }
            if name == "pool-define-as" {
                let p = conn
                    .pool_define_xml(&xml, 0)
                    .await
                    .map_err(|e| Failure::ctx(format!("Failed to define pool {pname}"), e))?;
                ctl.print_extra(&format!("Pool {} defined\n", p.name));
            } else {
                let p = conn
                    .pool_create_xml(&xml, 0)
                    .await
                    .map_err(|e| Failure::ctx(format!("Failed to create pool {pname}"), e))?;
                ctl.print_extra(&format!("Pool {} created\n", p.name));
            }
            Ok(())
        }
        "pool-start" | "pool-destroy" | "pool-undefine" | "pool-build" | "pool-refresh" => {
            let p = lookup::pool(conn, cmd, "pool").await?;
            let (res, verb, done) = match name {
                "pool-start" => (conn.pool_create(&p, 0).await, "start", "started"),
                "pool-destroy" => (conn.pool_destroy(&p).await, "destroy", "destroyed"),
                "pool-undefine" => (
                    conn.pool_undefine(&p).await,
                    "undefine",
                    "has been undefined",
                ),
                "pool-build" => {
                    let mut f = 0;
                    if cmd.has("overwrite") {
                        f |= 4;
                    }
                    if cmd.has("no-overwrite") {
                        f |= 8;
                    }
                    (conn.pool_build(&p, f).await, "build", "built")
                }
                _ => (conn.pool_refresh(&p, 0).await, "refresh", "refreshed"),
            };
            res.map_err(|e| Failure::ctx(format!("Failed to {verb} pool {}", p.name), e))?;
            ctl.print_extra(&format!("Pool {} {done}\n", p.name));
            Ok(())
        }
        "pool-autostart" => {
            let p = lookup::pool(conn, cmd, "pool").await?;
            let on = !cmd.has("disable");
            conn.pool_set_autostart(&p, on).await.map_err(|e| {
                let w = if on { "mark" } else { "unmark" };
                Failure::ctx(format!("failed to {w} pool {} as autostarted", p.name), e)
            })?;
            let w = if on { "marked" } else { "unmarked" };
            ctl.print_extra(&format!("Pool {} {w} as autostarted\n", p.name));
            Ok(())
        }
        _ => super::unhandled(cmd),
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\'', "&apos;")
        .replace('"', "&quot;")
}

/// The pool XML pool-define-as/pool-create-as build from their options.
/// The options pool-define-as/pool-create-as read, in virsh's order (`virshBuildPoolXML`).
const AS_OPTS: [&str; 12] = [
    "name",
    "type",
    "source-host",
    "source-path",
    "source-dev",
    "source-name",
    "target",
    "source-format",
    "auth-type",
    "auth-username",
    "secret-usage",
    "adapter-name",
];

fn build_xml(cmd: &Cmd) -> String {
    let g = |o: &str| cmd.get(o);
    let mut x = format!("<pool type='{}'>\n", esc(g("type").unwrap_or("")));
    x.push_str(&format!(
        "  <name>{}</name>\n",
        esc(g("name").unwrap_or(""))
    ));
    let (host, path, dev, sname, sfmt, adapter) = (
        g("source-host"),
        g("source-path"),
        g("source-dev"),
        g("source-name"),
        g("source-format"),
        g("adapter-name"),
    );
    if host.is_some()
        || path.is_some()
        || dev.is_some()
        || sname.is_some()
        || sfmt.is_some()
        || adapter.is_some()
    {
        x.push_str("  <source>\n");
        if let Some(h) = host {
            x.push_str(&format!("    <host name='{}'", esc(h)));
            if let Some(p) = g("source-port") {
                x.push_str(&format!(" port='{}'", esc(p)));
            }
            x.push_str("/>\n");
        }
        if let Some(p) = path {
            x.push_str(&format!("    <dir path='{}'/>\n", esc(p)));
        }
        if let Some(d) = dev {
            x.push_str(&format!("    <device path='{}'/>\n", esc(d)));
        }
        if let Some(a) = adapter {
            x.push_str(&format!("    <adapter name='{}'/>\n", esc(a)));
        }
        if let Some(f) = sfmt {
            x.push_str(&format!("    <format type='{}'/>\n", esc(f)));
        }
        if let Some(n) = sname {
            x.push_str(&format!("    <name>{}</name>\n", esc(n)));
        }
        x.push_str("  </source>\n");
    }
    if let Some(t) = g("target") {
        x.push_str(&format!(
            "  <target>\n    <path>{}</path>\n  </target>\n",
            esc(t)
        ));
    }
    x.push_str("</pool>\n");
    x
}

use rvirt_core::driver::POOL_TYPE_LIST_FLAGS as POOL_TYPE_FLAGS;

async fn list(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    // VIR_CONNECT_LIST_STORAGE_POOLS_*: INACTIVE 1, ACTIVE 2, PERSISTENT 4, TRANSIENT 8,
    // AUTOSTART 16, NO_AUTOSTART 32.
    super::util::exclusive(cmd, "all", "inactive")?;
    super::util::exclusive(cmd, "details", "uuid")?;
    super::util::exclusive(cmd, "details", "name")?;
    let mut type_flags = 0;
    if let Some(types) = cmd.req("type").map_err(Failure::msg)? {
        for t in types.split(',') {
            let bit = POOL_TYPE_FLAGS
                .iter()
                .position(|n| *n == t)
                .ok_or_else(|| Failure::msg(format!("Invalid pool type '{t}'")))?;
            type_flags |= 1 << (6 + bit);
        }
    }
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
    let mut pools = conn
        .list_all_storage_pools(flags | type_flags)
        .await
        .map_err(|e| Failure::ctx("Failed to list pools", e))?;
    pools.sort_by(|a, b| a.name.cmp(&b.name));
    let (name, uuid) = (cmd.has("name"), cmd.has("uuid"));
    if name || uuid {
        for p in &pools {
            if uuid && name {
                ctl.print(&format!("{} {}\n", p.uuid, p.name));
            } else if uuid {
                ctl.print(&format!("{}\n", p.uuid));
            } else {
                ctl.print(&format!("{:<20}\n", p.name));
            }
        }
        return Ok(());
    }
    let details = cmd.has("details");
    let mut t = if details {
        Table::new(&[
            "Name",
            "State",
            "Autostart",
            "Persistent",
            "Capacity",
            "Allocation",
            "Available",
        ])
    } else {
        Table::new(&["Name", "State", "Autostart"])
    };
    for p in &pools {
        let info = conn.pool_get_info(p).await.unwrap_or_default();
        let auto = match conn.pool_get_autostart(p).await {
            Ok(a) => yn(a),
            Err(_) => "no autostart",
        };
        if details {
            let active = info.state == 2 || info.state == 3;
            let cap = |v: u64| if active { fmt_capacity(v) } else { "-".into() };
            t.row(vec![
                p.name.clone(),
                state_str(info.state).into(),
                auto.into(),
                yn(conn.pool_is_persistent(p).await.unwrap_or(false)).into(),
                cap(info.capacity),
                cap(info.allocation),
                cap(info.available),
            ]);
        } else {
            let st = if conn.pool_is_active(p).await.unwrap_or(false) {
                "active"
            } else {
                "inactive"
            };
            t.row(vec![p.name.clone(), st.into(), auto.into()]);
        }
    }
    crate::output::emit(ctl, &t);
    Ok(())
}
