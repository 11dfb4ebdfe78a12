//! `dom-fd-associate`: hands file descriptors of rvirsh's own process to a domain as an
//! FD group (`virDomainFDAssociate`, virsh 9.0's `cmdDomFDAssociate`).

use std::os::fd::{FromRawFd, OwnedFd};

use rvirt::Connect;

use crate::lookup;
use crate::parser::{parse_i64, Cmd};
use crate::vsh::{CmdResult, Failure};

/// `VIR_DOMAIN_FD_ASSOCIATE_SECLABEL_RESTORE`
const SECLABEL_RESTORE: u32 = 1 << 0;
/// `VIR_DOMAIN_FD_ASSOCIATE_SECLABEL_WRITABLE`
const SECLABEL_WRITABLE: u32 = 1 << 1;

/// Parses `--pass-fds N,M,...` like `virshFetchPassFdsList`: an empty value is no FD at all.
fn parse_fds(list: &str) -> Result<Vec<i32>, Failure> {
    if list.is_empty() {
        return Ok(Vec::new());
    }
    list.split(',')
        .map(|t| {
            parse_i64(t)
                .and_then(|n| i32::try_from(n).ok())
                .ok_or_else(|| Failure::msg(format!("Unable to parse FD number '{t}'")))
        })
        .collect()
}

/// A duplicate of this process's descriptor `fd` (close-on-exec).
fn dup_fd(fd: i32) -> Result<OwnedFd, Failure> {
    // SAFETY: F_DUPFD_CLOEXEC only reads `fd`; an invalid one makes it fail with EBADF.
    let new = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if new < 0 {
        let e = std::io::Error::last_os_error();
        return Err(Failure::msg(format!(
            "Unable to duplicate FD {fd}: {}",
            super::util::strerror(&e)
        )));
    }
    // SAFETY: `new` is a fresh descriptor nothing else owns.
    Ok(unsafe { OwnedFd::from_raw_fd(new) })
}

/// The flags virsh builds from `--seclabel-restore` and `--seclabel-writable`.
fn flags(cmd: &Cmd) -> u32 {
    let mut f = 0;
    if cmd.has("seclabel-restore") {
        f |= SECLABEL_RESTORE;
    }
    if cmd.has("seclabel-writable") {
        f |= SECLABEL_WRITABLE;
    }
    f
}

/// Runs `dom-fd-associate`.
pub async fn run(conn: &Connect, cmd: &Cmd) -> CmdResult {
    let dom = lookup::domain(conn, cmd, "domain").await?;
    let name = cmd.req("name").map_err(Failure::msg)?.unwrap_or_default();
    let nums = parse_fds(cmd.get("pass-fds").unwrap_or_default())?;
    if nums.is_empty() {
        return Err(Failure::msg(
            "nfds in virDomainFDAssociate must not be zero",
        ));
    }
    let mut fds = Vec::with_capacity(nums.len());
    for n in nums {
        match dup_fd(n) {
            Ok(f) => fds.push(f),
            Err(dup_err) => return Err(unusable_fd(conn, &dom, name, cmd, dup_err).await),
        }
    }
    conn.domain_fd_associate(&dom, name, fds, flags(cmd))
        .await?;
    Ok(())
}

/// The error for an FD number this process has not open. libvirt hands an in-process
/// driver the numbers unchecked, so a driver without the API reports that first; only the
/// remote driver duplicates them ("Unable to duplicate FD N").
async fn unusable_fd(
    conn: &Connect,
    dom: &rvirt::DomainRef,
    name: &str,
    cmd: &Cmd,
    dup_err: Failure,
) -> Failure {
    if conn.remote().is_none() {
        if let Err(e) = conn
            .domain_fd_associate(dom, name, Vec::new(), flags(cmd))
            .await
        {
            if e.code == rvirt::ErrorCode::NoSupport {
                return Failure::from(e);
            }
        }
    }
    dup_err
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_fd_lists_like_virsh() {
        assert_eq!(parse_fds("0,1, 2").ok(), Some(vec![0, 1, 2]));
        assert_eq!(parse_fds("").ok(), Some(vec![]));
        assert_eq!(parse_fds("-1").ok(), Some(vec![-1]));
        let e = |s: &str| parse_fds(s).err().map(|f| f.lines.join("\n"));
        assert!(e("a").unwrap().contains("Unable to parse FD number 'a'"));
        assert!(e("0,,1").unwrap().contains("Unable to parse FD number ''"));
        assert!(e("1x").unwrap().contains("Unable to parse FD number '1x'"));
        assert!(e("99999999999").is_some());
    }

    #[test]
    fn dups_own_fds_and_rejects_bad_ones() {
        assert!(dup_fd(0).is_ok() || dup_fd(1).is_ok() || dup_fd(2).is_ok());
        assert!(dup_fd(-1).is_err());
    }
}
