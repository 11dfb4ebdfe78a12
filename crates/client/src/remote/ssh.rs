//! The `ssh` command line of `qemu+ssh://` (libvirt 9.0's `virNetClientNewSSH`): options from
//! the URI (`keyfile`, `no_verify`, `no_tty`, `command`, `netcat`, `proxy`, `socket`) and
//! the remote shell snippet that runs `virt-ssh-helper URI` when the remote host has it
//! (`proxy=auto`, the default without `socket=`) or netcat on the daemon socket.

use rvirt_core::uri::ConnectUri;

use super::open::default_socket_path;

/// What the ssh transport needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SshOptions {
    pub host: String,
    pub port: Option<u16>,
    pub user: Option<String>,
    /// `?keyfile=`: `ssh -i`.
    pub keyfile: Option<String>,
    /// `?no_verify=1`: `-o StrictHostKeyChecking=no`.
    pub no_verify: bool,
    /// `?no_tty=1`: `-o BatchMode=yes`.
    pub no_tty: bool,
    /// `?command=`: the ssh binary (default `ssh`).
    pub command: String,
    /// `?netcat=`: the netcat binary on the remote side (default `nc`).
    pub netcat: String,
    /// The remote daemon socket for netcat.
    pub socket: String,
    /// Run `virt-ssh-helper` when available (`proxy=auto` without an explicit socket).
    pub use_helper: bool,
    /// The URI handed to `virt-ssh-helper` (driver URI without transport and host).
    pub driver_uri: String,
    pub read_only: bool,
}

impl SshOptions {
    /// Reads the options of `uri`.
    pub fn from_uri(uri: &ConnectUri, read_only: bool) -> SshOptions {
        let socket = uri.param("socket").map(str::to_owned);
        let proxy = uri.param("proxy").unwrap_or("auto");
        SshOptions {
            host: uri.host.clone().unwrap_or_else(|| "localhost".into()),
            port: uri.port,
            user: uri.user.clone(),
            keyfile: uri.param("keyfile").map(str::to_owned),
            no_verify: uri.param("no_verify") == Some("1"),
            no_tty: uri.param("no_tty") == Some("1"),
            command: uri.param("command").unwrap_or("ssh").to_string(),
            netcat: uri.param("netcat").unwrap_or("nc").to_string(),
            use_helper: socket.is_none() && proxy != "netcat",
            socket: socket
                .unwrap_or_else(|| default_socket_path(uri, read_only).display().to_string()),
            driver_uri: uri.remote_name(),
            read_only,
        }
    }
}

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// The argv libvirt runs: `ssh [-p P] [-l U] [-i K] -T -e none [-o …] -- HOST 'sh -c …'`.
pub fn ssh_command(o: &SshOptions) -> Vec<String> {
    let mut v = vec![o.command.clone()];
    if let Some(p) = o.port {
        v.extend(["-p".into(), p.to_string()]);
    }
    if let Some(u) = &o.user {
        v.extend(["-l".into(), u.clone()]);
    }
    if let Some(k) = &o.keyfile {
        v.extend(["-i".into(), k.clone()]);
    }
    v.extend(["-T".into(), "-e".into(), "none".into()]);
    if o.no_tty {
        v.extend(["-o".into(), "BatchMode=yes".into()]);
    }
    if o.no_verify {
        v.extend(["-o".into(), "StrictHostKeyChecking=no".into()]);
    }
    v.extend(["--".into(), o.host.clone()]);
    let nc = format!(
        "if {nc} -q 2>&1 | grep \"requires an argument\" >/dev/null 2>&1; then ARG=-q0;else ARG=;fi;{nc} $ARG -U {sock}",
        nc = quote(&o.netcat),
        sock = o.socket
    );
    let script = if o.use_helper {
        let ro = if o.read_only { "-r " } else { "" };
        format!(
            "which virt-ssh-helper 1>/dev/null 2>&1; if test $? = 0; then virt-ssh-helper {ro}{}; else {nc}; fi",
            quote(&o.driver_uri)
        )
    } else {
        nc
    };
    v.push(format!("sh -c {}", quote(&script)));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_lines_match_libvirt() {
        let u = ConnectUri::parse(
            "qemu+ssh://root@h:2222/system?keyfile=/k&no_verify=1&socket=/s/sock",
        )
        .unwrap();
        let v = ssh_command(&SshOptions::from_uri(&u, false));
        assert_eq!(
            v[..12],
            [
                "ssh",
                "-p",
                "2222",
                "-l",
                "root",
                "-i",
                "/k",
                "-T",
                "-e",
                "none",
                "-o",
                "StrictHostKeyChecking=no"
            ]
        );
        assert_eq!(v[12..14], ["--", "h"]);
        assert!(v[14].starts_with("sh -c 'if '\\''nc'\\'' -q"), "{}", v[14]);
        assert!(v[14].ends_with("$ARG -U /s/sock'"), "{}", v[14]);
        let u = ConnectUri::parse("test+ssh://h/default?command=/bin/myssh").unwrap();
        let o = SshOptions::from_uri(&u, false);
        assert!(o.use_helper);
        let v = ssh_command(&o);
        assert_eq!(v[0], "/bin/myssh");
        assert!(
            v.last()
                .unwrap()
                .contains("virt-ssh-helper '\\''test:///default'\\''"),
            "{v:?}"
        );
    }
}
