//! Host, interface, storage and domain-image commands: freepages, allocpages, nodesuspend,
//! node-memory-tune, iface-define/undefine/start/destroy, pool-delete, pool-capabilities,
//! vol-clone, managedsave-dumpxml, save-image-dumpxml, ttyconsole, vncdisplay, domdisplay,
//! guestinfo.

use rvirt::Connect;
use rvirt_core::typed_param::{TypedParam, TypedValue};

use super::domain::print_xml;
use super::domain_monitor::param_str;
use super::util::{int_opt, read_file, scaled, xml_doc};
use crate::lookup;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "freepages" => freepages(ctl, conn, cmd).await,
        "allocpages" => {
            let size = scaled(cmd, "pagesize", 1024)?.unwrap_or(0) / 1024;
            let count = scaled(cmd, "pagecount", 1)?.unwrap_or(0);
            let cell = int_opt(cmd, "cellno")?.unwrap_or(-1);
            let flags = if cmd.has("add") { 1 } else { 0 };
            let size = u32::try_from(size).unwrap_or(u32::MAX);
            let n = conn
                .node_alloc_pages(vec![size], vec![count], cell as i32, 1, flags)
                .await?;
            ctl.print(&format!("Allocated {n} pages\n"));
            Ok(())
        }
        "nodesuspend" => {
            let target = match cmd.get("target").unwrap_or("") {
                "mem" => 0,
                "disk" => 1,
                "hybrid" => 2,
                _ => return Err(Failure::msg("Invalid target")),
            };
            let d = int_opt(cmd, "duration")?.unwrap_or(0);
            if d < 0 {
                return Err(Failure::msg("Invalid duration"));
            }
            conn.node_suspend_for_duration(target, d as u64, 0)
                .await
                .map_err(|e| Failure::ctx("The host was not suspended", e))?;
            Ok(())
        }
        "node-memory-tune" => node_memory_tune(ctl, conn, cmd).await,
        "iface-define" => {
            let (path, xml) = read_file(cmd, "file")?;
            let flags = if cmd.has("validate") { 1 } else { 0 };
            let i = conn
                .interface_define_xml(&xml, flags)
                .await
                .map_err(|e| Failure::ctx(format!("Failed to define interface from {path}"), e))?;
            ctl.print_extra(&format!("Interface {} defined from {path}\n", i.name));
            Ok(())
        }
        "iface-undefine" | "iface-start" | "iface-destroy" => {
            let name = cmd.get("interface").unwrap_or("");
            let i = super::iface::lookup(conn, name).await?;
            let (verb, done, r) = match cmd.def.name {
                "iface-undefine" => ("undefine", "undefined", conn.interface_undefine(&i).await),
                "iface-start" => ("start", "started", conn.interface_create(&i, 0).await),
                _ => ("destroy", "destroyed", conn.interface_destroy(&i, 0).await),
            };
            r.map_err(|e| Failure::ctx(format!("Failed to {verb} interface {name}"), e))?;
            ctl.print_extra(&format!("Interface {name} {done}\n"));
            Ok(())
        }
        "pool-delete" => {
            let p = lookup::pool(conn, cmd, "pool").await?;
            conn.pool_delete(&p, 0)
                .await
                .map_err(|e| Failure::ctx(format!("Failed to delete pool {}", p.name), e))?;
            ctl.print_extra(&format!("Pool {} deleted\n", p.name));
            Ok(())
        }
        "pool-capabilities" => {
            let x = conn
                .storage_pool_capabilities(0)
                .await
                .map_err(|e| Failure::ctx("failed to get storage pool capabilities", e))?;
            ctl.print(&x);
            Ok(())
        }
        "vol-clone" => vol_clone(ctl, conn, cmd).await,
        "managedsave-dumpxml" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let flags = if cmd.has("security-info") { 1 } else { 0 };
            let x = conn.domain_managed_save_get_xml_desc(&d, flags).await?;
            print_xml(ctl, cmd, &x)
        }
        "save-image-dumpxml" => {
            let file = cmd.get("file").unwrap_or("");
            let flags = if cmd.has("security-info") { 1 } else { 0 };
            let x = conn.domain_save_image_get_xml_desc(file, flags).await?;
            print_xml(ctl, cmd, &x)
        }
        "ttyconsole" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let x = conn.domain_get_xml_desc(&d, 0).await?;
            let tty = xml_doc(&x).and_then(|doc| {
                doc.descendants()
                    .find(|n| {
                        n.has_tag_name("console")
                            && n.parent().is_some_and(|p| p.has_tag_name("devices"))
                    })
                    .and_then(|n| n.attribute("tty").map(String::from))
            });
            match tty {
                Some(t) => {
                    ctl.print(&format!("{t}\n"));
                    Ok(())
                }
                None => Err(Failure { lines: Vec::new() }),
            }
        }
        "vncdisplay" | "domdisplay" => display(ctl, conn, cmd).await,
        "guestinfo" => guestinfo(ctl, conn, cmd).await,
        _ => super::unhandled(cmd),
    }
}

/// Host NUMA cell ids and page sizes (KiB) from the capabilities XML.
async fn cells_and_pages(conn: &Connect) -> Result<(Vec<i32>, Vec<u32>), Failure> {
    let caps = conn.get_capabilities().await?;
    let doc = xml_doc(&caps).ok_or_else(|| Failure::msg("unable to parse capabilities"))?;
    let cells = doc
        .descendants()
        .filter(|n| n.has_tag_name("cell") && n.parent().is_some_and(|p| p.has_tag_name("cells")))
        .filter_map(|n| n.attribute("id").and_then(|v| v.parse().ok()))
        .collect();
    let pages = doc
        .descendants()
        .filter(|n| n.has_tag_name("pages") && n.parent().is_some_and(|p| p.has_tag_name("cpu")))
        .filter_map(|n| n.attribute("size").and_then(|v| v.parse().ok()))
        .collect();
    Ok((cells, pages))
}

async fn freepages(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let size = scaled(cmd, "pagesize", 1024)?.map(|v| (v / 1024) as u32);
    let cell = int_opt(cmd, "cellno")?;
    if cmd.has("all") {
        let (cells, caps_pages) = cells_and_pages(conn).await?;
        let pages = match size {
            Some(s) => vec![s],
            None => caps_pages,
        };
        for c in cells {
            let counts = conn
                .node_get_free_pages(pages.clone(), c, 1, 0)
                .await
                .map_err(|e| Failure::ctx("Unable to get free pages", e))?;
            ctl.print(&format!("Node {c}:\n"));
            for (p, n) in pages.iter().zip(counts) {
                ctl.print(&format!("{p}KiB: {n}\n"));
            }
            ctl.print("\n");
        }
        return Ok(());
    }
    let Some(cell) = cell else {
        return Err(Failure::msg("missing cellno argument"));
    };
    let Some(size) = size else {
        return Err(Failure::msg("missing pagesize argument"));
    };
    let counts = conn
        .node_get_free_pages(vec![size], cell as i32, 1, 0)
        .await
        .map_err(|e| Failure::ctx("Unable to get free pages", e))?;
    for n in counts {
        ctl.print(&format!("{size}KiB: {n}\n"));
    }
    Ok(())
}

async fn node_memory_tune(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let mut set = Vec::new();
    for (opt, field) in [
        ("shm-pages-to-scan", "shm_pages_to_scan"),
        ("shm-sleep-millisecs", "shm_sleep_millisecs"),
        ("shm-merge-across-nodes", "shm_merge_across_nodes"),
    ] {
        if let Some(v) = super::util::uint_opt(cmd, opt)? {
            let v = u32::try_from(v).map_err(|_| {
                Failure::msg(format!(
                    "Numeric value '{v}' for <{opt}> option is malformed or out of range"
                ))
            })?;
            set.push(TypedParam::new(field, TypedValue::UInt(v)));
        }
    }
    if !set.is_empty() {
        conn.node_set_memory_parameters(set, 0)
            .await
            .map_err(|e| Failure::ctx("Unable to change memory parameters", e))?;
        return Ok(());
    }
    let params = conn
        .node_get_memory_parameters(0)
        .await
        .map_err(|e| Failure::ctx("Unable to get number of memory parameters", e))?;
    ctl.print("Shared memory:\n");
    for p in params {
        let name = p.field.strip_prefix("shm_").unwrap_or(&p.field);
        ctl.print(&format!("\t{name:<20} {}\n", param_str(&p.value)));
    }
    Ok(())
}

async fn vol_clone(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let v = lookup::vol(conn, cmd, "vol").await?;
    let new = cmd.get("newname").unwrap_or("");
    let pool = conn.pool_lookup_by_volume(&v).await?;
    let orig = conn.vol_get_xml_desc(&v, 0).await?;
    let xml = replace_name(&orig, new).ok_or_else(|| Failure::msg("Failed to parse volume XML"))?;
    if cmd.has("print-xml") {
        ctl.print(&xml);
        return Ok(());
    }
    let mut flags = 0;
    if cmd.has("prealloc-metadata") {
        flags |= 1;
    }
    if cmd.has("reflink") {
        flags |= 2;
    }
    let nv = conn
        .vol_create_xml_from(&pool, &xml, &v, flags)
        .await
        .map_err(|e| Failure::ctx(format!("Failed to clone vol from {}", v.name), e))?;
    ctl.print_extra(&format!("Vol {} cloned from {}\n", nv.name, v.name));
    Ok(())
}

/// Replaces the text of the first `<name>` element.
fn replace_name(xml: &str, new: &str) -> Option<String> {
    let start = xml.find("<name>")? + "<name>".len();
    let end = start + xml[start..].find("</name>")?;
    let esc = new
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    Some(format!("{}{esc}{}", &xml[..start], &xml[end..]))
}

async fn display(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    if !conn.domain_is_active(&d).await? {
        return Err(Failure::msg("Domain is not running"));
    }
    let x = conn.domain_get_xml_desc(&d, 0).await?;
    let doc = xml_doc(&x).ok_or_else(|| Failure::msg("Failed to parse domain XML"))?;
    let graphics: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("graphics"))
        .collect();
    let vnc = cmd.def.name == "vncdisplay";
    let mut found = false;
    for g in graphics {
        let ty = g.attribute("type").unwrap_or("");
        if vnc && ty != "vnc" {
            continue;
        }
        if let Some(want) = cmd.get("type") {
            if want != ty {
                continue;
            }
        }
        let port: i64 = g
            .attribute("port")
            .and_then(|p| p.parse().ok())
            .unwrap_or(-1);
        if port <= 0 {
            continue;
        }
        let listen = g.attribute("listen").unwrap_or("");
        let host = if listen.is_empty() || listen == "0.0.0.0" || listen == "::" {
            if vnc {
                "127.0.0.1"
            } else {
                "localhost"
            }
        } else {
            listen
        };
        if vnc {
            ctl.print(&format!("{host}:{}\n", port - 5900));
        } else if ty == "vnc" {
            ctl.print(&format!("vnc://{host}:{}\n", port - 5900));
        } else {
            ctl.print(&format!("{ty}://{host}:{port}\n"));
        }
        found = true;
        if !cmd.has("all") {
            break;
        }
    }
    if found {
        Ok(())
    } else if vnc {
        Err(Failure::msg(
            "Failed to get VNC port. Is this domain using VNC?",
        ))
    } else {
        Err(Failure::msg("No graphical display found"))
    }
}

async fn guestinfo(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let mut types = 0;
    for (o, f) in [
        ("user", 1),
        ("os", 2),
        ("timezone", 4),
        ("hostname", 8),
        ("filesystem", 16),
        ("disk", 32),
        ("interface", 64),
    ] {
        if cmd.has(o) {
            types |= f;
        }
    }
    let params = conn.domain_get_guest_info(&d, types, 0).await?;
    for p in params {
        ctl.print(&format!("{:<20}: {}\n", p.field, param_str(&p.value)));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renames() {
        assert_eq!(
            replace_name("<volume><name>a</name></volume>", "b<").as_deref(),
            Some("<volume><name>b&lt;</name></volume>")
        );
        assert_eq!(replace_name("<volume/>", "b"), None);
    }
}
