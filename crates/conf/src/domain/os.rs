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

/// Sorts `<os>` children into libvirt's order.
pub(crate) fn order_os(def: &mut DomainDef) {
    def.os_children.sort_by_key(|c| {
        OS_ORDER
            .iter()
            .position(|n| *n == c.name)
            .unwrap_or(OS_ORDER.len())
    });
}
