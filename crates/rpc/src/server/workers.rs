//! Worker pools: a bounded pool for every call and a small extra pool that only
//! high-priority procedures may use (libvirtd's `max_workers` / `prio_workers`).

use std::sync::Arc;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

#[derive(Debug, Clone)]
pub(crate) struct Workers {
    normal: Arc<Semaphore>,
    prio: Arc<Semaphore>,
}

impl Workers {
    pub(crate) fn new(max_workers: usize, prio_workers: usize) -> Self {
        Workers {
            normal: Arc::new(Semaphore::new(max_workers.max(1))),
            prio: Arc::new(Semaphore::new(prio_workers)),
        }
    }

    /// Waits for a worker slot; priority calls take whichever pool frees first.
    pub(crate) async fn acquire(&self, priority: bool) -> Option<OwnedSemaphorePermit> {
        if !priority {
            return self.normal.clone().acquire_owned().await.ok();
        }
        if let Ok(p) = self.normal.clone().try_acquire_owned() {
            return Some(p);
        }
        tokio::select! {
            p = self.normal.clone().acquire_owned() => p.ok(),
            p = self.prio.clone().acquire_owned() => p.ok(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn priority_calls_use_the_extra_pool() {
        let w = Workers::new(1, 1);
        let busy = w.acquire(false).await;
        assert!(busy.is_some());
        // normal pool exhausted: a priority call still gets the prio slot at once
        let prio =
            tokio::time::timeout(std::time::Duration::from_millis(100), w.acquire(true)).await;
        assert!(matches!(prio, Ok(Some(_))));
        // a normal call has to wait
        let normal =
            tokio::time::timeout(std::time::Duration::from_millis(50), w.acquire(false)).await;
        assert!(normal.is_err());
    }
}
