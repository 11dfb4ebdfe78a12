//! Migration streams to and from files over fds handed to QEMU with QMP `getfd`
//! (`fd:NAME` URIs, as libvirt's `qemuMigrationSrcToFile` / incoming `fd:` restores do),
//! so QEMU never spawns a helper (`-sandbox …,spawn=deny`).

use super::driver::qmp_err;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_qmp::QmpClient;
use serde_json::json;
use std::io::{Seek, SeekFrom};
use std::os::fd::AsFd;
use std::path::Path;
use std::time::Duration;

const T: Duration = Duration::from_secs(30);
/// The fd name of an outgoing stream (`migrate` `fd:` URI).
pub const OUT_FDNAME: &str = "migrate-out";
/// The fd name of an incoming stream (`migrate-incoming` `fd:` URI).
pub const IN_FDNAME: &str = "migrate-in";

fn file_err(what: &str, path: &Path, e: &std::io::Error) -> VirError {
    VirError::new(
        ErrorCode::SystemError,
        ErrorDomain::Qemu,
        format!("unable to {what} '{}': {e}", path.display()),
    )
}

/// The `fd:` URI QEMU resolves against its named fds.
pub fn fd_uri(name: &str) -> String {
    format!("fd:{name}")
}

/// Starts QMP `migrate` into `path` after what the file already holds (the image header):
/// the file is opened for appending and handed to QEMU as [`OUT_FDNAME`]. The caller polls
/// `query-migrate` until the stream is complete.
pub(crate) async fn migrate_to_file(qmp: &QmpClient, path: &Path) -> VirResult<()> {
    let file = std::fs::OpenOptions::new()
        .append(true)
        .open(path)
        .map_err(|e| file_err("open", path, &e))?;
    qmp.getfd(OUT_FDNAME, file.as_fd(), T)
        .await
        .map_err(qmp_err)?;
    // QEMU holds its own copy now
    drop(file);
    if let Err(e) = qmp
        .execute("migrate", Some(json!({ "uri": fd_uri(OUT_FDNAME) })), T)
        .await
    {
        let _ = qmp.closefd(OUT_FDNAME, T).await;
        return Err(qmp_err(e));
    }
    Ok(())
}

/// Feeds a QEMU started with `-incoming defer` the migration stream of the image at
/// `path`, which starts `offset` bytes in (`migrate-incoming` with an `fd:` URI).
pub(crate) async fn incoming_from_file(qmp: &QmpClient, path: &Path, offset: u64) -> VirResult<()> {
    let mut file = std::fs::File::open(path).map_err(|e| file_err("open", path, &e))?;
    file.seek(SeekFrom::Start(offset))
        .map_err(|e| file_err("seek in", path, &e))?;
    qmp.getfd(IN_FDNAME, file.as_fd(), T)
        .await
        .map_err(qmp_err)?;
    drop(file);
    if let Err(e) = qmp
        .execute(
            "migrate-incoming",
            Some(json!({ "uri": fd_uri(IN_FDNAME) })),
            T,
        )
        .await
    {
        let _ = qmp.closefd(IN_FDNAME, T).await;
        return Err(qmp_err(e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_name_the_fd() {
        assert_eq!(fd_uri(OUT_FDNAME), "fd:migrate-out");
        assert_eq!(fd_uri(IN_FDNAME), "fd:migrate-in");
    }
}
