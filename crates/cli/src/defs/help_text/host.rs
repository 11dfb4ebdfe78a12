//! `help COMMAND` text of virsh's Host and Hypervisor commands: each command's
//! DESCRIPTION and per-option help, as stock virsh 9.0 prints them.

use super::CmdHelp;

#[rustfmt::skip]
pub static HELP: &[CmdHelp] = &[
    ("allocpages", "Allocate or free some pages in the pool for NUMA cell.", &[
        ("pagesize", "page size (in kibibytes)"),
        ("pagecount", "page count"),
        ("cellno", "NUMA cell number"),
        ("add", "instead of setting new pool size add pages to it"),
        ("all", "set on all NUMA cells"),
    ]),
    ("capabilities", "Returns capabilities of hypervisor/driver.", &[]),
    ("cpu-baseline", "Compute baseline CPU for a set of given CPUs.", &[
        ("file", "file containing XML CPU descriptions"),
        ("features", "Show features that are part of the CPU model type"),
        ("migratable", "Do not include features that block migration"),
    ]),
    ("cpu-compare", "compare CPU with host CPU", &[
        ("file", "file containing an XML CPU description"),
        ("error", "report error if CPUs are incompatible"),
        ("validate", "validate the XML document against schema"),
    ]),
    ("cpu-models", "Get the CPU models for an arch.", &[
        ("arch", "architecture"),
    ]),
    ("domcapabilities", "Returns capabilities of emulator with respect to host and libvirt.", &[
        ("virttype", "virtualization type (/domain/@type)"),
        ("emulatorbin", "path to emulator binary (/domain/devices/emulator)"),
        ("arch", "domain architecture (/domain/os/type/@arch)"),
        ("machine", "machine type (/domain/os/type/@machine)"),
    ]),
    ("freecell", "display available free memory for the NUMA cell.", &[
        ("cellno", "NUMA cell number"),
        ("all", "show free memory for all NUMA cells"),
    ]),
    ("freepages", "display available free pages for the NUMA cell.", &[
        ("cellno", "NUMA cell number"),
        ("pagesize", "page size (in kibibytes)"),
        ("all", "show free pages for all NUMA cells"),
    ]),
    ("hostname", "", &[]),
    ("hypervisor-cpu-baseline", "Compute baseline CPU for a set of given CPUs. The result will be tailored to the specified hypervisor.", &[
        ("file", "file containing XML CPU descriptions"),
        ("virttype", "virtualization type (/domain/@type)"),
        ("emulator", "path to emulator binary (/domain/devices/emulator)"),
        ("arch", "CPU architecture (/domain/os/type/@arch)"),
        ("machine", "machine type (/domain/os/type/@machine)"),
        ("features", "Show features that are part of the CPU model type"),
        ("migratable", "Do not include features that block migration"),
        ("model", "Shortcut for calling the command with a single CPU model and no additional features"),
    ]),
    ("hypervisor-cpu-compare", "compare CPU with hypervisor CPU", &[
        ("file", "file containing an XML CPU description"),
        ("virttype", "virtualization type (/domain/@type)"),
        ("emulator", "path to emulator binary (/domain/devices/emulator)"),
        ("arch", "CPU architecture (/domain/os/type/@arch)"),
        ("machine", "machine type (/domain/os/type/@machine)"),
        ("error", "report error if CPUs are incompatible"),
        ("validate", "validate the XML document against schema"),
    ]),
    ("maxvcpus", "Show maximum number of virtual CPUs for guests on this connection.", &[
        ("type", "domain type"),
    ]),
    ("node-memory-tune", "Get or set node memory parameters\n    To get the memory parameters, use following command: \n\n    virsh # node-memory-tune", &[
        ("shm-pages-to-scan", "number of pages to scan before the shared memory service goes to sleep"),
        ("shm-sleep-millisecs", "number of millisecs the shared memory service should sleep before next scan"),
        ("shm-merge-across-nodes", "Specifies if pages from different numa nodes can be merged"),
    ]),
    ("nodecpumap", "Displays the node's total number of CPUs, the number of online CPUs and the list of online CPUs.", &[
        ("pretty", "return human readable output"),
    ]),
    ("nodecpustats", "Returns cpu stats of the node, in nanoseconds.", &[
        ("cpu", "prints specified cpu statistics only."),
        ("percent", "prints by percentage during 1 second."),
    ]),
    ("nodeinfo", "Returns basic information about the node.", &[]),
    ("nodememstats", "Returns memory stats of the node, in kilobytes.", &[
        ("cell", "prints specified cell statistics only."),
    ]),
    ("nodesevinfo", "Returns basic SEV information about the node.", &[]),
    ("nodesuspend", "Suspend the host node for a given time duration and attempt to resume thereafter.", &[
        ("target", "mem(Suspend-to-RAM), disk(Suspend-to-Disk), hybrid(Hybrid-Suspend)"),
        ("duration", "Suspend duration in seconds, at least 60"),
    ]),
    ("sysinfo", "output an XML string for the hypervisor sysinfo, if available", &[]),
    ("uri", "", &[]),
    ("version", "Display the system version information.", &[
        ("daemon", "report daemon version too"),
    ]),
];
