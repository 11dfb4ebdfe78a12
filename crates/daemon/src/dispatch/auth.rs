//! SASL authentication of REMOTE connections: AUTH_LIST (66), AUTH_SASL_INIT (67),
//! AUTH_SASL_START (68), AUTH_SASL_STEP (69), AUTH_POLKIT (70), and libvirt's rule that
//! nothing else runs before the client has authenticated.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock, RwLock};

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_proto::remote::{
    AuthListRet, AuthPolkitRet, AuthSaslInitRet, AuthSaslStartArgs, AuthSaslStartRet,
    AuthSaslStepArgs, AuthSaslStepRet, AuthType,
};
use rvirt_rpc::sasl::{SaslServer, SaslStep, UserDb};
use rvirt_rpc::server::{Client, Outcome, Transport};
use rvirt_xdr::Chars;

use super::{args, reply, Cx};

/// Which sockets require SASL (`auth_unix_rw`, `auth_unix_ro`, `auth_tls` = "sasl"), the
/// user database and `sasl_allowed_username_list`.
#[derive(Debug, Clone, Default)]
pub struct AuthSettings {
    pub unix_rw: bool,
    pub unix_ro: bool,
    pub tls: bool,
    /// `sasl_allowed_username_list`; None = every user in the database.
    pub allowed_users: Option<Vec<String>>,
    /// rvirt's SCRAM user database (`<confdir>/rvirt-sasl-users`), read at every SASL_INIT.
    pub users_file: PathBuf,
}

/// The daemon-wide SASL settings (libvirtd's `saslCtxt` is process-wide too).
fn settings_slot() -> &'static RwLock<Arc<AuthSettings>> {
    static S: OnceLock<RwLock<Arc<AuthSettings>>> = OnceLock::new();
    S.get_or_init(|| RwLock::new(Arc::new(AuthSettings::default())))
}

/// Installs the SASL settings (called once at start-up).
pub fn configure(settings: AuthSettings) {
    match settings_slot().write() {
        Ok(mut s) => *s = Arc::new(settings),
        Err(p) => *p.into_inner() = Arc::new(settings),
    }
}

fn settings() -> Arc<AuthSettings> {
    match settings_slot().read() {
        Ok(s) => s.clone(),
        Err(p) => p.into_inner().clone(),
    }
}

/// Per-connection SASL state.
#[derive(Default)]
pub struct SaslConn {
    inner: Mutex<SaslInner>,
}

#[derive(Default)]
struct SaslInner {
    session: Option<SaslServer>,
    authenticated: bool,
}

impl SaslConn {
    fn lock(&self) -> std::sync::MutexGuard<'_, SaslInner> {
        match self.inner.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        }
    }
}

/// Whether this connection's socket is configured for SASL.
fn sasl_configured(client: &Client) -> bool {
    let s = settings();
    let info = client.info();
    match info.transport {
        Transport::Unix if info.read_only => s.unix_ro,
        Transport::Unix => s.unix_rw,
        Transport::Tls(_) => s.tls,
        Transport::Tcp(_) | Transport::Other => false,
    }
}

/// Whether the connection still has to authenticate (`virNetServerClientNeedAuth`).
pub(crate) fn needs_auth(client: &Client) -> bool {
    sasl_configured(client) && !client.state::<SaslConn>().lock().authenticated
}

/// libvirt's gate before dispatch of the REMOTE program: only the AUTH_* procedures run
/// unauthenticated; everything else gets "authentication required".
pub(crate) fn gate(client: &Client, proc_: i32) -> VirResult<()> {
    if (66..=70).contains(&proc_) {
        return Ok(());
    }
    require_auth(client)
}

/// The gate for programs without AUTH_* procedures (QEMU, LXC): every call needs an
/// authenticated client; otherwise libvirt's "authentication required" (VIR_ERR_RPC 39,
/// domain RPC 7).
pub(crate) fn require_auth(client: &Client) -> VirResult<()> {
    if !needs_auth(client) {
        return Ok(());
    }
    Err(VirError::new(
        ErrorCode::Rpc,
        ErrorDomain::Rpc,
        "authentication required",
    ))
}

/// Forgets the connection's SASL identity once it closes.
pub(crate) fn client_closed(client: &Client) {
    crate::acl::sasl_users::forget(client.info().id);
}

fn auth_failed() -> VirError {
    VirError::new(
        ErrorCode::AuthFailed,
        ErrorDomain::Rpc,
        "authentication failed",
    )
}

/// Handles procedures 66–70; None for every other procedure.
pub(crate) fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    let client = cx.client;
    Some(match p {
        66 => reply(AuthListRet {
            types: vec![if needs_auth(client) {
                AuthType::Sasl
            } else {
                AuthType::None
            }],
        }),
        67 => init(client),
        68 => args::<AuthSaslStartArgs>(body)
            .and_then(|a| {
                let data = (a.nil == 0).then(|| a.data.0.clone());
                run_step(client, |s| s.start(&a.mech, data.as_deref())).map(
                    |(complete, nil, data)| AuthSaslStartRet {
                        complete,
                        nil,
                        data,
                    },
                )
            })
            .and_then(reply),
        69 => args::<AuthSaslStepArgs>(body)
            .and_then(|a| {
                let data = (a.nil == 0).then(|| a.data.0.clone());
                run_step(client, |s| s.step(data.as_deref())).map(|(complete, nil, data)| {
                    AuthSaslStepRet {
                        complete,
                        nil,
                        data,
                    }
                })
            })
            .and_then(reply),
        70 if sasl_configured(client) => {
            tracing::error!(
                client = client.info().id,
                "client tried invalid PolicyKit init request"
            );
            Err(auth_failed())
        }
        70 => reply(AuthPolkitRet { complete: 1 }),
        _ => return None,
    })
}

/// AUTH_SASL_INIT: a fresh session and its mechanism list.
fn init(client: &Client) -> VirResult<Outcome> {
    let conn = client.state::<SaslConn>();
    let mut st = conn.lock();
    if !sasl_configured(client) || st.authenticated || st.session.is_some() {
        tracing::error!(
            client = client.info().id,
            "client tried invalid SASL init request"
        );
        return Err(auth_failed());
    }
    let s = settings();
    let db = UserDb::load(&s.users_file).map_err(|e| {
        tracing::error!(error = %e, "cannot load the SASL user database");
        auth_failed()
    })?;
    // PLAIN sends the password itself: only inside TLS, as libvirt's docs advise
    let plain = matches!(client.info().transport, Transport::Tls(_));
    let session = SaslServer::new(Arc::new(db), plain);
    let mechlist = session.mechanisms();
    tracing::debug!(client = client.info().id, %mechlist, "Available mechanisms for client");
    st.session = Some(session);
    reply(AuthSaslInitRet { mechlist })
}

/// START/STEP: runs the session, and on completion checks `sasl_allowed_username_list`.
/// Any failure ends the session (the client may start over with SASL_INIT, as in libvirt).
fn run_step(
    client: &Client,
    f: impl FnOnce(&mut SaslServer) -> Result<SaslStep, rvirt_rpc::sasl::SaslError>,
) -> VirResult<(i32, i32, Chars)> {
    let conn = client.state::<SaslConn>();
    let mut st = conn.lock();
    let id = client.info().id;
    let Some(mut session) = st.session.take() else {
        tracing::error!(client = id, "client tried invalid SASL start request");
        return Err(auth_failed());
    };
    let step = f(&mut session).map_err(|e| {
        tracing::warn!(client = id, reason = %e, "SASL authentication failed");
        auth_failed()
    })?;
    let (complete, out) = match step {
        SaslStep::Continue(out) => {
            st.session = Some(session);
            (0, out)
        }
        SaslStep::Complete(out) => {
            let user = session.identity().unwrap_or_default().to_string();
            if !user_allowed(&user) {
                tracing::error!(client = id, identity = %user, "SASL client identity not allowed by sasl_allowed_username_list");
                return Err(auth_failed());
            }
            let mech = session.mechanism().unwrap_or_default();
            tracing::info!(client = id, identity = %user, mechanism = mech, "SASL authentication successful");
            crate::acl::sasl_users::set(id, &user);
            st.authenticated = true;
            (1, out)
        }
    };
    let nil = i32::from(out.is_none());
    Ok((complete, nil, Chars(out.unwrap_or_default())))
}

/// `virNetSASLContextCheckIdentity`: no list allows everyone; otherwise a glob must match.
fn user_allowed(user: &str) -> bool {
    match &settings().allowed_users {
        None => true,
        Some(list) => list.iter().any(|p| crate::acl::glob(p, user)),
    }
}
