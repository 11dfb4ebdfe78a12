//! Perf-event procedures: DOMAIN_GET_PERF_EVENTS (365) and DOMAIN_SET_PERF_EVENTS (366).

use rvirt_core::error::VirResult;
use rvirt_proto::remote::*;
use rvirt_rpc::server::Outcome;

use super::params::serialize;
use super::{reply, void, Cx};

pub(crate) async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    match p {
        365 => call!(cx, body, DomainGetPerfEventsArgs, |a, c| {
            let all = c.domain_get_perf_events(&a.dom, a.flags).await?;
            reply(DomainGetPerfEventsRet {
                params: serialize(all, a.flags),
            })
        }),
        366 => call!(
            cx,
            body,
            DomainSetPerfEventsArgs,
            "virDomainSetPerfEvents",
            |a, c| {
                c.domain_set_perf_events(&a.dom, a.params, a.flags).await?;
                void()
            }
        ),
        _ => None,
    }
}
