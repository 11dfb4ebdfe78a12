//! `help COMMAND` text of virsh's Interface commands: each command's
//! DESCRIPTION and per-option help, as stock virsh 9.0 prints them.

use super::CmdHelp;

#[rustfmt::skip]
pub static HELP: &[CmdHelp] = &[
    ("iface-begin", "Create a restore point for interfaces settings", &[]),
    ("iface-bridge", "bridge an existing network device", &[
        ("interface", "existing interface name"),
        ("bridge", "new bridge device name"),
        ("no-stp", "do not enable STP for this bridge"),
        ("delay", "number of seconds to squelch traffic on newly connected ports"),
        ("no-start", "don't start the bridge immediately"),
    ]),
    ("iface-commit", "commit changes and free restore point", &[]),
    ("iface-define", "Define or modify a persistent physical host interface.", &[
        ("file", "file containing an XML interface description"),
        ("validate", "validate the XML against the schema"),
    ]),
    ("iface-destroy", "forcefully stop a physical host interface.", &[
        ("interface", "interface name or MAC address"),
    ]),
    ("iface-dumpxml", "Output the physical host interface information as an XML dump to stdout.", &[
        ("interface", "interface name or MAC address"),
        ("inactive", "show inactive defined XML"),
        ("xpath", "xpath expression to filter the XML document"),
        ("wrap", "wrap xpath results in an common root element"),
    ]),
    ("iface-edit", "Edit the XML configuration for a physical host interface.", &[
        ("interface", "interface name or MAC address"),
    ]),
    ("iface-list", "Returns list of physical host interfaces.", &[
        ("inactive", "list inactive interfaces"),
        ("all", "list inactive & active interfaces"),
    ]),
    ("iface-mac", "", &[
        ("interface", "interface name"),
    ]),
    ("iface-name", "", &[
        ("interface", "interface mac"),
    ]),
    ("iface-rollback", "rollback to previous restore point", &[]),
    ("iface-start", "start a physical host interface.", &[
        ("interface", "interface name or MAC address"),
    ]),
    ("iface-unbridge", "unbridge a network device", &[
        ("bridge", "current bridge device name"),
        ("no-start", "don't start the detached interface immediately (not recommended)"),
    ]),
    ("iface-undefine", "undefine an interface.", &[
        ("interface", "interface name or MAC address"),
    ]),
];
