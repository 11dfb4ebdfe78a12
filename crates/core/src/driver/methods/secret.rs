//! The `SecretDriver` method list (`virSecret*`); see the parent module for the entry format.

/// Hands the `SecretDriver` method list to `$cb!`, after the tokens given with it.
#[doc(hidden)]
#[macro_export]
macro_rules! secret_driver_methods {
    ($($cb:ident)::+ ! { $($pre:tt)* }) => {
        $($cb)::+! {
            $($pre)*
            /// virConnectListAllSecrets
            [r "virConnectListAllSecrets"] fn list_all_secrets(flags: u32) -> VirResult<Vec<SecretRef>>;
            /// virSecretLookupByUUID
            [r "virSecretLookupByUUID"] fn secret_lookup_by_uuid(uuid: Uuid) -> VirResult<SecretRef>;
            /// virSecretLookupByUsage
            [r "virSecretLookupByUsage"] fn secret_lookup_by_usage(usage_type: i32, usage_id: &str) -> VirResult<SecretRef>;
            /// virSecretDefineXML
            [w "virSecretDefineXML"] fn secret_define_xml(xml: &str, flags: u32) -> VirResult<SecretRef>;
            /// virSecretGetXMLDesc
            [r "virSecretGetXMLDesc"] fn secret_get_xml_desc(secret: &SecretRef, flags: u32) -> VirResult<String>;
            /// virSecretSetValue
            [w "virSecretSetValue"] fn secret_set_value(secret: &SecretRef, value: Vec<u8>, flags: u32) -> VirResult<()>;
            /// virSecretGetValue
            [w "virSecretGetValue"] fn secret_get_value(secret: &SecretRef, flags: u32) -> VirResult<Vec<u8>>;
            /// virSecretUndefine
            [w "virSecretUndefine"] fn secret_undefine(secret: &SecretRef) -> VirResult<()>;

        }
    };
}
