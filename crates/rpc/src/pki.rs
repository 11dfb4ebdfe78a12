//! x509 files and checks as libvirt's `virNetTLSContext` uses them: PEM loading from the
//! pki paths, distinguished names for `tls_allowed_dn_list`, and the sanity checks libvirt
//! runs on its own certificates at start-up.

use std::path::{Path, PathBuf};

use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, CertificateRevocationListDer, PrivateKeyDer};
use x509_parser::prelude::{FromDer, X509Certificate};

/// libvirt's default CA certificate (`/etc/pki/CA/cacert.pem`).
pub const DEFAULT_CA_FILE: &str = "/etc/pki/CA/cacert.pem";
/// libvirt's default CRL (`/etc/pki/CA/cacrl.pem`, optional).
pub const DEFAULT_CRL_FILE: &str = "/etc/pki/CA/cacrl.pem";
/// libvirtd's default server certificate.
pub const DEFAULT_SERVER_CERT: &str = "/etc/pki/libvirt/servercert.pem";
/// libvirtd's default server key.
pub const DEFAULT_SERVER_KEY: &str = "/etc/pki/libvirt/private/serverkey.pem";
/// The client's default certificate (root).
pub const DEFAULT_CLIENT_CERT: &str = "/etc/pki/libvirt/clientcert.pem";
/// The client's default key (root).
pub const DEFAULT_CLIENT_KEY: &str = "/etc/pki/libvirt/private/clientkey.pem";

/// Why a pki file could not be used; the message names the file as libvirt does.
pub type PkiError = String;

fn read_err(what: &str, path: &Path, e: impl std::fmt::Display) -> PkiError {
    format!("Cannot read {what} '{}': {e}", path.display())
}

fn pem_error(e: rustls_pki_types::pem::Error) -> String {
    match e {
        rustls_pki_types::pem::Error::Io(io) => io.to_string(),
        other => format!("{other:?}"),
    }
}

/// Every certificate in a PEM file (`what` names it in errors: "CA certificate", …).
pub fn load_certs(what: &str, path: &Path) -> Result<Vec<CertificateDer<'static>>, PkiError> {
    let iter =
        CertificateDer::pem_file_iter(path).map_err(|e| read_err(what, path, pem_error(e)))?;
    let certs = iter
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| read_err(what, path, pem_error(e)))?;
    if certs.is_empty() {
        return Err(read_err(what, path, "no PEM certificate found"));
    }
    Ok(certs)
}

/// The private key in a PEM file (PKCS#8, PKCS#1 or SEC1).
pub fn load_key(path: &Path) -> Result<PrivateKeyDer<'static>, PkiError> {
    PrivateKeyDer::from_pem_file(path).map_err(|e| read_err("private key", path, pem_error(e)))
}

/// The CRLs in a PEM file; a missing file means none (libvirt skips an absent CRL).
pub fn load_crls(path: &Path) -> Result<Vec<CertificateRevocationListDer<'static>>, PkiError> {
    if !path.exists() {
        return Ok(Vec::new());
    }
    let iter = CertificateRevocationListDer::pem_file_iter(path)
        .map_err(|e| read_err("certificate revocation list", path, pem_error(e)))?;
    iter.collect::<Result<Vec<_>, _>>()
        .map_err(|e| read_err("certificate revocation list", path, pem_error(e)))
}

/// The subject DN of a certificate as gnutls prints it (RFC 4514: most specific first,
/// `CN=client,O=Example,C=GB`), or `None` when the certificate cannot be parsed.
pub fn subject_dname(der: &[u8]) -> Option<String> {
    let (_, cert) = X509Certificate::from_der(der).ok()?;
    let mut parts = Vec::new();
    for rdn in cert.subject().iter_rdn() {
        let mut attrs = Vec::new();
        for a in rdn.iter() {
            let key = x509_parser::objects::oid2abbrev(
                a.attr_type(),
                x509_parser::objects::oid_registry(),
            )
            .map(str::to_owned)
            .unwrap_or_else(|_| a.attr_type().to_id_string());
            let val = a.as_str().map(str::to_owned).unwrap_or_default();
            attrs.push(format!("{key}={}", escape_dn_value(&val)));
        }
        parts.push(attrs.join("+"));
    }
    parts.reverse();
    Some(parts.join(","))
}

fn escape_dn_value(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for (i, c) in v.chars().enumerate() {
        let special = matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';')
            || (i == 0 && (c == '#' || c == ' '));
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The same DN in the legacy order (least specific first, `C=GB,O=Example,CN=client`),
/// which older gnutls printed and libvirt's sample configuration still uses.
pub fn legacy_order(dn: &str) -> String {
    let mut parts = split_dn(dn);
    parts.reverse();
    parts.join(",")
}

fn split_dn(dn: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut esc = false;
    for c in dn.chars() {
        if esc {
            cur.push(c);
            esc = false;
        } else if c == '\\' {
            cur.push(c);
            esc = true;
        } else if c == ',' {
            parts.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    parts.push(cur);
    parts
}

/// libvirt's wildcard match (`g_pattern_match_simple`): `*` any run, `?` one character.
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

/// Whether `dn` (RFC 4514 order) matches one of the `tls_allowed_dn_list` patterns, in
/// either DN order.
pub fn dn_allowed(patterns: &[String], dn: &str) -> bool {
    let legacy = legacy_order(dn);
    patterns
        .iter()
        .any(|p| wildcard_match(p, dn) || wildcard_match(p, &legacy))
}

/// Which end a certificate is for, in libvirt's sanity-check messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CertRole {
    Ca,
    Server,
    Client,
}

impl CertRole {
    fn name(self) -> &'static str {
        match self {
            CertRole::Ca => "CA",
            CertRole::Server => "server",
            CertRole::Client => "client",
        }
    }
}

/// libvirt's `virNetTLSContextCheckCertTimes`/`…CertBasicConstraints`/`…CertKeyPurpose`
/// on our own certificate: not expired, already active, a CA (or not), and a purpose that
/// allows its use (`TLS WWW Server`/`Client` when the extension is present).
pub fn sanity_check(der: &[u8], role: CertRole, path: &Path, now: i64) -> Result<(), PkiError> {
    let show = path.display();
    let (_, cert) = X509Certificate::from_der(der)
        .map_err(|e| format!("Unable to parse certificate '{show}': {e}"))?;
    let who = role.name();
    if cert.validity().not_after.timestamp() < now {
        return Err(format!("The {who} certificate {show} has expired"));
    }
    if cert.validity().not_before.timestamp() > now {
        return Err(format!("The {who} certificate {show} is not yet active"));
    }
    let is_ca = matches!(cert.basic_constraints(), Ok(Some(bc)) if bc.value.ca);
    match role {
        CertRole::Ca if !is_ca => {
            return Err(format!(
                "The certificate {show} basic constraints do not show a CA"
            ))
        }
        CertRole::Server | CertRole::Client if is_ca => {
            return Err(format!(
                "The certificate {show} basic constraints show a CA, but we need one for a {who}"
            ))
        }
        _ => {}
    }
    if role != CertRole::Ca {
        if let Ok(Some(eku)) = cert.extended_key_usage() {
            let ok = eku.value.any
                || (role == CertRole::Server && eku.value.server_auth)
                || (role == CertRole::Client && eku.value.client_auth);
            if !ok {
                return Err(format!(
                    "Certificate {show} purpose does not allow use with for TLS {who}"
                ));
            }
        }
    }
    Ok(())
}

/// Seconds since the epoch (for [`sanity_check`]).
pub fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// Where a client looks for its pki files (`virNetTLSConfigCustomClient` /
/// `…PerUser` / `…System`): `pkipath` if given, else `$HOME/.pki/libvirt` when not root and
/// that directory has a `clientcert.pem`, else the system paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientPki {
    pub ca_file: PathBuf,
    pub cert_file: PathBuf,
    pub key_file: PathBuf,
}

impl ClientPki {
    /// The files in `dir` (`cacert.pem`, `clientcert.pem`, `clientkey.pem`).
    pub fn in_dir(dir: &Path) -> Self {
        ClientPki {
            ca_file: dir.join("cacert.pem"),
            cert_file: dir.join("clientcert.pem"),
            key_file: dir.join("clientkey.pem"),
        }
    }

    /// The system-wide client files.
    pub fn system() -> Self {
        ClientPki {
            ca_file: PathBuf::from(DEFAULT_CA_FILE),
            cert_file: PathBuf::from(DEFAULT_CLIENT_CERT),
            key_file: PathBuf::from(DEFAULT_CLIENT_KEY),
        }
    }

    /// libvirt's choice for a client without `pkipath`.
    pub fn default_for_user() -> Self {
        let root = rustix_free_is_root();
        if !root {
            if let Some(home) = std::env::var_os("HOME") {
                let dir = PathBuf::from(home).join(".pki/libvirt");
                if dir.join("clientcert.pem").exists() {
                    return ClientPki::in_dir(&dir);
                }
            }
        }
        ClientPki::system()
    }
}

fn rustix_free_is_root() -> bool {
    std::fs::metadata("/proc/self")
        .map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0)
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards() {
        assert!(wildcard_match("C=GB,O=Acme,CN=*", "C=GB,O=Acme,CN=alice"));
        assert!(wildcard_match("*CN=a?ice", "C=GB,CN=alice"));
        assert!(!wildcard_match("C=GB,O=Acme,CN=*", "C=US,O=Acme,CN=alice"));
        assert!(wildcard_match("*", ""));
        assert!(!wildcard_match("a*b", "acbx"));
        assert!(wildcard_match("a*b*c", "aXbYbZc"));
    }

    #[test]
    fn dn_in_either_order() {
        let dn = "CN=alice,O=Acme\\, Inc,C=GB";
        assert_eq!(legacy_order(dn), "C=GB,O=Acme\\, Inc,CN=alice");
        assert!(dn_allowed(&["C=GB,O=Acme\\, Inc,CN=*".into()], dn));
        assert!(dn_allowed(&["CN=alice,*".into()], dn));
        assert!(!dn_allowed(&["CN=bob,*".into()], dn));
        assert!(!dn_allowed(&[], dn));
    }
}
