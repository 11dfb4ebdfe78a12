//! ADMIN body types (`admin_*_args` / `admin_*_ret`), wire order as in libvirt 9.0.

use rvirt_core::typed_param::TypedParam;
use rvirt_xdr::Xdr;

/// `ADMIN_SERVER_LIST_MAX`.
pub const ADMIN_SERVER_LIST_MAX: u32 = 16384;
/// `ADMIN_SERVER_THREADPOOL_PARAMETERS_MAX`.
pub const ADMIN_SERVER_THREADPOOL_PARAMETERS_MAX: u32 = 32;
/// `ADMIN_CLIENT_LIST_MAX`.
pub const ADMIN_CLIENT_LIST_MAX: u32 = 16384;
/// `ADMIN_CLIENT_INFO_PARAMETERS_MAX`.
pub const ADMIN_CLIENT_INFO_PARAMETERS_MAX: u32 = 64;
/// `ADMIN_SERVER_CLIENT_LIMITS_MAX`.
pub const ADMIN_SERVER_CLIENT_LIMITS_MAX: u32 = 32;

/// `admin_nonnull_server`: a server handle.
#[derive(Debug, Clone, PartialEq, Eq, Xdr)]
pub struct AdminServer {
    pub name: String,
}

/// `admin_nonnull_client`: a client handle (`transport`: 0 unix, 1 tcp, 2 tls).
#[derive(Debug, Clone, PartialEq, Eq, Xdr)]
pub struct AdminClient {
    pub srv: AdminServer,
    pub id: u64,
    pub timestamp: i64,
    pub transport: u32,
}

/// ADMIN_PROC_CONNECT_OPEN (1): CALL body.
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AdminConnectOpenArgs {
    pub flags: u32,
}

/// ADMIN_PROC_CONNECT_GET_LIB_VERSION (3): REPLY body.
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AdminConnectGetLibVersionRet {
    pub lib_ver: u64,
}

/// ADMIN_PROC_CONNECT_LIST_SERVERS (4): CALL body.
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AdminConnectListServersArgs {
    pub need_results: u32,
    pub flags: u32,
}

/// ADMIN_PROC_CONNECT_LIST_SERVERS (4): REPLY body.
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AdminConnectListServersRet {
    #[xdr(max = ADMIN_SERVER_LIST_MAX)]
    pub servers: Vec<AdminServer>,
    pub ret: u32,
}

/// ADMIN_PROC_CONNECT_LOOKUP_SERVER (5): CALL body.
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AdminConnectLookupServerArgs {
    pub name: String,
    pub flags: u32,
}

/// ADMIN_PROC_CONNECT_LOOKUP_SERVER (5): REPLY body.
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AdminConnectLookupServerRet {
    pub srv: AdminServer,
}

/// A server plus flags: the CALL body of procedures 6, 12 and 18.
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AdminServerArgs {
    pub srv: AdminServer,
    pub flags: u32,
}

/// Typed parameters: the REPLY body of procedures 6, 10 and 12.
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AdminParamsRet {
    #[xdr(max = ADMIN_CLIENT_INFO_PARAMETERS_MAX)]
    pub params: Vec<TypedParam>,
}

/// A server, parameters and flags: the CALL body of procedures 7 and 13.
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AdminServerSetParamsArgs {
    pub srv: AdminServer,
    #[xdr(max = ADMIN_SERVER_THREADPOOL_PARAMETERS_MAX)]
    pub params: Vec<TypedParam>,
    pub flags: u32,
}

/// ADMIN_PROC_SERVER_LIST_CLIENTS (8): CALL body.
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AdminServerListClientsArgs {
    pub srv: AdminServer,
    pub need_results: u32,
    pub flags: u32,
}

/// ADMIN_PROC_SERVER_LIST_CLIENTS (8): REPLY body.
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AdminServerListClientsRet {
    #[xdr(max = ADMIN_CLIENT_LIST_MAX)]
    pub clients: Vec<AdminClient>,
    pub ret: u32,
}

/// ADMIN_PROC_SERVER_LOOKUP_CLIENT (9): CALL body.
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AdminServerLookupClientArgs {
    pub srv: AdminServer,
    pub id: u64,
    pub flags: u32,
}

/// ADMIN_PROC_SERVER_LOOKUP_CLIENT (9): REPLY body.
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AdminServerLookupClientRet {
    pub clnt: AdminClient,
}

/// A client plus flags: the CALL body of procedures 10 and 11.
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AdminClientArgs {
    pub clnt: AdminClient,
    pub flags: u32,
}

/// Flags only: the CALL body of procedures 14 and 15.
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AdminFlagsArgs {
    pub flags: u32,
}

/// ADMIN_PROC_CONNECT_GET_LOGGING_OUTPUTS (14): REPLY body.
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AdminConnectGetLoggingOutputsRet {
    pub outputs: String,
    pub noutputs: u32,
}

/// ADMIN_PROC_CONNECT_GET_LOGGING_FILTERS (15): REPLY body.
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AdminConnectGetLoggingFiltersRet {
    pub filters: Option<String>,
    pub nfilters: u32,
}

/// A nullable string plus flags: the CALL body of procedures 16 and 17.
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AdminConnectSetLoggingArgs {
    pub value: Option<String>,
    pub flags: u32,
}

/// ADMIN_PROC_CONNECT_SET_DAEMON_TIMEOUT (19): CALL body.
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct AdminConnectSetDaemonTimeoutArgs {
    pub timeout: u32,
    pub flags: u32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::admin::admin_procedure_name;

    #[test]
    fn client_handle_layout() {
        let c = AdminClient {
            srv: AdminServer {
                name: "libvirtd".into(),
            },
            id: 7,
            timestamp: 1_700_000_000,
            transport: 0,
        };
        let b = rvirt_xdr::to_bytes(&c).unwrap();
        // string(4 + 8) + u64 + i64 + u32
        assert_eq!(b.len(), 12 + 8 + 8 + 4);
        assert_eq!(&b[..4], &8u32.to_be_bytes());
        assert_eq!(&b[12..20], &7u64.to_be_bytes());
        let back: AdminClient = rvirt_xdr::from_bytes(&b).unwrap();
        assert_eq!(back, c);
        assert_eq!(admin_procedure_name(11), Some("CLIENT_CLOSE"));
        assert_eq!(admin_procedure_name(20), None);
    }
}
