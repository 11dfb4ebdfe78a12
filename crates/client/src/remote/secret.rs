//! `SecretDriver` over RPC.

use async_trait::async_trait;
use rvirt_core::driver::SecretDriver;
use rvirt_core::error::VirResult;
use rvirt_core::{SecretRef, Uuid};

use super::conn::RemoteConnection;
use super::procs as p;
use super::wire::args;

#[async_trait]
impl SecretDriver for RemoteConnection {
    /// virConnectListAllSecrets (CONNECT_LIST_ALL_SECRETS 287)
    async fn list_all_secrets(&self, flags: u32) -> VirResult<Vec<SecretRef>> {
        self.call(p::CONNECT_LIST_ALL_SECRETS, args!(1i32, flags))
            .await?
            .get()
    }
    /// virSecretLookupByUUID (SECRET_LOOKUP_BY_UUID 141)
    async fn secret_lookup_by_uuid(&self, uuid: Uuid) -> VirResult<SecretRef> {
        self.call(p::SECRET_LOOKUP_BY_UUID, args!(uuid))
            .await?
            .get()
    }
    /// virSecretLookupByUsage (SECRET_LOOKUP_BY_USAGE 147)
    async fn secret_lookup_by_usage(
        &self,
        usage_type: i32,
        usage_id: &str,
    ) -> VirResult<SecretRef> {
        self.call(p::SECRET_LOOKUP_BY_USAGE, args!(usage_type, usage_id))
            .await?
            .get()
    }
    /// virSecretDefineXML (SECRET_DEFINE_XML 142)
    async fn secret_define_xml(&self, xml: &str, flags: u32) -> VirResult<SecretRef> {
        self.call(p::SECRET_DEFINE_XML, args!(xml, flags))
            .await?
            .get()
    }
    /// virSecretGetXMLDesc (SECRET_GET_XML_DESC 143)
    async fn secret_get_xml_desc(&self, secret: &SecretRef, flags: u32) -> VirResult<String> {
        self.call(p::SECRET_GET_XML_DESC, args!(secret, flags))
            .await?
            .get()
    }
    /// virSecretSetValue (SECRET_SET_VALUE 144)
    async fn secret_set_value(
        &self,
        secret: &SecretRef,
        value: Vec<u8>,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::SECRET_SET_VALUE, args!(secret, value, flags))
            .await
    }
    /// virSecretGetValue (SECRET_GET_VALUE 145)
    async fn secret_get_value(&self, secret: &SecretRef, flags: u32) -> VirResult<Vec<u8>> {
        self.call(p::SECRET_GET_VALUE, args!(secret, flags))
            .await?
            .get()
    }
    /// virSecretUndefine (SECRET_UNDEFINE 146)
    async fn secret_undefine(&self, secret: &SecretRef) -> VirResult<()> {
        self.call0(p::SECRET_UNDEFINE, args!(secret)).await
    }
}
