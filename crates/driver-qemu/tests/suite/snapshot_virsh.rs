//! Snapshots through stock virsh against `rvirtd --root`: snapshot-create-as, snapshot-list,
//! snapshot-current, snapshot-revert, snapshot-delete.

use crate::rvirtd::{virsh_at as virsh, virsh_ok as ok};
use crate::virsh_guest::define_qcow2_guest;
use std::time::{Duration, Instant};

#[test]
fn virsh_snapshot_create_list_revert_delete() {
    let Some(g) = define_qcow2_guest("vs", "32M") else {
        return;
    };
    let uri = g.uri.as_str();
    g.start();
    let t = Instant::now();
    ok(
        uri,
        &[
            "snapshot-create-as",
            "vs",
            "one",
            "--description",
            "first one",
        ],
    );
    println!("virsh snapshot-create-as: {:?}", t.elapsed());
    ok(uri, &["snapshot-create-as", "vs", "two"]);
    let list = ok(uri, &["snapshot-list", "vs"]);
    assert!(
        list.contains("one") && list.contains("two") && list.contains("running"),
        "{list}"
    );
    let tree = ok(uri, &["snapshot-list", "vs", "--tree"]);
    assert!(tree.contains("one") && tree.contains("two"), "{tree}");
    let cur = ok(uri, &["snapshot-current", "vs", "--name"]);
    assert_eq!(cur.trim(), "two");
    let parent = ok(uri, &["snapshot-parent", "vs", "two"]);
    assert_eq!(parent.trim(), "one");
    let t = Instant::now();
    ok(uri, &["snapshot-revert", "vs", "one"]);
    println!("virsh snapshot-revert: {:?}", t.elapsed());
    let cur = ok(uri, &["snapshot-current", "vs", "--name"]);
    assert_eq!(cur.trim(), "one");
    let state = ok(uri, &["domstate", "vs", "--reason"]);
    assert!(state.contains("running (from snapshot)"), "{state}");
    let x = ok(uri, &["snapshot-dumpxml", "vs", "one"]);
    assert!(x.contains("<description>first one</description>"), "{x}");
    ok(uri, &["snapshot-delete", "vs", "two"]);
    let list = ok(uri, &["snapshot-list", "vs", "--name"]);
    assert_eq!(list.trim(), "one");
    ok(uri, &["destroy", "vs"]);
    let (good, _) = virsh(uri, &["undefine", "vs"]);
    assert!(!good, "undefine with snapshots must fail");
    ok(uri, &["undefine", "vs", "--snapshots-metadata"]);
    let _ = Duration::from_secs(0);
}
