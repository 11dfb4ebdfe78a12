//! Normalising clock-derived values before comparing two clients' output.

/// Replaces values that depend on the wall clock (CPU time, timestamps) with fixed markers.
pub fn clock_values(text: &str) -> String {
    text.lines()
        .map(|line| {
            if let Some(rest) = line.strip_prefix("CPU time:") {
                let pad = rest.len() - rest.trim_start().len();
                format!("CPU time:{}<cpu-time>", " ".repeat(pad))
            } else if line.trim_start().starts_with("cpu.time=")
                || line.trim_start().starts_with("cpu.user=")
                || line.trim_start().starts_with("cpu.system=")
            {
                let (k, _) = line.split_once('=').unwrap_or((line, ""));
                format!("{k}=<n>")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + if text.ends_with('\n') { "\n" } else { "" }
}

/// Replaces occurrences of `from` (e.g. a temporary socket path) with `to`.
pub fn replace_all(text: &str, from: &str, to: &str) -> String {
    if from.is_empty() {
        text.to_string()
    } else {
        text.replace(from, to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_time_masked() {
        let a = "Id: 1\nCPU time:       1795701287.5s\nState: running\n";
        assert_eq!(
            clock_values(a),
            "Id: 1\nCPU time:       <cpu-time>\nState: running\n"
        );
    }
}

/// Replaces every UUID-shaped token (8-4-4-4-12 hex) with `<uuid>`.
pub fn mask_uuids(text: &str) -> String {
    let b = text.as_bytes();
    let shape = [8usize, 4, 4, 4, 12];
    let total = 36;
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        if i + total <= b.len() && text.is_char_boundary(i) && text.is_char_boundary(i + total) {
            let cand = &b[i..i + total];
            let mut pos = 0;
            let mut ok = true;
            for (k, len) in shape.iter().enumerate() {
                if !cand[pos..pos + len].iter().all(u8::is_ascii_hexdigit) {
                    ok = false;
                    break;
                }
                pos += len;
                if k < 4 {
                    if cand[pos] != b'-' {
                        ok = false;
                        break;
                    }
                    pos += 1;
                }
            }
            if ok {
                out.push_str("<uuid>");
                i += total;
                continue;
            }
        }
        let ch = text[i..].chars().next().unwrap_or('?');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

#[cfg(test)]
mod uuid_tests {
    use super::*;

    #[test]
    fn masks_uuids_only() {
        assert_eq!(
            mask_uuids("UUID: bc2d3040-c390-452f-bffc-c81b44f1c1b5 é\nx 1234"),
            "UUID: <uuid> é\nx 1234"
        );
    }
}
