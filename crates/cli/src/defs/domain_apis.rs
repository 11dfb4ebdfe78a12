//! Commands over perf events, launch security, backups, the migration compression cache,
//! memory-device updates, LXC namespaces, screenshots and FD groups (virsh 9.0's option tables).

use super::Kind::{Argv, Bool, Int, Str};
use super::{o, CmdDef};

/// This file's commands.
pub static CMDS: &[CmdDef] = &[
    CmdDef {
        name: "perf",
        summary: "Get or set perf event",
        opts: &[
            o("domain", Str, true, false),
            o("enable", Str, false, false),
            o("disable", Str, false, false),
            o("config", Bool, false, false),
            o("live", Bool, false, false),
            o("current", Bool, false, false),
        ],
    },
    CmdDef {
        name: "domlaunchsecinfo",
        summary: "Get domain launch security info",
        opts: &[o("domain", Str, true, false)],
    },
    CmdDef {
        name: "domsetlaunchsecstate",
        summary: "Set domain launch security state",
        opts: &[
            o("domain", Str, true, false),
            o("secrethdr", Str, false, true),
            o("secret", Str, false, true),
            o("set-address", Int, false, false),
        ],
    },
    CmdDef {
        name: "nodesevinfo",
        summary: "node SEV information",
        opts: &[],
    },
    CmdDef {
        name: "backup-begin",
        summary: "Start a disk backup of a live domain",
        opts: &[
            o("domain", Str, true, false),
            o("backupxml", Str, false, false),
            o("checkpointxml", Str, false, false),
            o("reuse-external", Bool, false, false),
        ],
    },
    CmdDef {
        name: "backup-dumpxml",
        summary: "Dump XML for an ongoing domain block backup job",
        opts: &[
            o("domain", Str, true, false),
            o("xpath", Str, false, true),
            o("wrap", Bool, false, false),
        ],
    },
    CmdDef {
        name: "migrate-compcache",
        summary: "get/set compression cache size",
        opts: &[o("domain", Str, true, false), o("size", Int, false, true)],
    },
    CmdDef {
        name: "update-memory-device",
        summary: "update memory device of a domain",
        opts: &[
            o("domain", Str, true, false),
            o("config", Bool, false, false),
            o("live", Bool, false, false),
            o("current", Bool, false, false),
            o("print-xml", Bool, false, false),
            o("alias", Str, false, false),
            o("node", Int, false, false),
            o("requested-size", Int, false, false),
        ],
    },
    CmdDef {
        name: "lxc-enter-namespace",
        summary: "LXC Guest Enter Namespace",
        opts: &[
            o("domain", Str, true, false),
            o("noseclabel", Bool, false, false),
            o("cmd", Argv, true, false),
        ],
    },
    CmdDef {
        name: "screenshot",
        summary: "take a screenshot of a current domain console and store it into a file",
        opts: &[
            o("domain", Str, true, false),
            o("file", Str, false, false),
            o("screen", Int, false, false),
        ],
    },
    CmdDef {
        name: "dom-fd-associate",
        summary: "associate a FD with a domain",
        opts: &[
            o("domain", Str, true, false),
            o("name", Str, true, false),
            o("pass-fds", Str, true, false),
            o("seclabel-writable", Bool, false, false),
            o("seclabel-restore", Bool, false, false),
        ],
    },
];
