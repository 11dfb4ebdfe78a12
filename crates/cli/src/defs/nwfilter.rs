//! The network filter group's commands (virsh 9.0 `virsh-nwfilter.c`).

use super::Kind::{Bool, Str};
use super::{o, CmdDef};

/// nwfilter-define, -undefine, -dumpxml, -list, -edit and the nwfilter-binding-* commands.
pub static CMDS: &[CmdDef] = &[
    CmdDef {
        name: "nwfilter-define",
        summary: "define or update a network filter from an XML file",
        opts: &[
            o("file", Str, true, false),
            o("validate", Bool, false, false),
        ],
    },
    CmdDef {
        name: "nwfilter-undefine",
        summary: "undefine a network filter",
        opts: &[o("nwfilter", Str, true, false)],
    },
    CmdDef {
        name: "nwfilter-dumpxml",
        summary: "network filter information in XML",
        opts: &[
            o("nwfilter", Str, true, false),
            o("xpath", Str, false, true),
            o("wrap", Bool, false, false),
        ],
    },
    CmdDef {
        name: "nwfilter-list",
        summary: "list network filters",
        opts: &[],
    },
    CmdDef {
        name: "nwfilter-edit",
        summary: "edit XML configuration for a network filter",
        opts: &[o("nwfilter", Str, true, false)],
    },
    CmdDef {
        name: "nwfilter-binding-create",
        summary: "create a network filter binding from an XML file",
        opts: &[
            o("file", Str, true, false),
            o("validate", Bool, false, false),
        ],
    },
    CmdDef {
        name: "nwfilter-binding-delete",
        summary: "delete a network filter binding",
        opts: &[o("binding", Str, true, false)],
    },
    CmdDef {
        name: "nwfilter-binding-dumpxml",
        summary: "network filter information in XML",
        opts: &[
            o("binding", Str, true, false),
            o("xpath", Str, false, true),
            o("wrap", Bool, false, false),
        ],
    },
    CmdDef {
        name: "nwfilter-binding-list",
        summary: "list network filter bindings",
        opts: &[],
    },
];
