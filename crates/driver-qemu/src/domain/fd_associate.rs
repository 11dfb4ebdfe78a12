//! `virDomainFDAssociate` (`qemuDomainFDAssociate`): fds a client hands to a domain under a
//! name, for disks with `<source fdgroup='name'/>`. Kept per domain, replaced when the name
//! is used again, closed when replaced or forgotten.

use super::driver::QemuDriver;
use rvirt_conf::domain::{DomainDef, Element};
use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_core::handle::{DomainRef, Uuid};
use std::collections::HashMap;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd, RawFd};
use std::sync::Mutex;

/// `VIR_DOMAIN_FD_ASSOCIATE_SECLABEL_RESTORE`: restore the fds' security labels afterwards.
pub const FD_ASSOCIATE_SECLABEL_RESTORE: u32 = 1;
/// `VIR_DOMAIN_FD_ASSOCIATE_SECLABEL_WRITABLE`: label the fds writable.
pub const FD_ASSOCIATE_SECLABEL_WRITABLE: u32 = 2;

/// One associated group (`virStorageSourceFDTuple`).
#[derive(Debug)]
pub struct FdGroup {
    pub fds: Vec<OwnedFd>,
    pub restore_label: bool,
    pub writable: bool,
}

/// Every domain's associated fd groups, by domain UUID and group name.
#[derive(Debug, Default)]
pub struct FdGroups(Mutex<HashMap<Uuid, HashMap<String, FdGroup>>>);

impl FdGroups {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Uuid, HashMap<String, FdGroup>>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Stores `group` under `name` for domain `uuid`, closing a group it replaces.
    pub fn insert(&self, uuid: Uuid, name: &str, group: FdGroup) {
        self.lock()
            .entry(uuid)
            .or_default()
            .insert(name.to_string(), group);
    }

    /// Runs `f` on the fds of group `name` of domain `uuid` (`None` when not associated).
    pub fn with_group<T>(
        &self,
        uuid: Uuid,
        name: &str,
        f: impl FnOnce(&[BorrowedFd<'_>], &FdGroup) -> T,
    ) -> Option<T> {
        let map = self.lock();
        let g = map.get(&uuid)?.get(name)?;
        let fds: Vec<BorrowedFd<'_>> = g.fds.iter().map(|f| f.as_fd()).collect();
        Some(f(&fds, g))
    }

    /// The group names associated with domain `uuid`, sorted.
    pub fn names(&self, uuid: Uuid) -> Vec<String> {
        let mut v: Vec<String> = self
            .lock()
            .get(&uuid)
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        v.sort();
        v
    }

    /// Closes every group of domain `uuid` (the domain object went away).
    pub fn forget(&self, uuid: Uuid) {
        self.lock().remove(&uuid);
    }

    /// Closes the groups of every domain not in `known` (undefined since).
    pub fn retain_domains(&self, known: &std::collections::HashSet<Uuid>) {
        self.lock().retain(|u, _| known.contains(u));
    }
}

/// libvirt's error for a disk whose `fdgroup` was never associated.
pub fn fdgroup_missing(name: &str) -> VirError {
    VirError::invalid_arg(
        ErrorDomain::Qemu,
        format!("file descriptor group '{name}' was not associated with the domain"),
    )
}

/// The first fd number QEMU inherits fd-group descriptors on (`-add-fd set=N,fd=M`).
pub const FDSET_FD_BASE: RawFd = 700;
/// Marks the builder reads on a disk `<source>`: the fdset id and the inherited fd numbers.
pub const FDSET_MARK: &str = "rvirt-fdset";
/// See [`FDSET_MARK`]: comma-separated fd numbers in QEMU.
pub const FDSET_FDS_MARK: &str = "rvirt-fdset-fds";
/// See [`FDSET_MARK`]: for a one-fd group, the storage node's `read-only` (`true`/`false`).
pub const FDSET_RO_MARK: &str = "rvirt-fdset-ro";

/// The storage node's `read-only` for a disk whose group has `nfds` fds: `None` (keep
/// `auto-read-only`) when several fds let QEMU pick a read-only one first; with one fd
/// auto-read-only cannot work, so `read-only` is false for a writable group, else the
/// disk's own `<readonly/>` (libvirt's rule).
pub fn fdset_read_only(nfds: usize, writable: bool, disk_readonly: bool) -> Option<bool> {
    (nfds == 1).then_some(!writable && disk_readonly)
}

/// The fd group a disk's `<source fdgroup='NAME'/>` names (file disks only).
pub fn disk_fdgroup(d: &Element) -> Option<&str> {
    d.child("source")?.attr("fdgroup")
}

/// `<source fdgroup>` at start-up (`qemuProcessPrepareStorageSourceTLS`/fdset preparation):
/// gives each disk with an fd group an fdset id (in device order) and fd numbers from
/// [`FDSET_FD_BASE`], marking its `<source>` for the command-line builder. `group` says
/// how many fds a group holds and whether it was associated writable (`None`: never
/// associated → [`fdgroup_missing`]). Returns (group name, fd numbers in QEMU) per disk.
pub fn mark_fdsets(
    def: &mut DomainDef,
    group: impl Fn(&str) -> Option<(usize, bool)>,
) -> VirResult<Vec<(String, Vec<RawFd>)>> {
    let mut out = Vec::new();
    let mut next = FDSET_FD_BASE;
    for d in def.devices.iter_mut().filter(|d| d.name == "disk") {
        let Some(name) = disk_fdgroup(d).map(str::to_string) else {
            continue;
        };
        let (n, writable) = group(&name)
            .filter(|(n, _)| *n > 0)
            .ok_or_else(|| fdgroup_missing(&name))?;
        let disk_ro = d.attr("device") == Some("cdrom") || d.child("readonly").is_some();
        let ro = fdset_read_only(n, writable, disk_ro);
        let nums: Vec<RawFd> = (next..next + n as RawFd).collect();
        next += n as RawFd;
        let set = out.len();
        if let Some(s) = d.child_mut("source") {
            s.set_attr(FDSET_MARK, set.to_string());
            let list: Vec<String> = nums.iter().map(|n| n.to_string()).collect();
            s.set_attr(FDSET_FDS_MARK, list.join(","));
            if let Some(ro) = ro {
                s.set_attr(FDSET_RO_MARK, ro.to_string());
            }
        }
        out.push((name, nums));
    }
    Ok(out)
}

/// Removes the marks [`mark_fdsets`] put on the disks (after the command line is built).
pub fn unmark_fdsets(def: &mut DomainDef) {
    for d in def.devices.iter_mut().filter(|d| d.name == "disk") {
        if let Some(s) = d.child_mut("source") {
            s.remove_attr(FDSET_MARK);
            s.remove_attr(FDSET_FDS_MARK);
            s.remove_attr(FDSET_RO_MARK);
        }
    }
}

impl FdGroups {
    /// Duplicates the fds of group `name` of domain `uuid` for a child to inherit.
    pub fn dup_group(&self, uuid: Uuid, name: &str) -> VirResult<Option<Vec<OwnedFd>>> {
        self.with_group(uuid, name, |fds, _| {
            fds.iter()
                .map(|f| {
                    f.try_clone_to_owned().map_err(|e| {
                        VirError::internal(
                            ErrorDomain::Qemu,
                            format!("cannot duplicate fd of group '{name}': {e}"),
                        )
                    })
                })
                .collect::<VirResult<Vec<_>>>()
        })
        .transpose()
    }

    /// How many fds group `name` of domain `uuid` holds, and whether it is writable.
    pub fn count(&self, uuid: Uuid, name: &str) -> Option<(usize, bool)> {
        self.with_group(uuid, name, |fds, g| (fds.len(), g.writable))
    }
}

/// After a `<source fdgroup>` disk is unplugged: removes the fd sets whose fds carry the
/// storage node's opaque (`NODE0`, `NODE1`, …) with QMP `remove-fd`. Best effort.
pub(crate) async fn remove_fdsets_of(qmp: &rvirt_qmp::QmpClient, node: &str) {
    let timeout = std::time::Duration::from_secs(30);
    let Ok(sets) = qmp.execute("query-fdsets", None, timeout).await else {
        return;
    };
    for id in fdsets_with_opaque(&sets, node) {
        let _ = qmp
            .execute(
                "remove-fd",
                Some(serde_json::json!({ "fdset-id": id })),
                timeout,
            )
            .await;
    }
}

/// The ids of the fd sets in a `query-fdsets` reply holding an fd whose opaque is `node`
/// followed by its index.
fn fdsets_with_opaque(sets: &serde_json::Value, node: &str) -> Vec<u64> {
    let Some(list) = sets.as_array() else {
        return Vec::new();
    };
    list.iter()
        .filter(|set| {
            set["fds"].as_array().is_some_and(|fds| {
                fds.iter().any(|f| {
                    f["opaque"].as_str().is_some_and(|o| {
                        o.strip_prefix(node).is_some_and(|rest| {
                            !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit())
                        })
                    })
                })
            })
        })
        .filter_map(|set| set["fdset-id"].as_u64())
        .collect()
}

impl QemuDriver {
    /// `virDomainFDAssociate`: keeps `fds` for the domain under `name` (active or not);
    /// an empty list does nothing, as in libvirt.
    pub(crate) fn fd_associate(
        &self,
        dom: &DomainRef,
        name: &str,
        fds: Vec<OwnedFd>,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            FD_ASSOCIATE_SECLABEL_RESTORE | FD_ASSOCIATE_SECLABEL_WRITABLE,
            "qemuDomainFDAssociate",
        )?;
        if fds.is_empty() {
            return Ok(());
        }
        let uuid = self.with_dom(dom, |o| Ok(Uuid(o.def.uuid)))?;
        // groups of domains that went away since are closed here
        let known: std::collections::HashSet<Uuid> = self.lock().keys().copied().collect();
        self.fd_groups.retain_domains(&known);
        self.fd_groups.insert(
            uuid,
            name,
            FdGroup {
                fds,
                restore_label: flags & FD_ASSOCIATE_SECLABEL_RESTORE != 0,
                writable: flags & FD_ASSOCIATE_SECLABEL_WRITABLE != 0,
            },
        );
        Ok(())
    }

    /// Marks the disks with `<source fdgroup>` of `def` (see [`mark_fdsets`]) and
    /// duplicates their groups' fds, paired with the numbers QEMU inherits them on.
    pub(crate) fn fdset_fds(
        &self,
        uuid: Uuid,
        def: &mut DomainDef,
    ) -> VirResult<Vec<(RawFd, OwnedFd)>> {
        let plan = mark_fdsets(def, |g| self.fd_groups.count(uuid, g))?;
        let mut out = Vec::new();
        for (group, nums) in plan {
            let fds = self
                .fd_groups
                .dup_group(uuid, &group)?
                .ok_or_else(|| fdgroup_missing(&group))?;
            out.extend(nums.into_iter().zip(fds));
        }
        Ok(out)
    }

    /// Hotplug of a disk with `<source fdgroup='group'/>`: hands the group's fds to QEMU
    /// in a new fd set (QMP `add-fd`, opaque `NODE0`, `NODE1`, …); returns its id and the
    /// storage node's `read-only` ([`fdset_read_only`]).
    pub(crate) async fn add_fdset(
        &self,
        uuid: Uuid,
        qmp: &rvirt_qmp::QmpClient,
        group: &str,
        node: &str,
        disk_readonly: bool,
    ) -> VirResult<(u64, Option<bool>)> {
        let writable = self.fd_groups.count(uuid, group).is_some_and(|(_, w)| w);
        let fds = self
            .fd_groups
            .dup_group(uuid, group)?
            .filter(|f| !f.is_empty())
            .ok_or_else(|| fdgroup_missing(group))?;
        let timeout = std::time::Duration::from_secs(30);
        let mut set: Option<u64> = None;
        for (i, fd) in fds.iter().enumerate() {
            let opaque = format!("{node}{i}");
            match qmp.add_fd(set, Some(&opaque), fd.as_fd(), timeout).await {
                Ok((id, _)) => set = Some(id),
                Err(e) => {
                    if let Some(id) = set {
                        let _ = qmp
                            .execute(
                                "remove-fd",
                                Some(serde_json::json!({"fdset-id": id})),
                                timeout,
                            )
                            .await;
                    }
                    return Err(super::driver::qmp_err(e));
                }
            }
        }
        let set = set.ok_or_else(|| fdgroup_missing(group))?;
        Ok((set, fdset_read_only(fds.len(), writable, disk_readonly)))
    }

    /// The fd groups associated with a domain (`virDomainFDAssociate`), for start-up.
    pub fn fd_groups(&self) -> &FdGroups {
        &self.fd_groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fd() -> OwnedFd {
        let (a, _b) = std::os::unix::net::UnixStream::pair().unwrap();
        a.into()
    }

    #[test]
    fn groups_are_replaced_by_name_and_forgotten_per_domain() {
        let g = FdGroups::default();
        let u = Uuid([1; 16]);
        g.insert(
            u,
            "disk0",
            FdGroup {
                fds: vec![fd(), fd()],
                restore_label: false,
                writable: true,
            },
        );
        g.insert(
            u,
            "disk1",
            FdGroup {
                fds: vec![fd()],
                restore_label: true,
                writable: false,
            },
        );
        assert_eq!(g.names(u), ["disk0", "disk1"]);
        assert_eq!(
            g.with_group(u, "disk0", |f, grp| (f.len(), grp.writable)),
            Some((2, true))
        );
        g.insert(
            u,
            "disk0",
            FdGroup {
                fds: vec![fd()],
                restore_label: false,
                writable: false,
            },
        );
        assert_eq!(g.with_group(u, "disk0", |f, _| f.len()), Some(1));
        assert!(g
            .with_group(Uuid([2; 16]), "disk0", |f, _| f.len())
            .is_none());
        let other = Uuid([3; 16]);
        g.insert(
            other,
            "x",
            FdGroup {
                fds: vec![fd()],
                restore_label: false,
                writable: false,
            },
        );
        g.retain_domains(&[u].into_iter().collect());
        assert!(g.names(other).is_empty());
        assert_eq!(g.names(u).len(), 2);
        g.forget(u);
        assert!(g.names(u).is_empty());
    }

    #[test]
    fn fdsets_are_found_by_their_node_opaque() {
        let sets = serde_json::json!([
            {"fdset-id": 0, "fds": [{"fd": 30, "opaque": "libvirt-1-storage0"}]},
            {"fdset-id": 2, "fds": [{"fd": 31, "opaque": "libvirt-12-storage0"},
                                    {"fd": 32, "opaque": "libvirt-12-storage1"}]},
            {"fdset-id": 3, "fds": [{"fd": 33}]}
        ]);
        assert_eq!(fdsets_with_opaque(&sets, "libvirt-1-storage"), [0]);
        assert_eq!(fdsets_with_opaque(&sets, "libvirt-12-storage"), [2]);
        assert!(fdsets_with_opaque(&sets, "libvirt-2-storage").is_empty());
    }

    #[test]
    fn one_fd_groups_drop_auto_read_only() {
        assert_eq!(fdset_read_only(2, false, false), None);
        assert_eq!(fdset_read_only(1, true, true), Some(false));
        assert_eq!(fdset_read_only(1, false, true), Some(true));
        assert_eq!(fdset_read_only(1, false, false), Some(false));
    }

    #[test]
    fn missing_group_error_matches_libvirt() {
        assert_eq!(
            fdgroup_missing("g").message,
            "invalid argument: file descriptor group 'g' was not associated with the domain"
        );
    }
}
