//! [`Connect`]: a connection (`virConnectPtr`) and URI routing (`virConnectOpen`).

use std::ops::Deref;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::Arc;

use rvirt_core::driver::Connection;
use rvirt_core::error::VirResult;
use rvirt_core::uri::ConnectUri;

use crate::read_only::ReadOnlyConnection;
use crate::remote::{RemoteConnection, RemoteOpenOptions};

/// Flags of `virConnectOpenAuth` that rvirt honours.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OpenFlags {
    /// `VIR_CONNECT_RO`.
    pub read_only: bool,
}

pub(crate) struct Inner {
    pub(crate) driver: Arc<dyn Connection>,
    pub(crate) remote: Option<Arc<RemoteConnection>>,
    pub(crate) uri: String,
    pub(crate) read_only: bool,
    /// Callback ids for in-process event registrations.
    pub(crate) next_local_callback: AtomicI32,
}

/// A connection to a hypervisor (`virConnectPtr`). Cheap to clone; clones share the
/// connection. Dereferences to [`Connection`], so every driver method is available.
#[derive(Clone)]
pub struct Connect {
    pub(crate) inner: Arc<Inner>,
}

impl std::fmt::Debug for Connect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Connect")
            .field("uri", &self.inner.uri)
            .field("remote", &self.inner.remote.is_some())
            .field("read_only", &self.inner.read_only)
            .finish()
    }
}

impl Deref for Connect {
    type Target = dyn Connection;
    fn deref(&self) -> &Self::Target {
        &*self.inner.driver
    }
}

/// The URI used when none is given (`LIBVIRT_DEFAULT_URI`, else qemu system/session).
fn default_uri() -> String {
    if let Ok(u) = std::env::var("LIBVIRT_DEFAULT_URI") {
        if !u.is_empty() {
            return u;
        }
    }
    let root = std::fs::metadata("/proc/self")
        .map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0)
        .unwrap_or(false);
    if root {
        "qemu:///system".into()
    } else {
        "qemu:///session".into()
    }
}

impl Connect {
    /// `virConnectOpen`: opens `uri` read-write. An empty URI means the default
    /// (`LIBVIRT_DEFAULT_URI`, else `qemu:///system` for root, `qemu:///session` otherwise).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> rvirt::VirResult<()> {
    /// let conn = rvirt::Connect::open("test:///default").await?;
    /// assert_eq!(conn.get_type().await?, "TEST");
    /// # Ok(()) }
    /// ```
    pub async fn open(uri: &str) -> VirResult<Connect> {
        Self::open_with_flags(uri, OpenFlags::default()).await
    }

    /// `virConnectOpenReadOnly`.
    pub async fn open_read_only(uri: &str) -> VirResult<Connect> {
        Self::open_with_flags(uri, OpenFlags { read_only: true }).await
    }

    /// `virConnectOpenAuth` with `flags`.
    pub async fn open_with_flags(uri: &str, flags: OpenFlags) -> VirResult<Connect> {
        let opts = RemoteOpenOptions {
            read_only: flags.read_only,
            ..RemoteOpenOptions::default()
        };
        Self::open_with_options(uri, &opts).await
    }

    /// Opens `uri` with explicit remote options (keepalive settings, read-only).
    pub async fn open_with_options(uri: &str, opts: &RemoteOpenOptions) -> VirResult<Connect> {
        let uri = if uri.is_empty() {
            default_uri()
        } else {
            uri.to_string()
        };
        let parsed = ConnectUri::parse(&uri)?;
        if parsed.driver == "test" && parsed.is_local() {
            let mut driver = rvirt_driver_test::open_uri(&parsed)?;
            if opts.read_only {
                // libvirt's client library refuses writes before the driver runs
                driver = Arc::new(ReadOnlyConnection::new(driver));
            }
            return Ok(Self::from_driver(driver, &uri, opts.read_only));
        }
        let remote = Arc::new(RemoteConnection::open(&uri, opts).await?);
        let driver: Arc<dyn Connection> = remote.clone();
        Ok(Connect {
            inner: Arc::new(Inner {
                driver,
                remote: Some(remote),
                uri,
                read_only: opts.read_only,
                next_local_callback: AtomicI32::new(0),
            }),
        })
    }

    /// Wraps an already opened driver connection (e.g. one a daemon or test built).
    /// `read_only` only records the flag; wrap `driver` in [`ReadOnlyConnection`] to have
    /// writes refused.
    pub fn from_driver(driver: Arc<dyn Connection>, uri: &str, read_only: bool) -> Connect {
        Connect {
            inner: Arc::new(Inner {
                driver,
                remote: None,
                uri: uri.to_string(),
                read_only,
                next_local_callback: AtomicI32::new(0),
            }),
        }
    }

    /// `virConnectClose`: closes the connection (remote: UNREGISTER_CLOSE_CALLBACK +
    /// CONNECT_CLOSE). Other clones become unusable.
    pub async fn close(&self) -> VirResult<()> {
        self.inner.driver.close().await
    }

    /// The URI this connection was opened with (`virConnectGetURI`).
    pub fn uri(&self) -> &str {
        &self.inner.uri
    }

    /// Whether the connection is read-only.
    pub fn is_read_only(&self) -> bool {
        self.inner.read_only
    }

    /// virConnectSupportsFeature (`virDrvFeature` numbers): asked of the daemon for a
    /// remote connection, else the local driver's migration features.
    pub async fn supports_feature(&self, feature: i32) -> bool {
        match self.remote() {
            Some(r) => r.supports_feature(feature).await,
            None => self.driver().migration_features().contains(&feature),
        }
    }

    /// The remote driver behind this connection, if it is remote.
    pub fn remote(&self) -> Option<&RemoteConnection> {
        self.inner.remote.as_deref()
    }

    /// The driver connection as a shareable trait object.
    pub fn driver(&self) -> Arc<dyn Connection> {
        Arc::clone(&self.inner.driver)
    }

    pub(crate) fn next_local_callback(&self) -> i32 {
        self.inner
            .next_local_callback
            .fetch_add(1, Ordering::Relaxed)
    }
}
