//! Scalar values shared by libvirt's XML documents: UUIDs, MAC addresses, scaled sizes, yes/no.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

/// Parses a UUID the way `virUUIDParse` does: 32 hex digits, dashes allowed between bytes,
/// surrounding blanks ignored.
pub fn parse_uuid(text: &str) -> Option<[u8; 16]> {
    let s = text.trim_matches(|c: char| c == ' ' || c == '\t' || c == '\n' || c == '\r');
    let mut out = [0u8; 16];
    let mut digits = s.chars().filter(|c| *c != '-');
    if s.starts_with('-') || s.ends_with('-') || s.contains("--") {
        return None;
    }
    for byte in out.iter_mut() {
        let hi = digits.next()?.to_digit(16)?;
        let lo = digits.next()?.to_digit(16)?;
        *byte = (hi * 16 + lo) as u8;
    }
    if digits.next().is_some() {
        return None;
    }
    Some(out)
}

/// Formats a UUID as libvirt does (`virUUIDFormat`): lowercase 8-4-4-4-12.
pub fn format_uuid(uuid: &[u8; 16]) -> String {
    let mut s = String::with_capacity(36);
    for (i, b) in uuid.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            s.push('-');
        }
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// A fresh random UUID (`virUUIDGenerate`).
pub fn random_uuid() -> [u8; 16] {
    *uuid::Uuid::new_v4().as_bytes()
}

/// Parses a MAC address `xx:xx:xx:xx:xx:xx` (`virMacAddrParse`; one or two hex digits per byte).
pub fn parse_mac(text: &str) -> Option<[u8; 6]> {
    let parts: Vec<&str> = text.split(':').collect();
    if parts.len() != 6 {
        return None;
    }
    let mut out = [0u8; 6];
    for (o, p) in out.iter_mut().zip(parts) {
        if p.is_empty() || p.len() > 2 {
            return None;
        }
        *o = u8::from_str_radix(p, 16).ok()?;
    }
    Some(out)
}

/// Formats a MAC address in lowercase (`virMacAddrFormat`).
pub fn format_mac(mac: &[u8; 6]) -> String {
    mac.iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// Parses `yes`/`no` (`virTristateBoolTypeFromString`).
pub fn parse_yes_no(text: &str) -> Option<bool> {
    match text {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

/// `yes` or `no`.
pub fn yes_no(v: bool) -> &'static str {
    if v {
        "yes"
    } else {
        "no"
    }
}

/// `on` or `off`.
pub fn on_off(v: bool) -> &'static str {
    if v {
        "on"
    } else {
        "off"
    }
}

/// Parses an unsigned integer like `strtoul(…, 0)`: `0x` hex, leading-zero octal, else decimal.
pub fn parse_uint_auto(text: &str) -> Option<u64> {
    let t = text.trim_start();
    if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        u64::from_str_radix(h, 16).ok()
    } else if t.len() > 1 && t.starts_with('0') {
        u64::from_str_radix(&t[1..], 8).ok()
    } else {
        t.parse().ok()
    }
}

/// Multiplier for a size unit as `virScaleInteger` understands it, or `None` if unknown.
pub fn unit_scale(unit: &str, default_scale: u64) -> Option<u64> {
    if unit.is_empty() {
        return Some(default_scale);
    }
    let lower = unit.to_ascii_lowercase();
    let (first, rest) = lower.split_at(1);
    let base: u64 = match rest {
        "" | "ib" => 1024,
        "b" => 1000,
        _ => {
            return if lower == "bytes" { Some(1) } else { None };
        }
    };
    let pow = match first {
        "b" => return if rest.is_empty() { Some(1) } else { None },
        "k" => 1,
        "m" => 2,
        "g" => 3,
        "t" => 4,
        "p" => 5,
        "e" => 6,
        _ => return None,
    };
    base.checked_pow(pow)
}

/// Parses `<elem unit='…'>value</elem>` into a byte count (`virScaleInteger`), with
/// libvirt's errors for a bad number ("malformed WHAT element" in `domain`), an unknown
/// suffix and an overflow (both from libvirt's util code, error domain none).
pub fn scaled_size(
    value: &str,
    unit: Option<&str>,
    default_scale: u64,
    domain: ErrorDomain,
    what: &str,
) -> VirResult<u64> {
    let n: u64 = value.trim().parse().map_err(|_| {
        VirError::new(
            ErrorCode::XmlError,
            domain,
            format!("malformed {what} element"),
        )
    })?;
    let unit = unit.unwrap_or("");
    let scale = unit_scale(unit, default_scale).ok_or_else(|| {
        VirError::new(
            ErrorCode::InvalidArg,
            ErrorDomain::None,
            format!("unknown suffix '{unit}'"),
        )
    })?;
    n.checked_mul(scale).ok_or_else(|| {
        VirError::raw(
            ErrorCode::Overflow,
            ErrorDomain::None,
            format!(
                "numerical overflow: value too large: {}{unit}",
                value.trim()
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_round_trip() {
        let u = parse_uuid("81ff0d90-c91e-6742-64da-4a736edb9a9b");
        assert_eq!(
            u.map(|u| format_uuid(&u)).as_deref(),
            Some("81ff0d90-c91e-6742-64da-4a736edb9a9b")
        );
        assert_eq!(
            parse_uuid("81ff0d90c91e674264da4a736edb9a9b").map(|u| u[0]),
            Some(0x81)
        );
        assert!(parse_uuid("zz").is_none());
    }

    #[test]
    fn units() {
        assert_eq!(unit_scale("G", 1), Some(1 << 30));
        assert_eq!(unit_scale("GB", 1), Some(1_000_000_000));
        assert_eq!(unit_scale("bytes", 1), Some(1));
        assert_eq!(unit_scale("KiB", 1), Some(1024));
        assert_eq!(unit_scale("q", 1), None);
    }

    #[test]
    fn mac() {
        assert_eq!(
            parse_mac("52:54:00:E6:A2:C9")
                .map(|m| format_mac(&m))
                .as_deref(),
            Some("52:54:00:e6:a2:c9")
        );
        assert!(parse_mac("zz").is_none());
    }
}
