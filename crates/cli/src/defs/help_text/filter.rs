//! `help COMMAND` text of virsh's Network Filter commands: each command's
//! DESCRIPTION and per-option help, as stock virsh 9.0 prints them.

use super::CmdHelp;

#[rustfmt::skip]
pub static HELP: &[CmdHelp] = &[
    ("nwfilter-define", "Define a new network filter or update an existing one.", &[
        ("file", "file containing an XML network filter description"),
        ("validate", "validate the XML against the schema"),
    ]),
    ("nwfilter-dumpxml", "Output the network filter information as an XML dump to stdout.", &[
        ("nwfilter", "network filter name or uuid"),
        ("xpath", "xpath expression to filter the XML document"),
        ("wrap", "wrap xpath results in an common root element"),
    ]),
    ("nwfilter-edit", "Edit the XML configuration for a network filter.", &[
        ("nwfilter", "network filter name or uuid"),
    ]),
    ("nwfilter-list", "Returns list of network filters.", &[]),
    ("nwfilter-undefine", "Undefine a given network filter.", &[
        ("nwfilter", "network filter name or uuid"),
    ]),
    ("nwfilter-binding-create", "Create a new network filter binding.", &[
        ("file", "file containing an XML network filter binding description"),
        ("validate", "validate the XML against the schema"),
    ]),
    ("nwfilter-binding-delete", "Delete a given network filter binding.", &[
        ("binding", "network filter binding port dev"),
    ]),
    ("nwfilter-binding-dumpxml", "Output the network filter information as an XML dump to stdout.", &[
        ("binding", "network filter binding portdev"),
        ("xpath", "xpath expression to filter the XML document"),
        ("wrap", "wrap xpath results in an common root element"),
    ]),
    ("nwfilter-binding-list", "Returns list of network filter bindings.", &[]),
];
