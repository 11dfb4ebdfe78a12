//! libvirt's error model: `virErrorNumber`, `virErrorDomain` and `virError`.
//!
//! Every error that crosses a driver boundary is a [`VirError`]; it carries exactly the
//! fields libvirt puts into `remote_error` so the daemon can send it byte for byte and the
//! client can show the same text virsh shows.

use std::fmt;

/// `virErrorNumber`: libvirt's error codes (values are libvirt's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCode {
    Ok,
    InternalError,
    NoMemory,
    NoSupport,
    UnknownHost,
    NoConnect,
    InvalidConn,
    InvalidDomain,
    InvalidArg,
    OperationFailed,
    XmlError,
    DomExist,
    NoName,
    OperationDenied,
    OpenFailed,
    ReadFailed,
    ParseFailed,
    WriteFailed,
    XmlDetail,
    InvalidNetwork,
    NetworkExist,
    SystemError,
    Rpc,
    NoDomain,
    NoNetwork,
    InvalidMac,
    AuthFailed,
    InvalidStoragePool,
    InvalidStorageVol,
    NoStoragePool,
    NoStorageVol,
    InvalidNodeDevice,
    NoNodeDevice,
    NoSecurityModel,
    OperationInvalid,
    NoInterface,
    InvalidInterface,
    InvalidNwfilter,
    NoNwfilter,
    InvalidSecret,
    NoSecret,
    ConfigUnsupported,
    OperationTimeout,
    InvalidDomainSnapshot,
    NoDomainSnapshot,
    InvalidStream,
    ArgumentUnsupported,
    StorageProbeFailed,
    StoragePoolBuilt,
    OperationAborted,
    AuthCancelled,
    NoDomainMetadata,
    Overflow,
    OperationUnsupported,
    AgentUnresponsive,
    ResourceBusy,
    AccessDenied,
    StorageVolExist,
    CpuIncompatible,
    XmlInvalidSchema,
    AuthUnavailable,
    NoServer,
    NoClient,
    AgentUnsynced,
    DeviceMissing,
    MultipleInterfaces,
    NoNwfilterBinding,
    NoDomainCheckpoint,
    NoDomainBackup,
    NoNetworkPort,
    NoHostname,
    MultipleDomains,
    /// Any code this build has no name for (kept so nothing is lost on the wire).
    Other(i32),
}

macro_rules! codes {
    ($($name:ident = $num:expr, $fmt:expr;)*) => {
        impl ErrorCode {
            /// The numeric `virErrorNumber`.
            pub fn number(self) -> i32 {
                match self { $(ErrorCode::$name => $num,)* ErrorCode::Other(n) => n }
            }
            /// The code for a numeric `virErrorNumber`.
            pub fn from_number(n: i32) -> Self {
                match n { $($num => ErrorCode::$name,)* other => ErrorCode::Other(other) }
            }
            /// libvirt's message template for this code (`virErrorMsg`), with `%s` for the detail.
            pub fn template(self) -> &'static str {
                match self { $(ErrorCode::$name => $fmt,)* ErrorCode::Other(_) => "%s" }
            }
        }
    };
}

codes! {
    Ok = 0, "%s";
    InternalError = 1, "internal error: %s";
    NoMemory = 2, "out of memory: %s";
    NoSupport = 3, "this function is not supported by the connection driver: %s";
    UnknownHost = 4, "unknown host %s";
    NoConnect = 5, "no connection driver available for %s";
    InvalidConn = 6, "invalid connection pointer in %s";
    InvalidDomain = 7, "invalid domain pointer in %s";
    InvalidArg = 8, "invalid argument: %s";
    OperationFailed = 9, "operation failed: %s";
    XmlError = 27, "XML error: %s";
    NoName = 21, "missing name information in %s";
    DomExist = 28, "domain %s exists already";
    OperationDenied = 29, "operation forbidden: %s";
    OpenFailed = 30, "failed to open configuration file %s";
    ReadFailed = 31, "failed to read configuration file %s";
    ParseFailed = 32, "failed to parse configuration for %s";
    WriteFailed = 34, "failed to write configuration file: %s";
    XmlDetail = 35, "%s";
    InvalidNetwork = 36, "invalid network pointer in %s";
    NetworkExist = 37, "network %s exists already";
    SystemError = 38, "%s";
    Rpc = 39, "%s";
    NoDomain = 42, "Domain not found: %s";
    NoNetwork = 43, "Network not found: %s";
    InvalidMac = 44, "invalid MAC address: %s";
    AuthFailed = 45, "authentication failed: %s";
    InvalidStoragePool = 46, "invalid storage pool pointer in %s";
    InvalidStorageVol = 47, "invalid storage volume pointer in %s";
    NoStoragePool = 49, "Storage pool not found: %s";
    NoStorageVol = 50, "Storage volume not found: %s";
    InvalidNodeDevice = 52, "invalid node device pointer in %s";
    NoNodeDevice = 53, "Node device not found: %s";
    NoSecurityModel = 54, "Security model not found: %s";
    OperationInvalid = 55, "Requested operation is not valid: %s";
    NoInterface = 57, "Interface not found: %s";
    InvalidInterface = 58, "invalid interface pointer in %s";
    InvalidNwfilter = 61, "invalid nwfilter pointer in %s";
    NoNwfilter = 62, "Network filter not found: %s";
    InvalidSecret = 65, "Invalid secret: %s";
    NoSecret = 66, "Secret not found: %s";
    ConfigUnsupported = 67, "unsupported configuration: %s";
    OperationTimeout = 68, "Timed out during operation: %s";
    InvalidDomainSnapshot = 71, "Invalid snapshot: %s";
    NoDomainSnapshot = 72, "Domain snapshot not found: %s";
    InvalidStream = 73, "invalid stream pointer in %s";
    ArgumentUnsupported = 74, "argument unsupported: %s";
    StorageProbeFailed = 75, "Storage pool probe failed: %s";
    StoragePoolBuilt = 76, "Storage pool already built: %s";
    OperationAborted = 78, "operation aborted: %s";
    AuthCancelled = 79, "authentication cancelled: %s";
    NoDomainMetadata = 80, "metadata not found: %s";
    Overflow = 82, "numerical overflow: %s";
    OperationUnsupported = 84, "Operation not supported: %s";
    AgentUnresponsive = 86, "Guest agent is not responding: %s";
    ResourceBusy = 87, "resource busy: %s";
    AccessDenied = 88, "access denied: %s";
    StorageVolExist = 90, "storage volume %s exists already";
    CpuIncompatible = 91, "the CPU is incompatible with host CPU: %s";
    XmlInvalidSchema = 92, "XML document failed to validate against schema: %s";
    AuthUnavailable = 94, "authentication unavailable: %s";
    NoServer = 95, "Server not found: %s";
    NoClient = 96, "Client not found: %s";
    AgentUnsynced = 97, "guest agent replied with wrong id to guest-sync command: %s";
    MultipleInterfaces = 81, "multiple matching interfaces found: %s";
    DeviceMissing = 99, "device not found: %s";
    NoNwfilterBinding = 101, "Network filter binding not found: %s";
    NoDomainCheckpoint = 103, "Domain checkpoint not found: %s";
    NoDomainBackup = 104, "Domain backup job id not found: %s";
    NoNetworkPort = 107, "network port not found: %s";
    NoHostname = 108, "no hostname found: %s";
    MultipleDomains = 110, "multiple matching domains found: %s";
}

/// `virErrorDomain`: which subsystem raised an error (values are libvirt's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorDomain {
    None,
    Xml,
    Dom,
    Rpc,
    Conf,
    Qemu,
    Net,
    Test,
    Remote,
    Storage,
    Network,
    Domain,
    Nodedev,
    Security,
    Interface,
    Secret,
    Cpu,
    Nwfilter,
    Hook,
    DomainSnapshot,
    Streams,
    Event,
    Capabilities,
    Uri,
    Auth,
    Device,
    Ssh,
    Cgroup,
    Access,
    Firewall,
    Polkit,
    Admin,
    Logging,
    DomainCheckpoint,
    Tpm,
    Other(i32),
}

macro_rules! domains {
    ($($name:ident = $num:expr,)*) => {
        impl ErrorDomain {
            /// The numeric `virErrorDomain`.
            pub fn number(self) -> i32 {
                match self { $(ErrorDomain::$name => $num,)* ErrorDomain::Other(n) => n }
            }
            /// The domain for a numeric `virErrorDomain`.
            pub fn from_number(n: i32) -> Self {
                match n { $($num => ErrorDomain::$name,)* other => ErrorDomain::Other(other) }
            }
        }
    };
}

domains! {
    None = 0, Xml = 5, Dom = 6, Rpc = 7, Conf = 9, Qemu = 10, Net = 11, Test = 12, Remote = 13,
    Storage = 18, Network = 19, Domain = 20, Nodedev = 22, Security = 24, Interface = 26,
    Secret = 30, Cpu = 31, Nwfilter = 33, Hook = 34, DomainSnapshot = 35, Streams = 38,
    Event = 40, Capabilities = 44, Uri = 45, Auth = 46, Device = 49, Ssh = 50, Cgroup = 54,
    Access = 55, Firewall = 59, Polkit = 60, Admin = 62, Logging = 63, DomainCheckpoint = 69,
    Tpm = 70,
}

impl ErrorDomain {
    /// The domain libvirt's public API file reports its own errors in (`VIR_FROM_THIS` of
    /// `libvirt-domain-snapshot.c`, `libvirt-network.c`, …), from the API's name.
    pub fn of_public_api(api: &str) -> Self {
        const BY_PREFIX: &[(&str, ErrorDomain)] = &[
            ("virDomainSnapshot", ErrorDomain::DomainSnapshot),
            ("virDomainCheckpoint", ErrorDomain::DomainCheckpoint),
            ("virNetwork", ErrorDomain::Network),
            ("virStorage", ErrorDomain::Storage),
            ("virSecret", ErrorDomain::Secret),
            ("virNWFilter", ErrorDomain::Nwfilter),
            ("virInterface", ErrorDomain::Interface),
            ("virNodeDevice", ErrorDomain::Nodedev),
        ];
        BY_PREFIX
            .iter()
            .find(|(prefix, _)| api.starts_with(prefix))
            .map_or(ErrorDomain::Domain, |(_, d)| *d)
    }
}

/// `virErrorLevel`.
pub const VIR_ERR_ERROR: i32 = 2;

/// A libvirt error (`virError`), with every field `remote_error` carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VirError {
    pub code: ErrorCode,
    pub domain: ErrorDomain,
    /// The full formatted text clients print (`error: <message>`).
    pub message: String,
    pub level: i32,
    /// Template (`str1`), e.g. `"Domain not found: %s"`.
    pub str1: Option<String>,
    /// Detail substituted into the template (`str2`).
    pub str2: Option<String>,
    pub str3: Option<String>,
    pub int1: i32,
    pub int2: i32,
}

impl VirError {
    /// An error whose message is `code`'s template filled with `detail`, as `virReportError` does.
    pub fn new(code: ErrorCode, domain: ErrorDomain, detail: impl Into<String>) -> Self {
        let detail = detail.into();
        let template = code.template();
        let message = template.replacen("%s", &detail, 1);
        VirError {
            code,
            domain,
            message,
            level: VIR_ERR_ERROR,
            str1: Some(template.to_string()),
            str2: Some(detail),
            str3: None,
            int1: -1,
            int2: -1,
        }
    }

    /// An error whose message is exactly `message` (template `"%s"`), as libvirt's system and RPC errors are.
    pub fn raw(code: ErrorCode, domain: ErrorDomain, message: impl Into<String>) -> Self {
        let message = message.into();
        VirError {
            code,
            domain,
            message: message.clone(),
            level: VIR_ERR_ERROR,
            str1: Some("%s".to_string()),
            str2: Some(message),
            str3: None,
            int1: -1,
            int2: -1,
        }
    }

    /// `VIR_ERR_INTERNAL_ERROR`: "internal error: …".
    pub fn internal(domain: ErrorDomain, detail: impl Into<String>) -> Self {
        Self::new(ErrorCode::InternalError, domain, detail)
    }

    /// `VIR_ERR_INVALID_ARG`: "invalid argument: …".
    pub fn invalid_arg(domain: ErrorDomain, detail: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidArg, domain, detail)
    }

    /// `VIR_ERR_OPERATION_INVALID`: "Requested operation is not valid: …".
    pub fn operation_invalid(domain: ErrorDomain, detail: impl Into<String>) -> Self {
        Self::new(ErrorCode::OperationInvalid, domain, detail)
    }

    /// `VIR_ERR_NO_SUPPORT` for an API a driver does not implement, naming the API as libvirt does.
    pub fn no_support(api: &str) -> Self {
        Self::new(ErrorCode::NoSupport, ErrorDomain::None, api)
    }

    /// `VIR_ERR_NO_SUPPORT` raised from a public API's own error domain (`virReportUnsupportedError`).
    pub fn no_support_in(domain: ErrorDomain, api: &str) -> Self {
        Self::new(ErrorCode::NoSupport, domain, api)
    }

    /// A lookup miss with libvirt's bare wording and no detail, e.g. "Domain not found"
    /// (`virReportError(VIR_ERR_NO_DOMAIN, NULL)` style, as the test driver reports it).
    pub fn not_found(code: ErrorCode, domain: ErrorDomain) -> Self {
        let template = code.template();
        let bare = template
            .trim_end_matches(": %s")
            .trim_end_matches(" %s")
            .to_string();
        VirError {
            code,
            domain,
            message: bare.clone(),
            level: VIR_ERR_ERROR,
            str1: Some(bare),
            str2: None,
            str3: None,
            int1: -1,
            int2: -1,
        }
    }

    /// libvirt's "unsupported flags (0x…) in function …" (`virCheckFlags` →
    /// `virReportInvalidArg`): code INVALID_ARG with the bare text, str1 = the function,
    /// str2 = the argument name `flags`, int1 = int2 = 0 — exactly the fields libvirt sends.
    pub fn unsupported_flags(domain: ErrorDomain, flags: u64, function: &str) -> Self {
        VirError {
            code: ErrorCode::InvalidArg,
            domain,
            message: format!("unsupported flags (0x{flags:x}) in function {function}"),
            level: VIR_ERR_ERROR,
            str1: Some(function.to_string()),
            str2: Some("flags".to_string()),
            str3: None,
            int1: 0,
            int2: 0,
        }
    }

    /// The RPC program's "unknown procedure: N" error (code 39, domain 7).
    pub fn unknown_procedure(procedure: i32) -> Self {
        Self::raw(
            ErrorCode::Rpc,
            ErrorDomain::Rpc,
            format!("unknown procedure: {procedure}"),
        )
    }

    /// `VIR_ERR_OPERATION_DENIED` for a write on a read-only connection, naming the public API.
    pub fn read_only(api: &str) -> Self {
        Self::new(
            ErrorCode::OperationDenied,
            ErrorDomain::of_public_api(api),
            format!("read only access prevents {api}"),
        )
    }

    /// Rejects any bit of `flags` outside `allowed`, as `virCheckFlags` does.
    pub fn check_flags(
        domain: ErrorDomain,
        flags: u32,
        allowed: u32,
        function: &str,
    ) -> VirResult<()> {
        let extra = flags & !allowed;
        if extra != 0 {
            return Err(Self::unsupported_flags(domain, u64::from(extra), function));
        }
        Ok(())
    }
}

impl fmt::Display for VirError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for VirError {}

/// Result type used across drivers.
pub type VirResult<T> = Result<T, VirError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_only_errors_carry_the_api_files_domain() {
        // as python3-libvirt reports them on a read-only test:///default connection
        for (api, domain) in [
            ("virDomainDestroy", 20),
            ("virDomainSnapshotCreateXML", 35),
            ("virDomainCheckpointCreateXML", 69),
            ("virNetworkPortCreateXML", 19),
            ("virStorageVolCreateXML", 18),
            ("virSecretDefineXML", 30),
            ("virNWFilterDefineXML", 33),
            ("virInterfaceDefineXML", 26),
            ("virNodeDeviceCreateXML", 22),
            ("virNodeSuspendForDuration", 20),
        ] {
            let e = VirError::read_only(api);
            assert_eq!(e.domain.number(), domain, "{api}");
            assert_eq!(e.code, ErrorCode::OperationDenied);
        }
    }

    #[test]
    fn formats_like_libvirt() {
        let e = VirError::new(
            ErrorCode::NoDomain,
            ErrorDomain::Qemu,
            "no domain with matching name 'x'",
        );
        assert_eq!(
            e.message,
            "Domain not found: no domain with matching name 'x'"
        );
        assert_eq!(e.code.number(), 42);
        assert_eq!(e.domain.number(), 10);
        assert_eq!(e.str1.as_deref(), Some("Domain not found: %s"));
    }

    #[test]
    fn numbers_round_trip() {
        for n in 0..120 {
            assert_eq!(ErrorCode::from_number(n).number(), n);
            assert_eq!(ErrorDomain::from_number(n).number(), n);
        }
    }

    #[test]
    fn unknown_procedure_text() {
        let e = VirError::unknown_procedure(999);
        assert_eq!(e.message, "unknown procedure: 999");
        assert_eq!((e.code.number(), e.domain.number()), (39, 7));
    }
}
