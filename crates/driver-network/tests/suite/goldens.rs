//! Network XML → dnsmasq.conf and → nft ruleset, for every forward mode.
//! Set `RVIRT_UPDATE_GOLDENS=1` to rewrite the expected files (then review the diff).

use std::path::{Path, PathBuf};

use rvirt_conf::network::NetworkDef;
use rvirt_driver_network::dnsmasq::{dnsmasq_conf, wants_dnsmasq, DnsmasqFiles};
use rvirt_driver_network::nft;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/goldens")
}

fn check(path: PathBuf, actual: &str) {
    if std::env::var_os("RVIRT_UPDATE_GOLDENS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing golden {}", path.display()));
    assert_eq!(actual, expected, "golden mismatch: {}", path.display());
}

fn render(name: &str) -> (String, String) {
    let xml = std::fs::read_to_string(dir().join(format!("{name}.xml"))).unwrap();
    let def = NetworkDef::parse(&xml).unwrap();
    let bridge = def.bridge.clone().unwrap();
    let files = DnsmasqFiles {
        pid_file: format!("/run/libvirt/network/{}.pid", def.name).into(),
        lease_file: format!("/var/lib/libvirt/dnsmasq/{}.leases", def.name).into(),
    };
    let conf = if wants_dnsmasq(&def) {
        dnsmasq_conf(&def, &bridge, &files).unwrap()
    } else {
        "# no dnsmasq for this forward mode\n".to_string()
    };
    let rules = nft::ruleset(&def, &bridge)
        .unwrap()
        .unwrap_or_else(|| "# no nftables rules for this forward mode\n".to_string());
    (conf, rules)
}

fn golden(name: &str) {
    let (conf, rules) = render(name);
    check(dir().join(format!("{name}.dnsmasq.conf")), &conf);
    check(dir().join(format!("{name}.nft")), &rules);
}

#[test]
fn nat() {
    golden("nat");
}

#[test]
fn nat_dev_snat() {
    golden("nat-dev-snat");
}

#[test]
fn isolated() {
    golden("isolated");
}

#[test]
fn route() {
    golden("route");
}

#[test]
fn open() {
    golden("open");
}

#[test]
fn bridge() {
    golden("bridge");
}

#[test]
fn nat_portforward() {
    golden("nat-portforward");
}

#[test]
fn route_portforward() {
    golden("route-portforward");
}

/// The golden input is also the canonical formatted form (define + dumpxml round trip).
#[test]
fn portforward_xml_round_trips() {
    for name in ["nat-portforward", "route-portforward"] {
        let xml = std::fs::read_to_string(dir().join(format!("{name}.xml"))).unwrap();
        let def = NetworkDef::parse(&xml).unwrap();
        let out = def.format(&rvirt_conf::network::NetworkFormatOptions { inactive: true });
        assert_eq!(out, xml, "{name}");
    }
}

#[test]
fn dns_forwarders() {
    golden("dns-forwarders");
}

#[test]
fn nft_rules_parse_with_nft_check() {
    // `nft -c` validates a batch without applying it (needs no namespace).
    if !Path::new("/usr/sbin/nft").exists() {
        return;
    }
    for name in [
        "nat",
        "nat-dev-snat",
        "isolated",
        "route",
        "nat-portforward",
        "route-portforward",
    ] {
        let (_, rules) = render(name);
        let mut child = std::process::Command::new("unshare")
            .args(["-n", "/usr/sbin/nft", "-c", "-f", "-"])
            .stdin(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(rules.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn dnsmasq_conf_passes_dnsmasq_test() {
    for name in [
        "nat",
        "nat-dev-snat",
        "isolated",
        "route",
        "open",
        "dns-forwarders",
        "nat-portforward",
    ] {
        let (conf, _) = render(name);
        let tmp = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(tmp.path(), conf).unwrap();
        let out = std::process::Command::new("/usr/sbin/dnsmasq")
            .arg(format!("--conf-file={}", tmp.path().display()))
            .arg("--test")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
