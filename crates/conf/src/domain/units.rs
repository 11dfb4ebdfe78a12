//! Scaled integers (`unit='MiB'`), as libvirt's `virScaleInteger` reads them.

/// Multiplier in bytes for a libvirt unit name; `None` for an unknown unit.
pub fn unit_bytes(unit: &str) -> Option<u64> {
    let u = unit.to_ascii_lowercase();
    Some(match u.as_str() {
        "b" | "byte" | "bytes" => 1,
        "kb" => 1000,
        "k" | "kib" => 1 << 10,
        "mb" => 1_000_000,
        "m" | "mib" => 1 << 20,
        "gb" => 1_000_000_000,
        "g" | "gib" => 1 << 30,
        "tb" => 1_000_000_000_000,
        "t" | "tib" => 1 << 40,
        "pb" => 1_000_000_000_000_000,
        "p" | "pib" => 1 << 50,
        "eb" => 1_000_000_000_000_000_000,
        "e" | "eib" => 1 << 60,
        _ => return None,
    })
}

/// Parses an unsigned integer like `strtoull(…, 0)`: `0x` hex, leading-`0` octal, else decimal.
pub fn parse_c_uint(s: &str) -> Option<u64> {
    let s = s.trim();
    let s = s.strip_prefix('+').unwrap_or(s);
    if let Some(h) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        u64::from_str_radix(h, 16).ok()
    } else if s.len() > 1 && s.starts_with('0') {
        u64::from_str_radix(&s[1..], 8).ok()
    } else {
        s.parse().ok()
    }
}

/// A value with a unit converted to KiB, rounding up (`virDomainParseMemory`).
/// `default_unit` applies when no unit is given.
pub fn to_kib(value: &str, unit: Option<&str>, default_unit: &str) -> Option<u64> {
    let v: u64 = value.trim().parse().ok()?;
    let mult = unit_bytes(unit.unwrap_or(default_unit))?;
    let bytes = v.checked_mul(mult)?;
    Some(bytes.div_ceil(1024))
}

/// A value with a unit converted to bytes.
pub fn to_bytes(value: &str, unit: Option<&str>, default_unit: &str) -> Option<u64> {
    let v: u64 = value.trim().parse().ok()?;
    v.checked_mul(unit_bytes(unit.unwrap_or(default_unit))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales() {
        assert_eq!(to_kib("1", Some("GiB"), "KiB"), Some(1_048_576));
        assert_eq!(to_kib("1000", Some("b"), "KiB"), Some(1));
        assert_eq!(parse_c_uint("0x10"), Some(16));
        assert_eq!(parse_c_uint("010"), Some(8));
        assert_eq!(to_kib("x", None, "KiB"), None);
    }
}
