//! A network namespace for tests that give rvirtd networking of its own (guest_net,
//! guest_direct): created with `ip netns add`, loopback up, deleted on drop.

use crate::rvirtd::output_of;
use std::process::Command;

/// A network namespace (its name), deleted on drop.
pub struct NetNs(pub String);

impl NetNs {
    /// `PREFIX-PID`, with `lo` up; None where namespaces cannot be created (not root).
    pub fn create(prefix: &str) -> Option<NetNs> {
        let name = format!("{prefix}-{}", std::process::id());
        let ok = Command::new("ip")
            .args(["netns", "add", &name])
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        if !ok {
            return None;
        }
        let ns = NetNs(name);
        assert!(ns.exec(&["ip", "link", "set", "lo", "up"]).0);
        Some(ns)
    }

    /// The command prefix that runs a program inside the namespace.
    pub fn prefix(&self) -> [&str; 4] {
        ["ip", "netns", "exec", &self.0]
    }

    /// Runs a command inside the namespace: (success, stdout + stderr).
    pub fn exec(&self, args: &[&str]) -> (bool, String) {
        output_of(
            Command::new("ip")
                .args(["netns", "exec", &self.0])
                .args(args),
        )
    }
}

impl Drop for NetNs {
    fn drop(&mut self) {
        let _ = Command::new("ip").args(["netns", "del", &self.0]).status();
    }
}

#[test]
fn namespace_has_loopback_and_goes_away() {
    let Some(ns) = NetNs::create("rvirt-nstest") else {
        eprintln!("skipping: cannot create network namespaces");
        return;
    };
    let name = ns.0.clone();
    let (ok, out) = ns.exec(&["ip", "-o", "link", "show", "lo"]);
    assert!(ok && out.contains("UP"), "{out}");
    assert_eq!(ns.prefix(), ["ip", "netns", "exec", name.as_str()]);
    drop(ns);
    let (_, list) = output_of(Command::new("ip").args(["netns", "list"]));
    assert!(!list.contains(&name), "{list}");
}
