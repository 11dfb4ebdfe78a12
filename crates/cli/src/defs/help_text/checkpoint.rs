//! `help COMMAND` text of virsh's Checkpoint commands: each command's
//! DESCRIPTION and per-option help, as stock virsh 9.0 prints them.

use super::CmdHelp;

#[rustfmt::skip]
pub static HELP: &[CmdHelp] = &[
    ("checkpoint-create", "Create a checkpoint from XML for use in future incremental backups", &[
        ("domain", "domain name, id or uuid"),
        ("xmlfile", "domain checkpoint XML"),
        ("redefine", "redefine metadata for existing checkpoint"),
        ("redefine-validate", "validate the redefined checkpoint"),
        ("quiesce", "quiesce guest's file systems"),
    ]),
    ("checkpoint-create-as", "Create a checkpoint from arguments for use in future incremental backups", &[
        ("domain", "domain name, id or uuid"),
        ("name", "name of checkpoint"),
        ("description", "description of checkpoint"),
        ("print-xml", "print XML document rather than create"),
        ("quiesce", "quiesce guest's file systems"),
        ("diskspec", "disk attributes: disk[,checkpoint=type][,bitmap=name]"),
    ]),
    ("checkpoint-delete", "Checkpoint Delete", &[
        ("domain", "domain name, id or uuid"),
        ("checkpointname", "checkpoint name"),
        ("children", "delete checkpoint and all children"),
        ("children-only", "delete children but not checkpoint"),
        ("metadata", "delete only libvirt metadata, leaving checkpoint contents behind"),
    ]),
    ("checkpoint-dumpxml", "Checkpoint Dump XML", &[
        ("domain", "domain name, id or uuid"),
        ("checkpointname", "checkpoint name"),
        ("security-info", "include security sensitive information in XML dump"),
        ("no-domain", "exclude <domain> from XML"),
        ("size", "include backup size estimate in XML dump"),
        ("xpath", "xpath expression to filter the XML document"),
        ("wrap", "wrap xpath results in an common root element"),
    ]),
    ("checkpoint-edit", "Edit the domain checkpoint XML for a named checkpoint", &[
        ("domain", "domain name, id or uuid"),
        ("checkpointname", "checkpoint name"),
    ]),
    ("checkpoint-info", "Returns basic information about a checkpoint.", &[
        ("domain", "domain name, id or uuid"),
        ("checkpointname", "checkpoint name"),
    ]),
    ("checkpoint-list", "Checkpoint List", &[
        ("domain", "domain name, id or uuid"),
        ("parent", "add a column showing parent checkpoint"),
        ("roots", "list only checkpoints without parents"),
        ("leaves", "list only checkpoints without children"),
        ("no-leaves", "list only checkpoints that are not leaves (with children)"),
        ("tree", "list checkpoints in a tree"),
        ("from", "limit list to children of given checkpoint"),
        ("descendants", "with --from, list all descendants"),
        ("name", "list checkpoint names only"),
        ("topological", "sort list topologically rather than by name"),
    ]),
    ("checkpoint-parent", "Extract the checkpoint's parent, if any", &[
        ("domain", "domain name, id or uuid"),
        ("checkpointname", "find parent of checkpoint name"),
    ]),
];
