//! Helpers shared by command modules: option flag sets, XML reading, state names.

use crate::parser::Cmd;
use crate::vsh::Failure;

/// `VIR_DOMAIN_AFFECT_LIVE` / `_CONFIG`.
pub const AFFECT_LIVE: u32 = 1;
pub const AFFECT_CONFIG: u32 = 2;

/// Rejects two options given together ("Options --a and --b are mutually exclusive").
pub fn exclusive(cmd: &Cmd, a: &str, b: &str) -> Result<(), Failure> {
    if cmd.has(a) && cmd.has(b) {
        return Err(Failure::msg(format!(
            "Options --{a} and --{b} are mutually exclusive"
        )));
    }
    Ok(())
}

/// `--current/--live/--config` to `VIR_DOMAIN_AFFECT_*` flags.
pub fn affect_flags(cmd: &Cmd) -> Result<u32, Failure> {
    exclusive(cmd, "current", "live")?;
    exclusive(cmd, "current", "config")?;
    let mut f = 0;
    if cmd.has("live") {
        f |= AFFECT_LIVE;
    }
    if cmd.has("config") {
        f |= AFFECT_CONFIG;
    }
    Ok(f)
}

/// Reads an XML file named by option `opt` (`virFileReadAll`).
pub fn read_file(cmd: &Cmd, opt: &str) -> Result<(String, String), Failure> {
    let (path, b) = read_file_bytes(cmd, opt)?;
    Ok((path, String::from_utf8_lossy(&b).into_owned()))
}

/// Reads the file named by option `opt` as bytes (`virFileReadAll`).
pub fn read_file_bytes(cmd: &Cmd, opt: &str) -> Result<(String, Vec<u8>), Failure> {
    let path = cmd.req(opt).map_err(Failure::msg)?.ok_or_else(|| {
        Failure::msg(format!(
            "command '{}' requires <{opt}> option",
            cmd.def.name
        ))
    })?;
    match std::fs::read(path) {
        Ok(b) => Ok((path.to_string(), b)),
        Err(e) => Err(Failure::msg(format!(
            "Failed to open file '{path}': {}",
            strerror(&e)
        ))),
    }
}

/// The C library's wording for an I/O error (without Rust's " (os error N)").
pub fn strerror(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// `virshDomainStateToString`.
pub fn domain_state_str(state: i32) -> &'static str {
    match state {
        1 => "running",
        2 => "idle",
        3 => "paused",
        4 => "in shutdown",
        5 => "shut off",
        6 => "crashed",
        7 => "pmsuspended",
        _ => "no state",
    }
}

/// `virshDomainStateReasonToString`.
pub fn domain_reason_str(state: i32, reason: i32) -> &'static str {
    let r = reason as usize;
    let table: &[&str] = match state {
        1 => &[
            "unknown",
            "booted",
            "migrated",
            "restored",
            "from snapshot",
            "unpaused",
            "migration canceled",
            "save canceled",
            "event wakeup",
            "crashed",
            "post-copy",
            "post-copy failed",
        ],
        3 => &[
            "unknown",
            "user",
            "migrating",
            "saving",
            "dumping",
            "I/O error",
            "watchdog",
            "from snapshot",
            "shutting down",
            "creating snapshot",
            "crashed",
            "starting up",
            "post-copy",
            "post-copy failed",
            "api error",
        ],
        4 => &["unknown", "user"],
        5 => &[
            "unknown",
            "shutdown",
            "destroyed",
            "crashed",
            "migrated",
            "saved",
            "failed",
            "from snapshot",
            "daemon",
        ],
        6 => &["unknown", "panicked"],
        _ => &["unknown"],
    };
    table.get(r).copied().unwrap_or("unknown")
}

/// Extracts attribute/text values from an XML document with roxmltree.
pub fn xml_doc(xml: &str) -> Option<roxmltree::Document<'_>> {
    roxmltree::Document::parse(xml).ok()
}

/// Parses a scaled size option (`vshCommandOptScaledInt`); `scale` is the default unit.
pub fn scaled(cmd: &Cmd, opt: &str, scale: u64) -> Result<Option<u64>, Failure> {
    let Some(v) = cmd.get(opt) else {
        return Ok(None);
    };
    let bad =
        || format!("Scaled numeric value '{v}' for <{opt}> option is malformed or out of range");
    let (n, suffix) = crate::output::split_scaled(v).ok_or_else(|| Failure::msg(bad()))?;
    match crate::output::scale_integer(n, suffix, scale) {
        Ok(x) => Ok(Some(x)),
        Err(e) if e.starts_with("unknown suffix") => Err(Failure {
            lines: vec![bad(), format!("invalid argument: {e}")],
        }),
        Err(_) => Err(Failure {
            lines: vec![
                bad(),
                format!("numerical overflow: value too large: {n}{suffix}"),
            ],
        }),
    }
}

/// A scaled option whose failure virsh words itself (`line`), keeping libvirt's own
/// error (an unknown suffix, an overflow) as the second line.
pub fn scaled_as(cmd: &Cmd, opt: &str, scale: u64, line: &str) -> Result<Option<u64>, Failure> {
    scaled(cmd, opt, scale).map_err(|mut f| {
        if f.lines.is_empty() {
            f.lines.push(line.to_string());
        } else {
            f.lines[0] = line.to_string();
        }
        f
    })
}

/// Refuses an empty value for any of `names`, in the order virsh reads them
/// (`vshCommandOptStringReq`).
pub fn req_all(cmd: &Cmd, names: &[&str]) -> Result<(), Failure> {
    for n in names {
        cmd.req(n).map_err(Failure::msg)?;
    }
    Ok(())
}

/// An unsigned numeric option, with virsh's error text.
pub fn uint_opt(cmd: &Cmd, opt: &str) -> Result<Option<u64>, Failure> {
    cmd.uint(opt).map_err(Failure::msg)
}

/// A signed numeric option, with virsh's error text.
pub fn int_opt(cmd: &Cmd, opt: &str) -> Result<Option<i64>, Failure> {
    cmd.int(opt).map_err(Failure::msg)
}
