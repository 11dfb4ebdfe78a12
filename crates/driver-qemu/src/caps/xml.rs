//! The capabilities (`virConnectGetCapabilities`) and domain capabilities
//! (`virConnectGetDomainCapabilities`) documents built from probed [`QemuCaps`].

use super::host::HostInfo;
use super::model::QemuCaps;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\'', "&apos;")
}

/// `<capabilities>`: the host and one `<guest>` per probed emulator.
pub fn capabilities_xml(host: &HostInfo, emulators: &[QemuCaps]) -> String {
    let mut x = String::from("<capabilities>\n\n  <host>\n");
    if let Some(u) = &host.uuid {
        x += &format!("    <uuid>{}</uuid>\n", esc(u));
    }
    x += &format!("    <cpu>\n      <arch>{}</arch>\n", esc(&host.arch));
    x += &format!(
        "      <topology sockets='1' dies='1' cores='{}' threads='1'/>\n    </cpu>\n",
        host.cpus
    );
    x += "    <power_management/>\n    <iommu support='no'/>\n";
    x += "    <migration_features>\n      <live/>\n      <uri_transports>\n        <uri_transport>tcp</uri_transport>\n        <uri_transport>rdma</uri_transport>\n      </uri_transports>\n    </migration_features>\n";
    x += "    <topology>\n      <cells num='1'>\n        <cell id='0'>\n";
    x += &format!(
        "          <memory unit='KiB'>{}</memory>\n",
        host.memory_kib
    );
    x += &format!("          <cpus num='{}'>\n", host.cpus);
    for c in 0..host.cpus {
        x += &format!(
            "            <cpu id='{c}' socket_id='0' die_id='0' core_id='{c}' siblings='{c}'/>\n"
        );
    }
    x += "          </cpus>\n        </cell>\n      </cells>\n    </topology>\n";
    x += "    <secmodel>\n      <model>none</model>\n      <doi>0</doi>\n    </secmodel>\n";
    x += "    <secmodel>\n      <model>dac</model>\n      <doi>0</doi>\n      <baselabel type='kvm'>+0:+0</baselabel>\n      <baselabel type='qemu'>+0:+0</baselabel>\n    </secmodel>\n";
    x += "  </host>\n\n";
    for caps in emulators {
        x += &guest_xml(caps);
        x += "\n";
    }
    x += "</capabilities>\n";
    x
}

fn wordsize(arch: &str) -> u32 {
    match arch {
        "i686" | "armv7l" => 32,
        _ => 64,
    }
}

fn guest_xml(caps: &QemuCaps) -> String {
    let mut x = String::from("  <guest>\n    <os_type>hvm</os_type>\n");
    x += &format!("    <arch name='{}'>\n", esc(&caps.arch));
    x += &format!("      <wordsize>{}</wordsize>\n", wordsize(&caps.arch));
    x += &format!("      <emulator>{}</emulator>\n", esc(&caps.binary));
    for m in caps.machines.iter().filter(|m| m.name != "none") {
        x += &format!(
            "      <machine maxCpus='{}'>{}</machine>\n",
            m.cpu_max,
            esc(&m.name)
        );
        if let Some(a) = &m.alias {
            x += &format!(
                "      <machine canonical='{}' maxCpus='{}'>{}</machine>\n",
                esc(&m.name),
                m.cpu_max,
                esc(a)
            );
        }
    }
    x += "      <domain type='qemu'/>\n";
    if caps.kvm_usable {
        x += "      <domain type='kvm'/>\n";
    }
    x += "    </arch>\n    <features>\n      <acpi default='on' toggle='yes'/>\n      <apic default='on' toggle='no'/>\n      <cpuselection/>\n      <deviceboot/>\n      <disksnapshot default='on' toggle='no'/>\n    </features>\n  </guest>\n";
    x
}

fn values(name: &str, vals: &[&str]) -> String {
    let mut x = format!("      <enum name='{name}'>\n");
    for v in vals {
        x += &format!("        <value>{v}</value>\n");
    }
    x += "      </enum>\n";
    x
}

/// `<domainCapabilities>` for one emulator, virt type and machine.
pub fn domain_capabilities_xml(caps: &QemuCaps, virttype: &str, machine: &str) -> String {
    let max = caps
        .machines
        .iter()
        .find(|m| m.name == machine)
        .map_or(255, |m| m.cpu_max);
    let mut x = String::from("<domainCapabilities>\n");
    x += &format!("  <path>{}</path>\n", esc(&caps.binary));
    x += &format!("  <domain>{}</domain>\n", esc(virttype));
    x += &format!("  <machine>{}</machine>\n", esc(machine));
    x += &format!("  <arch>{}</arch>\n", esc(&caps.arch));
    x += &format!("  <vcpu max='{max}'/>\n");
    x += "  <iothreads supported='yes'/>\n";
    x += "  <os supported='yes'>\n    <enum name='firmware'/>\n    <loader supported='no'/>\n  </os>\n";
    x += "  <cpu>\n";
    x += &format!(
        "    <mode name='host-passthrough' supported='{}'/>\n",
        if virttype == "kvm" { "yes" } else { "no" }
    );
    x += "    <mode name='maximum' supported='yes'>\n      <enum name='maximumMigratable'>\n        <value>on</value>\n        <value>off</value>\n      </enum>\n    </mode>\n";
    x += "    <mode name='host-model' supported='no'/>\n";
    x += "    <mode name='custom' supported='yes'>\n";
    for m in caps.cpu_models.iter().filter(|m| *m != "host") {
        x += &format!("      <model usable='unknown'>{}</model>\n", esc(m));
    }
    x += "    </mode>\n  </cpu>\n";
    x += "  <memoryBacking supported='yes'>\n    <enum name='sourceType'>\n      <value>file</value>\n      <value>anonymous</value>\n      <value>memfd</value>\n    </enum>\n  </memoryBacking>\n";
    x += "  <devices>\n";
    let dev = |name: &str, enums: &[(&str, &[&str])]| {
        let mut s = format!("    <{name} supported='yes'>\n");
        for (e, v) in enums {
            s += &values(e, v);
        }
        s += &format!("    </{name}>\n");
        s
    };
    x += &dev(
        "disk",
        &[
            ("diskDevice", &["disk", "cdrom", "floppy", "lun"]),
            ("bus", &["ide", "fdc", "scsi", "virtio", "usb", "sata"]),
            (
                "model",
                &["virtio", "virtio-transitional", "virtio-non-transitional"],
            ),
        ],
    );
    x += &dev("graphics", &[("type", &["vnc"])]);
    x += &dev(
        "video",
        &[(
            "modelType",
            &["vga", "cirrus", "virtio", "none", "bochs", "ramfb"],
        )],
    );
    x += "    <hostdev supported='no'/>\n";
    x += &dev(
        "rng",
        &[("model", &["virtio"]), ("backendModel", &["random"])],
    );
    x += &dev("console", &[("type", &["pty", "file", "unix", "null"])]);
    x += "  </devices>\n";
    x += "  <features>\n    <gic supported='no'/>\n    <vmcoreinfo supported='yes'/>\n    <genid supported='yes'/>\n    <backingStoreInput supported='yes'/>\n    <backup supported='no'/>\n    <sev supported='no'/>\n  </features>\n";
    x += "</domainCapabilities>\n";
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kvm_only_when_usable() {
        let host = HostInfo {
            uuid: None,
            arch: "x86_64".into(),
            cpus: 2,
            memory_kib: 1024,
        };
        let mut caps = QemuCaps::fixture_7_2();
        let x = capabilities_xml(&host, std::slice::from_ref(&caps));
        assert!(x.contains("<domain type='qemu'/>"));
        assert!(!x.contains("<domain type='kvm'/>"));
        assert!(x.contains("<machine canonical='pc-i440fx-7.2' maxCpus='255'>pc</machine>"));
        caps.kvm_usable = true;
        let x = capabilities_xml(&host, &[caps]);
        assert!(x.contains("<domain type='kvm'/>"));
        assert!(roxmltree::Document::parse(&x).is_ok());
    }

    #[test]
    fn domcaps_is_well_formed() {
        let caps = QemuCaps::fixture_7_2();
        let x = domain_capabilities_xml(&caps, "qemu", "pc-q35-7.2");
        let doc = roxmltree::Document::parse(&x).unwrap();
        let vcpu = doc.descendants().find(|n| n.has_tag_name("vcpu")).unwrap();
        assert_eq!(vcpu.attribute("max"), Some("288"));
    }
}
