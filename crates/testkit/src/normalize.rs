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
