//! `virConnectAuthPtrDefault`: the auth callback virsh uses, asking on the terminal
//! (`/dev/tty`) for each credential; passphrases are read without echo.

use std::io::{BufRead, BufReader, Write};
use std::os::fd::AsRawFd;

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::auth::{AuthCallback, CredentialType};

fn tty_error(e: &std::io::Error) -> VirError {
    VirError::new(
        ErrorCode::AuthFailed,
        ErrorDomain::Remote,
        format!("cannot ask for credentials on the terminal: {e}"),
    )
}

/// Turns terminal echo off until dropped.
struct NoEcho {
    fd: i32,
    saved: Option<libc::termios>,
}

impl NoEcho {
    fn new(fd: i32) -> NoEcho {
        // SAFETY: `t` is a plain C struct fully written by tcgetattr before it is read;
        // `fd` is an open descriptor owned by the caller for NoEcho's lifetime.
        let saved = unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(fd, &mut t) != 0 {
                None
            } else {
                let mut quiet = t;
                quiet.c_lflag &= !libc::ECHO;
                libc::tcsetattr(fd, libc::TCSAFLUSH, &quiet);
                Some(t)
            }
        };
        NoEcho { fd, saved }
    }
}

impl Drop for NoEcho {
    fn drop(&mut self) {
        if let Some(t) = &self.saved {
            // SAFETY: restores the settings read in `new` on the same open descriptor.
            unsafe {
                libc::tcsetattr(self.fd, libc::TCSAFLUSH, t);
            }
        }
    }
}

fn ask(prompt: &str, echo: bool) -> std::io::Result<String> {
    let tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")?;
    let mut out = tty.try_clone()?;
    write!(out, "{prompt}: ")?;
    out.flush()?;
    let guard = (!echo).then(|| NoEcho::new(tty.as_raw_fd()));
    let mut line = String::new();
    BufReader::new(&tty).read_line(&mut line)?;
    drop(guard);
    if !echo {
        writeln!(out)?;
    }
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}

impl AuthCallback {
    /// `virConnectAuthPtrDefault`: prompts on the controlling terminal (what virsh and
    /// rvirsh use for SASL user names and passwords not found in `auth.conf`).
    pub fn terminal() -> AuthCallback {
        AuthCallback::new(|creds| -> VirResult<()> {
            for c in creds.iter_mut() {
                let echo = c.kind != CredentialType::Passphrase;
                c.result = Some(ask(&c.prompt, echo).map_err(|e| tty_error(&e))?);
            }
            Ok(())
        })
    }
}
