//! Procedures that open a data stream (`wire-protocol.md` §10): console, channel, volume
//! upload/download, screenshot.

use bytes::Bytes;
use rvirt_core::error::VirResult;
use rvirt_core::stream::DataStream;
use rvirt_proto::remote::*;
use rvirt_rpc::server::Outcome;

use super::Cx;

fn stream(s: DataStream) -> VirResult<Outcome> {
    Ok(Outcome::Stream {
        body: Bytes::new(),
        stream: s,
    })
}

pub(crate) async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    match p {
        201 => call!(
            cx,
            body,
            DomainOpenConsoleArgs,
            "virDomainOpenConsole",
            |a, c| stream(c.domain_open_console(&a.dom, a.dev_name, a.flags).await?)
        ),
        296 => call!(
            cx,
            body,
            DomainOpenChannelArgs,
            "virDomainOpenChannel",
            |a, c| stream(c.domain_open_channel(&a.dom, a.name, a.flags).await?)
        ),
        208 => call!(
            cx,
            body,
            StorageVolUploadArgs,
            "virStorageVolUpload",
            |a, c| stream(c.vol_upload(&a.vol, a.offset, a.length, a.flags).await?)
        ),
        209 => call!(
            cx,
            body,
            StorageVolDownloadArgs,
            "virStorageVolDownload",
            |a, c| stream(c.vol_download(&a.vol, a.offset, a.length, a.flags).await?)
        ),
        211 => call!(
            cx,
            body,
            DomainScreenshotArgs,
            "virDomainScreenshot",
            |a, c| {
                let (mime, s) = c.domain_screenshot(&a.dom, a.screen, a.flags).await?;
                let body = rvirt_xdr::to_bytes(&DomainScreenshotRet { mime }).map_err(|_| {
                    rvirt_core::error::VirError::internal(
                        rvirt_core::error::ErrorDomain::Rpc,
                        "encode",
                    )
                })?;
                Ok(Outcome::Stream {
                    body: body.freeze(),
                    stream: s,
                })
            }
        ),
        _ => None,
    }
}
