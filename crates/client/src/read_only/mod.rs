//! Read-only in-process connections (`virConnectOpenReadOnly`, `VIR_CONNECT_RO`).
//!
//! libvirt's client library refuses every state-changing API on a read-only connection
//! before the driver sees it (`virCheckReadOnlyGoto`: "operation forbidden: read only access
//! prevents virDomainDestroy"), and refuses the `…_XML_SECURE` flag of the XML-dump APIs
//! ("operation forbidden: virDomainGetXMLDesc with secure flag"). A daemon does the same for
//! remote clients, so only in-process drivers (the test driver) need [`ReadOnlyConnection`].
//!
//! Which APIs count as writes follows the REMOTE procedure table's `writes` flag
//! (`rvirt_proto::remote::table`); APIs whose remote client picks the legacy procedure when
//! no flags are given (`virDomainDestroy` vs `virDomainDestroyFlags`, …) name the same API the
//! daemon would. The error domain is the one of the libvirt source file defining the API
//! (`VIR_FROM_DOMAIN`, `VIR_FROM_NETWORK`, …; `VIR_FROM_NONE` for host APIs).

#[macro_use]
mod generate;
mod connect;
mod domain;
mod migrate;
mod nwfilter;
mod qemu_ext;
mod storage;

use std::sync::Arc;

use rvirt_core::driver::Connection;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::event::EventBus;

/// `VIR_DOMAIN_XML_SECURE` / `VIR_DOMAIN_SNAPSHOT_XML_SECURE` (same bit).
const XML_SECURE: u32 = 1;

/// A driver connection opened read-only: refuses writes, forwards everything else.
pub struct ReadOnlyConnection {
    inner: Arc<dyn Connection>,
}

impl ReadOnlyConnection {
    /// Wraps `inner` so that it behaves as a `VIR_CONNECT_RO` connection.
    pub fn new(inner: Arc<dyn Connection>) -> Self {
        ReadOnlyConnection { inner }
    }
}

impl Connection for ReadOnlyConnection {
    fn events(&self) -> EventBus {
        self.inner.events()
    }
}

/// libvirt's `virReportRestrictedError`: "operation forbidden: read only access prevents API".
pub(crate) fn denied(domain: ErrorDomain, api: &str) -> VirError {
    let mut e = VirError::read_only(api);
    e.domain = domain;
    e
}

/// Refuses the secure-XML flag on a read-only connection ("API with secure flag").
pub(crate) fn secure_flag(domain: ErrorDomain, api: &str, flags: u32) -> VirResult<()> {
    if flags & XML_SECURE != 0 {
        return Err(VirError::new(
            ErrorCode::OperationDenied,
            domain,
            format!("{api} with secure flag"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rvirt_core::driver::*;

    fn open() -> ReadOnlyConnection {
        let uri = rvirt_core::uri::ConnectUri::parse("test:///default").unwrap();
        ReadOnlyConnection::new(rvirt_driver_test::open_uri(&uri).unwrap())
    }

    #[tokio::test]
    async fn refuses_writes_with_libvirts_wording() {
        let c = open();
        let dom = c.domain_lookup_by_name("test").await.unwrap();
        let e = c.domain_destroy(&dom, 0).await.unwrap_err();
        assert_eq!(e.code, ErrorCode::OperationDenied);
        assert_eq!(e.domain, ErrorDomain::Domain);
        assert_eq!(
            e.message,
            "operation forbidden: read only access prevents virDomainDestroy"
        );
        let e = c.domain_destroy(&dom, 1).await.unwrap_err();
        assert_eq!(
            e.message,
            "operation forbidden: read only access prevents virDomainDestroyFlags"
        );
        // the refused call never reached the driver
        let info = c.domain_get_info(&dom).await.unwrap();
        assert_eq!(info.state, 1);
        let net = c.network_lookup_by_name("default").await.unwrap();
        let e = c.network_destroy(&net).await.unwrap_err();
        assert_eq!(e.domain, ErrorDomain::Network);
        assert_eq!(
            e.message,
            "operation forbidden: read only access prevents virNetworkDestroy"
        );
        let e = c.domain_define_xml("<domain/>", 0).await.unwrap_err();
        assert!(
            e.message.ends_with("prevents virDomainDefineXML"),
            "{}",
            e.message
        );
    }

    #[tokio::test]
    async fn reads_forward_and_secure_xml_is_refused() {
        let c = open();
        assert_eq!(c.get_type().await.unwrap(), "TEST");
        let dom = c.domain_lookup_by_name("test").await.unwrap();
        assert!(c
            .domain_get_xml_desc(&dom, 0)
            .await
            .unwrap()
            .contains("<name>test</name>"));
        let e = c.domain_get_xml_desc(&dom, 1).await.unwrap_err();
        assert_eq!(e.code, ErrorCode::OperationDenied);
        assert_eq!(
            e.message,
            "operation forbidden: virDomainGetXMLDesc with secure flag"
        );
        assert_eq!(c.list_all_domains(0).await.unwrap().len(), 1);
    }
}
