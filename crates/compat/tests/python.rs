//! python3-libvirt against rvirtd.

use crate::virsh_through_rvirtd::data_dir;
use rvirt_testkit::{require_tool, run, TestDaemon};
use std::path::{Path, PathBuf};
use std::time::Duration;

#[test]
fn python3_libvirt_script_through_rvirtd() {
    if !require_tool("/usr/bin/python3", "python3_libvirt_script_through_rvirtd") {
        return;
    }
    let probe = run(
        Path::new("/usr/bin/python3"),
        &["-c", "import libvirt"],
        &[],
        Duration::from_secs(30),
    );
    if probe.status != 0 {
        eprintln!("SKIP python3_libvirt_script_through_rvirtd: python3-libvirt is not installed");
        return;
    }
    let daemon = TestDaemon::start();
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("python/client_script.py");
    let xml = data_dir().join("guest.xml");
    let out = run(
        Path::new("/usr/bin/python3"),
        &[
            &script.display().to_string(),
            &daemon.uri("test:///default"),
            &xml.display().to_string(),
        ],
        &[],
        Duration::from_secs(120),
    );
    println!("{}", out.stdout);
    assert_eq!(
        out.status,
        0,
        "python script failed:\n{}\n{}\nrvirtd log:\n{}",
        out.stdout,
        out.stderr,
        daemon.log()
    );
    assert!(out.stdout.contains("python compat: all checks passed"));
}
