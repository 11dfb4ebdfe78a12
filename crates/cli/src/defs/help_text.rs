//! `help COMMAND` text (DESCRIPTION and option lines) for the commands whose full help
//! rvirsh reproduces; other commands show the synopsis and option names only.

/// One command's help: (command, description, [(option, help)]).
pub type CmdHelp = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

/// The commands with full help text.
pub static HELP: &[CmdHelp] = &[
    (
        "dominfo",
        "Returns basic information about the domain.",
        &[("domain", "domain name, id or uuid")],
    ),
    (
        "list",
        "Returns list of domains.",
        &[
            ("inactive", "list inactive domains"),
            ("all", "list inactive & active domains"),
            ("transient", "list transient domains"),
            ("persistent", "list persistent domains"),
            ("with-snapshot", "list domains with existing snapshot"),
            ("without-snapshot", "list domains without a snapshot"),
            ("with-checkpoint", "list domains with existing checkpoint"),
            ("without-checkpoint", "list domains without a checkpoint"),
            ("state-running", "list domains in running state"),
            ("state-paused", "list domains in paused state"),
            ("state-shutoff", "list domains in shutoff state"),
            ("state-other", "list domains in other states"),
            ("autostart", "list domains with autostart enabled"),
            ("no-autostart", "list domains with autostart disabled"),
            ("with-managed-save", "list domains with managed save state"),
            ("without-managed-save", "list domains without managed save"),
            ("uuid", "list uuid's only"),
            ("name", "list domain names only"),
            ("id", "list domain IDs only"),
            ("table", "list table (default)"),
            (
                "managed-save",
                "mark inactive domains with managed save state",
            ),
            ("title", "show domain title"),
        ],
    ),
    (
        "iothreadadd",
        "Add an IOThread to the guest domain.",
        &[
            ("domain", "domain name, id or uuid"),
            ("id", "iothread for the new IOThread"),
            ("config", "affect next boot"),
            ("live", "affect running domain"),
            ("current", "affect current domain"),
        ],
    ),
    (
        "iothreaddel",
        "Delete an IOThread from the guest domain.",
        &[
            ("domain", "domain name, id or uuid"),
            ("id", "iothread_id for the IOThread to delete"),
            ("config", "affect next boot"),
            ("live", "affect running domain"),
            ("current", "affect current domain"),
        ],
    ),
    (
        "iothreadpin",
        "Pin domain IOThreads to host physical CPUs.",
        &[
            ("domain", "domain name, id or uuid"),
            ("iothread", "IOThread ID number"),
            ("cpulist", "host cpu number(s) to set"),
            ("config", "affect next boot"),
            ("live", "affect running domain"),
            ("current", "affect current domain"),
        ],
    ),
    (
        "set-lifecycle-action",
        "Change lifecycle actions for the guest domain.",
        &[
            ("domain", "domain name, id or uuid"),
            ("type", "lifecycle type to modify"),
            ("action", "lifecycle action to set"),
            ("config", "affect next boot"),
            ("live", "affect running domain"),
            ("current", "affect current domain"),
        ],
    ),
    ("pool-name", "", &[("pool", "pool name or uuid")]),
    ("pool-uuid", "", &[("pool", "pool name or uuid")]),
    (
        "vol-pool",
        "",
        &[
            ("vol", "volume key or path"),
            ("uuid", "return the pool uuid rather than pool name"),
        ],
    ),
    (
        "nodedev-info",
        "Returns basic information about the node device",
        &[("device", "device name or wwn pair in 'wwnn,wwpn' format")],
    ),
    (
        "echo",
        "Echo back arguments, possibly with quoting. Used for internal testing.",
        &[
            ("shell", "escape for shell use"),
            ("xml", "escape for XML use"),
            (
                "split",
                "split each argument on ','; ',,' is an escape sequence",
            ),
            ("err", "output to stderr"),
            ("string", "arguments to echo"),
        ],
    ),
    ("pwd", "Print the current directory.", &[]),
    (
        "cd",
        "Change the current directory.",
        &[("dir", "directory to switch to (default: home or else root)")],
    ),
    (
        "iface-begin",
        "Create a restore point for interfaces settings",
        &[],
    ),
    ("iface-commit", "commit changes and free restore point", &[]),
    ("iface-rollback", "rollback to previous restore point", &[]),
    (
        "net-port-list",
        "Returns list of network ports.",
        &[
            ("network", "network name or uuid"),
            ("uuid", "list uuid's only"),
            ("table", "list table (default)"),
        ],
    ),
    (
        "net-port-create",
        "Create a network port.",
        &[
            ("network", "network name or uuid"),
            ("file", "file containing an XML network port description"),
            ("validate", "validate the XML against the schema"),
        ],
    ),
    (
        "net-port-dumpxml",
        "Output the network port information as an XML dump to stdout.",
        &[
            ("network", "network name or uuid"),
            ("port", "port UUID"),
            ("xpath", "xpath expression to filter the XML document"),
            ("wrap", "wrap xpath results in an common root element"),
        ],
    ),
    (
        "net-port-delete",
        "Delete the specified network port.",
        &[("network", "network name or uuid"), ("port", "port UUID")],
    ),
    (
        "qemu-monitor-command",
        "QEMU Monitor Command",
        &[
            ("domain", "domain name, id or uuid"),
            ("hmp", "command is in human monitor protocol"),
            ("pretty", "pretty-print any qemu monitor protocol output"),
            (
                "return-value",
                "extract the value of the 'return' key from the returned string",
            ),
            (
                "pass-fds",
                "pass file descriptors N,M,... along with the command",
            ),
            ("cmd", "command"),
        ],
    ),
    (
        "qemu-agent-command",
        "Run an arbitrary qemu guest agent command; use at your own risk",
        &[
            ("domain", "domain name, id or uuid"),
            ("timeout", "timeout seconds. must be positive."),
            ("async", "execute command without waiting for timeout"),
            ("block", "execute command without timeout"),
            ("pretty", "pretty-print the output"),
            ("cmd", "command"),
        ],
    ),
    (
        "qemu-monitor-event",
        "Listen for QEMU Monitor Events",
        &[
            ("domain", "filter by domain name, id or uuid"),
            ("event", "filter by event name"),
            ("pretty", "pretty-print any JSON output"),
            (
                "loop",
                "loop until timeout or interrupt, rather than one-shot",
            ),
            ("timeout", "timeout seconds"),
            ("regex", "treat event as a regex rather than literal filter"),
            ("no-case", "treat event case-insensitively"),
            ("timestamp", "show timestamp for each printed event"),
        ],
    ),
    ("qemu-attach", "QEMU Attach", &[("pid", "pid")]),
];
