//! Domain state and reason (`virDomainState` + per-state reasons) and the one transition
//! function through which they change.

use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_core::info::domain_state as st;

/// `virDomainRunningReason`.
pub mod running {
    pub const UNKNOWN: i32 = 0;
    pub const BOOTED: i32 = 1;
    pub const RESTORED: i32 = 3;
    pub const UNPAUSED: i32 = 5;
    pub const SAVE_CANCELED: i32 = 7;
}
/// `virDomainPausedReason`.
pub mod paused {
    pub const UNKNOWN: i32 = 0;
    pub const USER: i32 = 1;
    pub const MIGRATION: i32 = 2;
    pub const SAVE: i32 = 3;
    pub const IOERROR: i32 = 5;
    pub const SHUTTING_DOWN: i32 = 8;
    pub const STARTING_UP: i32 = 11;
}
/// `virDomainShutdownReason`.
pub mod shutdown {
    pub const USER: i32 = 1;
}
/// `virDomainShutoffReason`.
pub mod shutoff {
    pub const UNKNOWN: i32 = 0;
    pub const SHUTDOWN: i32 = 1;
    pub const DESTROYED: i32 = 2;
    pub const CRASHED: i32 = 3;
    pub const SAVED: i32 = 5;
    pub const FAILED: i32 = 6;
    pub const DAEMON: i32 = 8;
}
/// Lifecycle event details (`virDomainEvent*DetailType`).
pub mod detail {
    pub const DEFINED_ADDED: i32 = 0;
    pub const DEFINED_UPDATED: i32 = 1;
    pub const UNDEFINED_REMOVED: i32 = 0;
    pub const STARTED_BOOTED: i32 = 0;
    pub const STARTED_RESTORED: i32 = 2;
    pub const SUSPENDED_PAUSED: i32 = 0;
    pub const SUSPENDED_MIGRATED: i32 = 1;
    pub const SUSPENDED_IOERROR: i32 = 2;
    pub const SUSPENDED_RESTORED: i32 = 4;
    pub const RESUMED_UNPAUSED: i32 = 0;
    pub const STOPPED_SHUTDOWN: i32 = 0;
    pub const STOPPED_DESTROYED: i32 = 1;
    pub const STOPPED_CRASHED: i32 = 2;
    pub const STOPPED_SAVED: i32 = 4;
    pub const STOPPED_FAILED: i32 = 5;
    pub const SHUTDOWN_FINISHED: i32 = 0;
    pub const SHUTDOWN_GUEST: i32 = 1;
    pub const SHUTDOWN_HOST: i32 = 2;
}

/// A domain's state and the reason it is in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StateReason {
    pub state: i32,
    pub reason: i32,
}

impl StateReason {
    pub const SHUTOFF: StateReason = StateReason {
        state: st::SHUTOFF,
        reason: shutoff::UNKNOWN,
    };

    pub fn new(state: i32, reason: i32) -> Self {
        StateReason { state, reason }
    }

    /// Whether a QEMU process exists for this state.
    pub fn is_active(&self) -> bool {
        !matches!(self.state, st::SHUTOFF | st::NOSTATE)
    }

    /// Moves to `to`, rejecting moves libvirt never makes (e.g. shut off → paused: a
    /// stopped domain must be started first).
    pub fn transition(&mut self, to: StateReason) -> VirResult<()> {
        let ok = match (self.state, to.state) {
            (a, b) if a == b => true,
            (st::SHUTOFF, st::RUNNING) | (st::SHUTOFF, st::PAUSED) => true,
            (st::SHUTOFF, _) => false,
            (_, st::SHUTOFF) => true,
            (st::RUNNING, st::PAUSED | st::SHUTDOWN | st::CRASHED | st::PMSUSPENDED) => true,
            (st::PAUSED, st::RUNNING | st::SHUTDOWN | st::CRASHED) => true,
            (st::SHUTDOWN, st::RUNNING | st::PAUSED) => true,
            (st::CRASHED, st::RUNNING) | (st::PMSUSPENDED, st::RUNNING) => true,
            _ => false,
        };
        if !ok {
            return Err(VirError::internal(
                ErrorDomain::Qemu,
                format!(
                    "invalid domain state transition {}/{} -> {}/{}",
                    self.state, self.reason, to.state, to.reason
                ),
            ));
        }
        *self = to;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transitions() {
        let mut s = StateReason::SHUTOFF;
        assert!(s.transition(StateReason::new(st::PMSUSPENDED, 0)).is_err());
        s.transition(StateReason::new(st::RUNNING, running::BOOTED))
            .unwrap();
        s.transition(StateReason::new(st::PAUSED, paused::USER))
            .unwrap();
        assert!(s.is_active());
        s.transition(StateReason::new(st::SHUTOFF, shutoff::DESTROYED))
            .unwrap();
        assert!(!s.is_active());
        assert_eq!(s.reason, shutoff::DESTROYED);
    }
}
