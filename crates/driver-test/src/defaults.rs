//! Facts of libvirt's `test:///default`: its node document, host data and fixed answers.

use rvirt_conf::capabilities::Capabilities;
use rvirt_core::info::NodeInfo;

/// The objects `test:///default` starts with, in the `<node>` format `test:///PATH` files use
/// (its node devices come from conf's `NodeDeviceDef::test_driver_defaults`).
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
        <source network='default'/>
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
</node>
"#;

/// The order `virConnectListAllNodeDevices` showed the default devices in. libvirt keeps them
/// in a hash table seeded randomly per process, so any order is "right"; this one is the
/// order observed on libvirt 9.0 and is kept stable here.
pub const DEFAULT_NODEDEV_ORDER: [&str; 4] =
    ["computer", "scsi_host11", "scsi_host2", "scsi_host1"];

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

/// `testBuildCapabilities`: conf's test-driver capabilities with this instance's NUMA cells
/// (memory KiB each; a node file has none).
pub fn capabilities(cells: &[(u64, u64)]) -> Capabilities {
    let mut caps = Capabilities::test_driver_default();
    caps.host.cells.truncate(cells.len());
    for (cell, (mem, _)) in caps.host.cells.iter_mut().zip(cells) {
        cell.memory_kib = *mem;
        if let Some(first) = cell.pages.first_mut() {
            first.1 = *mem / u64::from(first.0.max(1));
        }
    }
    caps
}
