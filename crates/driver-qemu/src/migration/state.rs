//! Process-wide migration state: the peer connector the daemon injects, per-domain tuning
//! (max downtime, max speed) and the statistics of the last finished migration.

use rvirt_core::driver::PeerConnector;
use rvirt_core::handle::Uuid;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, RwLock};

static PEER: RwLock<Option<Arc<dyn PeerConnector>>> = RwLock::new(None);

/// Injects how peer-to-peer migration opens the destination (the daemon passes an
/// implementation over the rvirt client library).
pub fn set_peer_connector(c: Arc<dyn PeerConnector>) {
    match PEER.write() {
        Ok(mut g) => *g = Some(c),
        Err(p) => *p.into_inner() = Some(c),
    }
}

pub(crate) fn peer_connector() -> Option<Arc<dyn PeerConnector>> {
    match PEER.read() {
        Ok(g) => g.clone(),
        Err(p) => p.into_inner().clone(),
    }
}

/// Per-domain migration tuning, as `virDomainMigrateSetMaxDowntime/Speed` store it.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Tuning {
    pub downtime_ms: Option<u64>,
    pub speed_mib: Option<u64>,
    /// An outgoing post-copy-capable migration has begun (Begin phase) and not ended.
    pub postcopy_begun: bool,
    /// `virDomainMigrateStartPostCopy` came before QEMU's migration was running: the
    /// switch is made as soon as it is (virsh's `--timeout-postcopy` fires on a clock
    /// that starts before Prepare on the destination, which can take longer under load).
    pub postcopy_requested: bool,
}

/// Keyed by driver instance (its address) and domain.
type Key = (usize, Uuid);

fn tunings() -> &'static Mutex<HashMap<Key, Tuning>> {
    static T: OnceLock<Mutex<HashMap<Key, Tuning>>> = OnceLock::new();
    T.get_or_init(|| Mutex::new(HashMap::new()))
}

pub(crate) fn key<T>(drv: &Arc<T>, uuid: Uuid) -> Key {
    (Arc::as_ptr(drv) as *const () as usize, uuid)
}

pub(crate) fn tuning(k: Key) -> Tuning {
    tunings()
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .get(&k)
        .copied()
        .unwrap_or_default()
}

pub(crate) fn update_tuning(k: Key, f: impl FnOnce(&mut Tuning)) {
    let mut g = tunings().lock().unwrap_or_else(|p| p.into_inner());
    f(g.entry(k).or_default());
}
