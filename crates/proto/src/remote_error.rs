//! `remote_error` / `virNetMessageError`: the body of every ERROR reply (`wire-protocol.md` §5).

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError};
use rvirt_xdr::{Xdr, REMOTE_STRING_MAX};

use rvirt_core::{DomainRef, NetworkRef};

/// `remote_error`, fields in wire order. `dom` (`remote_nonnull_domain *`) and `net`
/// (`remote_nonnull_network *`) are always sent NULL by libvirtd but are decoded when present.
#[derive(Xdr, Debug, Clone, PartialEq, Eq)]
pub struct RemoteError {
    /// `virErrorNumber`.
    pub code: i32,
    /// `virErrorDomain`.
    pub domain: i32,
    /// The formatted text clients print.
    pub message: Option<String>,
    /// `virErrorLevel` (2 = error).
    pub level: i32,
    /// Unused by libvirt (always NULL).
    pub dom: Option<DomainRef>,
    /// Message template, e.g. `"Domain not found: %s"`.
    pub str1: Option<String>,
    /// Detail substituted into the template.
    pub str2: Option<String>,
    pub str3: Option<String>,
    pub int1: i32,
    pub int2: i32,
    /// Unused by libvirt (always NULL).
    pub net: Option<NetworkRef>,
}

/// Cuts `s` to at most `REMOTE_STRING_MAX` bytes on a character boundary, so encoding the
/// error can never fail.
fn clamp(s: &str) -> String {
    let max = REMOTE_STRING_MAX as usize;
    if s.len() <= max {
        return s.to_owned();
    }
    let mut end = max;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or_default().to_owned()
}

impl From<&VirError> for RemoteError {
    fn from(e: &VirError) -> Self {
        RemoteError {
            code: e.code.number(),
            domain: e.domain.number(),
            message: Some(clamp(&e.message)),
            level: e.level,
            dom: None,
            str1: e.str1.as_deref().map(clamp),
            str2: e.str2.as_deref().map(clamp),
            str3: e.str3.as_deref().map(clamp),
            int1: e.int1,
            int2: e.int2,
            net: None,
        }
    }
}

impl From<VirError> for RemoteError {
    fn from(e: VirError) -> Self {
        RemoteError::from(&e)
    }
}

impl From<RemoteError> for VirError {
    /// The error exactly as sent (a NULL message becomes "Unknown error", as in libvirt's client).
    fn from(r: RemoteError) -> Self {
        VirError {
            code: ErrorCode::from_number(r.code),
            domain: ErrorDomain::from_number(r.domain),
            message: r.message.unwrap_or_else(|| "Unknown error".to_owned()),
            level: r.level,
            str1: r.str1,
            str2: r.str2,
            str3: r.str3,
            int1: r.int1,
            int2: r.int2,
        }
    }
}

impl RemoteError {
    /// Whether this is the server's "unknown procedure" answer (code 39 RPC, domain RPC or
    /// REMOTE, level error, message starting with "unknown procedure").
    pub fn is_unknown_procedure(&self) -> bool {
        self.code == ErrorCode::Rpc.number()
            && (self.domain == ErrorDomain::Rpc.number()
                || self.domain == ErrorDomain::Remote.number())
            && self.level == rvirt_core::error::VIR_ERR_ERROR
            && self
                .message
                .as_deref()
                .is_some_and(|m| m.starts_with("unknown procedure"))
    }

    /// The error as libvirt's C client raises it (`virNetClientProgramDispatchError`):
    /// "unknown procedure" errors become `VIR_ERR_NO_SUPPORT`, text unchanged.
    pub fn into_client_error(self) -> VirError {
        let unsupported = self.is_unknown_procedure();
        let mut e = VirError::from(self);
        if unsupported {
            e.code = ErrorCode::NoSupport;
        }
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rvirt_xdr::{from_bytes, to_bytes};

    #[test]
    fn vir_error_round_trip() {
        let e = VirError::new(
            ErrorCode::NoDomain,
            ErrorDomain::Qemu,
            "no domain with matching name 'x'",
        );
        let r = RemoteError::from(&e);
        assert_eq!(r.code, 42);
        assert_eq!(r.domain, 10);
        assert_eq!(VirError::from(r), e);
    }

    #[test]
    fn unknown_procedure_maps_to_no_support_on_client() {
        let r = RemoteError::from(VirError::unknown_procedure(999));
        assert!(r.is_unknown_procedure());
        let e = r.into_client_error();
        assert_eq!(e.code, ErrorCode::NoSupport);
        assert_eq!(e.message, "unknown procedure: 999");
        let other = RemoteError::from(VirError::internal(ErrorDomain::Rpc, "x"));
        assert!(!other.is_unknown_procedure());
    }

    #[test]
    fn null_message_is_unknown_error() {
        let mut r = RemoteError::from(VirError::internal(ErrorDomain::Rpc, "x"));
        r.message = None;
        assert_eq!(VirError::from(r).message, "Unknown error");
    }

    #[test]
    fn decodes_present_dom_and_net() {
        let mut r = RemoteError::from(VirError::internal(ErrorDomain::Rpc, "x"));
        r.dom = Some(DomainRef {
            name: "d".into(),
            uuid: rvirt_core::Uuid([1; 16]),
            id: 3,
        });
        r.net = Some(NetworkRef {
            name: "n".into(),
            uuid: rvirt_core::Uuid([2; 16]),
        });
        let b = to_bytes(&r).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(from_bytes::<RemoteError>(&b), Ok(r));
    }

    #[test]
    fn huge_message_is_clamped() {
        let e = VirError::raw(ErrorCode::Rpc, ErrorDomain::Rpc, "é".repeat(3_000_000));
        let r = RemoteError::from(&e);
        assert!(r
            .message
            .as_ref()
            .is_some_and(|m| m.len() <= REMOTE_STRING_MAX as usize));
        assert!(to_bytes(&r).is_ok());
    }
}
