//! `help COMMAND` text of virsh's Backup commands: each command's
//! DESCRIPTION and per-option help, as stock virsh 9.0 prints them.

use super::CmdHelp;

#[rustfmt::skip]
pub static HELP: &[CmdHelp] = &[
    ("backup-begin", "Use XML to start a full or incremental disk backup of a live domain, optionally creating a checkpoint", &[
        ("domain", "domain name, id or uuid"),
        ("backupxml", "domain backup XML"),
        ("checkpointxml", "domain checkpoint XML"),
        ("reuse-external", "reuse files provided by caller"),
    ]),
    ("backup-dumpxml", "Backup Dump XML", &[
        ("domain", "domain name, id or uuid"),
        ("xpath", "xpath expression to filter the XML document"),
        ("wrap", "wrap xpath results in an common root element"),
    ]),
];
