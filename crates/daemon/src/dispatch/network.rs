//! Network procedures (NETWORK_*, CONNECT_*_NETWORKS).

use rvirt_core::error::VirResult;
use rvirt_proto::remote::limits::REMOTE_NETWORK_PORT_PARAMETERS_MAX;
use rvirt_proto::remote::*;
use rvirt_rpc::server::Outcome;

use super::params::{check_nparams, two_pass};
use super::{b2i, cap, reply, void, Cx};

const ACTIVE: u32 = 2;
const INACTIVE: u32 = 1;

pub(crate) async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    match p {
        283 => call!(cx, body, ConnectListAllNetworksArgs, |a, c| {
            let nets = c.list_all_networks(a.flags).await?;
            let ret = u32::try_from(nets.len()).unwrap_or(u32::MAX);
            reply(ConnectListAllNetworksRet {
                nets: if a.need_results != 0 {
                    nets
                } else {
                    Vec::new()
                },
                ret,
            })
        }),
        38 => call!(cx, body, ConnectListNetworksArgs, |a, c| reply(
            ConnectListNetworksRet {
                names: cap(names(c.list_all_networks(ACTIVE).await?), a.maxnames)
            }
        )),
        36 => call!(cx, body, ConnectListDefinedNetworksArgs, |a, c| reply(
            ConnectListDefinedNetworksRet {
                names: cap(names(c.list_all_networks(INACTIVE).await?), a.maxnames)
            }
        )),
        52 => call!(cx, |c| reply(ConnectNumOfNetworksRet {
            num: len(c.list_all_networks(ACTIVE).await?.len())
        })),
        50 => call!(cx, |c| reply(ConnectNumOfDefinedNetworksRet {
            num: len(c.list_all_networks(INACTIVE).await?.len())
        })),
        46 => call!(cx, body, NetworkLookupByNameArgs, |a, c| reply(
            NetworkLookupByNameRet {
                net: c.network_lookup_by_name(&a.name).await?
            }
        )),
        47 => call!(cx, body, NetworkLookupByUuidArgs, |a, c| reply(
            NetworkLookupByUuidRet {
                net: c.network_lookup_by_uuid(a.uuid).await?
            }
        )),
        41 => call!(
            cx,
            body,
            NetworkDefineXmlArgs,
            "virNetworkDefineXML",
            |a, c| reply(NetworkDefineXmlRet {
                net: c.network_define_xml(&a.xml, 0).await?
            })
        ),
        432 => call!(
            cx,
            body,
            NetworkDefineXmlFlagsArgs,
            "virNetworkDefineXMLFlags",
            |a, c| reply(NetworkDefineXmlFlagsRet {
                net: c.network_define_xml(&a.xml, a.flags).await?
            })
        ),
        40 => call!(
            cx,
            body,
            NetworkCreateXmlArgs,
            "virNetworkCreateXML",
            |a, c| reply(NetworkCreateXmlRet {
                net: c.network_create_xml(&a.xml, 0).await?
            })
        ),
        437 => call!(
            cx,
            body,
            NetworkCreateXmlFlagsArgs,
            "virNetworkCreateXMLFlags",
            |a, c| reply(NetworkCreateXmlFlagsRet {
                net: c.network_create_xml(&a.xml, a.flags).await?
            })
        ),
        49 => call!(
            cx,
            body,
            NetworkUndefineArgs,
            "virNetworkUndefine",
            |a, c| {
                c.network_undefine(&a.net).await?;
                void()
            }
        ),
        39 => call!(cx, body, NetworkCreateArgs, "virNetworkCreate", |a, c| {
            c.network_create(&a.net).await?;
            void()
        }),
        42 => call!(cx, body, NetworkDestroyArgs, "virNetworkDestroy", |a, c| {
            c.network_destroy(&a.net).await?;
            void()
        }),
        43 => call!(cx, body, NetworkGetXmlDescArgs, |a, c| reply(
            NetworkGetXmlDescRet {
                xml: c.network_get_xml_desc(&a.net, a.flags).await?
            }
        )),
        45 => call!(cx, body, NetworkGetBridgeNameArgs, |a, c| reply(
            NetworkGetBridgeNameRet {
                name: c.network_get_bridge_name(&a.net).await?
            }
        )),
        44 => call!(cx, body, NetworkGetAutostartArgs, |a, c| reply(
            NetworkGetAutostartRet {
                autostart: b2i(c.network_get_autostart(&a.net).await?)
            }
        )),
        48 => call!(
            cx,
            body,
            NetworkSetAutostartArgs,
            "virNetworkSetAutostart",
            |a, c| {
                c.network_set_autostart(&a.net, a.autostart != 0).await?;
                void()
            }
        ),
        152 => call!(cx, body, NetworkIsActiveArgs, |a, c| reply(
            NetworkIsActiveRet {
                active: b2i(c.network_is_active(&a.net).await?)
            }
        )),
        153 => call!(cx, body, NetworkIsPersistentArgs, |a, c| reply(
            NetworkIsPersistentRet {
                persistent: b2i(c.network_is_persistent(&a.net).await?)
            }
        )),
        291 => call!(cx, body, NetworkUpdateArgs, "virNetworkUpdate", |a, c| {
            c.network_update(
                &a.net,
                a.command,
                a.section,
                a.parent_index,
                &a.xml,
                a.flags,
            )
            .await?;
            void()
        }),
        341 => call!(cx, body, NetworkGetDhcpLeasesArgs, |a, c| {
            let leases = c.network_get_dhcp_leases(&a.net, a.mac, a.flags).await?;
            let ret = u32::try_from(leases.len()).unwrap_or(u32::MAX);
            let leases = if a.need_results != 0 {
                leases
                    .into_iter()
                    .map(|l| NetworkDhcpLease {
                        iface: l.iface,
                        expirytime: l.expirytime,
                        r#type: l.addr_type,
                        mac: l.mac,
                        iaid: l.iaid,
                        ipaddr: l.ipaddr,
                        prefix: l.prefix,
                        hostname: l.hostname,
                        clientid: l.clientid,
                    })
                    .collect()
            } else {
                Vec::new()
            };
            reply(NetworkGetDhcpLeasesRet { leases, ret })
        }),
        404 => call!(cx, body, NetworkListAllPortsArgs, |a, c| {
            let ports = c.network_list_all_ports(&a.network, a.flags).await?;
            let ret = u32::try_from(ports.len()).unwrap_or(u32::MAX);
            reply(NetworkListAllPortsRet {
                ports: if a.need_results != 0 {
                    ports
                } else {
                    Vec::new()
                },
                ret,
            })
        }),
        405 => call!(cx, body, NetworkPortLookupByUuidArgs, |a, c| reply(
            NetworkPortLookupByUuidRet {
                port: c.network_port_lookup_by_uuid(&a.network, a.uuid).await?
            }
        )),
        406 => call!(
            cx,
            body,
            NetworkPortCreateXmlArgs,
            "virNetworkPortCreateXML",
            |a, c| reply(NetworkPortCreateXmlRet {
                port: c
                    .network_port_create_xml(&a.network, &a.xml, a.flags)
                    .await?
            })
        ),
        407 => call!(cx, body, NetworkPortGetParametersArgs, |a, c| {
            check_nparams(a.nparams, REMOTE_NETWORK_PORT_PARAMETERS_MAX)?;
            let all = c.network_port_get_parameters(&a.port, a.flags).await?;
            let (params, nparams) = two_pass(all, a.nparams, a.flags);
            reply(NetworkPortGetParametersRet { params, nparams })
        }),
        408 => call!(
            cx,
            body,
            NetworkPortSetParametersArgs,
            "virNetworkPortSetParameters",
            |a, c| {
                c.network_port_set_parameters(&a.port, a.params, a.flags)
                    .await?;
                void()
            }
        ),
        409 => call!(cx, body, NetworkPortGetXmlDescArgs, |a, c| reply(
            NetworkPortGetXmlDescRet {
                xml: c.network_port_get_xml_desc(&a.port, a.flags).await?
            }
        )),
        410 => call!(
            cx,
            body,
            NetworkPortDeleteArgs,
            "virNetworkPortDelete",
            |a, c| {
                c.network_port_delete(&a.port, a.flags).await?;
                void()
            }
        ),
        _ => None,
    }
}

fn names(v: Vec<rvirt_core::NetworkRef>) -> Vec<String> {
    v.into_iter().map(|n| n.name).collect()
}

fn len(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}
