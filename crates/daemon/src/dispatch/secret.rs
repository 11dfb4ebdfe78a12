//! Secret procedures (SECRET_*, CONNECT_*_SECRETS).

use rvirt_core::error::VirResult;
use rvirt_proto::remote::*;
use rvirt_rpc::server::Outcome;

use super::{cap, reply, void, Cx};

pub(crate) async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    match p {
        287 => call!(cx, body, ConnectListAllSecretsArgs, |a, c| {
            let secrets = c.list_all_secrets(a.flags).await?;
            let ret = u32::try_from(secrets.len()).unwrap_or(u32::MAX);
            reply(ConnectListAllSecretsRet {
                secrets: if a.need_results != 0 {
                    secrets
                } else {
                    Vec::new()
                },
                ret,
            })
        }),
        139 => call!(cx, |c| reply(ConnectNumOfSecretsRet {
            num: i32::try_from(c.list_all_secrets(0).await?.len()).unwrap_or(i32::MAX)
        })),
        140 => call!(cx, body, ConnectListSecretsArgs, |a, c| reply(
            ConnectListSecretsRet {
                uuids: cap(
                    c.list_all_secrets(0)
                        .await?
                        .into_iter()
                        .map(|s| s.uuid.to_string())
                        .collect(),
                    a.maxuuids
                )
            }
        )),
        141 => call!(cx, body, SecretLookupByUuidArgs, |a, c| reply(
            SecretLookupByUuidRet {
                secret: c.secret_lookup_by_uuid(a.uuid).await?
            }
        )),
        147 => call!(cx, body, SecretLookupByUsageArgs, |a, c| reply(
            SecretLookupByUsageRet {
                secret: c.secret_lookup_by_usage(a.usage_type, &a.usage_id).await?
            }
        )),
        142 => call!(
            cx,
            body,
            SecretDefineXmlArgs,
            "virSecretDefineXML",
            |a, c| reply(SecretDefineXmlRet {
                secret: c.secret_define_xml(&a.xml, a.flags).await?
            })
        ),
        143 => call!(cx, body, SecretGetXmlDescArgs, |a, c| reply(
            SecretGetXmlDescRet {
                xml: c.secret_get_xml_desc(&a.secret, a.flags).await?
            }
        )),
        144 => call!(cx, body, SecretSetValueArgs, "virSecretSetValue", |a, c| {
            c.secret_set_value(&a.secret, a.value, a.flags).await?;
            void()
        }),
        145 => call!(cx, body, SecretGetValueArgs, "virSecretGetValue", |a, c| {
            reply(SecretGetValueRet {
                value: c.secret_get_value(&a.secret, a.flags).await?,
            })
        }),
        146 => call!(cx, body, SecretUndefineArgs, "virSecretUndefine", |a, c| {
            c.secret_undefine(&a.secret).await?;
            void()
        }),
        _ => None,
    }
}
