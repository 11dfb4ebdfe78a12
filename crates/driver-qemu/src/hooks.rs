//! libvirt's QEMU hook scripts (`virHookCall`): `<root>/etc/libvirt/hooks/qemu` and then
//! every executable in `<root>/etc/libvirt/hooks/qemu.d/` (sorted by name), each run with
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

fn is_executable(p: &std::path::Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// The scripts a hook call runs, in order: the main script, then the executables of its
/// `.d` directory sorted by name (byte order, like libvirt's `strcmp`).
pub fn hook_scripts(paths: &QemuPaths) -> Vec<PathBuf> {
    let Some(main) = hook_path(paths) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if is_executable(&main) {
        out.push(main.clone());
    }
    let mut dir = main.into_os_string();
    dir.push(".d");
    let mut entries: Vec<PathBuf> = std::fs::read_dir(PathBuf::from(dir))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| is_executable(p))
        .collect();
    entries.sort_by(|a, b| {
        use std::os::unix::ffi::OsStrExt;
        a.as_os_str().as_bytes().cmp(b.as_os_str().as_bytes())
    });
    out.extend(entries);
    out
}

/// Runs the hooks for `name` with `op sub` and `xml` on stdin. No script (or none that is
/// executable) is success, as in libvirt. Every script runs even when an earlier one
/// failed; any non-zero exit makes the call fail with libvirt's "Hook script execution
/// failed" error (of the last failing script, as libvirt's last reported error).
pub async fn run_hook(
    paths: &QemuPaths,
    name: &str,
    op: &str,
    sub: &str,
    xml: &str,
) -> VirResult<()> {
    run_hook_filter(paths, name, op, sub, xml).await.map(|_| ())
}

/// [`run_hook`] for the operations whose hook may rewrite the domain XML (`restore begin`,
/// `migrate begin`): what the scripts print on stdout, if any (the last non-empty output
/// when several scripts print), is the XML to use instead.
pub async fn run_hook_filter(
    paths: &QemuPaths,
    name: &str,
    op: &str,
    sub: &str,
    xml: &str,
) -> VirResult<Option<String>> {
    let mut result = Ok(None);
    for script in hook_scripts(paths) {
        match run_script(&script, name, op, sub, xml).await {
            Err(e) => result = Err(e),
            Ok(out) if !out.trim().is_empty() => {
                if let Ok(prev) = result.as_mut() {
                    *prev = Some(out);
                }
            }
            Ok(_) => {}
        }
    }
    result
}

async fn run_script(
    script: &std::path::Path,
    name: &str,
    op: &str,
    sub: &str,
    xml: &str,
) -> VirResult<String> {
    let argv = format!("{} {name} {op} {sub} -", script.display());
    let mut child = tokio::process::Command::new(script)
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
        return Ok(String::from_utf8_lossy(&out.stdout).into_owned());
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

    fn add_script(dir: &std::path::Path, name: &str, body: &str, mode: u32) {
        std::fs::create_dir_all(dir).unwrap();
        let p = dir.join(name);
        std::fs::write(&p, body).unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
    }

    #[tokio::test]
    async fn hook_dir_scripts_run_sorted_after_the_main_one() {
        let log = "$(dirname $0)/../calls";
        let (d, paths) = root_with_hook("#!/bin/sh\necho \"main $*\" >> $(dirname $0)/calls\n");
        let dir = d.path().join("etc/libvirt/hooks/qemu.d");
        for n in ["20-b", "10-a", "30-c"] {
            add_script(
                &dir,
                n,
                &format!("#!/bin/sh\necho \"{n} $* $(cat)\" >> {log}\n"),
                0o755,
            );
        }
        add_script(&dir, "00-not-executable", "#!/bin/sh\nexit 1\n", 0o644);
        std::fs::create_dir_all(dir.join("05-subdir")).unwrap();
        run_hook(&paths, "vm", "started", "begin", "<x/>")
            .await
            .unwrap();
        let calls = std::fs::read_to_string(d.path().join("etc/libvirt/hooks/calls")).unwrap();
        assert_eq!(
            calls,
            "main vm started begin -\n10-a vm started begin - <x/>\n\
             20-b vm started begin - <x/>\n30-c vm started begin - <x/>\n"
        );
    }

    #[tokio::test]
    async fn a_failing_dir_script_fails_the_call_but_the_rest_run() {
        let d = tempfile::tempdir().unwrap();
        let paths = QemuPaths::under(d.path());
        let dir = d.path().join("etc/libvirt/hooks/qemu.d");
        add_script(&dir, "a", "#!/bin/sh\necho bad >&2\nexit 2\n", 0o755);
        add_script(&dir, "b", "#!/bin/sh\ntouch $(dirname $0)/b-ran\n", 0o755);
        let e = run_hook(&paths, "vm", "prepare", "begin", "")
            .await
            .unwrap_err();
        assert!(
            e.message.starts_with("Hook script execution failed: ")
                && e.message
                    .ends_with("qemu.d/a vm prepare begin -) unexpected exit status 2: bad"),
            "{}",
            e.message
        );
        assert!(dir.join("b-ran").exists());
    }

    #[tokio::test]
    async fn no_script_is_success() {
        let d = tempfile::tempdir().unwrap();
        run_hook(&QemuPaths::under(d.path()), "vm", "stopped", "end", "")
            .await
            .unwrap();
    }
}
