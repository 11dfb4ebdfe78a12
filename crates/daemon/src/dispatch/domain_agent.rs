//! Guest-agent and vCPU/IOThread management procedures: user password, SSH keys,
//! filesystem info and trim, guest vCPUs, IOThreads, disk errors, process signals,
//! agent timeout and dirty-rate calculation.

use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_core::typed_param::TYPED_PARAM_STRING_OKAY;
use rvirt_proto::remote::limits::{
    REMOTE_DOMAIN_AUTHORIZED_SSH_KEYS_MAX, REMOTE_DOMAIN_DISK_ERRORS_MAX,
    REMOTE_DOMAIN_FSINFO_DISKS_MAX, REMOTE_DOMAIN_FSINFO_MAX, REMOTE_IOTHREAD_INFO_MAX,
};
use rvirt_proto::remote::*;
use rvirt_rpc::server::Outcome;

use super::params::serialize;
use super::{reply, void, Cx};

fn internal(msg: String) -> VirError {
    VirError::internal(ErrorDomain::Rpc, msg)
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

pub(crate) async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    match p {
        357 => call!(
            cx,
            body,
            DomainSetUserPasswordArgs,
            "virDomainSetUserPassword",
            |a, c| {
                let user = a.user.unwrap_or_default();
                let password = a.password.unwrap_or_default();
                c.domain_set_user_password(&a.dom, &user, &password, a.flags)
                    .await?;
                void()
            }
        ),
        349 => call!(
            cx,
            body,
            DomainGetFsinfoArgs,
            "virDomainGetFSInfo",
            |a, c| {
                let info = c.domain_get_fsinfo(&a.dom, a.flags).await?;
                if info.len() > REMOTE_DOMAIN_FSINFO_MAX as usize {
                    return Err(internal(format!(
                        "Too many mountpoints in fsinfo: {}",
                        info.len()
                    )));
                }
                let mut out = Vec::with_capacity(info.len());
                for f in info {
                    if f.dev_aliases.len() > REMOTE_DOMAIN_FSINFO_DISKS_MAX as usize {
                        return Err(internal(format!(
                            "Too many disks in fsinfo: {}",
                            f.dev_aliases.len()
                        )));
                    }
                    out.push(DomainFsinfo {
                        mountpoint: f.mountpoint,
                        name: f.name,
                        fstype: f.fstype,
                        dev_aliases: f.dev_aliases,
                    });
                }
                let ret = count(out.len());
                reply(DomainGetFsinfoRet { info: out, ret })
            }
        ),
        294 => call!(cx, body, DomainFstrimArgs, "virDomainFSTrim", |a, c| {
            c.domain_fstrim(&a.dom, a.mount_point, a.minimum, a.flags)
                .await?;
            void()
        }),
        263 => call!(cx, body, DomainGetDiskErrorsArgs, |a, c| {
            if a.maxerrors > REMOTE_DOMAIN_DISK_ERRORS_MAX {
                return Err(internal("maxerrors too large".into()));
            }
            let all = c.domain_get_disk_errors(&a.dom, a.flags).await?;
            if a.maxerrors == 0 {
                let nerrors = i32::try_from(all.len()).unwrap_or(i32::MAX);
                return reply(DomainGetDiskErrorsRet {
                    errors: Vec::new(),
                    nerrors,
                });
            }
            let errors: Vec<DomainDiskError> = all
                .into_iter()
                .take(a.maxerrors as usize)
                .map(|e| DomainDiskError {
                    disk: e.disk,
                    error: e.error,
                })
                .collect();
            let nerrors = i32::try_from(errors.len()).unwrap_or(i32::MAX);
            reply(DomainGetDiskErrorsRet { errors, nerrors })
        }),
        351 => call!(cx, body, DomainGetIothreadInfoArgs, |a, c| {
            let info = c.domain_get_iothread_info(&a.dom, a.flags).await?;
            if info.len() > REMOTE_IOTHREAD_INFO_MAX as usize {
                return Err(internal(format!(
                    "Too many IOThreads in info: {} for limit {}",
                    info.len(),
                    REMOTE_IOTHREAD_INFO_MAX
                )));
            }
            let info: Vec<DomainIothreadInfo> = info
                .into_iter()
                .map(|t| DomainIothreadInfo {
                    iothread_id: t.iothread_id,
                    cpumap: t.cpumap,
                })
                .collect();
            let ret = count(info.len());
            reply(DomainGetIothreadInfoRet { info, ret })
        }),
        352 => call!(
            cx,
            body,
            DomainPinIothreadArgs,
            "virDomainPinIOThread",
            |a, c| {
                c.domain_pin_iothread(&a.dom, a.iothreads_id, a.cpumap, a.flags)
                    .await?;
                void()
            }
        ),
        355 => call!(
            cx,
            body,
            DomainAddIothreadArgs,
            "virDomainAddIOThread",
            |a, c| {
                c.domain_add_iothread(&a.dom, a.iothread_id, a.flags)
                    .await?;
                void()
            }
        ),
        356 => call!(
            cx,
            body,
            DomainDelIothreadArgs,
            "virDomainDelIOThread",
            |a, c| {
                c.domain_del_iothread(&a.dom, a.iothread_id, a.flags)
                    .await?;
                void()
            }
        ),
        402 => call!(
            cx,
            body,
            DomainSetIothreadParamsArgs,
            "virDomainSetIOThreadParams",
            |a, c| {
                c.domain_set_iothread_params(&a.dom, a.iothread_id, a.params, a.flags)
                    .await?;
                void()
            }
        ),
        371 => call!(
            cx,
            body,
            DomainGetGuestVcpusArgs,
            "virDomainGetGuestVcpus",
            |a, c| {
                let params = c.domain_get_guest_vcpus(&a.dom, a.flags).await?;
                reply(DomainGetGuestVcpusRet {
                    params: serialize(params, TYPED_PARAM_STRING_OKAY),
                })
            }
        ),
        372 => call!(
            cx,
            body,
            DomainSetGuestVcpusArgs,
            "virDomainSetGuestVcpus",
            |a, c| {
                c.domain_set_guest_vcpus(&a.dom, &a.cpumap, a.state, a.flags)
                    .await?;
                void()
            }
        ),
        384 => call!(cx, body, DomainSetVcpuArgs, "virDomainSetVcpu", |a, c| {
            c.domain_set_vcpu(&a.dom, &a.cpumap, a.state, a.flags)
                .await?;
            void()
        }),
        295 => call!(
            cx,
            body,
            DomainSendProcessSignalArgs,
            "virDomainSendProcessSignal",
            |a, c| {
                c.domain_send_process_signal(&a.dom, a.pid_value, a.signum, a.flags)
                    .await?;
                void()
            }
        ),
        424 => call!(
            cx,
            body,
            DomainAuthorizedSshKeysGetArgs,
            "virDomainAuthorizedSSHKeysGet",
            |a, c| {
                let keys = c
                    .domain_authorized_ssh_keys_get(&a.dom, &a.user, a.flags)
                    .await?;
                if keys.len() > REMOTE_DOMAIN_AUTHORIZED_SSH_KEYS_MAX as usize {
                    return Err(internal(format!(
                        "Number of keys {}, which exceeds max limit: {}",
                        keys.len(),
                        REMOTE_DOMAIN_AUTHORIZED_SSH_KEYS_MAX
                    )));
                }
                reply(DomainAuthorizedSshKeysGetRet { keys })
            }
        ),
        425 => call!(
            cx,
            body,
            DomainAuthorizedSshKeysSetArgs,
            "virDomainAuthorizedSSHKeysSet",
            |a, c| {
                c.domain_authorized_ssh_keys_set(&a.dom, &a.user, a.keys, a.flags)
                    .await?;
                void()
            }
        ),
        420 => call!(
            cx,
            body,
            DomainAgentSetResponseTimeoutArgs,
            "virDomainAgentSetResponseTimeout",
            |a, c| {
                c.domain_agent_set_response_timeout(&a.dom, a.timeout, a.flags)
                    .await?;
                reply(DomainAgentSetResponseTimeoutRet { result: 0 })
            }
        ),
        427 => call!(
            cx,
            body,
            DomainStartDirtyRateCalcArgs,
            "virDomainStartDirtyRateCalc",
            |a, c| {
                c.domain_start_dirty_rate_calc(&a.dom, a.seconds, a.flags)
                    .await?;
                void()
            }
        ),
        _ => None,
    }
}
