//! rvirsh through rvirtd prints exactly what stock virsh prints in-process.

use crate::virsh_cases::CASES;
use crate::virsh_through_rvirtd::{compare_all, run_case};
use rvirt_testkit::{bin_path, require_tool};
use std::path::Path;

#[test]
fn rvirsh_through_rvirtd_matches_in_process_virsh() {
    if !require_tool(
        "/usr/bin/virsh",
        "rvirsh_through_rvirtd_matches_in_process_virsh",
    ) {
        return;
    }
    let (passed, failures) = compare_all(&bin_path("rvirsh"), "rvirsh via rvirtd");
    println!("rvirsh compat: {passed}/{} cases identical", CASES.len());
    for f in &failures {
        println!("{f}");
    }
    assert!(
        failures.is_empty(),
        "{} of {} rvirsh cases differ (see above)",
        failures.len(),
        CASES.len()
    );
}

/// Read-only connections to the in-process test driver: rvirt's client library refuses
/// writes itself, as libvirt's does, with the same messages.
#[test]
fn in_process_read_only_rvirsh_matches_virsh() {
    if !require_tool(
        "/usr/bin/virsh",
        "in_process_read_only_rvirsh_matches_virsh",
    ) {
        return;
    }
    let rvirsh = bin_path("rvirsh");
    let mut failures = Vec::new();
    for case in crate::virsh_cases::READ_ONLY_CASES {
        let (Ok(s1), Ok(s2)) = (tempfile::tempdir(), tempfile::tempdir()) else {
            panic!("tempdir")
        };
        let uri = "test:///default";
        let expected = run_case(Path::new("/usr/bin/virsh"), uri, case, s1.path(), None);
        let got = run_case(&rvirsh, uri, case, s2.path(), None);
        assert!(
            expected.stderr.contains("read only access prevents"),
            "{}",
            expected.stderr
        );
        if expected != got {
            failures.push(format!("`{case}`:\n{expected:?}\n{got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
