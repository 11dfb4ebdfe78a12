//! `virDomainDefPostParse`: defaults and implicit devices, as libvirt's test driver applies them.

use rvirt_core::error::VirResult;

use super::def::DomainDef;
use super::devices;
use super::element::Element;
use super::hooks::DriverHooks;
use super::parse::xml_err;
use super::units::to_kib;

fn numa_total_kib(def: &DomainDef) -> u64 {
    let Some(numa) = def
        .extra
        .iter()
        .find(|e| e.name == "cpu")
        .and_then(|c| c.child("numa"))
    else {
        return 0;
    };
    numa.children
        .iter()
        .filter(|c| c.name == "cell")
        .filter_map(|c| to_kib(c.attr("memory").unwrap_or("0"), c.attr("unit"), "KiB"))
        .sum()
}

/// Sum of `<devices><memory><target><size>` in KiB.
fn memory_devices_kib(def: &DomainDef) -> u64 {
    def.devices
        .iter()
        .filter(|d| d.name == "memory")
        .filter_map(|d| d.child("target").and_then(|t| t.child("size")))
        .filter_map(|s| {
            to_kib(
                s.text.as_deref().unwrap_or("0").trim(),
                s.attr("unit"),
                "KiB",
            )
        })
        .sum()
}

/// Applies post-parse defaults and adds implicit devices.
pub(crate) fn post_parse(def: &mut DomainDef, hooks: &dyn DriverHooks) -> VirResult<()> {
    super::perf::check_and_order_perf(def)?;
    let numa = numa_total_kib(def);
    let hotplug = memory_devices_kib(def);
    if numa > 0 && def.max_memory_kib == 0 {
        def.max_memory_kib = numa + hotplug;
    }
    if numa == 0 && hotplug > def.max_memory_kib {
        return Err(xml_err(
            "Total size of memory devices exceeds the total memory size",
        ));
    }
    if def.max_memory_kib == 0 {
        return Err(xml_err(
            "Memory size must be specified via <memory> or in the <numa> configuration",
        ));
    }
    if def.current_memory_kib == 0 || def.current_memory_kib > def.max_memory_kib {
        def.current_memory_kib = def.max_memory_kib;
    }
    if def.on_poweroff.is_empty() {
        def.on_poweroff = "destroy".into();
    }
    if def.on_reboot.is_empty() {
        def.on_reboot = "restart".into();
    }
    if def.on_crash.is_empty() {
        def.on_crash = "destroy".into();
    }
    if def.clock.name.is_empty() {
        def.clock = Element::new("clock");
    }
    if def.clock.attr("offset").is_none() {
        def.clock.attrs.insert(0, ("offset".into(), "utc".into()));
    }
    if def.os_type == "hvm" {
        let has_boot = def.os_children.iter().any(|c| c.name == "boot");
        let dev_boot = def.devices.iter().any(|d| d.child("boot").is_some());
        if !has_boot && !dev_boot {
            let mut b = Element::new("boot");
            b.attrs.push(("dev".into(), "hd".into()));
            def.os_children.push(b);
        }
    }
    super::os::order_os(def);
    devices::assign_controller_indexes(def);
    devices::add_console_compat(def);
    devices::add_implicit_controllers(def);
    devices::add_implicit_video(def, hooks);
    if let Some(prefix) = hooks.interface_name_prefix() {
        devices::generate_ifnames(def, prefix);
    }
    super::tuning::normalize_tuning(def);
    super::features::normalize_extra(def);
    Ok(())
}
