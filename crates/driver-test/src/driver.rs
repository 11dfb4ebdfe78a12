//! The connection object, the shared `test:///default` instance and the driver factory.

use crate::defaults;
use crate::domdef::DomainDefExt;
use crate::errors::{invalid_arg, no_domain_uuid};
use crate::node_file;
use crate::objects::{DomainObj, DriverState, NodeDevObj};
use async_trait::async_trait;
use rvirt_conf::nodedev::NodeDeviceDef;
use rvirt_core::driver::{Connection, DriverFactory, OpenContext};
use rvirt_core::error::{VirError, VirResult};
use rvirt_core::event::{DomainEventKind, Event, EventBus};
use rvirt_core::handle::DomainRef;
use rvirt_core::uri::ConnectUri;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

/// One driver instance: its objects and its event bus (`testDriver`).
#[derive(Debug)]
pub struct Shared {
    state: Mutex<DriverState>,
    pub events: EventBus,
}

impl Shared {
    fn new(state: DriverState) -> Self {
        Shared {
            state: Mutex::new(state),
            events: EventBus::new(),
        }
    }
}

/// The shared default instance and how many connections hold it (`defaultPrivconn`).
static DEFAULT: Mutex<Option<(Arc<Shared>, usize)>> = Mutex::new(None);

fn registry() -> MutexGuard<'static, Option<(Arc<Shared>, usize)>> {
    DEFAULT.lock().unwrap_or_else(|p| p.into_inner())
}

fn open_default_shared() -> VirResult<Arc<Shared>> {
    let mut reg = registry();
    if let Some((shared, count)) = reg.as_mut() {
        *count += 1;
        return Ok(shared.clone());
    }
    let cells = defaults::DEFAULT_CELLS.to_vec();
    let mut state = node_file::load(defaults::DEFAULT_NODE_XML, None, cells)?;
    let mut devs = NodeDeviceDef::test_driver_defaults()?;
    devs.sort_by_key(|d| {
        defaults::DEFAULT_NODEDEV_ORDER
            .iter()
            .position(|n| *n == d.name)
            .unwrap_or(usize::MAX)
    });
    state
        .devs
        .extend(devs.into_iter().map(|def| NodeDevObj { def }));
    let shared = Arc::new(Shared::new(state));
    *reg = Some((shared.clone(), 1));
    Ok(shared)
}

/// A connection to the test driver.
#[derive(Debug)]
pub struct TestConnection {
    pub(crate) shared: Arc<Shared>,
    uri: String,
    is_default: bool,
    closed: AtomicBool,
}

impl TestConnection {
    /// Locks the driver state.
    pub(crate) fn state(&self) -> MutexGuard<'_, DriverState> {
        self.shared.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(crate) fn uri(&self) -> &str {
        &self.uri
    }

    /// Queues an event for every connection of this instance.
    pub(crate) fn emit(&self, event: Event) {
        self.shared.events.publish(event);
    }

    /// Queues a domain lifecycle event.
    pub(crate) fn emit_lifecycle(&self, dom: DomainRef, event: i32, detail: i32) {
        self.emit(Event::Domain {
            dom,
            kind: DomainEventKind::Lifecycle { event, detail },
        });
    }

    /// `virConnectClose`: releases this connection's hold on the shared default instance.
    pub(crate) fn release(&self) {
        if self.closed.swap(true, Ordering::SeqCst) || !self.is_default {
            return;
        }
        let mut reg = registry();
        let drop_it = match reg.as_mut() {
            Some((shared, count)) if Arc::ptr_eq(shared, &self.shared) => {
                *count = count.saturating_sub(1);
                *count == 0
            }
            _ => false,
        };
        if drop_it {
            *reg = None;
        }
    }
}

impl Drop for TestConnection {
    fn drop(&mut self) {
        self.release();
    }
}

impl rvirt_core::driver::QemuExtDriver for TestConnection {}
impl rvirt_core::driver::DomainMigrationDriver for TestConnection {}

impl Connection for TestConnection {
    fn events(&self) -> EventBus {
        self.shared.events.clone()
    }
}

/// Finds a domain by the handle's UUID (`testDomObjFromDomain`).
pub(crate) fn dom_index(state: &DriverState, dom: &DomainRef) -> VirResult<usize> {
    state
        .domains
        .iter()
        .position(|d| d.def.uuid_ref() == dom.uuid)
        .ok_or_else(|| no_domain_uuid(&dom.uuid, &dom.name))
}

/// The domain a handle names.
pub(crate) fn dom_mut<'a>(
    state: &'a mut DriverState,
    dom: &DomainRef,
) -> VirResult<&'a mut DomainObj> {
    let i = dom_index(state, dom)?;
    Ok(&mut state.domains[i])
}

/// Opens a connection for a `test://` URI (`testConnectOpen`).
pub fn open_uri(uri: &ConnectUri) -> VirResult<Arc<dyn Connection>> {
    let path = uri.path.as_str();
    if path.is_empty() || path == "/" {
        return Err(VirError::raw(
            rvirt_core::error::ErrorCode::InvalidArg,
            crate::errors::TEST,
            "invalid argument: testOpen: supply a path or use test:///default",
        ));
    }
    let text = format!("test://{}", path);
    if path == "/default" {
        let shared = open_default_shared()?;
        return Ok(Arc::new(TestConnection {
            shared,
            uri: text,
            is_default: true,
            closed: AtomicBool::new(false),
        }));
    }
    let xml = std::fs::read_to_string(path).map_err(|e| {
        VirError::raw(
            rvirt_core::error::ErrorCode::SystemError,
            rvirt_core::error::ErrorDomain::None,
            format!(
                "failed to read file '{path}': {}",
                crate::errors::strerror(&e)
            ),
        )
    })?;
    let state = node_file::load(&xml, Some(Path::new(path)), Vec::new())?;
    Ok(Arc::new(TestConnection {
        shared: Arc::new(Shared::new(state)),
        uri: text,
        is_default: false,
        closed: AtomicBool::new(false),
    }))
}

/// The `test` driver factory (`testRegister`).
#[derive(Debug, Default, Clone, Copy)]
pub struct TestDriverFactory;

#[async_trait]
impl DriverFactory for TestDriverFactory {
    fn scheme(&self) -> &'static str {
        "test"
    }

    async fn open(&self, uri: &ConnectUri, _ctx: &OpenContext) -> VirResult<Arc<dyn Connection>> {
        if uri.driver != "test" {
            return Err(invalid_arg(format!(
                "unsupported URI scheme '{}'",
                uri.driver
            )));
        }
        open_uri(uri)
    }
}

/// Opens a connection to the shared `test:///default` instance.
pub fn open_default() -> VirResult<Arc<dyn Connection>> {
    open_uri(&ConnectUri::parse("test:///default")?)
}
