//! `help COMMAND` text of virsh's Virsh itself commands: each command's
//! DESCRIPTION and per-option help, as stock virsh 9.0 prints them.

use super::CmdHelp;

#[rustfmt::skip]
pub static HELP: &[CmdHelp] = &[
    ("cd", "Change the current directory.", &[
        ("dir", "directory to switch to (default: home or else root)"),
    ]),
    ("echo", "Echo back arguments, possibly with quoting. Used for internal testing.", &[
        ("shell", "escape for shell use"),
        ("xml", "escape for XML use"),
        ("split", "split each argument on ','; ',,' is an escape sequence"),
        ("err", "output to stderr"),
        ("string", "arguments to echo"),
    ]),
    ("exit", "", &[]),
    ("help", "Prints global help, command specific help, or help for a\n    group of related commands", &[
        ("command", "Prints global help, command specific help, or help for a group of related commands"),
    ]),
    ("pwd", "Print the current directory.", &[]),
    ("quit", "", &[]),
    ("connect", "Connect to local hypervisor. This is built-in command after shell start up.", &[
        ("name", "hypervisor connection URI"),
        ("readonly", "read-only connection"),
    ]),
    ("complete", "internal use only", &[
        ("string", "partial string to autocomplete"),
    ]),
];
