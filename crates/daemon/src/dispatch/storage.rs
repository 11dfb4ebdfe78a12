//! Storage pool and volume procedures (STORAGE_POOL_*, STORAGE_VOL_*, CONNECT_*_STORAGE_POOLS).

use rvirt_core::error::VirResult;
use rvirt_proto::remote::*;
use rvirt_rpc::server::Outcome;

use super::{b2i, cap, reply, void, Cx};

const ACTIVE: u32 = 2;
const INACTIVE: u32 = 1;

fn len(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

pub(crate) async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    match p {
        281 => call!(cx, body, ConnectListAllStoragePoolsArgs, |a, c| {
            let pools = c.list_all_storage_pools(a.flags).await?;
            let ret = u32::try_from(pools.len()).unwrap_or(u32::MAX);
            reply(ConnectListAllStoragePoolsRet {
                pools: if a.need_results != 0 {
                    pools
                } else {
                    Vec::new()
                },
                ret,
            })
        }),
        72 => call!(cx, body, ConnectListStoragePoolsArgs, |a, c| reply(
            ConnectListStoragePoolsRet {
                names: cap(
                    c.list_all_storage_pools(ACTIVE)
                        .await?
                        .into_iter()
                        .map(|p| p.name)
                        .collect(),
                    a.maxnames
                )
            }
        )),
        74 => call!(cx, body, ConnectListDefinedStoragePoolsArgs, |a, c| reply(
            ConnectListDefinedStoragePoolsRet {
                names: cap(
                    c.list_all_storage_pools(INACTIVE)
                        .await?
                        .into_iter()
                        .map(|p| p.name)
                        .collect(),
                    a.maxnames
                )
            }
        )),
        71 => call!(cx, |c| reply(ConnectNumOfStoragePoolsRet {
            num: len(c.list_all_storage_pools(ACTIVE).await?.len())
        })),
        73 => call!(cx, |c| reply(ConnectNumOfDefinedStoragePoolsRet {
            num: len(c.list_all_storage_pools(INACTIVE).await?.len())
        })),
        75 => call!(cx, body, ConnectFindStoragePoolSourcesArgs, |a, c| reply(
            ConnectFindStoragePoolSourcesRet {
                xml: c
                    .find_storage_pool_sources(&a.r#type, a.src_spec, a.flags)
                    .await?
            }
        )),
        403 => call!(cx, body, ConnectGetStoragePoolCapabilitiesArgs, |a, c| {
            reply(ConnectGetStoragePoolCapabilitiesRet {
                capabilities: c.storage_pool_capabilities(a.flags).await?,
            })
        }),
        84 => call!(cx, body, StoragePoolLookupByNameArgs, |a, c| reply(
            StoragePoolLookupByNameRet {
                pool: c.pool_lookup_by_name(&a.name).await?
            }
        )),
        85 => call!(cx, body, StoragePoolLookupByUuidArgs, |a, c| reply(
            StoragePoolLookupByUuidRet {
                pool: c.pool_lookup_by_uuid(a.uuid).await?
            }
        )),
        86 => call!(cx, body, StoragePoolLookupByVolumeArgs, |a, c| reply(
            StoragePoolLookupByVolumeRet {
                pool: c.pool_lookup_by_volume(&a.vol).await?
            }
        )),
        391 => call!(cx, body, StoragePoolLookupByTargetPathArgs, |a, c| reply(
            StoragePoolLookupByTargetPathRet {
                pool: c.pool_lookup_by_target_path(&a.path).await?
            }
        )),
        77 => call!(
            cx,
            body,
            StoragePoolDefineXmlArgs,
            "virStoragePoolDefineXML",
            |a, c| reply(StoragePoolDefineXmlRet {
                pool: c.pool_define_xml(&a.xml, a.flags).await?
            })
        ),
        76 => call!(
            cx,
            body,
            StoragePoolCreateXmlArgs,
            "virStoragePoolCreateXML",
            |a, c| reply(StoragePoolCreateXmlRet {
                pool: c.pool_create_xml(&a.xml, a.flags).await?
            })
        ),
        79 => call!(
            cx,
            body,
            StoragePoolBuildArgs,
            "virStoragePoolBuild",
            |a, c| {
                c.pool_build(&a.pool, a.flags).await?;
                void()
            }
        ),
        82 => call!(
            cx,
            body,
            StoragePoolUndefineArgs,
            "virStoragePoolUndefine",
            |a, c| {
                c.pool_undefine(&a.pool).await?;
                void()
            }
        ),
        78 => call!(
            cx,
            body,
            StoragePoolCreateArgs,
            "virStoragePoolCreate",
            |a, c| {
                c.pool_create(&a.pool, a.flags).await?;
                void()
            }
        ),
        80 => call!(
            cx,
            body,
            StoragePoolDestroyArgs,
            "virStoragePoolDestroy",
            |a, c| {
                c.pool_destroy(&a.pool).await?;
                void()
            }
        ),
        81 => call!(
            cx,
            body,
            StoragePoolDeleteArgs,
            "virStoragePoolDelete",
            |a, c| {
                c.pool_delete(&a.pool, a.flags).await?;
                void()
            }
        ),
        83 => call!(
            cx,
            body,
            StoragePoolRefreshArgs,
            "virStoragePoolRefresh",
            |a, c| {
                c.pool_refresh(&a.pool, a.flags).await?;
                void()
            }
        ),
        87 => call!(cx, body, StoragePoolGetInfoArgs, |a, c| {
            let i = c.pool_get_info(&a.pool).await?;
            reply(StoragePoolGetInfoRet {
                state: u8::try_from(i.state).unwrap_or(0),
                capacity: i.capacity,
                allocation: i.allocation,
                available: i.available,
            })
        }),
        88 => call!(cx, body, StoragePoolGetXmlDescArgs, |a, c| reply(
            StoragePoolGetXmlDescRet {
                xml: c.pool_get_xml_desc(&a.pool, a.flags).await?
            }
        )),
        89 => call!(cx, body, StoragePoolGetAutostartArgs, |a, c| reply(
            StoragePoolGetAutostartRet {
                autostart: b2i(c.pool_get_autostart(&a.pool).await?)
            }
        )),
        90 => call!(
            cx,
            body,
            StoragePoolSetAutostartArgs,
            "virStoragePoolSetAutostart",
            |a, c| {
                c.pool_set_autostart(&a.pool, a.autostart != 0).await?;
                void()
            }
        ),
        154 => call!(cx, body, StoragePoolIsActiveArgs, |a, c| reply(
            StoragePoolIsActiveRet {
                active: b2i(c.pool_is_active(&a.pool).await?)
            }
        )),
        155 => call!(cx, body, StoragePoolIsPersistentArgs, |a, c| reply(
            StoragePoolIsPersistentRet {
                persistent: b2i(c.pool_is_persistent(&a.pool).await?)
            }
        )),
        282 => call!(cx, body, StoragePoolListAllVolumesArgs, |a, c| {
            let vols = c.pool_list_all_volumes(&a.pool, a.flags).await?;
            let ret = u32::try_from(vols.len()).unwrap_or(u32::MAX);
            reply(StoragePoolListAllVolumesRet {
                vols: if a.need_results != 0 {
                    vols
                } else {
                    Vec::new()
                },
                ret,
            })
        }),
        91 => call!(cx, body, StoragePoolNumOfVolumesArgs, |a, c| reply(
            StoragePoolNumOfVolumesRet {
                num: len(c.pool_list_all_volumes(&a.pool, 0).await?.len())
            }
        )),
        92 => call!(cx, body, StoragePoolListVolumesArgs, |a, c| reply(
            StoragePoolListVolumesRet {
                names: cap(
                    c.pool_list_all_volumes(&a.pool, 0)
                        .await?
                        .into_iter()
                        .map(|v| v.name)
                        .collect(),
                    a.maxnames
                )
            }
        )),
        95 => call!(cx, body, StorageVolLookupByNameArgs, |a, c| reply(
            StorageVolLookupByNameRet {
                vol: c.vol_lookup_by_name(&a.pool, &a.name).await?
            }
        )),
        96 => call!(cx, body, StorageVolLookupByKeyArgs, |a, c| reply(
            StorageVolLookupByKeyRet {
                vol: c.vol_lookup_by_key(&a.key).await?
            }
        )),
        97 => call!(cx, body, StorageVolLookupByPathArgs, |a, c| reply(
            StorageVolLookupByPathRet {
                vol: c.vol_lookup_by_path(&a.path).await?
            }
        )),
        93 => call!(
            cx,
            body,
            StorageVolCreateXmlArgs,
            "virStorageVolCreateXML",
            |a, c| reply(StorageVolCreateXmlRet {
                vol: c.vol_create_xml(&a.pool, &a.xml, a.flags).await?
            })
        ),
        125 => call!(
            cx,
            body,
            StorageVolCreateXmlFromArgs,
            "virStorageVolCreateXMLFrom",
            |a, c| reply(StorageVolCreateXmlFromRet {
                vol: c
                    .vol_create_xml_from(&a.pool, &a.xml, &a.clonevol, a.flags)
                    .await?
            })
        ),
        94 => call!(
            cx,
            body,
            StorageVolDeleteArgs,
            "virStorageVolDelete",
            |a, c| {
                c.vol_delete(&a.vol, a.flags).await?;
                void()
            }
        ),
        165 => call!(cx, body, StorageVolWipeArgs, "virStorageVolWipe", |a, c| {
            c.vol_wipe(&a.vol, 0, a.flags).await?;
            void()
        }),
        259 => call!(
            cx,
            body,
            StorageVolWipePatternArgs,
            "virStorageVolWipePattern",
            |a, c| {
                c.vol_wipe(&a.vol, a.algorithm, a.flags).await?;
                void()
            }
        ),
        98 => call!(cx, body, StorageVolGetInfoArgs, |a, c| {
            let i = c.vol_get_info(&a.vol, 0).await?;
            reply(StorageVolGetInfoRet {
                r#type: i8::try_from(i.vol_type).unwrap_or(0),
                capacity: i.capacity,
                allocation: i.allocation,
            })
        }),
        378 => call!(cx, body, StorageVolGetInfoFlagsArgs, |a, c| {
            let i = c.vol_get_info(&a.vol, a.flags).await?;
            reply(StorageVolGetInfoFlagsRet {
                r#type: i8::try_from(i.vol_type).unwrap_or(0),
                capacity: i.capacity,
                allocation: i.allocation,
            })
        }),
        99 => call!(cx, body, StorageVolGetXmlDescArgs, |a, c| reply(
            StorageVolGetXmlDescRet {
                xml: c.vol_get_xml_desc(&a.vol, a.flags).await?
            }
        )),
        100 => call!(cx, body, StorageVolGetPathArgs, |a, c| reply(
            StorageVolGetPathRet {
                name: c.vol_get_path(&a.vol).await?
            }
        )),
        260 => call!(
            cx,
            body,
            StorageVolResizeArgs,
            "virStorageVolResize",
            |a, c| {
                c.vol_resize(&a.vol, a.capacity, a.flags).await?;
                void()
            }
        ),
        _ => None,
    }
}
