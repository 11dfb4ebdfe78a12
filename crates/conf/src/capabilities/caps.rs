//! The capabilities document (`virCaps`) and the test driver's instance of it.

use rvirt_core::error::VirError;

use super::guest::{GuestCaps, GuestDomain};
use super::host::{CellCpu, HostCaps, NumaCell, SecModel};
use crate::xml::{Attrs, XmlWriter};

/// `<capabilities>`, as `virConnectGetCapabilities` returns it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Capabilities {
    pub host: HostCaps,
    pub guests: Vec<GuestCaps>,
}

impl Capabilities {
    /// Formats the document (`virCapabilitiesFormatXML`): blank lines around host and guests.
    pub fn format(&self) -> String {
        let mut w = XmlWriter::new();
        w.open("capabilities", Attrs::new());
        w.raw("\n");
        self.host.format(&mut w);
        w.raw("\n");
        for g in &self.guests {
            g.format(&mut w);
            w.raw("\n");
        }
        w.close("capabilities");
        w.finish()
    }

    /// The host capabilities of libvirt's test driver (`test:///default`): an i686 host with
    /// two NUMA cells of eight CPUs, and hvm and xen guests.
    pub fn test_driver_default() -> Capabilities {
        let cell = |id: u32, memory_kib: u64, small_page: u32| NumaCell {
            id,
            memory_kib,
            pages: vec![(small_page, 524_288), (2048, 0), (1_048_576, 0)],
            cpus: (0..8)
                .map(|core| {
                    let cpu = id * 8 + core;
                    CellCpu {
                        id: cpu,
                        socket_id: id,
                        die_id: 0,
                        core_id: core,
                        siblings: cpu.to_string(),
                    }
                })
                .collect(),
        };
        let features = vec!["pae".to_string(), "nonpae".to_string()];
        let guest = |os: &str| GuestCaps {
            os_type: os.to_string(),
            arch: "i686".to_string(),
            wordsize: 32,
            emulator: Some("/usr/bin/test-hv".to_string()),
            machines: Vec::new(),
            domains: vec![GuestDomain {
                domain_type: "test".to_string(),
                emulator: None,
                machines: Vec::new(),
            }],
            features: features.clone(),
        };
        Capabilities {
            host: HostCaps {
                uuid: None,
                arch: "i686".to_string(),
                cpu_features: features.clone(),
                page_sizes: vec![4, 8, 2048, 1_048_576],
                power_management: Vec::new(),
                iommu: false,
                cells: vec![cell(0, 2_097_152, 4), cell(1, 4_194_304, 8)],
                secmodels: vec![SecModel {
                    model: "testSecurity".to_string(),
                    doi: String::new(),
                    base_labels: Vec::new(),
                }],
            },
            guests: vec![guest("hvm"), guest("xen")],
        }
    }
}

/// What the test driver answers to `virConnectGetDomainCapabilities`: it does not implement
/// it (`virsh domcapabilities` prints "failed to get emulator capabilities" on top).
pub fn domain_capabilities_test_default() -> Result<String, VirError> {
    Err(VirError::no_support("virConnectGetDomainCapabilities"))
}
