//! A domain's checkpoint tree (`virDomainMomentObjList` for checkpoints): children,
//! traversal, the list filters and the cycle check of a redefinition, over any slice of
//! checkpoints. Siblings come in slice order, so a driver decides the order by how it
//! sorts the slice (libvirt lists the most recently linked child first).

use crate::checkpoint::CheckpointDef;
use rvirt_core::driver::checkpoint_flags as cf;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

/// A node of the tree: its name and its parent's.
pub trait Moment {
    /// The checkpoint's name.
    fn moment_name(&self) -> &str;
    /// Its parent's name (`None` for a root).
    fn moment_parent(&self) -> Option<&str>;
}

impl Moment for CheckpointDef {
    fn moment_name(&self) -> &str {
        &self.name
    }
    fn moment_parent(&self) -> Option<&str> {
        self.parent.as_deref()
    }
}

impl<M: Moment> Moment for &M {
    fn moment_name(&self) -> &str {
        (**self).moment_name()
    }
    fn moment_parent(&self) -> Option<&str> {
        (**self).moment_parent()
    }
}

/// Direct children of `parent` (`None` = the roots), in slice order.
pub fn children<'a, M: Moment>(all: &'a [M], parent: Option<&str>) -> Vec<&'a M> {
    all.iter().filter(|m| m.moment_parent() == parent).collect()
}

/// Every descendant of `parent` (`None` = all), parents before children.
pub fn descendants<M: Moment>(all: &[M], parent: Option<&str>) -> Vec<String> {
    let mut out = Vec::new();
    for c in children(all, parent) {
        out.push(c.moment_name().to_string());
        out.extend(descendants(all, Some(c.moment_name())));
    }
    out
}

/// `virDomainListCheckpoints` from `from` (`None` = the metaroot): the direct children, or
/// with `descendants_too` the whole subtree, then `VIR_DOMAIN_CHECKPOINT_LIST_LEAVES` /
/// `_NO_LEAVES` from `flags`.
pub fn list<M: Moment>(
    all: &[M],
    from: Option<&str>,
    descendants_too: bool,
    flags: u32,
) -> Vec<String> {
    let names = if descendants_too {
        descendants(all, from)
    } else {
        children(all, from)
            .into_iter()
            .map(|c| c.moment_name().to_string())
            .collect()
    };
    names
        .into_iter()
        .filter(|n| {
            let leaf = children(all, Some(n)).is_empty();
            !(flags & cf::LIST_LEAVES != 0 && !leaf || flags & cf::LIST_NO_LEAVES != 0 && leaf)
        })
        .collect()
}

/// `virDomainMomentCheckCycles` for a redefinition of `name` under `parent`.
pub fn check_cycles<M: Moment>(all: &[M], name: &str, parent: Option<&str>) -> VirResult<()> {
    let arg = |m: String| VirError::new(ErrorCode::InvalidArg, ErrorDomain::Domain, m);
    let Some(parent) = parent else {
        return Ok(());
    };
    if parent == name {
        return Err(arg(format!("cannot set moment {name} as its own parent")));
    }
    let find = |n: &str| all.iter().find(|m| m.moment_name() == n);
    let mut other =
        find(parent).ok_or_else(|| arg(format!("parent {parent} for moment {name} not found")))?;
    while let Some(up) = other.moment_parent() {
        if up == name {
            return Err(arg(format!(
                "parent {} would create cycle to {name}",
                other.moment_name()
            )));
        }
        match find(up) {
            Some(m) => other = m,
            None => break,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    struct M(&'static str, Option<&'static str>);
    impl Moment for M {
        fn moment_name(&self) -> &str {
            self.0
        }
        fn moment_parent(&self) -> Option<&str> {
            self.1
        }
    }

    #[test]
    fn queries_follow_slice_order_and_filters() {
        // a ─┬─ c ── d
        //    └─ b
        let t = [
            M("a", None),
            M("c", Some("a")),
            M("b", Some("a")),
            M("d", Some("c")),
        ];
        assert_eq!(descendants(&t, None), ["a", "c", "d", "b"]);
        assert_eq!(list(&t, Some("a"), false, 0), ["c", "b"]);
        assert_eq!(list(&t, None, true, cf::LIST_LEAVES), ["d", "b"]);
        assert_eq!(list(&t, None, true, cf::LIST_NO_LEAVES), ["a", "c"]);
        assert!(check_cycles(&t, "x", Some("d")).is_ok());
        assert_eq!(
            check_cycles(&t, "a", Some("d")).unwrap_err().message,
            "invalid argument: parent c would create cycle to a"
        );
        assert_eq!(
            check_cycles(&t, "a", Some("a")).unwrap_err().message,
            "invalid argument: cannot set moment a as its own parent"
        );
        assert_eq!(
            check_cycles(&t, "a", Some("zz")).unwrap_err().message,
            "invalid argument: parent zz for moment a not found"
        );
    }
}
