//! Block job and block device procedures: job info/abort/speed, pull, rebase, commit,
//! copy, resize and the write threshold.

use rvirt_core::error::VirResult;
use rvirt_proto::remote::*;
use rvirt_rpc::server::Outcome;

use super::{reply, void, Cx};

pub(crate) async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    match p {
        238 => call!(cx, body, DomainGetBlockJobInfoArgs, |a, c| {
            let info = c
                .domain_get_block_job_info(&a.dom, &a.path, a.flags)
                .await?;
            reply(match info {
                Some(j) => DomainGetBlockJobInfoRet {
                    found: 1,
                    r#type: j.job_type,
                    bandwidth: j.bandwidth,
                    cur: j.cur,
                    end: j.end,
                },
                None => DomainGetBlockJobInfoRet {
                    found: 0,
                    r#type: 0,
                    bandwidth: 0,
                    cur: 0,
                    end: 0,
                },
            })
        }),
        237 => call!(
            cx,
            body,
            DomainBlockJobAbortArgs,
            "virDomainBlockJobAbort",
            |a, c| {
                c.domain_block_job_abort(&a.dom, &a.path, a.flags).await?;
                void()
            }
        ),
        239 => call!(
            cx,
            body,
            DomainBlockJobSetSpeedArgs,
            "virDomainBlockJobSetSpeed",
            |a, c| {
                c.domain_block_job_set_speed(&a.dom, &a.path, a.bandwidth, a.flags)
                    .await?;
                void()
            }
        ),
        240 => call!(
            cx,
            body,
            DomainBlockPullArgs,
            "virDomainBlockPull",
            |a, c| {
                c.domain_block_pull(&a.dom, &a.path, a.bandwidth, a.flags)
                    .await?;
                void()
            }
        ),
        251 => call!(
            cx,
            body,
            DomainBlockResizeArgs,
            "virDomainBlockResize",
            |a, c| {
                c.domain_block_resize(&a.dom, &a.disk, a.size, a.flags)
                    .await?;
                void()
            }
        ),
        266 => call!(
            cx,
            body,
            DomainBlockRebaseArgs,
            "virDomainBlockRebase",
            |a, c| {
                c.domain_block_rebase(&a.dom, &a.path, a.base, a.bandwidth, a.flags)
                    .await?;
                void()
            }
        ),
        290 => call!(
            cx,
            body,
            DomainBlockCommitArgs,
            "virDomainBlockCommit",
            |a, c| {
                c.domain_block_commit(&a.dom, &a.disk, a.base, a.top, a.bandwidth, a.flags)
                    .await?;
                void()
            }
        ),
        345 => call!(
            cx,
            body,
            DomainBlockCopyArgs,
            "virDomainBlockCopy",
            |a, c| {
                c.domain_block_copy(&a.dom, &a.path, &a.destxml, a.params, a.flags)
                    .await?;
                void()
            }
        ),
        386 => call!(
            cx,
            body,
            DomainSetBlockThresholdArgs,
            "virDomainSetBlockThreshold",
            |a, c| {
                c.domain_set_block_threshold(&a.dom, &a.dev, a.threshold, a.flags)
                    .await?;
                void()
            }
        ),
        _ => None,
    }
}
