//! `help COMMAND` text of virsh's Domain Events commands: each command's
//! DESCRIPTION and per-option help, as stock virsh 9.0 prints them.

use super::CmdHelp;

#[rustfmt::skip]
pub static HELP: &[CmdHelp] = &[
    ("event", "List event types, or wait for domain events to occur", &[
        ("domain", "filter by domain name, id or uuid"),
        ("event", "which event type to wait for"),
        ("all", "wait for all events instead of just one type"),
        ("loop", "loop until timeout or interrupt, rather than one-shot"),
        ("timeout", "timeout seconds"),
        ("list", "list valid event types"),
        ("timestamp", "show timestamp for each printed event"),
    ]),
];
