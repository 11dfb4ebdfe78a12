//! `<domainCapabilities>` goldens: documents produced by Debian's libvirtd 9.0
//! (`virsh domcapabilities` against an isolated daemon, QEMU 7.2 on x86_64) plus one
//! hand-written document for the parts that host cannot show (gic, sev, sgx details).
//! Each must parse and format back byte for byte, and the formatted text must pass
//! libvirt's `domaincaps` schema.

use std::path::PathBuf;
use std::process::Command;

use rvirt_conf::domcaps::{CapsEnum, DomainCapsDef};

const TCG_PC: &str = include_str!("data/libvirt-9.0-x86_64-tcg-pc.xml");
const TCG_Q35: &str = include_str!("data/libvirt-9.0-x86_64-tcg-q35.xml");
const KVM_PC: &str = include_str!("data/libvirt-9.0-x86_64-kvm-pc.xml");
const SYNTHETIC: &str = include_str!("data/synthetic-features.xml");

const ALL: [(&str, &str); 4] = [
    ("tcg-pc", TCG_PC),
    ("tcg-q35", TCG_Q35),
    ("kvm-pc", KVM_PC),
    ("synthetic-features", SYNTHETIC),
];

#[test]
fn libvirt_documents_round_trip_byte_for_byte() {
    for (name, xml) in ALL {
        let def = DomainCapsDef::parse(xml).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(def.format(), xml, "{name} does not round-trip");
        assert_eq!(DomainCapsDef::parse(&def.format()).unwrap(), def, "{name}");
    }
}

#[test]
fn tcg_q35_model_holds_libvirts_values() {
    let d = DomainCapsDef::parse(TCG_Q35).unwrap();
    assert_eq!(d.domain, "qemu");
    assert_eq!(d.machine.as_deref(), Some("pc-q35-7.2"));
    assert_eq!(d.vcpu_max, Some(288));
    let cpu = d.cpu.as_ref().unwrap();
    assert!(!cpu.host_passthrough.as_ref().unwrap().supported);
    let hm = cpu.host_model.as_ref().unwrap();
    assert_eq!(hm.fallback.as_deref(), Some("forbid"));
    let custom = cpu.custom.as_ref().unwrap();
    assert!(custom.models.iter().all(|m| m.vendor.is_some()));
    let loader = d.os.as_ref().unwrap().loader.as_ref().unwrap();
    assert_eq!(loader.values.len(), 3);
    // q35 has no IDE bus, pc has.
    let bus = |doc: &DomainCapsDef| doc.device("disk").and_then(|b| b.get("bus")).cloned();
    assert!(!bus(&d).unwrap().values.contains(&"ide".to_string()));
    let pc = DomainCapsDef::parse(TCG_PC).unwrap();
    assert!(bus(&pc).unwrap().values.contains(&"ide".to_string()));
    assert_eq!(
        d.device("redirdev").and_then(|b| b.get("bus")),
        Some(&CapsEnum::new("bus", &["usb"]))
    );
    assert_eq!(d.features.sev.as_ref().map(|s| s.supported), Some(false));
    assert_eq!(d.features.s390_pv, None);
}

#[test]
fn synthetic_features_parse_into_typed_fields() {
    let d = DomainCapsDef::parse(SYNTHETIC).unwrap();
    let sev = d.features.sev.as_ref().unwrap();
    assert_eq!((sev.cbitpos, sev.max_es_guests), (Some(47), Some(494)));
    let sgx = d.features.sgx.as_ref().unwrap();
    assert_eq!(sgx.section_size_kib, Some(524_288));
    assert_eq!(sgx.sections.as_ref().map(Vec::len), Some(2));
    assert_eq!(
        d.features.gic.as_ref().and_then(|g| g.get("version")),
        Some(&CapsEnum::new("version", &["2", "3"]))
    );
    assert_eq!(d.features.s390_pv, Some(false));
}

#[test]
fn formatted_documents_validate_against_domaincaps_schema() {
    if Command::new("virt-xml-validate")
        .arg("--help")
        .output()
        .is_err()
    {
        println!("domcaps schema check: SKIPPED, virt-xml-validate not installed");
        return;
    }
    let dir: PathBuf =
        std::env::temp_dir().join(format!("rvirt-conf-domcaps-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, xml) in ALL {
        let path = dir.join(format!("{name}.xml"));
        std::fs::write(&path, DomainCapsDef::parse(xml).unwrap().format()).unwrap();
        let out = Command::new("virt-xml-validate")
            .arg(&path)
            .arg("domaincaps")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name}: {}{}",
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
