//! Domain management commands: define, undefine, start, create, shutdown, destroy, reboot,
//! reset, suspend, resume, autostart, save, restore, managedsave, managedsave-remove, desc,
//! metadata, domrename, setmem, setmaxmem, setvcpus, dumpxml.

use rvirt::{Connect, ErrorCode};

use super::util::{affect_flags, exclusive, scaled, uint_opt};
use super::xml_input::read_xml;
use crate::lookup;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "define" => {
            let (path, xml) = read_xml(cmd, "file", "domain_definition")?;
            let ctx = |e| Failure::ctx(format!("Failed to define domain from {path}"), e);
            let flags = if cmd.has("validate") { 1 } else { 0 };
            let d = conn
                .domain_define_xml(&xml.map_err(ctx)?, flags)
                .await
                .map_err(ctx)?;
            ctl.print_extra(&format!("Domain '{}' defined from {path}\n", d.name));
            Ok(())
        }
        "create" => {
            let (path, xml) = read_xml(cmd, "file", "domain_definition")?;
            let ctx = |e| Failure::ctx(format!("Failed to create domain from {path}"), e);
            let xml = xml.map_err(ctx)?;
            let mut flags = 0;
            for (o, f) in [("paused", 1), ("autodestroy", 2), ("validate", 16)] {
                if cmd.has(o) {
                    flags |= f;
                }
            }
            let d = conn.domain_create_xml(&xml, flags).await.map_err(ctx)?;
            ctl.print_extra(&format!("Domain '{}' created from {path}\n", d.name));
            Ok(())
        }
        "start" => start(ctl, conn, cmd).await,
        "undefine" => undefine(ctl, conn, cmd).await,
        "shutdown" => simple(ctl, conn, cmd).await,
        "destroy" | "reboot" | "reset" | "suspend" | "resume" => simple(ctl, conn, cmd).await,
        "autostart" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let on = !cmd.has("disable");
            conn.domain_set_autostart(&d, on).await.map_err(|e| {
                let w = if on { "mark" } else { "unmark" };
                Failure::ctx(
                    format!("Failed to {w} domain '{}' as autostarted", d.name),
                    e,
                )
            })?;
            let w = if on { "marked" } else { "unmarked" };
            ctl.print_extra(&format!("Domain '{}' {w} as autostarted\n", d.name));
            Ok(())
        }
        "save" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let to = cmd.get("file").unwrap_or("");
            let mut flags = 0;
            for (o, f) in [("bypass-cache", 1), ("running", 2), ("paused", 4)] {
                if cmd.has(o) {
                    flags |= f;
                }
            }
            let dxml = match cmd.get("xml") {
                Some(p) => Some(std::fs::read_to_string(p).map_err(|e| {
                    Failure::msg(format!(
                        "Failed to open file '{p}': {}",
                        super::util::strerror(&e)
                    ))
                })?),
                None => None,
            };
            conn.domain_save(&d, to, dxml, flags).await.map_err(|e| {
                Failure::ctx(format!("Failed to save domain '{}' to {to}", d.name), e)
            })?;
            ctl.print_extra(&format!("\nDomain '{}' saved to {to}\n", d.name));
            Ok(())
        }
        "restore" => {
            let from = cmd.get("file").unwrap_or("");
            let abs = absolute(from);
            let mut flags = 0;
            for (o, f) in [("bypass-cache", 1), ("running", 2), ("paused", 4)] {
                if cmd.has(o) {
                    flags |= f;
                }
            }
            conn.domain_restore(&abs, None, flags)
                .await
                .map_err(|e| Failure::ctx(format!("Failed to restore domain from {from}"), e))?;
            ctl.print_extra(&format!("Domain restored from {from}\n"));
            Ok(())
        }
        "managedsave" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let mut flags = 0;
            for (o, f) in [("bypass-cache", 1), ("running", 2), ("paused", 4)] {
                if cmd.has(o) {
                    flags |= f;
                }
            }
            conn.domain_managed_save(&d, flags).await.map_err(|e| {
                Failure::ctx(format!("Failed to save domain '{}' state", d.name), e)
            })?;
            ctl.print_extra(&format!("\nDomain '{}' state saved by libvirt\n", d.name));
            Ok(())
        }
        "managedsave-remove" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let has = conn
                .domain_has_managed_save_image(&d, 0)
                .await
                .map_err(|e| Failure::ctx("Failed to check for domain managed save image", e))?;
            if has {
                conn.domain_managed_save_remove(&d, 0).await.map_err(|e| {
                    Failure::ctx(
                        format!(
                            "Failed to remove managed save image for domain '{}'",
                            d.name
                        ),
                        e,
                    )
                })?;
                ctl.print_extra(&format!(
                    "Removed managedsave image for domain '{}'",
                    d.name
                ));
            } else {
                ctl.print_extra(&format!(
                    "Domain '{}' has no manage save image; removal skipped",
                    d.name
                ));
            }
            Ok(())
        }
        "domrename" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let new = cmd.req("new-name").map_err(Failure::msg)?.unwrap_or("");
            conn.domain_rename(&d, new, 0).await?;
            ctl.print_extra("Domain successfully renamed\n");
            Ok(())
        }
        "setmem" | "setmaxmem" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let flags = affect_flags(cmd)?;
            let bytes = scaled(cmd, "size", 1024)?.unwrap_or(0);
            let kib = bytes / 1024;
            if cmd.def.name == "setmem" {
                conn.domain_set_memory_flags(&d, kib, flags).await?;
            } else {
                // VIR_DOMAIN_MEM_MAXIMUM
                conn.domain_set_memory_flags(&d, kib, flags | 4)
                    .await
                    .map_err(|e| Failure::ctx("Unable to change MaxMemorySize", e))?;
            }
            Ok(())
        }
        "setvcpus" => {
            exclusive(cmd, "guest", "config")?;
            let mut flags = affect_flags(cmd)?;
            if cmd.has("maximum") && !cmd.has("config") {
                return Err(Failure::msg(
                    "Option --config is required by option --maximum",
                ));
            }
            let d = lookup::domain(conn, cmd, "domain").await?;
            for (o, f) in [("maximum", 4), ("guest", 8), ("hotpluggable", 16)] {
                if cmd.has(o) {
                    flags |= f;
                }
            }
            let count = uint_opt(cmd, "count")?.unwrap_or(0);
            let count = u32::try_from(count).map_err(|_| {
                Failure::msg(format!(
                    "Numeric value '{}' for <count> option is malformed or out of range",
                    cmd.get("count").unwrap_or_default()
                ))
            })?;
            if count == 0 {
                return Err(Failure::msg("Can't set 0 processors for a VM"));
            }
            conn.domain_set_vcpus_flags(&d, count, flags).await?;
            Ok(())
        }
        "dumpxml" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let mut flags = 0;
            for (o, f) in [
                ("security-info", 1),
                ("inactive", 2),
                ("update-cpu", 4),
                ("migratable", 8),
            ] {
                if cmd.has(o) {
                    flags |= f;
                }
            }
            let x = conn.domain_get_xml_desc(&d, flags).await?;
            print_xml(ctl, cmd, &x)
        }
        "desc" => desc(ctl, conn, cmd).await,
        "metadata" => metadata(ctl, conn, cmd).await,
        _ => super::unhandled(cmd),
    }
}

fn absolute(p: &str) -> String {
    if p.starts_with('/') {
        return p.to_string();
    }
    match std::env::current_dir() {
        Ok(d) => d.join(p).to_string_lossy().into_owned(),
        Err(_) => p.to_string(),
    }
}

async fn start(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    if d.id >= 0 {
        return Err(Failure::msg("Domain is already active"));
    }
    let mut flags = 0;
    for (o, f) in [
        ("paused", 1),
        ("autodestroy", 2),
        ("bypass-cache", 4),
        ("force-boot", 8),
    ] {
        if cmd.has(o) {
            flags |= f;
        }
    }
    conn.domain_create(&d, flags)
        .await
        .map_err(|e| Failure::ctx(format!("Failed to start domain '{}'", d.name), e))?;
    ctl.print_extra(&format!("Domain '{}' started\n", d.name));
    Ok(())
}

async fn undefine(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    exclusive(cmd, "nvram", "keep-nvram")?;
    exclusive(cmd, "tpm", "keep-tpm")?;
    if (cmd.has("storage") || cmd.has("remove-all-storage"))
        && conn.domain_is_active(&d).await.unwrap_or(false)
    {
        return Err(Failure::msg(
            "Storage volume deletion is supported only on stopped domains",
        ));
    }
    let mut flags = 0;
    for (o, f) in [
        ("managed-save", 1),
        ("snapshots-metadata", 2),
        ("nvram", 4),
        ("keep-nvram", 8),
        ("checkpoints-metadata", 16),
        ("tpm", 32),
        ("keep-tpm", 64),
    ] {
        if cmd.has(o) {
            flags |= f;
        }
    }
    conn.domain_undefine(&d, flags)
        .await
        .map_err(|e| Failure::ctx(format!("Failed to undefine domain '{}'", d.name), e))?;
    ctl.print_extra(&format!("Domain '{}' has been undefined\n", d.name));
    Ok(())
}

async fn simple(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    // virsh checks --mode before it looks the domain up
    let modes = mode_flags(cmd)?;
    let d = lookup::domain(conn, cmd, "domain").await?;
    let n = d.name.clone();
    let (res, verb, done) = match cmd.def.name {
        "destroy" => {
            let f = if cmd.has("graceful") { 1 } else { 0 };
            (conn.domain_destroy(&d, f).await, "destroy", "destroyed")
        }
        "shutdown" => (
            conn.domain_shutdown(&d, modes).await,
            "shutdown",
            "is being shutdown",
        ),
        "reboot" => (
            conn.domain_reboot(&d, modes).await,
            "reboot",
            "is being rebooted",
        ),
        "reset" => (conn.domain_reset(&d, 0).await, "reset", "was reset"),
        "suspend" => (conn.domain_suspend(&d).await, "suspend", "suspended"),
        _ => (conn.domain_resume(&d).await, "resume", "resumed"),
    };
    res.map_err(|e| Failure::ctx(format!("Failed to {verb} domain '{n}'"), e))?;
    ctl.print_extra(&format!("Domain '{n}' {done}\n"));
    Ok(())
}

/// `--mode a,b,...` of shutdown/reboot to `VIR_DOMAIN_SHUTDOWN_*`/`REBOOT_*` flags.
fn mode_flags(cmd: &Cmd) -> Result<u32, Failure> {
    let mut f = 0;
    if let Some(m) = cmd.req("mode").map_err(Failure::msg)? {
        for part in m.split(',') {
            f |= match part {
                "acpi" => 1,
                "agent" => 2,
                "initctl" => 4,
                "signal" => 8,
                "paravirt" => 16,
                // virsh's two commands word the list differently (reboot has no serial comma)
                _ if cmd.def.name == "reboot" => {
                    return Err(Failure::msg(format!(
                        "Unknown mode {part} value, expecting 'acpi', 'agent', 'initctl', \
                         'signal' or 'paravirt'"
                    )))
                }
                _ => {
                    return Err(Failure::msg(format!(
                        "Unknown mode {part} value, expecting 'acpi', 'agent', 'initctl', \
                         'signal', or 'paravirt'"
                    )))
                }
            };
        }
    }
    Ok(f)
}

async fn desc(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let flags = affect_flags(cmd)?;
    let title = cmd.has("title");
    let kind = if title { 1 } else { 0 };
    let words = cmd.argv("new-desc");
    if !words.is_empty() {
        let text = words.join(" ");
        conn.domain_set_metadata(&d, kind, Some(text), None, None, flags)
            .await
            .map_err(|e| {
                let what = if title { "title" } else { "description" };
                Failure::ctx(format!("Failed to set new domain {what}"), e)
            })?;
        let what = if title { "title" } else { "description" };
        ctl.print_extra(&format!("Domain {what} updated successfully"));
        return Ok(());
    }
    match conn.domain_get_metadata(&d, kind, None, flags).await {
        Ok(s) => {
            ctl.print(&s);
            Ok(())
        }
        Err(e) if e.code == ErrorCode::NoDomainMetadata => {
            let what = if title { "title" } else { "description" };
            ctl.print_extra(&format!("No {what} for domain: {}", d.name));
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

async fn metadata(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let flags = affect_flags(cmd)?;
    super::util::req_all(cmd, &["uri", "key"])?;
    let uri = cmd.get("uri").map(String::from);
    if cmd.has("remove") || cmd.get("set").is_some() {
        let set = cmd.get("set").map(String::from);
        conn.domain_set_metadata(&d, 2, set, cmd.get("key").map(String::from), uri, flags)
            .await?;
        if cmd.has("remove") {
            ctl.print_extra("Metadata removed\n");
        } else {
            ctl.print_extra("Metadata modified\n");
        }
        return Ok(());
    }
    let s = conn.domain_get_metadata(&d, 2, uri, flags).await?;
    ctl.print(&format!("{s}\n"));
    Ok(())
}

/// Prints an XML document, or the parts `--xpath` selects (wrapped in `<nodes>` with `--wrap`).
pub(crate) fn print_xml(ctl: &mut Ctl, cmd: &Cmd, xml: &str) -> CmdResult {
    let Some(expr) = cmd.get("xpath") else {
        ctl.print(xml);
        return Ok(());
    };
    let sel = super::xpath::select(xml, expr, cmd.has("wrap")).map_err(|m| Failure {
        lines: if m.is_empty() { Vec::new() } else { vec![m] },
    })?;
    eprint!("{}", sel.err);
    ctl.print(&sel.out);
    Ok(())
}
