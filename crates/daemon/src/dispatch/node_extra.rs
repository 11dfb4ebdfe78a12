//! Host-level procedures served by the hypervisor driver: node suspend, huge page
//! allocation, native config conversion, hypervisor CPU comparison/baseline and SEV info.

use rvirt_core::error::VirResult;
use rvirt_proto::remote::*;
use rvirt_rpc::server::Outcome;

use super::params::serialize;
use super::{reply, void, Cx};

pub(crate) async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    match p {
        250 => call!(
            cx,
            body,
            NodeSuspendForDurationArgs,
            "virNodeSuspendForDuration",
            |a, c| {
                c.node_suspend_for_duration(a.target, a.duration, a.flags)
                    .await?;
                void()
            }
        ),
        347 => call!(cx, body, NodeAllocPagesArgs, "virNodeAllocPages", |a, c| {
            let ret = c
                .node_alloc_pages(
                    a.page_sizes,
                    a.page_counts,
                    a.start_cell,
                    a.cell_count,
                    a.flags,
                )
                .await?;
            reply(NodeAllocPagesRet { ret })
        }),
        135 => call!(
            cx,
            body,
            ConnectDomainXmlFromNativeArgs,
            "virConnectDomainXMLFromNative",
            |a, c| {
                let domain_xml = c
                    .domain_xml_from_native(&a.native_format, &a.native_config, a.flags)
                    .await?;
                reply(ConnectDomainXmlFromNativeRet { domain_xml })
            }
        ),
        136 => call!(
            cx,
            body,
            ConnectDomainXmlToNativeArgs,
            "virConnectDomainXMLToNative",
            |a, c| {
                let native_config = c
                    .domain_xml_to_native(&a.native_format, &a.domain_xml, a.flags)
                    .await?;
                reply(ConnectDomainXmlToNativeRet { native_config })
            }
        ),
        393 => call!(cx, body, ConnectCompareHypervisorCpuArgs, |a, c| {
            let result = c
                .compare_hypervisor_cpu(
                    a.emulator, a.arch, a.machine, a.virttype, &a.xml_cpu, a.flags,
                )
                .await?;
            reply(ConnectCompareHypervisorCpuRet { result })
        }),
        394 => call!(cx, body, ConnectBaselineHypervisorCpuArgs, |a, c| {
            let cpu = c
                .baseline_hypervisor_cpu(
                    a.emulator, a.arch, a.machine, a.virttype, a.xml_cpus, a.flags,
                )
                .await?;
            reply(ConnectBaselineHypervisorCpuRet { cpu })
        }),
        395 => call!(cx, body, NodeGetSevInfoArgs, |a, c| {
            let all = c.node_get_sev_info(a.flags).await?;
            let nparams = i32::try_from(all.len()).unwrap_or(i32::MAX);
            reply(NodeGetSevInfoRet {
                params: serialize(all, a.flags),
                nparams,
            })
        }),
        _ => None,
    }
}
