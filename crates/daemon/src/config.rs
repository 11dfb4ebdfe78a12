//! `libvirtd.conf`: the keys rvirtd honours, with libvirtd 9.0's defaults.

use rvirt_util::{ConfFile, ConfValue};

/// Daemon settings from `libvirtd.conf`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DaemonConfig {
    pub listen_tls: bool,
    pub listen_tcp: bool,
    pub tcp_port: String,
    pub tls_port: String,
    pub listen_addr: Option<String>,
    pub unix_sock_group: Option<String>,
    pub unix_sock_ro_perms: u32,
    pub unix_sock_rw_perms: u32,
    pub unix_sock_dir: Option<String>,
    pub auth_unix_ro: String,
    pub auth_unix_rw: String,
    pub auth_tcp: String,
    pub auth_tls: String,
    pub key_file: Option<String>,
    pub cert_file: Option<String>,
    pub ca_file: Option<String>,
    pub crl_file: Option<String>,
    pub tls_no_verify_certificate: bool,
    pub tls_no_sanity_certificate: bool,
    pub tls_allowed_dn_list: Option<Vec<String>>,
    /// `sasl_allowed_username_list`: glob patterns of SASL user names allowed in.
    pub sasl_allowed_username_list: Option<Vec<String>>,
    pub max_clients: i64,
    pub max_anonymous_clients: i64,
    pub max_queued_clients: i64,
    pub max_workers: i64,
    pub min_workers: i64,
    pub prio_workers: i64,
    pub max_requests: i64,
    pub max_client_requests: i64,
    pub keepalive_interval: i64,
    pub keepalive_count: i64,
    pub log_level: i64,
    pub log_filters: Option<String>,
    pub log_outputs: Option<String>,
}

impl Default for DaemonConfig {
    fn default() -> Self {
        DaemonConfig {
            listen_tls: true,
            listen_tcp: false,
            tcp_port: "16509".into(),
            tls_port: "16514".into(),
            listen_addr: None,
            unix_sock_group: None,
            unix_sock_ro_perms: 0o777,
            unix_sock_rw_perms: 0o700,
            unix_sock_dir: None,
            auth_unix_ro: "none".into(),
            auth_unix_rw: "none".into(),
            auth_tcp: "sasl".into(),
            auth_tls: "none".into(),
            key_file: None,
            cert_file: None,
            ca_file: None,
            crl_file: None,
            tls_no_verify_certificate: false,
            tls_no_sanity_certificate: false,
            tls_allowed_dn_list: None,
            sasl_allowed_username_list: None,
            max_clients: 5000,
            max_anonymous_clients: 20,
            max_queued_clients: 1000,
            max_workers: 20,
            min_workers: 5,
            prio_workers: 5,
            max_requests: 20,
            max_client_requests: 5,
            keepalive_interval: 5,
            keepalive_count: 5,
            log_level: 3,
            log_filters: None,
            log_outputs: None,
        }
    }
}

/// Keys libvirtd knows that rvirtd accepts but does not act on (no warning).
const IGNORED: &[&str] = &[
    "mdns_adv",
    "mdns_name",
    "unix_sock_admin_perms",
    "tcp_min_ssf",
    "access_drivers",
    "keepalive_required",
    "audit_level",
    "audit_logging",
    "host_uuid",
    "host_uuid_source",
    "ovs_timeout",
    "log_buffer_size",
];

/// Why a config could not be used.
#[derive(Debug)]
pub enum ConfigError {
    Syntax(String),
    Value(String),
}

impl std::error::Error for ConfigError {}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::Syntax(s) | ConfigError::Value(s) => f.write_str(s),
        }
    }
}

fn want_int(key: &str, v: &ConfValue) -> Result<i64, ConfigError> {
    v.as_int()
        .ok_or_else(|| ConfigError::Value(format!("{key}: expected an integer value")))
}

fn want_str(key: &str, v: &ConfValue) -> Result<String, ConfigError> {
    v.as_str()
        .map(str::to_owned)
        .ok_or_else(|| ConfigError::Value(format!("{key}: expected a string value")))
}

fn perms(key: &str, v: &ConfValue) -> Result<u32, ConfigError> {
    let s = want_str(key, v)?;
    u32::from_str_radix(s.trim_start_matches("0o"), 8)
        .ok()
        .filter(|m| *m <= 0o7777)
        .ok_or_else(|| ConfigError::Value(format!("{key}: invalid permissions '{s}'")))
}

impl DaemonConfig {
    /// Parses `libvirtd.conf` text; returns the settings and warnings for unknown keys.
    pub fn parse(text: &str, file: &str) -> Result<(Self, Vec<String>), ConfigError> {
        let conf = ConfFile::parse(text).map_err(|e| {
            ConfigError::Syntax(format!(
                "configuration file syntax error: {file}:{}: {}",
                e.line, e.message
            ))
        })?;
        let mut c = DaemonConfig::default();
        let mut warnings = Vec::new();
        for (key, v) in conf.entries() {
            match key.as_str() {
                "listen_tls" => c.listen_tls = want_int(key, v)? != 0,
                "listen_tcp" => c.listen_tcp = want_int(key, v)? != 0,
                "tcp_port" => c.tcp_port = want_str(key, v)?,
                "tls_port" => c.tls_port = want_str(key, v)?,
                "listen_addr" => c.listen_addr = Some(want_str(key, v)?),
                "unix_sock_group" => c.unix_sock_group = Some(want_str(key, v)?),
                "unix_sock_ro_perms" => c.unix_sock_ro_perms = perms(key, v)?,
                "unix_sock_rw_perms" => c.unix_sock_rw_perms = perms(key, v)?,
                "unix_sock_dir" => c.unix_sock_dir = Some(want_str(key, v)?),
                "auth_unix_ro" => c.auth_unix_ro = want_str(key, v)?,
                "auth_unix_rw" => c.auth_unix_rw = want_str(key, v)?,
                "auth_tcp" => c.auth_tcp = want_str(key, v)?,
                "auth_tls" => c.auth_tls = want_str(key, v)?,
                "key_file" => c.key_file = Some(want_str(key, v)?),
                "cert_file" => c.cert_file = Some(want_str(key, v)?),
                "ca_file" => c.ca_file = Some(want_str(key, v)?),
                "crl_file" => c.crl_file = Some(want_str(key, v)?),
                "tls_no_verify_certificate" => {
                    c.tls_no_verify_certificate = want_int(key, v)? != 0;
                }
                "tls_no_sanity_certificate" => {
                    c.tls_no_sanity_certificate = want_int(key, v)? != 0;
                }
                "tls_allowed_dn_list" => {
                    c.tls_allowed_dn_list = Some(v.as_str_list().ok_or_else(|| {
                        ConfigError::Value(format!("{key}: expected a list of strings"))
                    })?);
                }
                "sasl_allowed_username_list" => {
                    c.sasl_allowed_username_list = Some(v.as_str_list().ok_or_else(|| {
                        ConfigError::Value(format!("{key}: expected a list of strings"))
                    })?);
                }
                "tls_priority" => warnings.push(format!(
                    "{file}: tls_priority is not supported (rustls uses its own cipher suite list); ignored"
                )),
                "max_anonymous_clients" => c.max_anonymous_clients = want_int(key, v)?,
                "max_queued_clients" => c.max_queued_clients = want_int(key, v)?,
                "max_clients" => c.max_clients = want_int(key, v)?,
                "max_workers" => c.max_workers = want_int(key, v)?,
                "min_workers" => c.min_workers = want_int(key, v)?,
                "prio_workers" => c.prio_workers = want_int(key, v)?,
                "max_requests" => c.max_requests = want_int(key, v)?,
                "max_client_requests" => c.max_client_requests = want_int(key, v)?,
                "keepalive_interval" => c.keepalive_interval = want_int(key, v)?,
                "keepalive_count" => c.keepalive_count = want_int(key, v)?,
                "log_level" => c.log_level = want_int(key, v)?,
                "log_filters" => c.log_filters = Some(want_str(key, v)?),
                "log_outputs" => c.log_outputs = Some(want_str(key, v)?),
                k if k.starts_with("admin_") => {
                    tracing::debug!(key = k, "admin setting ignored (no admin socket)");
                }
                k if IGNORED.contains(&k) => {
                    tracing::debug!(key = k, "setting accepted but not used by rvirtd");
                }
                k => warnings.push(format!("{file}: unknown configuration key '{k}' ignored")),
            }
        }
        for (k, n) in [
            ("max_workers", c.max_workers),
            ("max_client_requests", c.max_client_requests),
            ("max_clients", c.max_clients),
            ("max_anonymous_clients", c.max_anonymous_clients),
        ] {
            if n < 1 {
                return Err(ConfigError::Value(format!("{k} must be at least 1")));
            }
        }
        Ok((c, warnings))
    }

    /// The engine limits these settings describe.
    pub fn server_config(&self) -> rvirt_rpc::server::ServerConfig {
        let n = |v: i64| usize::try_from(v).unwrap_or(0);
        rvirt_rpc::server::ServerConfig {
            max_clients: n(self.max_clients),
            max_anonymous_clients: n(self.max_anonymous_clients),
            max_queued_clients: u32::try_from(self.max_queued_clients).unwrap_or(1000),
            max_workers: n(self.max_workers),
            prio_workers: n(self.prio_workers),
            max_client_requests: n(self.max_client_requests),
            keepalive_interval: self.keepalive_interval,
            keepalive_count: u32::try_from(self.keepalive_count).unwrap_or(5),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_known_keys_and_warns_on_unknown() {
        let text = "listen_tcp = 1\ntcp_port = \"16600\"\nunix_sock_rw_perms = \"0770\"\n\
                    max_client_requests = 10\nadmin_max_workers = 3\nbogus_key = 1\n";
        let (c, w) = DaemonConfig::parse(text, "x.conf").unwrap();
        assert!(c.listen_tcp);
        assert_eq!(c.tcp_port, "16600");
        assert_eq!(c.unix_sock_rw_perms, 0o770);
        assert_eq!(c.max_client_requests, 10);
        assert_eq!(
            w,
            vec!["x.conf: unknown configuration key 'bogus_key' ignored".to_owned()]
        );
    }

    #[test]
    fn tls_keys() {
        let text = "key_file = \"/k.pem\"\ncert_file = \"/c.pem\"\nca_file = \"/ca.pem\"\n\
                    crl_file = \"/crl.pem\"\ntls_no_verify_certificate = 1\n\
                    tls_no_sanity_certificate = 1\n\
                    tls_allowed_dn_list = [\"C=GB,CN=*\", \"CN=bob\"]\n\
                    tls_priority = \"NORMAL\"\nauth_tls = \"none\"\nmax_anonymous_clients = 3\n\
                    sasl_allowed_username_list = [\"admin\", \"ops-*\"]\n";
        let (c, w) = DaemonConfig::parse(text, "x.conf").unwrap();
        assert_eq!(c.key_file.as_deref(), Some("/k.pem"));
        assert_eq!(c.cert_file.as_deref(), Some("/c.pem"));
        assert_eq!(c.ca_file.as_deref(), Some("/ca.pem"));
        assert_eq!(c.crl_file.as_deref(), Some("/crl.pem"));
        assert!(c.tls_no_verify_certificate && c.tls_no_sanity_certificate);
        assert_eq!(
            c.tls_allowed_dn_list,
            Some(vec!["C=GB,CN=*".to_owned(), "CN=bob".to_owned()])
        );
        assert_eq!(c.server_config().max_anonymous_clients, 3);
        assert_eq!(
            c.sasl_allowed_username_list,
            Some(vec!["admin".to_owned(), "ops-*".to_owned()])
        );
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("tls_priority is not supported"), "{w:?}");
    }

    #[test]
    fn syntax_errors_name_the_line() {
        let e = DaemonConfig::parse("a = 1\nlisten_tcp = \n", "/etc/libvirt/libvirtd.conf")
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "configuration file syntax error: /etc/libvirt/libvirtd.conf:2: expecting a value"
        );
        assert!(DaemonConfig::parse("listen_tcp = \"yes\"\n", "f").is_err());
        assert!(DaemonConfig::parse("unix_sock_rw_perms = \"99\"\n", "f").is_err());
    }
}
