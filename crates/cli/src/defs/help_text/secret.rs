//! `help COMMAND` text of virsh's Secret commands: each command's
//! DESCRIPTION and per-option help, as stock virsh 9.0 prints them.

use super::CmdHelp;

#[rustfmt::skip]
pub static HELP: &[CmdHelp] = &[
    ("secret-define", "Define or modify a secret.", &[
        ("file", "file containing secret attributes in XML"),
        ("validate", "validate the XML against the schema"),
    ]),
    ("secret-dumpxml", "Output attributes of a secret as an XML dump to stdout.", &[
        ("secret", "secret UUID"),
        ("xpath", "xpath expression to filter the XML document"),
        ("wrap", "wrap xpath results in an common root element"),
    ]),
    ("secret-event", "List event types, or wait for secret events to occur", &[
        ("secret", "filter by secret name or uuid"),
        ("event", "which event type to wait for"),
        ("loop", "loop until timeout or interrupt, rather than one-shot"),
        ("timeout", "timeout seconds"),
        ("list", "list valid event types"),
        ("timestamp", "show timestamp for each printed event"),
    ]),
    ("secret-get-value", "Output a secret value to stdout.", &[
        ("secret", "secret UUID"),
        ("plain", "get value without converting to base64"),
    ]),
    ("secret-list", "Returns a list of secrets", &[
        ("ephemeral", "list ephemeral secrets"),
        ("no-ephemeral", "list non-ephemeral secrets"),
        ("private", "list private secrets"),
        ("no-private", "list non-private secrets"),
    ]),
    ("secret-set-value", "Set a secret value.", &[
        ("secret", "secret UUID"),
        ("file", "read secret from file"),
        ("plain", "read the secret from file without converting from base64"),
        ("interactive", "read the secret from the terminal"),
        ("base64", "base64-encoded secret value"),
    ]),
    ("secret-undefine", "Undefine a secret.", &[
        ("secret", "secret UUID"),
    ]),
];
