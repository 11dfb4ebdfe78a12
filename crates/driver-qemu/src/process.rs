//! Child-process helpers: kill-on-drop guards, signalling and waiting by PID (pidfd), and
//! `/proc` readers for processes that may not be our children (re-attached guests).

use std::os::fd::OwnedFd;
use std::process::ExitStatus;
use std::time::Duration;
use tokio::io::unix::AsyncFd;

/// A child that is killed and reaped when the guard is dropped (probes).
pub struct ChildGuard {
    child: Option<tokio::process::Child>,
}

impl ChildGuard {
    pub fn new(child: tokio::process::Child) -> Self {
        ChildGuard { child: Some(child) }
    }

    /// Waits up to `timeout` for the child to exit.
    pub async fn wait_timeout(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let child = self.child.as_mut()?;
        tokio::time::timeout(timeout, child.wait()).await.ok()?.ok()
    }

    /// SIGKILL and reap.
    pub async fn kill_and_reap(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.start_kill();
            let _ = c.wait().await;
        }
    }
}

impl Drop for ChildGuard {
    fn drop(&mut self) {
        if let Some(c) = self.child.as_mut() {
            let _ = c.start_kill();
        }
    }
}

/// Makes a short-lived helper child (capability probes) die with its parent, so a daemon
/// killed mid-probe leaves no orphaned QEMU behind. Never used for guests: they must
/// outlive the daemon.
pub fn die_with_parent(cmd: &mut tokio::process::Command) {
    // SAFETY: the closure runs in the forked child before exec and only makes the
    // async-signal-safe prctl(PR_SET_PDEATHSIG) system call; it allocates nothing and
    // touches no locks.
    unsafe {
        cmd.pre_exec(|| {
            rustix::process::set_parent_process_death_signal(Some(rustix::process::Signal::KILL))
                .map_err(std::io::Error::from)
        });
    }
}

/// Sends a signal to a process.
pub fn send_signal(pid: i32, sig: rustix::process::Signal) -> bool {
    match rustix::process::Pid::from_raw(pid) {
        Some(p) => rustix::process::kill_process(p, sig).is_ok(),
        None => false,
    }
}

/// Whether a process with this PID exists and is not a zombie.
pub fn pid_alive(pid: i32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(s) => !matches!(proc_state(&s), Some('Z') | Some('X')),
        Err(_) => false,
    }
}

fn proc_state(stat: &str) -> Option<char> {
    let after = &stat[stat.rfind(')')? + 1..];
    after.split_whitespace().next()?.chars().next()
}

/// The process's command line (NUL-separated arguments).
pub fn proc_cmdline(pid: i32) -> Vec<String> {
    std::fs::read(format!("/proc/{pid}/cmdline"))
        .map(|b| {
            b.split(|c| *c == 0)
                .filter(|s| !s.is_empty())
                .map(|s| String::from_utf8_lossy(s).into_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// User + system CPU time of a process in nanoseconds (`/proc/PID/stat` fields 14 and 15).
pub fn proc_cpu_time_ns(pid: i32) -> u64 {
    let Ok(s) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return 0;
    };
    let Some(close) = s.rfind(')') else { return 0 };
    let f: Vec<&str> = s[close + 1..].split_whitespace().collect();
    // after ")" field index 0 is state (field 3); utime is field 14 → index 11
    let ticks: u64 = f.get(11).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0)
        + f.get(12).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    let hz = rustix::param::clock_ticks_per_second().max(1);
    ticks * (1_000_000_000 / hz)
}

/// (user, system) CPU time of a process in nanoseconds.
pub fn proc_cpu_split_ns(pid: i32) -> (u64, u64) {
    let Ok(s) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return (0, 0);
    };
    let Some(close) = s.rfind(')') else {
        return (0, 0);
    };
    let f: Vec<&str> = s[close + 1..].split_whitespace().collect();
    let hz = rustix::param::clock_ticks_per_second().max(1);
    let ns =
        |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0) * (1_000_000_000 / hz);
    (ns(11), ns(12))
}

/// A pidfd that becomes readable when the process exits (works for non-children too).
pub struct ExitWatch {
    fd: AsyncFd<OwnedFd>,
}

impl ExitWatch {
    pub fn open(pid: i32) -> std::io::Result<ExitWatch> {
        let p = rustix::process::Pid::from_raw(pid)
            .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::InvalidInput))?;
        let fd = rustix::process::pidfd_open(p, rustix::process::PidfdFlags::empty())?;
        // We own the fd (OwnedFd) for the AsyncFd's whole life: the I/O-safety concern
        // behind the deprecation does not apply.
        #[allow(deprecated)]
        let fd = AsyncFd::new(fd)?;
        Ok(ExitWatch { fd })
    }

    /// Resolves when the process has exited.
    pub async fn exited(&self) {
        let _ = self.fd.readable().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stat_parsing() {
        assert_eq!(proc_state("12 (qemu (x)) S 1 2"), Some('S'));
        assert!(pid_alive(std::process::id() as i32));
        assert!(!proc_cmdline(std::process::id() as i32).is_empty());
    }
}
