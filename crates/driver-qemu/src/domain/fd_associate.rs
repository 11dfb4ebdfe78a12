//! `virDomainFDAssociate` (`qemuDomainFDAssociate`): fds a client hands to a domain under a
//! name, for disks with `<source fdgroup='name'/>`. Kept per domain, replaced when the name
//! is used again, closed when replaced or forgotten.

use super::driver::QemuDriver;
use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_core::handle::{DomainRef, Uuid};
use std::collections::HashMap;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
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
    fn missing_group_error_matches_libvirt() {
        assert_eq!(
            fdgroup_missing("g").message,
            "invalid argument: file descriptor group 'g' was not associated with the domain"
        );
    }
}
