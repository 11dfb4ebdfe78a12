//! Domain tuning procedures: scheduler, memory, blkio, NUMA, interface and block I/O
//! parameters, vCPU/emulator pinning, memory stats period and lifecycle actions.

use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_proto::remote::limits::{
    REMOTE_CPUMAPS_MAX, REMOTE_DOMAIN_BLKIO_PARAMETERS_MAX,
    REMOTE_DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX, REMOTE_DOMAIN_INTERFACE_PARAMETERS_MAX,
    REMOTE_DOMAIN_MEMORY_PARAMETERS_MAX, REMOTE_DOMAIN_NUMA_PARAMETERS_MAX,
    REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX, REMOTE_VCPUINFO_MAX,
};
use rvirt_proto::remote::*;
use rvirt_rpc::server::Outcome;

use super::params::{check_nparams, serialize, sized, two_pass};
use super::{cap, reply, void, Cx};

fn internal(msg: &str) -> VirError {
    VirError::internal(ErrorDomain::Rpc, msg)
}

pub(crate) async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    match p {
        57 => call!(cx, body, DomainGetSchedulerParametersArgs, |a, c| {
            check_nparams(a.nparams, REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX)?;
            let all = c.domain_get_scheduler_parameters(&a.dom, 0).await?;
            reply(DomainGetSchedulerParametersRet {
                params: serialize(cap(all, a.nparams), 0),
            })
        }),
        223 => call!(cx, body, DomainGetSchedulerParametersFlagsArgs, |a, c| {
            check_nparams(a.nparams, REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX)?;
            let all = c.domain_get_scheduler_parameters(&a.dom, a.flags).await?;
            reply(DomainGetSchedulerParametersFlagsRet {
                params: serialize(cap(all, a.nparams), a.flags),
            })
        }),
        58 => call!(
            cx,
            body,
            DomainSetSchedulerParametersArgs,
            "virDomainSetSchedulerParameters",
            |a, c| {
                c.domain_set_scheduler_parameters(&a.dom, a.params, 0)
                    .await?;
                void()
            }
        ),
        219 => call!(
            cx,
            body,
            DomainSetSchedulerParametersFlagsArgs,
            "virDomainSetSchedulerParametersFlags",
            |a, c| {
                c.domain_set_scheduler_parameters(&a.dom, a.params, a.flags)
                    .await?;
                void()
            }
        ),
        198 => call!(cx, body, DomainGetMemoryParametersArgs, |a, c| {
            check_nparams(a.nparams, REMOTE_DOMAIN_MEMORY_PARAMETERS_MAX)?;
            let all = c.domain_get_memory_parameters(&a.dom, a.flags).await?;
            let (params, nparams) = two_pass(all, a.nparams, a.flags);
            reply(DomainGetMemoryParametersRet { params, nparams })
        }),
        197 => call!(
            cx,
            body,
            DomainSetMemoryParametersArgs,
            "virDomainSetMemoryParameters",
            |a, c| {
                c.domain_set_memory_parameters(&a.dom, a.params, a.flags)
                    .await?;
                void()
            }
        ),
        206 => call!(cx, body, DomainGetBlkioParametersArgs, |a, c| {
            check_nparams(a.nparams, REMOTE_DOMAIN_BLKIO_PARAMETERS_MAX)?;
            let all = c.domain_get_blkio_parameters(&a.dom, a.flags).await?;
            let (params, nparams) = two_pass(all, a.nparams, a.flags);
            reply(DomainGetBlkioParametersRet { params, nparams })
        }),
        205 => call!(
            cx,
            body,
            DomainSetBlkioParametersArgs,
            "virDomainSetBlkioParameters",
            |a, c| {
                c.domain_set_blkio_parameters(&a.dom, a.params, a.flags)
                    .await?;
                void()
            }
        ),
        255 => call!(cx, body, DomainGetNumaParametersArgs, |a, c| {
            check_nparams(a.nparams, REMOTE_DOMAIN_NUMA_PARAMETERS_MAX)?;
            let all = c.domain_get_numa_parameters(&a.dom, a.flags).await?;
            let (params, nparams) = two_pass(all, a.nparams, a.flags);
            reply(DomainGetNumaParametersRet { params, nparams })
        }),
        254 => call!(
            cx,
            body,
            DomainSetNumaParametersArgs,
            "virDomainSetNumaParameters",
            |a, c| {
                c.domain_set_numa_parameters(&a.dom, a.params, a.flags)
                    .await?;
                void()
            }
        ),
        257 => call!(cx, body, DomainGetInterfaceParametersArgs, |a, c| {
            check_nparams(a.nparams, REMOTE_DOMAIN_INTERFACE_PARAMETERS_MAX)?;
            let all = c
                .domain_get_interface_parameters(&a.dom, &a.device, a.flags)
                .await?;
            let (params, nparams) = two_pass(all, a.nparams, a.flags);
            reply(DomainGetInterfaceParametersRet { params, nparams })
        }),
        256 => call!(
            cx,
            body,
            DomainSetInterfaceParametersArgs,
            "virDomainSetInterfaceParameters",
            |a, c| {
                c.domain_set_interface_parameters(&a.dom, &a.device, a.params, a.flags)
                    .await?;
                void()
            }
        ),
        253 => call!(cx, body, DomainGetBlockIoTuneArgs, |a, c| {
            check_nparams(a.nparams, REMOTE_DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX)?;
            let all = c.domain_get_block_io_tune(&a.dom, a.disk, a.flags).await?;
            let (params, nparams) = two_pass(all, a.nparams, a.flags);
            reply(DomainGetBlockIoTuneRet { params, nparams })
        }),
        252 => call!(
            cx,
            body,
            DomainSetBlockIoTuneArgs,
            "virDomainSetBlockIoTune",
            |a, c| {
                c.domain_set_block_io_tune(&a.dom, &a.disk, a.params, a.flags)
                    .await?;
                void()
            }
        ),
        26 => call!(cx, body, DomainPinVcpuArgs, "virDomainPinVcpu", |a, c| {
            c.domain_pin_vcpu_flags(&a.dom, a.vcpu, a.cpumap, 0).await?;
            void()
        }),
        225 => call!(
            cx,
            body,
            DomainPinVcpuFlagsArgs,
            "virDomainPinVcpuFlags",
            |a, c| {
                c.domain_pin_vcpu_flags(&a.dom, a.vcpu, a.cpumap, a.flags)
                    .await?;
                void()
            }
        ),
        230 => call!(cx, body, DomainGetVcpuPinInfoArgs, |a, c| {
            if a.ncpumaps < 0 {
                return Err(internal("ncpumaps must be non-negative"));
            }
            if a.maplen < 0 {
                return Err(internal("maplen must be non-negative"));
            }
            if a.ncpumaps.unsigned_abs() > REMOTE_VCPUINFO_MAX {
                return Err(internal("ncpumaps > REMOTE_VCPUINFO_MAX"));
            }
            let len = u64::from(a.ncpumaps.unsigned_abs()) * u64::from(a.maplen.unsigned_abs());
            if len > u64::from(REMOTE_CPUMAPS_MAX) {
                return Err(internal("maxinfo * maplen > REMOTE_CPUMAPS_MAX"));
            }
            let (maps, num) = c
                .domain_get_vcpu_pin_info(&a.dom, a.ncpumaps, a.maplen, a.flags)
                .await?;
            reply(DomainGetVcpuPinInfoRet {
                cpumaps: sized(maps, usize::try_from(len).unwrap_or(0)),
                num,
            })
        }),
        279 => call!(
            cx,
            body,
            DomainPinEmulatorArgs,
            "virDomainPinEmulator",
            |a, c| {
                c.domain_pin_emulator(&a.dom, a.cpumap, a.flags).await?;
                void()
            }
        ),
        280 => call!(cx, body, DomainGetEmulatorPinInfoArgs, |a, c| {
            if a.maplen < 0 {
                return Err(internal("maplen must be non-negative"));
            }
            let (map, ret) = c
                .domain_get_emulator_pin_info(&a.dom, a.maplen, a.flags)
                .await?;
            let len = usize::try_from(a.maplen).unwrap_or(0);
            reply(DomainGetEmulatorPinInfoRet {
                cpumaps: sized(map, len),
                ret,
            })
        }),
        308 => call!(
            cx,
            body,
            DomainSetMemoryStatsPeriodArgs,
            "virDomainSetMemoryStatsPeriod",
            |a, c| {
                c.domain_set_memory_stats_period(&a.dom, a.period, a.flags)
                    .await?;
                void()
            }
        ),
        390 => call!(
            cx,
            body,
            DomainSetLifecycleActionArgs,
            "virDomainSetLifecycleAction",
            |a, c| {
                c.domain_set_lifecycle_action(&a.dom, a.r#type, a.action, a.flags)
                    .await?;
                void()
            }
        ),
        _ => None,
    }
}
