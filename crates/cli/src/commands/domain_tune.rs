//! Domain tuning commands: vcpupin, emulatorpin, numatune, domiftune, blkdeviotune, cpu-stats,
//! send-key.

use rvirt::Connect;
use rvirt_core::typed_param::{TypedParam, TypedValue};

use super::domain_extra::cpu_ranges;
use super::domain_monitor::param_str;
use super::util::{affect_flags, uint_opt};
use crate::lookup;
use crate::output::Table;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "vcpupin" => vcpupin(ctl, conn, cmd).await,
        "emulatorpin" => emulatorpin(ctl, conn, cmd).await,
        "numatune" => numatune(ctl, conn, cmd).await,
        "domiftune" => domiftune(ctl, conn, cmd).await,
        "blkdeviotune" => blkdeviotune(ctl, conn, cmd).await,
        "cpu-stats" => cpu_stats(ctl, conn, cmd).await,
        "send-key" => send_key(conn, cmd).await,
        _ => super::unhandled(cmd),
    }
}

/// Host CPU count as virsh takes it (`virNodeGetCPUMap`).
async fn host_cpus(conn: &Connect) -> Result<usize, Failure> {
    let (_, _, n) = conn.node_get_cpu_map(0).await?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// Parses a CPU list ("0-3,^2,5" or "r") into a bitmap of `maxcpu` bits, with virsh's
/// errors (`virshParseCPUList` over `virBitmapParse`).
pub fn parse_cpulist(s: &str, maxcpu: usize) -> Result<Vec<u8>, Failure> {
    let mut map = vec![0u8; maxcpu.div_ceil(8)];
    if s == "r" {
        for i in 0..maxcpu {
            map[i / 8] |= 1 << (i % 8);
        }
        return Ok(map);
    }
    let invalid = || Failure {
        lines: vec![
            format!("Invalid cpulist '{s}'"),
            format!("invalid argument: Failed to parse bitmap '{s}'"),
        ],
    };
    // the bitmap parser's own bound on a CPU number
    const LIMIT: usize = 1 << 16;
    let mut set = std::collections::BTreeSet::new();
    if s.is_empty() {
        return Err(invalid());
    }
    for part in s.split(',') {
        let (neg, p) = match part.strip_prefix('^') {
            Some(r) => (true, r),
            None => (false, part),
        };
        let (a, b) = match p.split_once('-') {
            Some((a, b)) => (a, b),
            None => (p, p),
        };
        let a: usize = a.trim().parse().map_err(|_| invalid())?;
        let b: usize = b.trim().parse().map_err(|_| invalid())?;
        if a > b || b >= LIMIT {
            return Err(invalid());
        }
        for i in a..=b {
            if neg {
                set.remove(&i);
            } else {
                set.insert(i);
            }
        }
    }
    let Some(&last) = set.last() else {
        return Err(Failure::msg(format!("Invalid cpulist '{s}'")));
    };
    if last >= maxcpu {
        return Err(Failure::msg(format!(
            "CPU {last} in cpulist '{s}' exceed the maxcpu {maxcpu}"
        )));
    }
    for i in set {
        map[i / 8] |= 1 << (i % 8);
    }
    Ok(map)
}

async fn vcpupin(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let flags = affect_flags(cmd)?;
    let vcpu = uint_opt(cmd, "vcpu")?;
    let maxcpu = host_cpus(conn).await?;
    let maplen = maxcpu.div_ceil(8);
    if let Some(list) = cmd.get("cpulist") {
        let Some(v) = vcpu else {
            return Err(Failure::msg("vcpupin: Missing vCPU number in pin mode."));
        };
        let map = parse_cpulist(list, maxcpu)?;
        let v = u32::try_from(v).map_err(|_| Failure::msg("vcpupin: Invalid vCPU number."))?;
        conn.domain_pin_vcpu_flags(&d, v, map, flags).await?;
        return Ok(());
    }
    let n = conn
        .domain_get_vcpus_flags(&d, flags | 4)
        .await
        .map_err(|e| Failure::ctx("Unable to get vcpu count", e))?;
    let (maps, got) = conn
        .domain_get_vcpu_pin_info(&d, n, maplen as i32, flags)
        .await?;
    if let Some(v) = vcpu {
        if v >= u64::try_from(n).unwrap_or(0) {
            let live = flags & super::util::AFFECT_CONFIG == 0
                && (flags & super::util::AFFECT_LIVE != 0
                    || conn.domain_is_active(&d).await.unwrap_or(false));
            let kind = if live { "live" } else { "persistent" };
            return Err(Failure::msg(format!(
                "vcpu {v} is out of range of {kind} cpu count {n}"
            )));
        }
    }
    let mut t = Table::new(&["VCPU", "CPU Affinity"]);
    for i in 0..usize::try_from(got).unwrap_or(0) {
        if vcpu.is_some_and(|v| v != i as u64) {
            continue;
        }
        let m = maps.get(i * maplen..(i + 1) * maplen).unwrap_or(&[]);
        t.row(vec![i.to_string(), cpu_ranges(m, maxcpu)]);
    }
    crate::output::emit(ctl, &t);
    Ok(())
}

async fn emulatorpin(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let flags = affect_flags(cmd)?;
    let maxcpu = host_cpus(conn).await?;
    if let Some(list) = cmd.get("cpulist") {
        let map = parse_cpulist(list, maxcpu)?;
        conn.domain_pin_emulator(&d, map, flags).await?;
        return Ok(());
    }
    let (map, _) = conn
        .domain_get_emulator_pin_info(&d, maxcpu.div_ceil(8) as i32, flags)
        .await?;
    ctl.print_extra(&format!(
        "{} {}\n{}\n",
        "emulator:",
        "CPU Affinity",
        "-".repeat(34)
    ));
    ctl.print(&format!("{:>9} {}\n", "*:", cpu_ranges(&map, maxcpu)));
    Ok(())
}

fn print_params(ctl: &mut Ctl, params: &[TypedParam]) {
    for p in params {
        let v = match (&p.field[..], &p.value) {
            ("numa_mode", TypedValue::Int(m)) => match m {
                0 => "strict".to_string(),
                1 => "preferred".to_string(),
                2 => "interleave".to_string(),
                3 => "restrictive".to_string(),
                _ => m.to_string(),
            },
            (_, v) => param_str(v),
        };
        ctl.print(&format!("{:<15}: {v}\n", p.field));
    }
}

async fn numatune(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let flags = affect_flags(cmd)?;
    let mut set = Vec::new();
    if let Some(m) = cmd.get("mode") {
        let n = match m {
            "strict" => 0,
            "preferred" => 1,
            "interleave" => 2,
            "restrictive" => 3,
            other => match other.parse::<i32>() {
                Ok(n) => n,
                Err(_) => return Err(Failure::msg(format!("Invalid mode: {m}"))),
            },
        };
        set.push(TypedParam::new("numa_mode", TypedValue::Int(n)));
    }
    if let Some(ns) = cmd.get("nodeset") {
        set.push(TypedParam::new(
            "numa_nodeset",
            TypedValue::String(ns.to_string()),
        ));
    }
    if !set.is_empty() {
        conn.domain_set_numa_parameters(&d, set, flags)
            .await
            .map_err(|e| Failure::ctx("Unable to change numa parameters", e))?;
        return Ok(());
    }
    let p = conn
        .domain_get_numa_parameters(&d, flags | 4)
        .await
        .map_err(|e| Failure::ctx("Unable to get number of memory parameters", e))?;
    print_params(ctl, &p);
    Ok(())
}

/// Parses `average[,peak[,burst[,floor]]]` of domiftune.
fn rate(s: &str, dir: &str, out: &mut Vec<TypedParam>) -> Result<(), Failure> {
    let names = ["average", "peak", "burst", "floor"];
    let max = if dir == "inbound" { 4 } else { 3 };
    let parts: Vec<&str> = s.split(',').collect();
    if parts.len() > max || parts.is_empty() {
        return Err(Failure::msg(format!("{dir} rate format is incorrect")));
    }
    for (i, p) in parts.iter().enumerate() {
        if p.is_empty() {
            continue;
        }
        let v: u32 = p
            .parse()
            .map_err(|_| Failure::msg(format!("{dir} rate format is incorrect")))?;
        out.push(TypedParam::new(
            format!("{dir}.{}", names[i]),
            TypedValue::UInt(v),
        ));
    }
    Ok(())
}

async fn domiftune(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let flags = affect_flags(cmd)?;
    let dev = cmd.req("interface").map_err(Failure::msg)?.unwrap_or("");
    let mut set = Vec::new();
    for dir in ["inbound", "outbound"] {
        if let Some(s) = cmd.get(dir) {
            rate(s, dir, &mut set)?;
        }
    }
    if cmd.has("inbound") || cmd.has("outbound") {
        conn.domain_set_interface_parameters(&d, dev, set, flags)
            .await
            .map_err(|e| Failure::ctx("Unable to set interface parameters", e))?;
        return Ok(());
    }
    let p = conn
        .domain_get_interface_parameters(&d, dev, flags)
        .await
        .map_err(|e| Failure::ctx("Unable to get interface parameters", e))?;
    print_params(ctl, &p);
    Ok(())
}

/// blkdeviotune's scaled options and their typed-parameter names.
const IOTUNE: &[(&str, &str)] = &[
    ("total-bytes-sec", "total_bytes_sec"),
    ("read-bytes-sec", "read_bytes_sec"),
    ("write-bytes-sec", "write_bytes_sec"),
    ("total-iops-sec", "total_iops_sec"),
    ("read-iops-sec", "read_iops_sec"),
    ("write-iops-sec", "write_iops_sec"),
    ("total-bytes-sec-max", "total_bytes_sec_max"),
    ("read-bytes-sec-max", "read_bytes_sec_max"),
    ("write-bytes-sec-max", "write_bytes_sec_max"),
    ("total-iops-sec-max", "total_iops_sec_max"),
    ("read-iops-sec-max", "read_iops_sec_max"),
    ("write-iops-sec-max", "write_iops_sec_max"),
    ("size-iops-sec", "size_iops_sec"),
    ("total-bytes-sec-max-length", "total_bytes_sec_max_length"),
    ("read-bytes-sec-max-length", "read_bytes_sec_max_length"),
    ("write-bytes-sec-max-length", "write_bytes_sec_max_length"),
    ("total-iops-sec-max-length", "total_iops_sec_max_length"),
    ("read-iops-sec-max-length", "read_iops_sec_max_length"),
    ("write-iops-sec-max-length", "write_iops_sec_max_length"),
];

async fn blkdeviotune(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let flags = affect_flags(cmd)?;
    let dev = cmd.get("device").unwrap_or("");
    let mut set = Vec::new();
    for (opt, field) in IOTUNE {
        let v = if opt.contains("bytes") && !opt.ends_with("length") {
            super::util::scaled(cmd, opt, 1)?
        } else {
            uint_opt(cmd, opt)?
        };
        if let Some(v) = v {
            set.push(TypedParam::new(*field, TypedValue::ULLong(v)));
        }
    }
    if let Some(g) = cmd.get("group-name") {
        set.push(TypedParam::new("group_name", TypedValue::String(g.into())));
    }
    if !set.is_empty() {
        conn.domain_set_block_io_tune(&d, dev, set, flags)
            .await
            .map_err(|e| Failure::ctx("Unable to change block I/O throttle", e))?;
        return Ok(());
    }
    let p = conn
        .domain_get_block_io_tune(
            &d,
            Some(dev.to_string()),
            flags | rvirt_core::typed_param::TYPED_PARAM_STRING_OKAY,
        )
        .await
        .map_err(|e| Failure::ctx("Unable to get block I/O throttle parameters", e))?;
    print_params(ctl, &p);
    Ok(())
}

fn print_cpu_params(ctl: &mut Ctl, params: &[TypedParam]) {
    for p in params {
        match (&p.field[..], &p.value) {
            (f, TypedValue::ULLong(ns)) if f.ends_with("_time") => {
                ctl.print(&format!(
                    "\t{:<15} {:>6}.{:09} seconds\n",
                    f,
                    ns / 1_000_000_000,
                    ns % 1_000_000_000
                ));
            }
            (f, v) => ctl.print(&format!("\t{f:<15} {}\n", param_str(v))),
        }
    }
}

async fn cpu_stats(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let start = super::util::int_opt(cmd, "start")?;
    let count = super::util::int_opt(cmd, "count")?;
    if start.is_some_and(|s| s < 0) {
        return Err(Failure::msg("Invalid value for start CPU"));
    }
    if count.is_some_and(|c| c < 0) {
        return Err(Failure::msg("Invalid value for number of CPUs to show"));
    }
    let total = cmd.has("total");
    let show_per_cpu = !total || start.is_some() || count.is_some();
    let show_total = total || (start.is_none() && count.is_none());
    if show_per_cpu {
        let s = start.unwrap_or(0);
        let max = conn
            .domain_get_cpu_stats(&d, 0, 0, 0)
            .await
            .map_err(|e| Failure::ctx("Failed to retrieve CPU statistics", e))?
            .len() as i64;
        if s >= max {
            return Err(Failure::msg(format!(
                "Start CPU {s} is out of range (min: 0, max: {})",
                max - 1
            )));
        }
        let per = conn
            .domain_get_cpu_stats(
                &d,
                i32::try_from(s).unwrap_or(i32::MAX),
                u32::try_from(count.unwrap_or(0)).unwrap_or(0),
                0,
            )
            .await
            .map_err(|e| Failure::ctx("Failed to retrieve CPU statistics", e))?;
        for (i, params) in per.iter().enumerate() {
            ctl.print(&format!("CPU{}:\n", s + i as i64));
            print_cpu_params(ctl, params);
        }
    }
    if show_total {
        let t = conn
            .domain_get_cpu_stats(&d, -1, 1, 0)
            .await
            .map_err(|e| Failure::ctx("Failed to retrieve CPU statistics", e))?;
        ctl.print("Total:\n");
        if let Some(p) = t.first() {
            print_cpu_params(ctl, p);
        }
    }
    Ok(())
}

/// Linux input key names (`KEY_*`, linux/input-event-codes.h) understood by send-key.
const LINUX_KEYS: &[(&str, u32)] = &[
    ("KEY_ESC", 1),
    ("KEY_1", 2),
    ("KEY_2", 3),
    ("KEY_3", 4),
    ("KEY_4", 5),
    ("KEY_5", 6),
    ("KEY_6", 7),
    ("KEY_7", 8),
    ("KEY_8", 9),
    ("KEY_9", 10),
    ("KEY_0", 11),
    ("KEY_MINUS", 12),
    ("KEY_EQUAL", 13),
    ("KEY_BACKSPACE", 14),
    ("KEY_TAB", 15),
    ("KEY_Q", 16),
    ("KEY_W", 17),
    ("KEY_E", 18),
    ("KEY_R", 19),
    ("KEY_T", 20),
    ("KEY_Y", 21),
    ("KEY_U", 22),
    ("KEY_I", 23),
    ("KEY_O", 24),
    ("KEY_P", 25),
    ("KEY_LEFTBRACE", 26),
    ("KEY_RIGHTBRACE", 27),
    ("KEY_ENTER", 28),
    ("KEY_LEFTCTRL", 29),
    ("KEY_A", 30),
    ("KEY_S", 31),
    ("KEY_D", 32),
    ("KEY_F", 33),
    ("KEY_G", 34),
    ("KEY_H", 35),
    ("KEY_J", 36),
    ("KEY_K", 37),
    ("KEY_L", 38),
    ("KEY_SEMICOLON", 39),
    ("KEY_APOSTROPHE", 40),
    ("KEY_GRAVE", 41),
    ("KEY_LEFTSHIFT", 42),
    ("KEY_BACKSLASH", 43),
    ("KEY_Z", 44),
    ("KEY_X", 45),
    ("KEY_C", 46),
    ("KEY_V", 47),
    ("KEY_B", 48),
    ("KEY_N", 49),
    ("KEY_M", 50),
    ("KEY_COMMA", 51),
    ("KEY_DOT", 52),
    ("KEY_SLASH", 53),
    ("KEY_RIGHTSHIFT", 54),
    ("KEY_KPASTERISK", 55),
    ("KEY_LEFTALT", 56),
    ("KEY_SPACE", 57),
    ("KEY_CAPSLOCK", 58),
    ("KEY_F1", 59),
    ("KEY_F2", 60),
    ("KEY_F3", 61),
    ("KEY_F4", 62),
    ("KEY_F5", 63),
    ("KEY_F6", 64),
    ("KEY_F7", 65),
    ("KEY_F8", 66),
    ("KEY_F9", 67),
    ("KEY_F10", 68),
    ("KEY_NUMLOCK", 69),
    ("KEY_SCROLLLOCK", 70),
    ("KEY_F11", 87),
    ("KEY_F12", 88),
    ("KEY_RIGHTCTRL", 97),
    ("KEY_SYSRQ", 99),
    ("KEY_RIGHTALT", 100),
    ("KEY_HOME", 102),
    ("KEY_UP", 103),
    ("KEY_PAGEUP", 104),
    ("KEY_LEFT", 105),
    ("KEY_RIGHT", 106),
    ("KEY_END", 107),
    ("KEY_DOWN", 108),
    ("KEY_PAGEDOWN", 109),
    ("KEY_INSERT", 110),
    ("KEY_DELETE", 111),
    ("KEY_POWER", 116),
    ("KEY_PAUSE", 119),
    ("KEY_LEFTMETA", 125),
    ("KEY_RIGHTMETA", 126),
];

/// `virKeycodeSet` numbers for `--codeset`.
fn codeset(name: &str) -> Option<u32> {
    let sets = [
        "linux", "xt", "atset1", "atset2", "atset3", "os_x", "xt_kbd", "usb", "win32", "qnum",
    ];
    sets.iter().position(|s| *s == name).map(|p| p as u32)
}

async fn send_key(conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let cs_name = cmd.get("codeset").unwrap_or("linux");
    let cs =
        codeset(cs_name).ok_or_else(|| Failure::msg(format!("unknown codeset: '{cs_name}'")))?;
    let hold = match uint_opt(cmd, "holdtime")? {
        Some(h) => u32::try_from(h).map_err(|_| {
            Failure::msg(format!(
                "Numeric value '{h}' for <holdtime> option is malformed or out of range"
            ))
        })?,
        None => 0,
    };
    let mut codes = Vec::new();
    for k in cmd.argv("keycode") {
        let code = if let Ok(n) = k.parse::<u32>() {
            Some(n)
        } else if let Some(h) = k.strip_prefix("0x") {
            u32::from_str_radix(h, 16).ok()
        } else if cs == 0 {
            LINUX_KEYS.iter().find(|(n, _)| *n == k).map(|(_, c)| *c)
        } else {
            None
        };
        match code {
            Some(c) => codes.push(c),
            None => return Err(Failure::msg(format!("invalid keycode: '{k}'"))),
        }
    }
    conn.domain_send_key(&d, cs, hold, codes, 0).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpulists() {
        assert_eq!(parse_cpulist("0-2", 8).unwrap(), vec![0b111]);
        assert_eq!(parse_cpulist("0-3,^1", 8).unwrap(), vec![0b1101]);
        assert_eq!(parse_cpulist("r", 8).unwrap(), vec![0xff]);
        assert!(parse_cpulist("9", 8).is_err());
        assert!(parse_cpulist("x", 8).is_err());
        let e = |l: &str| parse_cpulist(l, 8).unwrap_err().lines.join("\n");
        assert_eq!(
            e("5-1"),
            "Invalid cpulist '5-1'\ninvalid argument: Failed to parse bitmap '5-1'"
        );
        assert_eq!(e("^0"), "Invalid cpulist '^0'");
        assert_eq!(e("1-99"), "CPU 99 in cpulist '1-99' exceed the maxcpu 8");
    }
}
