//! The domain capabilities document (`virConnectGetDomainCapabilities`) for one emulator,
//! virt type and machine: a [`DomainCapsDef`] built from probed [`QemuCaps`], formatted by
//! rvirt-conf.

use rvirt_conf::domcaps::{
    CapsEnum, CpuCaps, CustomModel, CustomModels, DeviceCaps, DomainCapsDef, EnumBlock,
    FeaturesCaps, HostModelCaps, LoaderCaps, OsCaps, SevCaps,
};

use super::model::QemuCaps;

fn block(enums: &[(&str, &[&str])]) -> EnumBlock {
    EnumBlock::yes(enums.iter().map(|(n, v)| CapsEnum::new(n, v)).collect())
}

fn devices() -> Vec<DeviceCaps> {
    vec![
        DeviceCaps::new(
            "disk",
            block(&[
                ("diskDevice", &["disk", "cdrom", "floppy", "lun"]),
                ("bus", &["ide", "fdc", "scsi", "virtio", "usb", "sata"]),
                (
                    "model",
                    &["virtio", "virtio-transitional", "virtio-non-transitional"],
                ),
            ]),
        ),
        DeviceCaps::new("graphics", block(&[("type", &["vnc"])])),
        DeviceCaps::new(
            "video",
            block(&[(
                "modelType",
                &["vga", "cirrus", "virtio", "none", "bochs", "ramfb"],
            )]),
        ),
        DeviceCaps::new("hostdev", EnumBlock::no()),
        DeviceCaps::new(
            "rng",
            block(&[("model", &["virtio"]), ("backendModel", &["random"])]),
        ),
    ]
}

/// `<mode name='custom'>` models as libvirt lists them: QEMU's named models (not the
/// `host`/`max`/`base` pseudo-models) in descending name order, `usable` from QEMU's
/// `unavailable-features`, and the vendor the model belongs to.
fn custom_models(caps: &QemuCaps) -> Vec<CustomModel> {
    let mut names: Vec<&String> = caps
        .cpu_models
        .iter()
        .filter(|m| !matches!(m.as_str(), "host" | "max" | "base"))
        .collect();
    names.sort_by(|a, b| b.cmp(a));
    names
        .into_iter()
        .map(|m| {
            let usable = match &caps.cpu_unusable {
                Some(no) if no.contains(m) => "no",
                Some(_) => "yes",
                None => "unknown",
            };
            CustomModel {
                name: m.clone(),
                usable: usable.to_string(),
                deprecated: None,
                vendor: Some(cpu_vendor(m).to_string()),
            }
        })
        .collect()
}

/// The vendor of an x86 CPU model by its family name (`unknown` for the generic ones).
fn cpu_vendor(model: &str) -> &'static str {
    const AMD: &[&str] = &["phenom", "athlon", "Opteron", "EPYC"];
    const INTEL: &[&str] = &[
        "n270",
        "coreduo",
        "core2duo",
        "Westmere",
        "Snowridge",
        "Skylake",
        "SandyBridge",
        "Penryn",
        "Nehalem",
        "IvyBridge",
        "Icelake",
        "Haswell",
        "Cooperlake",
        "Conroe",
        "Cascadelake",
        "Broadwell",
        "SapphireRapids",
        "GraniteRapids",
        "KnightsMill",
        "Denverton",
        "SierraForest",
    ];
    if AMD.iter().any(|p| model.starts_with(p)) {
        "AMD"
    } else if INTEL.iter().any(|p| model.starts_with(p)) {
        "Intel"
    } else if model.starts_with("Dhyana") {
        "Hygon"
    } else {
        "unknown"
    }
}

/// `<domainCapabilities>` of `caps` for `virttype` (`qemu`/`kvm`) and the canonical
/// `machine`, as a model.
pub fn domain_caps_def(caps: &QemuCaps, virttype: &str, machine: &str) -> DomainCapsDef {
    let max = caps
        .machines
        .iter()
        .find(|m| m.name == machine)
        .map_or(255, |m| m.cpu_max);
    let migratable = || block(&[("maximumMigratable", &["on", "off"])]);
    DomainCapsDef {
        path: caps.binary.clone(),
        domain: virttype.to_string(),
        machine: Some(machine.to_string()),
        arch: caps.arch.clone(),
        vcpu_max: Some(max),
        iothreads: Some(true),
        os: Some(OsCaps {
            supported: true,
            enums: vec![CapsEnum::new("firmware", &[])],
            loader: Some(LoaderCaps::default()),
        }),
        cpu: Some(CpuCaps {
            host_passthrough: Some(EnumBlock {
                supported: virttype == "kvm",
                enums: Vec::new(),
            }),
            maximum: Some(migratable()),
            host_model: Some(HostModelCaps::default()),
            custom: Some(CustomModels {
                supported: true,
                models: custom_models(caps),
            }),
        }),
        memory_backing: Some(block(&[("sourceType", &["file", "anonymous", "memfd"])])),
        devices: devices(),
        features: FeaturesCaps {
            gic: Some(EnumBlock::no()),
            vmcoreinfo: Some(true),
            genid: Some(true),
            backing_store_input: Some(true),
            backup: Some(false),
            sev: Some(SevCaps::default()),
            ..FeaturesCaps::default()
        },
    }
}

/// `<domainCapabilities>` for one emulator, virt type and machine, formatted.
pub fn domain_capabilities_xml(caps: &QemuCaps, virttype: &str, machine: &str) -> String {
    domain_caps_def(caps, virttype, machine).format()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domcaps_is_well_formed() {
        let caps = QemuCaps::fixture_7_2();
        let x = domain_capabilities_xml(&caps, "qemu", "pc-q35-7.2");
        let doc = roxmltree::Document::parse(&x).unwrap();
        let vcpu = doc.descendants().find(|n| n.has_tag_name("vcpu")).unwrap();
        assert_eq!(vcpu.attribute("max"), Some("288"));
    }

    /// libvirt's schema accepts what the driver formats (skipped without libvirt's
    /// `virt-xml-validate`, which scripts/install-deps.sh installs).
    #[test]
    fn goldens_validate_against_libvirts_schema() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/caps/goldens");
        for name in [
            "domcaps-fixture-qemu-q35.xml",
            "domcaps-fixture-kvm-pc-escaped-path.xml",
        ] {
            let Ok(out) = std::process::Command::new("virt-xml-validate")
                .arg(dir.join(name))
                .arg("domaincaps")
                .output()
            else {
                eprintln!("virt-xml-validate not installed: schema check skipped");
                return;
            };
            assert!(out.status.success(), "{name}: {out:?}");
        }
    }

    #[test]
    fn cpu_vendors_follow_the_model_family() {
        assert_eq!(cpu_vendor("Skylake-Client-IBRS"), "Intel");
        assert_eq!(cpu_vendor("EPYC-Rome"), "AMD");
        assert_eq!(cpu_vendor("Dhyana"), "Hygon");
        assert_eq!(cpu_vendor("qemu64"), "unknown");
    }

    /// The driver's output for the QEMU 7.2 fixture, byte for byte.
    #[test]
    fn output_matches_goldens_and_round_trips() {
        let mut caps = QemuCaps::fixture_7_2();
        let x = domain_capabilities_xml(&caps, "qemu", "pc-q35-7.2");
        assert_eq!(x, include_str!("goldens/domcaps-fixture-qemu-q35.xml"));
        assert_eq!(DomainCapsDef::parse(&x).unwrap().format(), x);
        caps.kvm_usable = true;
        caps.binary = "/usr/bin/a&b<'c>".into();
        let x = domain_capabilities_xml(&caps, "kvm", "pc-i440fx-7.2");
        assert_eq!(
            x,
            include_str!("goldens/domcaps-fixture-kvm-pc-escaped-path.xml")
        );
        assert_eq!(
            DomainCapsDef::parse(&x).unwrap(),
            domain_caps_def(&caps, "kvm", "pc-i440fx-7.2")
        );
    }
}
