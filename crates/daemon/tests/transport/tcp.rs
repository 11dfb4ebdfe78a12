//! Plain TCP listener (`listen_tcp`, `auth_tcp = "none"`).

use super::{free_port, have, virsh, Listening};

#[test]
fn stock_virsh_lists_over_tcp() {
    if !have("virsh", "--version") {
        return;
    }
    let port = free_port();
    let conf = format!(
        "listen_tls = 0\nlisten_tcp = 1\nauth_tcp = \"none\"\nlisten_addr = \"127.0.0.1\"\n\
         tcp_port = \"{port}\"\n"
    );
    let d = Listening::start(&conf, |_| {});
    let (ok, out, err) = virsh(
        &format!("test+tcp://127.0.0.1:{port}/default"),
        &["list", "--all"],
    );
    assert!(ok, "{err}\n{}", d.log_text());
    assert!(out.contains(" 1    test   running"), "{out}");
}

#[test]
fn auth_tcp_sasl_is_refused_at_startup() {
    let port = free_port();
    // auth_tcp defaults to "sasl", as in libvirtd
    let conf = format!(
        "listen_tls = 0\nlisten_tcp = 1\nlisten_addr = \"127.0.0.1\"\ntcp_port = \"{port}\"\n"
    );
    let (mut d, up) = Listening::try_start(&conf, |_| {});
    assert!(!up);
    assert_eq!(d.child.wait().unwrap().code(), Some(1));
    let log = d.log_text();
    assert!(
        log.contains("auth_tcp = \"sasl\": plain TCP needs a SASL mechanism with SSF >= 56"),
        "{log}"
    );
}
