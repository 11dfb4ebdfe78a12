//! Credentials for SASL (`virConnectAuth`): a caller's callback and libvirt's `auth.conf`
//! (`LIBVIRT_AUTH_FILE`, `?authfile=`, `$XDG_CONFIG_HOME/libvirt/auth.conf`,
//! `/etc/libvirt/auth.conf`; `[auth-libvirt-HOST]` / `[auth-libvirt-default]` name a
//! `[credentials-NAME]` group with `username=` and `password=`).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use rvirt_core::error::VirResult;

/// `virConnectCredentialType` values rvirt asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CredentialType {
    /// `VIR_CRED_AUTHNAME` (5): the SASL user name.
    AuthName,
    /// `VIR_CRED_PASSPHRASE` (6).
    Passphrase,
}

/// One `virConnectCredential`: what is asked, and the callback's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credential {
    pub kind: CredentialType,
    pub prompt: String,
    pub result: Option<String>,
}

type AuthFn = dyn Fn(&mut [Credential]) -> VirResult<()> + Send + Sync;

/// `virConnectAuth`'s callback: fills in `result` of the credentials it can answer.
#[derive(Clone)]
pub struct AuthCallback(pub Arc<AuthFn>);

impl AuthCallback {
    /// Wraps a closure.
    pub fn new(f: impl Fn(&mut [Credential]) -> VirResult<()> + Send + Sync + 'static) -> Self {
        AuthCallback(Arc::new(f))
    }
}

impl std::fmt::Debug for AuthCallback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuthCallback")
    }
}

/// A parsed `auth.conf` (GKeyFile syntax: `[group]`, `key=value`, `#` comments).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct AuthConfig {
    groups: HashMap<String, HashMap<String, String>>,
}

impl AuthConfig {
    /// Parses the file's text.
    pub fn parse(text: &str) -> Self {
        let mut groups: HashMap<String, HashMap<String, String>> = HashMap::new();
        let mut current: Option<String> = None;
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(g) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                current = Some(g.to_string());
                groups.entry(g.to_string()).or_default();
            } else if let (Some(g), Some((k, v))) = (&current, line.split_once('=')) {
                groups
                    .entry(g.clone())
                    .or_default()
                    .insert(k.trim().to_string(), v.trim().to_string());
            }
        }
        AuthConfig { groups }
    }

    /// `virAuthConfigLookup(service, hostname, credname)`.
    pub fn lookup(&self, service: &str, host: &str, credname: &str) -> Option<&str> {
        let auth = self
            .groups
            .get(&format!("auth-{service}-{host}"))
            .or_else(|| self.groups.get(&format!("auth-{service}-default")))?;
        let creds = self
            .groups
            .get(&format!("credentials-{}", auth.get("credentials")?))?;
        creds.get(credname).map(String::as_str)
    }

    /// Loads the file libvirt would use (`authfile` from the URI first); None if none exists.
    pub fn load(uri_authfile: Option<&str>) -> Option<AuthConfig> {
        let path = auth_file_path(uri_authfile)?;
        std::fs::read_to_string(path).ok().map(|t| Self::parse(&t))
    }
}

/// `virAuthGetConfigFilePath`.
fn auth_file_path(uri_authfile: Option<&str>) -> Option<PathBuf> {
    if let Some(p) = uri_authfile {
        return Some(PathBuf::from(p));
    }
    if let Some(p) = std::env::var_os("LIBVIRT_AUTH_FILE") {
        return Some(PathBuf::from(p));
    }
    let user_dir = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")));
    if let Some(p) = user_dir.map(|d| d.join("libvirt/auth.conf")) {
        if p.exists() {
            return Some(p);
        }
    }
    let p = PathBuf::from("/etc/libvirt/auth.conf");
    p.exists().then_some(p)
}

/// Collects the SASL user name and password: `auth.conf` first, then the callback.
pub(crate) fn collect(
    host: &str,
    uri_authfile: Option<&str>,
    callback: Option<&AuthCallback>,
) -> VirResult<(Option<String>, Option<String>)> {
    let conf = AuthConfig::load(uri_authfile);
    let from_conf = |k: &str| {
        conf.as_ref()
            .and_then(|c| c.lookup("libvirt", host, k))
            .map(str::to_owned)
    };
    let mut user = from_conf("username");
    let mut pass = from_conf("password");
    if let Some(cb) = callback {
        let mut ask = Vec::new();
        if user.is_none() {
            ask.push(Credential {
                kind: CredentialType::AuthName,
                prompt: "Please enter your authentication name".into(),
                result: None,
            });
        }
        if pass.is_none() {
            ask.push(Credential {
                kind: CredentialType::Passphrase,
                prompt: "Please enter your password".into(),
                result: None,
            });
        }
        if !ask.is_empty() {
            (cb.0)(&mut ask)?;
            for c in ask {
                match c.kind {
                    CredentialType::AuthName => user = user.or(c.result),
                    CredentialType::Passphrase => pass = pass.or(c.result),
                }
            }
        }
    }
    Ok((user, pass))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_by_host_then_default() {
        let c = AuthConfig::parse(
            "# c\n[credentials-a]\nusername=fred\npassword=pw\n\n[credentials-b]\nusername=bob\n\
             [auth-libvirt-host1]\ncredentials=a\n[auth-libvirt-default]\ncredentials=b\n",
        );
        assert_eq!(c.lookup("libvirt", "host1", "username"), Some("fred"));
        assert_eq!(c.lookup("libvirt", "host1", "password"), Some("pw"));
        assert_eq!(c.lookup("libvirt", "other", "username"), Some("bob"));
        assert_eq!(c.lookup("libvirt", "other", "password"), None);
        assert_eq!(c.lookup("esx", "host1", "username"), None);
    }
}
