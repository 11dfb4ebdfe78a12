//! Stock virsh through rvirtd prints exactly what virsh prints with libvirt's in-process
//! test driver.

use crate::virsh_cases::CASES;
use rvirt_testkit::normalize::{clock_values, mask_uuids, replace_all};
use rvirt_testkit::{require_tool, run, Output, TestDaemon};
use std::path::{Path, PathBuf};
use std::time::Duration;

const VIRSH: &str = "/usr/bin/virsh";

pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// Runs one case with a client binary and URI; `@D@`/`@T@` expanded; output normalised.
pub fn run_case(
    client: &Path,
    uri: &str,
    case: &str,
    scratch: &Path,
    socket: Option<&Path>,
) -> Output {
    let (mask_uuid, case) = match case.strip_prefix("[mask-uuid] ") {
        Some(rest) => (true, rest),
        None => (false, case),
    };
    let cmd = case
        .replace("@D@", &data_dir().display().to_string())
        .replace("@T@", &scratch.display().to_string());
    let out = run(
        client,
        &["-q", "-c", uri, &cmd],
        &[("LC_ALL", "C")],
        Duration::from_secs(60),
    );
    let fix = |s: &str| {
        let s = clock_values(s);
        let s = match socket {
            Some(p) => replace_all(&s, &format!("?socket={}", p.display()), ""),
            None => s,
        };
        let s = replace_all(&s, &scratch.display().to_string(), "@T@");
        if mask_uuid {
            mask_uuids(&s)
        } else {
            s
        }
    };
    Output {
        stdout: fix(&out.stdout),
        stderr: fix(&out.stderr),
        status: out.status,
    }
}

/// Compares `client` through rvirtd against stock virsh in-process for every case;
/// returns (passed, failures).
pub fn compare_all(client: &Path, label: &str) -> (usize, Vec<String>) {
    let mut daemon = TestDaemon::start();
    let uri = daemon.uri("test:///default");
    let mut failures = Vec::new();
    let mut passed = 0;
    for case in CASES {
        let s1 = tempfile::tempdir().ok();
        let s2 = tempfile::tempdir().ok();
        let (Some(s1), Some(s2)) = (s1, s2) else {
            panic!("tempdir")
        };
        let expected = run_case(Path::new(VIRSH), "test:///default", case, s1.path(), None);
        let got = run_case(client, &uri, case, s2.path(), Some(&daemon.socket()));
        if expected == got {
            passed += 1;
        } else {
            failures.push(format!(
                "--- {label}: `{case}`\n expected (status {}):\n{}{}\n got (status {}):\n{}{}",
                expected.status,
                expected.stdout,
                expected.stderr,
                got.status,
                got.stdout,
                got.stderr
            ));
        }
        assert!(
            daemon.alive(),
            "rvirtd died during `{case}`; log:\n{}",
            daemon.log()
        );
    }
    (passed, failures)
}

#[test]
fn stock_virsh_through_rvirtd_matches_in_process_virsh() {
    if !require_tool(VIRSH, "stock_virsh_through_rvirtd_matches_in_process_virsh") {
        return;
    }
    let (passed, failures) = compare_all(Path::new(VIRSH), "virsh via rvirtd");
    println!("virsh compat: {passed}/{} cases identical", CASES.len());
    for f in &failures {
        println!("{f}");
    }
    assert!(
        failures.is_empty(),
        "{} of {} virsh cases differ (see above)",
        failures.len(),
        CASES.len()
    );
}
