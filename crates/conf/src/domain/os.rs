//! `<os>`: child order as `virDomainDefFormat` prints it.

use super::def::DomainDef;

const OS_ORDER: &[&str] = &[
    "firmware",
    "init",
    "initarg",
    "initenv",
    "initdir",
    "inituser",
    "initgroup",
    "loader",
    "nvram",
    "kernel",
    "initrd",
    "cmdline",
    "dtb",
    "root",
    "acpi",
    "boot",
    "bootmenu",
    "smbios",
    "bios",
];

/// Sorts `<os>` children into libvirt's order; a `<loader>` with a path but no type is a ROM.
pub(crate) fn order_os(def: &mut DomainDef) {
    for l in def.os_children.iter_mut().filter(|c| c.name == "loader") {
        let has_path = l.text.as_deref().is_some_and(|t| !t.trim().is_empty());
        if has_path && l.attr("type").is_none() {
            l.set_attr("type", "rom");
            l.order_attrs(&["readonly", "secure", "type", "stateless"]);
        }
    }
    def.os_children.sort_by_key(|c| {
        OS_ORDER
            .iter()
            .position(|n| *n == c.name)
            .unwrap_or(OS_ORDER.len())
    });
}
