//! The checkpoint tree of one domain (`virDomainMomentObjList` for checkpoints): lookups,
//! child order, traversal and the list filters.

use crate::errors::TEST;
use crate::model::checkpoint::TestCheckpoint;
use crate::objects::DomainObj;
use rvirt_core::driver::checkpoint_flags as cf;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

/// `VIR_ERR_NO_DOMAIN_CHECKPOINT` for a name the domain lacks.
pub fn no_checkpoint(name: &str) -> VirError {
    VirError::new(
        ErrorCode::NoDomainCheckpoint,
        TEST,
        format!("no domain checkpoint with matching name '{name}'"),
    )
}

/// `VIR_ERR_INVALID_ARG` from the moment list (`VIR_FROM_DOMAIN`).
fn moment_arg(detail: String) -> VirError {
    VirError::new(ErrorCode::InvalidArg, ErrorDomain::Domain, detail)
}

/// The index of checkpoint `name` (`testCheckpointObjFromName`).
pub fn index(d: &DomainObj, name: &str) -> VirResult<usize> {
    d.checkpoints
        .iter()
        .position(|c| c.name() == name)
        .ok_or_else(|| no_checkpoint(name))
}

/// The next link stamp for the domain's tree.
pub fn next_link(d: &DomainObj) -> u64 {
    d.checkpoints.iter().map(|c| c.link).max().unwrap_or(0) + 1
}

/// Direct children of `parent` (`None` = the roots), newest link first.
pub fn children<'a>(d: &'a DomainObj, parent: Option<&str>) -> Vec<&'a TestCheckpoint> {
    let mut v: Vec<&TestCheckpoint> = d
        .checkpoints
        .iter()
        .filter(|c| c.parent() == parent)
        .collect();
    v.sort_by_key(|c| std::cmp::Reverse(c.link));
    v
}

/// Every descendant of `parent` (`None` = all), parents before children.
pub fn descendants(d: &DomainObj, parent: Option<&str>) -> Vec<String> {
    let mut out = Vec::new();
    for c in children(d, parent) {
        out.push(c.name().to_string());
        out.extend(descendants(d, Some(c.name())));
    }
    out
}

/// `virDomainListCheckpoints` from `from` (`None` = the metaroot): direct children, or
/// with `descendants` the whole subtree, then the leaf filters.
pub fn list(d: &DomainObj, from: Option<&str>, descendants_too: bool, flags: u32) -> Vec<String> {
    let names = if descendants_too {
        descendants(d, from)
    } else {
        children(d, from)
            .into_iter()
            .map(|c| c.name().to_string())
            .collect()
    };
    names
        .into_iter()
        .filter(|n| {
            let leaf = children(d, Some(n)).is_empty();
            !(flags & cf::LIST_LEAVES != 0 && !leaf || flags & cf::LIST_NO_LEAVES != 0 && leaf)
        })
        .collect()
}

/// `virDomainMomentCheckCycles` for a redefinition named `name` with parent `parent`.
pub fn check_cycles(d: &DomainObj, name: &str, parent: Option<&str>) -> VirResult<()> {
    let Some(parent) = parent else {
        return Ok(());
    };
    if parent == name {
        return Err(moment_arg(format!(
            "cannot set moment {name} as its own parent"
        )));
    }
    let mut other = d
        .checkpoints
        .iter()
        .find(|c| c.name() == parent)
        .ok_or_else(|| moment_arg(format!("parent {parent} for moment {name} not found")))?;
    while let Some(up) = other.parent() {
        if up == name {
            return Err(moment_arg(format!(
                "parent {} would create cycle to {name}",
                other.name()
            )));
        }
        match d.checkpoints.iter().find(|c| c.name() == up) {
            Some(c) => other = c,
            None => break,
        }
    }
    Ok(())
}

/// `virDomainMomentMoveChildren`: the children of `from` move under `to`, ahead of its
/// own children and in their existing order.
pub fn move_children(d: &mut DomainObj, from: &str, to: Option<&str>) {
    let mut moved: Vec<String> = children(d, Some(from))
        .into_iter()
        .map(|c| c.name().to_string())
        .collect();
    moved.reverse();
    let mut link = next_link(d);
    for name in moved {
        if let Some(c) = d.checkpoints.iter_mut().find(|c| c.name() == name) {
            c.def.parent = to.map(str::to_string);
            c.link = link;
            link += 1;
        }
    }
}
