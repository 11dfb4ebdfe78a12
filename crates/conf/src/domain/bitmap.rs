//! libvirt bitmaps (`virBitmapParse`/`virBitmapFormat`): `0-3,^2,8` cpu and node sets.

use std::collections::BTreeSet;

/// Largest bit index accepted (libvirt's cpumask length is 8192; nodesets are smaller).
const MAX_BIT: u32 = 65535;

/// `virBitmapParse`: `None` on syntax errors or out-of-range bits.
pub fn parse_bitmap(s: &str) -> Option<BTreeSet<u32>> {
    let mut set = BTreeSet::new();
    let mut neg = BTreeSet::new();
    for part in s.split(',') {
        let part = part.trim();
        if part.is_empty() {
            return None;
        }
        if let Some(n) = part.strip_prefix('^') {
            neg.insert(parse_bit(n)?);
            continue;
        }
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (parse_bit(a)?, parse_bit(b)?);
                if b < a {
                    return None;
                }
                set.extend(a..=b);
            }
            None => {
                set.insert(parse_bit(part)?);
            }
        }
    }
    for n in neg {
        set.remove(&n);
    }
    Some(set)
}

fn parse_bit(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|n| *n <= MAX_BIT)
}

/// `virBitmapFormat`: ranges joined by commas (`0-2,5`).
pub fn format_bitmap(set: &BTreeSet<u32>) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut it = set.iter().copied().peekable();
    while let Some(start) = it.next() {
        let mut end = start;
        while it.peek() == Some(&(end + 1)) {
            end += 1;
            it.next();
        }
        out.push(if start == end {
            start.to_string()
        } else {
            format!("{start}-{end}")
        });
    }
    out.join(",")
}

/// Re-formats a bitmap string canonically; unparsable input is returned unchanged.
pub fn canonical_bitmap(s: &str) -> String {
    match parse_bitmap(s) {
        Some(set) if !set.is_empty() => format_bitmap(&set),
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_format() {
        let s = parse_bitmap("1-2,5-7,^6").unwrap();
        assert_eq!(format_bitmap(&s), "1-2,5,7");
        assert!(parse_bitmap("0,^0").unwrap().is_empty());
        assert!(parse_bitmap("a").is_none());
        assert!(parse_bitmap("3-1").is_none());
        assert_eq!(canonical_bitmap("0-1,2"), "0-2");
    }
}
