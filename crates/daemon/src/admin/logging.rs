//! Run-time logging settings (`virt-admin daemon-log-filters/outputs`): libvirt's
//! `level:match` filter and `level:dest` output syntax, kept as set.

use std::sync::Mutex;

/// The daemon's current log filters and outputs.
#[derive(Debug)]
pub struct LogSettings {
    filters: Mutex<String>,
    outputs: Mutex<String>,
}

fn get(m: &Mutex<String>) -> String {
    match m.lock() {
        Ok(s) => s.clone(),
        Err(p) => p.into_inner().clone(),
    }
}

fn set(m: &Mutex<String>, v: String) {
    match m.lock() {
        Ok(mut s) => *s = v,
        Err(p) => *p.into_inner() = v,
    }
}

/// Checks libvirt's `LEVEL:NAME …` syntax (levels 1–4, optional `+` prefix on the name).
fn validate(text: &str, what: &str) -> Result<(), String> {
    for item in text.split_whitespace() {
        let (level, rest) = item
            .split_once(':')
            .ok_or_else(|| format!("Failed to parse {what} '{item}'"))?;
        match level.parse::<u8>() {
            Ok(1..=4) if !rest.is_empty() => {}
            _ => return Err(format!("Failed to parse {what} '{item}'")),
        }
    }
    Ok(())
}

impl LogSettings {
    /// Starts from libvirtd.conf's `log_filters` / `log_outputs` (default output `3:stderr`).
    pub fn new(filters: Option<&str>, outputs: Option<&str>, level: i64) -> Self {
        let outputs = outputs.map(str::to_string).unwrap_or_else(|| {
            // the level the subscriber really uses (`-v` / RVIRTD_LOG may override)
            let l = super::log_runtime::default_level()
                .unwrap_or_else(|| u8::try_from(level.clamp(1, 4)).unwrap_or(3));
            format!("{l}:stderr")
        });
        LogSettings {
            filters: Mutex::new(filters.unwrap_or("").trim().to_string()),
            outputs: Mutex::new(outputs.trim().to_string()),
        }
    }

    /// (filters, count).
    pub fn filters(&self) -> (String, u32) {
        let f = get(&self.filters);
        let n = u32::try_from(f.split_whitespace().count()).unwrap_or(0);
        (f, n)
    }

    /// (outputs, count).
    pub fn outputs(&self) -> (String, u32) {
        let o = get(&self.outputs);
        let n = u32::try_from(o.split_whitespace().count()).unwrap_or(0);
        (o, n)
    }

    /// `virAdmConnectSetLoggingFilters`; `None` or empty clears them.
    pub fn set_filters(&self, v: Option<&str>) -> Result<(), String> {
        let v = v.unwrap_or("").trim();
        validate(v, "filter")?;
        super::log_runtime::set_filters(v)?;
        set(&self.filters, v.to_string());
        tracing::info!(filters = v, "log filters changed");
        Ok(())
    }

    /// `virAdmConnectSetLoggingOutputs`; `None` or empty restores the default.
    pub fn set_outputs(&self, v: Option<&str>) -> Result<(), String> {
        let v = v.unwrap_or("").trim();
        let v = if v.is_empty() { "3:stderr" } else { v };
        validate(v, "output")?;
        super::log_runtime::validate_outputs(v)?;
        super::log_runtime::set_outputs(v)?;
        set(&self.outputs, v.to_string());
        tracing::info!(outputs = v, "log outputs changed");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_round_trip_and_validate() {
        let l = LogSettings::new(None, None, 3);
        assert_eq!(l.filters(), (String::new(), 0));
        assert_eq!(l.outputs(), ("3:stderr".to_string(), 1));
        l.set_filters(Some("1:qemu 3:remote")).unwrap();
        assert_eq!(l.filters(), ("1:qemu 3:remote".to_string(), 2));
        assert!(l.set_filters(Some("9:qemu")).is_err());
        assert!(l.set_filters(Some("qemu")).is_err());
        assert_eq!(l.filters().1, 2);
        l.set_filters(None).unwrap();
        assert_eq!(l.filters().1, 0);
    }
}
