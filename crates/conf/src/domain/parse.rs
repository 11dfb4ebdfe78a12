//! `virDomainDefParseString`: reading `<domain>` into a [`DomainDef`].

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::def::{DomainDef, ParseOptions};
use super::element::Element;
use super::units::to_kib;
use super::uuid::{generate_uuid, parse_uuid};
use super::{devices, postparse, topology, validate};
use crate::xml::parse_document;

/// `virDomainVirtType` names.
const VIRT_TYPES: &[&str] = &[
    "none",
    "qemu",
    "kqemu",
    "kvm",
    "xen",
    "lxc",
    "uml",
    "openvz",
    "test",
    "vmware",
    "hyperv",
    "vbox",
    "phyp",
    "parallels",
    "bhyve",
    "vz",
    "hvf",
];

/// `virDomainOSType` names.
const OS_TYPES: &[&str] = &["hvm", "xen", "linux", "exe", "uml", "xenpvh"];

/// Top-level elements kept as generic trees (everything else un-namespaced is ignored).
pub(crate) const TOP_ORDER: &[&str] = &[
    "genid",
    "maxMemory",
    "blkiotune",
    "memtune",
    "memoryBacking",
    "vcpus",
    "iothreads",
    "iothreadids",
    "cputune",
    "numatune",
    "resource",
    "sysinfo",
    "bootloader",
    "bootloader_args",
    "idmap",
    "features",
    "cpu",
    "pm",
    "perf",
    "seclabel",
    "keywrap",
    "launchSecurity",
];

pub(crate) fn xml_err(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::XmlError, ErrorDomain::Domain, detail)
}

/// `virXMLProp*` errors: `VIR_ERR_XML_ERROR` in the XML error domain.
pub(crate) fn prop_err(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::XmlError, ErrorDomain::Xml, detail)
}

/// `VIR_ERR_XML_DETAIL`: the message alone.
pub(crate) fn xml_detail(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::XmlDetail, ErrorDomain::Domain, detail)
}

pub(crate) fn internal(detail: impl Into<String>) -> VirError {
    VirError::internal(ErrorDomain::Domain, detail)
}

pub(crate) fn unsupported(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::ConfigUnsupported, ErrorDomain::Domain, detail)
}

fn text_of(e: &Element) -> &str {
    e.text.as_deref().unwrap_or("").trim()
}

fn memory_kib(e: &Element) -> VirResult<u64> {
    to_kib(text_of(e), e.attr("unit"), "KiB").ok_or_else(|| {
        xml_err(format!(
            "Invalid value '{}' for element or attribute './{}[1]'",
            text_of(e),
            e.name
        ))
    })
}

/// Parses the domain document (see [`DomainDef::parse`]).
pub fn parse_domain(xml: &str, opts: &ParseOptions) -> VirResult<DomainDef> {
    let doc = parse_document(xml, "domain_definition", ErrorDomain::Domain)?;
    let root = doc.root_element();
    if root.tag_name().name() != "domain" {
        return Err(xml_err(format!(
            "expecting root element of 'domain', not '{}'",
            root.tag_name().name()
        )));
    }
    let root = Element::from_node(root);
    let mut def = DomainDef::default();

    let virt_type = root
        .attr("type")
        .ok_or_else(|| internal("missing domain type attribute"))?;
    if !VIRT_TYPES.contains(&virt_type) {
        return Err(unsupported(format!("invalid domain type {virt_type}")));
    }
    def.virt_type = virt_type.to_string();

    let mut memory: Option<u64> = None;
    let mut current: Option<u64> = None;
    let mut os: Option<Element> = None;
    let mut vcpu: Option<Element> = None;
    let has_uuid = root.child("uuid").is_some();
    for child in root.children {
        if child.ns.is_some() {
            continue;
        }
        match child.name.as_str() {
            "name" => def.name = text_of(&child).to_string(),
            "uuid" => {
                def.uuid = parse_uuid(text_of(&child))
                    .ok_or_else(|| internal("malformed uuid element"))?;
            }
            "title" => def.title = child.text.filter(|t| !t.is_empty()),
            "description" => def.description = child.text.filter(|t| !t.is_empty()),
            "metadata" => {
                // one element per namespace: the first wins
                for c in child.children.into_iter().filter(|c| c.ns.is_some()) {
                    if !def.metadata.iter().any(|m| m.ns == c.ns) {
                        def.metadata.push(c);
                    }
                }
            }
            "memory" => {
                memory = Some(memory_kib(&child)?);
                def.memory_dump_core = child.attr("dumpCore").map(str::to_string);
            }
            "currentMemory" => current = Some(memory_kib(&child)?),
            "maxMemory" => {
                let slots = child
                    .attr("slots")
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0);
                def.hotplug_memory = Some((memory_kib(&child)?, slots));
            }
            "vcpu" => vcpu = Some(child),
            "os" => os = Some(child),
            "on_poweroff" => def.on_poweroff = text_of(&child).to_string(),
            "on_reboot" => def.on_reboot = text_of(&child).to_string(),
            "on_crash" => def.on_crash = text_of(&child).to_string(),
            "on_lockfailure" => def.on_lockfailure = Some(text_of(&child).to_string()),
            "clock" => def.clock = child,
            "devices" => {
                def.devices = child
                    .children
                    .into_iter()
                    .filter(|c| c.ns.is_none())
                    .collect()
            }
            n if TOP_ORDER.contains(&n) => def.extra.push(child),
            _ => {}
        }
    }

    if def.name.is_empty() {
        return Err(VirError::raw(
            ErrorCode::Other(21),
            ErrorDomain::Domain,
            "missing name information",
        ));
    }
    if def.name.contains('/') {
        return Err(xml_err(format!("name {} cannot contain '/'", def.name)));
    }
    if !has_uuid {
        def.uuid = generate_uuid();
    }

    // <os>
    let os = os.ok_or_else(|| xml_err("an os <type> must be specified"))?;
    let os = &os;
    let os_type = os
        .child("type")
        .ok_or_else(|| xml_err("an os <type> must be specified"))?;
    let t = text_of(os_type);
    if t.is_empty() {
        return Err(xml_err("an os <type> must be specified"));
    }
    if !OS_TYPES.contains(&t) {
        return Err(unsupported(format!("unknown OS type '{t}'")));
    }
    def.os_type = t.to_string();
    def.os_arch = os_type.attr("arch").map(str::to_string);
    def.os_machine = os_type.attr("machine").map(str::to_string);
    def.os_attrs = os.attrs.clone();
    def.os_children = os
        .children
        .iter()
        .filter(|c| c.name != "type")
        .cloned()
        .collect();

    // <vcpu>
    topology::parse_vcpu(&mut def, vcpu.as_ref())?;

    def.max_memory_kib = memory.unwrap_or(0);
    def.current_memory_kib = current.unwrap_or(0);

    let hooks = opts.driver_hooks();
    if def.os_arch.is_none() {
        def.os_arch = Some(hooks.default_arch(&def));
    }
    devices::parse_devices(&mut def, hooks)?;
    postparse::post_parse(&mut def, hooks)?;
    hooks.post_parse(&mut def)?;
    validate::validate(&def, hooks)?;
    hooks.validate(&def)?;
    Ok(def)
}
