//! The domain state machine: `virDomainState` + reason, changed only through [`transition`].

use crate::errors::internal;
use rvirt_core::error::VirResult;
use rvirt_core::info::domain_state as st;

/// `virDomainRunningReason` values used here.
pub mod running {
    pub const BOOTED: i32 = 1;
    pub const RESTORED: i32 = 3;
    pub const FROM_SNAPSHOT: i32 = 4;
    pub const UNPAUSED: i32 = 5;
}

/// `virDomainPausedReason` values used here.
pub mod paused {
    pub const USER: i32 = 1;
    pub const FROM_SNAPSHOT: i32 = 7;
}

/// `virDomainShutoffReason` values used here.
pub mod shutoff {
    pub const UNKNOWN: i32 = 0;
    pub const SHUTDOWN: i32 = 1;
    pub const DESTROYED: i32 = 2;
    pub const CRASHED: i32 = 3;
    pub const SAVED: i32 = 5;
    pub const FROM_SNAPSHOT: i32 = 7;
}

/// A domain's state and reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DomainState {
    pub state: i32,
    pub reason: i32,
}

impl DomainState {
    pub const fn new(state: i32, reason: i32) -> Self {
        DomainState { state, reason }
    }

    /// `virDomainObjIsActive` (the object has a live id).
    pub fn is_active(self) -> bool {
        self.state != st::SHUTOFF
    }
}

/// The moves a test-driver domain can make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    /// Start (create, create-xml, restore, revert): shutoff → running(reason).
    Start(i32),
    /// Suspend: running → paused(reason).
    Pause(i32),
    /// Resume: paused → running(unpaused).
    Resume,
    /// Stop (destroy, shutdown, save, crash dump, snapshot halt): active → shutoff(reason).
    Stop(i32),
    /// Reboot with on_reboot=restart: active → running(booted).
    Restart,
    /// Revert while active: running/paused → running/paused(reason) without a restart.
    Reset(DomainState),
    /// Loading a node file: any state with reason 0 (`virDomainObjSetState(obj, runstate, 0)`).
    Load(i32),
}

/// Applies `t` to `cur`, rejecting moves the test driver never makes.
pub fn transition(cur: DomainState, t: Transition) -> VirResult<DomainState> {
    let next = match (cur.state, t) {
        (st::SHUTOFF, Transition::Start(r)) => DomainState::new(st::RUNNING, r),
        (s, Transition::Pause(r)) if s != st::SHUTOFF && s != st::PAUSED => {
            DomainState::new(st::PAUSED, r)
        }
        (st::PAUSED, Transition::Resume) => DomainState::new(st::RUNNING, running::UNPAUSED),
        (s, Transition::Stop(r)) if s != st::SHUTOFF => DomainState::new(st::SHUTOFF, r),
        (s, Transition::Restart) if s != st::SHUTOFF => {
            DomainState::new(st::RUNNING, running::BOOTED)
        }
        (s, Transition::Reset(to)) if s != st::SHUTOFF && to.state != st::SHUTOFF => to,
        (_, Transition::Load(s)) if (0..=7).contains(&s) => DomainState::new(s, 0),
        _ => {
            return Err(internal(format!(
                "invalid domain state transition {t:?} from state {} reason {}",
                cur.state, cur.reason
            )))
        }
    };
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_and_illegal_moves() {
        let off = DomainState::new(st::SHUTOFF, shutoff::DESTROYED);
        let on = transition(off, Transition::Start(running::BOOTED)).unwrap();
        assert_eq!(on, DomainState::new(st::RUNNING, 1));
        let p = transition(on, Transition::Pause(paused::USER)).unwrap();
        assert_eq!(p, DomainState::new(st::PAUSED, 1));
        assert!(transition(p, Transition::Pause(paused::USER)).is_err());
        assert_eq!(
            transition(p, Transition::Resume).unwrap(),
            DomainState::new(1, 5)
        );
        assert!(transition(off, Transition::Resume).is_err());
        assert!(transition(off, Transition::Stop(shutoff::DESTROYED)).is_err());
        assert!(transition(on, Transition::Start(running::BOOTED)).is_err());
    }
}
