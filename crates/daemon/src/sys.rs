//! Process-level system calls: detaching into the background (`libvirtd --daemon`).

use std::io::{Read, Write};
use std::os::unix::net::UnixStream;

/// The child's side of the readiness pipe: tells the waiting parent how start-up went.
#[derive(Debug)]
pub struct Ready(Option<UnixStream>);

impl Ready {
    /// Not daemonized: nothing to signal.
    pub fn none() -> Self {
        Ready(None)
    }

    /// Reports start-up success (0) or failure (1) to the parent.
    pub fn signal(&mut self, ok: bool) {
        if let Some(mut s) = self.0.take() {
            let _ = s.write_all(&[u8::from(!ok)]);
        }
    }
}

/// Forks; the parent waits until the child reports readiness and exits with its status;
/// the child starts a new session and continues. Must run before any thread is started.
pub fn daemonize() -> anyhow::Result<Ready> {
    let (mut parent_end, child_end) = UnixStream::pair()?;
    // SAFETY: called from main() before the tokio runtime or any other thread exists, so
    // the child is a complete copy of a single-threaded process.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        anyhow::bail!("cannot fork: {}", std::io::Error::last_os_error());
    }
    if pid > 0 {
        drop(child_end);
        let mut b = [1u8; 1];
        let status = match parent_end.read(&mut b) {
            Ok(1) => i32::from(b[0]),
            _ => 1,
        };
        std::process::exit(status);
    }
    drop(parent_end);
    rustix::process::setsid()?;
    if let Ok(null) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/null")
    {
        use std::os::fd::AsRawFd;
        for fd in 0..3 {
            // SAFETY: dup2 onto the standard descriptors of this process; `null` stays
            // open for the duration of the call.
            unsafe { libc::dup2(null.as_raw_fd(), fd) };
        }
    }
    Ok(Ready(Some(child_end)))
}
