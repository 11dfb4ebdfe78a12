//! The capabilities document (`virConnectGetCapabilities`) built from probed [`QemuCaps`].

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
}
