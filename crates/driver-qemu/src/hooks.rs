//! libvirt's QEMU hook script (`virHookCall`): `<root>/etc/libvirt/hooks/qemu`, run with
//! `NAME OPERATION SUB-OPERATION -` and the domain XML on stdin at each lifecycle step
//! (`prepare begin`, `start begin`, `started begin`, `stopped end`, `release end`).

use crate::paths::QemuPaths;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;
use tokio::io::AsyncWriteExt;

/// How long a hook may run before it is killed and counted as failed.
const HOOK_TIMEOUT: Duration = Duration::from_secs(60);

/// `VIR_ERR_HOOK_SCRIPT_FAILED`.
const HOOK_SCRIPT_FAILED: i32 = 70;

/// The hook script of a driver root: `<root>/etc/libvirt/hooks/qemu`.
pub fn hook_path(paths: &QemuPaths) -> Option<PathBuf> {
    Some(paths.config_dir.parent()?.join("hooks/qemu"))
}

fn failed(detail: String) -> VirError {
    VirError::raw(
        ErrorCode::Other(HOOK_SCRIPT_FAILED),
        ErrorDomain::Hook,
        format!("Hook script execution failed: {detail}"),
    )
}

/// Runs the hook for `name` with `op sub` and `xml` on stdin. No script (or one that is
/// not executable) is success, as in libvirt; a non-zero exit is libvirt's
/// "Hook script execution failed" error.
pub async fn run_hook(
    paths: &QemuPaths,
    name: &str,
    op: &str,
    sub: &str,
    xml: &str,
) -> VirResult<()> {
    use std::os::unix::fs::PermissionsExt;
    let Some(script) = hook_path(paths) else {
        return Ok(());
    };
    let executable = std::fs::metadata(&script)
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0);
    if !executable {
        return Ok(());
    }
    let argv = format!("{} {name} {op} {sub} -", script.display());
    let mut child = tokio::process::Command::new(&script)
        .args([name, op, sub, "-"])
        .env("LC_ALL", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| failed(format!("cannot execute {argv}: {e}")))?;
    if let Some(mut stdin) = child.stdin.take() {
        // a hook that does not read its stdin may close it early: not an error
        let _ = stdin.write_all(xml.as_bytes()).await;
    }
    let out = tokio::time::timeout(HOOK_TIMEOUT, child.wait_with_output())
        .await
        .map_err(|_| failed(format!("internal error: Child process ({argv}) timed out")))?
        .map_err(|e| failed(format!("internal error: Child process ({argv}): {e}")))?;
    if out.status.success() {
        return Ok(());
    }
    let status = match out.status.code() {
        Some(c) => format!("unexpected exit status {c}"),
        None => "unexpected fatal signal".to_string(),
    };
    let err = String::from_utf8_lossy(&out.stderr).trim().to_string();
    Err(failed(format!(
        "internal error: Child process (LC_ALL=C {argv}) {status}: {err}"
    )))
}

/// [`run_hook`] behind a box, so that callers' (large) async frames hold only a pointer.
pub fn run_hook_boxed<'a>(
    paths: &'a QemuPaths,
    name: &'a str,
    op: &'a str,
    sub: &'a str,
    xml: &'a str,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = VirResult<()>> + Send + 'a>> {
    Box::pin(run_hook(paths, name, op, sub, xml))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn root_with_hook(script: &str) -> (tempfile::TempDir, QemuPaths) {
        let d = tempfile::tempdir().unwrap();
        let paths = QemuPaths::under(d.path());
        let hooks = d.path().join("etc/libvirt/hooks");
        std::fs::create_dir_all(&hooks).unwrap();
        let p = hooks.join("qemu");
        std::fs::write(&p, script).unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
        (d, paths)
    }

    #[tokio::test]
    async fn hook_gets_args_and_xml() {
        let (d, paths) = root_with_hook(&format!(
            "#!/bin/sh\necho \"$@\" >> {0}/calls\ncat >> {0}/calls\n",
            "$(dirname $0)"
        ));
        run_hook(&paths, "vm", "prepare", "begin", "<domain/>")
            .await
            .unwrap();
        let calls = std::fs::read_to_string(d.path().join("etc/libvirt/hooks/calls")).unwrap();
        assert_eq!(calls, "vm prepare begin -\n<domain/>");
    }

    #[tokio::test]
    async fn failing_hook_is_libvirts_error() {
        let (_d, paths) = root_with_hook("#!/bin/sh\necho nope >&2\nexit 3\n");
        let e = run_hook(&paths, "vm", "start", "begin", "<domain/>")
            .await
            .unwrap_err();
        assert_eq!(e.domain, ErrorDomain::Hook);
        assert!(
            e.message
                .starts_with("Hook script execution failed: internal error: Child process"),
            "{}",
            e.message
        );
        assert!(
            e.message
                .ends_with("vm start begin -) unexpected exit status 3: nope"),
            "{}",
            e.message
        );
    }

    #[tokio::test]
    async fn no_script_is_success() {
        let d = tempfile::tempdir().unwrap();
        run_hook(&QemuPaths::under(d.path()), "vm", "stopped", "end", "")
            .await
            .unwrap();
    }
}
