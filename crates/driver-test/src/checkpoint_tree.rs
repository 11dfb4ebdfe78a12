//! The checkpoint tree of one domain (`virDomainMomentObjList` for checkpoints): lookups,
//! child order, traversal and the list filters.

use crate::errors::TEST;
use crate::model::checkpoint::TestCheckpoint;
use crate::objects::DomainObj;
use rvirt_conf::checkpoint::{tree, CheckpointDef};
use rvirt_core::error::{ErrorCode, VirError, VirResult};

/// `VIR_ERR_NO_DOMAIN_CHECKPOINT` for a name the domain lacks.
pub fn no_checkpoint(name: &str) -> VirError {
    VirError::new(
        ErrorCode::NoDomainCheckpoint,
        TEST,
        format!("no domain checkpoint with matching name '{name}'"),
    )
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

/// The domain's checkpoints, most recently linked first: the sibling order of libvirt's
/// moment lists, which prepend a newly linked child.
fn by_link(d: &DomainObj) -> Vec<&CheckpointDef> {
    let mut v: Vec<&TestCheckpoint> = d.checkpoints.iter().collect();
    v.sort_by_key(|c| std::cmp::Reverse(c.link));
    v.into_iter().map(|c| &c.def).collect()
}

/// Direct children of `parent` (`None` = the roots), newest link first.
fn children_names(d: &DomainObj, parent: Option<&str>) -> Vec<String> {
    tree::children(&by_link(d), parent)
        .into_iter()
        .map(|c| c.name.clone())
        .collect()
}

/// Every descendant of `parent` (`None` = all), parents before children.
pub fn descendants(d: &DomainObj, parent: Option<&str>) -> Vec<String> {
    tree::descendants(&by_link(d), parent)
}

/// `virDomainListCheckpoints` from `from` (`None` = the metaroot): direct children, or
/// with `descendants` the whole subtree, then the leaf filters.
pub fn list(d: &DomainObj, from: Option<&str>, descendants_too: bool, flags: u32) -> Vec<String> {
    tree::list(&by_link(d), from, descendants_too, flags)
}

/// `virDomainMomentCheckCycles` for a redefinition named `name` with parent `parent`.
pub fn check_cycles(d: &DomainObj, name: &str, parent: Option<&str>) -> VirResult<()> {
    tree::check_cycles(&by_link(d), name, parent)
}

/// `virDomainMomentMoveChildren`: the children of `from` move under `to`, ahead of its
/// own children and in their existing order.
pub fn move_children(d: &mut DomainObj, from: &str, to: Option<&str>) {
    let mut moved = children_names(d, Some(from));
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
