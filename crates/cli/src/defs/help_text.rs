//! `help COMMAND` text (DESCRIPTION and per-option help) for every virsh 9.0 command, one
//! table per virsh help group. A command rvirsh gains later finds its text here already;
//! a command virsh lacks gets an entry in the table of its group.

mod backup;
mod checkpoint;
mod domain_1;
mod domain_2;
mod events;
mod filter;
mod host;
mod interface;
mod monitor;
mod network;
mod nodedev;
mod pool;
mod secret;
mod snapshot;
mod virsh;
mod volume;

/// One command's help: (command, description, [(option, help)]). An empty description
/// means virsh prints no DESCRIPTION section.
pub type CmdHelp = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

/// Every table, in virsh's group order.
static TABLES: &[&[CmdHelp]] = &[
    domain_1::HELP,
    domain_2::HELP,
    monitor::HELP,
    events::HELP,
    host::HELP,
    checkpoint::HELP,
    interface::HELP,
    filter::HELP,
    network::HELP,
    nodedev::HELP,
    secret::HELP,
    snapshot::HELP,
    backup::HELP,
    pool::HELP,
    volume::HELP,
    virsh::HELP,
];

/// Every command's help entry.
pub fn all() -> impl Iterator<Item = &'static CmdHelp> {
    TABLES.iter().flat_map(|t| t.iter())
}

/// The help entry of command `name`.
pub fn find(name: &str) -> Option<&'static CmdHelp> {
    all().find(|(n, _, _)| *n == name)
}

/// Summaries of commands whose [`crate::defs::CmdDef`] summary is empty (so completion and the
/// grouped listing hide them) but whose `help COMMAND` NAME line has one.
pub static HIDDEN_SUMMARIES: &[(&str, &str)] =
    &[("complete", "internal command for autocompletion")];

/// Argv options virsh shows as bare data (`[<name>]...`, `<name>` in OPTIONS) rather than
/// `[[--name] <string>]...`: (command, option).
pub static DATA_ARGV: &[(&str, &str)] = &[
    ("echo", "string"),
    ("complete", "string"),
    ("domstats", "domain"),
];

#[cfg(test)]
mod tests {
    #[test]
    fn tables_have_unique_commands_and_options() {
        let mut names: Vec<&str> = super::all().map(|(n, _, _)| *n).collect();
        let total = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), total, "a command appears twice");
        assert!(total >= 275, "only {total} commands");
        for (n, _, opts) in super::all() {
            let mut o: Vec<&str> = opts.iter().map(|(o, _)| *o).collect();
            let k = o.len();
            o.sort_unstable();
            o.dedup();
            assert_eq!(o.len(), k, "{n} lists an option twice");
        }
    }

    #[test]
    fn finds_entries() {
        let (_, desc, opts) = super::find("dominfo").unwrap();
        assert_eq!(*desc, "Returns basic information about the domain.");
        assert_eq!(opts, &[("domain", "domain name, id or uuid")]);
        assert!(super::find("nosuch").is_none());
    }
}
