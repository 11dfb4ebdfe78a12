//! Stock clients (virsh, virt-admin) run against a URI, and the comparison of stock virsh
//! through rvirtd with virsh on libvirt's in-process test driver.

use super::Daemon;
use std::process::Command;

/// The in-process test driver stock virsh is compared with.
pub const ORACLE: &str = "test:///default";

/// What one client run printed: (stdout, stderr, exit code).
pub type Run = (String, String, Option<i32>);

/// Whether `tool --version` can run.
pub fn have(tool: &str) -> bool {
    Command::new(tool).arg("--version").output().is_ok()
}

pub fn have_virsh() -> bool {
    have("virsh")
}

/// `tool -c uri args…`.
pub fn run(tool: &str, uri: &str, args: &[&str]) -> Run {
    let out = Command::new(tool)
        .arg("-c")
        .arg(uri)
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

/// `virsh -c uri args…`.
pub fn virsh(uri: &str, args: &[&str]) -> Run {
    run("virsh", uri, args)
}

/// One command whose output through rvirtd differs from the oracle's.
pub struct Mismatch {
    pub args: Vec<String>,
    pub want: Run,
    pub got: Run,
}

impl Mismatch {
    /// `{args:?}\n{want_label}{want:?}\n{got_label}{got:?}`.
    pub fn describe(&self, want_label: &str, got_label: &str) -> String {
        format!(
            "{:?}\n{want_label}{:?}\n{got_label}{:?}",
            self.args, self.want, self.got
        )
    }
}

/// Runs `virsh prefix… args…` for each of `cmds` against [`ORACLE`] and against `uri`;
/// returns the commands whose (stdout, stderr, exit code) differ.
pub fn compare_virsh(uri: &str, prefix: &[&str], cmds: &[&[&str]]) -> Vec<Mismatch> {
    let mut out = Vec::new();
    for args in cmds {
        let mut a = prefix.to_vec();
        a.extend_from_slice(args);
        let want = virsh(ORACLE, &a);
        let got = virsh(uri, &a);
        if want != got {
            out.push(Mismatch {
                args: args.iter().map(|s| s.to_string()).collect(),
                want,
                got,
            });
        }
    }
    out
}

/// Asserts that every one of `cmds` prints through `uri` exactly what it prints against
/// [`ORACLE`]; each difference is reported with [`Mismatch::describe`].
pub fn assert_virsh_matches(
    uri: &str,
    prefix: &[&str],
    cmds: &[&[&str]],
    want_label: &str,
    got_label: &str,
) {
    let diffs: Vec<String> = compare_virsh(uri, prefix, cmds)
        .iter()
        .map(|m| m.describe(want_label, got_label))
        .collect();
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}

/// A started [`Daemon`] when stock virsh is installed; None (the test skips) otherwise.
pub fn daemon_for_virsh() -> Option<Daemon> {
    if !have_virsh() {
        eprintln!("virsh not installed; skipping");
        return None;
    }
    Some(Daemon::start())
}
