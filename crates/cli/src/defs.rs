//! The command table: each virsh command's name, one-line summary and options (names, kinds,
//! required-ness, positional order), matching virsh 9.0's `help <command>` synopsis.

/// How an option takes its value (virsh's `vshCmdOptType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A flag without a value.
    Bool,
    /// A string value.
    Str,
    /// A numeric value (`<number>`).
    Int,
    /// All remaining positional words (`[<x>]...`).
    Argv,
}

/// One option of a command.
#[derive(Debug, Clone, Copy)]
pub struct OptDef {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
    /// `--name` must be spelled out (never filled positionally).
    pub named_only: bool,
}

/// One command.
#[derive(Debug, Clone, Copy)]
pub struct CmdDef {
    pub name: &'static str,
    pub summary: &'static str,
    pub opts: &'static [OptDef],
}

const fn o(name: &'static str, kind: Kind, required: bool, named_only: bool) -> OptDef {
    OptDef {
        name,
        kind,
        required,
        named_only,
    }
}

use Kind::{Argv, Bool, Int, Str};

mod checkpoint;
mod domain_apis;
mod domain_more;
pub mod groups;
pub mod help_render;
pub mod help_text;
mod host_more;
mod nwfilter;
mod port_qemu;

/// Every command: the main table, then the later additions.
pub fn all() -> impl Iterator<Item = &'static CmdDef> {
    CMDS.iter()
        .chain(domain_more::CMDS.iter())
        .chain(domain_apis::CMDS.iter())
        .chain(host_more::CMDS.iter())
        .chain(port_qemu::CMDS.iter())
        .chain(checkpoint::CMDS.iter())
        .chain(nwfilter::CMDS.iter())
        .chain(crate::commands::migrate::CMDS.iter())
}

/// Finds a command by name.
pub fn find(name: &str) -> Option<&'static CmdDef> {
    all().find(|c| c.name == name)
}

/// Every command rvirsh knows.
pub static CMDS: &[CmdDef] = &[
    CmdDef {
        name: "connect",
        summary: "(re)connect to hypervisor",
        opts: &[o("name", Str, false, false), o("readonly", Bool, false, false)],
    },
    CmdDef {
        name: "uri",
        summary: "print the hypervisor canonical URI",
        opts: &[],
    },
    CmdDef {
        name: "version",
        summary: "show version",
        opts: &[o("daemon", Bool, false, false)],
    },
    CmdDef {
        name: "hostname",
        summary: "print the hypervisor hostname",
        opts: &[],
    },
    CmdDef {
        name: "nodeinfo",
        summary: "node information",
        opts: &[],
    },
    CmdDef {
        name: "capabilities",
        summary: "capabilities",
        opts: &[],
    },
    CmdDef {
        name: "sysinfo",
        summary: "print the hypervisor sysinfo",
        opts: &[],
    },
    CmdDef {
        name: "list",
        summary: "list domains",
        opts: &[o("inactive", Bool, false, false), o("all", Bool, false, false), o("transient", Bool, false, false), o("persistent", Bool, false, false), o("with-snapshot", Bool, false, false), o("without-snapshot", Bool, false, false), o("with-checkpoint", Bool, false, false), o("without-checkpoint", Bool, false, false), o("state-running", Bool, false, false), o("state-paused", Bool, false, false), o("state-shutoff", Bool, false, false), o("state-other", Bool, false, false), o("autostart", Bool, false, false), o("no-autostart", Bool, false, false), o("with-managed-save", Bool, false, false), o("without-managed-save", Bool, false, false), o("uuid", Bool, false, false), o("name", Bool, false, false), o("id", Bool, false, false), o("table", Bool, false, false), o("managed-save", Bool, false, false), o("title", Bool, false, false)],
    },
    CmdDef {
        name: "dominfo",
        summary: "domain information",
        opts: &[o("domain", Str, true, false)],
    },
    CmdDef {
        name: "domstate",
        summary: "domain state",
        opts: &[o("domain", Str, true, false), o("reason", Bool, false, false)],
    },
    CmdDef {
        name: "domid",
        summary: "convert a domain name or UUID to domain id",
        opts: &[o("domain", Str, true, false)],
    },
    CmdDef {
        name: "domname",
        summary: "convert a domain id or UUID to domain name",
        opts: &[o("domain", Str, true, false)],
    },
    CmdDef {
        name: "domuuid",
        summary: "convert a domain name or id to domain UUID",
        opts: &[o("domain", Str, true, false)],
    },
    CmdDef {
        name: "dumpxml",
        summary: "domain information in XML",
        opts: &[o("domain", Str, true, false), o("inactive", Bool, false, false), o("security-info", Bool, false, false), o("update-cpu", Bool, false, false), o("migratable", Bool, false, false), o("xpath", Str, false, true), o("wrap", Bool, false, false)],
    },
    CmdDef {
        name: "define",
        summary: "define (but don't start) a domain from an XML file",
        opts: &[o("file", Str, true, false), o("validate", Bool, false, false)],
    },
    CmdDef {
        name: "undefine",
        summary: "undefine a domain",
        opts: &[o("domain", Str, true, false), o("managed-save", Bool, false, false), o("storage", Str, false, false), o("remove-all-storage", Bool, false, false), o("delete-storage-volume-snapshots", Bool, false, false), o("wipe-storage", Bool, false, false), o("snapshots-metadata", Bool, false, false), o("checkpoints-metadata", Bool, false, false), o("nvram", Bool, false, false), o("keep-nvram", Bool, false, false), o("tpm", Bool, false, false), o("keep-tpm", Bool, false, false)],
    },
    CmdDef {
        name: "start",
        summary: "start a (previously defined) inactive domain",
        opts: &[o("domain", Str, true, false), o("console", Bool, false, false), o("paused", Bool, false, false), o("autodestroy", Bool, false, false), o("bypass-cache", Bool, false, false), o("force-boot", Bool, false, false), o("pass-fds", Str, false, false), o("reset-nvram", Bool, false, false)],
    },
    CmdDef {
        name: "create",
        summary: "create a domain from an XML file",
        opts: &[o("file", Str, true, false), o("console", Bool, false, false), o("paused", Bool, false, false), o("autodestroy", Bool, false, false), o("pass-fds", Str, false, false), o("validate", Bool, false, false), o("reset-nvram", Bool, false, false)],
    },
    CmdDef {
        name: "shutdown",
        summary: "gracefully shutdown a domain",
        opts: &[o("domain", Str, true, false), o("mode", Str, false, false)],
    },
    CmdDef {
        name: "destroy",
        summary: "destroy (stop) a domain",
        opts: &[o("domain", Str, true, false), o("graceful", Bool, false, false), o("remove-logs", Bool, false, false)],
    },
    CmdDef {
        name: "reboot",
        summary: "reboot a domain",
        opts: &[o("domain", Str, true, false), o("mode", Str, false, false)],
    },
    CmdDef {
        name: "reset",
        summary: "reset a domain",
        opts: &[o("domain", Str, true, false)],
    },
    CmdDef {
        name: "suspend",
        summary: "suspend a domain",
        opts: &[o("domain", Str, true, false)],
    },
    CmdDef {
        name: "resume",
        summary: "resume a domain",
        opts: &[o("domain", Str, true, false)],
    },
    CmdDef {
        name: "autostart",
        summary: "autostart a domain",
        opts: &[o("domain", Str, true, false), o("disable", Bool, false, false)],
    },
    CmdDef {
        name: "event",
        summary: "Domain Events",
        opts: &[o("domain", Str, false, false), o("event", Str, false, false), o("all", Bool, false, false), o("loop", Bool, false, false), o("timeout", Int, false, false), o("list", Bool, false, false), o("timestamp", Bool, false, false)],
    },
    CmdDef {
        name: "save",
        summary: "save a domain state to a file",
        opts: &[o("domain", Str, true, false), o("file", Str, true, false), o("bypass-cache", Bool, false, false), o("xml", Str, false, false), o("running", Bool, false, false), o("paused", Bool, false, false), o("verbose", Bool, false, false)],
    },
    CmdDef {
        name: "restore",
        summary: "restore a domain from a saved state in a file",
        opts: &[o("file", Str, true, false), o("bypass-cache", Bool, false, false), o("xml", Str, false, false), o("running", Bool, false, false), o("paused", Bool, false, false), o("reset-nvram", Bool, false, false)],
    },
    CmdDef {
        name: "managedsave",
        summary: "managed save of a domain state",
        opts: &[o("domain", Str, true, false), o("bypass-cache", Bool, false, false), o("running", Bool, false, false), o("paused", Bool, false, false), o("verbose", Bool, false, false)],
    },
    CmdDef {
        name: "managedsave-remove",
        summary: "Remove managed save of a domain",
        opts: &[o("domain", Str, true, false)],
    },
    CmdDef {
        name: "desc",
        summary: "show or set domain's description or title",
        opts: &[o("domain", Str, true, false), o("live", Bool, false, false), o("config", Bool, false, false), o("current", Bool, false, false), o("title", Bool, false, false), o("edit", Bool, false, false), o("new-desc", Argv, false, false)],
    },
    CmdDef {
        name: "metadata",
        summary: "show or set domain's custom XML metadata",
        opts: &[o("domain", Str, true, false), o("uri", Str, true, false), o("live", Bool, false, false), o("config", Bool, false, false), o("current", Bool, false, false), o("edit", Bool, false, false), o("key", Str, false, false), o("set", Str, false, false), o("remove", Bool, false, false)],
    },
    CmdDef {
        name: "domrename",
        summary: "rename a domain",
        opts: &[o("domain", Str, true, false), o("new-name", Str, true, false)],
    },
    CmdDef {
        name: "setmem",
        summary: "change memory allocation",
        opts: &[o("domain", Str, true, false), o("size", Int, true, false), o("config", Bool, false, false), o("live", Bool, false, false), o("current", Bool, false, false)],
    },
    CmdDef {
        name: "setmaxmem",
        summary: "change maximum memory limit",
        opts: &[o("domain", Str, true, false), o("size", Int, true, false), o("config", Bool, false, false), o("live", Bool, false, false), o("current", Bool, false, false)],
    },
    CmdDef {
        name: "setvcpus",
        summary: "change number of virtual CPUs",
        opts: &[o("domain", Str, true, false), o("count", Int, true, false), o("maximum", Bool, false, false), o("config", Bool, false, false), o("live", Bool, false, false), o("current", Bool, false, false), o("guest", Bool, false, false), o("hotpluggable", Bool, false, false)],
    },
    CmdDef {
        name: "vcpucount",
        summary: "domain vcpu counts",
        opts: &[o("domain", Str, true, false), o("maximum", Bool, false, false), o("active", Bool, false, false), o("live", Bool, false, false), o("config", Bool, false, false), o("current", Bool, false, false), o("guest", Bool, false, false)],
    },
    CmdDef {
        name: "vcpuinfo",
        summary: "detailed domain vcpu information",
        opts: &[o("domain", Str, true, false), o("pretty", Bool, false, false)],
    },
    CmdDef {
        name: "dommemstat",
        summary: "get memory statistics for a domain",
        opts: &[o("domain", Str, true, false), o("period", Int, false, false), o("config", Bool, false, false), o("live", Bool, false, false), o("current", Bool, false, false)],
    },
    CmdDef {
        name: "domblkstat",
        summary: "get device block stats for a domain",
        opts: &[o("domain", Str, true, false), o("device", Str, false, false), o("human", Bool, false, false)],
    },
    CmdDef {
        name: "domifstat",
        summary: "get network interface stats for a domain",
        opts: &[o("domain", Str, true, false), o("interface", Str, true, false)],
    },
    CmdDef {
        name: "domstats",
        summary: "get statistics about one or multiple domains",
        opts: &[o("state", Bool, false, false), o("cpu-total", Bool, false, false), o("balloon", Bool, false, false), o("vcpu", Bool, false, false), o("interface", Bool, false, false), o("block", Bool, false, false), o("perf", Bool, false, false), o("iothread", Bool, false, false), o("memory", Bool, false, false), o("dirtyrate", Bool, false, false), o("vm", Bool, false, false), o("list-active", Bool, false, false), o("list-inactive", Bool, false, false), o("list-persistent", Bool, false, false), o("list-transient", Bool, false, false), o("list-running", Bool, false, false), o("list-paused", Bool, false, false), o("list-shutoff", Bool, false, false), o("list-other", Bool, false, false), o("raw", Bool, false, false), o("enforce", Bool, false, false), o("backing", Bool, false, false), o("nowait", Bool, false, false), o("domain", Argv, false, false)],
    },
    CmdDef {
        name: "schedinfo",
        summary: "show/set scheduler parameters",
        opts: &[o("domain", Str, true, false), o("weight", Int, false, false), o("cap", Int, false, false), o("current", Bool, false, false), o("config", Bool, false, false), o("live", Bool, false, false), o("set", Argv, false, false)],
    },
    CmdDef {
        name: "memtune",
        summary: "Get or set memory parameters",
        opts: &[o("domain", Str, true, false), o("hard-limit", Int, false, false), o("soft-limit", Int, false, false), o("swap-hard-limit", Int, false, false), o("min-guarantee", Int, false, false), o("config", Bool, false, false), o("live", Bool, false, false), o("current", Bool, false, false)],
    },
    CmdDef {
        name: "blkiotune",
        summary: "Get or set blkio parameters",
        opts: &[o("domain", Str, true, false), o("weight", Int, false, false), o("device-weights", Str, false, false), o("device-read-iops-sec", Str, false, false), o("device-write-iops-sec", Str, false, false), o("device-read-bytes-sec", Str, false, false), o("device-write-bytes-sec", Str, false, false), o("config", Bool, false, false), o("live", Bool, false, false), o("current", Bool, false, false)],
    },
    CmdDef {
        name: "domblklist",
        summary: "list all domain blocks",
        opts: &[o("domain", Str, true, false), o("inactive", Bool, false, false), o("details", Bool, false, false)],
    },
    CmdDef {
        name: "domiflist",
        summary: "list all domain virtual interfaces",
        opts: &[o("domain", Str, true, false), o("inactive", Bool, false, false)],
    },
    CmdDef {
        name: "snapshot-create-as",
        summary: "Create a snapshot from a set of args",
        opts: &[o("domain", Str, true, false), o("name", Str, false, false), o("description", Str, false, false), o("print-xml", Bool, false, false), o("no-metadata", Bool, false, false), o("halt", Bool, false, false), o("disk-only", Bool, false, false), o("reuse-external", Bool, false, false), o("quiesce", Bool, false, false), o("atomic", Bool, false, false), o("live", Bool, false, false), o("validate", Bool, false, false), o("memspec", Str, false, true), o("diskspec", Argv, false, false)],
    },
    CmdDef {
        name: "snapshot-list",
        summary: "List snapshots for a domain",
        opts: &[o("domain", Str, true, false), o("parent", Bool, false, false), o("roots", Bool, false, false), o("leaves", Bool, false, false), o("no-leaves", Bool, false, false), o("metadata", Bool, false, false), o("no-metadata", Bool, false, false), o("inactive", Bool, false, false), o("active", Bool, false, false), o("disk-only", Bool, false, false), o("internal", Bool, false, false), o("external", Bool, false, false), o("tree", Bool, false, false), o("from", Str, false, false), o("current", Bool, false, false), o("descendants", Bool, false, false), o("name", Bool, false, false), o("topological", Bool, false, false)],
    },
    CmdDef {
        name: "snapshot-current",
        summary: "Get or set the current snapshot",
        opts: &[o("domain", Str, true, false), o("name", Bool, false, false), o("security-info", Bool, false, false), o("snapshotname", Str, false, false)],
    },
    CmdDef {
        name: "snapshot-delete",
        summary: "Delete a domain snapshot",
        opts: &[o("domain", Str, true, false), o("snapshotname", Str, false, false), o("current", Bool, false, false), o("children", Bool, false, false), o("children-only", Bool, false, false), o("metadata", Bool, false, false)],
    },
    CmdDef {
        name: "snapshot-revert",
        summary: "Revert a domain to a snapshot",
        opts: &[o("domain", Str, true, false), o("snapshotname", Str, false, false), o("current", Bool, false, false), o("running", Bool, false, false), o("paused", Bool, false, false), o("force", Bool, false, false), o("reset-nvram", Bool, false, false)],
    },
    CmdDef {
        name: "snapshot-info",
        summary: "snapshot information",
        opts: &[o("domain", Str, true, false), o("snapshotname", Str, false, false), o("current", Bool, false, false)],
    },
    CmdDef {
        name: "snapshot-dumpxml",
        summary: "Dump XML for a domain snapshot",
        opts: &[o("domain", Str, true, false), o("snapshotname", Str, true, false), o("security-info", Bool, false, false), o("xpath", Str, false, true), o("wrap", Bool, false, false)],
    },
    CmdDef {
        name: "net-list",
        summary: "list networks",
        opts: &[o("inactive", Bool, false, false), o("all", Bool, false, false), o("persistent", Bool, false, false), o("transient", Bool, false, false), o("autostart", Bool, false, false), o("no-autostart", Bool, false, false), o("uuid", Bool, false, false), o("name", Bool, false, false), o("table", Bool, false, false)],
    },
    CmdDef {
        name: "net-info",
        summary: "network information",
        opts: &[o("network", Str, true, false)],
    },
    CmdDef {
        name: "net-dumpxml",
        summary: "network information in XML",
        opts: &[o("network", Str, true, false), o("inactive", Bool, false, false), o("xpath", Str, false, true), o("wrap", Bool, false, false)],
    },
    CmdDef {
        name: "net-start",
        summary: "start a (previously defined) inactive network",
        opts: &[o("network", Str, true, false)],
    },
    CmdDef {
        name: "net-destroy",
        summary: "destroy (stop) a network",
        opts: &[o("network", Str, true, false)],
    },
    CmdDef {
        name: "net-define",
        summary: "define an inactive persistent virtual network or modify an existing persistent one from an XML file",
        opts: &[o("file", Str, true, false), o("validate", Bool, false, false)],
    },
    CmdDef {
        name: "net-create",
        summary: "create a network from an XML file",
        opts: &[o("file", Str, true, false), o("validate", Bool, false, false)],
    },
    CmdDef {
        name: "net-undefine",
        summary: "undefine a persistent network",
        opts: &[o("network", Str, true, false)],
    },
    CmdDef {
        name: "net-autostart",
        summary: "autostart a network",
        opts: &[o("network", Str, true, false), o("disable", Bool, false, false)],
    },
    CmdDef {
        name: "net-uuid",
        summary: "convert a network name to network UUID",
        opts: &[o("network", Str, true, false)],
    },
    CmdDef {
        name: "net-name",
        summary: "convert a network UUID to network name",
        opts: &[o("network", Str, true, false)],
    },
    CmdDef {
        name: "net-dhcp-leases",
        summary: "print lease info for a given network",
        opts: &[o("network", Str, true, false), o("mac", Str, false, false)],
    },
    CmdDef {
        name: "pool-list",
        summary: "list pools",
        opts: &[o("inactive", Bool, false, false), o("all", Bool, false, false), o("transient", Bool, false, false), o("persistent", Bool, false, false), o("autostart", Bool, false, false), o("no-autostart", Bool, false, false), o("type", Str, false, false), o("details", Bool, false, false), o("uuid", Bool, false, false), o("name", Bool, false, false)],
    },
    CmdDef {
        name: "pool-info",
        summary: "storage pool information",
        opts: &[o("pool", Str, true, false), o("bytes", Bool, false, false)],
    },
    CmdDef {
        name: "pool-dumpxml",
        summary: "pool information in XML",
        opts: &[o("pool", Str, true, false), o("inactive", Bool, false, false), o("xpath", Str, false, true), o("wrap", Bool, false, false)],
    },
    CmdDef {
        name: "pool-define",
        summary: "define an inactive persistent storage pool or modify an existing persistent one from an XML file",
        opts: &[o("file", Str, true, false), o("validate", Bool, false, false)],
    },
    CmdDef {
        name: "pool-define-as",
        summary: "define a pool from a set of args",
        opts: &[o("name", Str, true, false), o("type", Str, true, false), o("print-xml", Bool, false, false), o("source-host", Str, false, false), o("source-path", Str, false, false), o("source-dev", Str, false, false), o("source-name", Str, false, false), o("target", Str, false, false), o("source-format", Str, false, false), o("auth-type", Str, false, false), o("auth-username", Str, false, false), o("secret-usage", Str, false, false), o("secret-uuid", Str, false, false), o("adapter-name", Str, false, false), o("adapter-wwnn", Str, false, false), o("adapter-wwpn", Str, false, false), o("adapter-parent", Str, false, false), o("adapter-parent-wwnn", Str, false, false), o("adapter-parent-wwpn", Str, false, false), o("adapter-parent-fabric-wwn", Str, false, false), o("source-protocol-ver", Str, false, false), o("source-initiator", Str, false, false)],
    },
    CmdDef {
        name: "pool-create-as",
        summary: "create a pool from a set of args",
        opts: &[o("name", Str, true, false), o("type", Str, true, false), o("print-xml", Bool, false, false), o("source-host", Str, false, false), o("source-path", Str, false, false), o("source-dev", Str, false, false), o("source-name", Str, false, false), o("target", Str, false, false), o("source-format", Str, false, false), o("auth-type", Str, false, false), o("auth-username", Str, false, false), o("secret-usage", Str, false, false), o("secret-uuid", Str, false, false), o("adapter-name", Str, false, false), o("adapter-wwnn", Str, false, false), o("adapter-wwpn", Str, false, false), o("adapter-parent", Str, false, false), o("adapter-parent-wwnn", Str, false, false), o("adapter-parent-wwpn", Str, false, false), o("adapter-parent-fabric-wwn", Str, false, false), o("source-protocol-ver", Str, false, false), o("source-initiator", Str, false, false), o("build", Bool, false, false), o("no-overwrite", Bool, false, false), o("overwrite", Bool, false, false)],
    },
    CmdDef {
        name: "pool-start",
        summary: "start a (previously defined) inactive pool",
        opts: &[o("pool", Str, true, false), o("build", Bool, false, false), o("no-overwrite", Bool, false, false), o("overwrite", Bool, false, false)],
    },
    CmdDef {
        name: "pool-destroy",
        summary: "destroy (stop) a pool",
        opts: &[o("pool", Str, true, false)],
    },
    CmdDef {
        name: "pool-undefine",
        summary: "undefine an inactive pool",
        opts: &[o("pool", Str, true, false)],
    },
    CmdDef {
        name: "pool-build",
        summary: "build a pool",
        opts: &[o("pool", Str, true, false), o("no-overwrite", Bool, false, false), o("overwrite", Bool, false, false)],
    },
    CmdDef {
        name: "pool-refresh",
        summary: "refresh a pool",
        opts: &[o("pool", Str, true, false)],
    },
    CmdDef {
        name: "pool-autostart",
        summary: "autostart a pool",
        opts: &[o("pool", Str, true, false), o("disable", Bool, false, false)],
    },
    CmdDef {
        name: "vol-list",
        summary: "list vols",
        opts: &[o("pool", Str, true, false), o("details", Bool, false, false)],
    },
    CmdDef {
        name: "vol-info",
        summary: "storage vol information",
        opts: &[o("vol", Str, true, false), o("pool", Str, false, false), o("bytes", Bool, false, false), o("physical", Bool, false, false)],
    },
    CmdDef {
        name: "vol-dumpxml",
        summary: "vol information in XML",
        opts: &[o("vol", Str, true, false), o("pool", Str, false, false), o("xpath", Str, false, true), o("wrap", Bool, false, false)],
    },
    CmdDef {
        name: "vol-create-as",
        summary: "create a volume from a set of args",
        opts: &[o("pool", Str, true, false), o("name", Str, true, false), o("capacity", Str, true, false), o("allocation", Str, false, false), o("format", Str, false, false), o("backing-vol", Str, false, false), o("backing-vol-format", Str, false, false), o("prealloc-metadata", Bool, false, false), o("print-xml", Bool, false, false)],
    },
    CmdDef {
        name: "vol-create",
        summary: "create a vol from an XML file",
        opts: &[o("pool", Str, true, false), o("file", Str, true, false), o("prealloc-metadata", Bool, false, false), o("validate", Bool, false, false)],
    },
    CmdDef {
        name: "vol-delete",
        summary: "delete a vol",
        opts: &[o("vol", Str, true, false), o("pool", Str, false, false), o("delete-snapshots", Bool, false, false)],
    },
    CmdDef {
        name: "vol-path",
        summary: "returns the volume path for a given volume name or key",
        opts: &[o("vol", Str, true, false), o("pool", Str, false, false)],
    },
    CmdDef {
        name: "vol-key",
        summary: "returns the volume key for a given volume name or path",
        opts: &[o("vol", Str, true, false), o("pool", Str, false, false)],
    },
    CmdDef {
        name: "vol-name",
        summary: "returns the volume name for a given volume key or path",
        opts: &[o("vol", Str, true, false)],
    },
    CmdDef {
        name: "vol-upload",
        summary: "upload file contents to a volume",
        opts: &[o("vol", Str, true, false), o("file", Str, true, false), o("pool", Str, false, false), o("offset", Int, false, false), o("length", Int, false, false), o("sparse", Bool, false, false)],
    },
    CmdDef {
        name: "vol-download",
        summary: "download volume contents to a file",
        opts: &[o("vol", Str, true, false), o("file", Str, true, false), o("pool", Str, false, false), o("offset", Int, false, false), o("length", Int, false, false), o("sparse", Bool, false, false)],
    },
    CmdDef {
        name: "vol-resize",
        summary: "resize a vol",
        opts: &[o("vol", Str, true, false), o("capacity", Str, true, false), o("pool", Str, false, false), o("allocate", Bool, false, false), o("delta", Bool, false, false), o("shrink", Bool, false, false)],
    },
    CmdDef {
        name: "vol-wipe",
        summary: "wipe a vol",
        opts: &[o("vol", Str, true, false), o("pool", Str, false, false), o("algorithm", Str, false, false)],
    },
    CmdDef {
        name: "iface-list",
        summary: "list physical host interfaces",
        opts: &[o("inactive", Bool, false, false), o("all", Bool, false, false)],
    },
    CmdDef {
        name: "iface-dumpxml",
        summary: "interface information in XML",
        opts: &[o("interface", Str, true, false), o("inactive", Bool, false, false), o("xpath", Str, false, true), o("wrap", Bool, false, false)],
    },
    CmdDef {
        name: "nodedev-list",
        summary: "enumerate devices on this host",
        opts: &[o("tree", Bool, false, false), o("cap", Str, false, false), o("inactive", Bool, false, false), o("all", Bool, false, false)],
    },
    CmdDef {
        name: "nodedev-dumpxml",
        summary: "node device details in XML",
        opts: &[o("device", Str, true, false), o("xpath", Str, false, true), o("wrap", Bool, false, false)],
    },
    CmdDef {
        name: "secret-define",
        summary: "define or modify a secret from an XML file",
        opts: &[o("file", Str, true, false), o("validate", Bool, false, false)],
    },
    CmdDef {
        name: "secret-list",
        summary: "list secrets",
        opts: &[o("ephemeral", Bool, false, false), o("no-ephemeral", Bool, false, false), o("private", Bool, false, false), o("no-private", Bool, false, false)],
    },
    CmdDef {
        name: "secret-dumpxml",
        summary: "secret attributes in XML",
        opts: &[o("secret", Str, true, false), o("xpath", Str, false, true), o("wrap", Bool, false, false)],
    },
    CmdDef {
        name: "secret-set-value",
        summary: "set a secret value",
        opts: &[o("secret", Str, true, false), o("file", Str, false, true), o("plain", Bool, false, false), o("interactive", Bool, false, false), o("base64", Str, false, false)],
    },
    CmdDef {
        name: "secret-get-value",
        summary: "Output a secret value",
        opts: &[o("secret", Str, true, false), o("plain", Bool, false, false)],
    },
    CmdDef {
        name: "secret-undefine",
        summary: "undefine a secret",
        opts: &[o("secret", Str, true, false)],
    },
    CmdDef {
        name: "freecell",
        summary: "NUMA free memory",
        opts: &[o("cellno", Int, false, false), o("all", Bool, false, false)],
    },
    CmdDef {
        name: "nodememstats",
        summary: "Prints memory stats of the node.",
        opts: &[o("cell", Int, false, false)],
    },
    CmdDef {
        name: "nodecpustats",
        summary: "Prints cpu stats of the node.",
        opts: &[o("cpu", Int, false, false), o("percent", Bool, false, false)],
    },
    CmdDef {
        name: "cpu-models",
        summary: "CPU models",
        opts: &[o("arch", Str, true, false)],
    },
    CmdDef {
        name: "maxvcpus",
        summary: "connection vcpu maximum",
        opts: &[o("type", Str, false, false)],
    },
    CmdDef {
        name: "domcapabilities",
        summary: "domain capabilities",
        opts: &[o("virttype", Str, false, false), o("emulatorbin", Str, false, false), o("arch", Str, false, false), o("machine", Str, false, false)],
    },
    CmdDef {
        name: "domhostname",
        summary: "print the domain's hostname",
        opts: &[o("domain", Str, true, false), o("source", Str, false, false)],
    },
    CmdDef {
        name: "domblkinfo",
        summary: "domain block device size information",
        opts: &[o("domain", Str, true, false), o("device", Str, false, false), o("human", Bool, false, false), o("all", Bool, false, false)],
    },
    CmdDef {
        name: "domblkerror",
        summary: "Show errors on block devices",
        opts: &[o("domain", Str, true, false)],
    },
    CmdDef {
        name: "domtime",
        summary: "domain time",
        opts: &[o("domain", Str, true, false), o("now", Bool, false, false), o("pretty", Bool, false, false), o("sync", Bool, false, false), o("time", Int, false, false)],
    },
    CmdDef {
        name: "domifaddr",
        summary: "Get network interfaces' addresses for a running domain",
        opts: &[o("domain", Str, true, false), o("interface", Str, false, false), o("full", Bool, false, false), o("source", Str, false, false)],
    },
    CmdDef {
        name: "domcontrol",
        summary: "domain control interface state",
        opts: &[o("domain", Str, true, false)],
    },
    CmdDef {
        name: "domjobabort",
        summary: "abort active domain job",
        opts: &[o("domain", Str, true, false), o("postcopy", Bool, false, false)],
    },
    CmdDef {
        name: "domjobinfo",
        summary: "domain job information",
        opts: &[o("domain", Str, true, false), o("completed", Bool, false, false), o("keep-completed", Bool, false, false), o("anystats", Bool, false, false), o("rawstats", Bool, false, false)],
    },
    CmdDef {
        name: "inject-nmi",
        summary: "Inject NMI to the guest",
        opts: &[o("domain", Str, true, false)],
    },
    CmdDef {
        name: "dompmsuspend",
        summary: "suspend a domain gracefully using power management functions",
        opts: &[o("domain", Str, true, false), o("target", Str, true, false), o("duration", Int, false, false)],
    },
    CmdDef {
        name: "dompmwakeup",
        summary: "wakeup a domain from pmsuspended state",
        opts: &[o("domain", Str, true, false)],
    },
    CmdDef {
        name: "domfsinfo",
        summary: "Get information of domain's mounted filesystems.",
        opts: &[o("domain", Str, true, false)],
    },
    CmdDef {
        name: "iothreadinfo",
        summary: "view domain IOThreads",
        opts: &[o("domain", Str, true, false), o("config", Bool, false, false), o("live", Bool, false, false), o("current", Bool, false, false)],
    },
    CmdDef {
        name: "set-user-password",
        summary: "set the user password inside the domain",
        opts: &[o("domain", Str, true, false), o("user", Str, true, false), o("password", Str, true, false), o("encrypted", Bool, false, false)],
    },
    CmdDef {
        name: "attach-device",
        summary: "attach device from an XML file",
        opts: &[o("domain", Str, true, false), o("file", Str, true, false), o("persistent", Bool, false, false), o("config", Bool, false, false), o("live", Bool, false, false), o("current", Bool, false, false)],
    },
    CmdDef {
        name: "detach-device",
        summary: "detach device from an XML file",
        opts: &[o("domain", Str, true, false), o("file", Str, true, false), o("persistent", Bool, false, false), o("config", Bool, false, false), o("live", Bool, false, false), o("current", Bool, false, false)],
    },
    CmdDef {
        name: "update-device",
        summary: "update device from an XML file",
        opts: &[o("domain", Str, true, false), o("file", Str, true, false), o("persistent", Bool, false, false), o("config", Bool, false, false), o("live", Bool, false, false), o("current", Bool, false, false), o("force", Bool, false, false)],
    },
    CmdDef {
        name: "iface-mac",
        summary: "convert an interface name to interface MAC address",
        opts: &[o("interface", Str, true, false)],
    },
    CmdDef {
        name: "iface-name",
        summary: "convert an interface MAC address to interface name",
        opts: &[o("interface", Str, true, false)],
    },
    CmdDef {
        name: "nodecpumap",
        summary: "node cpu map",
        opts: &[o("pretty", Bool, false, false)],
    },
    CmdDef {
        name: "snapshot-parent",
        summary: "Get the name of the parent of a snapshot",
        opts: &[o("domain", Str, true, false), o("snapshotname", Str, false, false), o("current", Bool, false, false)],
    },
    CmdDef {
        name: "vcpupin",
        summary: "control or query domain vcpu affinity",
        opts: &[o("domain", Str, true, false), o("vcpu", Int, false, false), o("cpulist", Str, false, false), o("config", Bool, false, false), o("live", Bool, false, false), o("current", Bool, false, false)],
    },
    CmdDef {
        name: "emulatorpin",
        summary: "control or query domain emulator affinity",
        opts: &[o("domain", Str, true, false), o("cpulist", Str, false, false), o("config", Bool, false, false), o("live", Bool, false, false), o("current", Bool, false, false)],
    },
    CmdDef {
        name: "numatune",
        summary: "Get or set numa parameters",
        opts: &[o("domain", Str, true, false), o("mode", Str, false, false), o("nodeset", Str, false, false), o("config", Bool, false, false), o("live", Bool, false, false), o("current", Bool, false, false)],
    },
    CmdDef {
        name: "domiftune",
        summary: "get/set parameters of a virtual interface",
        opts: &[o("domain", Str, true, false), o("interface", Str, true, false), o("inbound", Str, false, false), o("outbound", Str, false, false), o("config", Bool, false, false), o("live", Bool, false, false), o("current", Bool, false, false)],
    },
    CmdDef {
        name: "blkdeviotune",
        summary: "Set or query a block device I/O tuning parameters.",
        opts: &[o("domain", Str, true, false), o("device", Str, true, false), o("total-bytes-sec", Int, false, false), o("read-bytes-sec", Int, false, false), o("write-bytes-sec", Int, false, false), o("total-iops-sec", Int, false, false), o("read-iops-sec", Int, false, false), o("write-iops-sec", Int, false, false), o("total-bytes-sec-max", Int, false, false), o("read-bytes-sec-max", Int, false, false), o("write-bytes-sec-max", Int, false, false), o("total-iops-sec-max", Int, false, false), o("read-iops-sec-max", Int, false, false), o("write-iops-sec-max", Int, false, false), o("size-iops-sec", Int, false, false), o("group-name", Str, false, false), o("total-bytes-sec-max-length", Int, false, false), o("read-bytes-sec-max-length", Int, false, false), o("write-bytes-sec-max-length", Int, false, false), o("total-iops-sec-max-length", Int, false, false), o("read-iops-sec-max-length", Int, false, false), o("write-iops-sec-max-length", Int, false, false), o("config", Bool, false, false), o("live", Bool, false, false), o("current", Bool, false, false)],
    },
    CmdDef {
        name: "cpu-stats",
        summary: "show domain cpu statistics",
        opts: &[o("domain", Str, true, false), o("total", Bool, false, false), o("start", Int, false, false), o("count", Int, false, false)],
    },
    CmdDef {
        name: "send-key",
        summary: "Send keycodes to the guest",
        opts: &[o("domain", Str, true, false), o("codeset", Str, false, true), o("holdtime", Int, false, true), o("keycode", Argv, true, false)],
    },
    CmdDef {
        name: "freepages",
        summary: "NUMA free pages",
        opts: &[o("cellno", Int, false, false), o("pagesize", Int, false, false), o("all", Bool, false, false)],
    },
    CmdDef {
        name: "allocpages",
        summary: "Manipulate pages pool size",
        opts: &[o("pagesize", Int, true, false), o("pagecount", Int, true, false), o("cellno", Int, false, false), o("add", Bool, false, false), o("all", Bool, false, false)],
    },
    CmdDef {
        name: "nodesuspend",
        summary: "suspend the host node for a given time duration",
        opts: &[o("target", Str, true, false), o("duration", Int, true, false)],
    },
    CmdDef {
        name: "node-memory-tune",
        summary: "Get or set node memory parameters",
        opts: &[o("shm-pages-to-scan", Int, false, false), o("shm-sleep-millisecs", Int, false, false), o("shm-merge-across-nodes", Int, false, false)],
    },
    CmdDef {
        name: "iface-define",
        summary: "define an inactive persistent physical host interface or modify an existing persistent one from an XML file",
        opts: &[o("file", Str, true, false), o("validate", Bool, false, false)],
    },
    CmdDef {
        name: "iface-undefine",
        summary: "undefine a physical host interface (remove it from configuration)",
        opts: &[o("interface", Str, true, false)],
    },
    CmdDef {
        name: "iface-start",
        summary: "start a physical host interface (enable it / \"if-up\")",
        opts: &[o("interface", Str, true, false)],
    },
    CmdDef {
        name: "iface-destroy",
        summary: "destroy a physical host interface (disable it / \"if-down\")",
        opts: &[o("interface", Str, true, false)],
    },
    CmdDef {
        name: "pool-delete",
        summary: "delete a pool",
        opts: &[o("pool", Str, true, false)],
    },
    CmdDef {
        name: "pool-capabilities",
        summary: "storage pool capabilities",
        opts: &[],
    },
    CmdDef {
        name: "vol-clone",
        summary: "clone a volume.",
        opts: &[o("vol", Str, true, false), o("newname", Str, true, false), o("pool", Str, false, false), o("prealloc-metadata", Bool, false, false), o("reflink", Bool, false, false), o("print-xml", Bool, false, false)],
    },
    CmdDef {
        name: "managedsave-dumpxml",
        summary: "Domain information of managed save state file in XML",
        opts: &[o("domain", Str, true, false), o("security-info", Bool, false, false), o("xpath", Str, false, true), o("wrap", Bool, false, false)],
    },
    CmdDef {
        name: "save-image-dumpxml",
        summary: "saved state domain information in XML",
        opts: &[o("file", Str, true, false), o("security-info", Bool, false, false), o("xpath", Str, false, true), o("wrap", Bool, false, false)],
    },
    CmdDef {
        name: "ttyconsole",
        summary: "tty console",
        opts: &[o("domain", Str, true, false)],
    },
    CmdDef {
        name: "domdisplay",
        summary: "domain display connection URI",
        opts: &[o("domain", Str, true, false), o("include-password", Bool, false, false), o("type", Str, false, false), o("all", Bool, false, false)],
    },
    CmdDef {
        name: "vncdisplay",
        summary: "vnc display",
        opts: &[o("domain", Str, true, false)],
    },
    CmdDef {
        name: "guestinfo",
        summary: "query information about the guest (via agent)",
        opts: &[o("domain", Str, true, false), o("user", Bool, false, false), o("os", Bool, false, false), o("timezone", Bool, false, false), o("hostname", Bool, false, false), o("filesystem", Bool, false, false), o("disk", Bool, false, false), o("interface", Bool, false, false)],
    },
    CmdDef {
        name: "complete",
        summary: "",
        opts: &[o("string", Argv, false, false)],
    },
    CmdDef {
        name: "help",
        summary: "print help",
        opts: &[o("command", Str, false, false)],
    },
    CmdDef {
        name: "quit",
        summary: "quit this interactive terminal",
        opts: &[],
    },
    CmdDef {
        name: "exit",
        summary: "quit this interactive terminal",
        opts: &[],
    },
];
