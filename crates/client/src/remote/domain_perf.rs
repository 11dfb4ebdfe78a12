//! Perf events, launch security, the migration compression cache and backup jobs over RPC;
//! the `DomainDriver` methods in `domain.rs` forward here.

use rvirt_core::error::VirResult;
use rvirt_core::typed_param::TypedParam;
use rvirt_core::DomainRef;

use super::conn::RemoteConnection;
use super::procs as p;
use super::wire::args;

impl RemoteConnection {
    /// virDomainGetPerfEvents (DOMAIN_GET_PERF_EVENTS 365)
    pub(super) async fn perf_events_get(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.call(p::DOMAIN_GET_PERF_EVENTS, args!(dom, flags))
            .await?
            .get()
    }

    /// virDomainSetPerfEvents (DOMAIN_SET_PERF_EVENTS 366)
    pub(super) async fn perf_events_set(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::DOMAIN_SET_PERF_EVENTS, args!(dom, params, flags))
            .await
    }

    /// virDomainGetLaunchSecurityInfo (DOMAIN_GET_LAUNCH_SECURITY_INFO 396)
    pub(super) async fn launch_security_info(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.call(p::DOMAIN_GET_LAUNCH_SECURITY_INFO, args!(dom, flags))
            .await?
            .get()
    }

    /// virDomainSetLaunchSecurityState (DOMAIN_SET_LAUNCH_SECURITY_STATE 439)
    pub(super) async fn launch_security_state_set(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(
            p::DOMAIN_SET_LAUNCH_SECURITY_STATE,
            args!(dom, params, flags),
        )
        .await
    }

    /// virDomainMigrateGetCompressionCache (DOMAIN_MIGRATE_GET_COMPRESSION_CACHE 299)
    pub(super) async fn compression_cache_get(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<u64> {
        self.call(p::DOMAIN_MIGRATE_GET_COMPRESSION_CACHE, args!(dom, flags))
            .await?
            .get()
    }

    /// virDomainMigrateSetCompressionCache (DOMAIN_MIGRATE_SET_COMPRESSION_CACHE 300)
    pub(super) async fn compression_cache_set(
        &self,
        dom: &DomainRef,
        cache_size: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(
            p::DOMAIN_MIGRATE_SET_COMPRESSION_CACHE,
            args!(dom, cache_size, flags),
        )
        .await
    }

    /// virDomainBackupBegin (DOMAIN_BACKUP_BEGIN 421)
    pub(super) async fn backup_begin(
        &self,
        dom: &DomainRef,
        backup_xml: &str,
        checkpoint_xml: Option<String>,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(
            p::DOMAIN_BACKUP_BEGIN,
            args!(dom, backup_xml.to_string(), checkpoint_xml, flags),
        )
        .await
    }

    /// virDomainBackupGetXMLDesc (DOMAIN_BACKUP_GET_XML_DESC 422)
    pub(super) async fn backup_xml_desc(&self, dom: &DomainRef, flags: u32) -> VirResult<String> {
        self.call(p::DOMAIN_BACKUP_GET_XML_DESC, args!(dom, flags))
            .await?
            .get()
    }
}
