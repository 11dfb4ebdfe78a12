//! `virConnectListAllDomains` filtering (`virDomainObjListFilter`): the flag bits and the
//! one predicate every driver applies, so the filters mean the same everywhere.

use crate::info::domain_state as st;

/// `virConnectListAllDomainsFlags`.
pub mod flags {
    pub const ACTIVE: u32 = 1;
    pub const INACTIVE: u32 = 2;
    pub const PERSISTENT: u32 = 4;
    pub const TRANSIENT: u32 = 8;
    pub const RUNNING: u32 = 16;
    pub const PAUSED: u32 = 32;
    pub const SHUTOFF: u32 = 64;
    pub const OTHER: u32 = 128;
    pub const MANAGEDSAVE: u32 = 256;
    pub const NO_MANAGEDSAVE: u32 = 512;
    pub const AUTOSTART: u32 = 1024;
    pub const NO_AUTOSTART: u32 = 2048;
    pub const HAS_SNAPSHOT: u32 = 4096;
    pub const NO_SNAPSHOT: u32 = 8192;
    pub const HAS_CHECKPOINT: u32 = 16384;
    pub const NO_CHECKPOINT: u32 = 32768;
    /// `VIR_CONNECT_LIST_DOMAINS_FILTERS_ALL`.
    pub const ALL: u32 = 0xffff;
}

/// What a list filter looks at for one domain.
#[derive(Debug, Clone, Copy, Default)]
pub struct DomainListFacts {
    /// `virDomainState`.
    pub state: i32,
    pub active: bool,
    pub persistent: bool,
    pub managed_save: bool,
    pub autostart: bool,
    pub has_snapshot: bool,
    pub has_checkpoint: bool,
}

/// A yes/no filter pair: neither or both bits set pass everything.
fn pair(flags: u32, yes: u32, no: u32, has: bool) -> bool {
    let (y, n) = (flags & yes != 0, flags & no != 0);
    y == n || (y && has) || (n && !has)
}

/// Whether a domain passes `flags` (`virDomainObjListFilter`).
pub fn domain_matches(mask: u32, d: &DomainListFacts) -> bool {
    use self::flags as f;
    let flags = mask;
    let states = flags & (f::RUNNING | f::PAUSED | f::SHUTOFF | f::OTHER);
    let state_ok = states == 0
        || states
            & match d.state {
                st::RUNNING => f::RUNNING,
                st::PAUSED => f::PAUSED,
                st::SHUTOFF => f::SHUTOFF,
                _ => f::OTHER,
            }
            != 0;
    state_ok
        && pair(flags, f::ACTIVE, f::INACTIVE, d.active)
        && pair(flags, f::PERSISTENT, f::TRANSIENT, d.persistent)
        && pair(flags, f::MANAGEDSAVE, f::NO_MANAGEDSAVE, d.managed_save)
        && pair(flags, f::AUTOSTART, f::NO_AUTOSTART, d.autostart)
        && pair(flags, f::HAS_SNAPSHOT, f::NO_SNAPSHOT, d.has_snapshot)
        && pair(flags, f::HAS_CHECKPOINT, f::NO_CHECKPOINT, d.has_checkpoint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_like_libvirt() {
        let running = DomainListFacts {
            state: st::RUNNING,
            active: true,
            persistent: true,
            ..Default::default()
        };
        let off = DomainListFacts {
            state: st::SHUTOFF,
            persistent: true,
            has_snapshot: true,
            ..Default::default()
        };
        assert!(domain_matches(0, &running) && domain_matches(0, &off));
        assert!(domain_matches(flags::ACTIVE | flags::INACTIVE, &off));
        assert!(domain_matches(flags::ACTIVE, &running) && !domain_matches(flags::ACTIVE, &off));
        assert!(
            domain_matches(flags::SHUTOFF | flags::PAUSED, &off)
                && !domain_matches(flags::PAUSED, &off)
        );
        assert!(
            domain_matches(flags::HAS_SNAPSHOT, &off)
                && !domain_matches(flags::HAS_SNAPSHOT, &running)
        );
        assert!(domain_matches(flags::NO_CHECKPOINT, &running));
        let crashed = DomainListFacts {
            state: st::CRASHED,
            ..Default::default()
        };
        assert!(
            domain_matches(flags::OTHER, &crashed) && !domain_matches(flags::RUNNING, &crashed)
        );
    }
}
