//! Procedures that pass file descriptors (`CALL_WITH_FDS` / `REPLY_WITH_FDS`):
//! DOMAIN_OPEN_GRAPHICS (249), DOMAIN_OPEN_GRAPHICS_FD (343), DOMAIN_CREATE_XML_WITH_FILES (309),
//! DOMAIN_CREATE_WITH_FILES (310), DOMAIN_FD_ASSOCIATE (443).

use rvirt_core::error::VirResult;
use rvirt_proto::remote::*;
use rvirt_rpc::server::{take_call_fds, Outcome};

use super::{reply, void, Cx};

pub(crate) async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    match p {
        343 => call!(
            cx,
            body,
            DomainOpenGraphicsFdArgs,
            "virDomainOpenGraphicsFD",
            |a, c| {
                let fd = c.domain_open_graphics_fd(&a.dom, a.idx, a.flags).await?;
                Ok(Outcome::ReplyWithFds {
                    body: bytes::Bytes::new(),
                    fds: vec![fd],
                })
            }
        ),
        249 => call!(
            cx,
            body,
            DomainOpenGraphicsArgs,
            "virDomainOpenGraphics",
            |a, c| {
                let fd = take_call_fds().into_iter().next().ok_or_else(|| {
                    rvirt_core::error::VirError::internal(
                        rvirt_core::error::ErrorDomain::Rpc,
                        "No FD available at slot 0",
                    )
                })?;
                c.domain_open_graphics(&a.dom, a.idx, fd, a.flags).await?;
                void()
            }
        ),
        309 => call!(
            cx,
            body,
            DomainCreateXmlWithFilesArgs,
            "virDomainCreateXMLWithFiles",
            |a, c| reply(DomainCreateXmlWithFilesRet {
                dom: c
                    .domain_create_xml_with_files(&a.xml_desc, take_call_fds(), a.flags)
                    .await?
            })
        ),
        310 => call!(
            cx,
            body,
            DomainCreateWithFilesArgs,
            "virDomainCreateWithFiles",
            |a, c| reply(DomainCreateWithFilesRet {
                dom: c
                    .domain_create_with_files(&a.dom, take_call_fds(), a.flags)
                    .await?
            })
        ),
        443 => call!(
            cx,
            body,
            DomainFdAssociateArgs,
            "virDomainFDAssociate",
            |a, c| {
                c.domain_fd_associate(&a.dom, &a.name, take_call_fds(), a.flags)
                    .await?;
                void()
            }
        ),
        _ => None,
    }
}
