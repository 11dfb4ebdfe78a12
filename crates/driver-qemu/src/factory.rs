//! `QemuDriverFactory`: serves `qemu:///system` (and `qemu:///session` for now on the same
//! layout) from one shared instance, and `qemu:///embed?root=DIR` from one instance per root.

use crate::connection::QemuConnection;
use crate::domain::{QemuDriver, QemuOptions};
use crate::paths::QemuPaths;
use async_trait::async_trait;
use rvirt_core::driver::{Connection, DriverFactory, OpenContext};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::uri::ConnectUri;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use tokio::sync::Mutex;

/// Opens `qemu://` connections.
pub struct QemuDriverFactory {
    opts: QemuOptions,
    system: Mutex<Option<Arc<QemuDriver>>>,
    embedded: Mutex<HashMap<PathBuf, Arc<QemuDriver>>>,
}

impl QemuDriverFactory {
    /// A factory whose `qemu:///system` lives in `paths` (`QemuPaths::system()` or
    /// `QemuPaths::under(root)` for `rvirtd --root`).
    pub fn new(paths: QemuPaths) -> Self {
        Self::with_options(QemuOptions::new(paths))
    }

    /// A factory with full options (binary, autostart).
    pub fn with_options(opts: QemuOptions) -> Self {
        QemuDriverFactory {
            opts,
            system: Mutex::new(None),
            embedded: Mutex::new(HashMap::new()),
        }
    }

    /// The `qemu:///system` instance, started on first use (the daemon calls this at start-up
    /// so re-attach and autostart happen before the first client).
    pub async fn system_driver(&self) -> VirResult<Arc<QemuDriver>> {
        let mut g = self.system.lock().await;
        if let Some(d) = g.as_ref() {
            return Ok(d.clone());
        }
        let d = QemuDriver::start(self.opts.clone()).await?;
        *g = Some(d.clone());
        Ok(d)
    }

    async fn embed_driver(&self, root: PathBuf) -> VirResult<Arc<QemuDriver>> {
        let mut g = self.embedded.lock().await;
        if let Some(d) = g.get(&root) {
            return Ok(d.clone());
        }
        let mut opts = self.opts.clone();
        opts.paths = QemuPaths::under(&root);
        opts.uri = format!("qemu:///embed?root={}", root.display());
        let d = QemuDriver::start(opts).await?;
        g.insert(root, d.clone());
        Ok(d)
    }
}

fn bad_path(uri: &ConnectUri) -> VirError {
    VirError::new(
        ErrorCode::InvalidArg,
        ErrorDomain::Qemu,
        format!(
            "unexpected QEMU URI path '{}', try qemu:///system",
            uri.path
        ),
    )
}

#[async_trait]
impl DriverFactory for QemuDriverFactory {
    fn scheme(&self) -> &'static str {
        "qemu"
    }

    async fn open(&self, uri: &ConnectUri, ctx: &OpenContext) -> VirResult<Arc<dyn Connection>> {
        if uri.host.as_deref().is_some_and(|h| !h.is_empty()) {
            return Err(bad_path(uri));
        }
        let driver = match uri.path.as_str() {
            "/system" | "/session" => self.system_driver().await?,
            "/embed" => {
                let root = uri
                    .params
                    .iter()
                    .find(|(k, _)| k == "root")
                    .map(|(_, v)| PathBuf::from(v))
                    .ok_or_else(|| {
                        VirError::new(
                            ErrorCode::InvalidArg,
                            ErrorDomain::Qemu,
                            "URI must be qemu:///embed?root=/some/dir",
                        )
                    })?;
                if !root.is_absolute() {
                    return Err(VirError::new(
                        ErrorCode::InvalidArg,
                        ErrorDomain::Qemu,
                        "root path must be absolute",
                    ));
                }
                self.embed_driver(root).await?
            }
            _ => return Err(bad_path(uri)),
        };
        Ok(Arc::new(QemuConnection {
            driver,
            read_only: ctx.read_only,
        }))
    }
}
