//! Output helpers: virsh's tables (`vshTable`), human-readable capacities and scaled integers.

/// A table printed the way virsh's `vshTable` prints it: a header, a dash line, rows;
/// columns left-aligned and separated by three spaces, the last column not padded.
#[derive(Debug, Clone, Default)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with the given column headers.
    pub fn new(header: &[&str]) -> Self {
        Table {
            header: header.iter().map(|s| s.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// Appends one row.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Renders the table; `quiet` (virsh `-q`) drops the header and dash line.
    pub fn render(&self, quiet: bool) -> String {
        let ncols = self.header.len();
        let mut widths = vec![0usize; ncols];
        let mut all: Vec<&Vec<String>> = Vec::new();
        if !quiet {
            all.push(&self.header);
        }
        all.extend(self.rows.iter());
        for r in &all {
            for (i, c) in r.iter().enumerate().take(ncols) {
                widths[i] = widths[i].max(c.chars().count());
            }
        }
        let mut out = String::new();
        let line = |r: &Vec<String>, out: &mut String| {
            out.push(' ');
            for (i, c) in r.iter().enumerate().take(ncols) {
                out.push_str(c);
                if i + 1 < ncols {
                    let pad = widths[i] - c.chars().count();
                    out.push_str(&" ".repeat(pad + 3));
                }
            }
            out.push('\n');
        };
        if !quiet {
            line(&self.header, &mut out);
            let n: usize = widths.iter().sum::<usize>() + 3 * ncols;
            out.push_str(&"-".repeat(n));
            out.push('\n');
        }
        for r in &self.rows {
            line(r, &mut out);
        }
        out
    }
}

/// `vshPrettyCapacity`: a byte count as a value and binary unit (B, KiB, … EiB).
pub fn pretty_capacity(val: u64) -> (f64, &'static str) {
    const UNITS: [&str; 7] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    let mut idx = 0usize;
    let mut limit: u64 = 1024;
    while idx < 6 && val >= limit {
        idx += 1;
        limit = limit.saturating_mul(1024);
        if limit == u64::MAX {
            break;
        }
    }
    let div = 1024f64.powi(idx as i32);
    (val as f64 / div, UNITS[idx])
}

/// Formats a capacity as virsh's `%.2lf %s`.
pub fn fmt_capacity(val: u64) -> String {
    let (v, u) = pretty_capacity(val);
    format!("{v:.2} {u}")
}

/// `virScaleInteger`: applies a unit suffix to a number; `scale` is the default unit.
pub fn scale_integer(value: u64, suffix: &str, scale: u64) -> Result<u64, String> {
    let mul: u64 = if suffix.is_empty() {
        scale
    } else {
        let mut chars = suffix.chars();
        let first = chars.next().unwrap_or('b');
        let rest: String = chars.collect();
        let base: u64 = match rest.as_str() {
            "" | "iB" | "ib" => 1024,
            "B" | "b" => 1000,
            _ => return Err(format!("unknown suffix '{suffix}'")),
        };
        let pow = match first.to_ascii_lowercase() {
            'b' if rest.is_empty() => 0,
            'k' => 1,
            'm' => 2,
            'g' => 3,
            't' => 4,
            'p' => 5,
            'e' => 6,
            _ => return Err(format!("unknown suffix '{suffix}'")),
        };
        if suffix == "bytes" {
            1
        } else {
            base.pow(pow)
        }
    };
    value
        .checked_mul(mul)
        .ok_or_else(|| "value too large".to_string())
}

/// Splits "1024KiB" into its number and suffix (`virStrToLong_ullp` then the rest).
pub fn split_scaled(s: &str) -> Option<(u64, &str)> {
    let t = s.trim_start();
    let end = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    if end == 0 {
        return None;
    }
    let n = t[..end].parse::<u64>().ok()?;
    Some((n, &t[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_matches_virsh_layout() {
        let mut t = Table::new(&["Id", "Name", "State"]);
        t.row(vec!["1".into(), "test".into(), "running".into()]);
        assert_eq!(
            t.render(false),
            " Id   Name   State\n----------------------\n 1    test   running\n"
        );
        assert_eq!(t.render(true), " 1   test   running\n");
    }

    #[test]
    fn capacities() {
        assert_eq!(fmt_capacity(0), "0.00 B");
        assert_eq!(fmt_capacity(107374182400), "100.00 GiB");
        assert_eq!(fmt_capacity(1536), "1.50 KiB");
    }

    #[test]
    fn scaling() {
        assert_eq!(scale_integer(1, "M", 1024), Ok(1048576));
        assert_eq!(scale_integer(2, "", 1024), Ok(2048));
        assert_eq!(scale_integer(1, "KB", 1), Ok(1000));
        assert!(scale_integer(1, "x", 1).is_err());
        assert_eq!(split_scaled("10G"), Some((10, "G")));
    }
}

/// The JSON key for a table column: the header lower-cased, runs of other characters as `_`
/// ("MAC Address" → `mac_address`).
pub fn json_key(header: &str) -> String {
    let mut k = String::new();
    for c in header.chars() {
        if c.is_ascii_alphanumeric() {
            k.push(c.to_ascii_lowercase());
        } else if !k.ends_with('_') {
            k.push('_');
        }
    }
    k.trim_matches('_').to_string()
}

impl Table {
    /// `--json` form of the table: an array with one object per row, keyed by [`json_key`]
    /// of each column header; every value is the cell's text.
    pub fn to_json(&self) -> serde_json::Value {
        let keys: Vec<String> = self.header.iter().map(|h| json_key(h)).collect();
        let rows = self
            .rows
            .iter()
            .map(|r| {
                let mut m = serde_json::Map::new();
                for (k, v) in keys.iter().zip(r) {
                    m.insert(k.clone(), serde_json::Value::String(v.clone()));
                }
                serde_json::Value::Object(m)
            })
            .collect();
        serde_json::Value::Array(rows)
    }
}

/// Prints a table, or its JSON form under `--json`.
pub fn emit(ctl: &mut crate::vsh::Ctl, t: &Table) {
    let s = if ctl.json {
        format!("{}\n", t.to_json())
    } else {
        t.render(ctl.quiet)
    };
    ctl.print(&s);
}

#[cfg(test)]
mod json_tests {
    use super::*;

    #[test]
    fn keys_and_rows() {
        assert_eq!(json_key("MAC Address"), "mac_address");
        assert_eq!(json_key(" Client ID or DUID"), "client_id_or_duid");
        let mut t = Table::new(&["Name", "State"]);
        t.row(vec!["default".into(), "active".into()]);
        assert_eq!(
            t.to_json().to_string(),
            r#"[{"name":"default","state":"active"}]"#
        );
    }
}

/// The `Label:  value` lines of an info command (`net-info`, `pool-info`, `vol-info`):
/// printed as virsh prints them (`{label:<15} {value}`) as they come, so an error part-way
/// leaves the lines before it as virsh does, or gathered into one JSON object under
/// `--json` (keys are the labels without the colon) and printed by [`InfoLines::finish`].
pub struct InfoLines<'a> {
    ctl: &'a mut crate::vsh::Ctl,
    json: Option<serde_json::Map<String, serde_json::Value>>,
}

impl<'a> InfoLines<'a> {
    /// Starts an info listing on `ctl`.
    pub fn new(ctl: &'a mut crate::vsh::Ctl) -> Self {
        let json = ctl.json.then(serde_json::Map::new);
        InfoLines { ctl, json }
    }

    /// One line: `label` with its colon, as virsh prints it.
    pub fn line(&mut self, label: &str, value: impl std::fmt::Display) {
        match &mut self.json {
            Some(m) => {
                m.insert(
                    label.trim_end_matches(':').to_string(),
                    serde_json::Value::String(value.to_string()),
                );
            }
            None => self.ctl.print(&format!("{label:<15} {value}\n")),
        }
    }

    /// Prints the JSON object (nothing more in text mode).
    pub fn finish(self) {
        if let Some(m) = self.json {
            self.ctl
                .print(&format!("{}\n", serde_json::Value::Object(m)));
        }
    }
}
