//! testDomainScreenshot: streams the PNG that libvirt installs for its test driver
//! (`PKGDATADIR/test-screenshot.png`), read from the installed file at call time.

use crate::driver::TestConnection;
use crate::errors::{check_flags, strerror};
use crate::stream::DownloadSource;
use bytes::Bytes;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use rvirt_core::stream::DataStream;

/// Where libvirt installs the test driver's screenshot.
pub(crate) const SCREENSHOT_PATH: &str = "/usr/share/libvirt/test-screenshot.png";

/// The image's MIME type.
const MIME: &str = "image/png";

impl TestConnection {
    /// testDomainScreenshot: any domain, any screen; `(mime, stream of the PNG)`.
    pub(crate) async fn dom_screenshot(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<(Option<String>, DataStream)> {
        check_flags(flags, 0, "testDomainScreenshot")?;
        self.with_dom(dom, |_| Ok(()))?;
        let bytes = tokio::fs::read(SCREENSHOT_PATH).await.map_err(|e| {
            VirError::raw(
                ErrorCode::SystemError,
                ErrorDomain::Streams,
                format!(
                    "Unable to open stream for '{SCREENSHOT_PATH}': {}",
                    strerror(&e)
                ),
            )
        })?;
        let stream = DataStream {
            source: Some(Box::new(DownloadSource {
                bytes: Bytes::from(bytes),
                pos: 0,
            })),
            sink: None,
            sparse: false,
        };
        Ok((Some(MIME.to_string()), stream))
    }
}
