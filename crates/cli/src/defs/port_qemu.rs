//! Network port commands (`net-port-*`) and the QEMU program commands (`qemu-monitor-command`,
//! `qemu-agent-command`, `qemu-monitor-event`).

use super::Kind::{Argv, Bool, Int, Str};
use super::{o, CmdDef};

/// This file's commands.
pub static CMDS: &[CmdDef] = &[
    CmdDef {
        name: "net-port-list",
        summary: "list network ports",
        opts: &[
            o("network", Str, true, false),
            o("uuid", Bool, false, false),
            o("table", Bool, false, false),
        ],
    },
    CmdDef {
        name: "net-port-create",
        summary: "create a network port from an XML file",
        opts: &[
            o("network", Str, true, false),
            o("file", Str, true, false),
            o("validate", Bool, false, false),
        ],
    },
    CmdDef {
        name: "net-port-dumpxml",
        summary: "network port information in XML",
        opts: &[
            o("network", Str, true, false),
            o("port", Str, true, false),
            o("xpath", Str, false, true),
            o("wrap", Bool, false, false),
        ],
    },
    CmdDef {
        name: "net-port-delete",
        summary: "delete the specified network port",
        opts: &[o("network", Str, true, false), o("port", Str, true, false)],
    },
    CmdDef {
        name: "qemu-monitor-command",
        summary: "QEMU Monitor Command",
        opts: &[
            o("domain", Str, true, false),
            o("hmp", Bool, false, false),
            o("pretty", Bool, false, false),
            o("return-value", Bool, false, false),
            o("pass-fds", Str, false, true),
            o("cmd", Argv, true, false),
        ],
    },
    CmdDef {
        name: "qemu-agent-command",
        summary: "QEMU Guest Agent Command",
        opts: &[
            o("domain", Str, true, false),
            o("timeout", Int, false, true),
            o("async", Bool, false, false),
            o("block", Bool, false, false),
            o("pretty", Bool, false, false),
            o("cmd", Argv, true, false),
        ],
    },
    CmdDef {
        name: "qemu-monitor-event",
        summary: "QEMU Monitor Events",
        opts: &[
            o("domain", Str, false, false),
            o("event", Str, false, false),
            o("pretty", Bool, false, false),
            o("loop", Bool, false, false),
            o("timeout", Int, false, false),
            o("regex", Bool, false, false),
            o("no-case", Bool, false, false),
            o("timestamp", Bool, false, false),
        ],
    },
    CmdDef {
        name: "qemu-attach",
        summary: "QEMU Attach",
        opts: &[o("pid", Str, true, false)],
    },
];
