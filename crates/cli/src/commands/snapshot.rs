//! Snapshot commands: snapshot-create-as, snapshot-list, snapshot-current, snapshot-delete,
//! snapshot-revert, snapshot-info, snapshot-dumpxml.

use rvirt::{Connect, DomainRef, DomainSnapshotRef};

use super::util::xml_doc;
use crate::lookup;
use crate::output::Table;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

/// Formats seconds since the epoch as `%Y-%m-%d %H:%M:%S +0000` (UTC).
pub fn fmt_time(secs: i64) -> String {
    let days = secs.div_euclid(86400);
    let rem = secs.rem_euclid(86400);
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02} +0000",
        rem / 3600,
        (rem / 60) % 60,
        rem % 60
    )
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

async fn snap(conn: &Connect, dom: &DomainRef, cmd: &Cmd) -> Result<DomainSnapshotRef, Failure> {
    cmd.req("snapshotname").map_err(Failure::msg)?;
    if cmd.has("current") || cmd.get("snapshotname").is_none() {
        return conn.snapshot_current(dom, 0).await.map_err(|e| {
            if e.code == rvirt::ErrorCode::NoDomainSnapshot {
                Failure::msg(format!("domain '{}' has no current snapshot", dom.name))
            } else {
                e.into()
            }
        });
    }
    let name = cmd.get("snapshotname").unwrap_or("");
    Ok(conn.snapshot_lookup_by_name(dom, name, 0).await?)
}

fn xml_field(xml: &str, tag: &str) -> Option<String> {
    let doc = xml_doc(xml)?;
    let root = doc.root_element();
    root.children()
        .find(|c| c.has_tag_name(tag))
        .and_then(|c| c.text())
        .map(String::from)
}

/// `virshLookupSnapshot`'s check: exactly one of `--snapshotname` and `--current`.
fn name_or_current(cmd: &Cmd) -> Result<(), Failure> {
    match (cmd.get("snapshotname").is_some(), cmd.has("current")) {
        (true, true) => Err(Failure::msg(
            "--snapshotname and --current are mutually exclusive",
        )),
        (false, false) => Err(Failure::msg("--snapshotname or --current is required")),
        _ => Ok(()),
    }
}

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "snapshot-create-as" => {
            let mut x = String::from("<domainsnapshot>\n");
            if let Some(n) = cmd.req("name").map_err(Failure::msg)? {
                x.push_str(&format!("  <name>{}</name>\n", esc(n)));
            }
            if let Some(d) = cmd.req("description").map_err(Failure::msg)? {
                x.push_str(&format!("  <description>{}</description>\n", esc(d)));
            }
            x.push_str("</domainsnapshot>\n");
            if cmd.has("print-xml") {
                ctl.print(&format!("{x}\n"));
                return Ok(());
            }
            let d = lookup::domain(conn, cmd, "domain").await?;
            let mut flags = 0;
            for (o, f) in [
                ("no-metadata", 4),
                ("halt", 8),
                ("disk-only", 16),
                ("reuse-external", 32),
                ("quiesce", 64),
                ("atomic", 128),
                ("live", 256),
                ("validate", 512),
            ] {
                if cmd.has(o) {
                    flags |= f;
                }
            }
            let s = conn.snapshot_create_xml(&d, &x, flags).await?;
            ctl.print_extra(&format!("Domain snapshot {} created", s.name));
            Ok(())
        }
        "snapshot-list" => list(ctl, conn, cmd).await,
        "snapshot-parent" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            if !cmd.has("current") && cmd.get("snapshotname").is_none() {
                return Err(Failure::msg("--snapshotname or --current is required"));
            }
            let s = match cmd.get("snapshotname") {
                Some(n) if !cmd.has("current") => conn.snapshot_lookup_by_name(&d, n, 0).await?,
                _ => conn.snapshot_current(&d, 0).await?,
            };
            let p = conn.snapshot_get_parent(&s, 0).await.map_err(|e| {
                if e.code == rvirt::ErrorCode::NoDomainSnapshot {
                    Failure::msg(format!("snapshot '{}' has no parent", s.name))
                } else {
                    e.into()
                }
            })?;
            ctl.print(&p.name);
            Ok(())
        }
        "snapshot-current" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let s = snap(conn, &d, cmd).await?;
            if cmd.has("name") {
                ctl.print(&s.name);
            } else {
                let f = if cmd.has("security-info") { 1 } else { 0 };
                let x = conn.snapshot_get_xml_desc(&s, f).await?;
                ctl.print(&x);
            }
            Ok(())
        }
        "snapshot-dumpxml" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let s = snap(conn, &d, cmd).await?;
            let f = if cmd.has("security-info") { 1 } else { 0 };
            let x = conn.snapshot_get_xml_desc(&s, f).await?;
            super::domain::print_xml(ctl, cmd, &x)
        }
        "snapshot-revert" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            name_or_current(cmd)?;
            let s = snap(conn, &d, cmd).await?;
            let mut flags = 0;
            for (o, f) in [
                ("running", 1),
                ("paused", 2),
                ("force", 4),
                ("reset-nvram", 8),
            ] {
                if cmd.has(o) {
                    flags |= f;
                }
            }
            conn.revert_to_snapshot(&s, flags).await?;
            ctl.print_extra(&format!("Domain snapshot {} reverted\n", s.name));
            Ok(())
        }
        "snapshot-delete" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            name_or_current(cmd)?;
            let s = snap(conn, &d, cmd).await?;
            let mut flags = 0;
            for (o, f) in [("children", 1), ("metadata", 2), ("children-only", 4)] {
                if cmd.has(o) {
                    flags |= f;
                }
            }
            conn.snapshot_delete(&s, flags)
                .await
                .map_err(|e| Failure::ctx(format!("Failed to delete snapshot {}", s.name), e))?;
            if cmd.has("children-only") {
                ctl.print_extra(&format!("Domain snapshot {} children deleted\n", s.name));
            } else {
                ctl.print_extra(&format!("Domain snapshot {} deleted\n", s.name));
            }
            Ok(())
        }
        "snapshot-info" => info(ctl, conn, cmd).await,
        _ => super::unhandled(cmd),
    }
}

async fn info(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let s = snap(conn, &d, cmd).await?;
    let xml = conn.snapshot_get_xml_desc(&s, 0).await?;
    let current = conn.snapshot_is_current(&s, 0).await.unwrap_or(false);
    let state = xml_field(&xml, "state").unwrap_or_else(|| "unknown".into());
    let location = {
        let doc = xml_doc(&xml);
        let mem = doc.as_ref().and_then(|d| {
            d.root_element()
                .children()
                .find(|c| c.has_tag_name("memory"))
                .and_then(|m| m.attribute("snapshot").map(String::from))
        });
        match mem.as_deref() {
            Some("external") => "external",
            Some("no") if state == "disk-snapshot" => "external",
            _ => "internal",
        }
    };
    let parent = conn
        .snapshot_get_parent(&s, 0)
        .await
        .map(|p| p.name)
        .unwrap_or_else(|_| "-".into());
    let children = conn
        .snapshot_list_all_children(&s, 0)
        .await
        .map(|v| v.len())
        .unwrap_or(0);
    let desc = conn
        .snapshot_list_all_children(&s, 1)
        .await
        .map(|v| v.len())
        .unwrap_or(0);
    let meta = conn.snapshot_has_metadata(&s, 0).await.unwrap_or(false);
    let yn = |b: bool| if b { "yes" } else { "no" };
    let rows = [
        ("Name:", s.name.clone()),
        ("Domain:", d.name.clone()),
        ("Current:", yn(current).into()),
        ("State:", state),
        ("Location:", location.into()),
        ("Parent:", parent),
        ("Children:", children.to_string()),
        ("Descendants:", desc.to_string()),
        ("Metadata:", yn(meta).into()),
    ];
    for (k, v) in rows {
        ctl.print(&format!("{k:<15} {v}\n"));
    }
    Ok(())
}

async fn list(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    for (a, b) in [
        ("tree", "name"),
        ("parent", "roots"),
        ("parent", "tree"),
        ("roots", "tree"),
        ("roots", "from"),
        ("roots", "current"),
    ] {
        super::util::exclusive(cmd, a, b)?;
    }
    let d = lookup::domain(conn, cmd, "domain").await?;
    if cmd.has("current") && cmd.get("from").is_some() {
        return Err(Failure::msg("--from and --current are mutually exclusive"));
    }
    if cmd.has("descendants") && !cmd.has("current") && cmd.get("from").is_none() {
        return Err(Failure::msg(
            "--descendants requires either --from or --current",
        ));
    }
    let mut flags = 0;
    for (o, f) in [
        ("roots", 1),
        ("leaves", 4),
        ("no-leaves", 8),
        ("metadata", 2),
        ("no-metadata", 16),
        ("inactive", 32),
        ("active", 64),
        ("disk-only", 128),
        ("internal", 256),
        ("external", 512),
        ("topological", 1024),
    ] {
        if cmd.has(o) {
            flags |= f;
        }
    }
    let snaps = conn
        .list_all_snapshots(&d, flags)
        .await
        .map_err(|e| Failure::ctx("Failed to list snapshots", e))?;
    let mut rows = Vec::new();
    for s in &snaps {
        let xml = conn.snapshot_get_xml_desc(s, 0).await.unwrap_or_default();
        let ctime = xml_field(&xml, "creationTime")
            .and_then(|t| t.trim().parse::<i64>().ok())
            .unwrap_or(0);
        let state = xml_field(&xml, "state").unwrap_or_default();
        let parent = doc_parent(&xml);
        rows.push((s.name.clone(), ctime, state, parent));
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    if cmd.has("tree") {
        let items: Vec<(String, Option<String>)> =
            rows.iter().map(|r| (r.0.clone(), r.3.clone())).collect();
        ctl.print(&crate::tree::render(&items));
        return Ok(());
    }
    if cmd.has("name") {
        for r in &rows {
            ctl.print(&format!("{}\n", r.0));
        }
        return Ok(());
    }
    let with_parent = cmd.has("parent");
    let mut t = if with_parent {
        Table::new(&["Name", "Creation Time", "State", "Parent"])
    } else {
        Table::new(&["Name", "Creation Time", "State"])
    };
    for (n, c, s, p) in rows {
        let mut row = vec![n, fmt_time(c), s];
        if with_parent {
            row.push(p.unwrap_or_default());
        }
        t.row(row);
    }
    crate::output::emit(ctl, &t);
    Ok(())
}

fn doc_parent(xml: &str) -> Option<String> {
    let doc = xml_doc(xml)?;
    let p = doc
        .root_element()
        .children()
        .find(|c| c.has_tag_name("parent"))?;
    p.children()
        .find(|c| c.has_tag_name("name"))
        .and_then(|n| n.text())
        .map(String::from)
}

#[cfg(test)]
mod tests {
    #[test]
    fn formats_epoch() {
        assert_eq!(super::fmt_time(0), "1970-01-01 00:00:00 +0000");
        assert_eq!(super::fmt_time(1795702094), "2026-11-26 14:08:14 +0000");
    }
}
