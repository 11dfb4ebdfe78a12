//! Checkpoints through stock virsh against `rvirtd --root`: checkpoint-create-as,
//! checkpoint-list, checkpoint-dumpxml --size, checkpoint-delete, undefine rules.

use crate::common::{guest_available, guest_xml_with_disk, PidGuard};
use crate::rvirtd::{qemu_pids, virsh_at as virsh, virsh_ok as ok};
use std::process::Command;

#[test]
fn virsh_checkpoint_create_list_delete() {
    let Some(guest) = guest_available() else {
        return;
    };
    if !std::path::Path::new("/usr/bin/virsh").exists() {
        eprintln!("skipping: virsh not installed");
        return;
    }
    let d = rvirt_testkit::TestDaemon::start();
    let pids = PidGuard::default();
    let uri = d.uri("qemu:///system");
    let disk = d.root().join("cdisk.qcow2");
    let st = Command::new("qemu-img")
        .args(["create", "-q", "-f", "qcow2", disk.to_str().unwrap(), "32M"])
        .status()
        .unwrap();
    assert!(st.success());
    let xml = guest_xml_with_disk("vc", &guest, "qcow2", disk.to_str().unwrap());
    let xf = d.root().join("vc.xml");
    std::fs::write(&xf, xml).unwrap();
    ok(&uri, &["define", xf.to_str().unwrap()]);
    ok(&uri, &["start", "vc"]);
    for p in qemu_pids(d.root()) {
        pids.add(p);
    }
    let out = ok(&uri, &["checkpoint-create-as", "vc", "one"]);
    assert_eq!(out.trim(), "Domain checkpoint one created");
    ok(&uri, &["checkpoint-create-as", "vc", "two"]);
    let tree = ok(&uri, &["checkpoint-list", "vc", "--tree"]);
    assert_eq!(tree, "one\n  |\n  +- two\n    \n\n");
    let x = ok(
        &uri,
        &["checkpoint-dumpxml", "vc", "one", "--size", "--no-domain"],
    );
    assert!(
        x.contains("<disk name='vda' checkpoint='bitmap' bitmap='one' size='"),
        "{x}"
    );
    let info = ok(&uri, &["checkpoint-info", "vc", "one"]);
    assert!(info.contains("Descendants:    1"), "{info}");
    let (good, err) = virsh(&uri, &["checkpoint-create-as", "vc", "one"]);
    assert!(
        !good && err.contains("domain moment one already exists"),
        "{err}"
    );
    ok(&uri, &["checkpoint-delete", "vc", "two"]);
    let names = ok(&uri, &["checkpoint-list", "vc", "--name"]);
    assert_eq!(names.trim(), "one");
    let with = ok(&uri, &["list", "--with-checkpoint", "--name"]);
    assert_eq!(with.trim(), "vc");
    ok(&uri, &["destroy", "vc"]);
    let (good, err) = virsh(&uri, &["undefine", "vc"]);
    assert!(!good && err.contains("with 1 checkpoints"), "{err}");
    ok(&uri, &["undefine", "vc", "--checkpoints-metadata"]);
}
