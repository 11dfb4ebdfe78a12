//! Host facts for the `<host>` element of the capabilities document.

/// What `<host>` reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostInfo {
    pub uuid: Option<String>,
    pub arch: String,
    pub cpus: u32,
    pub memory_kib: u64,
}

impl HostInfo {
    /// Reads the host's architecture, CPU count, memory and machine UUID.
    pub fn probe() -> HostInfo {
        let cpus = std::thread::available_parallelism()
            .map(|n| n.get() as u32)
            .unwrap_or(1);
        let memory_kib = std::fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|t| {
                t.lines()
                    .find(|l| l.starts_with("MemTotal:"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|v| v.parse().ok())
            })
            .unwrap_or(0);
        let uuid = std::fs::read_to_string("/etc/machine-id")
            .ok()
            .map(|s| s.trim().to_string())
            .filter(|s| s.len() == 32)
            .map(|s| {
                format!(
                    "{}-{}-{}-{}-{}",
                    &s[0..8],
                    &s[8..12],
                    &s[12..16],
                    &s[16..20],
                    &s[20..32]
                )
            });
        HostInfo {
            uuid,
            arch: std::env::consts::ARCH.to_string(),
            cpus,
            memory_kib,
        }
    }
}
