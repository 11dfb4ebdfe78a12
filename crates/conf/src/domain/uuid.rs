//! `virUUIDParse` / `virUUIDFormat` and MAC address generation.

/// Parses a UUID as libvirt does: 32 hex digits, dashes allowed between byte pairs,
/// surrounding whitespace ignored.
pub fn parse_uuid(s: &str) -> Option<[u8; 16]> {
    let s = s.trim();
    let mut out = [0u8; 16];
    let mut nibbles = 0usize;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '-' {
            if !nibbles.is_multiple_of(2) {
                return None;
            }
            continue;
        }
        let d = c.to_digit(16)? as u8;
        if nibbles >= 32 {
            return None;
        }
        out[nibbles / 2] |= if nibbles.is_multiple_of(2) { d << 4 } else { d };
        nibbles += 1;
        let _ = chars.peek();
    }
    (nibbles == 32).then_some(out)
}

/// Formats a UUID in the canonical 8-4-4-4-12 lowercase form.
pub fn format_uuid(u: &[u8; 16]) -> String {
    let h: String = u.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// A random (version 4) UUID, as `virUUIDGenerate`.
pub fn generate_uuid() -> [u8; 16] {
    *uuid::Uuid::new_v4().as_bytes()
}

/// A random MAC with libvirt's QEMU/KVM prefix `52:54:00`, as `virDomainNetGenerateMAC`.
pub fn generate_mac() -> String {
    let r = uuid::Uuid::new_v4();
    let b = r.as_bytes();
    format!("52:54:00:{:02x}:{:02x}:{:02x}", b[0], b[1], b[2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_round_trip() {
        let u = parse_uuid("c7a5fdbd-edaf-9455-926a-d65c16db1809").unwrap();
        assert_eq!(format_uuid(&u), "c7a5fdbd-edaf-9455-926a-d65c16db1809");
        assert_eq!(parse_uuid("c7a5fdbdedaf9455926ad65c16db1809"), Some(u));
        assert_eq!(parse_uuid("zz"), None);
        assert!(generate_mac().starts_with("52:54:00:"));
    }
}
