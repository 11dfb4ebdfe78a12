//! The REMOTE program's dispatch: decode args → access checks → driver call → encode ret.
//! No behaviour lives here; every handler is a thin mapping onto a driver trait method.

/// `call!(cx, body, Args, |a, c| expr)`: decode args, get the open connection, run `expr`.
/// `call!(cx, body, Args, "virApi", |a, c| expr)` also refuses it on read-only connections.
/// `call!(cx, |c| expr)` for void-argument procedures.
macro_rules! call {
    ($cx:expr, $body:expr, $args:ty, |$a:ident, $c:ident| $e:expr) => {
        Some(
            async {
                let $a: $args = $crate::dispatch::args($body)?;
                let $c = $cx.conn()?;
                $e
            }
            .await,
        )
    };
    ($cx:expr, $body:expr, $args:ty, $api:literal, |$a:ident, $c:ident| $e:expr) => {
        Some(
            async {
                let $a: $args = $crate::dispatch::args($body)?;
                let $c = $cx.conn()?;
                $cx.writable($api)?;
                $e
            }
            .await,
        )
    };
    ($cx:expr, |$c:ident| $e:expr) => {
        Some(
            async {
                let $c = $cx.conn()?;
                $e
            }
            .await,
        )
    };
}

pub mod auth;
mod checkpoint;
mod connect;
mod domain;
mod domain_agent;
mod domain_backup;
mod domain_blockjob;
mod domain_guest;
mod domain_images;
mod domain_launchsec;
mod domain_perf;
mod domain_stats;
mod domain_tuning;
mod events;
mod fds;
mod interface;
mod lxc_program;
mod migrate;
mod network;
mod node_extra;
mod nodedev;
mod nwfilter;
mod params;
mod qemu_program;
mod secret;
mod snapshot;
mod storage;
mod streams;

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use bytes::Bytes;
use rvirt_core::driver::{Connection, DriverFactory};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_proto::{Header, REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION};
use rvirt_rpc::server::{Client, Outcome, Program};
use rvirt_xdr::{Decode, Decoder, Encode};

pub use events::EventSubscriptions;
pub use lxc_program::LxcProgram;
pub use qemu_program::QemuProgram;

/// Daemon-wide state shared by every connection.
pub struct Daemon {
    /// Registered drivers, by URI scheme.
    pub factories: Vec<Arc<dyn DriverFactory>>,
    /// Event callback ids come from one counter shared by all connections, as in libvirtd.
    next_callback_id: AtomicI32,
    /// The fine-grained ACL rules (`rvirt-acl.conf`); empty = allow all.
    acl: std::sync::RwLock<Arc<crate::acl::AclRules>>,
}

impl Daemon {
    pub fn new(factories: Vec<Arc<dyn DriverFactory>>) -> Self {
        Daemon {
            factories,
            next_callback_id: AtomicI32::new(0),
            acl: std::sync::RwLock::new(Arc::new(crate::acl::AclRules::default())),
        }
    }

    /// Replaces the ACL rules checked before every REMOTE call.
    pub fn set_acl(&self, rules: crate::acl::AclRules) {
        match self.acl.write() {
            Ok(mut a) => *a = Arc::new(rules),
            Err(p) => *p.into_inner() = Arc::new(rules),
        }
    }

    pub(crate) fn acl(&self) -> Arc<crate::acl::AclRules> {
        match self.acl.read() {
            Ok(a) => a.clone(),
            Err(p) => p.into_inner().clone(),
        }
    }

    pub(crate) fn callback_id(&self) -> i32 {
        self.next_callback_id.fetch_add(1, Ordering::Relaxed)
    }
}

/// Per-connection state of the REMOTE program.
#[derive(Default)]
pub struct ConnState {
    conn: Mutex<Option<Arc<dyn Connection>>>,
    read_only: AtomicBool,
    close_callback: AtomicBool,
    pub(crate) events: EventSubscriptions,
}

impl ConnState {
    fn get(&self) -> Option<Arc<dyn Connection>> {
        match self.conn.lock() {
            Ok(c) => c.clone(),
            Err(p) => p.into_inner().clone(),
        }
    }
}

/// Everything a handler needs for one call.
pub(crate) struct Cx<'a> {
    pub daemon: &'a Arc<Daemon>,
    pub client: &'a Arc<Client>,
    pub st: Arc<ConnState>,
}

impl Cx<'_> {
    /// The open driver connection, or libvirtd's "hypervisor connection not open".
    pub fn conn(&self) -> VirResult<Arc<dyn Connection>> {
        self.st
            .get()
            .ok_or_else(|| VirError::internal(ErrorDomain::Rpc, "hypervisor connection not open"))
    }

    /// Refuses a state-changing API on a read-only connection (code 29, domain 20).
    pub fn writable(&self, api: &str) -> VirResult<()> {
        if self.st.read_only.load(Ordering::Relaxed) {
            return Err(VirError::read_only(api));
        }
        Ok(())
    }
}

/// Decodes call arguments; failure is libvirtd's "Unable to decode message payload".
pub(crate) fn args<A: Decode>(body: &[u8]) -> VirResult<A> {
    A::decode(&mut Decoder::new(body)).map_err(|_| {
        VirError::raw(
            ErrorCode::Rpc,
            ErrorDomain::Rpc,
            "Unable to decode message payload",
        )
    })
}

/// Encodes a reply body.
pub(crate) fn reply<R: Encode>(r: R) -> VirResult<Outcome> {
    rvirt_xdr::to_bytes(&r)
        .map(|b| Outcome::Reply(b.freeze()))
        .map_err(|_| {
            VirError::raw(
                ErrorCode::Rpc,
                ErrorDomain::Rpc,
                "Unable to encode message payload",
            )
        })
}

/// An empty (void) reply.
pub(crate) fn void() -> VirResult<Outcome> {
    Ok(Outcome::Reply(Bytes::new()))
}

/// libvirt's `int` booleans.
pub(crate) fn b2i(b: bool) -> i32 {
    i32::from(b)
}

/// Caps a list at the client's `max*` count, as libvirtd's legacy list calls do.
pub(crate) fn cap<T>(mut v: Vec<T>, max: i32) -> Vec<T> {
    v.truncate(usize::try_from(max).unwrap_or(0));
    v
}

/// The REMOTE program (`0x20008086` v1).
pub struct RemoteProgram {
    pub daemon: Arc<Daemon>,
}

#[async_trait]
impl Program for RemoteProgram {
    fn number(&self) -> u32 {
        REMOTE_PROGRAM
    }

    fn version(&self) -> u32 {
        REMOTE_PROTOCOL_VERSION
    }

    fn procedure_name(&self, proc_: i32) -> Option<&'static str> {
        rvirt_proto::remote::procedure_info(proc_).map(|p| p.name)
    }

    fn is_priority(&self, proc_: i32) -> bool {
        rvirt_proto::remote::procedure_info(proc_).is_some_and(|p| p.priority)
    }

    async fn dispatch(&self, client: &Arc<Client>, header: &Header, body: Bytes) -> Outcome {
        let st = client.state::<ConnState>();
        if client.info().read_only {
            st.read_only.store(true, Ordering::Relaxed);
        }
        let cx = Cx {
            daemon: &self.daemon,
            client,
            st,
        };
        let p = header.proc_;
        if let Err(e) = auth::gate(client, p) {
            return Outcome::Error(e);
        }
        if let Err(e) = access_check(&cx, p, &body).await {
            return Outcome::Error(e);
        }
        let res = match connect::dispatch(&cx, p, &body).await {
            Some(r) => r,
            None => match route(&cx, p, &body).await {
                Some(r) => r,
                None => Err(VirError::unknown_procedure(p)),
            },
        };
        res.unwrap_or_else(Outcome::Error)
    }

    async fn client_closed(&self, client: &Arc<Client>) {
        auth::client_closed(client);
        let st = client.state::<ConnState>();
        st.events.clear();
        let conn = match st.conn.lock() {
            Ok(mut c) => c.take(),
            Err(p) => p.into_inner().take(),
        };
        if let Some(c) = conn {
            let _ = c.close().await;
        }
    }
}

/// Read-only rule and ACL, from the procedure table, before the arguments are decoded.
async fn access_check(cx: &Cx<'_>, p: i32, body: &[u8]) -> VirResult<()> {
    let Some(info) = rvirt_proto::remote::procedure_info(p) else {
        return Ok(());
    };
    let acl = cx.daemon.acl();
    let read_only = cx.st.read_only.load(Ordering::Relaxed);
    let driver = if acl.rules.is_empty() && acl.default_allow {
        String::new()
    } else {
        match cx.st.get() {
            // libvirt names the driver (`virConnectDriver.name`): "QEMU", "Test", …
            Some(c) => match c.get_type().await {
                Ok(t) if t == "TEST" => "Test".into(),
                Ok(t) => t,
                Err(_) => "remote".into(),
            },
            None => "remote".into(),
        }
    };
    crate::acl::check_call(info, cx.client.info(), read_only, &acl, &driver, body)
}

async fn route(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    if let Some(r) = domain::dispatch(cx, p, body).await {
        return Some(r);
    }
    if let Some(r) = domain_tuning::dispatch(cx, p, body).await {
        return Some(r);
    }
    if let Some(r) = domain_stats::dispatch(cx, p, body).await {
        return Some(r);
    }
    if let Some(r) = domain_guest::dispatch(cx, p, body).await {
        return Some(r);
    }
    if let Some(r) = domain_images::dispatch(cx, p, body).await {
        return Some(r);
    }
    if let Some(r) = fds::dispatch(cx, p, body).await {
        return Some(r);
    }
    if let Some(r) = domain_agent::dispatch(cx, p, body).await {
        return Some(r);
    }
    if let Some(r) = domain_blockjob::dispatch(cx, p, body).await {
        return Some(r);
    }
    if let Some(r) = domain_perf::dispatch(cx, p, body).await {
        return Some(r);
    }
    if let Some(r) = domain_launchsec::dispatch(cx, p, body).await {
        return Some(r);
    }
    if let Some(r) = domain_backup::dispatch(cx, p, body).await {
        return Some(r);
    }
    if let Some(r) = node_extra::dispatch(cx, p, body).await {
        return Some(r);
    }
    if let Some(r) = migrate::dispatch(cx, p, body).await {
        return Some(r);
    }
    if let Some(r) = snapshot::dispatch(cx, p, body).await {
        return Some(r);
    }
    if let Some(r) = checkpoint::dispatch(cx, p, body).await {
        return Some(r);
    }
    if let Some(r) = network::dispatch(cx, p, body).await {
        return Some(r);
    }
    if let Some(r) = storage::dispatch(cx, p, body).await {
        return Some(r);
    }
    if let Some(r) = interface::dispatch(cx, p, body).await {
        return Some(r);
    }
    if let Some(r) = nodedev::dispatch(cx, p, body).await {
        return Some(r);
    }
    if let Some(r) = secret::dispatch(cx, p, body).await {
        return Some(r);
    }
    if let Some(r) = nwfilter::dispatch(cx, p, body).await {
        return Some(r);
    }
    if let Some(r) = events::dispatch(cx, p, body).await {
        return Some(r);
    }
    streams::dispatch(cx, p, body).await
}
