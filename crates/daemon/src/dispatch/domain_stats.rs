//! Domain statistics and jobs: block/interface stats, block info, per-CPU stats, job
//! stats and job abort.

use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_core::typed_param::{TypedParam, TypedValue, TYPED_PARAM_STRING_OKAY};
use rvirt_proto::remote::limits::{
    REMOTE_DOMAIN_BLOCK_STATS_PARAMETERS_MAX, REMOTE_DOMAIN_GET_CPU_STATS_NCPUS_MAX,
    REMOTE_NODE_CPU_STATS_MAX,
};
use rvirt_proto::remote::*;
use rvirt_rpc::server::Outcome;

use super::params::{check_nparams, serialize, two_pass};
use super::{cap, reply, void, Cx};

pub(crate) async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    match p {
        64 => call!(cx, body, DomainBlockStatsArgs, |a, c| {
            let s = c.domain_block_stats(&a.dom, &a.path).await?;
            reply(DomainBlockStatsRet {
                rd_req: s.rd_req,
                rd_bytes: s.rd_bytes,
                wr_req: s.wr_req,
                wr_bytes: s.wr_bytes,
                errs: s.errs,
            })
        }),
        243 => call!(cx, body, DomainBlockStatsFlagsArgs, |a, c| {
            check_nparams(a.nparams, REMOTE_DOMAIN_BLOCK_STATS_PARAMETERS_MAX)?;
            let all = c.domain_block_stats_flags(&a.dom, &a.path, a.flags).await?;
            let (params, nparams) = two_pass(all, a.nparams, a.flags);
            reply(DomainBlockStatsFlagsRet { params, nparams })
        }),
        65 => call!(cx, body, DomainInterfaceStatsArgs, |a, c| {
            let s = c.domain_interface_stats(&a.dom, &a.device).await?;
            reply(DomainInterfaceStatsRet {
                rx_bytes: s.rx_bytes,
                rx_packets: s.rx_packets,
                rx_errs: s.rx_errs,
                rx_drop: s.rx_drop,
                tx_bytes: s.tx_bytes,
                tx_packets: s.tx_packets,
                tx_errs: s.tx_errs,
                tx_drop: s.tx_drop,
            })
        }),
        194 => call!(cx, body, DomainGetBlockInfoArgs, |a, c| {
            let i = c.domain_get_block_info(&a.dom, &a.path, a.flags).await?;
            reply(DomainGetBlockInfoRet {
                allocation: i.allocation,
                capacity: i.capacity,
                physical: i.physical,
            })
        }),
        262 => call!(cx, body, DomainGetCpuStatsArgs, |a, c| {
            if a.nparams > REMOTE_NODE_CPU_STATS_MAX {
                return Err(VirError::internal(ErrorDomain::Rpc, "nparams too large"));
            }
            if a.ncpus > REMOTE_DOMAIN_GET_CPU_STATS_NCPUS_MAX {
                return Err(VirError::internal(ErrorDomain::Rpc, "ncpus too large"));
            }
            let per_cpu = c
                .domain_get_cpu_stats(&a.dom, a.start_cpu, a.ncpus, a.flags)
                .await?;
            if a.nparams == 0 && a.ncpus == 0 {
                // "how many CPUs": a driver may answer with one (empty) list per host
                // CPU; otherwise the host's CPU count is the answer, as libvirt's drivers give
                let n = if per_cpu.is_empty() {
                    c.node_get_cpu_map(0).await?.2
                } else {
                    count(per_cpu.len())
                };
                return reply(DomainGetCpuStatsRet {
                    params: Vec::new(),
                    nparams: n,
                });
            }
            let most = per_cpu.iter().map(Vec::len).max().unwrap_or(0);
            if a.nparams == 0 {
                return reply(DomainGetCpuStatsRet {
                    params: Vec::new(),
                    nparams: count(most),
                });
            }
            reply(cpu_stats_reply(per_cpu, a.nparams, a.ncpus, a.flags))
        }),
        298 => call!(cx, body, DomainGetJobStatsArgs, |a, c| {
            let (kind, params) = c.domain_get_job_stats(&a.dom, a.flags).await?;
            reply(DomainGetJobStatsRet {
                r#type: kind,
                params: serialize(params, TYPED_PARAM_STRING_OKAY),
            })
        }),
        164 => call!(cx, body, DomainAbortJobArgs, "virDomainAbortJob", |a, c| {
            c.domain_abort_job(&a.dom, 0).await?;
            void()
        }),
        442 => call!(
            cx,
            body,
            DomainAbortJobFlagsArgs,
            "virDomainAbortJobFlags",
            |a, c| {
                c.domain_abort_job(&a.dom, a.flags).await?;
                void()
            }
        ),
        _ => None,
    }
}

fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// libvirtd's DOMAIN_GET_CPU_STATS reply: each CPU's first `nparams` values, concatenated
/// (unfilled slots and, without STRING_OKAY, strings dropped); `nparams` in the reply is the
/// per-CPU count the driver filled, less the strings dropped from the first CPU's stride.
fn cpu_stats_reply(
    per_cpu: Vec<Vec<TypedParam>>,
    nparams: u32,
    ncpus: u32,
    flags: u32,
) -> DomainGetCpuStatsRet {
    let cap_n = i32::try_from(nparams).unwrap_or(i32::MAX);
    let per_cpu: Vec<Vec<TypedParam>> = per_cpu
        .into_iter()
        .take(usize::try_from(ncpus).unwrap_or(0))
        .map(|v| cap(v, cap_n))
        .collect();
    let filled = per_cpu.iter().map(Vec::len).max().unwrap_or(0);
    let dropped = if flags & TYPED_PARAM_STRING_OKAY == 0 {
        per_cpu.first().map_or(0, |first| {
            first
                .iter()
                .filter(|p| matches!(p.value, TypedValue::String(_)))
                .count()
        })
    } else {
        0
    };
    let params = per_cpu
        .into_iter()
        .flat_map(|v| serialize(v, flags))
        .collect();
    DomainGetCpuStatsRet {
        params,
        nparams: count(filled.saturating_sub(dropped)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cpu(n: u64) -> Vec<TypedParam> {
        vec![
            TypedParam::new("cpu_time", TypedValue::ULLong(n)),
            TypedParam::new("vcpu_time", TypedValue::ULLong(n / 2)),
        ]
    }

    #[test]
    fn cpu_stats_flatten_per_cpu_strides() {
        let r = cpu_stats_reply(vec![cpu(10), cpu(20), cpu(30)], 2, 2, 0);
        assert_eq!(r.nparams, 2);
        let vals: Vec<_> = r.params.iter().map(|p| p.value.as_u64()).collect();
        assert_eq!(vals, [Some(10), Some(5), Some(20), Some(10)]);
    }

    #[test]
    fn cpu_stats_cap_at_nparams() {
        let r = cpu_stats_reply(vec![cpu(10), cpu(20)], 1, 2, 0);
        assert_eq!(r.nparams, 1);
        assert_eq!(r.params.len(), 2);
        assert_eq!(r.params[1].value, TypedValue::ULLong(20));
    }

    #[test]
    fn cpu_stats_strings_dropped_without_string_okay() {
        let mut first = cpu(4);
        first.push(TypedParam::new("s", TypedValue::String("x".into())));
        let r = cpu_stats_reply(vec![first.clone()], 3, 1, 0);
        assert_eq!((r.nparams, r.params.len()), (2, 2));
        let r = cpu_stats_reply(vec![first], 3, 1, TYPED_PARAM_STRING_OKAY);
        assert_eq!((r.nparams, r.params.len()), (3, 3));
    }
}
