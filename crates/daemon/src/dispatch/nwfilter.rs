//! Network filter procedures (NWFILTER_*, NWFILTER_BINDING_*, CONNECT_*_NWFILTER*).

use rvirt_core::error::VirResult;
use rvirt_proto::remote::*;
use rvirt_rpc::server::Outcome;

use super::{cap, reply, void, Cx};

fn count<T>(v: &[T]) -> u32 {
    u32::try_from(v.len()).unwrap_or(u32::MAX)
}

pub(crate) async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    match p {
        178 => call!(cx, |c| reply(ConnectNumOfNwfiltersRet {
            num: c.num_of_nwfilters().await?
        })),
        179 => call!(cx, body, ConnectListNwfiltersArgs, |a, c| reply(
            ConnectListNwfiltersRet {
                names: cap(c.list_nwfilters(a.maxnames).await?, a.maxnames)
            }
        )),
        286 => call!(cx, body, ConnectListAllNwfiltersArgs, |a, c| {
            let filters = c.list_all_nwfilters(a.flags).await?;
            let ret = count(&filters);
            reply(ConnectListAllNwfiltersRet {
                filters: if a.need_results != 0 {
                    filters
                } else {
                    Vec::new()
                },
                ret,
            })
        }),
        175 => call!(cx, body, NwfilterLookupByNameArgs, |a, c| reply(
            NwfilterLookupByNameRet {
                nwfilter: c.nwfilter_lookup_by_name(&a.name).await?
            }
        )),
        176 => call!(cx, body, NwfilterLookupByUuidArgs, |a, c| reply(
            NwfilterLookupByUuidRet {
                nwfilter: c.nwfilter_lookup_by_uuid(a.uuid).await?
            }
        )),
        177 => call!(cx, body, NwfilterGetXmlDescArgs, |a, c| reply(
            NwfilterGetXmlDescRet {
                xml: c.nwfilter_get_xml_desc(&a.nwfilter, a.flags).await?
            }
        )),
        180 => call!(
            cx,
            body,
            NwfilterDefineXmlArgs,
            "virNWFilterDefineXML",
            |a, c| reply(NwfilterDefineXmlRet {
                nwfilter: c.nwfilter_define_xml(&a.xml, 0).await?
            })
        ),
        431 => call!(
            cx,
            body,
            NwfilterDefineXmlFlagsArgs,
            "virNWFilterDefineXMLFlags",
            |a, c| reply(NwfilterDefineXmlFlagsRet {
                nwfilter: c.nwfilter_define_xml(&a.xml, a.flags).await?
            })
        ),
        181 => call!(
            cx,
            body,
            NwfilterUndefineArgs,
            "virNWFilterUndefine",
            |a, c| {
                c.nwfilter_undefine(&a.nwfilter).await?;
                void()
            }
        ),
        401 => call!(cx, body, ConnectListAllNwfilterBindingsArgs, |a, c| {
            let bindings = c.list_all_nwfilter_bindings(a.flags).await?;
            let ret = count(&bindings);
            reply(ConnectListAllNwfilterBindingsRet {
                bindings: if a.need_results != 0 {
                    bindings
                } else {
                    Vec::new()
                },
                ret,
            })
        }),
        397 => call!(cx, body, NwfilterBindingLookupByPortDevArgs, |a, c| reply(
            NwfilterBindingLookupByPortDevRet {
                nwfilter: c.nwfilter_binding_lookup_by_port_dev(&a.name).await?
            }
        )),
        398 => call!(cx, body, NwfilterBindingGetXmlDescArgs, |a, c| reply(
            NwfilterBindingGetXmlDescRet {
                xml: c
                    .nwfilter_binding_get_xml_desc(&a.nwfilter, a.flags)
                    .await?
            }
        )),
        399 => call!(
            cx,
            body,
            NwfilterBindingCreateXmlArgs,
            "virNWFilterBindingCreateXML",
            |a, c| reply(NwfilterBindingCreateXmlRet {
                nwfilter: c.nwfilter_binding_create_xml(&a.xml, a.flags).await?
            })
        ),
        400 => call!(
            cx,
            body,
            NwfilterBindingDeleteArgs,
            "virNWFilterBindingDelete",
            |a, c| {
                c.nwfilter_binding_delete(&a.nwfilter).await?;
                void()
            }
        ),
        _ => None,
    }
}
