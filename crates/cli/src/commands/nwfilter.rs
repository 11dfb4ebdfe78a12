//! Network filter commands (virsh's `virsh-nwfilter.c`): nwfilter-define, -undefine,
//! -dumpxml, -list, -edit, nwfilter-binding-create, -delete, -dumpxml, -list.

use std::io::{IsTerminal, Write};

use rvirt::{Connect, ErrorCode, NwFilterBindingRef, NwFilterRef, Uuid};

use super::util::read_file;
use crate::output::Table;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

/// `VIR_NWFILTER_DEFINE_VALIDATE` / `VIR_NWFILTER_BINDING_CREATE_VALIDATE`.
const VALIDATE: u32 = 1;

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "nwfilter-define" => define(ctl, conn, cmd).await,
        "nwfilter-undefine" => undefine(ctl, conn, cmd).await,
        "nwfilter-dumpxml" => {
            let f = filter(conn, cmd).await?;
            let xml = conn.nwfilter_get_xml_desc(&f, 0).await?;
            super::domain::print_xml(ctl, cmd, &xml)
        }
        "nwfilter-list" => list(ctl, conn).await,
        "nwfilter-edit" => edit(ctl, conn, cmd).await,
        "nwfilter-binding-create" => {
            let (path, xml) = read_file(cmd, "file")?;
            let flags = if cmd.has("validate") { VALIDATE } else { 0 };
            let b = conn
                .nwfilter_binding_create_xml(&xml, flags)
                .await
                .map_err(|e| {
                    Failure::ctx(format!("Failed to create network filter from {path}"), e)
                })?;
            ctl.print_extra(&format!(
                "Network filter binding on {} created from {path}\n",
                b.portdev
            ));
            Ok(())
        }
        "nwfilter-binding-delete" => {
            let b = binding(conn, cmd).await?;
            conn.nwfilter_binding_delete(&b).await.map_err(|e| {
                Failure::ctx(
                    format!("Failed to delete network filter binding on {}", b.portdev),
                    e,
                )
            })?;
            ctl.print_extra(&format!(
                "Network filter binding on {} deleted\n",
                b.portdev
            ));
            Ok(())
        }
        "nwfilter-binding-dumpxml" => {
            let b = binding(conn, cmd).await?;
            let xml = conn.nwfilter_binding_get_xml_desc(&b, 0).await?;
            // virsh 9.0 accepts --xpath/--wrap here but prints the whole document
            ctl.print(&xml);
            Ok(())
        }
        "nwfilter-binding-list" => {
            let mut list = conn
                .list_all_nwfilter_bindings(0)
                .await
                .map_err(|e| Failure::ctx("Failed to list network filter bindings", e))?;
            list.sort_by_key(|b| b.portdev.to_lowercase());
            let mut t = Table::new(&["Port Dev", "Filter"]);
            for b in &list {
                t.row(vec![b.portdev.clone(), b.filtername.clone()]);
            }
            crate::output::emit(ctl, &t);
            Ok(())
        }
        _ => super::unhandled(cmd),
    }
}

/// The filter named by `--nwfilter`: by UUID when it looks like one, else by name
/// (`virshCommandOptNWFilterBy`).
async fn filter(conn: &Connect, cmd: &Cmd) -> Result<NwFilterRef, Failure> {
    let name = cmd.get("nwfilter").unwrap_or("");
    if name.len() == 36 {
        if let Some(u) = Uuid::parse(name) {
            if let Ok(f) = conn.nwfilter_lookup_by_uuid(u).await {
                return Ok(f);
            }
        }
    }
    conn.nwfilter_lookup_by_name(name)
        .await
        .map_err(|e| Failure::ctx(format!("failed to get nwfilter '{name}'"), e))
}

/// The binding named by `--binding` (a port device).
async fn binding(conn: &Connect, cmd: &Cmd) -> Result<NwFilterBindingRef, Failure> {
    let name = cmd.get("binding").unwrap_or("");
    conn.nwfilter_binding_lookup_by_port_dev(name)
        .await
        .map_err(|e| Failure::ctx(format!("failed to get nwfilter binding '{name}'"), e))
}

async fn define(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let (path, xml) = read_file(cmd, "file")?;
    let flags = if cmd.has("validate") { VALIDATE } else { 0 };
    let f = conn
        .nwfilter_define_xml(&xml, flags)
        .await
        .map_err(|e| Failure::ctx(format!("Failed to define network filter from {path}"), e))?;
    ctl.print_extra(&format!("Network filter {} defined from {path}\n", f.name));
    Ok(())
}

async fn undefine(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let f = filter(conn, cmd).await?;
    let name = cmd.get("nwfilter").unwrap_or("");
    conn.nwfilter_undefine(&f)
        .await
        .map_err(|e| Failure::ctx(format!("Failed to undefine network filter {name}"), e))?;
    ctl.print_extra(&format!("Network filter {name} undefined\n"));
    Ok(())
}

/// virsh's nwfilter-list: `virConnectListAllNWFilters`, falling back to the legacy count and
/// name list when the driver lacks it; sorted by name, case-insensitively.
async fn list(ctl: &mut Ctl, conn: &Connect) -> CmdResult {
    let mut filters = match conn.list_all_nwfilters(0).await {
        Ok(l) => l,
        Err(e) if e.code == ErrorCode::NoSupport => {
            let n = conn
                .num_of_nwfilters()
                .await
                .map_err(|e| Failure::ctx("Failed to count network filters", e))?;
            let mut out = Vec::new();
            if n > 0 {
                let names = conn
                    .list_nwfilters(n)
                    .await
                    .map_err(|e| Failure::ctx("Failed to list network filters", e))?;
                for name in names {
                    if let Ok(f) = conn.nwfilter_lookup_by_name(&name).await {
                        out.push(f);
                    }
                }
            }
            out
        }
        Err(e) => return Err(Failure::ctx("Failed to list node filters", e)),
    };
    filters.sort_by_key(|f| f.name.to_lowercase());
    let mut t = Table::new(&["UUID", "Name"]);
    for f in &filters {
        t.row(vec![f.uuid.to_string(), f.name.clone()]);
    }
    crate::output::emit(ctl, &t);
    Ok(())
}

/// nwfilter-edit: dump, run the editor, define the result (virsh's `virsh-edit.c` loop).
async fn edit(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let f = filter(conn, cmd).await?;
    let orig = conn.nwfilter_get_xml_desc(&f, 0).await?;
    let path = super::edit::temp_file(&orig)?;
    let result = edit_loop(ctl, conn, &f, &orig, &path).await;
    let _ = std::fs::remove_file(&path);
    result
}

async fn edit_loop(
    ctl: &mut Ctl,
    conn: &Connect,
    f: &NwFilterRef,
    orig: &str,
    path: &std::path::Path,
) -> CmdResult {
    loop {
        super::edit::run_editor(path)?;
        let edited = std::fs::read_to_string(path).map_err(|e| {
            Failure::msg(format!(
                "Failed to open file '{}': {}",
                path.display(),
                super::util::strerror(&e)
            ))
        })?;
        if edited == orig {
            ctl.print_extra(&format!(
                "Network filter {} XML configuration not changed.\n",
                f.name
            ));
            return Ok(());
        }
        match conn.nwfilter_define_xml(&edited, 0).await {
            Ok(n) => {
                ctl.print_extra(&format!(
                    "Network filter {} XML configuration edited.\n",
                    n.name
                ));
                return Ok(());
            }
            Err(e) => {
                ctl.flush();
                let mut err = std::io::stderr().lock();
                if !std::io::stdin().is_terminal() {
                    // virsh without a terminal reports "Failed." and carries on as if the
                    // edit went through, naming no object
                    let _ = writeln!(err, "error: Failed.");
                    drop(err);
                    ctl.print_extra("Network filter (null) XML configuration edited.\n");
                    return Ok(());
                }
                let _ = writeln!(err, "error: {}", e.message);
                drop(err);
                ctl.print("Failed. Try again? [y,n,f,?]:");
                ctl.flush();
                let mut line = String::new();
                let _ = std::io::stdin().read_line(&mut line);
                if !matches!(line.trim(), "y" | "Y") {
                    return Err(Failure { lines: Vec::new() });
                }
            }
        }
    }
}
