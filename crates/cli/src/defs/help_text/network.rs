//! `help COMMAND` text of virsh's Networking commands: each command's
//! DESCRIPTION and per-option help, as stock virsh 9.0 prints them.

use super::CmdHelp;

#[rustfmt::skip]
pub static HELP: &[CmdHelp] = &[
    ("net-autostart", "Configure a network to be automatically started at boot.", &[
        ("network", "network name or uuid"),
        ("disable", "disable autostarting"),
    ]),
    ("net-create", "Create a network.", &[
        ("file", "file containing an XML network description"),
        ("validate", "validate the XML against the schema"),
    ]),
    ("net-define", "Define or modify a persistent virtual network.", &[
        ("file", "file containing an XML network description"),
        ("validate", "validate the XML against the schema"),
    ]),
    ("net-destroy", "Forcefully stop a given network.", &[
        ("network", "network name or uuid"),
    ]),
    ("net-dhcp-leases", "Print lease info for a given network", &[
        ("network", "network name or uuid"),
        ("mac", "MAC address"),
    ]),
    ("net-dumpxml", "Output the network information as an XML dump to stdout.", &[
        ("network", "network name or uuid"),
        ("inactive", "show inactive defined XML"),
        ("xpath", "xpath expression to filter the XML document"),
        ("wrap", "wrap xpath results in an common root element"),
    ]),
    ("net-edit", "Edit the XML configuration for a network.", &[
        ("network", "network name or uuid"),
    ]),
    ("net-event", "List event types, or wait for network events to occur", &[
        ("network", "filter by network name or uuid"),
        ("event", "which event type to wait for"),
        ("loop", "loop until timeout or interrupt, rather than one-shot"),
        ("timeout", "timeout seconds"),
        ("list", "list valid event types"),
        ("timestamp", "show timestamp for each printed event"),
    ]),
    ("net-info", "Returns basic information about the network", &[
        ("network", "network name or uuid"),
    ]),
    ("net-list", "Returns list of networks.", &[
        ("inactive", "list inactive networks"),
        ("all", "list inactive & active networks"),
        ("persistent", "list persistent networks"),
        ("transient", "list transient networks"),
        ("autostart", "list networks with autostart enabled"),
        ("no-autostart", "list networks with autostart disabled"),
        ("uuid", "list uuid's only"),
        ("name", "list network names only"),
        ("table", "list table (default)"),
    ]),
    ("net-name", "", &[
        ("network", "network uuid"),
    ]),
    ("net-start", "Start a network.", &[
        ("network", "network name or uuid"),
    ]),
    ("net-undefine", "Undefine the configuration for a persistent network.", &[
        ("network", "network name or uuid"),
    ]),
    ("net-update", "", &[
        ("network", "network name or uuid"),
        ("command", "type of update (add-first, add-last (add), delete, or modify)"),
        ("section", "which section of network configuration to update"),
        ("xml", "name of file containing xml (or, if it starts with '<', the complete xml element itself) to add/modify, or to be matched for search"),
        ("parent-index", "which parent object to search through"),
        ("config", "affect next network startup"),
        ("live", "affect running network"),
        ("current", "affect current state of network"),
    ]),
    ("net-uuid", "", &[
        ("network", "network name"),
    ]),
    ("net-port-list", "Returns list of network ports.", &[
        ("network", "network name or uuid"),
        ("uuid", "list uuid's only"),
        ("table", "list table (default)"),
    ]),
    ("net-port-create", "Create a network port.", &[
        ("network", "network name or uuid"),
        ("file", "file containing an XML network port description"),
        ("validate", "validate the XML against the schema"),
    ]),
    ("net-port-dumpxml", "Output the network port information as an XML dump to stdout.", &[
        ("network", "network name or uuid"),
        ("port", "port UUID"),
        ("xpath", "xpath expression to filter the XML document"),
        ("wrap", "wrap xpath results in an common root element"),
    ]),
    ("net-port-delete", "Delete the specified network port.", &[
        ("network", "network name or uuid"),
        ("port", "port UUID"),
    ]),
];
