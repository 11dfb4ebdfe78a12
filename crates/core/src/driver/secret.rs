//! Secret APIs (`virSecret*`).

use crate::error::VirResult;
use crate::handle::{SecretRef, Uuid};
use crate::unsupported;
use async_trait::async_trait;

#[async_trait]
pub trait SecretDriver: Send + Sync {
    /// virConnectListAllSecrets
    async fn list_all_secrets(&self, _flags: u32) -> VirResult<Vec<SecretRef>> {
        unsupported!(Secret, "virConnectListAllSecrets")
    }
    /// virSecretLookupByUUID
    async fn secret_lookup_by_uuid(&self, _uuid: Uuid) -> VirResult<SecretRef> {
        unsupported!(Secret, "virSecretLookupByUUID")
    }
    /// virSecretLookupByUsage
    async fn secret_lookup_by_usage(
        &self,
        _usage_type: i32,
        _usage_id: &str,
    ) -> VirResult<SecretRef> {
        unsupported!(Secret, "virSecretLookupByUsage")
    }
    /// virSecretDefineXML
    async fn secret_define_xml(&self, _xml: &str, _flags: u32) -> VirResult<SecretRef> {
        unsupported!(Secret, "virSecretDefineXML")
    }
    /// virSecretGetXMLDesc
    async fn secret_get_xml_desc(&self, _secret: &SecretRef, _flags: u32) -> VirResult<String> {
        unsupported!(Secret, "virSecretGetXMLDesc")
    }
    /// virSecretSetValue
    async fn secret_set_value(
        &self,
        _secret: &SecretRef,
        _value: Vec<u8>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Secret, "virSecretSetValue")
    }
    /// virSecretGetValue
    async fn secret_get_value(&self, _secret: &SecretRef, _flags: u32) -> VirResult<Vec<u8>> {
        unsupported!(Secret, "virSecretGetValue")
    }
    /// virSecretUndefine
    async fn secret_undefine(&self, _secret: &SecretRef) -> VirResult<()> {
        unsupported!(Secret, "virSecretUndefine")
    }
}
