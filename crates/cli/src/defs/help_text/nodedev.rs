//! `help COMMAND` text of virsh's Node Device commands: each command's
//! DESCRIPTION and per-option help, as stock virsh 9.0 prints them.

use super::CmdHelp;

#[rustfmt::skip]
pub static HELP: &[CmdHelp] = &[
    ("nodedev-create", "Create a device on the node.  Note that this command creates devices on the physical host that can then be assigned to a virtual machine.", &[
        ("file", "file containing an XML description of the device"),
        ("validate", "validate the XML against the schema"),
    ]),
    ("nodedev-destroy", "Destroy a device on the node.  Note that this command destroys devices on the physical host", &[
        ("device", "device name or wwn pair in 'wwnn,wwpn' format"),
    ]),
    ("nodedev-detach", "Detach node device from its device driver before assigning to a domain.", &[
        ("device", "device key"),
        ("driver", "pci device assignment backend driver (e.g. 'vfio' or 'xen')"),
    ]),
    ("nodedev-dumpxml", "Output the node device details as an XML dump to stdout.", &[
        ("device", "device name or wwn pair in 'wwnn,wwpn' format"),
        ("xpath", "xpath expression to filter the XML document"),
        ("wrap", "wrap xpath results in an common root element"),
    ]),
    ("nodedev-list", "", &[
        ("tree", "list devices in a tree"),
        ("cap", "capability names, separated by comma"),
        ("inactive", "list inactive devices"),
        ("all", "list inactive & active devices"),
    ]),
    ("nodedev-reattach", "Reattach node device to its device driver once released by the domain.", &[
        ("device", "device key"),
    ]),
    ("nodedev-reset", "Reset node device before or after assigning to a domain.", &[
        ("device", "device key"),
    ]),
    ("nodedev-event", "List event types, or wait for node device events to occur", &[
        ("device", "filter by node device name"),
        ("event", "which event type to wait for"),
        ("loop", "loop until timeout or interrupt, rather than one-shot"),
        ("timeout", "timeout seconds"),
        ("list", "list valid event types"),
        ("timestamp", "show timestamp for each printed event"),
    ]),
    ("nodedev-define", "Defines a persistent device on the node that can be assigned to a domain. The device must be started before it can be assigned to a domain.", &[
        ("file", "file containing an XML description of the device"),
        ("validate", "validate the XML against the schema"),
    ]),
    ("nodedev-undefine", "Undefines the configuration for an inactive node device", &[
        ("device", "device name or wwn pair in 'wwnn,wwpn' format"),
    ]),
    ("nodedev-start", "Starts an inactive node device that was previously defined", &[
        ("device", "device name"),
    ]),
    ("nodedev-autostart", "Configure a node device to be automatically started at boot.", &[
        ("device", "device name or wwn pair in 'wwnn,wwpn' format"),
        ("disable", "disable autostarting"),
    ]),
    ("nodedev-info", "Returns basic information about the node device", &[
        ("device", "device name or wwn pair in 'wwnn,wwpn' format"),
    ]),
];
