//! checkpoint-* commands and `list --with-checkpoint` against `test:///default`, compared
//! with stock virsh: output, error wording, option checks and the tree/topological orders.

use super::{compat, normalise, VIRSH};
use std::path::{Path, PathBuf};
use std::process::Command;

cases! {
    create_as => "checkpoint-create-as test c1";
    create_as_default_name => "checkpoint-create-as test; checkpoint-list test";
    create_as_duplicate => "checkpoint-create-as test c1; checkpoint-create-as test c1";
    create_as_print_xml => "checkpoint-create-as test x --print-xml --description 'a<b' --diskspec vda,bitmap=b1";
    create_as_print_xml_empty => "checkpoint-create-as test --print-xml";
    create_as_diskspec => "checkpoint-create-as test c1 vda,checkpoint=no; checkpoint-dumpxml test c1 --no-domain";
    create_as_diskspec_bitmap => "checkpoint-create-as test c1 --diskspec vda,bitmap=foo; checkpoint-dumpxml test c1 --no-domain";
    create_as_diskspec_bad => "checkpoint-create-as test c1 --diskspec vda,foo=bar";
    create_as_diskspec_nosuch => "checkpoint-create-as test c1 --diskspec vdb";
    create_as_diskspec_twice => "checkpoint-create-as test c1 --diskspec vda --diskspec vda";
    create_as_nosuch_domain => "checkpoint-create-as nosuch c1";
    create_as_schema_bad_disk => "checkpoint-create-as test a b c";
    create_as_schema_bad_name => "checkpoint-create-as test 'a b'; checkpoint-create-as test .x; checkpoint-list test";
    create_as_empty_name => "checkpoint-create-as test --name ''";
    create_as_empty_description => "checkpoint-create-as test c1 --description ''";
    create_empty_file => "checkpoint-create test ''";
    dumpxml_empty_name => "checkpoint-dumpxml test ''";
    list_from_empty => "checkpoint-list test --from ''";
    create_as_missing_domain => "checkpoint-create-as";
    create_default => "checkpoint-create test; checkpoint-list test --name";
    create_no_file => "checkpoint-create test nosuch.xml";
    create_wrong_root => "checkpoint-create test dom.xml";
    create_redefine_no_name => "checkpoint-create test --redefine";
    create_validate_needs_redefine => "checkpoint-create test --redefine-validate";
    create_inactive => "destroy test; checkpoint-create-as test c1";
    create_with_snapshot => "snapshot-create-as test s1; checkpoint-create-as test c1";
    snapshot_with_checkpoint => "checkpoint-create-as test c1; snapshot-create-as test s1";
    list_empty => "checkpoint-list test";
    list_chain => "checkpoint-create-as test c1 --description hello; checkpoint-create-as test c2; checkpoint-create-as test c3; checkpoint-list test; checkpoint-list test --parent; checkpoint-list test --tree; checkpoint-list test --name; checkpoint-list test --topological";
    list_filters => "checkpoint-create-as test c1; checkpoint-create-as test c2; checkpoint-list test --roots; checkpoint-list test --leaves; checkpoint-list test --no-leaves; checkpoint-list test --leaves --no-leaves; checkpoint-list test --leaves --roots";
    list_from => "checkpoint-create-as test c1; checkpoint-create-as test c2; checkpoint-create-as test c3; checkpoint-list test --from c1; checkpoint-list test --from c1 --descendants; checkpoint-list test --from c1 --tree; checkpoint-list test --from c1 --descendants --tree; checkpoint-list test --from c2 --name";
    list_from_nosuch => "checkpoint-list test --from nosuch";
    list_descendants_without_from => "checkpoint-list test --descendants";
    list_tree_name => "checkpoint-list test --tree --name";
    list_parent_roots => "checkpoint-list test --parent --roots";
    list_parent_tree => "checkpoint-list test --parent --tree";
    list_roots_tree => "checkpoint-list test --roots --tree";
    list_roots_from => "checkpoint-list test --roots --from c1";
    list_leaves_tree => "checkpoint-list test --leaves --tree";
    list_no_leaves_tree => "checkpoint-list test --no-leaves --tree";
    list_nosuch_domain => "checkpoint-list nosuch";
    list_missing_domain => "checkpoint-list";
    dumpxml => "checkpoint-create-as test c1; checkpoint-create-as test c2 --description hi; checkpoint-dumpxml test c2";
    dumpxml_flags => "checkpoint-create-as test c1; checkpoint-dumpxml test c1 --no-domain; checkpoint-dumpxml test c1 --size --no-domain; checkpoint-dumpxml test c1 --security-info --no-domain";
    dumpxml_size_inactive => "checkpoint-create-as test c1; destroy test; checkpoint-dumpxml test c1 --size";
    dumpxml_xpath => "checkpoint-create-as test c1; checkpoint-dumpxml test c1 --xpath //disk/@bitmap; checkpoint-dumpxml test c1 --xpath /domaincheckpoint/name --wrap";
    dumpxml_nosuch => "checkpoint-dumpxml test nosuch";
    dumpxml_missing_name => "checkpoint-dumpxml test";
    info => "checkpoint-create-as test c1; checkpoint-create-as test c2; checkpoint-create-as test c3; checkpoint-info test c1; checkpoint-info test c2; checkpoint-info test c3";
    info_missing_name => "checkpoint-info test";
    info_nosuch => "checkpoint-info test nosuch";
    parent => "checkpoint-create-as test c1; checkpoint-create-as test c2; checkpoint-parent test c2; checkpoint-parent test c1";
    parent_missing_name => "checkpoint-parent test";
    parent_nosuch => "checkpoint-parent test --checkpointname nosuch";
    delete => "checkpoint-create-as test c1; checkpoint-create-as test c2; checkpoint-create-as test c3; checkpoint-delete test c2; checkpoint-list test --parent; checkpoint-create-as test c4; checkpoint-list test --tree";
    delete_children => "checkpoint-create-as test c1; checkpoint-create-as test c2; checkpoint-create-as test c3; checkpoint-delete test c2 --children; checkpoint-list test --tree; checkpoint-create-as test c4; checkpoint-list test --parent";
    delete_children_only => "checkpoint-create-as test c1; checkpoint-create-as test c2; checkpoint-delete test c1 --children-only; checkpoint-list test --tree; checkpoint-delete test c1 --metadata; checkpoint-list test";
    delete_nosuch => "checkpoint-delete test nosuch";
    delete_missing_name => "checkpoint-delete test";
    delete_children_conflict => "checkpoint-create-as test c1; checkpoint-delete test c1 --children --children-only";
    edit_missing_name => "checkpoint-edit test";
    edit_nosuch => "checkpoint-edit test nosuch";
    list_with_checkpoint => "list --with-checkpoint; checkpoint-create-as test c1; list --with-checkpoint; list --without-checkpoint; list --all --with-checkpoint --name";
    undefine_with_checkpoint => "checkpoint-create-as test c1; destroy test; list --all --with-checkpoint; undefine test --checkpoints-metadata; list --all";
}

/// Branching trees and redefinitions need checkpoint XML files: both shells run `cmd`
/// in a directory holding `files`.
fn compat_files(files: &[(&str, &str)], cmd: &str) {
    compat_files_env(files, None, cmd);
}

/// [`compat_files`] with `$EDITOR` set to `editor` (a file among `files`, made executable).
fn compat_files_env(files: &[(&str, &str)], editor: Option<&str>, cmd: &str) {
    if !Path::new(VIRSH).exists() {
        eprintln!("skipping: {VIRSH} not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (n, c) in files {
        std::fs::write(dir.path().join(n), c).unwrap();
    }
    let editor = editor.map(|e| {
        use std::os::unix::fs::PermissionsExt;
        let p = dir.path().join(e);
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
        p
    });
    let go = |bin: &Path| {
        let mut c = Command::new("timeout");
        c.arg("60")
            .arg(bin)
            .current_dir(dir.path())
            .env_remove("LIBVIRT_DEFAULT_URI")
            .env_remove("VISUAL")
            .args(["-c", "test:///default", cmd]);
        if let Some(e) = &editor {
            c.env("EDITOR", e);
        }
        let out = c.output().unwrap();
        (
            normalise(&String::from_utf8_lossy(&out.stdout)),
            normalise(&String::from_utf8_lossy(&out.stderr)),
            out.status.code(),
        )
    };
    let want = go(Path::new(VIRSH));
    let got = go(&PathBuf::from(env!("CARGO_BIN_EXE_rvirsh")));
    assert_eq!(got, want, "output differs for {cmd:?}");
}

fn moment(name: &str, parent: Option<&str>) -> String {
    let p = parent.map_or(String::new(), |p| {
        format!("<parent><name>{p}</name></parent>")
    });
    format!("<domaincheckpoint><name>{name}</name><creationTime>100</creationTime>{p}</domaincheckpoint>")
}

#[test]
fn redefine_tree_orders() {
    let files: Vec<(String, String)> = [
        ("a", None),
        ("b", Some("a")),
        ("c", Some("a")),
        ("d", Some("b")),
        ("e", None),
        ("f", Some("c")),
    ]
    .iter()
    .map(|(n, p)| (format!("{n}.xml"), moment(n, *p)))
    .collect();
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    compat_files(
        &files,
        "checkpoint-create test a.xml --redefine; checkpoint-create test b.xml --redefine; \
         checkpoint-create test c.xml --redefine; checkpoint-create test d.xml --redefine; \
         checkpoint-create test e.xml --redefine; checkpoint-create test f.xml --redefine; \
         checkpoint-list test --topological --name; checkpoint-list test --topological --roots --name; \
         checkpoint-list test --tree; checkpoint-list test --tree --topological; \
         checkpoint-list test --from a --topological --descendants --name; \
         checkpoint-info test a; checkpoint-create-as test g; checkpoint-list test --parent; \
         checkpoint-delete test b; checkpoint-list test --tree --topological; \
         checkpoint-delete test a; checkpoint-list test --topological --parent; \
         checkpoint-delete test e --children-only; checkpoint-create-as test h; \
         checkpoint-delete test c --children; checkpoint-create-as test i; \
         checkpoint-list test --topological --parent",
    );
}

#[test]
fn redefine_errors_and_current() {
    let files = [
        ("zz.xml", moment("r1", Some("zz"))),
        ("self.xml", moment("r3", Some("r3"))),
        (
            "r2.xml",
            "<domaincheckpoint><name>r2</name><creationTime>2000</creationTime>\
             <disks><disk name='vda'/></disks></domaincheckpoint>"
                .to_string(),
        ),
        (
            "notime.xml",
            "<domaincheckpoint><name>n</name></domaincheckpoint>".to_string(),
        ),
    ];
    let files: Vec<(&str, &str)> = files.iter().map(|(a, b)| (*a, b.as_str())).collect();
    compat_files(
        &files,
        "checkpoint-create-as test c1; checkpoint-create test zz.xml --redefine; \
         checkpoint-create test self.xml --redefine; checkpoint-create test notime.xml --redefine; \
         checkpoint-create test r2.xml --redefine; checkpoint-create test zz.xml; \
         checkpoint-list test --parent; checkpoint-dumpxml test r2; checkpoint-create-as test c5; \
         checkpoint-list test --parent; checkpoint-create test r2.xml --redefine --redefine-validate; \
         checkpoint-create test r2.xml --redefine --quiesce; checkpoint-list test --tree",
    );
}

#[test]
fn edit_with_editor_scripts() {
    let cmd =
        "checkpoint-create-as test c1; checkpoint-edit test c1; checkpoint-list test --name; \
               checkpoint-dumpxml test c1 --no-domain";
    for script in [
        "#!/bin/sh\nsed -i 's|<name>c1</name>|<name>c9</name>|' \"$1\"\n",
        "#!/bin/sh\nsed -i 's|<creationTime>|<description>x</description><creationTime>|' \"$1\"\n",
        "#!/bin/sh\ntrue\n",
    ] {
        compat_files_env(&[("ed.sh", script)], Some("ed.sh"), cmd);
    }
}
