//! Facts of libvirt's `test:///default`: its node document, host data and fixed answers.

use rvirt_core::info::NodeInfo;

/// The objects `test:///default` starts with, in the `<node>` format `test:///PATH` files use.
pub const DEFAULT_NODE_XML: &str = r#"<node>
  <domain type='test'>
    <name>test</name>
    <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>
    <memory>8388608</memory>
    <currentMemory>2097152</currentMemory>
    <vcpu>2</vcpu>
    <os><type>hvm</type></os>
    <devices>
      <disk type='file' device='disk'>
        <source file='/guest/diskimage1'/>
        <target dev='vda' bus='virtio'/>
        <address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>
      </disk>
      <interface type='network'>
        <mac address='aa:bb:cc:dd:ee:ff'/>
        <source network='default' bridge='virbr0'/>
        <address type='pci' domain='0x0000' bus='0x00' slot='0x1' function='0x0'/>
      </interface>
      <memballoon model='virtio'>
        <address type='pci' domain='0x0000' bus='0x00' slot='0x2' function='0x0'/>
      </memballoon>
    </devices>
  </domain>
  <network>
    <name>default</name>
    <uuid>dd8fe884-6c02-601e-7551-cca97df1c5df</uuid>
    <bridge name='virbr0'/>
    <forward/>
    <ip address='192.168.122.1' netmask='255.255.255.0'>
      <dhcp>
        <range start='192.168.122.2' end='192.168.122.254'/>
      </dhcp>
    </ip>
  </network>
  <interface type='ethernet' name='eth1'>
    <start mode='onboot'/>
    <mac address='aa:bb:cc:dd:ee:ff'/>
    <mtu size='1492'/>
    <protocol family='ipv4'>
      <ip address='192.168.0.5' prefix='24'/>
      <route gateway='192.168.0.1'/>
    </protocol>
  </interface>
  <pool type='dir'>
    <name>default-pool</name>
    <uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566</uuid>
    <target>
      <path>/default-pool</path>
    </target>
  </pool>
  <device>
    <name>computer</name>
    <capability type='system'>
      <hardware>
        <vendor>Libvirt</vendor>
        <version>Test driver</version>
        <serial>123456</serial>
        <uuid>11111111-2222-3333-4444-555555555555</uuid>
      </hardware>
      <firmware>
        <vendor>Libvirt</vendor>
        <version>Test Driver</version>
        <release_date>01/22/2007</release_date>
      </firmware>
    </capability>
  </device>
  <device>
    <name>scsi_host1</name>
    <parent>computer</parent>
    <capability type='scsi_host'>
      <host>1</host>
      <unique_id>0</unique_id>
      <capability type='fc_host'>
        <wwnn>2000000012341234</wwnn>
        <wwpn>1000000012341234</wwpn>
        <fabric_wwn>2000000043214321</fabric_wwn>
      </capability>
      <capability type='vport_ops'>
        <max_vports>0</max_vports>
        <vports>0</vports>
      </capability>
    </capability>
  </device>
  <device>
    <name>scsi_host2</name>
    <parent>computer</parent>
    <capability type='scsi_host'>
      <host>2</host>
      <unique_id>1</unique_id>
      <capability type='fc_host'>
        <wwnn>2000000056785678</wwnn>
        <wwpn>1000000056785678</wwpn>
        <fabric_wwn>2000000087658765</fabric_wwn>
      </capability>
      <capability type='vport_ops'>
        <max_vports>0</max_vports>
        <vports>0</vports>
      </capability>
    </capability>
  </device>
  <device>
    <name>scsi_host11</name>
    <parent>scsi_host1</parent>
    <capability type='scsi_host'>
      <host>11</host>
      <unique_id>10</unique_id>
      <capability type='fc_host'>
        <wwnn>2000000034563456</wwnn>
        <wwpn>1000000034563456</wwpn>
        <fabric_wwn>2000000043214321</fabric_wwn>
      </capability>
    </capability>
  </device>
</node>
"#;

/// The test driver's `virNodeInfo`.
pub fn node_info() -> NodeInfo {
    NodeInfo {
        model: "i686".to_string(),
        memory: 3 * 1024 * 1024,
        cpus: 16,
        mhz: 1400,
        nodes: 2,
        sockets: 2,
        cores: 2,
        threads: 2,
    }
}

/// One NUMA cell of the default node: (memory KiB, free memory KiB).
pub const DEFAULT_CELLS: [(u64, u64); 2] = [(2048 * 1024, 1024 * 1024), (4096 * 1024, 2048 * 1024)];

/// `virConnectGetSysinfo`.
pub const SYSINFO: &str = "<sysinfo type='smbios'>\n  <bios>\n    <entry name='vendor'>LENOVO</entry>\n    <entry name='version'>G4ETA1WW (2.61 )</entry>\n    <entry name='date'>05/07/2014</entry>\n    <entry name='release'>2.61</entry>\n  </bios>\n</sysinfo>\n";

/// `virConnectGetVersion` (0.0.2).
pub const HV_VERSION: u64 = 2;

/// `virConnectGetMaxVcpus`.
pub const MAX_VCPUS: i32 = 32;

/// CPU models libvirt 9.0 knows for x86 (`virConnectGetCPUModelNames`).
pub const X86_CPU_MODELS: &[&str] = &[
    "486",
    "pentium",
    "pentium2",
    "pentium3",
    "pentiumpro",
    "coreduo",
    "n270",
    "core2duo",
    "qemu32",
    "kvm32",
    "cpu64-rhel5",
    "cpu64-rhel6",
    "qemu64",
    "kvm64",
    "Conroe",
    "Penryn",
    "Nehalem",
    "Nehalem-IBRS",
    "Westmere",
    "Westmere-IBRS",
    "SandyBridge",
    "SandyBridge-IBRS",
    "IvyBridge",
    "IvyBridge-IBRS",
    "Haswell-noTSX",
    "Haswell-noTSX-IBRS",
    "Haswell",
    "Haswell-IBRS",
    "Broadwell-noTSX",
    "Broadwell-noTSX-IBRS",
    "Broadwell",
    "Broadwell-IBRS",
    "Skylake-Client",
    "Skylake-Client-IBRS",
    "Skylake-Client-noTSX-IBRS",
    "Skylake-Server",
    "Skylake-Server-IBRS",
    "Skylake-Server-noTSX-IBRS",
    "Cascadelake-Server",
    "Cascadelake-Server-noTSX",
    "Icelake-Client",
    "Icelake-Client-noTSX",
    "Icelake-Server",
    "Icelake-Server-noTSX",
    "Cooperlake",
    "Snowridge",
    "athlon",
    "phenom",
    "Opteron_G1",
    "Opteron_G2",
    "Opteron_G3",
    "Opteron_G4",
    "Opteron_G5",
    "EPYC",
    "EPYC-IBPB",
    "EPYC-Rome",
    "EPYC-Milan",
    "Dhyana",
];

/// FALLBACK for `rvirt_conf::capabilities::Capabilities::test_driver_default()`: the
/// capabilities document of the test driver with `cells` NUMA cells of 8 CPUs each.
pub fn capabilities_xml(cells: &[(u64, u64)]) -> String {
    let mut s = String::from("<capabilities>\n\n  <host>\n    <cpu>\n      <arch>i686</arch>\n      <features>\n        <pae/>\n        <nonpae/>\n      </features>\n");
    for size in [4, 8, 2048, 1048576] {
        s.push_str(&format!("      <pages unit='KiB' size='{size}'/>\n"));
    }
    s.push_str("    </cpu>\n    <power_management/>\n    <iommu support='no'/>\n");
    if !cells.is_empty() {
        s.push_str(&format!(
            "    <topology>\n      <cells num='{}'>\n",
            cells.len()
        ));
        for (i, (mem, _)) in cells.iter().enumerate() {
            let first = if i == 1 { 8 } else { 4 };
            s.push_str(&format!(
                "        <cell id='{i}'>\n          <memory unit='KiB'>{mem}</memory>\n          <pages unit='KiB' size='{first}'>{}</pages>\n          <pages unit='KiB' size='2048'>0</pages>\n          <pages unit='KiB' size='1048576'>0</pages>\n          <cpus num='8'>\n",
                mem / first
            ));
            for c in 0..8 {
                let id = i * 8 + c;
                s.push_str(&format!(
                    "            <cpu id='{id}' socket_id='{i}' die_id='0' core_id='{c}' siblings='{id}'/>\n"
                ));
            }
            s.push_str("          </cpus>\n        </cell>\n");
        }
        s.push_str("      </cells>\n    </topology>\n");
    }
    s.push_str("    <secmodel>\n      <model>testSecurity</model>\n      <doi></doi>\n    </secmodel>\n  </host>\n\n");
    for os in ["hvm", "xen"] {
        s.push_str(&format!("  <guest>\n    <os_type>{os}</os_type>\n    <arch name='i686'>\n      <wordsize>32</wordsize>\n      <emulator>/usr/bin/test-hv</emulator>\n      <domain type='test'/>\n    </arch>\n    <features>\n      <pae/>\n      <nonpae/>\n    </features>\n  </guest>\n\n"));
    }
    s.push_str("</capabilities>\n");
    s
}
