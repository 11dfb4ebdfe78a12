//! Running host tools (`ip`, `nft`, `dnsmasq`) with a timeout, reporting failures with
//! libvirt's "Child process (…) unexpected exit status" wording.

use std::process::Stdio;
use std::time::Duration;

use rvirt_core::error::VirResult;
use tokio::io::AsyncWriteExt;
use tokio::process::Command;

use crate::errors::{internal, system};

/// How long any one tool may run.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// Runs `prog args…` (feeding `stdin`), returning stdout; non-zero exit is an error.
pub async fn run(prog: &str, args: &[&str], stdin: Option<&str>) -> VirResult<String> {
    let cmdline = std::iter::once(prog)
        .chain(args.iter().copied())
        .collect::<Vec<_>>()
        .join(" ");
    let mut cmd = Command::new(prog);
    cmd.args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    let mut child = cmd
        .spawn()
        .map_err(|e| system(format!("Cannot run {prog}: {e}")))?;
    if let (Some(data), Some(mut pipe)) = (stdin, child.stdin.take()) {
        pipe.write_all(data.as_bytes())
            .await
            .map_err(|e| system(format!("Cannot write to {prog}: {e}")))?;
        drop(pipe);
    }
    let out = tokio::time::timeout(TIMEOUT, child.wait_with_output())
        .await
        .map_err(|_| internal(format!("Child process ({cmdline}) timed out")))?
        .map_err(|e| system(format!("Cannot wait for {prog}: {e}")))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(internal(format!(
            "Child process ({cmdline}) unexpected exit status {}: {}",
            out.status.code().unwrap_or(-1),
            err.trim()
        )));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}
