//! Checkpoints through stock virsh against `rvirtd --root`: checkpoint-create-as,
//! checkpoint-list, checkpoint-dumpxml --size, checkpoint-delete, undefine rules.

use crate::rvirtd::{virsh_at as virsh, virsh_ok as ok};
use crate::virsh_guest::define_qcow2_guest;

#[test]
fn virsh_checkpoint_create_list_delete() {
    let Some(g) = define_qcow2_guest("vc", "32M") else {
        return;
    };
    let uri = g.uri.as_str();
    g.start();
    let out = ok(uri, &["checkpoint-create-as", "vc", "one"]);
    assert_eq!(out.trim(), "Domain checkpoint one created");
    ok(uri, &["checkpoint-create-as", "vc", "two"]);
    let tree = ok(uri, &["checkpoint-list", "vc", "--tree"]);
    assert_eq!(tree, "one\n  |\n  +- two\n    \n\n");
    let x = ok(
        uri,
        &["checkpoint-dumpxml", "vc", "one", "--size", "--no-domain"],
    );
    assert!(
        x.contains("<disk name='vda' checkpoint='bitmap' bitmap='one' size='"),
        "{x}"
    );
    let info = ok(uri, &["checkpoint-info", "vc", "one"]);
    assert!(info.contains("Descendants:    1"), "{info}");
    let (good, err) = virsh(uri, &["checkpoint-create-as", "vc", "one"]);
    assert!(
        !good && err.contains("domain moment one already exists"),
        "{err}"
    );
    ok(uri, &["checkpoint-delete", "vc", "two"]);
    let names = ok(uri, &["checkpoint-list", "vc", "--name"]);
    assert_eq!(names.trim(), "one");
    let with = ok(uri, &["list", "--with-checkpoint", "--name"]);
    assert_eq!(with.trim(), "vc");
    ok(uri, &["destroy", "vc"]);
    let (good, err) = virsh(uri, &["undefine", "vc"]);
    assert!(!good && err.contains("with 1 checkpoints"), "{err}");
    ok(uri, &["undefine", "vc", "--checkpoints-metadata"]);
}
