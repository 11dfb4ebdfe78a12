//! Migration procedures (DOMAIN_MIGRATE_*3_PARAMS, PREPARE_TUNNEL3_PARAMS with its
//! stream, and the downtime/speed/post-copy knobs), mapped onto `DomainMigrationDriver`.

use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_proto::remote::*;
use rvirt_rpc::server::Outcome;

use super::{reply, void, Cx};

pub(crate) async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    match p {
        302 => call!(
            cx,
            body,
            DomainMigrateBegin3ParamsArgs,
            "virDomainMigrateBegin3Params",
            |a, c| {
                let (cookie_out, xml) = c.migrate_begin3_params(&a.dom, &a.params, a.flags).await?;
                reply(DomainMigrateBegin3ParamsRet { cookie_out, xml })
            }
        ),
        303 => call!(
            cx,
            body,
            DomainMigratePrepare3ParamsArgs,
            "virDomainMigratePrepare3Params",
            |a, c| {
                let (cookie_out, uri_out) = c
                    .migrate_prepare3_params(&a.params, &a.cookie_in, a.flags)
                    .await?;
                reply(DomainMigratePrepare3ParamsRet {
                    cookie_out,
                    uri_out,
                })
            }
        ),
        304 => call!(
            cx,
            body,
            DomainMigratePrepareTunnel3ParamsArgs,
            "virDomainMigratePrepareTunnel3Params",
            |a, c| {
                let (cookie_out, stream) = c
                    .migrate_prepare_tunnel3_params(&a.params, &a.cookie_in, a.flags)
                    .await?;
                let body =
                    rvirt_xdr::to_bytes(&DomainMigratePrepareTunnel3ParamsRet { cookie_out })
                        .map_err(|_| VirError::internal(ErrorDomain::Rpc, "encode"))?;
                Ok(Outcome::Stream {
                    body: body.freeze(),
                    stream,
                })
            }
        ),
        305 => call!(
            cx,
            body,
            DomainMigratePerform3ParamsArgs,
            "virDomainMigratePerform3Params",
            |a, c| {
                let cookie_out = c
                    .migrate_perform3_params(
                        &a.dom,
                        a.dconnuri.as_deref(),
                        &a.params,
                        &a.cookie_in,
                        a.flags,
                    )
                    .await?;
                reply(DomainMigratePerform3ParamsRet { cookie_out })
            }
        ),
        306 => call!(
            cx,
            body,
            DomainMigrateFinish3ParamsArgs,
            "virDomainMigrateFinish3Params",
            |a, c| {
                let (dom, cookie_out) = c
                    .migrate_finish3_params(&a.params, &a.cookie_in, a.flags, a.cancelled != 0)
                    .await?;
                reply(DomainMigrateFinish3ParamsRet { dom, cookie_out })
            }
        ),
        307 => call!(
            cx,
            body,
            DomainMigrateConfirm3ParamsArgs,
            "virDomainMigrateConfirm3Params",
            |a, c| {
                c.migrate_confirm3_params(
                    &a.dom,
                    &a.params,
                    &a.cookie_in,
                    a.flags,
                    a.cancelled != 0,
                )
                .await?;
                void()
            }
        ),
        166 => call!(
            cx,
            body,
            DomainMigrateSetMaxDowntimeArgs,
            "virDomainMigrateSetMaxDowntime",
            |a, c| {
                c.migrate_set_max_downtime(&a.dom, a.downtime, a.flags)
                    .await?;
                void()
            }
        ),
        387 => call!(cx, body, DomainMigrateGetMaxDowntimeArgs, |a, c| reply(
            DomainMigrateGetMaxDowntimeRet {
                downtime: c.migrate_get_max_downtime(&a.dom, a.flags).await?
            }
        )),
        207 => call!(
            cx,
            body,
            DomainMigrateSetMaxSpeedArgs,
            "virDomainMigrateSetMaxSpeed",
            |a, c| {
                c.migrate_set_max_speed(&a.dom, a.bandwidth, a.flags)
                    .await?;
                void()
            }
        ),
        242 => call!(cx, body, DomainMigrateGetMaxSpeedArgs, |a, c| reply(
            DomainMigrateGetMaxSpeedRet {
                bandwidth: c.migrate_get_max_speed(&a.dom, a.flags).await?
            }
        )),
        364 => call!(
            cx,
            body,
            DomainMigrateStartPostCopyArgs,
            "virDomainMigrateStartPostCopy",
            |a, c| {
                c.migrate_start_post_copy(&a.dom, a.flags).await?;
                void()
            }
        ),
        _ => None,
    }
}
