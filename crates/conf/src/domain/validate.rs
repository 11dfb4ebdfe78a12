//! `virDomainDefValidate`: cross-element checks libvirt applies after post-parse.

use rvirt_core::error::VirResult;

use super::def::DomainDef;
use super::parse::{unsupported, xml_err};

/// Checks the definition as a whole.
pub(crate) fn validate(def: &DomainDef, hooks: &dyn super::DriverHooks) -> VirResult<()> {
    let dev_boot = def.devices.iter().any(|d| d.child("boot").is_some());
    let os_boot = def.os_children.iter().any(|c| c.name == "boot");
    if dev_boot && os_boot {
        return Err(unsupported(
            "per-device boot elements cannot be used together with os/boot elements",
        ));
    }
    let mut seen: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    for d in def.devices.iter().filter(|d| d.name == "disk") {
        let dst = d.child("target").and_then(|t| t.attr("dev")).unwrap_or("");
        let src = d
            .child("source")
            .and_then(|s| {
                s.attr("file")
                    .or(s.attr("dev"))
                    .or(s.attr("dir"))
                    .or(s.attr("name"))
            })
            .unwrap_or("");
        if let Some(other) = seen.get(dst) {
            return Err(xml_err(format!(
                "target '{dst}' duplicated for disk sources '{other}' and '{src}'"
            )));
        }
        seen.insert(dst, src);
    }
    let primaries = def
        .devices
        .iter()
        .filter(|d| {
            d.name == "video" && d.child("model").and_then(|m| m.attr("primary")) == Some("yes")
        })
        .count();
    if primaries > 1 {
        return Err(unsupported("Only one primary video device is supported"));
    }
    super::checks_top::check_numa_cells(def)?;
    super::checks_top::check_features(def)?;
    super::checks_top::check_firmware(def)?;
    super::checks_top::check_numatune(def)?;
    super::checks_top::check_hugepages(def)?;
    super::checks_top::check_seclabels(def)?;
    super::checks_top::check_sysinfo(def)?;
    super::checks_top::check_resctrl(def)?;
    super::checks_dev::check_controllers(def)?;
    super::checks_dev::check_hostdevs(def)?;
    super::checks_dev::check_disks(def, hooks.supports_disk_fd())?;
    super::checks_dev::check_single_devices(def)?;
    Ok(())
}
