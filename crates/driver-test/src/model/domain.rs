//! FALLBACK domain model (`<domain>`) until `rvirt_conf::domain::DomainDef` is exported:
//! keeps the document as an element tree, applies the post-parse defaults libvirt's test
//! driver shows for common documents, and formats it in libvirt's element order.
//! Replace with the conf model when it lands (only this file needs to change).

use crate::errors::xml_error;
use crate::xmltree::{self, Element};
use rvirt_core::error::{ErrorDomain, VirResult};
use rvirt_core::handle::Uuid;

const DOM: ErrorDomain = ErrorDomain::Domain;

/// `VIR_DOMAIN_MEMORY_PARAM_UNLIMITED`.
pub const MEMORY_UNLIMITED: u64 = 9_007_199_254_740_991;

const TOP_ORDER: &[&str] = &[
    "name",
    "uuid",
    "genid",
    "title",
    "description",
    "metadata",
    "maxMemory",
    "memory",
    "currentMemory",
    "blkiotune",
    "memtune",
    "memoryBacking",
    "vcpu",
    "vcpus",
    "iothreads",
    "cputune",
    "numatune",
    "resource",
    "sysinfo",
    "bootloader",
    "bootloader_args",
    "os",
    "features",
    "cpu",
    "clock",
    "on_poweroff",
    "on_reboot",
    "on_crash",
    "pm",
    "perf",
    "devices",
    "seclabel",
];

/// One `<interface>` as the driver needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetInfo {
    pub net_type: String,
    pub mac: String,
    pub ifname: Option<String>,
    pub network: Option<String>,
}

/// A domain definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainDef {
    pub root: Element,
}

fn unit_scale(unit: &str) -> Option<u64> {
    Some(match unit {
        "b" | "bytes" => 1,
        "KB" => 1000,
        "k" | "K" | "KiB" => 1024,
        "MB" => 1_000_000,
        "m" | "M" | "MiB" => 1 << 20,
        "GB" => 1_000_000_000,
        "g" | "G" | "GiB" => 1 << 30,
        "TB" => 1_000_000_000_000,
        "t" | "T" | "TiB" => 1 << 40,
        _ => return None,
    })
}

/// Reads a scaled memory element into KiB (rounding up, as `virDomainParseMemory`).
fn memory_kib(el: &Element) -> VirResult<u64> {
    let text = el.text.as_deref().unwrap_or("").trim();
    let value: u64 = text.parse().map_err(|_| {
        xml_error(
            DOM,
            format!("invalid value '{text}' for element '{}'", el.name),
        )
    })?;
    let unit = el.attr("unit").unwrap_or("KiB");
    let scale =
        unit_scale(unit).ok_or_else(|| xml_error(DOM, format!("unknown suffix '{unit}'")))?;
    let bytes = value.saturating_mul(scale);
    Ok(bytes.div_ceil(1024))
}

fn parse_hex_or_dec(s: &str) -> Option<u64> {
    match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        Some(h) => u64::from_str_radix(h, 16).ok(),
        None => s.parse().ok(),
    }
}

fn normalize_pci(addr: &mut Element) {
    if addr.attr("type") != Some("pci") {
        return;
    }
    let fmt = |v: u64, width: usize| format!("0x{v:0width$x}");
    for (name, width) in [("domain", 4), ("bus", 2), ("slot", 2), ("function", 1)] {
        let v = addr.attr(name).and_then(parse_hex_or_dec).unwrap_or(0);
        addr.set_attr(name, fmt(v, width));
    }
    addr.order_attrs(&["type", "domain", "bus", "slot", "function", "multifunction"]);
}

fn random_mac() -> String {
    let u = Uuid::generate().0;
    format!("52:54:00:{:02x}:{:02x}:{:02x}", u[0], u[1], u[2])
}

impl DomainDef {
    /// Parses a `<domain>` document and fills libvirt's post-parse defaults.
    pub fn parse(xml: &str) -> VirResult<DomainDef> {
        let root = xmltree::parse(xml, "domain_definition", DOM)?;
        Self::from_element(root)
    }

    /// Builds the model from a `<domain>` element.
    pub fn from_element(mut root: Element) -> VirResult<DomainDef> {
        if root.name != "domain" {
            return Err(xml_error(
                DOM,
                format!(
                    "unexpected root element <{}>, expecting <domain>",
                    root.name
                ),
            ));
        }
        root.remove_attr("id");
        root.order_attrs(&["type"]);
        // Test-driver namespace elements are driver input, never output.
        root.children.retain(|c| {
            !matches!(
                c.name.as_str(),
                "transient" | "hasmanagedsave" | "runstate" | "domainsnapshot"
            )
        });
        let name = root.child_text("name").unwrap_or("").to_string();
        if name.is_empty() {
            return Err(xml_error(DOM, "missing name"));
        }
        let uuid = match root.child_text("uuid") {
            Some(s) => Uuid::parse(s).ok_or_else(|| xml_error(DOM, "malformed uuid element"))?,
            None => Uuid::generate(),
        };
        root.set_child(Element::with_text("uuid", uuid.to_string()));

        let mem = match root.child("memory") {
            Some(m) => memory_kib(m)?,
            None => 0,
        };
        root.set_child(kib_element("memory", mem));
        let cur = match root.child("currentMemory") {
            Some(m) => memory_kib(m)?.min(mem),
            None => mem,
        };
        root.set_child(kib_element("currentMemory", cur));

        let mut vcpu = root
            .child("vcpu")
            .cloned()
            .unwrap_or_else(|| Element::with_text("vcpu", "1"));
        if vcpu.attr("placement").is_none() {
            vcpu.set_attr("placement", "static");
        }
        if vcpu.text.is_none() {
            vcpu.text = Some("1".into());
        }
        vcpu.order_attrs(&["placement", "cpuset", "current"]);
        root.set_child(vcpu);

        let mut os = root
            .child("os")
            .cloned()
            .unwrap_or_else(|| Element::new("os"));
        if let Some(t) = os.child_mut("type") {
            if t.attr("arch").is_none() {
                t.set_attr("arch", "i686");
            }
            t.order_attrs(&["arch", "machine"]);
        }
        if os.child("boot").is_none() && os.child("kernel").is_none() {
            let mut boot = Element::new("boot");
            boot.set_attr("dev", "hd");
            os.children.push(boot);
        }
        root.set_child(os);
        if root.child("clock").is_none() {
            let mut clock = Element::new("clock");
            clock.set_attr("offset", "utc");
            root.children.push(clock);
        }
        for (name, default) in [
            ("on_poweroff", "destroy"),
            ("on_reboot", "restart"),
            ("on_crash", "destroy"),
        ] {
            if root.child(name).is_none() {
                root.children.push(Element::with_text(name, default));
            }
        }
        if root.child("devices").is_none() {
            root.children.push(Element::new("devices"));
        }
        if let Some(devs) = root.child_mut("devices") {
            normalize_devices(devs);
        }
        root.order_children(TOP_ORDER);
        let mut def = DomainDef { root };
        def.generate_ifnames();
        Ok(def)
    }

    /// Formats as `virDomainDefFormat`; `id` is the live id (`None` for inactive output).
    pub fn format(&self, id: Option<i32>) -> String {
        let mut root = self.root.clone();
        if let Some(id) = id {
            root.set_attr("id", id.to_string());
            root.order_attrs(&["type", "id"]);
        }
        if let Some(devs) = root.child_mut("devices") {
            if devs.children.is_empty() {
                // libvirt always opens and closes <devices> on separate lines.
                let mut s = String::new();
                root.write(&mut s, 0);
                return s.replace("  <devices/>\n", "  <devices>\n  </devices>\n");
            }
        }
        root.to_xml()
    }

    pub fn name(&self) -> &str {
        self.root.child_text("name").unwrap_or("")
    }

    pub fn set_name(&mut self, name: &str) {
        self.root.set_child(Element::with_text("name", name));
    }

    pub fn uuid(&self) -> Uuid {
        self.root
            .child_text("uuid")
            .and_then(Uuid::parse)
            .unwrap_or_default()
    }

    pub fn memory_kib(&self) -> u64 {
        self.kib_of("memory")
    }

    pub fn current_memory_kib(&self) -> u64 {
        self.kib_of("currentMemory")
    }

    fn kib_of(&self, name: &str) -> u64 {
        self.root
            .child_text(name)
            .and_then(|t| t.parse().ok())
            .unwrap_or(0)
    }

    pub fn set_memory_kib(&mut self, kib: u64) {
        self.root.set_child(kib_element("memory", kib));
    }

    pub fn set_current_memory_kib(&mut self, kib: u64) {
        self.root.set_child(kib_element("currentMemory", kib));
    }

    /// Maximum vCPUs (`<vcpu>` text).
    pub fn vcpus_max(&self) -> u32 {
        self.root
            .child_text("vcpu")
            .and_then(|t| t.parse().ok())
            .unwrap_or(1)
    }

    /// Current vCPUs (`current=` or the maximum).
    pub fn vcpus(&self) -> u32 {
        self.root
            .child("vcpu")
            .and_then(|v| v.attr("current"))
            .and_then(|c| c.parse().ok())
            .unwrap_or_else(|| self.vcpus_max())
    }

    /// Sets the current vCPU count (`current=` dropped when equal to the maximum).
    pub fn set_vcpus(&mut self, n: u32) {
        let max = self.vcpus_max();
        if let Some(v) = self.root.child_mut("vcpu") {
            if n == max {
                v.remove_attr("current");
            } else {
                v.set_attr("current", n.to_string());
            }
        }
    }

    /// Sets the maximum vCPU count, lowering the current count if needed.
    pub fn set_vcpus_max(&mut self, n: u32) {
        let cur = self.vcpus().min(n);
        if let Some(v) = self.root.child_mut("vcpu") {
            v.text = Some(n.to_string());
        }
        self.set_vcpus(cur);
    }

    /// `<on_poweroff>` / `<on_reboot>` / `<on_crash>` action name.
    pub fn lifecycle_action(&self, which: &str) -> &str {
        self.root.child_text(which).unwrap_or("destroy")
    }

    pub fn set_lifecycle_action(&mut self, which: &str, action: &str) {
        self.root.set_child(Element::with_text(which, action));
        self.root.order_children(TOP_ORDER);
    }

    fn devices(&self) -> impl Iterator<Item = &Element> {
        self.root
            .child("devices")
            .into_iter()
            .flat_map(|d| d.children.iter())
    }

    /// Disks as (target dev, source path).
    pub fn disks(&self) -> Vec<(String, Option<String>)> {
        self.devices()
            .filter(|d| d.name == "disk")
            .map(|d| {
                let dst = d
                    .child("target")
                    .and_then(|t| t.attr("dev"))
                    .unwrap_or("")
                    .to_string();
                let src = d.child("source").and_then(|s| {
                    s.attr("file")
                        .or_else(|| s.attr("dev"))
                        .or_else(|| s.attr("dir"))
                        .or_else(|| s.attr("name"))
                        .map(str::to_string)
                });
                (dst, src)
            })
            .collect()
    }

    /// Finds a disk by target name or source path (`virDomainDiskByName`).
    pub fn disk_by_name(&self, name: &str) -> Option<(String, Option<String>)> {
        self.disks()
            .into_iter()
            .find(|(dst, src)| dst == name || src.as_deref() == Some(name))
    }

    pub fn nets(&self) -> Vec<NetInfo> {
        self.devices()
            .filter(|d| d.name == "interface")
            .map(|d| NetInfo {
                net_type: d.attr("type").unwrap_or("").to_string(),
                mac: d
                    .child("mac")
                    .and_then(|m| m.attr("address"))
                    .unwrap_or("")
                    .to_string(),
                ifname: d
                    .child("target")
                    .and_then(|t| t.attr("dev"))
                    .map(str::to_string),
                network: d
                    .child("source")
                    .and_then(|s| s.attr("network"))
                    .map(str::to_string),
            })
            .collect()
    }

    /// Finds an interface by ifname or MAC (`virDomainNetFind`).
    pub fn net_find(&self, device: &str) -> Option<NetInfo> {
        let lower = device.to_ascii_lowercase();
        self.nets()
            .into_iter()
            .find(|n| n.mac.eq_ignore_ascii_case(&lower) || n.ifname.as_deref() == Some(device))
    }

    pub fn has_memballoon(&self) -> bool {
        self.devices()
            .any(|d| d.name == "memballoon" && d.attr("model") != Some("none"))
    }

    /// `testDomainGenerateIfnames`: gives each interface without a target a `testnetN` name.
    pub fn generate_ifnames(&mut self) {
        let mut used: Vec<String> = self.nets().into_iter().filter_map(|n| n.ifname).collect();
        let Some(devs) = self.root.child_mut("devices") else {
            return;
        };
        for iface in devs.children.iter_mut().filter(|d| d.name == "interface") {
            if iface.child("target").and_then(|t| t.attr("dev")).is_some() {
                continue;
            }
            let Some(n) = (0..1024).find(|n| !used.contains(&format!("testnet{n}"))) else {
                return;
            };
            let name = format!("testnet{n}");
            used.push(name.clone());
            let mut target = Element::new("target");
            target.set_attr("dev", name);
            let pos = iface
                .children
                .iter()
                .position(|c| {
                    !matches!(
                        c.name.as_str(),
                        "mac" | "source" | "vlan" | "virtualport" | "ip" | "route" | "script"
                    )
                })
                .unwrap_or(iface.children.len());
            iface.children.insert(pos, target);
        }
    }

    /// `<title>` / `<description>` text.
    pub fn text_field(&self, which: &str) -> Option<String> {
        self.root.child_text(which).map(str::to_string)
    }

    pub fn set_text_field(&mut self, which: &str, value: Option<&str>) {
        self.root.remove_children(which);
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            self.root.children.push(Element::with_text(which, v));
            self.root.order_children(TOP_ORDER);
        }
    }

    /// The `<metadata>` child element in namespace `uri` (we key on the element's `xmlns`).
    pub fn metadata(&self, uri: &str) -> Option<Element> {
        self.root
            .child("metadata")
            .and_then(|m| m.children.iter().find(|c| ns_is(c, uri)))
            .cloned()
    }

    /// Sets or removes the `<metadata>` child for `uri`.
    pub fn set_metadata(&mut self, uri: &str, value: Option<Element>) {
        let mut meta = self
            .root
            .child("metadata")
            .cloned()
            .unwrap_or_else(|| Element::new("metadata"));
        meta.children.retain(|c| !ns_is(c, uri));
        if let Some(v) = value {
            meta.children.push(v);
        }
        self.root.remove_children("metadata");
        if !meta.children.is_empty() {
            self.root.children.push(meta);
            self.root.order_children(TOP_ORDER);
        }
    }

    /// A `<memtune>` limit in KiB (unset = unlimited).
    pub fn memtune(&self, which: &str) -> u64 {
        self.root
            .child("memtune")
            .and_then(|m| m.child(which))
            .and_then(|e| memory_kib(e).ok())
            .unwrap_or(MEMORY_UNLIMITED)
    }

    pub fn set_memtune(&mut self, which: &str, kib: u64) {
        let mut mt = self
            .root
            .child("memtune")
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
        self.root.remove_children("memtune");
        if !mt.children.is_empty() {
            self.root.children.push(mt);
            self.root.order_children(TOP_ORDER);
        }
    }

    /// `<blkiotune><weight>`.
    pub fn blkio_weight(&self) -> u32 {
        self.root
            .child("blkiotune")
            .and_then(|b| b.child_text("weight"))
            .and_then(|w| w.parse().ok())
            .unwrap_or(0)
    }

    pub fn set_blkio_weight(&mut self, weight: u32) {
        let mut b = self
            .root
            .child("blkiotune")
            .cloned()
            .unwrap_or_else(|| Element::new("blkiotune"));
        b.remove_children("weight");
        if weight > 0 {
            b.children
                .insert(0, Element::with_text("weight", weight.to_string()));
        }
        self.root.remove_children("blkiotune");
        if !b.children.is_empty() {
            self.root.children.push(b);
            self.root.order_children(TOP_ORDER);
        }
    }
}

fn ns_is(el: &Element, uri: &str) -> bool {
    el.attrs
        .iter()
        .any(|(k, v)| k.starts_with("xmlns") && v == uri)
}

fn kib_element(name: &str, kib: u64) -> Element {
    let mut e = Element::with_text(name, kib.to_string());
    e.set_attr("unit", "KiB");
    e
}

fn disk_bus_for(dev: &str) -> Option<&'static str> {
    if dev.starts_with("hd") {
        Some("ide")
    } else if dev.starts_with("sd") {
        Some("scsi")
    } else if dev.starts_with("vd") {
        Some("virtio")
    } else if dev.starts_with("xvd") {
        Some("xen")
    } else if dev.starts_with("fd") {
        Some("fdc")
    } else {
        None
    }
}

fn normalize_devices(devs: &mut Element) {
    for dev in devs.children.iter_mut() {
        if let Some(addr) = dev.child_mut("address") {
            normalize_pci(addr);
        }
        match dev.name.as_str() {
            "disk" => {
                if dev.attr("device").is_none() {
                    dev.set_attr("device", "disk");
                }
                if let Some(t) = dev.child_mut("target") {
                    if t.attr("bus").is_none() {
                        if let Some(bus) = t.attr("dev").and_then(disk_bus_for) {
                            t.set_attr("bus", bus);
                        }
                    }
                    t.order_attrs(&["dev", "bus"]);
                }
            }
            "interface" => {
                if dev.child("mac").is_none() {
                    let mut mac = Element::new("mac");
                    mac.set_attr("address", random_mac());
                    dev.children.insert(0, mac);
                }
                if dev.attr("type") == Some("network") {
                    if let Some(src) = dev.child_mut("source") {
                        src.remove_attr("bridge");
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_domain_gets_defaults() {
        let d = DomainDef::parse(
            "<domain type='test'><name>foo</name><uuid>f1e18a0d-d4ef-435a-804f-eddaacc004de</uuid>\
             <memory>1048576</memory><os><type>hvm</type></os></domain>",
        )
        .unwrap();
        let want = "<domain type='test'>\n  <name>foo</name>\n  <uuid>f1e18a0d-d4ef-435a-804f-eddaacc004de</uuid>\n  <memory unit='KiB'>1048576</memory>\n  <currentMemory unit='KiB'>1048576</currentMemory>\n  <vcpu placement='static'>1</vcpu>\n  <os>\n    <type arch='i686'>hvm</type>\n    <boot dev='hd'/>\n  </os>\n  <clock offset='utc'/>\n  <on_poweroff>destroy</on_poweroff>\n  <on_reboot>restart</on_reboot>\n  <on_crash>destroy</on_crash>\n  <devices>\n  </devices>\n</domain>\n";
        assert_eq!(d.format(None), want);
    }

    #[test]
    fn memory_units_scale_to_kib() {
        let d = DomainDef::parse(
            "<domain type='test'><name>b</name><memory unit='MiB'>512</memory>\
             <currentMemory unit='MiB'>256</currentMemory><vcpu current='1'>4</vcpu></domain>",
        )
        .unwrap();
        assert_eq!(d.memory_kib(), 524288);
        assert_eq!(d.current_memory_kib(), 262144);
        assert_eq!((d.vcpus(), d.vcpus_max()), (1, 4));
        assert!(d
            .format(None)
            .contains("<vcpu placement='static' current='1'>4</vcpu>"));
    }
}
