//! Small, panic-free readers for sysfs attributes (as libudev's `sysattr` lookups).

use std::path::{Path, PathBuf};

/// Reads an attribute file, with one trailing newline removed; `None` if unreadable or not UTF-8.
pub fn read_attr(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    let mut s = String::from_utf8(bytes).ok()?;
    if s.ends_with('\n') {
        s.pop();
    }
    Some(s)
}

/// Reads `dir/name`.
pub fn attr(dir: &Path, name: &str) -> Option<String> {
    read_attr(&dir.join(name))
}

/// Reads `dir/name` as the error kind and text when it fails (to tell EINVAL apart).
pub fn attr_result(dir: &Path, name: &str) -> std::io::Result<String> {
    let mut s = std::fs::read_to_string(dir.join(name))?;
    if s.ends_with('\n') {
        s.pop();
    }
    Ok(s)
}

/// Parses an unsigned decimal the way libvirt's `virStrToLong_ui` does: a leading `-`
/// wraps (so `-1` is 4294967295); surrounding whitespace is not allowed.
pub fn parse_ui_wrapping(s: &str) -> Option<u32> {
    let t = s.trim_end_matches('\n');
    if let Some(neg) = t.strip_prefix('-') {
        let v: u64 = neg.parse().ok()?;
        if v > u64::from(u32::MAX) {
            return None;
        }
        return Some((v as u32).wrapping_neg());
    }
    t.parse::<u32>().ok()
}

/// Parses a hex number with or without `0x`.
pub fn parse_hex(s: &str) -> Option<u32> {
    let t = s.trim();
    let t = t
        .strip_prefix("0x")
        .or_else(|| t.strip_prefix("0X"))
        .unwrap_or(t);
    u32::from_str_radix(t, 16).ok()
}

/// The last path component of the symlink `dir/name` (e.g. a `driver` link's driver name).
pub fn link_name(dir: &Path, name: &str) -> Option<String> {
    let target = std::fs::read_link(dir.join(name)).ok()?;
    target.file_name()?.to_str().map(str::to_string)
}

/// The entries of a directory, sorted by name (as `scandir` with `alphasort`); empty if unreadable.
pub fn list_dir(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().to_str().map(str::to_string))
            .collect(),
        Err(_) => Vec::new(),
    };
    out.sort();
    out
}

/// Parses a `KEY=VALUE` uevent file into pairs.
pub fn uevent(dir: &Path) -> Vec<(String, String)> {
    attr(dir, "uevent")
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// One uevent property.
pub fn uevent_get(props: &[(String, String)], key: &str) -> Option<String> {
    props.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
}

/// Resolves `path` (possibly through symlinks) without requiring it to exist past the root.
pub fn canonical(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_negative_like_virstrtolong_ui() {
        assert_eq!(parse_ui_wrapping("-1"), Some(4294967295));
        assert_eq!(parse_ui_wrapping("1000"), Some(1000));
        assert_eq!(parse_ui_wrapping("x"), None);
        assert_eq!(parse_hex("0x1af4"), Some(0x1af4));
        assert_eq!(parse_hex("ffff"), Some(0xffff));
    }
}
