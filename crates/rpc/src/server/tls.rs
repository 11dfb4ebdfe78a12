//! The TLS listener's x509 side (`virNetTLSContextNewServer`): server credentials, client
//! certificate verification against the CA (and CRL), `tls_allowed_dn_list`, and the
//! messages libvirt logs when a client certificate is refused.

use std::path::PathBuf;
use std::sync::Arc;

use rustls::client::danger::HandshakeSignatureValid;
use rustls::crypto::WebPkiSupportedAlgorithms;
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::server::WebPkiClientVerifier;
use rustls::{CertificateError, DigitallySignedStruct, DistinguishedName, RootCertStore};
use rustls_pki_types::{CertificateDer, UnixTime};
use tokio_rustls::TlsAcceptor;

use crate::pki::{self, CertRole};

/// x509 settings of a TLS listener (libvirtd.conf `key_file`, `cert_file`, `ca_file`,
/// `crl_file`, `tls_no_verify_certificate`, `tls_no_sanity_certificate`,
/// `tls_allowed_dn_list`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsServerConfig {
    pub ca_file: PathBuf,
    pub cert_file: PathBuf,
    pub key_file: PathBuf,
    /// Optional: skipped when the file does not exist.
    pub crl_file: PathBuf,
    /// `!tls_no_verify_certificate`: clients must present a certificate the CA signed.
    pub verify_client: bool,
    /// `!tls_no_sanity_certificate`: check our own certificates at start-up.
    pub sanity_check: bool,
    /// `tls_allowed_dn_list`; `None` allows every DN.
    pub allowed_dn: Option<Vec<String>>,
}

impl TlsServerConfig {
    /// libvirt's default pki paths under `root` (or `/`).
    pub fn defaults(root: Option<&std::path::Path>) -> Self {
        let r = |p: &str| match root {
            Some(r) => r.join(p.trim_start_matches('/')),
            None => PathBuf::from(p),
        };
        TlsServerConfig {
            ca_file: r(pki::DEFAULT_CA_FILE),
            cert_file: r(pki::DEFAULT_SERVER_CERT),
            key_file: r(pki::DEFAULT_SERVER_KEY),
            crl_file: r(pki::DEFAULT_CRL_FILE),
            verify_client: true,
            sanity_check: true,
            allowed_dn: None,
        }
    }
}

fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// Loads the credentials and builds the acceptor; the error says which file is wrong.
pub(crate) fn acceptor(cfg: &TlsServerConfig) -> Result<TlsAcceptor, String> {
    let cas = pki::load_certs("CA certificate", &cfg.ca_file)?;
    let chain = pki::load_certs("certificate", &cfg.cert_file)?;
    let key = pki::load_key(&cfg.key_file)?;
    let crls = pki::load_crls(&cfg.crl_file)?;
    if cfg.sanity_check {
        let now = pki::now_secs();
        for ca in &cas {
            pki::sanity_check(ca, CertRole::Ca, &cfg.ca_file, now)?;
        }
        if let Some(leaf) = chain.first() {
            pki::sanity_check(leaf, CertRole::Server, &cfg.cert_file, now)?;
        }
    }
    let mut roots = RootCertStore::empty();
    for ca in &cas {
        roots.add(ca.clone()).map_err(|e| {
            format!(
                "Unable to load CA certificate '{}': {e}",
                cfg.ca_file.display()
            )
        })?;
    }
    let roots = Arc::new(roots);
    let inner = WebPkiClientVerifier::builder_with_provider(Arc::clone(&roots), provider())
        .with_crls(crls)
        .allow_unknown_revocation_status()
        // no CA names in the CertificateRequest: a client whose certificate another CA
        // signed still presents it, and is refused with "not trusted" rather than
        // "no certificate"
        .clear_root_hint_subjects()
        .build()
        .map_err(|e| format!("Unable to set up client certificate verification: {e}"))?;
    let hints = inner.root_hint_subjects().to_vec();
    let verifier = LibvirtClientVerifier {
        inner: cfg.verify_client.then_some(inner),
        allowed_dn: cfg.allowed_dn.clone(),
        algs: provider().signature_verification_algorithms,
        hints,
    };
    let mut config = rustls::ServerConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("Unable to set up TLS: {e}"))?
        .with_client_cert_verifier(Arc::new(verifier))
        .with_single_cert(chain, key)
        .map_err(|e| {
            format!(
                "Unable to load certificate '{}' with key '{}': {e}",
                cfg.cert_file.display(),
                cfg.key_file.display()
            )
        })?;
    // libvirt's client reads exactly one application byte right after the handshake and
    // fails on anything else first (a TLS 1.3 session ticket reads as EAGAIN): send none.
    config.send_tls13_tickets = 0;
    Ok(TlsAcceptor::from(Arc::new(config)))
}

/// Checks client certificates as libvirtd does after the handshake: signed by the CA, in
/// its validity period, a purpose that allows TLS client use, DN on the allow-list.
#[derive(Debug)]
struct LibvirtClientVerifier {
    /// `None`: `tls_no_verify_certificate = 1`.
    inner: Option<Arc<dyn ClientCertVerifier>>,
    allowed_dn: Option<Vec<String>>,
    algs: WebPkiSupportedAlgorithms,
    hints: Vec<DistinguishedName>,
}

impl ClientCertVerifier for LibvirtClientVerifier {
    fn offer_client_auth(&self) -> bool {
        true
    }

    fn client_auth_mandatory(&self) -> bool {
        self.inner.is_some()
    }

    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        &self.hints
    }

    fn verify_client_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        now: UnixTime,
    ) -> Result<ClientCertVerified, rustls::Error> {
        let Some(inner) = &self.inner else {
            return Ok(ClientCertVerified::assertion());
        };
        inner.verify_client_cert(end_entity, intermediates, now)?;
        if let Some(list) = &self.allowed_dn {
            let dn = pki::subject_dname(end_entity).unwrap_or_default();
            if !pki::dn_allowed(list, &dn) {
                tracing::debug!(dname = %dn, "client DN not in tls_allowed_dn_list");
                return Err(rustls::Error::InvalidCertificate(
                    CertificateError::ApplicationVerificationFailure,
                ));
            }
        }
        Ok(ClientCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algs)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algs)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.algs.supported_schemes()
    }
}

/// libvirt's wording for a refused peer certificate (`peer` is "client" or "server").
pub fn certificate_error_message(e: &rustls::Error, peer: &str) -> String {
    use CertificateError as C;
    match e {
        rustls::Error::InvalidCertificate(c) => match c {
            C::Expired | C::ExpiredContext { .. } => {
                format!("The {peer} certificate has expired")
            }
            C::NotValidYet | C::NotValidYetContext { .. } => {
                format!("The {peer} certificate is not yet active")
            }
            C::UnknownIssuer | C::BadSignature => {
                format!("The {peer} certificate is not trusted (not signed by the CA in the CA certificate file)")
            }
            C::InvalidPurpose | C::InvalidPurposeContext { .. } => {
                format!("The {peer} certificate purpose does not allow use for TLS {peer}")
            }
            C::Revoked => format!("The {peer} certificate has been revoked"),
            C::NotValidForName | C::NotValidForNameContext { .. } => {
                format!("The {peer} certificate does not match the host name")
            }
            C::ApplicationVerificationFailure => "Client's Distinguished Name is not on the \
                list of allowed clients (tls_allowed_dn_list).  Use 'certtool -i --infile \
                clientcert.pem' to view the Distinguished Name field in the client \
                certificate, or run this daemon with --verbose option."
                .to_owned(),
            other => format!("The {peer} certificate failed validation: {other:?}"),
        },
        rustls::Error::NoCertificatesPresented => {
            format!("The {peer} did not send a certificate")
        }
        other => format!("TLS handshake failed: {other}"),
    }
}

/// Digs the rustls error out of an I/O error from tokio-rustls.
pub fn rustls_error(e: &std::io::Error) -> Option<&rustls::Error> {
    e.get_ref()?.downcast_ref::<rustls::Error>()
}
