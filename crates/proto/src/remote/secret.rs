//! Secret procedures (`procedures.md` "Secrets").

use rvirt_core::{SecretRef, Uuid};
use rvirt_xdr::Xdr;

use super::limits::{REMOTE_SECRET_LIST_MAX, REMOTE_SECRET_VALUE_MAX};

/// REMOTE_PROC_CONNECT_NUM_OF_SECRETS (139): REPLY body (`remote_connect_num_of_secrets_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectNumOfSecretsRet {
    pub num: i32,
}

/// REMOTE_PROC_CONNECT_LIST_SECRETS (140): CALL body (`remote_connect_list_secrets_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListSecretsArgs {
    pub maxuuids: i32,
}

/// REMOTE_PROC_CONNECT_LIST_SECRETS (140): REPLY body (`remote_connect_list_secrets_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListSecretsRet {
    #[xdr(max = REMOTE_SECRET_LIST_MAX)]
    pub uuids: Vec<String>,
}

/// REMOTE_PROC_SECRET_LOOKUP_BY_UUID (141): CALL body (`remote_secret_lookup_by_uuid_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct SecretLookupByUuidArgs {
    pub uuid: Uuid,
}

/// REMOTE_PROC_SECRET_LOOKUP_BY_UUID (141): REPLY body (`remote_secret_lookup_by_uuid_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct SecretLookupByUuidRet {
    pub secret: SecretRef,
}

/// REMOTE_PROC_SECRET_DEFINE_XML (142): CALL body (`remote_secret_define_xml_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct SecretDefineXmlArgs {
    pub xml: String,
    pub flags: u32,
}

/// REMOTE_PROC_SECRET_DEFINE_XML (142): REPLY body (`remote_secret_define_xml_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct SecretDefineXmlRet {
    pub secret: SecretRef,
}

/// REMOTE_PROC_SECRET_GET_XML_DESC (143): CALL body (`remote_secret_get_xml_desc_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct SecretGetXmlDescArgs {
    pub secret: SecretRef,
    pub flags: u32,
}

/// REMOTE_PROC_SECRET_GET_XML_DESC (143): REPLY body (`remote_secret_get_xml_desc_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct SecretGetXmlDescRet {
    pub xml: String,
}

/// REMOTE_PROC_SECRET_SET_VALUE (144): CALL body (`remote_secret_set_value_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct SecretSetValueArgs {
    pub secret: SecretRef,
    #[xdr(max = REMOTE_SECRET_VALUE_MAX)]
    pub value: Vec<u8>,
    pub flags: u32,
}

/// REMOTE_PROC_SECRET_GET_VALUE (145): CALL body (`remote_secret_get_value_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct SecretGetValueArgs {
    pub secret: SecretRef,
    pub flags: u32,
}

/// REMOTE_PROC_SECRET_GET_VALUE (145): REPLY body (`remote_secret_get_value_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct SecretGetValueRet {
    #[xdr(max = REMOTE_SECRET_VALUE_MAX)]
    pub value: Vec<u8>,
}

/// REMOTE_PROC_SECRET_UNDEFINE (146): CALL body (`remote_secret_undefine_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct SecretUndefineArgs {
    pub secret: SecretRef,
}

/// REMOTE_PROC_SECRET_LOOKUP_BY_USAGE (147): CALL body (`remote_secret_lookup_by_usage_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct SecretLookupByUsageArgs {
    pub usage_type: i32,
    pub usage_id: String,
}

/// REMOTE_PROC_SECRET_LOOKUP_BY_USAGE (147): REPLY body (`remote_secret_lookup_by_usage_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct SecretLookupByUsageRet {
    pub secret: SecretRef,
}

/// REMOTE_PROC_CONNECT_LIST_ALL_SECRETS (287): CALL body (`remote_connect_list_all_secrets_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListAllSecretsArgs {
    pub need_results: i32,
    pub flags: u32,
}

/// REMOTE_PROC_CONNECT_LIST_ALL_SECRETS (287): REPLY body (`remote_connect_list_all_secrets_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListAllSecretsRet {
    #[xdr(max = REMOTE_SECRET_LIST_MAX)]
    pub secrets: Vec<SecretRef>,
    pub ret: u32,
}
