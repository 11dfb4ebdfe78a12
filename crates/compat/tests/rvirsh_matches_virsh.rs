//! rvirsh through rvirtd prints exactly what stock virsh prints in-process.

use crate::virsh_cases::CASES;
use crate::virsh_through_rvirtd::compare_all;
use rvirt_testkit::{bin_path, require_tool};

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
