//! libvirt connection URIs: `driver[+transport]://[user@][host][:port]/path[?query]`.

use crate::error::{ErrorCode, ErrorDomain, VirError, VirResult};

/// A parsed connection URI (`virURIParse`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectUri {
    /// The driver part of the scheme: `qemu`, `test`, `remote`, …
    pub driver: String,
    /// The transport after `+`, lower-cased (`unix`, `tcp`, `tls`, `ssh`, …).
    pub transport: Option<String>,
    pub user: Option<String>,
    pub host: Option<String>,
    pub port: Option<u16>,
    /// Path, including the leading `/` (may be empty).
    pub path: String,
    /// Query parameters in order, percent-decoded.
    pub params: Vec<(String, String)>,
    pub fragment: Option<String>,
}

/// Query parameters consumed by the remote client and never sent to the server.
pub const CLIENT_ONLY_PARAMS: &[&str] = &[
    "name",
    "command",
    "socket",
    "auth",
    "sshauth",
    "netcat",
    "keyfile",
    "pkipath",
    "known_hosts",
    "known_hosts_verify",
    "tls_priority",
    "mode",
    "proxy",
    "no_sanity",
    "no_verify",
    "no_tty",
    "authfile",
];

fn bad(uri: &str) -> VirError {
    VirError::new(
        ErrorCode::InvalidArg,
        ErrorDomain::Uri,
        format!("Unable to parse URI {uri}"),
    )
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Some(v) = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl ConnectUri {
    /// Parses a libvirt URI.
    pub fn parse(uri: &str) -> VirResult<Self> {
        let (scheme, rest) = uri.split_once("://").ok_or_else(|| bad(uri))?;
        if scheme.is_empty()
            || !scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        {
            return Err(bad(uri));
        }
        let (driver, transport) = match scheme.split_once('+') {
            Some((d, t)) => (d.to_string(), Some(t.to_ascii_lowercase())),
            None => (scheme.to_string(), None),
        };
        let (rest, fragment) = match rest.split_once('#') {
            Some((r, f)) => (r, Some(f.to_string())),
            None => (rest, None),
        };
        let (rest, query) = match rest.split_once('?') {
            Some((r, q)) => (r, Some(q)),
            None => (rest, None),
        };
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], rest[i..].to_string()),
            None => (rest, String::new()),
        };
        let (user, hostport) = match authority.rsplit_once('@') {
            Some((u, h)) => (Some(percent_decode(u)), h),
            None => (None, authority),
        };
        let (host, port) = if let Some(stripped) = hostport.strip_prefix('[') {
            let (h, after) = stripped.split_once(']').ok_or_else(|| bad(uri))?;
            let port = match after.strip_prefix(':') {
                Some(p) if !p.is_empty() => Some(p.parse::<u16>().map_err(|_| bad(uri))?),
                _ => None,
            };
            (Some(h.to_string()), port)
        } else {
            match hostport.rsplit_once(':') {
                Some((h, p)) => {
                    let port = if p.is_empty() {
                        None
                    } else {
                        Some(p.parse::<u16>().map_err(|_| bad(uri))?)
                    };
                    (Some(h.to_string()), port)
                }
                None => (Some(hostport.to_string()), None),
            }
        };
        let host = host.filter(|h| !h.is_empty());
        let mut params = Vec::new();
        if let Some(q) = query {
            for pair in q.split(['&', ';']).filter(|p| !p.is_empty()) {
                let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                params.push((percent_decode(k), percent_decode(v)));
            }
        }
        Ok(ConnectUri {
            driver,
            transport,
            user,
            host,
            port,
            path,
            params,
            fragment,
        })
    }

    /// The value of a query parameter.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The name the remote client sends in CONNECT_OPEN: driver + path + non-client query
    /// parameters + fragment (host, port, user and transport dropped), unless `?name=` overrides.
    pub fn remote_name(&self) -> String {
        if let Some(n) = self.param("name") {
            return n.to_string();
        }
        if self.driver == "remote" {
            return String::new();
        }
        let mut s = format!("{}://{}", self.driver, self.path);
        let kept: Vec<String> = self
            .params
            .iter()
            .filter(|(k, _)| !CLIENT_ONLY_PARAMS.contains(&k.as_str()))
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        if !kept.is_empty() {
            s.push('?');
            s.push_str(&kept.join("&"));
        }
        if let Some(f) = &self.fragment {
            s.push('#');
            s.push_str(f);
        }
        s
    }

    /// Whether this URI is served in-process by a local driver (no `+transport`, no host).
    pub fn is_local(&self) -> bool {
        self.transport.is_none() && self.host.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_socket_uri() {
        let u = ConnectUri::parse("test+unix:///default?socket=/tmp/x.sock").unwrap();
        assert_eq!(u.driver, "test");
        assert_eq!(u.transport.as_deref(), Some("unix"));
        assert_eq!(u.host, None);
        assert_eq!(u.path, "/default");
        assert_eq!(u.param("socket"), Some("/tmp/x.sock"));
        assert_eq!(u.remote_name(), "test:///default");
    }

    #[test]
    fn parses_tcp_uri() {
        let u = ConnectUri::parse("qemu+tcp://root@127.0.0.1:1234/system").unwrap();
        assert_eq!(u.host.as_deref(), Some("127.0.0.1"));
        assert_eq!(u.port, Some(1234));
        assert_eq!(u.user.as_deref(), Some("root"));
        assert_eq!(u.remote_name(), "qemu:///system");
    }

    #[test]
    fn rejects_garbage() {
        assert!(ConnectUri::parse("nonsense").is_err());
        assert!(ConnectUri::parse("qemu://h:notaport/x").is_err());
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "a://%",
            "a://%4",
            "a://[::1",
            "a://h?%%%=&&",
            "a://@:/?#",
            "+://x",
        ] {
            let _ = ConnectUri::parse(s);
        }
    }
}
