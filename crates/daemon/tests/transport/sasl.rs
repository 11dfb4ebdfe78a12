//! SASL (`auth_unix_rw` / `auth_tls` = "sasl"): stock virsh and python3-libvirt logging in
//! with cyrus-sasl's SCRAM-SHA-256 client, wrong passwords, `sasl_allowed_username_list`,
//! the "authentication required" gate, ACL rules on the SASL user, and rvirsh.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::{have, Listening};
use crate::common::{assert_rpc_error, open_args, Raw};

/// Adds `user` with `password` under `root` with the `rvirt-saslpasswd` binary.
pub fn add_user(root: &Path, user: &str, password: &str) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_rvirt-saslpasswd"))
        .arg("--root")
        .arg(root)
        .arg(user)
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
    assert!(child.wait().unwrap().success());
}

/// An `auth.conf` giving `user`/`password` for every host.
pub fn auth_file(dir: &Path, user: &str, password: &str) -> PathBuf {
    let path = dir.join(format!("auth-{user}-{password}.conf"));
    std::fs::write(
        &path,
        format!(
            "[credentials-t]\nusername={user}\nauthname={user}\npassword={password}\n\n\
             [auth-libvirt-localhost]\ncredentials=t\n\n[auth-libvirt-default]\ncredentials=t\n"
        ),
    )
    .unwrap();
    path
}

/// Runs `tool -c uri args…` with `LIBVIRT_AUTH_FILE`; returns (success, stdout, stderr).
pub fn run_with_auth(tool: &str, uri: &str, auth: &Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(tool)
        .arg("-c")
        .arg(uri)
        .args(args)
        .env("LIBVIRT_DEFAULT_URI", "")
        .env("LIBVIRT_AUTH_FILE", auth)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const UNIX_SASL: &str = "listen_tls = 0\nlisten_tcp = 0\nauth_unix_rw = \"sasl\"\n";

fn unix_daemon(extra: &str, acl: Option<&str>) -> Listening {
    Listening::start(&format!("{UNIX_SASL}{extra}"), |root| {
        add_user(root, "fred", "s3cret");
        add_user(root, "admin1", "adm1n");
        if let Some(a) = acl {
            std::fs::write(root.join("etc/libvirt/rvirt-acl.conf"), a).unwrap();
        }
    })
}

fn unix_uri(d: &Listening) -> String {
    format!("test+unix:///default?socket={}", d.sock().display())
}

#[test]
fn user_file_holds_no_plaintext() {
    let dir = tempfile::tempdir().unwrap();
    add_user(dir.path(), "fred", "s3cret");
    let text = std::fs::read_to_string(dir.path().join("etc/libvirt/rvirt-sasl-users")).unwrap();
    assert!(text.contains("fred:SCRAM-SHA-256:4096:"), "{text}");
    assert!(!text.contains("s3cret"));
}

#[test]
fn unauthenticated_calls_get_authentication_required() {
    let d = unix_daemon("", None);
    let mut c = Raw::connect(&d.sock());
    // AUTH_LIST answers [SASL]
    let body = c.ok(66, Vec::new());
    assert_eq!(&body[..], &[0, 0, 0, 1, 0, 0, 0, 1]);
    let e = c.err(1, open_args("test:///default", 0));
    assert_rpc_error(&e, 39, 7, "authentication required");
    // SASL_INIT offers SCRAM only (PLAIN is for TLS)
    let body = c.ok(67, Vec::new());
    assert_eq!(&body[4..4 + 13], b"SCRAM-SHA-256");
    assert_eq!(&body[..4], &[0, 0, 0, 13]);
    // a second INIT while one is in progress is refused as libvirt does
    let e = c.err(67, Vec::new());
    assert_rpc_error(&e, 45, 7, "authentication failed: authentication failed");
    // STEP without a session fails the same way, then START is refused too
    let e = c.err(69, vec![0, 0, 0, 1, 0, 0, 0, 0]);
    assert_rpc_error(&e, 45, 7, "authentication failed: authentication failed");
    // the read-only socket keeps auth_unix_ro = "none"
    let mut ro = Raw::connect(&d.root.path().join("run/libvirt/libvirt-sock-ro"));
    assert_eq!(&ro.ok(66, Vec::new())[..], &[0, 0, 0, 1, 0, 0, 0, 0]);
}

#[test]
fn stock_virsh_scram_over_unix() {
    if !have("virsh", "--version") {
        return;
    }
    let d = unix_daemon("", None);
    let dir = tempfile::tempdir().unwrap();
    let good = auth_file(dir.path(), "fred", "s3cret");
    let (ok, out, err) = run_with_auth("virsh", &unix_uri(&d), &good, &["list", "--all"]);
    assert!(ok, "{err}\n{}", d.log_text());
    assert!(out.contains(" 1    test   running"), "{out}");
    assert!(d.wait_log("SASL authentication successful"));
    assert!(d.log_text().contains("identity=fred"), "{}", d.log_text());
    assert!(d.log_text().contains("mechanism=\"SCRAM-SHA-256\""));

    let bad = auth_file(dir.path(), "fred", "wrong");
    let (ok, _, err) = run_with_auth("virsh", &unix_uri(&d), &bad, &["list", "--all"]);
    assert!(!ok);
    assert!(
        err.contains("authentication failed: authentication failed"),
        "{err}"
    );
    // PLAIN is not offered on a unix socket
    let plain = format!("{}&auth=sasl.PLAIN", unix_uri(&d));
    let (ok, _, err) = run_with_auth("virsh", &plain, &good, &["list"]);
    assert!(!ok);
    assert!(err.contains("authentication failed"), "{err}");
    let nobody = auth_file(dir.path(), "nobody", "x");
    let (ok, _, err) = run_with_auth("virsh", &unix_uri(&d), &nobody, &["list"]);
    assert!(!ok);
    assert!(err.contains("authentication failed"), "{err}");
}

#[test]
fn allowed_username_list_refuses_others() {
    if !have("virsh", "--version") {
        return;
    }
    let d = unix_daemon("sasl_allowed_username_list = [\"admin*\"]\n", None);
    let dir = tempfile::tempdir().unwrap();
    let fred = auth_file(dir.path(), "fred", "s3cret");
    let (ok, _, err) = run_with_auth("virsh", &unix_uri(&d), &fred, &["list"]);
    assert!(!ok);
    assert!(
        err.contains("authentication failed: authentication failed"),
        "{err}"
    );
    assert!(d.wait_log("not allowed by sasl_allowed_username_list"));
    let admin = auth_file(dir.path(), "admin1", "adm1n");
    let (ok, out, err) = run_with_auth("virsh", &unix_uri(&d), &admin, &["list"]);
    assert!(ok, "{err}");
    assert!(out.contains("test"), "{out}");
}

#[test]
fn acl_rules_match_the_sasl_user() {
    if !have("virsh", "--version") {
        return;
    }
    let acl = "deny sasl:fred domain:stop\n";
    let d = unix_daemon("", Some(acl));
    let dir = tempfile::tempdir().unwrap();
    let fred = auth_file(dir.path(), "fred", "s3cret");
    let (ok, _, err) = run_with_auth("virsh", &unix_uri(&d), &fred, &["destroy", "test"]);
    assert!(!ok);
    assert!(err.contains("access denied"), "{err}");
    let admin = auth_file(dir.path(), "admin1", "adm1n");
    let (ok, out, err) = run_with_auth("virsh", &unix_uri(&d), &admin, &["destroy", "test"]);
    assert!(ok, "{err}");
    assert!(out.contains("Domain 'test' destroyed"), "{out}");
}

#[test]
fn python_open_auth_with_callback() {
    if !have("python3", "--version") {
        return;
    }
    let d = unix_daemon("", None);
    let script = r#"
import sys, libvirt
def cb(creds, data):
    for c in creds:
        if c[0] == libvirt.VIR_CRED_AUTHNAME:
            c[4] = sys.argv[2]
        elif c[0] == libvirt.VIR_CRED_PASSPHRASE:
            c[4] = sys.argv[3]
    return 0
libvirt.registerErrorHandler(lambda *a: None, None)
try:
    conn = libvirt.openAuth(sys.argv[1], [[libvirt.VIR_CRED_AUTHNAME, libvirt.VIR_CRED_PASSPHRASE], cb, None], 0)
    print("OK", conn.listDomainsID())
except libvirt.libvirtError as e:
    print("ERR", e.get_error_code(), e.get_error_message())
"#;
    let run = |user: &str, pass: &str| {
        let out = Command::new("python3")
            .arg("-c")
            .arg(script)
            .arg(unix_uri(&d))
            .arg(user)
            .arg(pass)
            .env("LIBVIRT_AUTH_FILE", "/nonexistent")
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
    };
    let out = run("fred", "s3cret");
    if out.contains("No module named") {
        eprintln!("python3-libvirt not installed; skipping");
        return;
    }
    assert!(out.starts_with("OK [1]"), "{out}\n{}", d.log_text());
    let out = run("fred", "bad");
    assert!(
        out.contains("ERR 45 authentication failed: authentication failed"),
        "{out}"
    );
}

#[test]
fn stock_virsh_scram_and_plain_over_tls() {
    if !(have("certtool", "--version") && have("virsh", "--version")) {
        return;
    }
    let pki = super::tls::Pki::new();
    let cert = pki.client("good", "client1", "", false);
    let port = super::free_port();
    let d = pki.daemon(port, "auth_tls = \"sasl\"\n");
    add_user(d.root.path(), "fred", "s3cret");
    let dir = tempfile::tempdir().unwrap();
    let good = auth_file(dir.path(), "fred", "s3cret");
    let uri = |extra: &str| {
        format!(
            "test+tls://localhost:{port}/default?pkipath={}{extra}",
            cert.display()
        )
    };
    let (ok, out, err) = run_with_auth("virsh", &uri(""), &good, &["list"]);
    assert!(ok, "{err}\n{}", d.log_text());
    assert!(out.contains("test"), "{out}");
    // PLAIN is offered on TLS; libvirt picks it with auth=sasl.PLAIN
    let (ok, out, err) = run_with_auth("virsh", &uri("&auth=sasl.PLAIN"), &good, &["list"]);
    assert!(ok, "{err}\n{}", d.log_text());
    assert!(out.contains("test"), "{out}");
    assert!(d.wait_log("mechanism=\"PLAIN\""), "{}", d.log_text());
    assert!(d.log_text().contains("mechanism=\"SCRAM-SHA-256\""));
    let bad = auth_file(dir.path(), "fred", "nope");
    let (ok, _, err) = run_with_auth("virsh", &uri(""), &bad, &["list"]);
    assert!(!ok);
    assert!(
        err.contains("authentication failed: authentication failed"),
        "{err}"
    );
}

/// rvirt's own client: SCRAM-SHA-256 with credentials from a `virConnectAuth` callback.
#[test]
fn rvirt_client_scram_with_callback() {
    use rvirt::remote::{AuthCallback, CredentialType, RemoteOpenOptions};
    let d = unix_daemon("", None);
    let open = |user: &'static str, pass: &'static str| {
        let cb = AuthCallback::new(move |creds| {
            for c in creds.iter_mut() {
                c.result = Some(match c.kind {
                    CredentialType::AuthName => user.to_string(),
                    CredentialType::Passphrase => pass.to_string(),
                });
            }
            Ok(())
        });
        let opts = RemoteOpenOptions {
            auth: Some(cb),
            ..RemoteOpenOptions::default()
        };
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let c = rvirt::Connect::open_with_options(&unix_uri(&d), &opts).await?;
            let ids = c.list_domain_ids().await?;
            let _ = c.close().await;
            Ok::<_, rvirt::VirError>(ids)
        })
    };
    assert_eq!(open("fred", "s3cret").unwrap(), vec![1]);
    let e = open("fred", "wrong").unwrap_err();
    assert_eq!(
        e.to_string(),
        "authentication failed: authentication failed"
    );
    assert!(d.log_text().contains("identity=fred"));
}

/// rvirt's client (and so rvirsh) reading libvirt's auth.conf (`?authfile=`, the same
/// lookup as `LIBVIRT_AUTH_FILE`): `[auth-libvirt-localhost]` → `[credentials-t]`.
#[test]
fn rvirt_client_scram_from_auth_conf() {
    let d = unix_daemon("", None);
    let dir = tempfile::tempdir().unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let open = |file: &Path| {
        let uri = format!("{}&authfile={}", unix_uri(&d), file.display());
        rt.block_on(async {
            let c = rvirt::Connect::open(&uri).await?;
            let h = c.get_hostname().await;
            let _ = c.close().await;
            h
        })
    };
    assert!(open(&auth_file(dir.path(), "admin1", "adm1n")).is_ok());
    let e = open(&auth_file(dir.path(), "admin1", "bad")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "authentication failed: authentication failed"
    );
    let e = open(&dir.path().join("missing.conf")).unwrap_err();
    assert!(
        e.to_string().contains("Failed to collect auth credentials"),
        "{e}"
    );
}
