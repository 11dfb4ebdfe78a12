//! The checkpoint group's commands (virsh 9.0 `virsh-checkpoint.c`).

use super::Kind::{Argv, Bool, Str};
use super::{o, CmdDef};

/// checkpoint-create, -create-as, -delete, -dumpxml, -edit, -info, -list, -parent.
pub static CMDS: &[CmdDef] = &[
    CmdDef {
        name: "checkpoint-create",
        summary: "Create a checkpoint from XML",
        opts: &[
            o("domain", Str, true, false),
            o("xmlfile", Str, false, false),
            o("redefine", Bool, false, false),
            o("redefine-validate", Bool, false, false),
            o("quiesce", Bool, false, false),
        ],
    },
    CmdDef {
        name: "checkpoint-create-as",
        summary: "Create a checkpoint from a set of args",
        opts: &[
            o("domain", Str, true, false),
            o("name", Str, false, false),
            o("description", Str, false, false),
            o("print-xml", Bool, false, false),
            o("quiesce", Bool, false, false),
            o("diskspec", Argv, false, false),
        ],
    },
    CmdDef {
        name: "checkpoint-delete",
        summary: "Delete a domain checkpoint",
        opts: &[
            o("domain", Str, true, false),
            o("checkpointname", Str, false, false),
            o("children", Bool, false, false),
            o("children-only", Bool, false, false),
            o("metadata", Bool, false, false),
        ],
    },
    CmdDef {
        name: "checkpoint-dumpxml",
        summary: "Dump XML for a domain checkpoint",
        opts: &[
            o("domain", Str, true, false),
            o("checkpointname", Str, false, false),
            o("security-info", Bool, false, false),
            o("no-domain", Bool, false, false),
            o("size", Bool, false, false),
            o("xpath", Str, false, true),
            o("wrap", Bool, false, false),
        ],
    },
    CmdDef {
        name: "checkpoint-edit",
        summary: "edit XML for a checkpoint",
        opts: &[
            o("domain", Str, true, false),
            o("checkpointname", Str, false, false),
        ],
    },
    CmdDef {
        name: "checkpoint-info",
        summary: "checkpoint information",
        opts: &[
            o("domain", Str, true, false),
            o("checkpointname", Str, false, false),
        ],
    },
    CmdDef {
        name: "checkpoint-list",
        summary: "List checkpoints for a domain",
        opts: &[
            o("domain", Str, true, false),
            o("parent", Bool, false, false),
            o("roots", Bool, false, false),
            o("leaves", Bool, false, false),
            o("no-leaves", Bool, false, false),
            o("tree", Bool, false, false),
            o("from", Str, false, false),
            o("descendants", Bool, false, false),
            o("name", Bool, false, false),
            o("topological", Bool, false, false),
        ],
    },
    CmdDef {
        name: "checkpoint-parent",
        summary: "Get the name of the parent of a checkpoint",
        opts: &[
            o("domain", Str, true, false),
            o("checkpointname", Str, false, false),
        ],
    },
];
