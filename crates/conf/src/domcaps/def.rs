//! The `<domainCapabilities>` document (`virDomainCaps`): model, parse and format.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::cpu::CpuCaps;
use super::enums::{supported, EnumBlock};
use super::features::FeaturesCaps;
use super::os::OsCaps;
use crate::xml::ident::{expect_root, invalid_attr, missing_attr};
use crate::xml::values::yes_no;
use crate::xml::{parse_document, Attrs, NodeExt, XmlWriter};

const DOM: ErrorDomain = ErrorDomain::Capabilities;

/// One device kind under `<devices>` (`<disk>`, `<graphics>`, `<video>`, `<hostdev>`,
/// `<rng>`, `<filesystem>`, `<tpm>`, `<redirdev>`, `<channel>`, `<crypto>` …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceCaps {
    /// The element name, e.g. `disk`.
    pub name: String,
    pub block: EnumBlock,
}

impl DeviceCaps {
    /// A device element named `name`.
    pub fn new(name: &str, block: EnumBlock) -> DeviceCaps {
        DeviceCaps {
            name: name.to_string(),
            block,
        }
    }
}

/// `<domainCapabilities>`, as `virConnectGetDomainCapabilities` returns it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DomainCapsDef {
    /// `<path>`: the emulator binary.
    pub path: String,
    /// `<domain>`: the virt type (`qemu`, `kvm`).
    pub domain: String,
    pub machine: Option<String>,
    pub arch: String,
    /// `<vcpu max='…'/>`.
    pub vcpu_max: Option<u32>,
    /// `<iothreads supported='…'/>`.
    pub iothreads: Option<bool>,
    pub os: Option<OsCaps>,
    pub cpu: Option<CpuCaps>,
    pub memory_backing: Option<EnumBlock>,
    /// `<devices>` children in document order.
    pub devices: Vec<DeviceCaps>,
    pub features: FeaturesCaps,
}

fn required_text(root: roxmltree::Node, name: &str) -> VirResult<String> {
    root.child_text(name).map(str::to_string).ok_or_else(|| {
        VirError::new(
            ErrorCode::XmlError,
            DOM,
            format!("missing element '{name}' in domainCapabilities"),
        )
    })
}

impl DomainCapsDef {
    /// The `<devices>` entry named `name` (e.g. `disk`), if present.
    pub fn device(&self, name: &str) -> Option<&EnumBlock> {
        self.devices
            .iter()
            .find(|d| d.name == name)
            .map(|d| &d.block)
    }

    /// Formats the document (`virDomainCapsFormat`), byte-identical to libvirt.
    pub fn format(&self) -> String {
        let mut w = XmlWriter::new();
        w.open("domainCapabilities", Attrs::new());
        w.text("path", Attrs::new(), &self.path);
        w.text("domain", Attrs::new(), &self.domain);
        w.opt_text("machine", self.machine.as_deref());
        w.text("arch", Attrs::new(), &self.arch);
        if let Some(max) = self.vcpu_max {
            w.empty("vcpu", Attrs::new().add("max", max));
        }
        if let Some(io) = self.iothreads {
            w.empty("iothreads", Attrs::new().add("supported", yes_no(io)));
        }
        if let Some(os) = &self.os {
            os.format(&mut w);
        }
        if let Some(cpu) = &self.cpu {
            cpu.format(&mut w);
        }
        if let Some(mb) = &self.memory_backing {
            mb.format(&mut w, "memoryBacking", Attrs::new());
        }
        w.open("devices", Attrs::new());
        for d in &self.devices {
            d.block.format(&mut w, &d.name, Attrs::new());
        }
        w.close("devices");
        self.features.format(&mut w);
        w.close("domainCapabilities");
        w.finish()
    }

    /// Parses a `<domainCapabilities>` document (e.g. a client reading
    /// `virConnectGetDomainCapabilities` output); `format` of the result gives it back.
    pub fn parse(xml: &str) -> VirResult<DomainCapsDef> {
        let doc = parse_document(xml, "domain_capabilities", DOM)?;
        let root = doc.root_element();
        expect_root(root, "domainCapabilities", DOM)?;
        let vcpu_max = match root.child("vcpu") {
            None => None,
            Some(v) => {
                let max = v.attr("max").ok_or_else(|| missing_attr("max", "vcpu"))?;
                Some(max.parse().map_err(|_| invalid_attr("max", "vcpu", max))?)
            }
        };
        let devices = match root.child("devices") {
            None => Vec::new(),
            Some(d) => d
                .children()
                .filter(|c| c.is_element())
                .map(|c| {
                    Ok(DeviceCaps {
                        name: c.tag_name().name().to_string(),
                        block: EnumBlock::parse(c)?,
                    })
                })
                .collect::<VirResult<Vec<_>>>()?,
        };
        Ok(DomainCapsDef {
            path: required_text(root, "path")?,
            domain: required_text(root, "domain")?,
            machine: root.child_text("machine").map(str::to_string),
            arch: required_text(root, "arch")?,
            vcpu_max,
            iothreads: root.child("iothreads").map(supported).transpose()?,
            os: root.child("os").map(OsCaps::parse).transpose()?,
            cpu: root.child("cpu").map(CpuCaps::parse).transpose()?,
            memory_backing: root
                .child("memoryBacking")
                .map(EnumBlock::parse)
                .transpose()?,
            devices,
            features: root
                .child("features")
                .map(FeaturesCaps::parse)
                .transpose()?
                .unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domcaps::CapsEnum;

    const SMALL: &str = "<domainCapabilities>\n  <path>/usr/bin/qemu-system-x86_64</path>\n  \
        <domain>qemu</domain>\n  <machine>pc-q35-7.2</machine>\n  <arch>x86_64</arch>\n  \
        <vcpu max='288'/>\n  <iothreads supported='yes'/>\n  <os supported='yes'>\n    \
        <enum name='firmware'/>\n    <loader supported='no'/>\n  </os>\n  <cpu>\n    \
        <mode name='host-passthrough' supported='no'/>\n    <mode name='custom' supported='yes'>\n      \
        <model usable='unknown'>qemu64</model>\n    </mode>\n  </cpu>\n  <devices>\n    \
        <disk supported='yes'>\n      <enum name='bus'>\n        <value>virtio</value>\n      \
        </enum>\n    </disk>\n    <hostdev supported='no'/>\n  </devices>\n  <features>\n    \
        <gic supported='no'/>\n    <sev supported='no'/>\n  </features>\n</domainCapabilities>\n";

    #[test]
    fn round_trips_a_small_document() {
        let d = DomainCapsDef::parse(SMALL).unwrap();
        assert_eq!(d.vcpu_max, Some(288));
        assert_eq!(
            d.device("disk").and_then(|b| b.get("bus")),
            Some(&CapsEnum::new("bus", &["virtio"]))
        );
        assert_eq!(d.format(), SMALL);
    }

    #[test]
    fn rejects_wrong_root_and_bad_attributes() {
        assert!(DomainCapsDef::parse("<capabilities/>").is_err());
        let bad = SMALL.replace("max='288'", "max='x'");
        assert!(DomainCapsDef::parse(&bad).is_err());
        let bad = SMALL.replace(
            "<iothreads supported='yes'/>",
            "<iothreads supported='maybe'/>",
        );
        assert!(DomainCapsDef::parse(&bad).is_err());
        assert!(DomainCapsDef::parse("<domainCapabilities><path/></domainCapabilities>").is_err());
    }
}
