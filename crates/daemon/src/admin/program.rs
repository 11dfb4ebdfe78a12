//! The ADMIN program (`0x06900690` v1) and the admin socket it is served on.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use async_trait::async_trait;
use bytes::Bytes;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_proto::admin::*;
use rvirt_proto::Header;
use rvirt_rpc::server::{Client, Outcome, Program, Server, ServerConfig};

use super::logging::LogSettings;
use super::params;
use crate::dispatch::{args, reply, void};

/// libvirt 9.0.0 as `major * 1_000_000 + minor * 1000 + micro`.
const LIB_VERSION: u64 = 9_000_000;

/// The ADMIN program: the daemon's servers by name, and its logging settings.
pub struct AdminProgram {
    servers: OnceLock<Vec<(&'static str, Server)>>,
    log: LogSettings,
}

impl AdminProgram {
    pub fn new(log_filters: Option<&str>, log_outputs: Option<&str>, log_level: i64) -> Self {
        AdminProgram {
            servers: OnceLock::new(),
            log: LogSettings::new(log_filters, log_outputs, log_level),
        }
    }

    fn servers(&self) -> &[(&'static str, Server)] {
        self.servers.get().map(Vec::as_slice).unwrap_or(&[])
    }

    fn server(&self, name: &str) -> VirResult<&Server> {
        self.servers()
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| s)
            .ok_or_else(|| {
                VirError::new(
                    ErrorCode::NoServer,
                    ErrorDomain::Rpc,
                    format!("No server named '{name}'"),
                )
            })
    }

    fn client(&self, c: &AdminClient) -> VirResult<Arc<Client>> {
        self.server(&c.srv.name)?
            .lookup_client(c.id)
            .ok_or_else(|| {
                VirError::new(
                    ErrorCode::NoClient,
                    ErrorDomain::Rpc,
                    format!("No client with matching ID '{}'", c.id),
                )
            })
    }

    fn handle(srv: &str, c: &Client) -> AdminClient {
        AdminClient {
            srv: AdminServer { name: srv.into() },
            id: c.info().id,
            timestamp: c.connected_at(),
            transport: params::transport(&c.info().transport),
        }
    }

    async fn call(&self, p: i32, body: &[u8]) -> VirResult<Outcome> {
        match p {
            ADMIN_PROC_CONNECT_OPEN => {
                let _: AdminConnectOpenArgs = args(body)?;
                void()
            }
            ADMIN_PROC_CONNECT_CLOSE => Ok(Outcome::ReplyThenClose(Bytes::new())),
            ADMIN_PROC_CONNECT_GET_LIB_VERSION => reply(AdminConnectGetLibVersionRet {
                lib_ver: LIB_VERSION,
            }),
            ADMIN_PROC_CONNECT_LIST_SERVERS => {
                let a: AdminConnectListServersArgs = args(body)?;
                let all: Vec<AdminServer> = self
                    .servers()
                    .iter()
                    .map(|(n, _)| AdminServer {
                        name: (*n).to_string(),
                    })
                    .collect();
                let ret = u32::try_from(all.len()).unwrap_or(0);
                let servers = if a.need_results != 0 { all } else { Vec::new() };
                reply(AdminConnectListServersRet { servers, ret })
            }
            ADMIN_PROC_CONNECT_LOOKUP_SERVER => {
                let a: AdminConnectLookupServerArgs = args(body)?;
                self.server(&a.name)?;
                reply(AdminConnectLookupServerRet {
                    srv: AdminServer { name: a.name },
                })
            }
            ADMIN_PROC_SERVER_GET_THREADPOOL_PARAMETERS => {
                let a: AdminServerArgs = args(body)?;
                let t = self.server(&a.srv.name)?.threadpool_info();
                reply(AdminParamsRet {
                    params: params::threadpool(&t),
                })
            }
            ADMIN_PROC_SERVER_SET_THREADPOOL_PARAMETERS => {
                let a: AdminServerSetParamsArgs = args(body)?;
                let srv = self.server(&a.srv.name)?;
                let ok = ["minWorkers", "maxWorkers", "prioWorkers"];
                let min = params::take_uint(&a.params, &ok, "minWorkers")?;
                let max = params::take_uint(&a.params, &ok, "maxWorkers")?;
                let prio = params::take_uint(&a.params, &ok, "prioWorkers")?;
                let cur = srv.threadpool_info();
                if max.unwrap_or(cur.max_workers) < min.unwrap_or(cur.min_workers) {
                    return Err(VirError::new(
                        ErrorCode::InvalidArg,
                        ErrorDomain::Admin,
                        "the minimum number of workers cannot be larger than the maximum",
                    ));
                }
                if max == Some(0) {
                    return Err(VirError::new(
                        ErrorCode::InvalidArg,
                        ErrorDomain::Admin,
                        "maxWorkers must be greater than 0",
                    ));
                }
                srv.set_threadpool(min, max, prio);
                void()
            }
            ADMIN_PROC_SERVER_LIST_CLIENTS => {
                let a: AdminServerListClientsArgs = args(body)?;
                let srv = self.server(&a.srv.name)?;
                let all: Vec<AdminClient> = srv
                    .list_clients()
                    .iter()
                    .map(|c| Self::handle(&a.srv.name, c))
                    .collect();
                let ret = u32::try_from(all.len()).unwrap_or(0);
                let clients = if a.need_results != 0 { all } else { Vec::new() };
                reply(AdminServerListClientsRet { clients, ret })
            }
            ADMIN_PROC_SERVER_LOOKUP_CLIENT => {
                let a: AdminServerLookupClientArgs = args(body)?;
                let probe = AdminClient {
                    srv: a.srv.clone(),
                    id: a.id,
                    timestamp: 0,
                    transport: 0,
                };
                let c = self.client(&probe)?;
                reply(AdminServerLookupClientRet {
                    clnt: Self::handle(&a.srv.name, &c),
                })
            }
            ADMIN_PROC_CLIENT_GET_INFO => {
                let a: AdminClientArgs = args(body)?;
                let c = self.client(&a.clnt)?;
                reply(AdminParamsRet {
                    params: params::client_info(c.info()),
                })
            }
            ADMIN_PROC_CLIENT_CLOSE => {
                let a: AdminClientArgs = args(body)?;
                self.client(&a.clnt)?.disconnect();
                void()
            }
            ADMIN_PROC_SERVER_GET_CLIENT_LIMITS => {
                let a: AdminServerArgs = args(body)?;
                let l = self.server(&a.srv.name)?.client_limits();
                reply(AdminParamsRet {
                    params: params::client_limits(&l),
                })
            }
            ADMIN_PROC_SERVER_SET_CLIENT_LIMITS => {
                let a: AdminServerSetParamsArgs = args(body)?;
                let srv = self.server(&a.srv.name)?;
                let ok = ["nclients_max", "nclients_unauth_max"];
                let max = params::take_uint(&a.params, &ok, "nclients_max")?;
                let anon = params::take_uint(&a.params, &ok, "nclients_unauth_max")?;
                srv.set_client_limits(max, anon)
                    .map_err(|m| VirError::new(ErrorCode::InvalidArg, ErrorDomain::Admin, m))?;
                void()
            }
            ADMIN_PROC_CONNECT_GET_LOGGING_OUTPUTS => {
                let _: AdminFlagsArgs = args(body)?;
                let (outputs, noutputs) = self.log.outputs();
                reply(AdminConnectGetLoggingOutputsRet { outputs, noutputs })
            }
            ADMIN_PROC_CONNECT_GET_LOGGING_FILTERS => {
                let _: AdminFlagsArgs = args(body)?;
                let (f, nfilters) = self.log.filters();
                reply(AdminConnectGetLoggingFiltersRet {
                    filters: Some(f),
                    nfilters,
                })
            }
            ADMIN_PROC_CONNECT_SET_LOGGING_OUTPUTS => {
                let a: AdminConnectSetLoggingArgs = args(body)?;
                self.log
                    .set_outputs(a.value.as_deref())
                    .map_err(|m| VirError::raw(ErrorCode::InvalidArg, ErrorDomain::Logging, m))?;
                void()
            }
            ADMIN_PROC_CONNECT_SET_LOGGING_FILTERS => {
                let a: AdminConnectSetLoggingArgs = args(body)?;
                self.log
                    .set_filters(a.value.as_deref())
                    .map_err(|m| VirError::raw(ErrorCode::InvalidArg, ErrorDomain::Logging, m))?;
                void()
            }
            ADMIN_PROC_SERVER_UPDATE_TLS_FILES | ADMIN_PROC_CONNECT_SET_DAEMON_TIMEOUT => {
                Err(VirError::new(
                    ErrorCode::OperationUnsupported,
                    ErrorDomain::Admin,
                    format!(
                        "{} is not supported by rvirtd",
                        admin_procedure_name(p).unwrap_or("procedure")
                    ),
                ))
            }
            _ => Err(VirError::raw(
                ErrorCode::Rpc,
                ErrorDomain::Rpc,
                format!("unknown procedure: {p}"),
            )),
        }
    }
}

#[async_trait]
impl Program for AdminProgram {
    fn number(&self) -> u32 {
        ADMIN_PROGRAM
    }

    fn version(&self) -> u32 {
        ADMIN_PROTOCOL_VERSION
    }

    fn procedure_name(&self, proc_: i32) -> Option<&'static str> {
        admin_procedure_name(proc_)
    }

    fn is_priority(&self, _proc_: i32) -> bool {
        true
    }

    async fn dispatch(&self, _client: &Arc<Client>, header: &Header, body: Bytes) -> Outcome {
        self.call(header.proc_, &body)
            .await
            .unwrap_or_else(Outcome::Error)
    }
}

/// Starts the admin server on `<sock_dir>/libvirt-admin-sock` (mode 0700) and returns it;
/// `main` is the daemon's "libvirtd" server, reachable by name through the admin API.
pub fn listen(program: Arc<AdminProgram>, main: &Server, sock: &Path) -> anyhow::Result<Server> {
    let config = ServerConfig {
        max_clients: 5000,
        max_workers: 5,
        prio_workers: 5,
        ..ServerConfig::default()
    };
    let admin = Server::new(config, vec![program.clone() as Arc<dyn Program>]);
    let _ = program
        .servers
        .set(vec![("libvirtd", main.clone()), ("admin", admin.clone())]);
    admin
        .listen_unix(sock, 0o700, false)
        .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", sock.display()))?;
    Ok(admin)
}
