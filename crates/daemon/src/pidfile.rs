//! The pid file, with libvirt's semantics (`virPidFileAcquirePath`): the file is locked for
//! the daemon's lifetime, so a second daemon on the same file refuses to start.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use rustix::fs::{fcntl_lock, FlockOperation};

/// A held pid file; removed on drop.
#[derive(Debug)]
pub struct PidFile {
    path: PathBuf,
    _file: File,
}

impl PidFile {
    /// Creates/locks `path` and writes `pid`; fails if another live process holds it.
    pub fn acquire(path: &Path, pid: u32) -> anyhow::Result<Self> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o644)
            .open(path)
            .map_err(|e| anyhow::anyhow!("Failed to open pid file '{}': {e}", path.display()))?;
        fcntl_lock(&file, FlockOperation::NonBlockingLockExclusive).map_err(|e| {
            anyhow::anyhow!(
                "Failed to acquire pid file '{}': {}",
                path.display(),
                std::io::Error::from(e)
            )
        })?;
        file.set_len(0)?;
        file.write_all(format!("{pid}\n").as_bytes())?;
        file.flush()?;
        Ok(PidFile {
            path: path.to_path_buf(),
            _file: file,
        })
    }
}

impl Drop for PidFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}
