//! Checkpoint commands (virsh 9.0 `virsh-checkpoint.c`): checkpoint-create,
//! checkpoint-create-as, checkpoint-delete, checkpoint-dumpxml, checkpoint-info,
//! checkpoint-list and checkpoint-parent (checkpoint-edit lives in `checkpoint_edit`).

use rvirt::{Connect, DomainCheckpointRef, DomainRef, ErrorCode};
use rvirt_core::driver::checkpoint_flags as cf;

use super::perf::req_str;
use super::snapshot::fmt_time;
use super::util::{exclusive, read_file, xml_doc};
use crate::lookup;
use crate::output::Table;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

/// `virBufferEscapeString`'s escaping of element text and attribute values.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// `vshStringToArray`: splits on `,`, with `,,` standing for a literal comma.
fn split_commas(s: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ',' {
            if chars.peek() == Some(&',') {
                chars.next();
                if let Some(last) = out.last_mut() {
                    last.push(',');
                }
            } else {
                out.push(String::new());
            }
        } else if let Some(last) = out.last_mut() {
            last.push(c);
        }
    }
    out
}

/// `virshParseCheckpointDiskspec`: `disk[,checkpoint=type][,bitmap=name]` as a `<disk/>`.
fn diskspec(spec: &str) -> Result<String, Failure> {
    let bad = || Failure::msg(format!("unable to parse diskspec: {spec}"));
    let parts = split_commas(spec);
    let (name, rest) = parts.split_first().ok_or_else(bad)?;
    let (mut checkpoint, mut bitmap) = (None, None);
    for p in rest {
        if let (None, Some(v)) = (&checkpoint, p.strip_prefix("checkpoint=")) {
            checkpoint = Some(v.to_string());
        } else if let (None, Some(v)) = (&bitmap, p.strip_prefix("bitmap=")) {
            bitmap = Some(v.to_string());
        } else {
            return Err(bad());
        }
    }
    let mut x = format!("    <disk name='{}'", esc(name));
    if let Some(c) = checkpoint {
        x.push_str(&format!(" checkpoint='{c}'"));
    }
    if let Some(b) = bitmap {
        x.push_str(&format!(" bitmap='{b}'"));
    }
    x.push_str("/>\n");
    Ok(x)
}

/// `virshLookupCheckpoint`: the checkpoint option `opt` names.
pub(super) async fn lookup(
    conn: &Connect,
    cmd: &Cmd,
    opt: &str,
    dom: &DomainRef,
) -> Result<DomainCheckpointRef, Failure> {
    let name = req_str(cmd, opt)?.ok_or_else(|| Failure::msg(format!("--{opt} is required")))?;
    Ok(conn.checkpoint_lookup_by_name(dom, name, 0).await?)
}

/// `virshGetCheckpointParent`: `None` for a root.
async fn parent_of(conn: &Connect, c: &DomainCheckpointRef) -> Result<Option<String>, Failure> {
    match conn.checkpoint_get_parent(c, 0).await {
        Ok(p) => Ok(Some(p.name)),
        Err(e) if e.code == ErrorCode::NoDomainCheckpoint => Ok(None),
        Err(e) => Err(Failure {
            lines: vec![
                e.message,
                "unable to determine if checkpoint has parent".into(),
            ],
        }),
    }
}

/// `virshCheckpointCreate`'s report.
fn created(ctl: &mut Ctl, c: &DomainCheckpointRef, from: Option<&str>) {
    match from {
        Some(p) => ctl.print_extra(&format!("Domain checkpoint {} created from '{p}'", c.name)),
        None => ctl.print_extra(&format!("Domain checkpoint {} created", c.name)),
    }
}

fn flags_of(cmd: &Cmd, table: &[(&str, u32)]) -> u32 {
    table
        .iter()
        .filter(|(o, _)| cmd.has(o))
        .fold(0, |f, (_, b)| f | b)
}

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "checkpoint-create" => {
            if cmd.has("redefine-validate") && !cmd.has("redefine") {
                return Err(Failure::msg(
                    "Option --redefine is required by option --redefine-validate",
                ));
            }
            let flags = flags_of(
                cmd,
                &[
                    ("redefine", cf::CREATE_REDEFINE),
                    ("redefine-validate", cf::CREATE_REDEFINE_VALIDATE),
                    ("quiesce", cf::CREATE_QUIESCE),
                ],
            );
            let d = lookup::domain(conn, cmd, "domain").await?;
            let (from, xml) = match req_str(cmd, "xmlfile")? {
                Some(_) => {
                    let (p, x) = read_file(cmd, "xmlfile")?;
                    (Some(p), x)
                }
                None => (None, "<domaincheckpoint/>".to_string()),
            };
            let c = conn.checkpoint_create_xml(&d, &xml, flags).await?;
            created(ctl, &c, from.as_deref());
            Ok(())
        }
        "checkpoint-create-as" => {
            let flags = flags_of(cmd, &[("quiesce", cf::CREATE_QUIESCE)]);
            let d = lookup::domain(conn, cmd, "domain").await?;
            let name = req_str(cmd, "name")?;
            let desc = req_str(cmd, "description")?;
            let mut x = String::from("<domaincheckpoint>\n");
            if let Some(n) = name {
                x.push_str(&format!("  <name>{}</name>\n", esc(n)));
            }
            if let Some(n) = desc {
                x.push_str(&format!("  <description>{}</description>\n", esc(n)));
            }
            if cmd.has("diskspec") {
                x.push_str("  <disks>\n");
                for s in cmd.argv("diskspec") {
                    x.push_str(&diskspec(s)?);
                }
                x.push_str("  </disks>\n");
            }
            x.push_str("</domaincheckpoint>\n");
            if cmd.has("print-xml") {
                ctl.print(&format!("{x}\n"));
                return Ok(());
            }
            let c = conn.checkpoint_create_xml(&d, &x, flags).await?;
            created(ctl, &c, None);
            Ok(())
        }
        "checkpoint-delete" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let c = lookup(conn, cmd, "checkpointname", &d).await?;
            let flags = flags_of(
                cmd,
                &[
                    ("children", cf::DELETE_CHILDREN),
                    ("children-only", cf::DELETE_CHILDREN_ONLY),
                    ("metadata", cf::DELETE_METADATA_ONLY),
                ],
            );
            conn.checkpoint_delete(&c, flags)
                .await
                .map_err(|e| Failure::ctx(format!("Failed to delete checkpoint {}", c.name), e))?;
            if flags & cf::DELETE_CHILDREN_ONLY != 0 {
                ctl.print_extra(&format!("Domain checkpoint {} children deleted\n", c.name));
            } else {
                ctl.print_extra(&format!("Domain checkpoint {} deleted\n", c.name));
            }
            Ok(())
        }
        "checkpoint-dumpxml" => {
            let flags = flags_of(
                cmd,
                &[
                    ("security-info", cf::XML_SECURE),
                    ("no-domain", cf::XML_NO_DOMAIN),
                    ("size", cf::XML_SIZE),
                ],
            );
            let d = lookup::domain(conn, cmd, "domain").await?;
            let c = lookup(conn, cmd, "checkpointname", &d).await?;
            let xml = conn.checkpoint_get_xml_desc(&c, flags).await?;
            super::domain::print_xml(ctl, cmd, &xml)
        }
        "checkpoint-parent" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let c = lookup(conn, cmd, "checkpointname", &d).await?;
            match parent_of(conn, &c).await? {
                Some(p) => {
                    ctl.print(&p);
                    Ok(())
                }
                None => Err(Failure::msg(format!(
                    "checkpoint '{}' has no parent",
                    c.name
                ))),
            }
        }
        "checkpoint-info" => info(ctl, conn, cmd).await,
        "checkpoint-list" => list(ctl, conn, cmd).await,
        "checkpoint-edit" => super::checkpoint_edit::run(ctl, conn, cmd).await,
        _ => super::unhandled(cmd),
    }
}

async fn info(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let c = lookup(conn, cmd, "checkpointname", &d).await?;
    ctl.print(&format!("{:<15} {}\n", "Name:", c.name));
    ctl.print(&format!("{:<15} {}\n", "Domain:", d.name));
    let parent = parent_of(conn, &c).await.map_err(|mut f| {
        f.lines
            .push("unexpected problem querying checkpoint state".into());
        f
    })?;
    ctl.print(&format!(
        "{:<15} {}\n",
        "Parent:",
        parent.as_deref().unwrap_or("-")
    ));
    let children = match conn.checkpoint_list_all_children(&c, 0).await {
        Ok(v) => v.len(),
        Err(e) if e.code == ErrorCode::NoSupport => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    ctl.print(&format!("{:<15} {}\n", "Children:", children));
    let desc = conn
        .checkpoint_list_all_children(&c, cf::LIST_DESCENDANTS)
        .await?
        .len();
    ctl.print(&format!("{:<15} {}\n", "Descendants:", desc));
    Ok(())
}

fn child<'a, 'i>(n: roxmltree::Node<'a, 'i>, tag: &str) -> Option<roxmltree::Node<'a, 'i>> {
    n.children().find(|c| c.is_element() && c.has_tag_name(tag))
}

/// `/domaincheckpoint/creationTime` and `/domaincheckpoint/parent/name` of a dump.
fn time_and_parent(xml: &str) -> Option<(i64, Option<String>)> {
    let doc = xml_doc(xml)?;
    let root = doc.root_element();
    let time = child(root, "creationTime")?.text()?.trim().parse().ok()?;
    let parent = child(root, "parent")
        .and_then(|p| child(p, "name"))
        .and_then(|n| n.text())
        .map(String::from);
    Some((time, parent))
}

async fn list(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    for (a, b) in [
        ("tree", "name"),
        ("parent", "roots"),
        ("parent", "tree"),
        ("roots", "tree"),
        ("roots", "from"),
    ] {
        exclusive(cmd, a, b)?;
    }
    let tree = cmd.has("tree");
    let mut flags = 0;
    for (o, f) in [
        ("leaves", cf::LIST_LEAVES),
        ("no-leaves", cf::LIST_NO_LEAVES),
    ] {
        if cmd.has(o) {
            if tree {
                return Err(Failure::msg(format!(
                    "--{o} and --tree are mutually exclusive"
                )));
            }
            flags |= f;
        }
    }
    if cmd.has("topological") {
        flags |= cf::LIST_TOPOLOGICAL;
    }
    if cmd.has("roots") {
        flags |= cf::LIST_ROOTS;
    }
    if cmd.has("descendants") {
        if !cmd.has("from") {
            return Err(Failure::msg("--descendants requires --from"));
        }
        flags |= cf::LIST_DESCENDANTS;
    }
    let d = lookup::domain(conn, cmd, "domain").await?;
    let start = match cmd.has("from") {
        true => Some(lookup(conn, cmd, "from", &d).await?),
        false => None,
    };
    let listed = match &start {
        Some(s) => conn.checkpoint_list_all_children(s, flags).await,
        None => conn.list_all_checkpoints(&d, flags).await,
    }
    .map_err(|e| Failure {
        lines: vec!["unexpected problem querying checkpoints".into(), e.message],
    })?;
    let mut items: Vec<(DomainCheckpointRef, Option<String>)> = Vec::new();
    for c in listed {
        let parent = if tree {
            parent_of(conn, &c).await?
        } else {
            None
        };
        items.push((c, parent));
    }
    if let (Some(s), true) = (start, tree) {
        items.push((s, None));
    }
    if flags & cf::LIST_TOPOLOGICAL == 0 {
        items.sort_by_key(|(c, _)| c.name.to_lowercase());
    }
    if tree {
        let named: Vec<(String, Option<String>)> =
            items.into_iter().map(|(c, p)| (c.name, p)).collect();
        ctl.print(&crate::tree::render(&named));
        return Ok(());
    }
    if cmd.has("name") {
        for (c, _) in &items {
            ctl.print(&format!("{}\n", c.name));
        }
        return Ok(());
    }
    let with_parent = cmd.has("parent");
    let mut t = if with_parent {
        Table::new(&["Name", "Creation Time", "Parent"])
    } else {
        Table::new(&["Name", "Creation Time"])
    };
    for (c, _) in &items {
        let Ok(xml) = conn.checkpoint_get_xml_desc(c, 0).await else {
            continue;
        };
        let Some((time, parent)) = time_and_parent(&xml) else {
            continue;
        };
        let mut row = vec![c.name.clone(), fmt_time(time)];
        if with_parent {
            row.push(parent.unwrap_or_default());
        }
        t.row(row);
    }
    crate::output::emit(ctl, &t);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diskspec_like_virsh() {
        assert_eq!(
            diskspec("vda,checkpoint=bitmap,bitmap=b1").ok().as_deref(),
            Some("    <disk name='vda' checkpoint='bitmap' bitmap='b1'/>\n")
        );
        assert_eq!(
            diskspec("a,,b").ok().as_deref(),
            Some("    <disk name='a,b'/>\n")
        );
        assert!(diskspec("vda,foo=bar").is_err());
        assert!(diskspec("vda,bitmap=a,bitmap=b").is_err());
    }
}
