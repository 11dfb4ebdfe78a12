//! `<vcpu>`: maximum/current counts, placement and cpuset.

use rvirt_core::error::VirResult;

use super::def::DomainDef;
use super::element::Element;
use super::parse::xml_err;

/// Reads `<vcpu placement cpuset current>N</vcpu>` (absent: one vCPU).
pub(crate) fn parse_vcpu(def: &mut DomainDef, vcpu: Option<&Element>) -> VirResult<()> {
    def.vcpus_max = 1;
    def.vcpu_placement = "static".into();
    let auto_numa = def
        .extra
        .iter()
        .find(|e| e.name == "numatune")
        .and_then(|n| n.child("memory"))
        .and_then(|m| m.attr("placement"))
        == Some("auto");
    if auto_numa {
        def.vcpu_placement = "auto".into();
    }
    let Some(v) = vcpu else {
        def.vcpus_current = 1;
        return Ok(());
    };
    let txt = v.text.as_deref().unwrap_or("").trim();
    if !txt.is_empty() {
        def.vcpus_max = txt
            .parse()
            .map_err(|_| xml_err("maximum vcpus count must be an integer"))?;
    }
    def.vcpus_current = match v.attr("current") {
        Some(c) => c
            .trim()
            .parse()
            .map_err(|_| xml_err("current vcpus count must be an integer"))?,
        None => def.vcpus_max,
    };
    if def.vcpus_current > def.vcpus_max {
        def.vcpus_current = def.vcpus_max;
    }
    match v.attr("placement") {
        Some("auto") => def.vcpu_placement = "auto".into(),
        Some("static") => def.vcpu_placement = "static".into(),
        Some(other) => return Err(xml_err(format!("Unsupported CPU placement mode '{other}'"))),
        None => {}
    }
    def.vcpu_cpuset = v.attr("cpuset").map(str::to_string);
    let pinned = def
        .extra
        .iter()
        .filter(|e| e.name == "cputune")
        .flat_map(|e| e.children.iter())
        .any(|c| matches!(c.name.as_str(), "vcpupin" | "emulatorpin" | "iothreadpin"));
    if auto_numa && def.vcpu_cpuset.is_none() && !pinned {
        def.vcpu_placement = "auto".into();
    }
    if def.vcpu_placement == "auto" {
        def.vcpu_cpuset = None;
    }
    Ok(())
}
