//! Host CPU and native-config commands (cpu-compare, cpu-baseline, hypervisor-cpu-compare,
//! hypervisor-cpu-baseline, domxml-from-native, domxml-to-native), pool-name, pool-uuid,
//! vol-create-from, vol-pool, and the shell's echo, pwd and cd.

use std::io::Write;

use rvirt::{Connect, Uuid};

use super::util::read_file;
use crate::lookup;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "cpu-compare" | "hypervisor-cpu-compare" => cpu_compare(ctl, conn, cmd).await,
        "cpu-baseline" | "hypervisor-cpu-baseline" => cpu_baseline(ctl, conn, cmd).await,
        "domxml-from-native" => {
            let format = cmd.get("format").unwrap_or("");
            let (_, config) = read_file(cmd, "config")?;
            let xml = conn.domain_xml_from_native(format, &config, 0).await?;
            ctl.print(&xml);
            Ok(())
        }
        "domxml-to-native" => {
            let format = cmd.get("format").unwrap_or("");
            let xml = match (cmd.get("domain"), cmd.get("xml")) {
                (Some(_), Some(_)) => {
                    return Err(Failure::msg(
                        "Options --domain and --xml are mutually exclusive",
                    ))
                }
                (Some(_), None) => {
                    let d = lookup::domain(conn, cmd, "domain").await?;
                    conn.domain_get_xml_desc(&d, 0).await?
                }
                (None, Some(_)) => read_file(cmd, "xml")?.1,
                (None, None) => return Err(Failure::msg("need either domain or domain XML")),
            };
            let native = conn.domain_xml_to_native(format, &xml, 0).await?;
            ctl.print(&native);
            Ok(())
        }
        "pool-name" => {
            let name = cmd.get("pool").unwrap_or("");
            let fail = || Failure::msg(format!("failed to get pool '{name}'"));
            let u = Uuid::parse(name).ok_or_else(fail)?;
            let p = conn
                .pool_lookup_by_uuid(u)
                .await
                .map_err(|e| Failure::ctx(format!("failed to get pool '{name}'"), e))?;
            ctl.print(&format!("{}\n", p.name));
            Ok(())
        }
        "pool-uuid" => {
            let name = cmd.get("pool").unwrap_or("");
            let p = conn
                .pool_lookup_by_name(name)
                .await
                .map_err(|e| Failure::ctx(format!("failed to get pool '{name}'"), e))?;
            ctl.print(&format!("{}\n", p.uuid));
            Ok(())
        }
        "vol-create-from" => vol_create_from(ctl, conn, cmd).await,
        "vol-pool" => {
            let name = cmd.get("vol").unwrap_or("");
            let v = match conn.vol_lookup_by_key(name).await {
                Ok(v) => v,
                Err(_) => conn
                    .vol_lookup_by_path(name)
                    .await
                    .map_err(|e| Failure::ctx(format!("failed to get vol '{name}'"), e))?,
            };
            let p = conn.pool_lookup_by_volume(&v).await.map_err(|e| {
                Failure::ctx(format!("failed to get parent pool of vol '{name}'"), e)
            })?;
            if cmd.has("uuid") {
                ctl.print(&format!("{}\n", p.uuid));
            } else {
                ctl.print(&format!("{}\n", p.name));
            }
            Ok(())
        }
        _ => super::unhandled(cmd),
    }
}

/// The `<cpu>` elements of a file (a bare `<cpu>`, or domain / capabilities XML holding one),
/// each re-serialised as its own document (virsh's `virshExtractCPUDefXMLs`).
fn cpu_elements(path: &str, xml: &str) -> Result<Vec<String>, Failure> {
    let none = || {
        Failure::msg(format!(
            "File '{path}' does not contain any <cpu> element or valid domain XML, host \
             capabilities XML, or domain capabilities XML"
        ))
    };
    let doc = roxmltree::Document::parse(xml).map_err(|_| none())?;
    let root = doc.root_element();
    let mut out: Vec<String> = Vec::new();
    if root.has_tag_name("cpu") {
        out.push(xml[root.range()].to_string());
    } else if root.has_tag_name("domain") || root.has_tag_name("capabilities") {
        let holder = if root.has_tag_name("capabilities") {
            root.children().find(|c| c.has_tag_name("host"))
        } else {
            Some(root)
        };
        out.extend(
            holder
                .into_iter()
                .flat_map(|h| h.children())
                .filter(|c| c.has_tag_name("cpu"))
                .map(|c| xml[c.range()].to_string()),
        );
    }
    if out.is_empty() {
        return Err(none());
    }
    Ok(out)
}

async fn cpu_compare(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let (path, xml) = read_file(cmd, "file")?;
    let cpu = cpu_elements(&path, &xml)?.remove(0);
    let mut flags = 0;
    if cmd.has("error") {
        flags |= 1;
    }
    if cmd.has("validate") {
        flags |= 2;
    }
    let hyper = cmd.def.name == "hypervisor-cpu-compare";
    let r = if hyper {
        conn.compare_hypervisor_cpu(
            cmd.get("emulator").map(str::to_string),
            cmd.get("arch").map(str::to_string),
            cmd.get("machine").map(str::to_string),
            cmd.get("virttype").map(str::to_string),
            &cpu,
            flags,
        )
        .await
    } else {
        conn.compare_cpu(cpu, flags).await
    };
    let what = if hyper { "hypervisor" } else { "host" };
    let res =
        r.map_err(|e| Failure::ctx(format!("Failed to compare {what} CPU with {path}"), e))?;
    let who = if hyper { "hypervisor" } else { "host" };
    match res {
        1 => {
            ctl.print(&format!(
                "CPU described in {path} is identical to {who} CPU\n"
            ));
            Ok(())
        }
        2 => {
            let w = if hyper { "Hypervisor" } else { "Host" };
            ctl.print(&format!(
                "{w} CPU is a superset of CPU described in {path}\n"
            ));
            Ok(())
        }
        0 => {
            ctl.print(&format!(
                "CPU described in {path} is incompatible with {who} CPU\n"
            ));
            Err(Failure { lines: Vec::new() })
        }
        _ => Err(Failure::msg(format!(
            "Failed to compare {what} CPU with {path}"
        ))),
    }
}

async fn cpu_baseline(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let hyper = cmd.def.name == "hypervisor-cpu-baseline";
    let mut flags = 0;
    if cmd.has("features") {
        flags |= 1;
    }
    if cmd.has("migratable") {
        flags |= 2;
    }
    let cpus = match (cmd.get("file"), cmd.get("model")) {
        (Some(_), Some(_)) => {
            return Err(Failure::msg(
                "Options --file and --model are mutually exclusive",
            ))
        }
        (Some(_), None) => {
            let (path, xml) = read_file(cmd, "file")?;
            cpu_elements(&path, &xml)?
        }
        (None, Some(m)) => vec![format!("<cpu>\n  <model>{m}</model>\n</cpu>")],
        (None, None) => return Err(Failure::msg("Either --file or --model must be provided")),
    };
    let xml = if hyper {
        conn.baseline_hypervisor_cpu(
            cmd.get("emulator").map(str::to_string),
            cmd.get("arch").map(str::to_string),
            cmd.get("machine").map(str::to_string),
            cmd.get("virttype").map(str::to_string),
            cpus,
            flags,
        )
        .await?
    } else {
        conn.baseline_cpu(cpus, flags).await?
    };
    ctl.print(&xml);
    Ok(())
}

async fn vol_create_from(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let p = lookup::pool(conn, cmd, "pool").await?;
    let (path, xml) = read_file(cmd, "file")?;
    let input = lookup::vol_in(conn, cmd, "vol", "inputpool").await?;
    let mut f = 0;
    if cmd.has("prealloc-metadata") {
        f |= 1;
    }
    if cmd.has("reflink") {
        f |= 2;
    }
    if cmd.has("validate") {
        f |= 4;
    }
    let v = conn
        .vol_create_xml_from(&p, &xml, &input, f)
        .await
        .map_err(|e| Failure::ctx(format!("Failed to create vol from {path}"), e))?;
    ctl.print_extra(&format!(
        "Vol {} created from input vol {}\n",
        v.name, input.name
    ));
    Ok(())
}

/// `echo [--shell] [--xml] [--split] [--err] [<string>]...`.
pub fn echo(ctl: &mut Ctl, cmd: &Cmd) -> CmdResult {
    let mut words: Vec<String> = Vec::new();
    for w in cmd.argv("string") {
        let mut w = w.to_string();
        if cmd.has("xml") {
            w = w
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;")
                .replace('\'', "&apos;");
        }
        if cmd.has("shell")
            && (w.is_empty()
                || w.contains(|c: char| !c.is_ascii_alphanumeric() && !"-_./:@,+=%^".contains(c)))
        {
            w = format!("'{}'", w.replace('\'', "'\\''"));
        }
        words.push(w);
    }
    let text = words.join(" ");
    if cmd.has("err") {
        // virsh reports it as an error yet the command succeeds
        let _ = writeln!(std::io::stderr().lock(), "error: {text}");
        return Ok(());
    }
    if cmd.has("split") {
        for part in text.split(',') {
            ctl.print(&format!("{part}\n"));
        }
    } else {
        ctl.print(&text);
    }
    Ok(())
}

/// `pwd`: the shell's working directory.
pub fn pwd(ctl: &mut Ctl) -> CmdResult {
    let d = std::env::current_dir()
        .map_err(|e| Failure::msg(format!("pwd: cannot get current directory: {e}")))?;
    ctl.print(&format!("{}\n", d.display()));
    Ok(())
}

/// `cd [--dir DIR]`: changes directory (interactive shell only; default $HOME).
pub fn cd(ctl: &mut Ctl, cmd: &Cmd) -> CmdResult {
    if !ctl.interactive {
        return Err(Failure::msg("cd: command valid only in interactive mode"));
    }
    let dir = cmd
        .get("dir")
        .map(str::to_string)
        .or_else(|| std::env::var("HOME").ok())
        .unwrap_or_else(|| "/".into());
    std::env::set_current_dir(&dir).map_err(|e| {
        Failure::msg(format!(
            "cd: Unable to change to {dir}: {}",
            super::util::strerror(&e)
        ))
    })
}
