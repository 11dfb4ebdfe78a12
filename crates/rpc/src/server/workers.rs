//! Worker pools: a bounded pool for every call and a small extra pool that only
//! high-priority procedures may use (libvirtd's `max_workers` / `prio_workers`).

use std::sync::Arc;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

#[derive(Debug, Clone)]
pub(crate) struct Workers {
    normal: Arc<Semaphore>,
    prio: Arc<Semaphore>,
    /// Current pool sizes (max, prio), changeable at run time.
    sizes: Arc<std::sync::Mutex<(usize, usize)>>,
}

impl Workers {
    pub(crate) fn new(max_workers: usize, prio_workers: usize) -> Self {
        Workers {
            normal: Arc::new(Semaphore::new(max_workers.max(1))),
            prio: Arc::new(Semaphore::new(prio_workers)),
            sizes: Arc::new(std::sync::Mutex::new((max_workers.max(1), prio_workers))),
        }
    }

    /// (max workers, priority workers, free normal workers, free priority workers).
    pub(crate) fn stats(&self) -> (usize, usize, usize, usize) {
        let (max, prio) = match self.sizes.lock() {
            Ok(s) => *s,
            Err(p) => *p.into_inner(),
        };
        (
            max,
            prio,
            self.normal.available_permits().min(max),
            self.prio.available_permits().min(prio),
        )
    }

    /// Resizes the pools; slots in use are given back later, shrinking takes effect as
    /// far as slots are free now.
    pub(crate) fn resize(&self, max: Option<usize>, prio: Option<usize>) {
        let mut s = match self.sizes.lock() {
            Ok(s) => s,
            Err(p) => p.into_inner(),
        };
        if let Some(m) = max.map(|m| m.max(1)) {
            resize_one(&self.normal, s.0, m);
            s.0 = m;
        }
        if let Some(p) = prio {
            resize_one(&self.prio, s.1, p);
            s.1 = p;
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

fn resize_one(sem: &Semaphore, old: usize, new: usize) {
    if new > old {
        sem.add_permits(new - old);
    } else {
        sem.forget_permits(old - new);
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
