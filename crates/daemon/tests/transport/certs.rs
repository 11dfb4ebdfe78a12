//! A throw-away CA and certificates made with GnuTLS's `certtool` for the TLS tests.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A private key + certificate pair on disk.
pub struct Issued {
    pub key: PathBuf,
    pub cert: PathBuf,
}

fn certtool(args: &[&str]) {
    let out = Command::new("certtool").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "certtool {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn key(path: &Path) {
    certtool(&[
        "--generate-privkey",
        "--key-type=rsa",
        "--bits=2048",
        "--outfile",
        path.to_str().unwrap(),
    ]);
}

/// A self-signed CA named `name` in `dir`.
pub fn ca(dir: &Path, name: &str) -> Issued {
    let k = dir.join(format!("{name}-key.pem"));
    let c = dir.join(format!("{name}-cert.pem"));
    let t = dir.join(format!("{name}.tmpl"));
    std::fs::write(
        &t,
        format!(
            "cn = \"{name}\"\nca\ncert_signing_key\ncrl_signing_key\n\
             activation_date = \"2018-01-01 00:00:00\"\nexpiration_date = \"2199-12-31 00:00:00\"\n"
        ),
    )
    .unwrap();
    key(&k);
    certtool(&[
        "--generate-self-signed",
        "--load-privkey",
        k.to_str().unwrap(),
        "--template",
        t.to_str().unwrap(),
        "--outfile",
        c.to_str().unwrap(),
    ]);
    Issued { key: k, cert: c }
}

/// A certificate `name` signed by `ca` with the given template lines (DN, purpose, dates).
pub fn issue(dir: &Path, ca: &Issued, name: &str, template: &str) -> Issued {
    let k = dir.join(format!("{name}-key.pem"));
    let c = dir.join(format!("{name}-cert.pem"));
    let t = dir.join(format!("{name}.tmpl"));
    let dates = if template.contains("_date") {
        String::new()
    } else {
        "expiration_days = 365\n".to_owned()
    };
    std::fs::write(
        &t,
        format!("{template}\nsigning_key\nencryption_key\n{dates}"),
    )
    .unwrap();
    key(&k);
    certtool(&[
        "--generate-certificate",
        "--load-privkey",
        k.to_str().unwrap(),
        "--load-ca-certificate",
        ca.cert.to_str().unwrap(),
        "--load-ca-privkey",
        ca.key.to_str().unwrap(),
        "--template",
        t.to_str().unwrap(),
        "--outfile",
        c.to_str().unwrap(),
    ]);
    Issued { key: k, cert: c }
}

/// The server certificate for `localhost` / 127.0.0.1.
pub fn server(dir: &Path, ca: &Issued) -> Issued {
    issue(
        dir,
        ca,
        "server",
        "organization = \"rvirt test\"\ncn = \"localhost\"\ndns_name = \"localhost\"\n\
         ip_address = \"127.0.0.1\"\ntls_www_server",
    )
}

/// A client certificate with `CN=cn` and extra template lines.
pub fn client(dir: &Path, ca: &Issued, name: &str, cn: &str, extra: &str) -> Issued {
    let purpose = if extra.contains("tls_www_server") {
        ""
    } else {
        "tls_www_client\n"
    };
    issue(
        dir,
        ca,
        name,
        &format!(
            "country = \"GB\"\norganization = \"rvirt test\"\ncn = \"{cn}\"\n{purpose}{extra}"
        ),
    )
}

/// Installs the CA and server credentials at libvirt's default paths under `root`.
pub fn install_server(root: &Path, ca: &Issued, server: &Issued) {
    let pki = root.join("etc/pki");
    std::fs::create_dir_all(pki.join("CA")).unwrap();
    std::fs::create_dir_all(pki.join("libvirt/private")).unwrap();
    std::fs::copy(&ca.cert, pki.join("CA/cacert.pem")).unwrap();
    std::fs::copy(&server.cert, pki.join("libvirt/servercert.pem")).unwrap();
    std::fs::copy(&server.key, pki.join("libvirt/private/serverkey.pem")).unwrap();
}

/// A `pkipath` directory for a client: cacert.pem, clientcert.pem, clientkey.pem.
pub fn pkipath(dir: &Path, name: &str, ca: &Issued, client: &Issued) -> PathBuf {
    let p = dir.join(format!("pki-{name}"));
    std::fs::create_dir_all(&p).unwrap();
    std::fs::copy(&ca.cert, p.join("cacert.pem")).unwrap();
    std::fs::copy(&client.cert, p.join("clientcert.pem")).unwrap();
    std::fs::copy(&client.key, p.join("clientkey.pem")).unwrap();
    p
}
