//! Domain procedures (DOMAIN_*, CONNECT_LIST_*_DOMAINS, CONNECT_GET_ALL_DOMAIN_STATS).

use rvirt_core::error::VirResult;
use rvirt_proto::remote::*;
use rvirt_rpc::server::Outcome;
use rvirt_xdr::Chars;

use super::{b2i, cap, reply, void, Cx};

fn count<T>(v: &[T]) -> i32 {
    i32::try_from(v.len()).unwrap_or(i32::MAX)
}

pub(crate) async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    match p {
        273 => call!(cx, body, ConnectListAllDomainsArgs, |a, c| {
            let doms = c.list_all_domains(a.flags).await?;
            let ret = u32::try_from(doms.len()).unwrap_or(u32::MAX);
            reply(ConnectListAllDomainsRet {
                domains: if a.need_results != 0 {
                    doms
                } else {
                    Vec::new()
                },
                ret,
            })
        }),
        37 => call!(cx, body, ConnectListDomainsArgs, |a, c| reply(
            ConnectListDomainsRet {
                ids: cap(c.list_domain_ids().await?, a.maxids)
            }
        )),
        51 => call!(cx, |c| reply(ConnectNumOfDomainsRet {
            num: count(&c.list_domain_ids().await?)
        })),
        21 => call!(cx, body, ConnectListDefinedDomainsArgs, |a, c| reply(
            ConnectListDefinedDomainsRet {
                names: cap(c.list_defined_domains().await?, a.maxnames)
            }
        )),
        25 => call!(cx, |c| reply(ConnectNumOfDefinedDomainsRet {
            num: count(&c.list_defined_domains().await?)
        })),
        22 => call!(cx, body, DomainLookupByIdArgs, |a, c| reply(
            DomainLookupByIdRet {
                dom: c.domain_lookup_by_id(a.id).await?
            }
        )),
        23 => call!(cx, body, DomainLookupByNameArgs, |a, c| reply(
            DomainLookupByNameRet {
                dom: c.domain_lookup_by_name(&a.name).await?
            }
        )),
        24 => call!(cx, body, DomainLookupByUuidArgs, |a, c| reply(
            DomainLookupByUuidRet {
                dom: c.domain_lookup_by_uuid(a.uuid).await?
            }
        )),
        11 => call!(
            cx,
            body,
            DomainDefineXmlArgs,
            "virDomainDefineXML",
            |a, c| reply(DomainDefineXmlRet {
                dom: c.domain_define_xml(&a.xml, 0).await?
            })
        ),
        350 => call!(
            cx,
            body,
            DomainDefineXmlFlagsArgs,
            "virDomainDefineXMLFlags",
            |a, c| reply(DomainDefineXmlFlagsRet {
                dom: c.domain_define_xml(&a.xml, a.flags).await?
            })
        ),
        35 => call!(cx, body, DomainUndefineArgs, "virDomainUndefine", |a, c| {
            c.domain_undefine(&a.dom, 0).await?;
            void()
        }),
        231 => call!(
            cx,
            body,
            DomainUndefineFlagsArgs,
            "virDomainUndefineFlags",
            |a, c| {
                c.domain_undefine(&a.dom, a.flags).await?;
                void()
            }
        ),
        10 => call!(
            cx,
            body,
            DomainCreateXmlArgs,
            "virDomainCreateXML",
            |a, c| reply(DomainCreateXmlRet {
                dom: c.domain_create_xml(&a.xml_desc, a.flags).await?
            })
        ),
        9 => call!(cx, body, DomainCreateArgs, "virDomainCreate", |a, c| {
            c.domain_create(&a.dom, 0).await?;
            void()
        }),
        196 => call!(
            cx,
            body,
            DomainCreateWithFlagsArgs,
            "virDomainCreateWithFlags",
            |a, c| reply(DomainCreateWithFlagsRet {
                dom: c.domain_create(&a.dom, a.flags).await?
            })
        ),
        12 => call!(cx, body, DomainDestroyArgs, "virDomainDestroy", |a, c| {
            c.domain_destroy(&a.dom, 0).await?;
            void()
        }),
        234 => call!(
            cx,
            body,
            DomainDestroyFlagsArgs,
            "virDomainDestroyFlags",
            |a, c| {
                c.domain_destroy(&a.dom, a.flags).await?;
                void()
            }
        ),
        33 => call!(cx, body, DomainShutdownArgs, "virDomainShutdown", |a, c| {
            c.domain_shutdown(&a.dom, 0).await?;
            void()
        }),
        258 => call!(
            cx,
            body,
            DomainShutdownFlagsArgs,
            "virDomainShutdownFlags",
            |a, c| {
                c.domain_shutdown(&a.dom, a.flags).await?;
                void()
            }
        ),
        27 => call!(cx, body, DomainRebootArgs, "virDomainReboot", |a, c| {
            c.domain_reboot(&a.dom, a.flags).await?;
            void()
        }),
        245 => call!(cx, body, DomainResetArgs, "virDomainReset", |a, c| {
            c.domain_reset(&a.dom, a.flags).await?;
            void()
        }),
        34 => call!(cx, body, DomainSuspendArgs, "virDomainSuspend", |a, c| {
            c.domain_suspend(&a.dom).await?;
            void()
        }),
        28 => call!(cx, body, DomainResumeArgs, "virDomainResume", |a, c| {
            c.domain_resume(&a.dom).await?;
            void()
        }),
        261 => call!(
            cx,
            body,
            DomainPmSuspendForDurationArgs,
            "virDomainPMSuspendForDuration",
            |a, c| {
                c.domain_pm_suspend_for_duration(&a.dom, a.target, a.duration, a.flags)
                    .await?;
                void()
            }
        ),
        267 => call!(cx, body, DomainPmWakeupArgs, "virDomainPMWakeup", |a, c| {
            c.domain_pm_wakeup(&a.dom, a.flags).await?;
            void()
        }),
        16 => call!(cx, body, DomainGetInfoArgs, |a, c| {
            let i = c.domain_get_info(&a.dom).await?;
            reply(DomainGetInfoRet {
                state: u8::try_from(i.state).unwrap_or(0),
                max_mem: i.max_mem,
                memory: i.memory,
                nr_virt_cpu: u16::try_from(i.nr_virt_cpu).unwrap_or(u16::MAX),
                cpu_time: i.cpu_time,
            })
        }),
        212 => call!(cx, body, DomainGetStateArgs, |a, c| {
            let (state, reason) = c.domain_get_state(&a.dom, a.flags).await?;
            reply(DomainGetStateRet { state, reason })
        }),
        229 => call!(cx, body, DomainGetControlInfoArgs, |a, c| {
            let i = c.domain_get_control_info(&a.dom, a.flags).await?;
            reply(DomainGetControlInfoRet {
                state: i.state,
                details: i.details,
                state_time: i.state_time,
            })
        }),
        14 => call!(cx, body, DomainGetXmlDescArgs, |a, c| {
            // VIR_DOMAIN_XML_SECURE (1) needs a read-write connection
            if a.flags & 1 != 0 && cx.writable("x").is_err() {
                return Err(rvirt_core::error::VirError::new(
                    rvirt_core::error::ErrorCode::OperationDenied,
                    rvirt_core::error::ErrorDomain::Domain,
                    "virDomainGetXMLDesc with secure flag",
                ));
            }
            reply(DomainGetXmlDescRet {
                xml: c.domain_get_xml_desc(&a.dom, a.flags).await?,
            })
        }),
        19 => call!(cx, body, DomainGetOsTypeArgs, |a, c| reply(
            DomainGetOsTypeRet {
                r#type: c.domain_get_os_type(&a.dom).await?
            }
        )),
        17 => call!(cx, body, DomainGetMaxMemoryArgs, |a, c| reply(
            DomainGetMaxMemoryRet {
                memory: c.domain_get_max_memory(&a.dom).await?
            }
        )),
        18 => call!(cx, body, DomainGetMaxVcpusArgs, |a, c| reply(
            DomainGetMaxVcpusRet {
                num: c.domain_get_max_vcpus(&a.dom).await?
            }
        )),
        150 => call!(cx, body, DomainIsActiveArgs, |a, c| reply(
            DomainIsActiveRet {
                active: b2i(c.domain_is_active(&a.dom).await?)
            }
        )),
        151 => call!(cx, body, DomainIsPersistentArgs, |a, c| reply(
            DomainIsPersistentRet {
                persistent: b2i(c.domain_is_persistent(&a.dom).await?)
            }
        )),
        202 => call!(cx, body, DomainIsUpdatedArgs, |a, c| reply(
            DomainIsUpdatedRet {
                updated: b2i(c.domain_is_updated(&a.dom).await?)
            }
        )),
        15 => call!(cx, body, DomainGetAutostartArgs, |a, c| reply(
            DomainGetAutostartRet {
                autostart: b2i(c.domain_get_autostart(&a.dom).await?)
            }
        )),
        29 => call!(
            cx,
            body,
            DomainSetAutostartArgs,
            "virDomainSetAutostart",
            |a, c| {
                c.domain_set_autostart(&a.dom, a.autostart != 0).await?;
                void()
            }
        ),
        30 => call!(
            cx,
            body,
            DomainSetMaxMemoryArgs,
            "virDomainSetMaxMemory",
            |a, c| {
                c.domain_set_max_memory(&a.dom, a.memory).await?;
                void()
            }
        ),
        31 => call!(
            cx,
            body,
            DomainSetMemoryArgs,
            "virDomainSetMemory",
            |a, c| {
                c.domain_set_memory_flags(&a.dom, a.memory, 0).await?;
                void()
            }
        ),
        204 => call!(
            cx,
            body,
            DomainSetMemoryFlagsArgs,
            "virDomainSetMemoryFlags",
            |a, c| {
                c.domain_set_memory_flags(&a.dom, a.memory, a.flags).await?;
                void()
            }
        ),
        199 => call!(
            cx,
            body,
            DomainSetVcpusFlagsArgs,
            "virDomainSetVcpusFlags",
            |a, c| {
                c.domain_set_vcpus_flags(&a.dom, a.nvcpus, a.flags).await?;
                void()
            }
        ),
        32 => call!(cx, body, DomainSetVcpusArgs, "virDomainSetVcpus", |a, c| {
            c.domain_set_vcpus_flags(&a.dom, a.nvcpus, 0).await?;
            void()
        }),
        200 => call!(cx, body, DomainGetVcpusFlagsArgs, |a, c| reply(
            DomainGetVcpusFlagsRet {
                num: c.domain_get_vcpus_flags(&a.dom, a.flags).await?
            }
        )),
        20 => call!(cx, body, DomainGetVcpusArgs, |a, c| {
            let (info, cpumaps) = c.domain_get_vcpus(&a.dom, a.maxinfo, a.maplen).await?;
            let info = info
                .into_iter()
                .map(|v| VcpuInfo {
                    number: v.number,
                    state: v.state,
                    cpu_time: v.cpu_time,
                    cpu: v.cpu,
                })
                .collect();
            reply(DomainGetVcpusRet { info, cpumaps })
        }),
        159 => call!(cx, body, DomainMemoryStatsArgs, |a, c| {
            let stats = c.domain_memory_stats(&a.dom, a.max_stats, a.flags).await?;
            let stats = stats
                .into_iter()
                .map(|s| DomainMemoryStat {
                    tag: s.tag,
                    val: s.val,
                })
                .collect();
            reply(DomainMemoryStatsRet { stats })
        }),
        121 => call!(cx, body, DomainGetSecurityLabelArgs, |a, c| {
            let l = c.domain_get_security_label(&a.dom).await?;
            reply(label(&l))
        }),
        278 => call!(cx, body, DomainGetSecurityLabelListArgs, |a, c| {
            let ls = c.domain_get_security_label_list(&a.dom).await?;
            let n = count(&ls);
            reply(DomainGetSecurityLabelListRet {
                labels: ls.iter().map(label).collect(),
                ret: n,
            })
        }),
        426 => call!(cx, body, DomainGetMessagesArgs, |a, c| reply(
            DomainGetMessagesRet {
                msgs: c.domain_get_messages(&a.dom, a.flags).await?
            }
        )),
        183 => call!(cx, body, DomainHasManagedSaveImageArgs, |a, c| reply(
            DomainHasManagedSaveImageRet {
                result: b2i(c.domain_has_managed_save_image(&a.dom, a.flags).await?)
            }
        )),
        182 => call!(
            cx,
            body,
            DomainManagedSaveArgs,
            "virDomainManagedSave",
            |a, c| {
                c.domain_managed_save(&a.dom, a.flags).await?;
                void()
            }
        ),
        184 => call!(
            cx,
            body,
            DomainManagedSaveRemoveArgs,
            "virDomainManagedSaveRemove",
            |a, c| {
                c.domain_managed_save_remove(&a.dom, a.flags).await?;
                void()
            }
        ),
        55 => call!(cx, body, DomainSaveArgs, "virDomainSave", |a, c| {
            c.domain_save(&a.dom, &a.to, None, 0).await?;
            void()
        }),
        232 => call!(
            cx,
            body,
            DomainSaveFlagsArgs,
            "virDomainSaveFlags",
            |a, c| {
                c.domain_save(&a.dom, &a.to, a.dxml, a.flags).await?;
                void()
            }
        ),
        54 => call!(cx, body, DomainRestoreArgs, "virDomainRestore", |a, c| {
            c.domain_restore(&a.from, None, 0).await?;
            void()
        }),
        233 => call!(
            cx,
            body,
            DomainRestoreFlagsArgs,
            "virDomainRestoreFlags",
            |a, c| {
                c.domain_restore(&a.from, a.dxml, a.flags).await?;
                void()
            }
        ),
        163 => call!(cx, body, DomainGetJobInfoArgs, |a, c| {
            let j = c.domain_get_job_info(&a.dom).await?;
            reply(DomainGetJobInfoRet {
                r#type: j.job_type,
                time_elapsed: j.time_elapsed,
                time_remaining: j.time_remaining,
                data_total: j.data_total,
                data_processed: j.data_processed,
                data_remaining: j.data_remaining,
                mem_total: j.mem_total,
                mem_processed: j.mem_processed,
                mem_remaining: j.mem_remaining,
                file_total: j.file_total,
                file_processed: j.file_processed,
                file_remaining: j.file_remaining,
            })
        }),
        160 => call!(
            cx,
            body,
            DomainAttachDeviceFlagsArgs,
            "virDomainAttachDeviceFlags",
            |a, c| {
                c.domain_attach_device(&a.dom, &a.xml, a.flags).await?;
                void()
            }
        ),
        8 => call!(
            cx,
            body,
            DomainAttachDeviceArgs,
            "virDomainAttachDevice",
            |a, c| {
                c.domain_attach_device(&a.dom, &a.xml, 0).await?;
                void()
            }
        ),
        161 => call!(
            cx,
            body,
            DomainDetachDeviceFlagsArgs,
            "virDomainDetachDeviceFlags",
            |a, c| {
                c.domain_detach_device(&a.dom, &a.xml, a.flags).await?;
                void()
            }
        ),
        13 => call!(
            cx,
            body,
            DomainDetachDeviceArgs,
            "virDomainDetachDevice",
            |a, c| {
                c.domain_detach_device(&a.dom, &a.xml, 0).await?;
                void()
            }
        ),
        392 => call!(
            cx,
            body,
            DomainDetachDeviceAliasArgs,
            "virDomainDetachDeviceAlias",
            |a, c| {
                c.domain_detach_device_alias(&a.dom, &a.alias, a.flags)
                    .await?;
                void()
            }
        ),
        174 => call!(
            cx,
            body,
            DomainUpdateDeviceFlagsArgs,
            "virDomainUpdateDeviceFlags",
            |a, c| {
                c.domain_update_device(&a.dom, &a.xml, a.flags).await?;
                void()
            }
        ),
        56 => call!(cx, body, DomainGetSchedulerTypeArgs, |a, c| {
            let (t, n) = c.domain_get_scheduler_type(&a.dom).await?;
            reply(DomainGetSchedulerTypeRet {
                r#type: t,
                nparams: n,
            })
        }),
        265 => call!(cx, body, DomainGetMetadataArgs, |a, c| reply(
            DomainGetMetadataRet {
                metadata: c
                    .domain_get_metadata(&a.dom, a.r#type, a.uri, a.flags)
                    .await?
            }
        )),
        264 => call!(
            cx,
            body,
            DomainSetMetadataArgs,
            "virDomainSetMetadata",
            |a, c| {
                c.domain_set_metadata(&a.dom, a.r#type, a.metadata, a.key, a.uri, a.flags)
                    .await?;
                void()
            }
        ),
        358 => call!(cx, body, DomainRenameArgs, "virDomainRename", |a, c| {
            let new_name = a.new_name.unwrap_or_default();
            c.domain_rename(&a.dom, &new_name, a.flags).await?;
            reply(DomainRenameRet { retcode: 0 })
        }),
        344 => call!(cx, body, ConnectGetAllDomainStatsArgs, |a, c| {
            let recs = c.get_all_domain_stats(a.doms, a.stats, a.flags).await?;
            let ret_stats = recs
                .into_iter()
                .map(|r| DomainStatsRecord {
                    dom: r.dom,
                    params: r.params,
                })
                .collect();
            reply(ConnectGetAllDomainStatsRet { ret_stats })
        }),
        _ => None,
    }
}

fn label(l: &rvirt_core::info::SecurityLabel) -> DomainGetSecurityLabelRet {
    let mut v = l.label.as_bytes().to_vec();
    v.push(0);
    DomainGetSecurityLabelRet {
        label: Chars(v),
        enforcing: b2i(l.enforcing),
    }
}
