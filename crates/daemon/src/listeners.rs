//! The daemon's sockets (`daemonSetupNetworking`): the unix sockets with their modes and
//! `unix_sock_group`, and with `--listen` the TCP (`listen_tcp`, 16509) and TLS
//! (`listen_tls`, 16514) listeners with libvirt's pki paths.

use std::path::{Path, PathBuf};

use anyhow::Context;
use rvirt_rpc::server::{Server, TlsServerConfig};

use crate::cli::Cli;
use crate::config::DaemonConfig;
use crate::paths::Paths;

/// Binds every socket the configuration asks for; returns the read-write unix socket path.
pub async fn setup(
    server: &Server,
    cli: &Cli,
    config: &DaemonConfig,
    paths: &Paths,
) -> anyhow::Result<PathBuf> {
    // refuse unsupported auth before binding anything
    // unix sockets: "polkit" keeps meaning "none" (rvirtd has no polkit), as before
    for (key, v) in [
        ("auth_unix_rw", &config.auth_unix_rw),
        ("auth_unix_ro", &config.auth_unix_ro),
    ] {
        if v != "polkit" {
            check_auth(key, v)?;
        }
    }
    if cli.listen && config.listen_tcp {
        check_auth("auth_tcp", &config.auth_tcp)?;
    }
    if cli.listen && config.listen_tls {
        check_auth("auth_tls", &config.auth_tls)?;
    }
    let sock_dir: PathBuf = match &config.unix_sock_dir {
        Some(d) => paths.resolve(d),
        None => paths.run_dir.clone(),
    };
    std::fs::create_dir_all(&sock_dir)
        .with_context(|| format!("cannot create {}", sock_dir.display()))?;
    let rw = sock_dir.join("libvirt-sock");
    let ro = sock_dir.join("libvirt-sock-ro");
    let gid = match &config.unix_sock_group {
        Some(g) => Some(group_id(g)?),
        None => None,
    };
    // the read-only socket first: whoever waits for the main socket (clients, tests,
    // service managers) then finds both
    for (path, mode, read_only) in [
        (&ro, config.unix_sock_ro_perms, true),
        (&rw, config.unix_sock_rw_perms, false),
    ] {
        server
            .listen_unix(path, mode, read_only)
            .with_context(|| format!("cannot listen on {}", path.display()))?;
        if let Some(gid) = gid {
            set_group(path, gid)?;
        }
    }
    if !cli.listen {
        return Ok(rw);
    }
    let host = config
        .listen_addr
        .clone()
        .unwrap_or_else(|| "0.0.0.0".into());
    if config.listen_tcp {
        let addr = server
            .listen_tcp(&join_host_port(&host, &config.tcp_port))
            .await
            .with_context(|| format!("Unable to bind to port {}", config.tcp_port))?;
        tracing::info!(%addr, "listening on TCP");
    }
    if config.listen_tls {
        let tls = tls_config(config, paths);
        let addr = server
            .listen_tls(&join_host_port(&host, &config.tls_port), &tls)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        tracing::info!(%addr, "listening on TLS");
    }
    Ok(rw)
}

/// Accepts "none" and "sasl". Plain TCP needs a SASL mechanism with a security layer
/// (SSF >= 56, libvirt's rule); rvirtd's SCRAM-SHA-256 and PLAIN have none, so
/// `auth_tcp = "sasl"` is refused instead of offering an empty mechanism list.
fn check_auth(key: &str, value: &str) -> anyhow::Result<()> {
    match value {
        "none" => Ok(()),
        "sasl" if key == "auth_tcp" => anyhow::bail!(
            "auth_tcp = \"sasl\": plain TCP needs a SASL mechanism with SSF >= 56 (GSSAPI), which rvirtd does not provide; use TLS (auth_tls = \"sasl\") or set auth_tcp = \"none\""
        ),
        "sasl" => Ok(()),
        other => anyhow::bail!("{key}: unsupported authentication type '{other}'"),
    }
}

fn join_host_port(host: &str, port: &str) -> String {
    if host.contains(':') && !host.starts_with('[') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    }
}

/// The TLS listener's pki files: the configured ones (seen from `--root`) or libvirt's
/// defaults under the root.
pub fn tls_config(config: &DaemonConfig, paths: &Paths) -> TlsServerConfig {
    let mut t = TlsServerConfig::defaults(paths.root.as_deref());
    let pick = |v: &Option<String>, d: &mut PathBuf| {
        if let Some(p) = v {
            *d = paths.resolve(p);
        }
    };
    pick(&config.ca_file, &mut t.ca_file);
    pick(&config.cert_file, &mut t.cert_file);
    pick(&config.key_file, &mut t.key_file);
    pick(&config.crl_file, &mut t.crl_file);
    t.verify_client = !config.tls_no_verify_certificate;
    t.sanity_check = !config.tls_no_sanity_certificate;
    t.allowed_dn = config.tls_allowed_dn_list.clone();
    t
}

/// `virGetGroupID`: a group name, or a number (optionally with a leading `+`).
pub fn group_id(name: &str) -> anyhow::Result<u32> {
    if let Ok(n) = name.trim_start_matches('+').parse::<u32>() {
        return Ok(n);
    }
    let cname = std::ffi::CString::new(name)
        .map_err(|_| anyhow::anyhow!("Failed to parse group '{name}'"))?;
    let mut grp: libc::group = unsafe_zeroed_group();
    let mut buf = vec![0u8; 16384];
    let mut result: *mut libc::group = std::ptr::null_mut();
    // SAFETY: every pointer refers to live, correctly sized storage owned by this frame;
    // getgrnam_r writes only within `grp` and `buf`.
    let rc = unsafe {
        libc::getgrnam_r(
            cname.as_ptr(),
            &mut grp,
            buf.as_mut_ptr().cast(),
            buf.len(),
            &mut result,
        )
    };
    if rc != 0 || result.is_null() {
        anyhow::bail!("Failed to find group record for name '{name}'");
    }
    Ok(grp.gr_gid)
}

fn unsafe_zeroed_group() -> libc::group {
    libc::group {
        gr_name: std::ptr::null_mut(),
        gr_passwd: std::ptr::null_mut(),
        gr_gid: 0,
        gr_mem: std::ptr::null_mut(),
    }
}

fn set_group(path: &Path, gid: u32) -> anyhow::Result<()> {
    rustix::fs::chown(path, None, Some(rustix::fs::Gid::from_raw(gid)))
        .with_context(|| format!("Failed to change group ID of '{}' to {gid}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_by_name_and_number() {
        assert_eq!(group_id("root").unwrap(), 0);
        assert_eq!(group_id("+42").unwrap(), 42);
        assert!(group_id("no-such-group-rvirt")
            .unwrap_err()
            .to_string()
            .contains("no-such-group-rvirt"));
        assert_eq!(join_host_port("::1", "16514"), "[::1]:16514");
        assert_eq!(join_host_port("127.0.0.1", "1"), "127.0.0.1:1");
    }

    #[test]
    fn sasl_only_where_secure() {
        let e = check_auth("auth_tcp", "sasl").unwrap_err().to_string();
        assert!(e.contains("SSF >= 56"), "{e}");
        assert!(check_auth("auth_tls", "none").is_ok());
        assert!(check_auth("auth_tls", "sasl").is_ok());
        assert!(check_auth("auth_unix_rw", "sasl").is_ok());
        assert!(check_auth("auth_unix_ro", "polkit").is_err());
    }
}
