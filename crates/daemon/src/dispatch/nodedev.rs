//! Node device procedures (NODE_DEVICE_*, NODE_*_DEVICES, CONNECT_LIST_ALL_NODE_DEVICES).

use rvirt_core::error::VirResult;
use rvirt_core::NodeDeviceRef;
use rvirt_proto::remote::*;
use rvirt_rpc::server::Outcome;

use super::{b2i, cap, reply, void, Cx};

fn dev(name: String) -> NodeDeviceRef {
    NodeDeviceRef { name }
}

pub(crate) async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    match p {
        285 => call!(cx, body, ConnectListAllNodeDevicesArgs, |a, c| {
            let devices = c.list_all_node_devices(a.flags).await?;
            let ret = u32::try_from(devices.len()).unwrap_or(u32::MAX);
            reply(ConnectListAllNodeDevicesRet {
                devices: if a.need_results != 0 {
                    devices
                } else {
                    Vec::new()
                },
                ret,
            })
        }),
        111 => call!(cx, body, NodeNumOfDevicesArgs, |a, c| reply(
            NodeNumOfDevicesRet {
                num: i32::try_from(c.node_list_devices(a.cap, a.flags).await?.len())
                    .unwrap_or(i32::MAX)
            }
        )),
        112 => call!(cx, body, NodeListDevicesArgs, |a, c| reply(
            NodeListDevicesRet {
                names: cap(c.node_list_devices(a.cap, a.flags).await?, a.maxnames)
            }
        )),
        113 => call!(cx, body, NodeDeviceLookupByNameArgs, |a, c| reply(
            NodeDeviceLookupByNameRet {
                dev: c.node_device_lookup_by_name(&a.name).await?
            }
        )),
        297 => call!(cx, body, NodeDeviceLookupScsiHostByWwnArgs, |a, c| reply(
            NodeDeviceLookupScsiHostByWwnRet {
                dev: c
                    .node_device_lookup_scsi_host_by_wwn(&a.wwnn, &a.wwpn, a.flags)
                    .await?
            }
        )),
        114 => call!(cx, body, NodeDeviceGetXmlDescArgs, |a, c| reply(
            NodeDeviceGetXmlDescRet {
                xml: c.node_device_get_xml_desc(&dev(a.name), a.flags).await?
            }
        )),
        115 => call!(cx, body, NodeDeviceGetParentArgs, |a, c| reply(
            NodeDeviceGetParentRet {
                parent_name: c.node_device_get_parent(&dev(a.name)).await?
            }
        )),
        116 => call!(cx, body, NodeDeviceNumOfCapsArgs, |a, c| reply(
            NodeDeviceNumOfCapsRet {
                num: i32::try_from(c.node_device_list_caps(&dev(a.name)).await?.len())
                    .unwrap_or(i32::MAX)
            }
        )),
        117 => call!(cx, body, NodeDeviceListCapsArgs, |a, c| reply(
            NodeDeviceListCapsRet {
                names: cap(c.node_device_list_caps(&dev(a.name)).await?, a.maxnames)
            }
        )),
        123 => call!(
            cx,
            body,
            NodeDeviceCreateXmlArgs,
            "virNodeDeviceCreateXML",
            |a, c| reply(NodeDeviceCreateXmlRet {
                dev: c.node_device_create_xml(&a.xml_desc, a.flags).await?
            })
        ),
        428 => call!(
            cx,
            body,
            NodeDeviceDefineXmlArgs,
            "virNodeDeviceDefineXML",
            |a, c| reply(NodeDeviceDefineXmlRet {
                dev: c.node_device_define_xml(&a.xml_desc, a.flags).await?
            })
        ),
        124 => call!(
            cx,
            body,
            NodeDeviceDestroyArgs,
            "virNodeDeviceDestroy",
            |a, c| {
                c.node_device_destroy(&dev(a.name)).await?;
                void()
            }
        ),
        429 => call!(
            cx,
            body,
            NodeDeviceUndefineArgs,
            "virNodeDeviceUndefine",
            |a, c| {
                c.node_device_undefine(&dev(a.name), a.flags).await?;
                void()
            }
        ),
        430 => call!(
            cx,
            body,
            NodeDeviceCreateArgs,
            "virNodeDeviceCreate",
            |a, c| {
                c.node_device_create(&dev(a.name), a.flags).await?;
                void()
            }
        ),
        433 => call!(cx, body, NodeDeviceGetAutostartArgs, |a, c| reply(
            NodeDeviceGetAutostartRet {
                autostart: b2i(c.node_device_get_autostart(&dev(a.name)).await?)
            }
        )),
        434 => call!(
            cx,
            body,
            NodeDeviceSetAutostartArgs,
            "virNodeDeviceSetAutostart",
            |a, c| {
                c.node_device_set_autostart(&dev(a.name), a.autostart != 0)
                    .await?;
                void()
            }
        ),
        435 => call!(cx, body, NodeDeviceIsPersistentArgs, |a, c| reply(
            NodeDeviceIsPersistentRet {
                persistent: b2i(c.node_device_is_persistent(&dev(a.name)).await?)
            }
        )),
        436 => call!(cx, body, NodeDeviceIsActiveArgs, |a, c| reply(
            NodeDeviceIsActiveRet {
                active: b2i(c.node_device_is_active(&dev(a.name)).await?)
            }
        )),
        118 => call!(
            cx,
            body,
            NodeDeviceDettachArgs,
            "virNodeDeviceDettach",
            |a, c| {
                c.node_device_detach(&dev(a.name), None, 0).await?;
                void()
            }
        ),
        301 => call!(
            cx,
            body,
            NodeDeviceDetachFlagsArgs,
            "virNodeDeviceDetachFlags",
            |a, c| {
                c.node_device_detach(&dev(a.name), a.driver_name, a.flags)
                    .await?;
                void()
            }
        ),
        119 => call!(
            cx,
            body,
            NodeDeviceReAttachArgs,
            "virNodeDeviceReAttach",
            |a, c| {
                c.node_device_reattach(&dev(a.name)).await?;
                void()
            }
        ),
        120 => call!(
            cx,
            body,
            NodeDeviceResetArgs,
            "virNodeDeviceReset",
            |a, c| {
                c.node_device_reset(&dev(a.name)).await?;
                void()
            }
        ),
        _ => None,
    }
}
