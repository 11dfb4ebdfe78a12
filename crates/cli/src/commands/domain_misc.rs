//! Smaller domain commands: save-image-define, managedsave-define, snapshot-create,
//! domif-getlink, domif-setlink, domfsfreeze, domfsthaw, domfstrim, setvcpu, guestvcpus,
//! send-process-signal, dump, blockresize.

use rvirt::Connect;

use super::util::{affect_flags, exclusive, read_file, scaled};
use crate::lookup;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

/// `virDomainProcessSignal` names, by number.
const SIGNALS: [&str; 32] = [
    "nop", "hup", "int", "quit", "ill", "trap", "abrt", "bus", "fpe", "kill", "usr1", "segv",
    "usr2", "pipe", "alrm", "term", "stkflt", "chld", "cont", "stop", "tstp", "ttin", "ttou",
    "urg", "xcpu", "xfsz", "vtalrm", "prof", "winch", "poll", "pwr", "sys",
];

fn signal(name: &str) -> Option<u32> {
    if let Ok(n) = name.parse::<u32>() {
        return (n < 65).then_some(n);
    }
    let lower = name.to_ascii_lowercase();
    let bare = lower.strip_prefix("sig").unwrap_or(&lower);
    if let Some(i) = SIGNALS.iter().position(|s| *s == bare) {
        return u32::try_from(i).ok();
    }
    let rt = bare.strip_prefix("rt")?.parse::<u32>().ok()?;
    (rt <= 32).then_some(32 + rt)
}

/// `--running`/`--paused` as `VIR_DOMAIN_SAVE_RUNNING`/`_PAUSED`; save-image-define
/// passes both to the API (whose check answers), managedsave-define refuses them itself,
/// as virsh does.
fn save_flags(cmd: &Cmd) -> Result<u32, Failure> {
    if cmd.def.name != "save-image-define" {
        exclusive(cmd, "running", "paused")?;
    }
    Ok((u32::from(cmd.has("running")) * 2) | (u32::from(cmd.has("paused")) * 4))
}

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "save-image-define" => {
            let flags = save_flags(cmd)?;
            let file = cmd.get("file").unwrap_or("");
            let (_, xml) = read_file(cmd, "xml")?;
            conn.domain_save_image_define_xml(file, &xml, flags)
                .await
                .map_err(|e| Failure::ctx(format!("Failed to update {file}"), e))?;
            ctl.print_extra(&format!("State file {file} updated.\n"));
        }
        "managedsave-define" => {
            let flags = save_flags(cmd)?;
            let d = lookup::domain(conn, cmd, "domain").await?;
            let (_, xml) = read_file(cmd, "xml")?;
            conn.domain_managed_save_define_xml(&d, Some(xml), flags)
                .await
                .map_err(|e| {
                    Failure::ctx(format!("Failed to update {} XML configuration", d.name), e)
                })?;
            ctl.print_extra(&format!(
                "Managed save state file of domain '{}' updated.\n",
                d.name
            ));
        }
        "snapshot-create" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let (from, xml) = match cmd.get("xmlfile") {
                Some(_) => {
                    let (p, x) = read_file(cmd, "xmlfile")?;
                    (Some(p), x)
                }
                None => (None, "<domainsnapshot/>".to_string()),
            };
            let mut flags = 0;
            for (o, f) in [
                ("redefine", 1),
                ("current", 2),
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
            let s = conn.snapshot_create_xml(&d, &xml, flags).await?;
            match from {
                Some(p) => {
                    ctl.print_extra(&format!("Domain snapshot {} created from '{p}'", s.name))
                }
                None => ctl.print_extra(&format!("Domain snapshot {} created", s.name)),
            }
        }
        "domif-getlink" | "domif-setlink" => return iflink(ctl, conn, cmd).await,
        "domfsfreeze" | "domfsthaw" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let mounts: Vec<String> = cmd
                .argv("mountpoint")
                .into_iter()
                .map(str::to_string)
                .collect();
            if cmd.def.name == "domfsfreeze" {
                let n = conn
                    .domain_fs_freeze(&d, mounts, 0)
                    .await
                    .map_err(|e| Failure::ctx("Unable to freeze filesystems", e))?;
                ctl.print(&format!("Froze {n} filesystem(s)\n"));
            } else {
                let n = conn
                    .domain_fs_thaw(&d, mounts, 0)
                    .await
                    .map_err(|e| Failure::ctx("Unable to thaw filesystems", e))?;
                ctl.print(&format!("Thawed {n} filesystem(s)\n"));
            }
        }
        "domfstrim" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let min = cmd.uint("minimum").map_err(Failure::msg)?.unwrap_or(0);
            conn.domain_fstrim(&d, cmd.get("mountpoint").map(str::to_string), min, 0)
                .await
                .map_err(|e| Failure::ctx("Unable to invoke fstrim", e))?;
        }
        "setvcpu" => {
            exclusive(cmd, "enable", "disable")?;
            let flags = affect_flags(cmd)?;
            let d = lookup::domain(conn, cmd, "domain").await?;
            let state = match (cmd.has("enable"), cmd.has("disable")) {
                (true, _) => 1,
                (_, true) => 0,
                _ => return Err(Failure::msg("one of --enable, --disable is required")),
            };
            conn.domain_set_vcpu(&d, cmd.get("vcpulist").unwrap_or(""), state, flags)
                .await?;
        }
        "guestvcpus" => {
            exclusive(cmd, "enable", "disable")?;
            let d = lookup::domain(conn, cmd, "domain").await?;
            if cmd.has("enable") || cmd.has("disable") {
                let list = cmd.get("cpulist").ok_or_else(|| {
                    Failure::msg("command 'guestvcpus' requires --cpulist option")
                })?;
                let state = i32::from(cmd.has("enable"));
                conn.domain_set_guest_vcpus(&d, list, state, 0).await?;
                return Ok(());
            }
            let params = conn.domain_get_guest_vcpus(&d, 0).await?;
            for p in params {
                ctl.print(&format!(
                    "{:<15}: {}\n",
                    p.field,
                    super::domain_monitor::param_str(&p.value)
                ));
            }
        }
        "send-process-signal" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let pid_s = cmd.get("pid").unwrap_or("");
            let pid: i64 = pid_s
                .parse()
                .map_err(|_| Failure::msg(format!("malformed PID value: {pid_s}")))?;
            let name = cmd.get("signame").unwrap_or("");
            let sig = signal(name)
                .ok_or_else(|| Failure::msg(format!("malformed signal name: {name}")))?;
            conn.domain_send_process_signal(&d, pid, sig, 0).await?;
        }
        "dump" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let file = cmd.get("file").unwrap_or("");
            let mut flags = 0;
            for (o, f) in [
                ("crash", 1),
                ("live", 2),
                ("bypass-cache", 4),
                ("reset", 8),
                ("memory-only", 16),
            ] {
                if cmd.has(o) {
                    flags |= f;
                }
            }
            let format = match cmd.get("format") {
                None => 0,
                Some(f) => {
                    if !cmd.has("memory-only") {
                        return Err(Failure::msg("--format only works with --memory-only"));
                    }
                    ["elf", "kdump-zlib", "kdump-lzo", "kdump-snappy", "win-dmp"]
                        .iter()
                        .position(|n| *n == f)
                        .and_then(|i| u32::try_from(i).ok())
                        .ok_or_else(|| Failure::msg(format!("format '{f}' is not supported, expecting 'kdump-zlib', 'kdump-lzo', 'kdump-snappy', 'win-dmp' or 'elf'")))?
                }
            };
            ctl.print("\n");
            conn.domain_core_dump(&d, file, format, flags)
                .await
                .map_err(|e| {
                    Failure::ctx(
                        format!("Failed to core dump domain '{}' to {file}", d.name),
                        e,
                    )
                })?;
            ctl.print_extra(&format!("Domain '{}' dumped to {file}\n", d.name));
        }
        "blockresize" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let path = cmd.get("path").unwrap_or("");
            let size = scaled(cmd, "size", 1024)?.unwrap_or(0);
            // VIR_DOMAIN_BLOCK_RESIZE_BYTES: the scaled value is in bytes
            conn.domain_block_resize(&d, path, size, 1)
                .await
                .map_err(|e| Failure::ctx(format!("Failed to resize block device '{path}'"), e))?;
            ctl.print_extra(&format!("Block device '{path}' is resized\n"));
        }
        _ => return super::unhandled(cmd),
    }
    Ok(())
}

/// domif-getlink / domif-setlink: an interface found by target device or MAC address.
async fn iflink(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let iface = cmd.req("interface").map_err(Failure::msg)?.unwrap_or("");
    let set = cmd.def.name == "domif-setlink";
    let state = cmd.get("state").unwrap_or("");
    if set && state != "up" && state != "down" {
        return Err(Failure::msg(format!("invalid link state '{state}'")));
    }
    let flags = if cmd.has("config") { 2 } else { 0 };
    let xml = conn.domain_get_xml_desc(&d, flags).await?;
    let doc = roxmltree::Document::parse(&xml)
        .map_err(|_| Failure::msg("Failed to parse domain description xml"))?;
    let is_mac = iface.len() == 17 && iface.matches(':').count() == 5;
    let node = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("interface") && n.parent().is_some_and(|p| p.has_tag_name("devices"))
        })
        .find(|n| {
            let (child, attr) = if is_mac {
                ("mac", "address")
            } else {
                ("target", "dev")
            };
            n.children()
                .find(|c| c.has_tag_name(child))
                .and_then(|c| c.attribute(attr))
                .is_some_and(|v| v.eq_ignore_ascii_case(iface))
        })
        .ok_or_else(|| {
            Failure::msg(format!(
                "Interface ({}: {iface}) not found.",
                if is_mac { "mac" } else { "dev" }
            ))
        })?;
    if !set {
        let st = node
            .children()
            .find(|c| c.has_tag_name("link"))
            .and_then(|l| l.attribute("state"))
            .unwrap_or("up");
        ctl.print(&format!("{iface} {st}"));
        return Ok(());
    }
    let mut dev = String::new();
    super::domain_dev::raw(node, &super::domain_dev::Edit::default(), true, &mut dev);
    let link = format!("<link state=\"{state}\"/>");
    match dev.find("<link ") {
        Some(i) => {
            let end = dev[i..].find("/>").map(|e| i + e + 2).unwrap_or(i);
            dev.replace_range(i..end, &link);
        }
        None => {
            if let Some(i) = dev.rfind("</interface>") {
                dev.insert_str(i, &link);
            }
        }
    }
    if cmd.has("print-xml") {
        ctl.print(&dev);
        return Ok(());
    }
    conn.domain_update_device(&d, &dev, flags)
        .await
        .map_err(|e| Failure::ctx("Failed to update interface link state", e))?;
    ctl.print_extra("Device updated successfully\n");
    Ok(())
}
