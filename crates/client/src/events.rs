//! Event registration on a [`Connect`] (`virConnect*EventRegisterAny`).

use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_core::event::{
    domain_event_id, DomainEventKind, Event, NetworkEventKind, NodeDeviceEventKind,
    SecretEventKind, StoragePoolEventKind,
};
use rvirt_core::{DomainRef, NetworkRef, NodeDeviceRef, SecretRef, StoragePoolRef};
use tokio::sync::{broadcast, mpsc};

use crate::connect::Connect;

/// Which objects and event id a registration matches.
#[derive(Debug, Clone)]
enum Filter {
    Domain(i32, Option<DomainRef>),
    Network(i32, Option<NetworkRef>),
    StoragePool(i32, Option<StoragePoolRef>),
    NodeDevice(i32, Option<NodeDeviceRef>),
    Secret(i32, Option<SecretRef>),
}

fn domain_id_matches(kind: &DomainEventKind, id: i32) -> bool {
    match kind {
        // libvirt delivers block job events to both BLOCK_JOB and BLOCK_JOB_2 callbacks
        DomainEventKind::BlockJob { .. } => {
            id == domain_event_id::BLOCK_JOB || id == domain_event_id::BLOCK_JOB_2
        }
        k => k.event_id() == id,
    }
}

impl Filter {
    fn matches(&self, ev: &Event) -> bool {
        match (self, ev) {
            (Filter::Domain(id, obj), Event::Domain { dom, kind }) => {
                domain_id_matches(kind, *id) && obj.as_ref().is_none_or(|o| o.uuid == dom.uuid)
            }
            (Filter::Network(id, obj), Event::Network { net, kind }) => {
                let kid = match kind {
                    NetworkEventKind::Lifecycle { .. } => 0,
                };
                kid == *id && obj.as_ref().is_none_or(|o| o.uuid == net.uuid)
            }
            (Filter::StoragePool(id, obj), Event::StoragePool { pool, kind }) => {
                let kid = match kind {
                    StoragePoolEventKind::Lifecycle { .. } => 0,
                    StoragePoolEventKind::Refresh => 1,
                };
                kid == *id && obj.as_ref().is_none_or(|o| o.uuid == pool.uuid)
            }
            (Filter::NodeDevice(id, obj), Event::NodeDevice { dev, kind }) => {
                let kid = match kind {
                    NodeDeviceEventKind::Lifecycle { .. } => 0,
                    NodeDeviceEventKind::Update => 1,
                };
                kid == *id && obj.as_ref().is_none_or(|o| o.name == dev.name)
            }
            (Filter::Secret(id, obj), Event::Secret { secret, kind }) => {
                let kid = match kind {
                    SecretEventKind::Lifecycle { .. } => 0,
                    SecretEventKind::ValueChanged => 1,
                };
                kid == *id && obj.as_ref().is_none_or(|o| o.uuid == secret.uuid)
            }
            _ => false,
        }
    }

    fn family(&self) -> crate::remote::EventFamily {
        use crate::remote::EventFamily as F;
        match self {
            Filter::Domain(..) => F::Domain,
            Filter::Network(..) => F::Network,
            Filter::StoragePool(..) => F::StoragePool,
            Filter::NodeDevice(..) => F::NodeDevice,
            Filter::Secret(..) => F::Secret,
        }
    }
}

enum Source {
    Remote(mpsc::UnboundedReceiver<Event>),
    Local(broadcast::Receiver<Event>),
}

/// One event registration (`virConnect…EventRegisterAny`): receive its events with
/// [`EventSubscription::recv`], end it with [`EventSubscription::deregister`]
/// (`virConnect…EventDeregisterAny`).
pub struct EventSubscription {
    conn: Connect,
    callback_id: i32,
    filter: Filter,
    source: Source,
}

impl std::fmt::Debug for EventSubscription {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventSubscription")
            .field("callback_id", &self.callback_id)
            .field("filter", &self.filter)
            .finish()
    }
}

impl EventSubscription {
    /// The callback id (the server's, for remote connections).
    pub fn callback_id(&self) -> i32 {
        self.callback_id
    }

    /// The next matching event; `None` once the connection is gone.
    pub async fn recv(&mut self) -> Option<Event> {
        match &mut self.source {
            Source::Remote(rx) => rx.recv().await,
            Source::Local(rx) => loop {
                match rx.recv().await {
                    Ok(ev) if self.filter.matches(&ev) => return Some(ev),
                    Ok(_) => continue,
                    Err(broadcast::error::RecvError::Lagged(n)) => {
                        tracing::warn!(missed = n, "event subscriber lagged");
                        continue;
                    }
                    Err(broadcast::error::RecvError::Closed) => return None,
                }
            },
        }
    }

    /// `virConnect…EventDeregisterAny`.
    pub async fn deregister(self) -> VirResult<()> {
        match (&self.source, self.conn.remote()) {
            (Source::Remote(_), Some(r)) => {
                r.event_deregister_any(self.filter.family(), self.callback_id)
                    .await
            }
            _ => Ok(()),
        }
    }
}

impl Connect {
    async fn register(&self, filter: Filter) -> VirResult<EventSubscription> {
        if let Some(r) = self.remote() {
            let (cb, rx) = match &filter {
                Filter::Domain(id, o) => r.domain_event_register_any(*id, o.clone()).await?,
                Filter::Network(id, o) => r.network_event_register_any(*id, o.clone()).await?,
                Filter::StoragePool(id, o) => {
                    r.storage_pool_event_register_any(*id, o.clone()).await?
                }
                Filter::NodeDevice(id, o) => {
                    r.node_device_event_register_any(*id, o.clone()).await?
                }
                Filter::Secret(id, o) => r.secret_event_register_any(*id, o.clone()).await?,
            };
            return Ok(EventSubscription {
                conn: self.clone(),
                callback_id: cb,
                filter,
                source: Source::Remote(rx),
            });
        }
        Ok(EventSubscription {
            conn: self.clone(),
            callback_id: self.next_local_callback(),
            filter,
            source: Source::Local(self.events().subscribe()),
        })
    }

    /// `virConnectDomainEventRegisterAny`: events `event_id` (see [`domain_event_id`]) of
    /// `dom`, or of every domain when `None`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> rvirt::VirResult<()> {
    /// use rvirt::{domain_event_id, Connect, DomainEventKind, Event};
    /// let conn = Connect::open("test:///default").await?;
    /// let mut sub = conn.domain_event_register_any(domain_event_id::LIFECYCLE, None).await?;
    /// let dom = conn.lookup_domain_by_name("test").await?;
    /// dom.suspend().await?;
    /// let ev = sub.recv().await;
    /// assert!(matches!(ev, Some(Event::Domain { kind: DomainEventKind::Lifecycle { event: 3, .. }, .. })));
    /// dom.resume().await?;
    /// sub.deregister().await?;
    /// # Ok(()) }
    /// ```
    pub async fn domain_event_register_any(
        &self,
        event_id: i32,
        dom: Option<&DomainRef>,
    ) -> VirResult<EventSubscription> {
        if !(0..domain_event_id::LAST).contains(&event_id) {
            return Err(VirError::invalid_arg(
                ErrorDomain::None,
                format!("unsupported event ID {event_id}"),
            ));
        }
        self.register(Filter::Domain(event_id, dom.cloned())).await
    }

    /// `virConnectNetworkEventRegisterAny` (event 0 = lifecycle).
    pub async fn network_event_register_any(
        &self,
        event_id: i32,
        net: Option<&NetworkRef>,
    ) -> VirResult<EventSubscription> {
        self.register(Filter::Network(event_id, net.cloned())).await
    }

    /// `virConnectStoragePoolEventRegisterAny` (0 lifecycle, 1 refresh).
    pub async fn storage_pool_event_register_any(
        &self,
        event_id: i32,
        pool: Option<&StoragePoolRef>,
    ) -> VirResult<EventSubscription> {
        self.register(Filter::StoragePool(event_id, pool.cloned()))
            .await
    }

    /// `virConnectNodeDeviceEventRegisterAny` (0 lifecycle, 1 update).
    pub async fn node_device_event_register_any(
        &self,
        event_id: i32,
        dev: Option<&NodeDeviceRef>,
    ) -> VirResult<EventSubscription> {
        self.register(Filter::NodeDevice(event_id, dev.cloned()))
            .await
    }

    /// `virConnectSecretEventRegisterAny` (0 lifecycle, 1 value changed).
    pub async fn secret_event_register_any(
        &self,
        event_id: i32,
        secret: Option<&SecretRef>,
    ) -> VirResult<EventSubscription> {
        self.register(Filter::Secret(event_id, secret.cloned()))
            .await
    }
}
