//! `virDomainDef`: the typed domain model and its parse/format options.

use super::element::Element;

/// `<domain>`: a domain definition (libvirt's `virDomainDef`).
///
/// Core elements are typed; elements without a dedicated model are kept as [`Element`] trees
/// (already normalised to libvirt's canonical form) and re-emitted in libvirt's order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DomainDef {
    /// `<domain type=…>`: the hypervisor type (`kvm`, `qemu`, `test`, `lxc`, …).
    pub virt_type: String,
    pub name: String,
    pub uuid: [u8; 16],
    pub title: Option<String>,
    pub description: Option<String>,
    /// Namespaced children of `<metadata>`, kept verbatim.
    pub metadata: Vec<Element>,
    /// `<memory>` in KiB.
    pub max_memory_kib: u64,
    /// `<currentMemory>` in KiB.
    pub current_memory_kib: u64,
    /// `<memory dumpCore=…>`.
    pub memory_dump_core: Option<String>,
    /// `<maxMemory slots=…>` in KiB with its slot count.
    pub hotplug_memory: Option<(u64, u32)>,
    /// `<vcpu>` maximum.
    pub vcpus_max: u32,
    /// `<vcpu current=…>`.
    pub vcpus_current: u32,
    /// `<vcpu placement=…>` (`static` or `auto`).
    pub vcpu_placement: String,
    /// `<vcpu cpuset=…>`.
    pub vcpu_cpuset: Option<String>,
    /// `<os><type>`: `hvm`, `linux`, `exe`, `xen`…
    pub os_type: String,
    /// `<os><type arch=…>`.
    pub os_arch: Option<String>,
    /// `<os><type machine=…>`.
    pub os_machine: Option<String>,
    /// The `<os>` element's own attributes (e.g. `firmware`).
    pub os_attrs: Vec<(String, String)>,
    /// `<os>` children other than `<type>`, in libvirt's order.
    pub os_children: Vec<Element>,
    /// `<on_poweroff>`.
    pub on_poweroff: String,
    /// `<on_reboot>`.
    pub on_reboot: String,
    /// `<on_crash>`.
    pub on_crash: String,
    /// `<on_lockfailure>`.
    pub on_lockfailure: Option<String>,
    /// `<clock>`.
    pub clock: Element,
    /// Other top-level elements (features, cpu, cputune, pm, seclabel, …), in libvirt's order.
    pub extra: Vec<Element>,
    /// `<devices>` children, in libvirt's order (`emulator` included).
    pub devices: Vec<Element>,
}

/// Options for [`DomainDef::parse`] (`virDomainDefParseString` flags and driver hooks).
#[derive(Debug, Clone, Default)]
pub struct ParseOptions {
    /// `VIR_DOMAIN_DEFINE_VALIDATE`: validate against the schema (accepted, currently a no-op).
    pub validate: bool,
    /// `VIR_DOMAIN_DEF_PARSE_INACTIVE`-like: ignore live-only data (`id`, aliases of live state).
    pub inactive: bool,
    /// The driver's defaults and checks; `None` means the test driver's ([`TestDriverHooks`]).
    ///
    /// [`TestDriverHooks`]: super::TestDriverHooks
    pub hooks: Option<std::sync::Arc<dyn super::DriverHooks>>,
}

impl ParseOptions {
    /// The hooks in effect ([`TestDriverHooks`](super::TestDriverHooks) when none are set).
    pub fn driver_hooks(&self) -> &dyn super::DriverHooks {
        match &self.hooks {
            Some(h) => h.as_ref(),
            None => &super::TestDriverHooks,
        }
    }
}

/// Options for [`DomainDef::format`] (`virDomainDefFormat` flags).
#[derive(Debug, Clone, Default)]
pub struct FormatOptions {
    /// `VIR_DOMAIN_XML_INACTIVE`.
    pub inactive: bool,
    /// `VIR_DOMAIN_XML_SECURE`: include passwords.
    pub secure: bool,
    /// Live domain id, printed as `<domain type='x' id='N'>` when not inactive.
    pub id: Option<i32>,
    /// `VIR_DOMAIN_XML_MIGRATABLE`.
    pub migratable: bool,
}

/// One `<disk>` as the test driver needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiskInfo {
    /// `<target dev>`.
    pub target: String,
    /// `<source file|dev|dir|name|volume>`.
    pub source: Option<String>,
    /// `<target bus>`.
    pub bus: Option<String>,
    /// `<disk device>` (`disk`, `cdrom`, `floppy`, `lun`).
    pub device: String,
    /// `<disk type>` (`file`, `block`, `network`, …).
    pub disk_type: String,
}

/// One `<interface>` as the test driver needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterfaceInfo {
    /// `<interface type>`.
    pub net_type: String,
    /// `<mac address>`.
    pub mac: Option<String>,
    /// `<source network>`.
    pub source_network: Option<String>,
    /// `<source bridge>`.
    pub source_bridge: Option<String>,
    /// `<target dev>`.
    pub target_dev: Option<String>,
    /// `<model type>`.
    pub model: Option<String>,
}
