//! `<source fdgroup>` disks (`virDomainFDAssociate`): argv golden (`-add-fd set=N,fd=M,…` and
//! `/dev/fdset/N` blockdevs) and the start-up checks.

use rvirt_driver_qemu::caps::QemuCaps;
use rvirt_driver_qemu::command::{build_command, BuildContext};
use rvirt_driver_qemu::conf_adapt::parse_domain;
use rvirt_driver_qemu::domain::fd_associate::{
    fdgroup_missing, mark_fdsets, unmark_fdsets, FDSET_FD_BASE,
};
use std::path::PathBuf;

fn goldens_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/goldens")
}

fn ctx(name: &str) -> BuildContext {
    BuildContext {
        caps: QemuCaps::fixture_7_2(),
        id: 1,
        domain_dir: PathBuf::from(format!("/run/libvirt/qemu/domain-1-{name}")),
        vnc_ports_in_use: vec![],
        probe_ports: false,
        seccomp_sandbox: -1,
    }
}

fn parse(name: &str) -> rvirt_conf::domain::DomainDef {
    let xml = std::fs::read_to_string(goldens_dir().join(format!("{name}.xml"))).unwrap();
    parse_domain(&xml, Some(&QemuCaps::fixture_7_2())).unwrap()
}

#[test]
fn fdgroup_disks_get_fdsets_on_the_command_line() {
    let name = "pc-disk-fdgroup";
    let mut def = parse(name);
    let plan = mark_fdsets(&mut def, |g| match g {
        "testgroup2" => Some((2, false)),
        "testgroup5" => Some((1, false)),
        _ => None,
    })
    .unwrap();
    let b = FDSET_FD_BASE;
    assert_eq!(
        plan,
        vec![
            ("testgroup2".to_string(), vec![b, b + 1]),
            ("testgroup5".to_string(), vec![b + 2]),
        ]
    );
    let cmd = build_command(&mut def, &ctx(name)).unwrap();
    unmark_fdsets(&mut def);
    let got = cmd.to_args_text();
    let path = goldens_dir().join(format!("{name}.args"));
    if std::env::var_os("RVIRT_UPDATE_GOLDENS").is_some() {
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(got, want, "argv for {name} differs from {}", path.display());
    assert!(got.contains("-add-fd set=0,fd=700,opaque=libvirt-3-storage0"));
    // one fd: no auto-read-only (QEMU would want a read-only fd first), as in libvirt
    assert!(got.contains(
        "{\"driver\":\"file\",\"filename\":\"/dev/fdset/1\",\"node-name\":\"libvirt-1-storage\",\"read-only\":false,\"discard\":\"unmap\"}"
    ));
    // the marks do not leak into the live XML; the group name stays
    let src = def.devices[0].child("source").unwrap();
    assert_eq!(src.attr("fdgroup"), Some("testgroup2"));
    assert_eq!(src.attrs.len(), 2, "{:?}", src.attrs);
}

#[test]
fn a_group_never_associated_fails_like_libvirt() {
    let mut def = parse("pc-disk-fdgroup");
    let e = mark_fdsets(&mut def, |g| (g == "testgroup2").then_some((1, true))).unwrap_err();
    assert_eq!(
        e.message,
        "invalid argument: file descriptor group 'testgroup5' was not associated with the domain"
    );
    assert_eq!(e, fdgroup_missing("testgroup5"));
    // an unprepared definition cannot be built either
    let mut def = parse("pc-disk-fdgroup");
    let e = build_command(&mut def, &ctx("x")).unwrap_err();
    assert_eq!(e.message, fdgroup_missing("testgroup2").message);
}

#[test]
fn fdgroup_source_is_accepted_and_kept_by_the_qemu_parser() {
    let def = parse("pc-disk-fdgroup");
    let xml = def.format(&Default::default());
    assert!(
        xml.contains("<source file='/path/to/blah' fdgroup='testgroup2'/>"),
        "{xml}"
    );
}
