//! net-port-* and qemu-* against a real `rvirtd --root`: each scenario runs the same
//! commands through stock virsh and rvirsh on the same daemon and compares the transcripts
//! (stdout, stderr, exit status), with QMP command ids masked. The network scenario runs
//! rvirtd in a private network namespace; the QEMU one boots rvirt's test guest.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use rvirt_testkit::TestDaemon;

use super::VIRSH;

fn rvirsh() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_rvirsh"))
}

/// Replaces QMP command ids (`libvirt-17`) and 36-character UUIDs the commands did not choose.
fn mask(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("libvirt-") {
        out.push_str(&rest[..i + 8]);
        rest = &rest[i + 8..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 {
            out.push('N');
        }
        rest = &rest[digits..];
    }
    out.push_str(rest);
    out
}

/// One command through `bin`: "$ args", stdout, stderr and the exit status.
fn step(bin: &Path, uri: &str, dir: &Path, args: &[&str]) -> String {
    let out = Command::new("timeout")
        .arg("120")
        .arg(bin)
        .current_dir(dir)
        .env_remove("LIBVIRT_DEFAULT_URI")
        .args(["-c", uri])
        .args(args)
        .output()
        .unwrap();
    mask(&format!(
        "$ {}\n{}{}rc={}\n",
        args.join(" "),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
        out.status.code().unwrap_or(-1)
    ))
}

/// Runs every command with `bin`, concatenating the transcripts.
fn transcript(bin: &Path, uri: &str, dir: &Path, cmds: &[&[&str]]) -> String {
    cmds.iter().map(|c| step(bin, uri, dir, c)).collect()
}

const NET_XML: &str = "<network><name>iso</name><bridge name='rvcpbr0'/>\
<ip address='10.93.7.1' prefix='24'/></network>\n";
const PORT_A: &str = "<networkport>\n  <uuid>9f6a4c2e-1b7d-4e8f-9a0b-1c2d3e4f5a6b</uuid>\n  \
<owner><name>vm7</name><uuid>00000000-0000-4000-8000-000000000007</uuid></owner>\n  \
<mac address='52:54:00:00:70:07'/>\n</networkport>\n";

#[test]
fn net_ports_match_stock_virsh_on_rvirtd() {
    if !Path::new(VIRSH).exists() {
        eprintln!("skipping: {VIRSH} not installed");
        return;
    }
    let t = std::thread::spawn(|| {
        // SAFETY: unshare(CLONE_NEWNET) affects only this thread (and the rvirtd it forks).
        if unsafe { libc::unshare(libc::CLONE_NEWNET) } != 0 {
            eprintln!("skipping: unshare(CLONE_NEWNET) failed (needs root)");
            return;
        }
        let lo = Command::new("ip")
            .args(["link", "set", "lo", "up"])
            .status()
            .unwrap();
        assert!(lo.success());
        let d = TestDaemon::start();
        let uri = d.uri("qemu:///system");
        let dir = d.root().to_path_buf();
        std::fs::write(dir.join("net.xml"), NET_XML).unwrap();
        std::fs::write(dir.join("a.xml"), PORT_A).unwrap();
        let port_b = PORT_A
            .replace("9f6a4c2e", "1f6a4c2e")
            .replace("70:07", "70:08");
        std::fs::write(dir.join("b.xml"), port_b).unwrap();
        std::fs::write(
            dir.join("nouuid.xml"),
            PORT_A
                .replace("<uuid>9f6a", "<x>")
                .replace("5a6b</uuid>", "</x>"),
        )
        .unwrap();
        let a = "9f6a4c2e-1b7d-4e8f-9a0b-1c2d3e4f5a6b";
        let b = "1f6a4c2e-1b7d-4e8f-9a0b-1c2d3e4f5a6b";
        let cmds: &[&[&str]] = &[
            &["net-port-list", "iso"],
            &["net-create", "net.xml"],
            &["net-port-list", "iso"],
            &["net-port-create", "iso", "a.xml"],
            &["net-port-create", "iso", "b.xml", "--validate"],
            &["net-port-create", "iso", "a.xml"],
            &["net-port-create", "iso", "net.xml"],
            &["net-port-create", "iso", "nouuid.xml"],
            &["net-port-list", "iso"],
            &["net-port-list", "--network", "iso", "--uuid"],
            &["net-port-dumpxml", "iso", b],
            &["net-port-dumpxml", "iso", b, "--xpath", "//mac", "--wrap"],
            &["net-port-dumpxml", "iso", a, "--xpath", "//owner/name"],
            &["net-port-delete", "iso", b],
            &["net-port-delete", "iso", b],
            &["net-port-dumpxml", "iso", b],
            &["net-port-list", "iso", "--table"],
            &["net-port-delete", "iso", a],
            &["net-port-list", "iso"],
            &["net-destroy", "iso"],
        ];
        let want = transcript(Path::new(VIRSH), &uri, &dir, cmds);
        let got = transcript(&rvirsh(), &uri, &dir, cmds);
        assert!(
            want.contains(&format!("Network port {a} created from a.xml")),
            "{want}"
        );
        assert!(want.contains(&format!(" {b}\n {a}\n")), "{want}");
        assert_eq!(
            got,
            want,
            "rvirsh differs from virsh; daemon log:\n{}",
            d.log()
        );
    });
    if let Err(p) = t.join() {
        std::panic::resume_unwind(p);
    }
}

/// Destroys the guest when the test ends, however it ends.
struct Destroy<'a>(&'a str, &'a str);

impl Drop for Destroy<'_> {
    fn drop(&mut self) {
        let _ = Command::new(VIRSH)
            .args(["-c", self.0, "destroy", self.1])
            .output();
    }
}

fn guest_xml(g: &rvirt_testkit::guest::GuestImage) -> String {
    format!(
        "<domain type='qemu'><name>qg</name><memory unit='MiB'>256</memory><vcpu>1</vcpu>\
         <os><type arch='x86_64' machine='pc'>hvm</type><kernel>{}</kernel><initrd>{}</initrd>\
         <cmdline>console=ttyS0 quiet</cmdline></os><devices>\
         <serial type='pty'><target port='0'/></serial>\
         <console type='pty'><target type='serial' port='0'/></console>\
         <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>\
         </devices></domain>\n",
        g.kernel.display(),
        g.initrd.display()
    )
}

#[test]
fn qemu_commands_match_stock_virsh_on_rvirtd() {
    if !Path::new(VIRSH).exists() || !Path::new("/usr/bin/qemu-system-x86_64").exists() {
        eprintln!("skipping: virsh or qemu-system-x86_64 not installed");
        return;
    }
    let guest = match rvirt_testkit::guest::ensure_guest() {
        Ok(g) => g,
        Err(e) => {
            eprintln!("skipping: no test guest: {e}");
            return;
        }
    };
    let d = TestDaemon::start();
    let uri = d.uri("qemu:///system");
    let dir = d.root().to_path_buf();
    std::fs::write(dir.join("qg.xml"), guest_xml(&guest)).unwrap();
    let virsh = Path::new(VIRSH);
    let defined = step(virsh, &uri, &dir, &["define", "qg.xml"]);
    assert!(defined.ends_with("rc=0\n"), "{defined}");
    let started = step(virsh, &uri, &dir, &["start", "qg"]);
    assert!(started.ends_with("rc=0\n"), "{started}\n{}", d.log());
    let _guard = Destroy(&uri, "qg");

    // the agent answers once the guest's userspace is up
    let ping: &[&str] = &["qemu-agent-command", "qg", r#"{"execute":"guest-ping"}"#];
    let t = Instant::now();
    while !step(virsh, &uri, &dir, ping).ends_with("rc=0\n") {
        assert!(
            t.elapsed() < Duration::from_secs(300),
            "guest agent never answered"
        );
        std::thread::sleep(Duration::from_secs(1));
    }

    let cmds: &[&[&str]] = &[
        &[
            "qemu-monitor-command",
            "qg",
            r#"{"execute":"query-status"}"#,
        ],
        &[
            "qemu-monitor-command",
            "qg",
            "--pretty",
            r#"{"execute":"query-status"}"#,
        ],
        &[
            "qemu-monitor-command",
            "qg",
            "--return-value",
            r#"{"execute":"query-status"}"#,
        ],
        &[
            "qemu-monitor-command",
            "qg",
            "--pretty",
            "--return-value",
            r#"{"execute":"query-name"}"#,
        ],
        &["qemu-monitor-command", "qg", "--hmp", "info status"],
        &["qemu-monitor-command", "qg", "--hmp", "info", "status"],
        &["qemu-monitor-command", "qg", "query-status"],
        &[
            "qemu-monitor-command",
            "qg",
            "human-monitor-command",
            r#"{"command-line":"info status"}"#,
        ],
        &["qemu-monitor-command", "qg", "query-name", "x"],
        &["qemu-monitor-command", "qg", "query-status", "true"],
        &["qemu-monitor-command", "qg", "--pretty", "garbage"],
        &[
            "qemu-monitor-command",
            "qg",
            "--return-value",
            r#"{"execute":"no-such"}"#,
        ],
        &[
            "qemu-monitor-command",
            "qg",
            "--pretty",
            r#"{"execute":"stop"}"#,
        ],
        &["qemu-monitor-command", "qg", r#"{"execute":"cont"}"#],
        &[
            "qemu-monitor-command",
            "qg",
            "--hmp",
            "--pretty",
            "info status",
        ],
        &["qemu-monitor-command", "nosuch", "query-status"],
        &["qemu-agent-command", "qg", r#"{"execute":"guest-ping"}"#],
        &[
            "qemu-agent-command",
            "qg",
            "--pretty",
            r#"{"execute":"guest-ping"}"#,
        ],
        &[
            "qemu-agent-command",
            "qg",
            "--timeout",
            "10",
            r#"{"execute":"guest-ping"}"#,
        ],
        &[
            "qemu-agent-command",
            "qg",
            "--block",
            r#"{"execute":"guest-ping"}"#,
        ],
        &[
            "qemu-agent-command",
            "qg",
            "--pretty",
            r#"{"execute":"guest-no-such"}"#,
        ],
        &["qemu-agent-command", "qg", "--timeout", "0", "x"],
        &["qemu-attach", "999999"],
    ];
    let want = transcript(virsh, &uri, &dir, cmds);
    let got = transcript(&rvirsh(), &uri, &dir, cmds);
    assert!(want.contains("VM status: running"), "{want}");
    assert!(want.contains("\"status\": \"running\""), "{want}");
    assert!(want.contains("{\"return\":{}}"), "{want}");
    assert_eq!(got, want, "rvirsh differs from virsh");
}
