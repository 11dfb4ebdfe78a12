//! Opening a remote connection: URI → transport (`wire-protocol.md` §1.2) and the
//! handshake virsh does (§7.1).

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use bytes::Bytes;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::uri::ConnectUri;
use rvirt_rpc::client::{
    Client, EventReceiver, DEFAULT_KEEPALIVE_COUNT, DEFAULT_KEEPALIVE_INTERVAL,
};

use super::conn::RemoteConnection;
use super::events::EventRouter;
use super::procs as p;
pub use super::ssh::{ssh_command, SshOptions};
use super::wire::args;

/// `VIR_DRV_FEATURE_PROGRAM_KEEPALIVE`.
const FEATURE_KEEPALIVE: i32 = 10;
/// `VIR_DRV_FEATURE_REMOTE_EVENT_CALLBACK`.
const FEATURE_EVENT_CALLBACK: i32 = 14;
/// `VIR_DRV_FEATURE_REMOTE_CLOSE_CALLBACK`.
const FEATURE_CLOSE_CALLBACK: i32 = 15;
/// `VIR_CONNECT_RO` in CONNECT_OPEN's flags.
const CONNECT_RO: u32 = 1;
/// `remote_auth_type` values.
const AUTH_NONE: i32 = 0;
const AUTH_SASL: i32 = 1;
const AUTH_POLKIT: i32 = 2;

/// How a remote URI reaches its daemon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Transport {
    /// A unix socket at this path.
    Unix(PathBuf),
    /// Plain TCP to host:port.
    Tcp { host: String, port: u16 },
    /// TLS to host:port (libvirt's x509: `?pkipath=`, `?no_verify=1`, `?no_sanity=1`).
    Tls {
        host: String,
        port: u16,
        pkipath: Option<PathBuf>,
        verify: bool,
        sanity: bool,
    },
    /// `ssh` to the host running `virt-ssh-helper` or netcat there (libvirt's
    /// `virNetClientNewSSH`; see [`ssh_command`]).
    Ssh(SshOptions),
}

/// Options for opening a remote connection.
#[derive(Debug, Clone)]
pub struct RemoteOpenOptions {
    /// `VIR_CONNECT_RO`.
    pub read_only: bool,
    /// Client keepalive (interval, count); `None` disables it. Default: virsh's (5 s, 6).
    pub keepalive: Option<(Duration, u32)>,
    /// `virConnectAuth` callback for SASL credentials not found in `auth.conf`.
    pub auth: Option<super::auth::AuthCallback>,
}

impl Default for RemoteOpenOptions {
    fn default() -> Self {
        RemoteOpenOptions {
            read_only: false,
            keepalive: Some((DEFAULT_KEEPALIVE_INTERVAL, DEFAULT_KEEPALIVE_COUNT)),
            auth: None,
        }
    }
}

fn is_root() -> bool {
    std::env::var("USER").map(|u| u == "root").unwrap_or(false)
        || std::fs::metadata("/proc/self")
            .map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0)
            .unwrap_or(false)
}

/// The daemon socket a local URI uses when no `?socket=` is given: the per-user socket
/// for `…:///session` (`$XDG_RUNTIME_DIR/libvirt/libvirt-sock`), else the system socket
/// (`/var/run/libvirt/libvirt-sock`, `-ro` for read-only; libvirt spells
/// `LOCALSTATEDIR/run`, and its messages name that path).
pub fn default_socket_path(uri: &ConnectUri, read_only: bool) -> PathBuf {
    let session = uri.path == "/session" || (!is_root() && uri.path != "/system");
    if session && uri.driver != "remote" {
        let base = std::env::var_os("XDG_RUNTIME_DIR")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
            .unwrap_or_else(|| PathBuf::from("/tmp"));
        return base.join("libvirt").join("libvirt-sock");
    }
    let name = if read_only {
        "libvirt-sock-ro"
    } else {
        "libvirt-sock"
    };
    PathBuf::from("/var/run/libvirt").join(name)
}

fn uri_error(uri: &ConnectUri, detail: String) -> VirError {
    let _ = uri;
    VirError::invalid_arg(ErrorDomain::Remote, detail)
}

/// Picks the transport for `uri` (§1.2): `+transport` wins; without one, a host means
/// TLS and no host means unix.
pub fn transport_for(uri: &ConnectUri, read_only: bool) -> VirResult<Transport> {
    let transport = match (&uri.transport, &uri.host) {
        (Some(t), _) => t.as_str(),
        (None, Some(_)) => "tls",
        (None, None) => "unix",
    };
    match transport {
        "unix" => {
            if uri.host.is_some() {
                return Err(uri_error(
                    uri,
                    "using unix socket and remote server is not supported.".into(),
                ));
            }
            let path = uri
                .param("socket")
                .map(PathBuf::from)
                .unwrap_or_else(|| default_socket_path(uri, read_only));
            Ok(Transport::Unix(path))
        }
        "tcp" => Ok(Transport::Tcp {
            host: uri.host.clone().unwrap_or_else(|| "localhost".into()),
            port: uri.port.unwrap_or(16509),
        }),
        "tls" => Ok(Transport::Tls {
            host: uri.host.clone().unwrap_or_else(|| "localhost".into()),
            port: uri.port.unwrap_or(16514),
            pkipath: uri.param("pkipath").map(PathBuf::from),
            verify: uri.param("no_verify") != Some("1"),
            sanity: uri.param("no_sanity") != Some("1"),
        }),
        "ssh" | "libssh" | "libssh2" => Ok(Transport::Ssh(SshOptions::from_uri(uri, read_only))),
        other => Err(VirError::new(
            ErrorCode::NoSupport,
            ErrorDomain::Remote,
            format!("transport '{other}' is not supported by rvirt"),
        )),
    }
}

async fn connect_transport(t: &Transport) -> VirResult<(Client, EventReceiver, bool)> {
    match t {
        Transport::Unix(path) => {
            let (c, ev) = Client::connect_unix(path).await?;
            Ok((c, ev, true))
        }
        Transport::Tcp { host, port } => {
            let (c, ev) = Client::connect_tcp(host, *port).await?;
            Ok((c, ev, false))
        }
        Transport::Tls {
            host,
            port,
            pkipath,
            verify,
            sanity,
        } => {
            let mut opts = rvirt_rpc::client::TlsClientOptions::new(pkipath.as_deref());
            opts.verify = *verify;
            opts.sanity = *sanity;
            let (c, ev) = Client::connect_tls(host, *port, &opts).await?;
            Ok((c, ev, true))
        }
        Transport::Ssh(o) => {
            let argv = ssh_command(o);
            let mut cmd = tokio::process::Command::new(&argv[0]);
            cmd.args(&argv[1..]);
            cmd.stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .kill_on_drop(true);
            let mut child = cmd.spawn().map_err(|e| {
                VirError::raw(
                    ErrorCode::SystemError,
                    ErrorDomain::Rpc,
                    format!("Cannot run {}: {e}", argv[0]),
                )
            })?;
            let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
                return Err(VirError::internal(ErrorDomain::Rpc, "ssh pipes missing"));
            };
            tokio::spawn(async move {
                let _ = child.wait().await;
            });
            let (c, ev) = Client::new(tokio::io::join(stdout, stdin));
            Ok((c, ev, true))
        }
    }
}

impl RemoteConnection {
    /// Opens `uri` through the remote driver (`doRemoteOpen`): connects the transport, then
    /// AUTH_LIST → SUPPORTS_FEATURE(10) → CONNECT_OPEN(name, flags) → SUPPORTS_FEATURE(14)
    /// → SUPPORTS_FEATURE(15) → REGISTER_CLOSE_CALLBACK, exactly as virsh.
    pub async fn open(uri_str: &str, opts: &RemoteOpenOptions) -> VirResult<RemoteConnection> {
        let uri = ConnectUri::parse(uri_str)?;
        let t = transport_for(&uri, opts.read_only)?;
        let (client, events, secure) = connect_transport(&t).await?;
        let name = uri.remote_name();
        Self::handshake(client, events, uri_str, &name, secure, opts).await
    }

    /// Runs the open handshake on an already connected client.
    pub async fn handshake(
        client: Client,
        events: EventReceiver,
        uri: &str,
        name: &str,
        secure_transport: bool,
        opts: &RemoteOpenOptions,
    ) -> VirResult<RemoteConnection> {
        let router = EventRouter::new();
        router.spawn_pump(events);
        let conn = RemoteConnection {
            client,
            router,
            uri: uri.to_string(),
            read_only: opts.read_only,
            secure_transport,
            close_callback: AtomicBool::new(false),
            closed: AtomicBool::new(false),
        };
        match conn.do_handshake(name, opts).await {
            Ok(()) => Ok(conn),
            Err(e) => {
                conn.client.close().await;
                Err(e)
            }
        }
    }

    async fn authenticate(&self, opts: &RemoteOpenOptions) -> VirResult<()> {
        let types: Vec<i32> = match self.call(p::AUTH_LIST, Bytes::new()).await {
            Ok(mut r) => r.get()?,
            // an old server without AUTH_LIST needs no auth
            Err(e) if e.code == ErrorCode::NoSupport => Vec::new(),
            Err(e) => return Err(e),
        };
        match types.first().copied() {
            None | Some(AUTH_NONE) => Ok(()),
            Some(AUTH_POLKIT) => {
                let mut r = self.call(p::AUTH_POLKIT, Bytes::new()).await?;
                let complete: i32 = r.get()?;
                if complete == 1 {
                    Ok(())
                } else {
                    Err(VirError::new(
                        ErrorCode::AuthFailed,
                        ErrorDomain::Remote,
                        "polkit authentication did not complete",
                    ))
                }
            }
            Some(AUTH_SASL) => {
                self.authenticate_sasl(self.secure_transport, opts.auth.as_ref())
                    .await
            }
            Some(other) => Err(VirError::new(
                ErrorCode::AuthFailed,
                ErrorDomain::Remote,
                format!("unsupported authentication type {other}"),
            )),
        }
    }

    /// CONNECT_SUPPORTS_FEATURE; a failure counts as "not supported", as libvirt does.
    pub async fn supports_feature(&self, feature: i32) -> bool {
        match self
            .call(p::CONNECT_SUPPORTS_FEATURE, args_feature(feature))
            .await
        {
            Ok(mut r) => r.get::<i32>().map(|v| v != 0).unwrap_or(false),
            Err(_) => false,
        }
    }

    async fn do_handshake(&self, name: &str, opts: &RemoteOpenOptions) -> VirResult<()> {
        self.authenticate(opts).await?;
        let keepalive = self.supports_feature(FEATURE_KEEPALIVE).await;
        let flags: u32 = if opts.read_only { CONNECT_RO } else { 0 };
        self.call0(p::CONNECT_OPEN, args!(Some(name.to_string()), flags))
            .await?;
        let _callbacks = self.supports_feature(FEATURE_EVENT_CALLBACK).await;
        if self.supports_feature(FEATURE_CLOSE_CALLBACK).await {
            match self
                .call0(p::CONNECT_REGISTER_CLOSE_CALLBACK, Bytes::new())
                .await
            {
                Ok(()) => self
                    .close_callback
                    .store(true, std::sync::atomic::Ordering::SeqCst),
                Err(e) => tracing::warn!(error = %e, "Unable to register disconnect callback"),
            }
        }
        if keepalive {
            if let Some((interval, count)) = opts.keepalive {
                self.client.start_keepalive(interval, count)?;
            }
        }
        Ok(())
    }
}

fn args_feature(feature: i32) -> Bytes {
    Bytes::copy_from_slice(&feature.to_be_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transports_follow_libvirt_rules() {
        let u = ConnectUri::parse("test+unix:///default?socket=/tmp/s").unwrap();
        assert_eq!(
            transport_for(&u, false).unwrap(),
            Transport::Unix("/tmp/s".into())
        );
        let u = ConnectUri::parse("qemu+tcp://10.0.0.1/system").unwrap();
        assert_eq!(
            transport_for(&u, false).unwrap(),
            Transport::Tcp {
                host: "10.0.0.1".into(),
                port: 16509
            }
        );
        let u = ConnectUri::parse("qemu://host/system?pkipath=/p&no_verify=1").unwrap();
        assert_eq!(
            transport_for(&u, false).unwrap(),
            Transport::Tls {
                host: "host".into(),
                port: 16514,
                pkipath: Some("/p".into()),
                verify: false,
                sanity: true
            }
        );
        let u = ConnectUri::parse("qemu+unix://host/system").unwrap();
        assert!(transport_for(&u, false).is_err());
    }

    #[test]
    fn system_socket_paths() {
        let u = ConnectUri::parse("qemu:///system").unwrap();
        assert_eq!(
            default_socket_path(&u, false),
            PathBuf::from("/var/run/libvirt/libvirt-sock")
        );
        assert_eq!(
            default_socket_path(&u, true),
            PathBuf::from("/var/run/libvirt/libvirt-sock-ro")
        );
    }
}
