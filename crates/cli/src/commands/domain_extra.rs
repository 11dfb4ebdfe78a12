//! More domain commands: domhostname, domblkinfo, domblkerror, domtime, domifaddr, domcontrol,
//! domjobabort, domjobinfo, inject-nmi, dompmsuspend, dompmwakeup, domfsinfo, iothreadinfo,
//! set-user-password, attach-device, detach-device, update-device.

use rvirt::Connect;
use rvirt_core::handle::DomainRef;

use super::util::{affect_flags, exclusive, read_file, xml_doc, AFFECT_CONFIG, AFFECT_LIVE};
use crate::lookup;
use crate::output::{pretty_capacity, Table};
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "domhostname" => domhostname(ctl, conn, cmd).await,
        "domblkinfo" => domblkinfo(ctl, conn, cmd).await,
        "domblkerror" => domblkerror(ctl, conn, cmd).await,
        "domtime" => domtime(ctl, conn, cmd).await,
        "domifaddr" => domifaddr(ctl, conn, cmd).await,
        "domcontrol" => domcontrol(ctl, conn, cmd).await,
        "domjobabort" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let flags = if cmd.has("postcopy") { 1 } else { 0 };
            conn.domain_abort_job(&d, flags).await?;
            Ok(())
        }
        "domjobinfo" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let info = conn.domain_get_job_info(&d).await?;
            let kind = match info.job_type {
                1 => "Bounded",
                2 => "Unbounded",
                3 => "Completed",
                4 => "Failed",
                5 => "Cancelled",
                _ => "None",
            };
            ctl.print(&format!("{:<17} {:<12}\n", "Job type:", kind));
            Ok(())
        }
        "inject-nmi" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            conn.domain_inject_nmi(&d, 0).await?;
            Ok(())
        }
        "dompmsuspend" => dompmsuspend(ctl, conn, cmd).await,
        "dompmwakeup" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            conn.domain_pm_wakeup(&d, 0).await.map_err(|e| {
                Failure::ctx(format!("Domain '{}' could not be woken up", d.name), e)
            })?;
            ctl.print(&format!("Domain '{}' successfully woken up\n", d.name));
            Ok(())
        }
        "domfsinfo" => domfsinfo(ctl, conn, cmd).await,
        "iothreadinfo" => iothreadinfo(ctl, conn, cmd).await,
        "set-user-password" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let user = cmd.get("user").unwrap_or("");
            let pw = cmd.get("password").unwrap_or("");
            let flags = if cmd.has("encrypted") { 1 } else { 0 };
            conn.domain_set_user_password(&d, user, pw, flags).await?;
            ctl.print(&format!(
                "Password set successfully for {user} in {}",
                d.name
            ));
            Ok(())
        }
        "attach-device" | "detach-device" | "update-device" => device(ctl, conn, cmd).await,
        _ => super::unhandled(cmd),
    }
}

async fn domhostname(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let flags = match cmd.get("source") {
        None => 0,
        Some("lease") => 1,
        Some("agent") => 2,
        Some(s) => return Err(Failure::msg(format!("Unknown data source '{s}'"))),
    };
    let h = conn
        .domain_get_hostname(&d, flags)
        .await
        .map_err(|e| Failure::ctx("failed to get hostname", e))?;
    ctl.print(&format!("{h}\n"));
    Ok(())
}

fn cap_str(v: u64, human: bool) -> String {
    if human {
        let (x, u) = pretty_capacity(v);
        format!("{x:.3} {u}")
    } else {
        v.to_string()
    }
}

async fn domblkinfo(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    super::util::exclusive(cmd, "all", "device")?;
    let d = lookup::domain(conn, cmd, "domain").await?;
    let human = cmd.has("human");
    if !cmd.has("all") {
        // an empty device counts as none given
        let Some(dev) = cmd.get("device").filter(|d| !d.is_empty()) else {
            return Err(Failure::msg(
                "command 'domblkinfo' requires <device> option",
            ));
        };
        let info = conn.domain_get_block_info(&d, dev, 0).await?;
        for (k, v) in [
            ("Capacity:", info.capacity),
            ("Allocation:", info.allocation),
            ("Physical:", info.physical),
        ] {
            ctl.print(&format!("{k:<15} {}\n", cap_str(v, human)));
        }
        return Ok(());
    }
    let xml = conn.domain_get_xml_desc(&d, 0).await?;
    let doc = xml_doc(&xml).ok_or_else(|| Failure::msg("Failed to parse domain XML"))?;
    let mut t = Table::new(&["Target", "Capacity", "Allocation", "Physical"]);
    for disk in doc
        .descendants()
        .filter(|n| n.has_tag_name("disk") && n.parent().is_some_and(|p| p.has_tag_name("devices")))
    {
        let Some(target) = disk
            .children()
            .find(|c| c.has_tag_name("target"))
            .and_then(|c| c.attribute("dev"))
        else {
            continue;
        };
        let info = conn.domain_get_block_info(&d, target, 0).await?;
        t.row(vec![
            target.to_string(),
            cap_str(info.capacity, human),
            cap_str(info.allocation, human),
            cap_str(info.physical, human),
        ]);
    }
    crate::output::emit(ctl, &t);
    Ok(())
}

async fn domblkerror(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let errs = conn.domain_get_disk_errors(&d, 0).await?;
    if errs.is_empty() {
        ctl.print("No errors found\n");
    }
    for e in errs {
        let s = match e.error {
            0 => "no error",
            1 => "unspecified error",
            2 => "no space",
            _ => "unknown error",
        };
        ctl.print(&format!("{}: {s}\n", e.disk));
    }
    Ok(())
}

/// `YYYY-MM-DD HH:MM:SS` in UTC for seconds since the epoch.
fn civil(secs: i64) -> String {
    let days = secs.div_euclid(86400);
    let rem = secs.rem_euclid(86400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

async fn domtime(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    exclusive(cmd, "time", "now")?;
    exclusive(cmd, "time", "sync")?;
    exclusive(cmd, "now", "sync")?;
    let set = cmd.has("now") || cmd.has("time") || cmd.has("sync");
    if set {
        if cmd.has("pretty") {
            return Err(Failure::msg(
                "Options --pretty and --now are mutually exclusive",
            ));
        }
        let seconds = if cmd.has("now") {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|x| x.as_secs() as i64)
                .unwrap_or(0)
        } else {
            super::util::int_opt(cmd, "time")?.unwrap_or(0)
        };
        let flags = if cmd.has("sync") { 1 } else { 0 };
        conn.domain_set_time(
            &d,
            rvirt_core::info::GuestTime {
                seconds,
                nseconds: 0,
            },
            flags,
        )
        .await?;
        return Ok(());
    }
    let t = conn.domain_get_time(&d, 0).await?;
    if cmd.has("pretty") {
        ctl.print(&format!("Time: {}", civil(t.seconds)));
    } else {
        ctl.print(&format!("Time: {}", t.seconds));
    }
    Ok(())
}

async fn domifaddr(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let source = match cmd.get("source") {
        None | Some("lease") => 0,
        Some("agent") => 1,
        Some("arp") => 2,
        Some(s) => return Err(Failure::msg(format!("Unknown data source '{s}'"))),
    };
    let ifaces = conn
        .domain_interface_addresses(&d, source, 0)
        .await
        .map_err(|e| Failure::ctx("Failed to query for interfaces addresses", e))?;
    let full = cmd.has("full");
    ctl.print_extra(&format!(
        " {:<10} {:<20} {:<8}     {}\n{}\n",
        "Name",
        "MAC address",
        "Protocol",
        "Address",
        "-".repeat(79)
    ));
    for i in &ifaces {
        if let Some(want) = cmd.get("interface") {
            if want != i.name {
                continue;
            }
        }
        let mac = i.hwaddr.clone().unwrap_or_else(|| "N/A".into());
        if i.addrs.is_empty() {
            ctl.print(&format!(
                " {:<10} {:<17}    {:<12} {}\n",
                i.name, mac, "N/A", "N/A"
            ));
            continue;
        }
        for (k, a) in i.addrs.iter().enumerate() {
            let proto = match a.addr_type {
                0 => "ipv4",
                1 => "ipv6",
                _ => "",
            };
            let addr = format!("{}/{}", a.addr, a.prefix);
            if k == 0 || full {
                ctl.print(&format!(
                    " {:<10} {:<17}    {:<12} {addr}\n",
                    i.name, mac, proto
                ));
            } else {
                ctl.print(&format!(
                    " {:<10} {:<17}    {:<12} {addr}\n",
                    "-", "-", proto
                ));
            }
        }
    }
    Ok(())
}

async fn domcontrol(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let info = conn.domain_get_control_info(&d, 0).await?;
    let state = match info.state {
        0 => "ok",
        1 => "background job",
        2 => "occupied",
        3 => "error",
        _ => "unknown",
    };
    if info.state != 0 && info.state != 3 {
        ctl.print(&format!(
            "{state} ({:.3}s)\n",
            info.state_time as f64 / 1000.0
        ));
    } else if info.state == 3 && info.details > 0 {
        let why = match info.details {
            1 => "unknown",
            2 => "monitor failure",
            3 => "internal (locking) error",
            _ => "unknown",
        };
        ctl.print(&format!("{state}: {why}\n"));
    } else {
        ctl.print(&format!("{state}\n"));
    }
    Ok(())
}

async fn dompmsuspend(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let duration = super::util::uint_opt(cmd, "duration")?.unwrap_or(0);
    let target = match cmd.get("target").unwrap_or("") {
        "mem" => 0,
        "disk" => 1,
        "hybrid" => 2,
        _ => return Err(Failure::msg("Invalid target")),
    };
    conn.domain_pm_suspend_for_duration(&d, target, duration, 0)
        .await
        .map_err(|e| Failure::ctx(format!("Domain '{}' could not be suspended", d.name), e))?;
    ctl.print(&format!("Domain '{}' successfully suspended\n", d.name));
    Ok(())
}

async fn domfsinfo(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let fs = conn
        .domain_get_fsinfo(&d, 0)
        .await
        .map_err(|e| Failure::ctx("Unable to get filesystem information", e))?;
    if fs.is_empty() {
        ctl.print("No filesystems are mounted in the domain\n");
        return Ok(());
    }
    let mut t = Table::new(&["Mountpoint", "Name", "Type", "Target"]);
    for f in fs {
        t.row(vec![
            f.mountpoint,
            f.name,
            f.fstype,
            f.dev_aliases.join(","),
        ]);
    }
    crate::output::emit(ctl, &t);
    Ok(())
}

/// Formats a CPU bitmap as virsh's ranges ("0-3,6").
pub fn cpu_ranges(map: &[u8], ncpus: usize) -> String {
    let on = |i: usize| map.get(i / 8).is_some_and(|b| b & (1 << (i % 8)) != 0);
    let mut parts = Vec::new();
    let mut i = 0;
    while i < ncpus {
        if on(i) {
            let start = i;
            while i + 1 < ncpus && on(i + 1) {
                i += 1;
            }
            parts.push(if start == i {
                start.to_string()
            } else {
                format!("{start}-{i}")
            });
        }
        i += 1;
    }
    parts.join(",")
}

async fn iothreadinfo(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let flags = affect_flags(cmd)?;
    let info = conn
        .domain_get_iothread_info(&d, flags)
        .await
        .map_err(|e| Failure::ctx("Unable to get domain IOThreads information", e))?;
    if info.is_empty() {
        ctl.print_extra("No IOThreads found for the domain");
        return Ok(());
    }
    let ncpus = conn.node_get_info().await.map(|n| n.cpus as usize)?;
    let mut t = Table::new(&["IOThread ID", "CPU Affinity"]);
    for i in info {
        t.row(vec![
            i.iothread_id.to_string(),
            cpu_ranges(&i.cpumap, ncpus),
        ]);
    }
    crate::output::emit(ctl, &t);
    Ok(())
}

pub(super) async fn device_flags(conn: &Connect, d: &DomainRef, cmd: &Cmd) -> Result<u32, Failure> {
    exclusive(cmd, "persistent", "current")?;
    let mut flags = affect_flags(cmd)?;
    if cmd.has("persistent") {
        flags |= AFFECT_CONFIG;
        if conn.domain_is_active(d).await? {
            flags |= AFFECT_LIVE;
        }
    }
    if cmd.def.name == "update-device" && cmd.has("force") {
        flags |= 4;
    }
    Ok(flags)
}

/// Attaches, detaches or updates (`verb`) a device; without flags virsh calls the flag-less
/// API, whose name the error then carries.
pub(super) async fn device_call(
    conn: &Connect,
    d: &DomainRef,
    xml: &str,
    flags: u32,
    verb: &str,
    current: bool,
) -> Result<(), rvirt_core::error::VirError> {
    let r = match verb {
        "attach" => conn.domain_attach_device(d, xml, flags).await,
        "detach" => conn.domain_detach_device(d, xml, flags).await,
        _ => conn.domain_update_device(d, xml, flags).await,
    };
    r.map_err(|mut e| {
        if flags == 0 && !current && verb != "update" {
            let api = if verb == "attach" { "Attach" } else { "Detach" };
            e.message = e.message.replace(
                &format!("virDomain{api}DeviceFlags"),
                &format!("virDomain{api}Device"),
            );
        }
        e
    })
}

async fn device(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let flags = device_flags(conn, &d, cmd).await?;
    let (path, xml) = read_file(cmd, "file")?;
    let (verb, done) = match cmd.def.name {
        "attach-device" => ("attach", "attached"),
        "detach-device" => ("detach", "detached"),
        _ => ("update", "updated"),
    };
    device_call(conn, &d, &xml, flags, verb, cmd.has("current"))
        .await
        .map_err(|e| Failure::ctx(format!("Failed to {verb} device from {path}"), e))?;
    ctl.print_extra(&format!("Device {done} successfully\n"));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil(0), "1970-01-01 00:00:00");
        assert_eq!(civil(627319920), "1989-11-17 15:32:00");
    }

    #[test]
    fn ranges() {
        assert_eq!(cpu_ranges(&[0xff], 8), "0-7");
        assert_eq!(cpu_ranges(&[0b0001_0101], 8), "0,2,4");
    }
}
