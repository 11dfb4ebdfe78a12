//! Saved-state and dump images: save-image and managed-save XML, core dumps.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_proto::remote::*;
use rvirt_rpc::server::Outcome;

use super::{reply, void, Cx};

/// `VIR_DOMAIN_SAVE_IMAGE_XML_SECURE`.
const XML_SECURE: u32 = 1;
/// `VIR_DOMAIN_CORE_DUMP_FORMAT_RAW`, the format of the legacy DOMAIN_CORE_DUMP.
const DUMP_FORMAT_RAW: u32 = 0;

pub(crate) async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    match p {
        235 => call!(
            cx,
            body,
            DomainSaveImageGetXmlDescArgs,
            "virDomainSaveImageGetXMLDesc",
            |a, c| reply(DomainSaveImageGetXmlDescRet {
                xml: c.domain_save_image_get_xml_desc(&a.file, a.flags).await?,
            })
        ),
        236 => call!(
            cx,
            body,
            DomainSaveImageDefineXmlArgs,
            "virDomainSaveImageDefineXML",
            |a, c| {
                c.domain_save_image_define_xml(&a.file, &a.dxml, a.flags)
                    .await?;
                void()
            }
        ),
        388 => call!(cx, body, DomainManagedSaveGetXmlDescArgs, |a, c| {
            if a.flags & XML_SECURE != 0 && cx.writable("").is_err() {
                return Err(VirError::new(
                    ErrorCode::OperationDenied,
                    ErrorDomain::Domain,
                    "virDomainManagedSaveGetXMLDesc with secure flag",
                ));
            }
            reply(DomainManagedSaveGetXmlDescRet {
                xml: c.domain_managed_save_get_xml_desc(&a.dom, a.flags).await?,
            })
        }),
        389 => call!(
            cx,
            body,
            DomainManagedSaveDefineXmlArgs,
            "virDomainManagedSaveDefineXML",
            |a, c| {
                c.domain_managed_save_define_xml(&a.dom, a.dxml, a.flags)
                    .await?;
                void()
            }
        ),
        53 => call!(cx, body, DomainCoreDumpArgs, "virDomainCoreDump", |a, c| {
            c.domain_core_dump(&a.dom, &a.to, DUMP_FORMAT_RAW, a.flags)
                .await?;
            void()
        }),
        334 => call!(
            cx,
            body,
            DomainCoreDumpWithFormatArgs,
            "virDomainCoreDumpWithFormat",
            |a, c| {
                c.domain_core_dump(&a.dom, &a.to, a.dumpformat, a.flags)
                    .await?;
                void()
            }
        ),
        _ => None,
    }
}
