//! XML → argv goldens: `tests/goldens/NAME.xml` must produce `tests/goldens/NAME.args`
//! (set `RVIRT_UPDATE_GOLDENS=1` to rewrite them after a reviewed change).

use rvirt_driver_qemu::caps::QemuCaps;
use rvirt_driver_qemu::command::{build_command, BuildContext};
use rvirt_driver_qemu::conf_adapt::parse_domain;
use std::path::PathBuf;

fn goldens_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/goldens")
}

fn check(name: &str) {
    let dir = goldens_dir();
    let xml = std::fs::read_to_string(dir.join(format!("{name}.xml"))).unwrap();
    let caps = QemuCaps::fixture_7_2();
    let mut def = parse_domain(&xml, Some(&caps)).unwrap();
    let ctx = BuildContext {
        caps,
        id: 1,
        domain_dir: PathBuf::from(format!("/run/libvirt/qemu/domain-1-{name}")),
        vnc_ports_in_use: vec![5900],
        probe_ports: false,
        seccomp_sandbox: -1,
    };
    let cmd = build_command(&mut def, &ctx).unwrap();
    let got = cmd.to_args_text();
    let path = dir.join(format!("{name}.args"));
    if std::env::var_os("RVIRT_UPDATE_GOLDENS").is_some() {
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(got, want, "argv for {name} differs from {}", path.display());
}

#[test]
fn pc_kernel_agent() {
    check("pc-kernel-agent");
}

#[test]
fn q35_vnc_sata() {
    check("q35-vnc-sata");
}

#[test]
fn pc_direct_nic_passes_the_macvtap_fd() {
    check("pc-direct-nic");
}

#[test]
fn pc_ide_localtime() {
    check("pc-ide-localtime");
}

#[test]
fn live_xml_has_aliases_and_addresses() {
    let xml = std::fs::read_to_string(goldens_dir().join("pc-kernel-agent.xml")).unwrap();
    let caps = QemuCaps::fixture_7_2();
    let mut def = parse_domain(&xml, Some(&caps)).unwrap();
    let ctx = BuildContext {
        caps,
        id: 4,
        domain_dir: PathBuf::from("/run/x"),
        vnc_ports_in_use: Vec::new(),
        probe_ports: false,
        seccomp_sandbox: -1,
    };
    let cmd = build_command(&mut def, &ctx).unwrap();
    assert_eq!(
        cmd.agent_path,
        Some(PathBuf::from("/run/x/org.qemu.guest_agent.0"))
    );
    let live = def.format(&rvirt_conf::domain::FormatOptions {
        id: Some(4),
        ..Default::default()
    });
    for alias in [
        "virtio-disk0",
        "net0",
        "serial0",
        "channel0",
        "balloon0",
        "pci.0",
        "virtio-serial0",
    ] {
        assert!(
            live.contains(&format!("<alias name='{alias}'/>")),
            "{alias} missing:\n{live}"
        );
    }
    assert!(live.contains("machine='pc-i440fx-7.2'"), "{live}");
    assert!(
        live.contains(
            "<address type='pci' domain='0x0000' bus='0x00' slot='0x03' function='0x0'/>"
        ),
        "{live}"
    );
}

#[test]
fn kvm_type_refused_without_usable_kvm() {
    let caps = QemuCaps::fixture_7_2();
    let xml =
        "<domain type='kvm'><name>k</name><memory>65536</memory><os><type>hvm</type></os></domain>";
    let mut def = parse_domain(xml, Some(&caps)).unwrap();
    let ctx = BuildContext {
        caps,
        id: 1,
        domain_dir: PathBuf::from("/run/x"),
        vnc_ports_in_use: Vec::new(),
        probe_ports: false,
        seccomp_sandbox: -1,
    };
    let e = build_command(&mut def, &ctx).unwrap_err();
    assert!(e.message.contains("KVM is not usable"), "{}", e.message);
}

#[test]
fn pc_memory_dimm_coldplug() {
    check("pc-memory-dimm");
}

#[test]
fn dimm_without_max_memory_is_refused() {
    let caps = QemuCaps::fixture_7_2();
    let xml = "<domain type='qemu'><name>m</name><memory unit='MiB'>512</memory>\
        <os><type>hvm</type></os><devices><memory model='dimm'><target>\
        <size unit='MiB'>128</size></target></memory></devices></domain>";
    let mut def = parse_domain(xml, Some(&caps)).unwrap();
    let ctx = BuildContext {
        caps,
        id: 1,
        domain_dir: PathBuf::from("/run/x"),
        vnc_ports_in_use: Vec::new(),
        probe_ports: false,
        seccomp_sandbox: -1,
    };
    let e = build_command(&mut def, &ctx).unwrap_err();
    assert_eq!(
        e.message,
        "unsupported configuration: cannot use/hotplug a memory device when domain 'maxMemory' is not defined"
    );
}
