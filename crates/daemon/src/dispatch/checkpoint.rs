//! Domain checkpoint procedures (DOMAIN_CHECKPOINT_*, DOMAIN_LIST_ALL_CHECKPOINTS, 411–417).

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::DomainCheckpointRef;
use rvirt_proto::remote::*;
use rvirt_rpc::server::Outcome;

use super::{reply, void, Cx};

/// `VIR_DOMAIN_CHECKPOINT_XML_SECURE`.
const XML_SECURE: u32 = 1;

/// The `(checkpoints, ret)` pair of a list reply (`need_results == 0` sends only the count).
fn list(v: Vec<DomainCheckpointRef>, need_results: i32) -> (Vec<DomainCheckpointRef>, i32) {
    let ret = i32::try_from(v.len()).unwrap_or(i32::MAX);
    let v = if need_results != 0 { v } else { Vec::new() };
    (v, ret)
}

pub(crate) async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    match p {
        411 => call!(
            cx,
            body,
            DomainCheckpointCreateXmlArgs,
            "virDomainCheckpointCreateXML",
            |a, c| reply(DomainCheckpointCreateXmlRet {
                checkpoint: c
                    .checkpoint_create_xml(&a.dom, &a.xml_desc, a.flags)
                    .await?
            })
        ),
        412 => call!(cx, body, DomainCheckpointGetXmlDescArgs, |a, c| {
            // VIR_DOMAIN_CHECKPOINT_XML_SECURE needs a read-write connection
            if a.flags & XML_SECURE != 0 && cx.writable("").is_err() {
                return Err(VirError::new(
                    ErrorCode::OperationDenied,
                    ErrorDomain::DomainCheckpoint,
                    "virDomainCheckpointGetXMLDesc with secure flag",
                ));
            }
            reply(DomainCheckpointGetXmlDescRet {
                xml: c.checkpoint_get_xml_desc(&a.checkpoint, a.flags).await?,
            })
        }),
        413 => call!(cx, body, DomainListAllCheckpointsArgs, |a, c| {
            let (checkpoints, ret) = list(
                c.list_all_checkpoints(&a.dom, a.flags).await?,
                a.need_results,
            );
            reply(DomainListAllCheckpointsRet { checkpoints, ret })
        }),
        414 => call!(cx, body, DomainCheckpointListAllChildrenArgs, |a, c| {
            let (checkpoints, ret) = list(
                c.checkpoint_list_all_children(&a.checkpoint, a.flags)
                    .await?,
                a.need_results,
            );
            reply(DomainCheckpointListAllChildrenRet { checkpoints, ret })
        }),
        415 => call!(cx, body, DomainCheckpointLookupByNameArgs, |a, c| reply(
            DomainCheckpointLookupByNameRet {
                checkpoint: c
                    .checkpoint_lookup_by_name(&a.dom, &a.name, a.flags)
                    .await?
            }
        )),
        416 => call!(cx, body, DomainCheckpointGetParentArgs, |a, c| reply(
            DomainCheckpointGetParentRet {
                parent: c.checkpoint_get_parent(&a.checkpoint, a.flags).await?
            }
        )),
        417 => call!(
            cx,
            body,
            DomainCheckpointDeleteArgs,
            "virDomainCheckpointDelete",
            |a, c| {
                c.checkpoint_delete(&a.checkpoint, a.flags).await?;
                void()
            }
        ),
        _ => None,
    }
}
