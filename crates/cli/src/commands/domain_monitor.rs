//! Domain monitoring commands: list, dominfo, domstate, domid, domname, domuuid, vcpucount,
//! vcpuinfo, dommemstat, domblkstat, domifstat, domstats, schedinfo, memtune, blkiotune,
//! domblklist, domiflist.

use rvirt::info::DomainInfo;
use rvirt::{Connect, DomainRef, TypedParam, TypedValue};

use super::util::{domain_reason_str, domain_state_str, exclusive, xml_doc};
use crate::lookup;
use crate::output::Table;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "list" => list(ctl, conn, cmd).await,
        "dominfo" => dominfo(ctl, conn, cmd).await,
        "domstate" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            let (st, reason) = conn.domain_get_state(&d, 0).await?;
            if cmd.has("reason") {
                ctl.print(&format!(
                    "{} ({})\n",
                    domain_state_str(st),
                    domain_reason_str(st, reason)
                ));
            } else {
                ctl.print(&format!("{}\n", domain_state_str(st)));
            }
            Ok(())
        }
        "domid" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            if d.id < 0 {
                ctl.print("-\n");
            } else {
                ctl.print(&format!("{}\n", d.id));
            }
            Ok(())
        }
        "domname" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            ctl.print(&format!("{}\n", d.name));
            Ok(())
        }
        "domuuid" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            ctl.print(&format!("{}\n", d.uuid));
            Ok(())
        }
        "vcpucount" => vcpucount(ctl, conn, cmd).await,
        "vcpuinfo" => vcpuinfo(ctl, conn, cmd).await,
        "dommemstat" => dommemstat(ctl, conn, cmd).await,
        "domblkstat" => domblkstat(ctl, conn, cmd).await,
        "domifstat" => domifstat(ctl, conn, cmd).await,
        "domstats" => domstats(ctl, conn, cmd).await,
        "schedinfo" => schedinfo(ctl, conn, cmd).await,
        "memtune" | "blkiotune" => tune(ctl, conn, cmd).await,
        "domblklist" => domblklist(ctl, conn, cmd).await,
        "domiflist" => domiflist(ctl, conn, cmd).await,
        _ => super::unhandled(cmd),
    }
}

/// `virConnectListAllDomains` filter flags.
use rvirt_core::list_filter::flags as lf;

async fn list(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    exclusive(cmd, "table", "name")?;
    exclusive(cmd, "table", "uuid")?;
    exclusive(cmd, "table", "id")?;
    let mut flags = lf::ACTIVE;
    if cmd.has("inactive") {
        flags = lf::INACTIVE;
    }
    if cmd.has("all") {
        flags = lf::ACTIVE | lf::INACTIVE;
    }
    let extra = [
        ("persistent", lf::PERSISTENT),
        ("transient", lf::TRANSIENT),
        ("with-managed-save", lf::MANAGEDSAVE),
        ("without-managed-save", lf::NO_MANAGEDSAVE),
        ("autostart", lf::AUTOSTART),
        ("no-autostart", lf::NO_AUTOSTART),
        ("with-snapshot", lf::HAS_SNAPSHOT),
        ("without-snapshot", lf::NO_SNAPSHOT),
        ("with-checkpoint", lf::HAS_CHECKPOINT),
        ("without-checkpoint", lf::NO_CHECKPOINT),
        ("state-running", lf::RUNNING),
        ("state-paused", lf::PAUSED),
        ("state-shutoff", lf::SHUTOFF),
        ("state-other", lf::OTHER),
    ];
    for (o, f) in extra {
        if cmd.has(o) {
            flags |= f;
        }
    }
    let mut doms = conn
        .list_all_domains(flags)
        .await
        .map_err(|e| Failure::ctx("Failed to list domains", e))?;
    doms.sort_by(|a, b| match (a.id >= 0, b.id >= 0) {
        (true, true) => a.id.cmp(&b.id),
        (true, false) => std::cmp::Ordering::Less,
        (false, true) => std::cmp::Ordering::Greater,
        (false, false) => a.name.cmp(&b.name),
    });
    let (opt_uuid, opt_name, opt_id) = (cmd.has("uuid"), cmd.has("name"), cmd.has("id"));
    let table = !(opt_uuid || opt_name || opt_id);
    if ctl.json {
        let mut arr = Vec::new();
        for d in &doms {
            let (st, _) = conn.domain_get_state(d, 0).await.unwrap_or((0, 0));
            arr.push(serde_json::json!({
                "id": if d.id >= 0 { Some(d.id) } else { None },
                "name": d.name, "uuid": d.uuid.to_string(), "state": domain_state_str(st),
            }));
        }
        ctl.print(&format!("{}\n", serde_json::Value::Array(arr)));
        return Ok(());
    }
    if table {
        let title = cmd.has("title");
        let mut t = if title {
            Table::new(&["Id", "Name", "State", "Title"])
        } else {
            Table::new(&["Id", "Name", "State"])
        };
        for d in &doms {
            let (st, _) = match conn.domain_get_state(d, 0).await {
                Ok(s) => s,
                Err(_) => continue,
            };
            let mut state = domain_state_str(st).to_string();
            if cmd.has("managed-save")
                && d.id < 0
                && conn
                    .domain_has_managed_save_image(d, 0)
                    .await
                    .unwrap_or(false)
            {
                state = "saved".into();
            }
            let id = if d.id >= 0 {
                d.id.to_string()
            } else {
                "-".into()
            };
            let mut row = vec![id, d.name.clone(), state];
            if title {
                let t = conn
                    .domain_get_metadata(d, 1, None, 0)
                    .await
                    .unwrap_or_default();
                row.push(t.lines().next().unwrap_or("").to_string());
            }
            t.row(row);
        }
        crate::output::emit(ctl, &t);
        return Ok(());
    }
    for d in &doms {
        let id = if d.id >= 0 {
            d.id.to_string()
        } else {
            "-".into()
        };
        let mut parts: Vec<String> = Vec::new();
        if opt_id {
            if d.id < 0 && !opt_name && !opt_uuid {
                continue;
            }
            parts.push(id);
        }
        if opt_uuid {
            parts.push(d.uuid.to_string());
        }
        if opt_name {
            parts.push(d.name.clone());
        }
        ctl.print(&format!("{}\n", parts.join(" ")));
    }
    Ok(())
}

async fn dominfo(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let mut lines: Vec<(&str, String)> = Vec::new();
    let id = if d.id >= 0 {
        d.id.to_string()
    } else {
        "-".into()
    };
    lines.push(("Id:", id));
    lines.push(("Name:", d.name.clone()));
    lines.push(("UUID:", d.uuid.to_string()));
    if let Ok(os) = conn.domain_get_os_type(&d).await {
        lines.push(("OS Type:", os));
    }
    let info: Option<DomainInfo> = conn.domain_get_info(&d).await.ok();
    if let Some(i) = &info {
        lines.push(("State:", domain_state_str(i.state).into()));
        lines.push(("CPU(s):", i.nr_virt_cpu.to_string()));
        if i.cpu_time != 0 {
            lines.push(("CPU time:", format!("{:.1}s", i.cpu_time as f64 / 1e9)));
        }
        if i.max_mem == 0 {
            lines.push(("Max memory:", "no limit".into()));
        } else {
            lines.push(("Max memory:", format!("{} KiB", i.max_mem)));
        }
        lines.push(("Used memory:", format!("{} KiB", i.memory)));
    }
    let yn = |r: Result<bool, rvirt::VirError>| match r {
        Ok(true) => "yes",
        Ok(false) => "no",
        Err(_) => "unknown",
    };
    lines.push((
        "Persistent:",
        yn(conn.domain_is_persistent(&d).await).into(),
    ));
    if let Ok(a) = conn.domain_get_autostart(&d).await {
        lines.push(("Autostart:", if a { "enable" } else { "disable" }.into()));
    }
    lines.push((
        "Managed save:",
        yn(conn.domain_has_managed_save_image(&d, 0).await).into(),
    ));
    if let Ok(m) = conn.node_get_security_model().await {
        if !m.model.is_empty() {
            lines.push(("Security model:", m.model.clone()));
            lines.push(("Security DOI:", m.doi.clone()));
            if let Ok(l) = conn.domain_get_security_label(&d).await {
                if !l.label.is_empty() {
                    let mode = if l.enforcing {
                        "enforcing"
                    } else {
                        "permissive"
                    };
                    lines.push(("Security label:", format!("{} ({mode})", l.label)));
                }
            }
        }
    }
    let msgs = conn.domain_get_messages(&d, 0).await.unwrap_or_default();
    if ctl.json {
        let mut m = serde_json::Map::new();
        for (k, v) in &lines {
            m.insert(k.trim_end_matches(':').to_string(), v.clone().into());
        }
        ctl.print(&format!("{}\n", serde_json::Value::Object(m)));
        return Ok(());
    }
    for (k, v) in lines {
        ctl.print(&format!("{k:<15} {v}\n"));
    }
    for (i, m) in msgs.iter().enumerate() {
        let k = if i == 0 { "Messages:" } else { "" };
        ctl.print(&format!("{k:<15} {m}\n"));
    }
    Ok(())
}

async fn vcpucount(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    exclusive(cmd, "active", "maximum")?;
    exclusive(cmd, "guest", "config")?;
    exclusive(cmd, "live", "config")?;
    // --current conflicts with --live/--config only next to --maximum or --active
    if cmd.has("maximum") || cmd.has("active") {
        exclusive(cmd, "current", "live")?;
        exclusive(cmd, "current", "config")?;
    }
    let d = lookup::domain(conn, cmd, "domain").await?;
    let (maximum, active, live, config, current, guest) = (
        cmd.has("maximum"),
        cmd.has("active"),
        cmd.has("live"),
        cmd.has("config"),
        cmd.has("current"),
        cmd.has("guest"),
    );
    if live && config {
        return Err(Failure::msg(
            "Options --live and --config are mutually exclusive",
        ));
    }
    const MAX: u32 = 4;
    const GUEST: u32 = 8;
    if maximum || active || live || config || current || guest {
        let mut f = 0;
        if live {
            f |= 1;
        }
        if config {
            f |= 2;
        }
        if maximum {
            f |= MAX;
        }
        if guest {
            f |= GUEST;
        }
        let n = conn.domain_get_vcpus_flags(&d, f).await.map_err(|e| {
            if guest {
                Failure::ctx("Failed to retrieve vCPU count from the guest", e)
            } else {
                Failure::from(e)
            }
        })?;
        ctl.print(&format!("{n}\n"));
        return Ok(());
    }
    let active_dom = conn.domain_is_active(&d).await.unwrap_or(false);
    for (label, f) in [("maximum", MAX), ("current", 0)] {
        for (what, wf) in [("config", 2u32), ("live", 1u32)] {
            if wf == 1 && !active_dom {
                continue;
            }
            let n = conn.domain_get_vcpus_flags(&d, f | wf).await?;
            ctl.print(&format!("{label:<12} {what:<12} {n:>3}\n"));
        }
    }
    Ok(())
}

fn cpu_affinity(map: &[u8], ncpus: usize, pretty: bool) -> String {
    let set = |j: usize| map.get(j / 8).is_some_and(|b| b & (1 << (j % 8)) != 0);
    if !pretty {
        return (0..ncpus).map(|j| if set(j) { 'y' } else { '-' }).collect();
    }
    let mut parts = Vec::new();
    let mut j = 0;
    while j < ncpus {
        if set(j) {
            let s = j;
            while j + 1 < ncpus && set(j + 1) {
                j += 1;
            }
            parts.push(if s == j {
                s.to_string()
            } else {
                format!("{s}-{j}")
            });
        }
        j += 1;
    }
    format!("{} (out of {ncpus})", parts.join(","))
}

async fn vcpuinfo(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let (_, _, ncpus) = conn.node_get_cpu_map(0).await?;
    let ncpus = ncpus.max(0) as usize;
    let info = conn.domain_get_info(&d).await?;
    let maplen = ncpus.div_ceil(8).max(1);
    let pretty = cmd.has("pretty");
    let (vcpus, maps) = match conn
        .domain_get_vcpus(&d, info.nr_virt_cpu as i32, maplen as i32)
        .await
    {
        Ok(v) => v,
        Err(e) if d.id < 0 && e.code == rvirt::ErrorCode::OperationInvalid => {
            // Inactive domain: virsh shows the configured pinning instead.
            let (maps, n) = conn
                .domain_get_vcpu_pin_info(&d, info.nr_virt_cpu as i32, maplen as i32, 2)
                .await?;
            for i in 0..n.max(0) as usize {
                if i > 0 {
                    ctl.print("\n");
                }
                let map = maps.get(i * maplen..(i + 1) * maplen).unwrap_or(&[]);
                ctl.print(&format!("{:<15} {i}\n", "VCPU:"));
                ctl.print(&format!("{:<15} N/A\n", "CPU:"));
                ctl.print(&format!("{:<15} N/A\n", "State:"));
                ctl.print(&format!("{:<15} N/A\n", "CPU time"));
                ctl.print(&format!(
                    "{:<15} {}\n",
                    "CPU Affinity:",
                    cpu_affinity(map, ncpus, pretty)
                ));
            }
            return Ok(());
        }
        Err(e) => return Err(e.into()),
    };
    for (i, v) in vcpus.iter().enumerate() {
        if i > 0 {
            ctl.print("\n");
        }
        let st = match v.state {
            0 => "offline",
            1 => "running",
            2 => "blocked",
            _ => "no state",
        };
        let map = maps.get(i * maplen..(i + 1) * maplen).unwrap_or(&[]);
        ctl.print(&format!("{:<15} {}\n", "VCPU:", v.number));
        ctl.print(&format!("{:<15} {}\n", "CPU:", v.cpu));
        ctl.print(&format!("{:<15} {st}\n", "State:"));
        ctl.print(&format!(
            "{:<15} {:.1}s\n",
            "CPU time:",
            v.cpu_time as f64 / 1e9
        ));
        ctl.print(&format!(
            "{:<15} {}\n",
            "CPU Affinity:",
            cpu_affinity(map, ncpus, pretty)
        ));
    }
    Ok(())
}

async fn dommemstat(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let flags = super::util::affect_flags(cmd)?;
    let d = lookup::domain(conn, cmd, "domain").await?;
    // --period N sets the balloon's collection period instead of printing statistics
    if let Some(p) = super::util::int_opt(cmd, "period")? {
        let period = i32::try_from(p).map_err(|_| {
            Failure::msg(format!(
                "Numeric value '{}' for <period> option is malformed or out of range",
                cmd.get("period").unwrap_or_default()
            ))
        })?;
        if period < 0 {
            return Err(Failure::msg(format!(
                "Invalid collection period value '{period}'"
            )));
        }
        conn.domain_set_memory_stats_period(&d, period, flags)
            .await
            .map_err(|e| Failure::ctx("Unable to change balloon collection period.", e))?;
        return Ok(());
    }
    let st = conn.domain_memory_stats(&d, 13, 0).await.map_err(|e| {
        Failure::ctx(
            format!("Failed to get memory statistics for domain {}", d.name),
            e,
        )
    })?;
    const NAMES: [&str; 13] = [
        "swap_in",
        "swap_out",
        "major_fault",
        "minor_fault",
        "unused",
        "available",
        "actual",
        "rss",
        "usable",
        "last_update",
        "disk_caches",
        "hugetlb_pgalloc",
        "hugetlb_pgfail",
    ];
    for s in st {
        if let Some(n) = NAMES.get(s.tag as usize) {
            ctl.print(&format!("{n} {}\n", s.val));
        }
    }
    Ok(())
}

async fn domblkstat(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let dev = cmd.get("device").unwrap_or("");
    let s = conn
        .domain_block_stats(&d, dev)
        .await
        .map_err(|e| Failure::ctx(format!("Failed to get block stats {} {dev}", d.name), e))?;
    let rows = [
        ("rd_req", "number of read operations:", s.rd_req),
        ("rd_bytes", "number of bytes read:", s.rd_bytes),
        ("wr_req", "number of write operations:", s.wr_req),
        ("wr_bytes", "number of bytes written:", s.wr_bytes),
        ("errs", "error count:", s.errs),
    ];
    if cmd.has("human") {
        ctl.print(&format!("Device: {dev}\n"));
    }
    for (f, h, v) in rows {
        if v < 0 {
            continue;
        }
        if cmd.has("human") {
            ctl.print(&format!(" {h:<31} {v}\n"));
        } else {
            ctl.print(&format!("{dev} {f} {v}\n"));
        }
    }
    Ok(())
}

async fn domifstat(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let dev = cmd.req("interface").map_err(Failure::msg)?.unwrap_or("");
    let s = conn
        .domain_interface_stats(&d, dev)
        .await
        .map_err(|e| Failure::ctx(format!("Failed to get interface stats {} {dev}", d.name), e))?;
    let rows = [
        ("rx_bytes", s.rx_bytes),
        ("rx_packets", s.rx_packets),
        ("rx_errs", s.rx_errs),
        ("rx_drop", s.rx_drop),
        ("tx_bytes", s.tx_bytes),
        ("tx_packets", s.tx_packets),
        ("tx_errs", s.tx_errs),
        ("tx_drop", s.tx_drop),
    ];
    for (f, v) in rows {
        if v >= 0 {
            ctl.print(&format!("{dev} {f} {v}\n"));
        }
    }
    Ok(())
}

/// `virTypedParameterToString`.
pub fn param_str(v: &TypedValue) -> String {
    match v {
        TypedValue::Int(x) => x.to_string(),
        TypedValue::UInt(x) => x.to_string(),
        TypedValue::LLong(x) => x.to_string(),
        TypedValue::ULLong(x) => x.to_string(),
        TypedValue::Double(x) => format!("{x:.6}"),
        TypedValue::Boolean(b) => if *b { "yes" } else { "no" }.to_string(),
        TypedValue::String(s) => s.clone(),
    }
}

/// A typed parameter as a JSON value: numbers stay numbers, booleans booleans.
fn param_json(v: &TypedValue) -> serde_json::Value {
    match v {
        TypedValue::Int(x) => (*x).into(),
        TypedValue::UInt(x) => (*x).into(),
        TypedValue::LLong(x) => (*x).into(),
        TypedValue::ULLong(x) => (*x).into(),
        TypedValue::Double(x) => (*x).into(),
        TypedValue::Boolean(b) => (*b).into(),
        TypedValue::String(s) => s.clone().into(),
    }
}

async fn domstats(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let groups = [
        ("state", 1u32),
        ("cpu-total", 2),
        ("balloon", 4),
        ("vcpu", 8),
        ("interface", 16),
        ("block", 32),
        ("perf", 64),
        ("iothread", 128),
        ("memory", 256),
        ("dirtyrate", 512),
        ("vm", 1024),
    ];
    let mut stats = 0;
    for (o, f) in groups {
        if cmd.has(o) {
            stats |= f;
        }
    }
    let lists = [
        ("list-active", 1u32),
        ("list-inactive", 2),
        ("list-persistent", 4),
        ("list-transient", 8),
        ("list-running", 16),
        ("list-paused", 32),
        ("list-shutoff", 64),
        ("list-other", 128),
        ("nowait", 1 << 29),
        ("backing", 1 << 30),
        ("enforce", 1 << 31),
    ];
    let mut flags = 0;
    for (o, f) in lists {
        if cmd.has(o) {
            flags |= f;
        }
    }
    let mut doms: Vec<DomainRef> = Vec::new();
    for n in cmd.argv("domain") {
        doms.push(lookup::domain_by(conn, n).await?);
    }
    let recs = conn.get_all_domain_stats(doms, stats, flags).await?;
    if ctl.json {
        let arr: Vec<_> = recs
            .iter()
            .map(|r| {
                let stats: serde_json::Map<String, serde_json::Value> = r
                    .params
                    .iter()
                    .map(|p| (p.field.clone(), param_json(&p.value)))
                    .collect();
                serde_json::json!({"domain": r.dom.name, "stats": stats})
            })
            .collect();
        ctl.print(&format!("{}\n", serde_json::Value::Array(arr)));
        return Ok(());
    }
    for (i, r) in recs.iter().enumerate() {
        if i > 0 {
            ctl.print("\n");
        }
        ctl.print(&format!("Domain: '{}'\n", r.dom.name));
        for p in &r.params {
            ctl.print(&format!("  {}={}\n", p.field, param_str(&p.value)));
        }
    }
    Ok(())
}

async fn schedinfo(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let flags = super::util::affect_flags(cmd)?;
    let (ty, _) = conn
        .domain_get_scheduler_type(&d)
        .await
        .map_err(|e| Failure::ctx("Failed to get scheduler type", e))?;
    ctl.print(&format!("{:<15}: {ty}\n", "Scheduler"));
    // with --live/--config virsh asks the Flags API (string-okay), whose errors come bare
    let flagged = ["current", "live", "config"].iter().any(|o| cmd.has(o));
    // both --live and --config cannot be queried at once: virsh asks for --current then
    let query = if flags == 3 { 0 } else { flags };
    let get_flags = if flagged { query | 4 } else { 0 };
    let mut params = conn
        .domain_get_scheduler_parameters(&d, get_flags)
        .await
        .map_err(|e| {
            if flagged {
                Failure::from(e)
            } else {
                Failure::ctx("Unable to get scheduler parameters", e)
            }
        })?;
    let updates = sched_updates(cmd, &params)?;
    if !updates.is_empty() {
        conn.domain_set_scheduler_parameters(&d, updates, flags)
            .await?;
        params = conn
            .domain_get_scheduler_parameters(&d, flags)
            .await
            .map_err(|e| Failure::ctx("Unable to get scheduler parameters", e))?;
    }
    print_params(ctl, &params, false);
    Ok(())
}

/// schedinfo's `--set name=value` / `--weight` / `--cap`, typed after the current values
/// (virsh's cmdSchedInfoUpdate).
fn sched_updates(cmd: &Cmd, current: &[TypedParam]) -> Result<Vec<TypedParam>, Failure> {
    let mut wanted: Vec<(String, String)> = Vec::new();
    for s in cmd.argv("set") {
        let (n, v) = s
            .split_once('=')
            .ok_or_else(|| Failure::msg("Invalid syntax for --set, expecting name=value"))?;
        wanted.push((n.to_string(), v.to_string()));
    }
    for n in ["weight", "cap"] {
        if let Some(v) = cmd.get(n) {
            wanted.push((n.to_string(), v.to_string()));
        }
    }
    let mut out = Vec::new();
    for (name, val) in wanted {
        let cur = current
            .iter()
            .find(|p| p.field == name)
            .ok_or_else(|| Failure::msg(format!("invalid scheduler option: {name}")))?;
        let bad = |ty: &str| {
            Failure::msg(format!(
                "invalid argument: Invalid value for field '{name}': expected {ty}"
            ))
        };
        let v = match cur.value {
            TypedValue::Int(_) => TypedValue::Int(val.parse().map_err(|_| bad("int"))?),
            TypedValue::UInt(_) => TypedValue::UInt(val.parse().map_err(|_| bad("unsigned int"))?),
            TypedValue::LLong(_) => TypedValue::LLong(val.parse().map_err(|_| bad("long long"))?),
            TypedValue::ULLong(_) => {
                TypedValue::ULLong(val.parse().map_err(|_| bad("unsigned long long"))?)
            }
            TypedValue::Double(_) => TypedValue::Double(val.parse().map_err(|_| bad("double"))?),
            TypedValue::Boolean(_) => match val.as_str() {
                "1" | "yes" | "true" => TypedValue::Boolean(true),
                "0" | "no" | "false" => TypedValue::Boolean(false),
                _ => return Err(bad("boolean")),
            },
            TypedValue::String(_) => TypedValue::String(val.clone()),
        };
        out.push(TypedParam::new(name, v));
    }
    Ok(out)
}

fn print_params(ctl: &mut Ctl, params: &[TypedParam], unlimited: bool) {
    const UNLIMITED: u64 = 9007199254740991;
    for p in params {
        let v = match &p.value {
            TypedValue::ULLong(x) if unlimited && *x == UNLIMITED => "unlimited".to_string(),
            other => param_str(other),
        };
        ctl.print(&format!("{:<15}: {v}\n", p.field));
    }
}

async fn tune(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let flags = super::util::affect_flags(cmd)?;
    if cmd.def.name == "memtune" {
        let set = super::domain_set::memtune_params(cmd)?;
        if !set.is_empty() {
            conn.domain_set_memory_parameters(&d, set, flags)
                .await
                .map_err(|e| Failure::ctx("Unable to change memory parameters", e))?;
            return Ok(());
        }
        let p = conn
            .domain_get_memory_parameters(&d, flags)
            .await
            .map_err(|e| Failure::ctx("Unable to get memory parameters", e))?;
        print_params(ctl, &p, true);
    } else {
        let set = super::domain_set::blkiotune_params(cmd)?;
        if !set.is_empty() {
            conn.domain_set_blkio_parameters(&d, set, flags)
                .await
                .map_err(|e| Failure::ctx("Unable to change blkio parameters", e))?;
            return Ok(());
        }
        let p = conn
            .domain_get_blkio_parameters(
                &d,
                flags | rvirt_core::typed_param::TYPED_PARAM_STRING_OKAY,
            )
            .await
            .map_err(|e| Failure::ctx("Unable to get blkio parameters", e))?;
        print_params(ctl, &p, false);
    }
    Ok(())
}

async fn dom_xml(conn: &Connect, cmd: &Cmd) -> Result<String, Failure> {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let flags = if cmd.has("inactive") { 2 } else { 0 };
    Ok(conn.domain_get_xml_desc(&d, flags).await?)
}

async fn domblklist(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let xml = dom_xml(conn, cmd).await?;
    let doc = xml_doc(&xml).ok_or_else(|| Failure::msg("Failed to parse domain XML"))?;
    let details = cmd.has("details");
    let mut t = if details {
        Table::new(&["Type", "Device", "Target", "Source"])
    } else {
        Table::new(&["Target", "Source"])
    };
    for disk in doc
        .descendants()
        .filter(|n| n.has_tag_name("disk") && n.parent().is_some_and(|p| p.has_tag_name("devices")))
    {
        let target = disk
            .children()
            .find(|c| c.has_tag_name("target"))
            .and_then(|c| c.attribute("dev"))
            .unwrap_or("-")
            .to_string();
        let source = disk
            .children()
            .find(|c| c.has_tag_name("source"))
            .and_then(|s| {
                ["file", "dev", "dir", "name", "volume"]
                    .iter()
                    .find_map(|a| s.attribute(*a))
            })
            .unwrap_or("-")
            .to_string();
        if details {
            t.row(vec![
                disk.attribute("type").unwrap_or("-").into(),
                disk.attribute("device").unwrap_or("disk").into(),
                target,
                source,
            ]);
        } else {
            t.row(vec![target, source]);
        }
    }
    crate::output::emit(ctl, &t);
    Ok(())
}

async fn domiflist(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let xml = dom_xml(conn, cmd).await?;
    let doc = xml_doc(&xml).ok_or_else(|| Failure::msg("Failed to parse domain XML"))?;
    let mut t = Table::new(&["Interface", "Type", "Source", "Model", "MAC"]);
    for n in doc.descendants().filter(|n| {
        n.has_tag_name("interface") && n.parent().is_some_and(|p| p.has_tag_name("devices"))
    }) {
        let child = |name: &str, attr: &str| {
            n.children()
                .find(|c| c.has_tag_name(name))
                .and_then(|c| c.attribute(attr))
                .map(String::from)
        };
        let ty = n.attribute("type").unwrap_or("-").to_string();
        let source = n
            .children()
            .find(|c| c.has_tag_name("source"))
            .and_then(|s| {
                ["bridge", "dev", "network", "name", "path"]
                    .iter()
                    .find_map(|a| s.attribute(*a))
            })
            .unwrap_or("-")
            .to_string();
        t.row(vec![
            child("target", "dev").unwrap_or_else(|| "-".into()),
            ty,
            source,
            child("model", "type").unwrap_or_else(|| "-".into()),
            child("mac", "address").unwrap_or_else(|| "-".into()),
        ]);
    }
    crate::output::emit(ctl, &t);
    Ok(())
}
