//! `virNWFilterInstantiateFilter` / `virNWFilterTeardownFilter`: a binding's rules put into
//! (or taken out of) the kernel with one `nft -f -` transaction per port.

use std::collections::BTreeSet;

use rvirt_conf::nwfilter::{NwFilterBindingDef, NwFilterDef};
use rvirt_core::error::{VirError, VirResult};

use super::ruleset::{build, chains_in_listing, port_of_chain, script, PortRuleset, TABLE};
use super::runner::NftRunner;
use super::tree::resolve;
use crate::errors::DOM;

/// libvirt's wording for a firewall command that failed.
fn firewall_error(args: &[&str], msg: &str) -> VirError {
    VirError::internal(
        DOM,
        format!(
            "Failed to apply firewall rules nft {}: {msg}",
            args.join(" ")
        ),
    )
}

/// The ruleset a binding yields (filters resolved, variables expanded, rules translated).
pub(crate) fn ruleset<'a>(
    lookup: &dyn Fn(&str) -> Option<&'a NwFilterDef>,
    binding: &NwFilterBindingDef,
) -> VirResult<PortRuleset> {
    let rules = resolve(lookup, binding)?;
    build(&binding.portdev, &rules)
}

/// Every chain currently in the table (none when the table does not exist).
pub(crate) fn list_chains(runner: &dyn NftRunner) -> VirResult<Vec<String>> {
    let args = ["list", "table", "bridge", TABLE];
    match runner.run(&args, None) {
        Ok(text) => Ok(chains_in_listing(&text)),
        // nft's own "no such table" answer
        Err(e) if e.contains("Error: No such file or directory") => Ok(Vec::new()),
        Err(e) => Err(firewall_error(&args, &e)),
    }
}

/// The ports that have chains in the table.
pub(crate) fn ports(runner: &dyn NftRunner) -> VirResult<BTreeSet<String>> {
    Ok(list_chains(runner)?
        .iter()
        .filter_map(|c| port_of_chain(c).map(str::to_string))
        .collect())
}

fn run_script(runner: &dyn NftRunner, text: &str) -> VirResult<()> {
    let args = ["-f", "-"];
    runner
        .run(&args, Some(text))
        .map(|_| ())
        .map_err(|e| firewall_error(&args, &with_hint(&e)))
}

/// nft's message, plus what to do when the kernel lacks connection tracking on bridges
/// (a rule with `state=` then fails with a bare "Protocol error" on its `ct state`).
fn with_hint(nft_error: &str) -> String {
    let ct_refused =
        nft_error.lines().any(|l| l.contains("ct state")) && nft_error.contains("Protocol error");
    match ct_refused {
        true => format!(
            "{nft_error}\n(rules with state= need connection tracking on bridges: load the \
             kernel module nf_conntrack_bridge, or drop state= from the filter)"
        ),
        false => nft_error.to_string(),
    }
}

/// Replaces the port's chains with `rs`, atomically.
pub(crate) fn apply(runner: &dyn NftRunner, rs: &PortRuleset) -> VirResult<()> {
    let existing = list_chains(runner)?;
    run_script(runner, &script(&rs.portdev, Some(rs), &existing))
}

/// Removes the port's chains (nothing to do when it has none).
pub(crate) fn remove(runner: &dyn NftRunner, portdev: &str) -> VirResult<()> {
    let existing = list_chains(runner)?;
    if !existing.iter().any(|c| port_of_chain(c) == Some(portdev)) {
        return Ok(());
    }
    run_script(runner, &script(portdev, None, &existing))
}

/// The complete `nft -f -` text that instantiates `binding` on a table without its port
/// (what the driver sends when the port is new), for inspection and tests.
pub fn render_binding(filters: &[NwFilterDef], binding: &NwFilterBindingDef) -> VirResult<String> {
    let lookup = |n: &str| filters.iter().find(|f| f.name == n);
    let rs = ruleset(&lookup, binding)?;
    Ok(script(&binding.portdev, Some(&rs), &[]))
}

#[cfg(test)]
mod tests {
    use super::with_hint;

    #[test]
    fn bridge_conntrack_failure_says_what_to_do() {
        let e = "/dev/stdin:26:89-96: Error: Could not process rule: Protocol error\n\
                 add rule bridge rvirt_nwfilter vnet9/in/l3 tcp dport 443 ct state new accept\n";
        assert!(with_hint(e).ends_with(
            "load the kernel module nf_conntrack_bridge, or drop \
                 state= from the filter)"
        ));
        assert_eq!(with_hint("Error: syntax error"), "Error: syntax error");
    }
}
