//! Domain snapshot procedures (DOMAIN_SNAPSHOT_*, DOMAIN_LIST_ALL_SNAPSHOTS, …).

use rvirt_core::error::VirResult;
use rvirt_proto::remote::*;
use rvirt_rpc::server::Outcome;

use super::{b2i, cap, reply, void, Cx};

fn len(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

pub(crate) async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    match p {
        185 => call!(
            cx,
            body,
            DomainSnapshotCreateXmlArgs,
            "virDomainSnapshotCreateXML",
            |a, c| reply(DomainSnapshotCreateXmlRet {
                snap: c.snapshot_create_xml(&a.dom, &a.xml_desc, a.flags).await?
            })
        ),
        186 => call!(cx, body, DomainSnapshotGetXmlDescArgs, |a, c| reply(
            DomainSnapshotGetXmlDescRet {
                xml: c.snapshot_get_xml_desc(&a.snap, a.flags).await?
            }
        )),
        187 => call!(cx, body, DomainSnapshotNumArgs, |a, c| reply(
            DomainSnapshotNumRet {
                num: len(c.list_all_snapshots(&a.dom, a.flags).await?.len())
            }
        )),
        188 => call!(cx, body, DomainSnapshotListNamesArgs, |a, c| reply(
            DomainSnapshotListNamesRet {
                names: cap(
                    c.list_all_snapshots(&a.dom, a.flags)
                        .await?
                        .into_iter()
                        .map(|s| s.name)
                        .collect(),
                    a.maxnames
                )
            }
        )),
        274 => call!(cx, body, DomainListAllSnapshotsArgs, |a, c| {
            let snaps = c.list_all_snapshots(&a.dom, a.flags).await?;
            let ret = len(snaps.len());
            reply(DomainListAllSnapshotsRet {
                snapshots: if a.need_results != 0 {
                    snaps
                } else {
                    Vec::new()
                },
                ret,
            })
        }),
        275 => call!(cx, body, DomainSnapshotListAllChildrenArgs, |a, c| {
            let snaps = c.snapshot_list_all_children(&a.snapshot, a.flags).await?;
            let ret = len(snaps.len());
            reply(DomainSnapshotListAllChildrenRet {
                snapshots: if a.need_results != 0 {
                    snaps
                } else {
                    Vec::new()
                },
                ret,
            })
        }),
        246 => call!(cx, body, DomainSnapshotNumChildrenArgs, |a, c| reply(
            DomainSnapshotNumChildrenRet {
                num: len(c.snapshot_list_all_children(&a.snap, a.flags).await?.len())
            }
        )),
        247 => call!(cx, body, DomainSnapshotListChildrenNamesArgs, |a, c| reply(
            DomainSnapshotListChildrenNamesRet {
                names: cap(
                    c.snapshot_list_all_children(&a.snap, a.flags)
                        .await?
                        .into_iter()
                        .map(|s| s.name)
                        .collect(),
                    a.maxnames
                )
            }
        )),
        189 => call!(cx, body, DomainSnapshotLookupByNameArgs, |a, c| reply(
            DomainSnapshotLookupByNameRet {
                snap: c.snapshot_lookup_by_name(&a.dom, &a.name, a.flags).await?
            }
        )),
        190 => call!(cx, body, DomainHasCurrentSnapshotArgs, |a, c| reply(
            DomainHasCurrentSnapshotRet {
                result: b2i(c.has_current_snapshot(&a.dom, a.flags).await?)
            }
        )),
        191 => call!(cx, body, DomainSnapshotCurrentArgs, |a, c| reply(
            DomainSnapshotCurrentRet {
                snap: c.snapshot_current(&a.dom, a.flags).await?
            }
        )),
        244 => call!(cx, body, DomainSnapshotGetParentArgs, |a, c| reply(
            DomainSnapshotGetParentRet {
                snap: c.snapshot_get_parent(&a.snap, a.flags).await?
            }
        )),
        271 => call!(cx, body, DomainSnapshotIsCurrentArgs, |a, c| reply(
            DomainSnapshotIsCurrentRet {
                current: b2i(c.snapshot_is_current(&a.snap, a.flags).await?)
            }
        )),
        272 => call!(cx, body, DomainSnapshotHasMetadataArgs, |a, c| reply(
            DomainSnapshotHasMetadataRet {
                metadata: b2i(c.snapshot_has_metadata(&a.snap, a.flags).await?)
            }
        )),
        192 => call!(
            cx,
            body,
            DomainRevertToSnapshotArgs,
            "virDomainRevertToSnapshot",
            |a, c| {
                c.revert_to_snapshot(&a.snap, a.flags).await?;
                void()
            }
        ),
        193 => call!(
            cx,
            body,
            DomainSnapshotDeleteArgs,
            "virDomainSnapshotDelete",
            |a, c| {
                c.snapshot_delete(&a.snap, a.flags).await?;
                void()
            }
        ),
        _ => None,
    }
}
