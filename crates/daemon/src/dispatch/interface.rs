//! Host interface procedures (INTERFACE_*, CONNECT_*_INTERFACES).

use rvirt_core::error::VirResult;
use rvirt_proto::remote::*;
use rvirt_rpc::server::Outcome;

use super::{b2i, cap, reply, void, Cx};

fn len(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

pub(crate) async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    match p {
        284 => call!(cx, body, ConnectListAllInterfacesArgs, |a, c| {
            let ifaces = c.list_all_interfaces(a.flags).await?;
            let ret = u32::try_from(ifaces.len()).unwrap_or(u32::MAX);
            reply(ConnectListAllInterfacesRet {
                ifaces: if a.need_results != 0 {
                    ifaces
                } else {
                    Vec::new()
                },
                ret,
            })
        }),
        127 => call!(cx, body, ConnectListInterfacesArgs, |a, c| reply(
            ConnectListInterfacesRet {
                names: cap(
                    c.list_all_interfaces(2)
                        .await?
                        .into_iter()
                        .map(|i| i.name)
                        .collect(),
                    a.maxnames
                )
            }
        )),
        138 => call!(cx, body, ConnectListDefinedInterfacesArgs, |a, c| reply(
            ConnectListDefinedInterfacesRet {
                names: cap(
                    c.list_all_interfaces(1)
                        .await?
                        .into_iter()
                        .map(|i| i.name)
                        .collect(),
                    a.maxnames
                )
            }
        )),
        126 => call!(cx, |c| reply(ConnectNumOfInterfacesRet {
            num: len(c.list_all_interfaces(2).await?.len())
        })),
        137 => call!(cx, |c| reply(ConnectNumOfDefinedInterfacesRet {
            num: len(c.list_all_interfaces(1).await?.len())
        })),
        128 => call!(cx, body, InterfaceLookupByNameArgs, |a, c| reply(
            InterfaceLookupByNameRet {
                iface: c.interface_lookup_by_name(&a.name).await?
            }
        )),
        129 => call!(cx, body, InterfaceLookupByMacStringArgs, |a, c| reply(
            InterfaceLookupByMacStringRet {
                iface: c.interface_lookup_by_mac(&a.mac).await?
            }
        )),
        130 => call!(cx, body, InterfaceGetXmlDescArgs, |a, c| reply(
            InterfaceGetXmlDescRet {
                xml: c.interface_get_xml_desc(&a.iface, a.flags).await?
            }
        )),
        131 => call!(
            cx,
            body,
            InterfaceDefineXmlArgs,
            "virInterfaceDefineXML",
            |a, c| reply(InterfaceDefineXmlRet {
                iface: c.interface_define_xml(&a.xml, a.flags).await?
            })
        ),
        132 => call!(
            cx,
            body,
            InterfaceUndefineArgs,
            "virInterfaceUndefine",
            |a, c| {
                c.interface_undefine(&a.iface).await?;
                void()
            }
        ),
        133 => call!(
            cx,
            body,
            InterfaceCreateArgs,
            "virInterfaceCreate",
            |a, c| {
                c.interface_create(&a.iface, a.flags).await?;
                void()
            }
        ),
        134 => call!(
            cx,
            body,
            InterfaceDestroyArgs,
            "virInterfaceDestroy",
            |a, c| {
                c.interface_destroy(&a.iface, a.flags).await?;
                void()
            }
        ),
        156 => call!(cx, body, InterfaceIsActiveArgs, |a, c| reply(
            InterfaceIsActiveRet {
                active: b2i(c.interface_is_active(&a.iface).await?)
            }
        )),
        220 => call!(
            cx,
            body,
            InterfaceChangeBeginArgs,
            "virInterfaceChangeBegin",
            |a, c| {
                c.interface_change_begin(a.flags).await?;
                void()
            }
        ),
        221 => call!(
            cx,
            body,
            InterfaceChangeCommitArgs,
            "virInterfaceChangeCommit",
            |a, c| {
                c.interface_change_commit(a.flags).await?;
                void()
            }
        ),
        222 => call!(
            cx,
            body,
            InterfaceChangeRollbackArgs,
            "virInterfaceChangeRollback",
            |a, c| {
                c.interface_change_rollback(a.flags).await?;
                void()
            }
        ),
        _ => None,
    }
}
