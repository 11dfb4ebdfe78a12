//! Run-time inspection and control of a [`Server`] for the admin program
//! (`virAdmServer*` / `virAdmClient*`): clients, thread pool, client limits.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use super::client::Client;
use super::listener::Server;

/// `virAdmServerGetThreadPoolParameters`: the worker pool as libvirt reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThreadPoolInfo {
    pub min_workers: usize,
    pub max_workers: usize,
    pub prio_workers: usize,
    pub free_workers: usize,
    pub n_workers: usize,
    pub job_queue_depth: usize,
}

/// `virAdmServerGetClientLimits`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientLimits {
    pub max_clients: usize,
    pub clients: usize,
    pub max_anonymous: usize,
    pub anonymous: usize,
}

impl Server {
    /// Connected clients, oldest first (`virAdmServerListClients`).
    pub fn list_clients(&self) -> Vec<Arc<Client>> {
        match self.shared.registry.lock() {
            Ok(r) => r.values().cloned().collect(),
            Err(p) => p.into_inner().values().cloned().collect(),
        }
    }

    /// The connected client with this id (`virAdmServerLookupClient`).
    pub fn lookup_client(&self, id: u64) -> Option<Arc<Client>> {
        match self.shared.registry.lock() {
            Ok(r) => r.get(&id).cloned(),
            Err(p) => p.into_inner().get(&id).cloned(),
        }
    }

    /// The worker pool's sizes and use.
    pub fn threadpool_info(&self) -> ThreadPoolInfo {
        let (max, prio, free, _free_prio) = self.shared.workers.stats();
        ThreadPoolInfo {
            min_workers: self.shared.min_workers.load(Ordering::Relaxed).min(max),
            max_workers: max,
            prio_workers: prio,
            free_workers: free,
            n_workers: max,
            job_queue_depth: 0,
        }
    }

    /// Changes `max_workers` / `prio_workers` at run time.
    pub fn set_threadpool(
        &self,
        min_workers: Option<usize>,
        max_workers: Option<usize>,
        prio_workers: Option<usize>,
    ) {
        if let Some(m) = min_workers {
            self.shared.min_workers.store(m, Ordering::Relaxed);
        }
        self.shared.workers.resize(max_workers, prio_workers);
    }

    /// Current client limits and counts.
    pub fn client_limits(&self) -> ClientLimits {
        ClientLimits {
            max_clients: self.shared.max_clients.load(Ordering::Relaxed),
            clients: *self.clients().borrow(),
            max_anonymous: self.shared.max_anonymous.load(Ordering::Relaxed),
            anonymous: self.shared.anonymous.load(Ordering::Relaxed),
        }
    }

    /// Changes `max_clients` / `max_anonymous_clients` at run time
    /// (`virAdmServerSetClientLimits`); refuses an anonymous limit above the total one.
    pub fn set_client_limits(
        &self,
        max_clients: Option<usize>,
        max_anonymous: Option<usize>,
    ) -> Result<(), String> {
        let cur = self.client_limits();
        let max = max_clients.unwrap_or(cur.max_clients);
        let anon = max_anonymous.unwrap_or(cur.max_anonymous);
        if anon > max {
            return Err(format!(
                "The overall maximum number of clients must be greater than the maximum number of clients waiting for authentication ({max} < {anon})"
            ));
        }
        self.shared.max_clients.store(max, Ordering::Relaxed);
        self.shared.max_anonymous.store(anon, Ordering::Relaxed);
        Ok(())
    }
}
