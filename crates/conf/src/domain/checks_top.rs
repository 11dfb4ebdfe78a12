//! Post-parse checks on top-level elements libvirt refuses: `<os>` firmware, `<numatune>`,
//! `<cputune>` resctrl groups, `<seclabel>`, `<sysinfo>`, hugepages, NUMA cells.

use std::collections::BTreeSet;

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::bitmap::parse_bitmap;
use super::def::DomainDef;
use super::element::Element;
use super::parse::{prop_err, unsupported, xml_detail, xml_err};

fn extra<'a>(def: &'a DomainDef, name: &str) -> Option<&'a Element> {
    def.extra.iter().find(|e| e.name == name)
}

fn numa_cells(def: &DomainDef) -> Vec<&Element> {
    extra(def, "cpu")
        .and_then(|c| c.child("numa"))
        .map(|n| n.children.iter().filter(|c| c.name == "cell").collect())
        .unwrap_or_default()
}

/// `virDomainNumaDefParseXML`: cell ids must be `0..n` (any order), `memAccess` valid.
pub(crate) fn check_numa_cells(def: &DomainDef) -> VirResult<()> {
    let cells = numa_cells(def);
    let mut seen = BTreeSet::new();
    for c in &cells {
        let id = match c.attr("id") {
            Some(v) => v.trim().parse::<usize>().ok(),
            None => Some(seen.len()),
        };
        match id {
            Some(id) if id < cells.len() && seen.insert(id) => {}
            _ => {
                return Err(xml_err(
                    "Exactly one 'cell' element per guest NUMA cell allowed, non-contiguous ranges or ranges not starting from 0 are not allowed",
                ))
            }
        }
        if let Some(m) = c.attr("memAccess") {
            if !matches!(m, "shared" | "private") {
                return Err(prop_err(format!(
                    "Invalid value for attribute 'memAccess' in element 'cell': '{m}'."
                )));
            }
        }
    }
    Ok(())
}

/// `<os firmware>` autoselection and `<loader>`/`<nvram>` combinations.
pub(crate) fn check_firmware(def: &DomainDef) -> VirResult<()> {
    let firmware = def
        .os_attrs
        .iter()
        .find(|(k, _)| k == "firmware")
        .map(|(_, v)| v.as_str());
    let loader = def.os_children.iter().find(|c| c.name == "loader");
    let nvram = def.os_children.iter().find(|c| c.name == "nvram");
    let stateless = loader.and_then(|l| l.attr("stateless"));
    if let Some(fw) = firmware {
        if let Some(l) = loader {
            if l.attr("type").is_some() || l.text.is_some() {
                return Err(xml_detail(
                    "loader attribute 'type' cannot be specified when firmware autoselection is enabled",
                ));
            }
            if l.attr("secure") == Some("no") {
                return Err(xml_detail(
                    "loader attribute 'secure' cannot be specified when firmware autoselection is enabled",
                ));
            }
        }
        if fw == "bios" && (stateless == Some("no") || nvram.is_some()) {
            return Err(xml_detail("Only EFI firmware permits NVRAM"));
        }
        let feats: Vec<&Element> = def
            .os_children
            .iter()
            .filter(|c| c.name == "firmware")
            .flat_map(|f| f.children.iter().filter(|c| c.name == "feature"))
            .collect();
        let enabled = |n: &str| {
            feats
                .iter()
                .find(|f| f.attr("name") == Some(n))
                .and_then(|f| f.attr("enabled"))
        };
        if enabled("enrolled-keys") == Some("yes") && enabled("secure-boot") == Some("no") {
            return Err(xml_detail(
                "firmware feature 'enrolled-keys' cannot be enabled when firmware feature 'secure-boot' is disabled",
            ));
        }
    }
    if stateless == Some("yes") {
        if let Some(n) = nvram {
            if n.attr("template").is_some() {
                return Err(xml_detail(
                    "NVRAM template is not permitted when loader is stateless",
                ));
            }
        }
    }
    Ok(())
}

/// `<numatune>`: placement/nodeset/memnode consistency.
pub(crate) fn check_numatune(def: &DomainDef) -> VirResult<()> {
    let Some(nt) = extra(def, "numatune") else {
        return Ok(());
    };
    let mem = nt.child("memory");
    if let Some(m) = mem {
        if let Some(ns) = m.attr("nodeset") {
            if parse_bitmap(ns).is_none_or(|s| s.is_empty()) {
                return Err(unsupported(format!("Invalid value of 'nodeset': {ns}")));
            }
        }
        if m.attr("placement") == Some("static") && m.attr("nodeset").is_none() {
            return Err(unsupported(
                "nodeset for NUMA memory tuning must be set if 'placement' is 'static'",
            ));
        }
    }
    let memnodes: Vec<&Element> = nt.children.iter().filter(|c| c.name == "memnode").collect();
    if memnodes.is_empty() {
        return Ok(());
    }
    let auto = match mem {
        Some(m) => {
            m.attr("placement") == Some("auto")
                || (m.attr("nodeset").is_none() && def.vcpu_placement == "auto")
        }
        None => def.vcpu_placement == "auto",
    };
    if auto {
        return Err(unsupported(
            "Per-node binding is not compatible with automatic NUMA placement.",
        ));
    }
    if mem.and_then(|m| m.attr("mode")) == Some("restrictive")
        && memnodes
            .iter()
            .any(|n| n.attr("mode") != Some("restrictive"))
    {
        return Err(xml_err(
            "'restrictive' mode is required in memnode element when mode is 'restrictive' in memory element",
        ));
    }
    Ok(())
}

/// `<memoryBacking><hugepages><page nodeset>`: every node must exist.
pub(crate) fn check_hugepages(def: &DomainDef) -> VirResult<()> {
    let nodes = numa_cells(def).len().max(1);
    let pages: Vec<&Element> = extra(def, "memoryBacking")
        .and_then(|m| m.child("hugepages"))
        .map(|h| h.children.iter().filter(|c| c.name == "page").collect())
        .unwrap_or_default();
    for p in pages {
        let Some(set) = p.attr("nodeset").and_then(parse_bitmap) else {
            continue;
        };
        if let Some(n) = set.iter().find(|n| **n as usize >= nodes) {
            return Err(xml_detail(format!("hugepages: node {n} not found")));
        }
    }
    Ok(())
}

/// `<seclabel>`s: one per model; several need a model each.
pub(crate) fn check_seclabels(def: &DomainDef) -> VirResult<()> {
    let labels: Vec<&Element> = def.extra.iter().filter(|e| e.name == "seclabel").collect();
    for (i, l) in labels.iter().enumerate() {
        if let Some(m) = l.attr("model") {
            if labels[..i].iter().any(|o| o.attr("model") == Some(m)) {
                return Err(xml_detail(format!(
                    "seclabel for model {m} is already provided"
                )));
            }
        }
    }
    if labels.len() > 1 && labels.iter().any(|l| l.attr("model").is_none()) {
        return Err(xml_err("missing security model when using multiple labels"));
    }
    Ok(())
}

fn valid_bios_date(d: &str) -> bool {
    let parts: Vec<&str> = d.split('/').collect();
    let num = |s: &str, lo: u32, hi: u32| {
        !s.is_empty()
            && s.bytes().all(|b| b.is_ascii_digit())
            && s.parse::<u32>().is_ok_and(|n| (lo..=hi).contains(&n))
    };
    parts.len() == 3
        && num(parts[0], 1, 12)
        && num(parts[1], 1, 31)
        && (parts[2].len() == 2 || parts[2].len() == 4)
        && num(parts[2], 0, 9999)
}

/// `<sysinfo type='smbios'>`: BIOS date format, system UUID matching the domain's.
pub(crate) fn check_sysinfo(def: &DomainDef) -> VirResult<()> {
    let Some(si) = extra(def, "sysinfo") else {
        return Ok(());
    };
    let entry = |block: &str, name: &str| {
        si.child(block)
            .and_then(|b| {
                b.children
                    .iter()
                    .find(|e| e.name == "entry" && e.attr("name") == Some(name))
            })
            .and_then(|e| e.text.as_deref())
            .map(str::trim)
    };
    if let Some(d) = entry("bios", "date") {
        if !valid_bios_date(d) {
            return Err(xml_detail("Invalid BIOS 'date' format"));
        }
    }
    if let Some(u) = entry("system", "uuid") {
        if super::uuid::parse_uuid(u) != Some(def.uuid) {
            return Err(xml_detail("UUID mismatch between <uuid> and <sysinfo>"));
        }
    }
    Ok(())
}

fn resctrl_err(detail: String) -> VirError {
    VirError::new(ErrorCode::XmlError, ErrorDomain::Other(67), detail)
}

/// `<cputune><cachetune|memorytune>`: vcpu sets and per-cache/node allocations.
pub(crate) fn check_resctrl(def: &DomainDef) -> VirResult<()> {
    let Some(ct) = extra(def, "cputune") else {
        return Ok(());
    };
    let vcpus = |e: &Element| e.attr("vcpus").and_then(parse_bitmap).unwrap_or_default();
    let mut groups: Vec<(BTreeSet<u32>, bool)> = Vec::new();
    for (kind, child) in [("cachetune", "cache"), ("memorytune", "node")] {
        for t in ct.children.iter().filter(|c| c.name == kind) {
            let set = vcpus(t);
            for m in t.children.iter().filter(|c| c.name == "monitor") {
                if !vcpus(m).is_subset(&set) {
                    return Err(VirError::invalid_arg(
                        ErrorDomain::Domain,
                        "Monitor vcpus conflicts with allocation",
                    ));
                }
            }
            let mut keys: Vec<(Option<&str>, Option<&str>)> = Vec::new();
            for c in t.children.iter().filter(|c| c.name == child) {
                let key = (c.attr("id"), c.attr("level"));
                if keys.contains(&key) {
                    return Err(resctrl_err(if kind == "cachetune" {
                        format!(
                            "Colliding cache allocations for cache level '{}' id '{}', type '{}'",
                            c.attr("level").unwrap_or(""),
                            c.attr("id").unwrap_or(""),
                            c.attr("type").unwrap_or("")
                        )
                    } else {
                        format!(
                            "Memory Bandwidth already defined for node {}",
                            c.attr("id").unwrap_or("")
                        )
                    }));
                }
                keys.push(key);
            }
            let is_cache = kind == "cachetune";
            for (other, other_cache) in &groups {
                if *other == set {
                    if is_cache && *other_cache {
                        return Err(xml_err("Identical vcpus in cachetunes found"));
                    }
                    if !is_cache && !*other_cache {
                        return Err(xml_err("Identical vcpus in memorytunes found"));
                    }
                } else if !other.is_disjoint(&set) {
                    return Err(xml_err("Overlapping vcpus in resctrls"));
                }
            }
            groups.push((set, is_cache));
        }
    }
    Ok(())
}

/// `<features><gic version>`.
pub(crate) fn check_features(def: &DomainDef) -> VirResult<()> {
    let gic = extra(def, "features")
        .and_then(|f| f.child("gic"))
        .and_then(|g| g.attr("version"));
    if let Some(v) = gic {
        if !matches!(v, "2" | "3" | "host") {
            return Err(prop_err(format!(
                "Invalid value for attribute 'version' in element 'gic': '{v}'."
            )));
        }
    }
    Ok(())
}
