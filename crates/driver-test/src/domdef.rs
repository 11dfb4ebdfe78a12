//! What the driver reads and changes in a `<domain>` (`virDomainDef` accessors the test driver
//! uses), on top of `rvirt_conf::domain::DomainDef`.

use rvirt_conf::domain::units::to_kib;
use rvirt_conf::domain::{
    DiskInfo, DomainDef, Element, FormatOptions, InterfaceInfo, ParseOptions,
};
use rvirt_conf::xml::XmlWriter;
use rvirt_core::error::VirResult;
use rvirt_core::handle::Uuid;

/// `virDomainDefParseString` as the test driver calls it: `inactive` for define
/// (`VIR_DOMAIN_DEF_PARSE_INACTIVE`), `validate` for `VIR_DOMAIN_DEFINE_VALIDATE` /
/// `VIR_DOMAIN_START_VALIDATE`.
pub fn parse_domain(xml: &str, inactive: bool, validate: bool) -> VirResult<DomainDef> {
    DomainDef::parse(
        xml,
        &ParseOptions {
            validate,
            inactive,
            ..Default::default()
        },
    )
}

/// `VIR_DOMAIN_MEMORY_PARAM_UNLIMITED`.
pub const MEMORY_UNLIMITED: u64 = 9_007_199_254_740_991;

/// Drops the namespace prefix of an element and its descendants.
fn strip_ns(e: &mut Element) {
    if let Some((_, local)) = e.name.split_once(':') {
        e.name = local.to_string();
    }
    e.ns = None;
    for c in e.children.iter_mut() {
        strip_ns(c);
    }
}

fn text_element(name: &str, text: String) -> Element {
    let mut e = Element::new(name);
    e.text = Some(text);
    e
}

fn kib_element(name: &str, kib: u64) -> Element {
    let mut e = text_element(name, kib.to_string());
    e.set_attr("unit", "KiB");
    e
}

/// Driver-side accessors and setters on a domain definition.
pub trait DomainDefExt {
    /// `virDomainDefFormat`: live (with `id`) or inactive XML.
    fn xml(&self, id: Option<i32>, inactive: bool, secure: bool) -> String;
    fn uuid_ref(&self) -> Uuid;
    fn vcpus(&self) -> u32;
    /// Sets the current vCPU count.
    fn set_vcpus(&mut self, n: u32);
    /// Sets the maximum vCPU count, lowering the current count if needed.
    fn set_vcpus_max(&mut self, n: u32);
    /// `<on_poweroff>` / `<on_reboot>` / `<on_crash>` action name.
    fn lifecycle_action(&self, which: &str) -> &str;
    fn set_lifecycle_action(&mut self, which: &str, action: &str);
    /// Finds a disk by target name or source path (`virDomainDiskByName`).
    fn disk_by_name(&self, name: &str) -> Option<DiskInfo>;
    /// Finds an interface by ifname or MAC (`virDomainNetFind`).
    fn net_find(&self, device: &str) -> Option<InterfaceInfo>;
    /// A `<memballoon>` other than `model='none'` is present.
    fn has_memballoon(&self) -> bool;
    /// A top-level element kept verbatim (`memtune`, `blkiotune`, `cputune`, …).
    fn extra_element(&self, name: &str) -> Option<&Element>;
    /// `virDomainGetMetadata(VIR_DOMAIN_METADATA_ELEMENT)`: the element in namespace `uri` with
    /// its namespace removed (`virXMLExtractNamespaceXML`), e.g. `<a x="1"/>`.
    fn metadata_plain(&self, uri: &str) -> VirResult<String>;
    /// A `<memtune>` limit in KiB (unset = unlimited).
    fn memtune(&self, which: &str) -> u64;
    fn set_memtune(&mut self, which: &str, kib: u64);
    /// `<blkiotune><weight>`.
    fn blkio_weight(&self) -> u32;
    fn set_blkio_weight(&mut self, weight: u32);
}

impl DomainDefExt for DomainDef {
    fn xml(&self, id: Option<i32>, inactive: bool, secure: bool) -> String {
        self.format(&FormatOptions {
            inactive,
            secure,
            id: if inactive { None } else { id },
            migratable: false,
        })
    }

    fn uuid_ref(&self) -> Uuid {
        Uuid(self.uuid)
    }

    fn vcpus(&self) -> u32 {
        self.vcpus_current
    }

    fn set_vcpus(&mut self, n: u32) {
        self.vcpus_current = n.min(self.vcpus_max);
    }

    fn set_vcpus_max(&mut self, n: u32) {
        self.vcpus_max = n;
        self.vcpus_current = self.vcpus_current.min(n);
    }

    fn lifecycle_action(&self, which: &str) -> &str {
        match which {
            "on_poweroff" => &self.on_poweroff,
            "on_reboot" => &self.on_reboot,
            _ => &self.on_crash,
        }
    }

    fn set_lifecycle_action(&mut self, which: &str, action: &str) {
        let slot = match which {
            "on_poweroff" => &mut self.on_poweroff,
            "on_reboot" => &mut self.on_reboot,
            _ => &mut self.on_crash,
        };
        *slot = action.to_string();
    }

    fn disk_by_name(&self, name: &str) -> Option<DiskInfo> {
        self.disks()
            .into_iter()
            .find(|d| d.target == name || d.source.as_deref() == Some(name))
    }

    fn net_find(&self, device: &str) -> Option<InterfaceInfo> {
        self.interfaces().into_iter().find(|n| {
            n.mac
                .as_deref()
                .is_some_and(|m| m.eq_ignore_ascii_case(device))
                || n.target_dev.as_deref() == Some(device)
        })
    }

    fn has_memballoon(&self) -> bool {
        self.devices
            .iter()
            .any(|d| d.name == "memballoon" && d.attr("model") != Some("none"))
    }

    fn extra_element(&self, name: &str) -> Option<&Element> {
        self.extra.iter().find(|e| e.name == name)
    }

    fn metadata_plain(&self, uri: &str) -> VirResult<String> {
        // conf's own getter reports the missing-element error; reuse it for the wording.
        self.metadata_element(uri)?;
        let Some(found) = self.metadata.iter().find(|m| m.ns.as_deref() == Some(uri)) else {
            return self.metadata_element(uri);
        };
        let mut e = found.clone();
        strip_ns(&mut e);
        let mut w = XmlWriter::new();
        e.write_libxml(&mut w, false);
        Ok(w.finish().trim_end().to_string())
    }

    fn memtune(&self, which: &str) -> u64 {
        self.extra_element("memtune")
            .and_then(|m| m.child(which))
            .and_then(|e| to_kib(e.text.as_deref()?.trim(), e.attr("unit"), "KiB"))
            .unwrap_or(MEMORY_UNLIMITED)
    }

    fn set_memtune(&mut self, which: &str, kib: u64) {
        let mut mt = self
            .extra_element("memtune")
            .cloned()
            .unwrap_or_else(|| Element::new("memtune"));
        mt.remove_children(which);
        if kib != MEMORY_UNLIMITED {
            mt.children.push(kib_element(which, kib));
        }
        mt.order_children(&[
            "hard_limit",
            "soft_limit",
            "swap_hard_limit",
            "min_guarantee",
        ]);
        self.extra.retain(|e| e.name != "memtune");
        if !mt.children.is_empty() {
            self.extra.push(mt);
        }
        self.sort_extras();
    }

    fn blkio_weight(&self) -> u32 {
        self.extra_element("blkiotune")
            .and_then(|b| b.child("weight"))
            .and_then(|w| w.text.as_deref()?.trim().parse().ok())
            .unwrap_or(0)
    }

    fn set_blkio_weight(&mut self, weight: u32) {
        let mut b = self
            .extra_element("blkiotune")
            .cloned()
            .unwrap_or_else(|| Element::new("blkiotune"));
        b.remove_children("weight");
        if weight > 0 {
            b.children
                .insert(0, text_element("weight", weight.to_string()));
        }
        self.extra.retain(|e| e.name != "blkiotune");
        if !b.children.is_empty() {
            self.extra.push(b);
        }
        self.sort_extras();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rvirt_conf::domain::ParseOptions;

    #[test]
    fn tunables_round_trip_through_conf() {
        let mut d = DomainDef::parse(
            "<domain type='test'><name>b</name><memory unit='MiB'>512</memory>\
             <currentMemory unit='MiB'>256</currentMemory><vcpu current='1'>4</vcpu>\
             <os><type>hvm</type></os></domain>",
            &ParseOptions::default(),
        )
        .unwrap();
        assert_eq!((d.max_memory_kib, d.current_memory_kib), (524288, 262144));
        assert_eq!((d.vcpus(), d.vcpus_max), (1, 4));
        assert_eq!(d.memtune("hard_limit"), MEMORY_UNLIMITED);
        d.set_memtune("hard_limit", 1024);
        d.set_blkio_weight(500);
        d.set_vcpus_max(2);
        d.set_vcpus(2);
        let xml = d.xml(Some(3), true, false);
        assert!(!xml.contains("id='3'"));
        assert!(xml.contains("<vcpu placement='static'>2</vcpu>"));
        assert!(xml.contains("<memtune>\n    <hard_limit unit='KiB'>1024</hard_limit>"));
        assert!(xml.contains("<blkiotune>\n    <weight>500</weight>"));
        assert_eq!((d.memtune("hard_limit"), d.blkio_weight()), (1024, 500));
    }
}
