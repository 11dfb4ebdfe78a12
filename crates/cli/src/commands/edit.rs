//! The `*-edit` commands (edit, net-edit, pool-edit, iface-edit, snapshot-edit,
//! managedsave-edit, save-image-edit): dump the XML to a temporary file, run `$VISUAL` /
//! `$EDITOR` (default `vi`) on it, and define the result, asking "Try again?" on failure as
//! virsh's `vshAskReedit` does.

use std::io::{BufRead, IsTerminal, Write};

use rvirt::Connect;
use rvirt_core::error::VirError;
use rvirt_core::handle::{DomainRef, DomainSnapshotRef};

use crate::lookup;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

/// What is being edited.
enum Target {
    Domain(DomainRef),
    Network(String),
    Pool(String),
    Iface(String),
    Snapshot(DomainRef, DomainSnapshotRef),
    ManagedSave(DomainRef),
    SaveImage(String),
}

impl Target {
    /// The "not changed" and "edited" lines for object `name`.
    fn messages(&self, name: &str) -> (String, String) {
        match self {
            Target::Domain(_) => (
                format!("Domain '{name}' XML configuration not changed.\n"),
                format!("Domain '{name}' XML configuration edited.\n"),
            ),
            Target::Network(_) => (
                format!("Network {name} XML configuration not changed.\n"),
                format!("Network {name} XML configuration edited.\n"),
            ),
            Target::Pool(_) => (
                format!("Pool {name} XML configuration not changed.\n"),
                format!("Pool {name} XML configuration edited.\n"),
            ),
            Target::Iface(_) => (
                format!("Interface {name} XML configuration not changed.\n"),
                format!("Interface {name} XML configuration edited.\n"),
            ),
            Target::Snapshot(..) => (
                format!("Snapshot {name} XML configuration not changed.\n"),
                format!("Snapshot {name} edited.\n"),
            ),
            Target::ManagedSave(_) => (
                format!("Managed save image of domain '{name}' XML configuration not changed.\n"),
                format!("Managed save image of Domain '{name}' XML configuration edited.\n"),
            ),
            Target::SaveImage(_) => (
                format!("Saved image {name} XML configuration not changed.\n"),
                format!("State file {name} edited.\n"),
            ),
        }
    }

    fn name(&self) -> String {
        match self {
            Target::Domain(d) | Target::ManagedSave(d) => d.name.clone(),
            Target::Network(n) | Target::Pool(n) | Target::Iface(n) | Target::SaveImage(n) => {
                n.clone()
            }
            Target::Snapshot(_, s) => s.name.clone(),
        }
    }
}

/// `--running`/`--paused` as `VIR_DOMAIN_SAVE_RUNNING`/`_PAUSED`.
fn save_flags(cmd: &Cmd) -> Result<u32, Failure> {
    super::util::exclusive(cmd, "running", "paused")?;
    Ok(if cmd.has("running") {
        2
    } else if cmd.has("paused") {
        4
    } else {
        0
    })
}

async fn target(conn: &Connect, cmd: &Cmd) -> Result<Target, Failure> {
    Ok(match cmd.def.name {
        "edit" => Target::Domain(lookup::domain(conn, cmd, "domain").await?),
        "net-edit" => Target::Network(lookup::network(conn, cmd, "network").await?.name),
        "pool-edit" => Target::Pool(lookup::pool(conn, cmd, "pool").await?.name),
        "iface-edit" => {
            let name = cmd.get("interface").unwrap_or("");
            let i = match conn.interface_lookup_by_name(name).await {
                Ok(i) => i,
                Err(_) => conn
                    .interface_lookup_by_mac(name)
                    .await
                    .map_err(|e| Failure::ctx(format!("failed to get interface '{name}'"), e))?,
            };
            Target::Iface(i.name)
        }
        "snapshot-edit" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let s = match cmd.get("snapshotname") {
                Some(n) if !cmd.has("current") => conn.snapshot_lookup_by_name(&d, n, 0).await?,
                _ => conn.snapshot_current(&d, 0).await?,
            };
            Target::Snapshot(d, s)
        }
        "managedsave-edit" => Target::ManagedSave(lookup::domain(conn, cmd, "domain").await?),
        _ => Target::SaveImage(cmd.get("file").unwrap_or("").to_string()),
    })
}

async fn current_xml(conn: &Connect, t: &Target) -> Result<String, VirError> {
    match t {
        // VIR_DOMAIN_XML_SECURE | VIR_DOMAIN_XML_INACTIVE
        Target::Domain(d) => conn.domain_get_xml_desc(d, 1 | 2).await,
        // virsh retries networks and pools without INACTIVE when a driver refuses the flag
        Target::Network(n) => {
            let r = conn.network_lookup_by_name(n).await?;
            match conn.network_get_xml_desc(&r, 1).await {
                Err(e) if e.code == rvirt::ErrorCode::InvalidArg => {
                    conn.network_get_xml_desc(&r, 0).await
                }
                other => other,
            }
        }
        Target::Pool(n) => {
            let r = conn.pool_lookup_by_name(n).await?;
            match conn.pool_get_xml_desc(&r, 1).await {
                Err(e) if e.code == rvirt::ErrorCode::InvalidArg => {
                    conn.pool_get_xml_desc(&r, 0).await
                }
                other => other,
            }
        }
        Target::Iface(n) => {
            let r = conn.interface_lookup_by_name(n).await?;
            conn.interface_get_xml_desc(&r, 1).await
        }
        Target::Snapshot(_, s) => conn.snapshot_get_xml_desc(s, 1).await,
        Target::ManagedSave(d) => conn.domain_managed_save_get_xml_desc(d, 1).await,
        Target::SaveImage(f) => conn.domain_save_image_get_xml_desc(f, 1).await,
    }
}

/// Defines the edited XML; returns the name to report.
async fn define(
    conn: &Connect,
    t: &Target,
    xml: &str,
    validate: bool,
    save: u32,
) -> Result<String, VirError> {
    match t {
        Target::Domain(_) => {
            let flags = if validate { 1 } else { 0 };
            Ok(conn.domain_define_xml(xml, flags).await?.name)
        }
        Target::Network(_) => Ok(conn.network_define_xml(xml, 0).await?.name),
        Target::Pool(_) => Ok(conn.pool_define_xml(xml, 0).await?.name),
        Target::Iface(_) => Ok(conn.interface_define_xml(xml, 0).await?.name),
        Target::Snapshot(d, _) => {
            // VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE
            Ok(conn.snapshot_create_xml(d, xml, 1).await?.name)
        }
        Target::ManagedSave(d) => {
            conn.domain_managed_save_define_xml(d, Some(xml.to_string()), save)
                .await?;
            Ok(d.name.clone())
        }
        Target::SaveImage(f) => {
            conn.domain_save_image_define_xml(f, xml, save).await?;
            Ok(f.clone())
        }
    }
}

/// Runs the editor on `path` as virsh does (`$VISUAL`, `$EDITOR`, else `vi`).
pub(super) fn run_editor(path: &std::path::Path) -> Result<(), Failure> {
    let editor = std::env::var("VISUAL")
        .ok()
        .filter(|s| !s.is_empty())
        .or_else(|| std::env::var("EDITOR").ok().filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "vi".into());
    let p = path.display().to_string();
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(&p)
        .status()
        .map_err(|e| Failure::msg(format!("cannot execute binary {editor}: {e}")))?;
    match status.code() {
        Some(0) => Ok(()),
        Some(c) => Err(Failure::msg(format!(
            "internal error: Child process ({editor} {p}) unexpected exit status {c}"
        ))),
        None => Err(Failure::msg(format!(
            "internal error: Child process ({editor} {p}) terminated by a signal"
        ))),
    }
}

/// A temporary `virshXXXXXX.xml` under `$TMPDIR` (or /tmp) holding `xml`.
pub(super) fn temp_file(xml: &str) -> Result<std::path::PathBuf, Failure> {
    let dir = std::env::var("TMPDIR")
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "/tmp".into());
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    for i in 0..100u32 {
        let tag = format!(
            "{:06x}",
            (nanos ^ (std::process::id() << 8) ^ i.wrapping_mul(2_654_435_761)) & 0xff_ffff
        );
        let path = std::path::Path::new(&dir).join(format!("virsh{tag}.xml"));
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            f.write_all(xml.as_bytes())
                .map_err(|e| Failure::msg(format!("failed to write xml file: {e}")))?;
            return Ok(path);
        }
    }
    Err(Failure::msg(format!(
        "failed to create temporary file in {dir}"
    )))
}

/// virsh's "Failed. Try again?" question; `None` without a terminal.
fn ask_reedit(ctl: &mut Ctl, relax: bool) -> Option<char> {
    if !std::io::stdin().is_terminal() {
        return None;
    }
    let choices = if relax { "[y,n,i,f,?]" } else { "[y,n,f,?]" };
    loop {
        ctl.print(&format!("Failed. Try again? {choices}:"));
        ctl.flush();
        let mut line = String::new();
        if std::io::stdin().lock().read_line(&mut line).unwrap_or(0) == 0 {
            return Some('n');
        }
        match line.trim() {
            "y" | "Y" => return Some('y'),
            "n" | "N" => return Some('n'),
            "i" | "I" if relax => return Some('i'),
            "f" | "F" => return Some('f'),
            _ => {
                ctl.print("y - yes, start editor again\n");
                ctl.print("n - no, throw away my changes\n");
                if relax {
                    ctl.print("i - turn off validation and try to redefine again\n");
                }
                ctl.print("f - force, try to redefine again\n");
                ctl.print("? - print this help\n");
            }
        }
    }
}

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let save = if matches!(cmd.def.name, "managedsave-edit" | "save-image-edit") {
        save_flags(cmd)?
    } else {
        0
    };
    let t = target(conn, cmd).await?;
    let orig = current_xml(conn, &t).await?;
    let (unchanged, _) = t.messages(&t.name());
    let path = temp_file(&orig)?;
    let result = edit_loop(ctl, conn, cmd, &t, &orig, &path, save, &unchanged).await;
    let _ = std::fs::remove_file(&path);
    result
}

#[allow(clippy::too_many_arguments)]
async fn edit_loop(
    ctl: &mut Ctl,
    conn: &Connect,
    cmd: &Cmd,
    t: &Target,
    orig: &str,
    path: &std::path::Path,
    save: u32,
    unchanged: &str,
) -> CmdResult {
    let relax = matches!(t, Target::Domain(_));
    let mut validate = relax && !cmd.has("skip-validate");
    loop {
        run_editor(path)?;
        let edited = std::fs::read_to_string(path).map_err(|e| {
            Failure::msg(format!(
                "Failed to open file '{}': {}",
                path.display(),
                super::util::strerror(&e)
            ))
        })?;
        if edited == orig {
            ctl.print_extra(unchanged);
            return Ok(());
        }
        loop {
            match define(conn, t, &edited, validate, save).await {
                Ok(name) => {
                    ctl.print_extra(&t.messages(&name).1);
                    return Ok(());
                }
                Err(e) => {
                    ctl.flush();
                    if std::io::stdin().is_terminal() {
                        let _ = writeln!(std::io::stderr().lock(), "error: {}", e.message);
                    }
                    match ask_reedit(ctl, relax) {
                        None => {
                            // virsh without a terminal: reports "Failed." and carries on
                            // as if the edit went through, naming no object.
                            let _ = writeln!(std::io::stderr().lock(), "error: Failed.");
                            ctl.print_extra(&t.messages("(null)").1);
                            return Ok(());
                        }
                        Some(c) => match c {
                            'y' => break,
                            'i' => validate = false,
                            'f' => validate = false,
                            _ => return Err(Failure::default()),
                        },
                    }
                }
            }
        }
    }
}
