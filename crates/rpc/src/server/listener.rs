//! `Server`: listening sockets (unix with `SO_PEERCRED`, plain TCP), accept loops,
//! `max_clients`, shutdown.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::UnixListener;
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

use super::client::{ClientInfo, Transport};
use super::config::ServerConfig;
use super::program::Program;
use super::workers::Workers;

pub(crate) struct Shared {
    pub(crate) config: ServerConfig,
    pub(crate) programs: Vec<Arc<dyn Program>>,
    pub(crate) workers: Workers,
    next_id: AtomicU64,
    clients: watch::Sender<usize>,
    /// Connections accepted but not yet authenticated (TLS handshakes in progress).
    pub(crate) anonymous: AtomicUsize,
    pub(crate) shutdown: CancellationToken,
    unix_paths: Mutex<Vec<PathBuf>>,
    /// Live connections by id (for the admin program).
    pub(crate) registry: Mutex<std::collections::BTreeMap<u64, Arc<super::client::Client>>>,
    /// `max_clients`, changeable at run time (admin `srv-clients-set`).
    pub(crate) max_clients: AtomicUsize,
    /// `max_anonymous_clients`, changeable at run time.
    pub(crate) max_anonymous: AtomicUsize,
    /// `min_workers` as reported to the admin API.
    pub(crate) min_workers: AtomicUsize,
}

/// An RPC server (`virNetServer`): programs, limits and the sockets it listens on.
#[derive(Clone)]
pub struct Server {
    pub(crate) shared: Arc<Shared>,
}

/// Counts one admitted connection until dropped.
pub(crate) struct ClientGuard(Arc<Shared>);

impl Drop for ClientGuard {
    fn drop(&mut self) {
        self.0.clients.send_modify(|n| *n = n.saturating_sub(1));
    }
}

impl Server {
    /// A server dispatching to `programs` with `config`'s limits.
    pub fn new(config: ServerConfig, programs: Vec<Arc<dyn Program>>) -> Self {
        let workers = Workers::new(config.max_workers, config.prio_workers);
        let (clients, _) = watch::channel(0);
        let max_clients = AtomicUsize::new(config.max_clients);
        let max_anonymous = AtomicUsize::new(config.max_anonymous_clients);
        Server {
            shared: Arc::new(Shared {
                config,
                programs,
                workers,
                next_id: AtomicU64::new(1),
                clients,
                anonymous: AtomicUsize::new(0),
                shutdown: CancellationToken::new(),
                unix_paths: Mutex::new(Vec::new()),
                registry: Mutex::new(std::collections::BTreeMap::new()),
                max_clients,
                max_anonymous,
                min_workers: AtomicUsize::new(5),
            }),
        }
    }

    /// Binds a unix socket at `path` with permission bits `mode` and serves it; clients
    /// on a `read_only` socket are forced read-only. A stale socket file is replaced.
    pub fn listen_unix(&self, path: &Path, mode: u32, read_only: bool) -> std::io::Result<()> {
        if path.exists() {
            std::fs::remove_file(path)?;
        }
        let listener = UnixListener::bind(path)?;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
        if let Ok(mut v) = self.shared.unix_paths.lock() {
            v.push(path.to_path_buf());
        }
        let shared = Arc::clone(&self.shared);
        tokio::spawn(async move {
            loop {
                let accepted = tokio::select! {
                    a = listener.accept() => a,
                    _ = shared.shutdown.cancelled() => return,
                };
                let (sock, _) = match accepted {
                    Ok(s) => s,
                    Err(e) => {
                        tracing::warn!(error = %e, "accept failed");
                        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let cred = sock.peer_cred().ok();
                let mut info = new_info(&shared, Transport::Unix, read_only);
                if let Some(c) = cred {
                    info.uid = Some(c.uid());
                    info.gid = Some(c.gid());
                    info.pid = c.pid();
                }
                let sock = crate::fdpass::FdStream::new(sock);
                let fds = sock.channel();
                spawn_client(&shared, sock, info, Some(fds));
            }
        });
        Ok(())
    }

    /// Serves an already connected byte stream (tests, socket activation, ssh helpers).
    pub fn serve_connection<S>(&self, io: S, read_only: bool)
    where
        S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
    {
        let info = new_info(&self.shared, Transport::Other, read_only);
        spawn_client(&self.shared, io, info, None);
    }

    /// Serves an already connected unix socket (socket activation, tests) with fd
    /// passing; the peer's credentials come from `SO_PEERCRED`.
    pub fn serve_unix_connection(&self, sock: tokio::net::UnixStream, read_only: bool) {
        let mut info = new_info(&self.shared, Transport::Unix, read_only);
        if let Ok(c) = sock.peer_cred() {
            info.uid = Some(c.uid());
            info.gid = Some(c.gid());
            info.pid = c.pid();
        }
        let sock = crate::fdpass::FdStream::new(sock);
        let fds = sock.channel();
        spawn_client(&self.shared, sock, info, Some(fds));
    }

    /// Number of connected clients, as a watch (for the daemon's idle timeout).
    pub fn clients(&self) -> watch::Receiver<usize> {
        self.shared.clients.subscribe()
    }

    /// Stops accepting, ends every connection and removes the unix socket files.
    pub fn shutdown(&self) {
        self.shared.shutdown.cancel();
        if let Ok(mut v) = self.shared.unix_paths.lock() {
            for p in v.drain(..) {
                let _ = std::fs::remove_file(&p);
            }
        }
    }

    /// Resolves once [`Server::shutdown`] was called.
    pub async fn stopped(&self) {
        self.shared.shutdown.cancelled().await;
    }
}

pub(crate) fn new_info(shared: &Shared, transport: Transport, read_only: bool) -> ClientInfo {
    ClientInfo {
        id: shared.next_id.fetch_add(1, Ordering::Relaxed),
        transport,
        read_only,
        uid: None,
        gid: None,
        pid: None,
        x509_dname: None,
    }
}

/// `max_clients`: admits one more connection, or logs libvirt's error and refuses it.
pub(crate) fn admit(shared: &Arc<Shared>, info: &ClientInfo) -> Option<ClientGuard> {
    let n = *shared.clients.borrow();
    let max = shared.max_clients.load(Ordering::Relaxed);
    if n >= max {
        tracing::error!(
            max_clients = max,
            "Too many active clients ({n}), dropping connection from {}",
            peer_name(info)
        );
        return None;
    }
    shared.clients.send_modify(|n| *n += 1);
    Some(ClientGuard(Arc::clone(shared)))
}

/// The peer as libvirt names it in logs (`127.0.0.1;40000`-style for TCP).
pub(crate) fn peer_name(info: &ClientInfo) -> String {
    match &info.transport {
        Transport::Tcp(a) | Transport::Tls(a) => a.clone(),
        Transport::Unix => format!("unix socket (pid {:?}, uid {:?})", info.pid, info.uid),
        Transport::Other => "in-process connection".into(),
    }
}

/// Serves `io` as an admitted connection until it closes or the server shuts down.
pub(crate) async fn run_client<S>(
    shared: Arc<Shared>,
    io: S,
    info: ClientInfo,
    guard: ClientGuard,
    fds: Option<crate::fdpass::FdChannel>,
) where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let _guard = guard;
    let stop = shared.shutdown.clone();
    tokio::select! {
        _ = super::connection::serve(Arc::clone(&shared), io, info, fds) => {}
        _ = stop.cancelled() => {}
    }
}

pub(crate) fn spawn_client<S>(
    shared: &Arc<Shared>,
    io: S,
    info: ClientInfo,
    fds: Option<crate::fdpass::FdChannel>,
) where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let Some(guard) = admit(shared, &info) else {
        return;
    };
    tokio::spawn(run_client(Arc::clone(shared), io, info, guard, fds));
}
