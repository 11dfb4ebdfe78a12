//! Host, network, storage, node device and shell commands added after the first table.

use super::Kind::{Argv, Bool, Int, Str};
use super::{o, CmdDef};

/// This file's commands.
pub static CMDS: &[CmdDef] = &[
    CmdDef {
        name: "net-update",
        summary: "update parts of an existing network's configuration",
        opts: &[
            o("network", Str, true, false),
            o("command", Str, true, false),
            o("section", Str, true, false),
            o("xml", Str, true, false),
            o("parent-index", Int, false, false),
            o("config", Bool, false, false),
            o("live", Bool, false, false),
            o("current", Bool, false, false),
        ],
    },
    CmdDef {
        name: "net-edit",
        summary: "edit XML configuration for a network",
        opts: &[o("network", Str, true, false)],
    },
    CmdDef {
        name: "net-event",
        summary: "Network Events",
        opts: &[
            o("network", Str, false, false),
            o("event", Str, false, false),
            o("loop", Bool, false, false),
            o("timeout", Int, false, false),
            o("list", Bool, false, false),
            o("timestamp", Bool, false, false),
        ],
    },
    CmdDef {
        name: "pool-event",
        summary: "Storage Pool Events",
        opts: &[
            o("pool", Str, false, false),
            o("event", Str, false, false),
            o("loop", Bool, false, false),
            o("timeout", Int, false, false),
            o("list", Bool, false, false),
            o("timestamp", Bool, false, false),
        ],
    },
    CmdDef {
        name: "nodedev-event",
        summary: "Node Device Events",
        opts: &[
            o("device", Str, false, false),
            o("event", Str, false, false),
            o("loop", Bool, false, false),
            o("timeout", Int, false, false),
            o("list", Bool, false, false),
            o("timestamp", Bool, false, false),
        ],
    },
    CmdDef {
        name: "secret-event",
        summary: "Secret Events",
        opts: &[
            o("secret", Str, false, false),
            o("event", Str, false, false),
            o("loop", Bool, false, false),
            o("timeout", Int, false, false),
            o("list", Bool, false, false),
            o("timestamp", Bool, false, false),
        ],
    },
    CmdDef {
        name: "nodedev-create",
        summary: "create a device defined by an XML file on the node",
        opts: &[
            o("file", Str, true, false),
            o("validate", Bool, false, false),
        ],
    },
    CmdDef {
        name: "nodedev-destroy",
        summary: "destroy (stop) a device on the node",
        opts: &[o("device", Str, true, false)],
    },
    CmdDef {
        name: "nodedev-define",
        summary: "Define a device by an xml file on a node",
        opts: &[
            o("file", Str, true, false),
            o("validate", Bool, false, false),
        ],
    },
    CmdDef {
        name: "nodedev-undefine",
        summary: "Undefine an inactive node device",
        opts: &[o("device", Str, true, false)],
    },
    CmdDef {
        name: "nodedev-start",
        summary: "Start an inactive node device",
        opts: &[o("device", Str, true, false)],
    },
    CmdDef {
        name: "nodedev-autostart",
        summary: "autostart a defined node device",
        opts: &[
            o("device", Str, true, false),
            o("disable", Bool, false, false),
        ],
    },
    CmdDef {
        name: "nodedev-info",
        summary: "node device information",
        opts: &[o("device", Str, true, false)],
    },
    CmdDef {
        name: "pool-create",
        summary: "create a pool from an XML file",
        opts: &[
            o("file", Str, true, false),
            o("build", Bool, false, false),
            o("no-overwrite", Bool, false, false),
            o("overwrite", Bool, false, false),
        ],
    },
    CmdDef {
        name: "pool-name",
        summary: "convert a pool UUID to pool name",
        opts: &[o("pool", Str, true, false)],
    },
    CmdDef {
        name: "pool-uuid",
        summary: "convert a pool name to pool UUID",
        opts: &[o("pool", Str, true, false)],
    },
    CmdDef {
        name: "pool-edit",
        summary: "edit XML configuration for a storage pool",
        opts: &[o("pool", Str, true, false)],
    },
    CmdDef {
        name: "vol-create-from",
        summary: "create a vol, using another volume as input",
        opts: &[
            o("pool", Str, true, false),
            o("file", Str, true, false),
            o("vol", Str, true, false),
            o("inputpool", Str, false, false),
            o("prealloc-metadata", Bool, false, false),
            o("reflink", Bool, false, false),
            o("validate", Bool, false, false),
        ],
    },
    CmdDef {
        name: "vol-pool",
        summary: "returns the storage pool for a given volume key or path",
        opts: &[o("vol", Str, true, false), o("uuid", Bool, false, false)],
    },
    CmdDef {
        name: "iface-edit",
        summary: "edit XML configuration for a physical host interface",
        opts: &[o("interface", Str, true, false)],
    },
    CmdDef {
        name: "cpu-compare",
        summary: "compare host CPU with a CPU described by an XML file",
        opts: &[
            o("file", Str, true, false),
            o("error", Bool, false, false),
            o("validate", Bool, false, false),
        ],
    },
    CmdDef {
        name: "cpu-baseline",
        summary: "compute baseline CPU",
        opts: &[
            o("file", Str, true, false),
            o("features", Bool, false, false),
            o("migratable", Bool, false, false),
        ],
    },
    CmdDef {
        name: "hypervisor-cpu-compare",
        summary: "compare a CPU with the CPU created by a hypervisor on the host",
        opts: &[
            o("file", Str, true, false),
            o("virttype", Str, false, false),
            o("emulator", Str, false, false),
            o("arch", Str, false, false),
            o("machine", Str, false, false),
            o("error", Bool, false, false),
            o("validate", Bool, false, false),
        ],
    },
    CmdDef {
        name: "hypervisor-cpu-baseline",
        summary: "compute baseline CPU usable by a specific hypervisor",
        opts: &[
            o("file", Str, false, false),
            o("virttype", Str, false, false),
            o("emulator", Str, false, false),
            o("arch", Str, false, false),
            o("machine", Str, false, false),
            o("features", Bool, false, false),
            o("migratable", Bool, false, false),
            o("model", Str, false, false),
        ],
    },
    CmdDef {
        name: "echo",
        summary: "echo arguments. Used for internal testing.",
        opts: &[
            o("shell", Bool, false, false),
            o("xml", Bool, false, false),
            o("split", Bool, false, false),
            o("err", Bool, false, false),
            o("string", Argv, false, false),
        ],
    },
    CmdDef {
        name: "pwd",
        summary: "print the current directory",
        opts: &[],
    },
    CmdDef {
        name: "cd",
        summary: "change the current directory",
        opts: &[o("dir", Str, false, false)],
    },
    CmdDef {
        name: "nodedev-detach",
        summary: "detach node device from its device driver",
        opts: &[
            o("device", Str, true, false),
            o("driver", Str, false, false),
        ],
    },
    CmdDef {
        name: "nodedev-reattach",
        summary: "reattach node device to its device driver",
        opts: &[o("device", Str, true, false)],
    },
    CmdDef {
        name: "nodedev-reset",
        summary: "reset node device",
        opts: &[o("device", Str, true, false)],
    },
    CmdDef {
        name: "iface-begin",
        summary: "create a snapshot of current interfaces settings, which can be later committed (iface-commit) or restored (iface-rollback)",
        opts: &[],
    },
    CmdDef {
        name: "iface-commit",
        summary: "commit changes made since iface-begin and free restore point",
        opts: &[],
    },
    CmdDef {
        name: "iface-rollback",
        summary: "rollback to previous saved configuration created via iface-begin",
        opts: &[],
    },
    CmdDef {
        name: "find-storage-pool-sources",
        summary: "discover potential storage pool sources",
        opts: &[o("type", Str, true, false), o("srcSpec", Str, false, false)],
    },
    CmdDef {
        name: "find-storage-pool-sources-as",
        summary: "find potential storage pool sources",
        opts: &[o("type", Str, true, false), o("host", Str, false, false), o("port", Str, false, false), o("initiator", Str, false, false)],
    },
    CmdDef {
        name: "detach-device-alias",
        summary: "detach device from an alias",
        opts: &[o("domain", Str, true, false), o("alias", Str, true, false), o("config", Bool, false, false), o("live", Bool, false, false), o("current", Bool, false, false)],
    },
    CmdDef {
        name: "domblkthreshold",
        summary: "set the threshold for block-threshold event for a given block device or it's backing chain element",
        opts: &[o("domain", Str, true, false), o("dev", Str, true, false), o("threshold", Int, true, false)],
    },
    CmdDef {
        name: "guest-agent-timeout",
        summary: "Set the guest agent timeout",
        opts: &[o("domain", Str, true, false), o("timeout", Int, false, false)],
    },
    CmdDef {
        name: "get-user-sshkeys",
        summary: "list authorized SSH keys for given user (via agent)",
        opts: &[o("domain", Str, true, false), o("user", Str, true, false)],
    },
    CmdDef {
        name: "set-user-sshkeys",
        summary: "manipulate authorized SSH keys file for given user (via agent)",
        opts: &[o("domain", Str, true, false), o("user", Str, true, false), o("file", Str, false, false), o("reset", Bool, false, false), o("remove", Bool, false, false)],
    },

    CmdDef {
        name: "iface-bridge",
        summary: "create a bridge device and attach an existing network device to it",
        opts: &[o("interface", Str, true, false), o("bridge", Str, true, false), o("no-stp", Bool, false, false), o("delay", Int, false, false), o("no-start", Bool, false, false)],
    },
    CmdDef {
        name: "iface-unbridge",
        summary: "undefine a bridge device after detaching its device(s)",
        opts: &[o("bridge", Str, true, false), o("no-start", Bool, false, false)],
    },

];
