//! The LXC program (`0x00068000` v1, `libvirt-lxc`): rvirtd has no LXC driver, so its one
//! procedure, `LXC_PROC_DOMAIN_OPEN_NAMESPACE` (1, `virDomainLxcOpenNamespace`), answers
//! as libvirtd does for a connection whose driver lacks it: "operation forbidden" on a
//! read-only connection, otherwise "not supported by the connection driver".

use std::sync::atomic::Ordering;
use std::sync::Arc;

use async_trait::async_trait;
use bytes::Bytes;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::DomainRef;
use rvirt_proto::{Header, LXC_PROGRAM, LXC_PROTOCOL_VERSION};
use rvirt_rpc::server::{Client, Outcome, Program};
use rvirt_xdr::{Decode, Decoder, XdrError};

use super::{args, ConnState, Cx, Daemon};

/// `LXC_PROC_DOMAIN_OPEN_NAMESPACE`.
pub const LXC_PROC_DOMAIN_OPEN_NAMESPACE: i32 = 1;

/// `virDomainLxcOpenNamespace`, the public API procedure 1 stands for.
const OPEN_NAMESPACE_API: &str = "virDomainLxcOpenNamespace";

/// LXC_PROC_DOMAIN_OPEN_NAMESPACE (1) call arguments (`lxc_domain_open_namespace_args`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LxcDomainOpenNamespaceArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

impl Decode for LxcDomainOpenNamespaceArgs {
    fn decode(d: &mut Decoder<'_>) -> Result<Self, XdrError> {
        Ok(LxcDomainOpenNamespaceArgs {
            dom: DomainRef::decode(d)?,
            flags: u32::decode(d)?,
        })
    }
}

/// The LXC program (`0x00068000` v1).
pub struct LxcProgram {
    pub daemon: Arc<Daemon>,
}

#[async_trait]
impl Program for LxcProgram {
    fn number(&self) -> u32 {
        LXC_PROGRAM
    }

    fn version(&self) -> u32 {
        LXC_PROTOCOL_VERSION
    }

    fn procedure_name(&self, proc_: i32) -> Option<&'static str> {
        (proc_ == LXC_PROC_DOMAIN_OPEN_NAMESPACE).then_some("DOMAIN_OPEN_NAMESPACE")
    }

    async fn dispatch(&self, client: &Arc<Client>, header: &Header, body: Bytes) -> Outcome {
        let cx = Cx {
            daemon: &self.daemon,
            client,
            st: client.state::<ConnState>(),
        };
        if let Err(e) = crate::dispatch::auth::require_auth(client) {
            return Outcome::Error(e);
        }
        match dispatch(&cx, header.proc_, &body) {
            Ok(o) => o,
            Err(e) => Outcome::Error(e),
        }
    }
}

fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> VirResult<Outcome> {
    match p {
        LXC_PROC_DOMAIN_OPEN_NAMESPACE => {
            let _a: LxcDomainOpenNamespaceArgs = args(body)?;
            cx.conn()?;
            let read_only = cx.client.info().read_only || cx.st.read_only.load(Ordering::Relaxed);
            Err(open_namespace_error(read_only))
        }
        _ => Err(VirError::unknown_procedure(p)),
    }
}

/// What `virDomainLxcOpenNamespace` reports on a connection without an LXC driver
/// (libvirt-lxc.c reports in `VIR_FROM_NONE`).
pub fn open_namespace_error(read_only: bool) -> VirError {
    if read_only {
        VirError::new(
            ErrorCode::OperationDenied,
            ErrorDomain::None,
            format!("read only access prevents {OPEN_NAMESPACE_API}"),
        )
    } else {
        VirError::no_support_in(ErrorDomain::None, OPEN_NAMESPACE_API)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_match_libvirt() {
        let e = open_namespace_error(false);
        assert_eq!(
            e.message,
            "this function is not supported by the connection driver: virDomainLxcOpenNamespace"
        );
        assert_eq!(
            (e.code, e.domain),
            (ErrorCode::NoSupport, ErrorDomain::None)
        );
        let e = open_namespace_error(true);
        assert_eq!(
            e.message,
            "operation forbidden: read only access prevents virDomainLxcOpenNamespace"
        );
        assert_eq!(e.code, ErrorCode::OperationDenied);
    }

    #[test]
    fn args_decode_dom_and_flags() {
        let mut out = bytes::BytesMut::new();
        rvirt_xdr::Encode::encode(
            &DomainRef {
                name: "c".into(),
                uuid: rvirt_core::Uuid([7; 16]),
                id: -1,
            },
            &mut out,
        )
        .unwrap();
        rvirt_xdr::Encode::encode(&5u32, &mut out).unwrap();
        let a: LxcDomainOpenNamespaceArgs = args(&out).unwrap();
        assert_eq!((a.dom.name.as_str(), a.flags), ("c", 5));
        assert!(args::<LxcDomainOpenNamespaceArgs>(&out[..4]).is_err());
    }
}
