//! The driver instance (`virQEMUDriver`): paths, capabilities, domains, event bus. One per
//! root; every connection to that root shares it.

use super::object::DomainObj;
use super::state::StateReason;
use crate::caps::{HostInfo, LazyCaps, QemuCaps};
use crate::paths::QemuPaths;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::event::{DomainEventKind, Event, EventBus};
use rvirt_core::handle::{DomainRef, Uuid};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::AtomicI32;
use std::sync::{Arc, Mutex, MutexGuard};
use tokio::task::JoinHandle;

/// How a driver instance is set up.
#[derive(Debug, Clone)]
pub struct QemuOptions {
    pub paths: QemuPaths,
    /// The emulator binary (`/usr/bin/qemu-system-x86_64`).
    pub binary: PathBuf,
    /// The URI connections report (`qemu:///system`, `qemu:///embed?root=…`).
    pub uri: String,
    /// Start autostart domains when the instance starts.
    pub autostart: bool,
}

impl QemuOptions {
    /// The defaults for a layout: QEMU from `/usr/bin`, `qemu:///system`, autostart on.
    pub fn new(paths: QemuPaths) -> Self {
        QemuOptions {
            paths,
            binary: PathBuf::from("/usr/bin/qemu-system-x86_64"),
            uri: "qemu:///system".into(),
            autostart: true,
        }
    }
}

/// One QEMU driver instance.
pub struct QemuDriver {
    pub opts: QemuOptions,
    pub caps: Arc<LazyCaps>,
    pub host: HostInfo,
    pub events: EventBus,
    pub(crate) domains: Mutex<HashMap<Uuid, DomainObj>>,
    pub(crate) next_id: AtomicI32,
    pub(crate) tasks: Mutex<Vec<JoinHandle<()>>>,
    /// Guests whose QMP re-attach is still under way: their PID (from the status file) and
    /// a flag that turns true (or whose sender drops) when it is over.
    pub(crate) attaching: Mutex<HashMap<Uuid, (i32, tokio::sync::watch::Receiver<bool>)>>,
    /// The network driver's port allocator (`<interface type='network'>`), injected by the
    /// daemon.
    pub(crate) net_ports: Mutex<Option<Arc<dyn crate::netport::NetworkPortAllocator>>>,
    /// The nwfilter driver for NICs with `<filterref>` (lent by the daemon).
    pub(crate) nwfilter: Mutex<Option<Arc<dyn rvirt_core::driver::NWFilterDriver>>>,
    /// The storage driver's volume lookup (`<disk type='volume'>`), injected by the daemon.
    pub(crate) vol_resolver: Mutex<Option<Arc<dyn crate::volume::VolumeResolver>>>,
    /// Raw QMP event subscribers and taint marks (`libvirt-qemu`).
    pub(crate) ext: crate::qemu_ext::QemuExtState,
    /// The cgroup hierarchy guests are placed in.
    pub(crate) cgroups: crate::cgroup::DriverCgroups,
    /// Fds associated with domains (`virDomainFDAssociate`).
    pub(crate) fd_groups: super::fd_associate::FdGroups,
}

impl Drop for QemuDriver {
    fn drop(&mut self) {
        self.detach();
    }
}

impl QemuDriver {
    pub(crate) fn new(opts: QemuOptions) -> Self {
        let caps = LazyCaps::new(opts.binary.clone(), opts.paths.cache_dir.clone());
        QemuDriver {
            opts,
            caps,
            host: HostInfo::probe(),
            events: EventBus::new(),
            domains: Mutex::new(HashMap::new()),
            next_id: AtomicI32::new(1),
            tasks: Mutex::new(Vec::new()),
            attaching: Mutex::new(HashMap::new()),
            net_ports: Mutex::new(None),
            nwfilter: Mutex::new(None),
            vol_resolver: Mutex::new(None),
            ext: Default::default(),
            cgroups: Default::default(),
            fd_groups: Default::default(),
        }
    }

    /// Stops watching guests without touching them (daemon shutdown/restart): monitor
    /// tasks end and their QMP connections close; QEMU processes keep running.
    pub fn detach(&self) {
        let tasks = std::mem::take(&mut *self.tasks.lock().unwrap_or_else(|p| p.into_inner()));
        for t in tasks {
            t.abort();
        }
        let mut doms = self.lock();
        for d in doms.values_mut() {
            d.vm = None;
        }
    }

    /// Lets `<interface type='network'>` NICs get ports from the network driver.
    pub fn set_network_port_allocator(&self, a: Arc<dyn crate::netport::NetworkPortAllocator>) {
        *self.net_ports.lock().unwrap_or_else(|p| p.into_inner()) = Some(a);
    }

    /// Lets `<disk type='volume'>` disks resolve through the storage driver.
    pub fn set_volume_resolver(&self, r: Arc<dyn crate::volume::VolumeResolver>) {
        *self.vol_resolver.lock().unwrap_or_else(|p| p.into_inner()) = Some(r);
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, HashMap<Uuid, DomainObj>> {
        self.domains.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(crate) fn track(&self, h: JoinHandle<()>) {
        let mut t = self.tasks.lock().unwrap_or_else(|p| p.into_inner());
        t.retain(|h| !h.is_finished());
        t.push(h);
    }

    /// The probed capabilities (waits for the first probe).
    pub async fn qemu_caps(&self) -> VirResult<Arc<QemuCaps>> {
        self.caps.get().await
    }

    /// Publishes a domain event.
    pub(crate) fn emit(&self, dom: DomainRef, kind: DomainEventKind) {
        self.events.publish(Event::Domain { dom, kind });
    }

    /// Publishes a lifecycle event.
    pub(crate) fn emit_lifecycle(&self, dom: DomainRef, event: i32, detail: i32) {
        self.emit(dom, DomainEventKind::Lifecycle { event, detail });
    }

    /// Runs `f` on the domain `dom` refers to (by UUID), or fails with libvirt's NO_DOMAIN.
    pub(crate) fn with_dom<T>(
        &self,
        dom: &DomainRef,
        f: impl FnOnce(&mut DomainObj) -> VirResult<T>,
    ) -> VirResult<T> {
        let mut doms = self.lock();
        match doms.get_mut(&dom.uuid) {
            Some(o) => f(o),
            None => Err(no_domain(dom)),
        }
    }

    /// Changes a domain's state through the transition function.
    pub(crate) fn set_state(obj: &mut DomainObj, to: StateReason) -> VirResult<()> {
        obj.state.transition(to)
    }
}

/// `VIR_ERR_NO_DOMAIN` as libvirt words it for UUID lookups.
pub fn no_domain(dom: &DomainRef) -> VirError {
    VirError::new(
        ErrorCode::NoDomain,
        ErrorDomain::Qemu,
        format!("no domain with matching uuid '{}' ({})", dom.uuid, dom.name),
    )
}

/// `VIR_ERR_OPERATION_INVALID`: "domain is not running".
pub fn not_running() -> VirError {
    VirError::operation_invalid(ErrorDomain::Qemu, "domain is not running")
}

/// Wraps a QMP failure as libvirt reports monitor errors.
pub fn qmp_err(e: rvirt_qmp::QmpError) -> VirError {
    match e {
        rvirt_qmp::QmpError::Timeout(what) => VirError::new(
            ErrorCode::OperationTimeout,
            ErrorDomain::Qemu,
            what.to_string(),
        ),
        other => VirError::internal(ErrorDomain::Qemu, other.to_string()),
    }
}
