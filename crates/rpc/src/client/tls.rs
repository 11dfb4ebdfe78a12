//! TLS transport of the client (`virNetClientNewTCP` + `virNetClientSetTLSSession`):
//! the client's pki files (`?pkipath=`), server certificate and host name checks
//! (`?no_verify=1` skips them), and libvirtd's one-byte confirmation after the handshake.

use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::WebPkiSupportedAlgorithms;
use rustls::{DigitallySignedStruct, RootCertStore};
use rustls_pki_types::{CertificateDer, ServerName, UnixTime};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use tokio::io::AsyncReadExt;
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;
use tokio_rustls::TlsConnector;

use crate::pki::{self, CertRole, ClientPki};

/// How the client sets up TLS (URI parameters `pkipath`, `no_verify`, `no_sanity`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsClientOptions {
    /// CA, client certificate and key files.
    pub pki: ClientPki,
    /// `!no_verify`: check the server's certificate and host name.
    pub verify: bool,
    /// `!no_sanity`: check our own certificates before connecting.
    pub sanity: bool,
}

impl TlsClientOptions {
    /// libvirt's defaults, with `pkipath` when the URI gives one.
    pub fn new(pkipath: Option<&std::path::Path>) -> Self {
        TlsClientOptions {
            pki: pkipath.map_or_else(ClientPki::default_for_user, ClientPki::in_dir),
            verify: true,
            sanity: true,
        }
    }
}

fn auth_failed(msg: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::AuthFailed, ErrorDomain::Rpc, msg.into())
}

fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn config(opts: &TlsClientOptions) -> VirResult<rustls::ClientConfig> {
    let sys = |m: String| VirError::raw(ErrorCode::SystemError, ErrorDomain::Rpc, m);
    let cas = pki::load_certs("CA certificate", &opts.pki.ca_file).map_err(sys)?;
    let chain = pki::load_certs("certificate", &opts.pki.cert_file).map_err(sys)?;
    let key = pki::load_key(&opts.pki.key_file).map_err(sys)?;
    if opts.sanity {
        let now = pki::now_secs();
        for ca in &cas {
            pki::sanity_check(ca, CertRole::Ca, &opts.pki.ca_file, now).map_err(sys)?;
        }
        if let Some(leaf) = chain.first() {
            pki::sanity_check(leaf, CertRole::Client, &opts.pki.cert_file, now).map_err(sys)?;
        }
    }
    let builder = rustls::ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| auth_failed(format!("Unable to set up TLS: {e}")))?;
    let builder = if opts.verify {
        let mut roots = RootCertStore::empty();
        for ca in cas {
            roots.add(ca).map_err(|e| {
                sys(format!(
                    "Unable to load CA certificate '{}': {e}",
                    opts.pki.ca_file.display()
                ))
            })?;
        }
        builder.with_root_certificates(roots)
    } else {
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(NoVerify(
                provider().signature_verification_algorithms,
            )))
    };
    builder.with_client_auth_cert(chain, key).map_err(|e| {
        sys(format!(
            "Unable to load certificate '{}' with key '{}': {e}",
            opts.pki.cert_file.display(),
            opts.pki.key_file.display()
        ))
    })
}

/// Runs the TLS handshake on `sock` and reads libvirtd's confirmation byte.
pub(crate) async fn handshake(
    sock: TcpStream,
    host: &str,
    opts: &TlsClientOptions,
) -> VirResult<TlsStream<TcpStream>> {
    let connector = TlsConnector::from(Arc::new(config(opts)?));
    let name = ServerName::try_from(host.to_owned())
        .map_err(|e| auth_failed(format!("invalid server name '{host}': {e}")))?;
    let mut tls = connector.connect(name, sock).await.map_err(|e| {
        let msg = match crate::server::rustls_error(&e) {
            Some(re @ rustls::Error::InvalidCertificate(_)) => {
                crate::server::certificate_error_message(re, "server")
            }
            _ => format!("TLS handshake failed {e}"),
        };
        auth_failed(msg)
    })?;
    let mut b = [0u8; 1];
    match tls.read(&mut b).await {
        Ok(1) if b[0] == 1 => Ok(tls),
        Ok(_) => Err(VirError::raw(
            ErrorCode::Rpc,
            ErrorDomain::Rpc,
            "server verification (of our certificate or IP address) failed",
        )),
        Err(e) => {
            let detail = match crate::server::rustls_error(&e) {
                Some(re) => format!("{re}"),
                None => e.to_string(),
            };
            Err(VirError::raw(
                ErrorCode::SystemError,
                ErrorDomain::Rpc,
                format!("Unable to read TLS confirmation: {detail}"),
            ))
        }
    }
}

/// `no_verify=1`: accept any server certificate (signatures are still checked).
#[derive(Debug)]
struct NoVerify(WebPkiSupportedAlgorithms);

impl ServerCertVerifier for NoVerify {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.supported_schemes()
    }
}
