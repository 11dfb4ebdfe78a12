//! Capabilities probed once, in the background, shared by every connection of a driver:
//! opening a connection never waits for a probe; the first API that needs them does.

use super::cache::load_or_probe;
use super::model::QemuCaps;
use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use std::path::PathBuf;
use std::sync::Arc;
use tokio::sync::OnceCell;

/// A lazily probed, cached capabilities record for one binary.
#[derive(Debug)]
pub struct LazyCaps {
    binary: PathBuf,
    cache_dir: PathBuf,
    /// Only a successful probe is kept: a failed one (say, QEMU too slow to answer on a
    /// loaded host) is retried by the next caller instead of failing the daemon for good.
    cell: OnceCell<Arc<QemuCaps>>,
}

impl LazyCaps {
    pub fn new(binary: PathBuf, cache_dir: PathBuf) -> Arc<Self> {
        Arc::new(LazyCaps {
            binary,
            cache_dir,
            cell: OnceCell::new(),
        })
    }

    /// A record fixed in advance (tests, goldens).
    pub fn fixed(caps: QemuCaps) -> Arc<Self> {
        let cell = OnceCell::new();
        let _ = cell.set(Arc::new(caps.clone()));
        Arc::new(LazyCaps {
            binary: PathBuf::from(caps.binary),
            cache_dir: PathBuf::new(),
            cell,
        })
    }

    /// The binary these capabilities describe.
    pub fn binary(&self) -> &PathBuf {
        &self.binary
    }

    /// Starts the probe in the background (returns immediately).
    pub fn warm_up(self: &Arc<Self>) {
        let me = self.clone();
        tokio::spawn(async move {
            let _ = me.get().await;
        });
    }

    /// The capabilities, probing if needed (once successfully).
    pub async fn get(&self) -> VirResult<Arc<QemuCaps>> {
        self.cell
            .get_or_try_init(|| async {
                // the probe runs as its own task: it is not cancelled when a caller gives
                // up, and its (large) future does not sit on the caller's stack
                let (dir, bin) = (self.cache_dir.clone(), self.binary.clone());
                match tokio::spawn(async move { load_or_probe(&dir, &bin).await }).await {
                    Ok(r) => r.map(Arc::new),
                    Err(e) => Err(format!("probe task failed: {e}")),
                }
            })
            .await
            .cloned()
            .map_err(|e| {
                VirError::internal(
                    ErrorDomain::Qemu,
                    format!(
                        "Failed to probe capabilities for {}: {e}",
                        self.binary.display()
                    ),
                )
            })
    }
}
