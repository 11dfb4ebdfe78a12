//! Launch-security procedures: DOMAIN_GET_LAUNCH_SECURITY_INFO (396) and
//! DOMAIN_SET_LAUNCH_SECURITY_STATE (439).

use rvirt_core::error::VirResult;
use rvirt_proto::remote::*;
use rvirt_rpc::server::Outcome;

use super::params::serialize;
use super::{reply, void, Cx};

pub(crate) async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    match p {
        396 => call!(
            cx,
            body,
            DomainGetLaunchSecurityInfoArgs,
            "virDomainGetLaunchSecurityInfo",
            |a, c| {
                let all = c.domain_get_launch_security_info(&a.dom, a.flags).await?;
                reply(DomainGetLaunchSecurityInfoRet {
                    params: serialize(all, a.flags),
                })
            }
        ),
        439 => call!(
            cx,
            body,
            DomainSetLaunchSecurityStateArgs,
            "virDomainSetLaunchSecurityState",
            |a, c| {
                c.domain_set_launch_security_state(&a.dom, a.params, a.flags)
                    .await?;
                void()
            }
        ),
        _ => None,
    }
}
