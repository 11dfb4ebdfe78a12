//! TLS listener: stock virsh with a valid client certificate, each refusal case, the
//! DN allow-list, and rvirt's own TLS client.

use std::path::{Path, PathBuf};

use super::certs::{self, Issued};
use super::{free_port, have, virsh, Listening};

pub(super) struct Pki {
    dir: tempfile::TempDir,
    ca: Issued,
    other_ca: Issued,
    server: Issued,
}

impl Pki {
    pub(super) fn new() -> Pki {
        let dir = tempfile::tempdir().unwrap();
        let ca = certs::ca(dir.path(), "ca");
        let other_ca = certs::ca(dir.path(), "other-ca");
        let server = certs::server(dir.path(), &ca);
        Pki {
            dir,
            ca,
            other_ca,
            server,
        }
    }

    /// A pkipath dir for a client `CN=cn` (signed by the right CA unless `wrong_ca`).
    pub(super) fn client(&self, name: &str, cn: &str, extra: &str, wrong_ca: bool) -> PathBuf {
        let issuer = if wrong_ca { &self.other_ca } else { &self.ca };
        let c = certs::client(self.dir.path(), issuer, name, cn, extra);
        certs::pkipath(self.dir.path(), name, &self.ca, &c)
    }

    pub(super) fn daemon(&self, port: u16, extra_conf: &str) -> Listening {
        let conf = format!(
            "listen_tls = 1\nlisten_tcp = 0\nlisten_addr = \"127.0.0.1\"\ntls_port = \"{port}\"\n\
             keepalive_interval = 5\n{extra_conf}"
        );
        Listening::start(&conf, |root| {
            certs::install_server(root, &self.ca, &self.server)
        })
    }
}

fn uri(port: u16, pki: &Path, extra: &str) -> String {
    format!(
        "test+tls://localhost:{port}/default?pkipath={}{extra}",
        pki.display()
    )
}

fn tools() -> bool {
    have("certtool", "--version") && have("virsh", "--version")
}

#[test]
fn stock_virsh_lists_over_tls() {
    if !tools() {
        return;
    }
    let pki = Pki::new();
    let good = pki.client("good", "client1", "", false);
    let port = free_port();
    let d = pki.daemon(port, "");
    let (ok, out, err) = virsh(&uri(port, &good, ""), &["list", "--all"]);
    assert!(ok, "{err}\n{}", d.log_text());
    assert!(out.contains(" 1    test   running"), "{out}");
    assert!(d.wait_log("TLS client certificate accepted"));
    assert!(
        d.log_text().contains("CN=client1,O=rvirt test,C=GB"),
        "{}",
        d.log_text()
    );
}

#[test]
fn stock_virsh_refused_for_bad_client_certificates() {
    if !tools() {
        return;
    }
    let pki = Pki::new();
    let good = pki.client("good", "client1", "", false);
    let cases = [
        (
            pki.client(
                "expired",
                "client-old",
                "activation_date = \"2019-01-01 00:00:00\"\nexpiration_date = \"2020-01-01 00:00:00\"",
                false,
            ),
            "The client certificate has expired",
        ),
        (
            pki.client(
                "future",
                "client-future",
                "activation_date = \"2150-01-01 00:00:00\"\nexpiration_date = \"2160-01-01 00:00:00\"",
                false,
            ),
            "The client certificate is not yet active",
        ),
        (
            pki.client("wrongca", "client-other", "", true),
            "The client certificate is not trusted",
        ),
        (
            pki.client("purpose", "client-srv", "tls_www_server", false),
            "The client certificate purpose does not allow use for TLS client",
        ),
        (
            pki.client("intruder", "intruder", "", false),
            "Client's Distinguished Name is not on the list of allowed clients",
        ),
    ];
    let port = free_port();
    // legacy DN order with a wildcard, as in libvirt's sample libvirtd.conf
    let d = pki.daemon(
        port,
        "tls_allowed_dn_list = [\"C=GB,O=rvirt test,CN=client*\"]\n",
    );
    for (dir, reason) in &cases {
        // no_sanity=1: virsh would refuse its own bad certificate before connecting
        let (ok, out, err) = virsh(&uri(port, dir, "&no_sanity=1"), &["list", "--all"]);
        assert!(!ok, "{reason}: virsh should fail");
        assert!(
            err.contains("error: failed to connect to the hypervisor"),
            "{reason}: {err} {out}\n{}",
            d.log_text()
        );
        // as with libvirtd: the server hangs up instead of sending the confirmation byte
        assert!(
            err.contains("Unable to read TLS confirmation"),
            "{reason}: {err}"
        );
        assert!(d.wait_log(reason), "{reason} not logged:\n{}", d.log_text());
        // the daemon keeps serving valid clients
        let (ok, out, err) = virsh(&uri(port, &good, ""), &["list", "--all"]);
        assert!(ok && out.contains("test"), "after {reason}: {err}");
    }
    // the client's own sanity check names the file
    let (ok, _, err) = virsh(&uri(port, &cases[0].0, ""), &["list"]);
    assert!(!ok);
    assert!(err.contains("expired"), "{err}");
}

#[test]
fn no_verify_accepts_any_client_certificate() {
    if !tools() {
        return;
    }
    let pki = Pki::new();
    let other = pki.client("wrongca", "client-other", "", true);
    let port = free_port();
    let d = pki.daemon(port, "tls_no_verify_certificate = 1\n");
    let (ok, out, err) = virsh(&uri(port, &other, "&no_sanity=1"), &["list", "--all"]);
    assert!(ok, "{err}\n{}", d.log_text());
    assert!(out.contains("test"), "{out}");
}

#[test]
fn missing_server_certificate_is_a_startup_error() {
    let port = free_port();
    let conf = format!("listen_tls = 1\nlisten_addr = \"127.0.0.1\"\ntls_port = \"{port}\"\n");
    let (mut d, up) = Listening::try_start(&conf, |_| {});
    assert!(!up, "rvirtd must not start without its CA certificate");
    let status = d.child.wait().unwrap();
    assert_eq!(status.code(), Some(1));
    let log = d.log_text();
    assert!(
        log.contains("Cannot read CA certificate") && log.contains("/etc/pki/CA/cacert.pem"),
        "{log}"
    );
}

#[test]
fn rvirt_client_over_tls() {
    if !have("certtool", "--version") {
        return;
    }
    use rvirt_rpc::client::{Client, TlsClientOptions};
    let pki = Pki::new();
    let good = pki.client("good", "client1", "", false);
    let expired = pki.client(
        "expired",
        "client-old",
        "activation_date = \"2019-01-01 00:00:00\"\nexpiration_date = \"2020-01-01 00:00:00\"",
        false,
    );
    // trusts only the other CA: the server certificate is not trusted
    let distrust = certs::pkipath(
        pki.dir.path(),
        "distrust",
        &pki.other_ca,
        &certs::client(pki.dir.path(), &pki.ca, "good2", "client2", ""),
    );
    let port = free_port();
    let d = pki.daemon(port, "");
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let (c, _ev) = Client::connect_tls("localhost", port, &TlsClientOptions::new(Some(&good)))
            .await
            .unwrap();
        // AUTH_LIST → [NONE]
        let body = c
            .call_raw(rvirt_proto::REMOTE_PROGRAM, 66, bytes::Bytes::new())
            .await
            .unwrap();
        assert_eq!(&body[..], &[0, 0, 0, 1, 0, 0, 0, 0]);
        c.close().await;

        // the client's own sanity check
        let e = Client::connect_tls("localhost", port, &TlsClientOptions::new(Some(&expired)))
            .await
            .unwrap_err();
        assert!(e.to_string().contains("has expired"), "{e}");

        // the server refuses it when the client skips its check
        let mut opts = TlsClientOptions::new(Some(&expired));
        opts.sanity = false;
        let refused = match Client::connect_tls("localhost", port, &opts).await {
            Err(e) => e.to_string(),
            Ok((c, _)) => c
                .call_raw(rvirt_proto::REMOTE_PROGRAM, 66, bytes::Bytes::new())
                .await
                .unwrap_err()
                .to_string(),
        };
        assert!(
            refused.contains("Unable to read TLS confirmation")
                || refused.contains("TLS handshake failed"),
            "{refused}"
        );

        // server certificate not signed by the CA we trust
        let e = Client::connect_tls("localhost", port, &TlsClientOptions::new(Some(&distrust)))
            .await
            .unwrap_err();
        assert!(
            e.to_string()
                .contains("The server certificate is not trusted"),
            "{e}"
        );
        // …unless no_verify
        let mut opts = TlsClientOptions::new(Some(&distrust));
        opts.verify = false;
        let (c, _ev) = Client::connect_tls("localhost", port, &opts).await.unwrap();
        let body = c
            .call_raw(rvirt_proto::REMOTE_PROGRAM, 66, bytes::Bytes::new())
            .await
            .unwrap();
        assert_eq!(&body[..], &[0, 0, 0, 1, 0, 0, 0, 0]);
    });
    assert!(d.wait_log("The client certificate has expired"));
}
