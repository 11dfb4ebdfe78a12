//! An iscsi-direct pool on a private tgtd (127.0.0.1:3262), and test guests whose disk is
//! a pool volume: one LUN of that pool (QEMU's libiscsi block driver) and a dir-pool qcow2.

use super::{have, sh, Virsh, MIB, QEMU, VIRSH};
use rvirt_testkit::guest::{ensure_guest, GuestImage};
use rvirt_testkit::{require_tool, TestDaemon};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const TARGET: &str = "iqn.2024-01.rvirt.test:e2e";
const INITIATOR: &str = "iqn.2024-01.rvirt.test:e2e-init";
const PORT: u16 = 3262;
const CONTROL: u16 = 62;

/// A private tgtd (own portal and control port), killed on drop.
struct Tgtd(Child);

impl Drop for Tgtd {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn tgtadm(args: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("tgtadm -C {CONTROL} --lld iscsi {args}")])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// tgtd exporting `luns` as LUN 1, 2, … of [`TARGET`]; None (skip) when tgt is missing.
fn start_target(luns: &[&Path]) -> Option<Tgtd> {
    if !(have("tgtd") && have("tgtadm") && have("iscsi-ls") && have("iscsi-readcapacity16")) {
        eprintln!("SKIP: tgt or libiscsi-bin not installed");
        return None;
    }
    let child = Command::new("tgtd")
        .args([
            "-f",
            "-C",
            &CONTROL.to_string(),
            "--iscsi",
            &format!("portal=127.0.0.1:{PORT}"),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let tgtd = Tgtd(child);
    let ready = (0..50).any(|_| {
        std::thread::sleep(Duration::from_millis(100));
        tgtadm("--op show --mode target")
    });
    if !ready || !tgtadm(&format!("--op new --mode target --tid 1 -T {TARGET}")) {
        eprintln!("SKIP: tgtd did not start");
        return None;
    }
    for (i, l) in luns.iter().enumerate() {
        assert!(tgtadm(&format!(
            "--op new --mode logicalunit --tid 1 --lun {} -b {}",
            i + 1,
            l.display()
        )));
    }
    assert!(tgtadm("--op bind --mode target --tid 1 -I 127.0.0.1"));
    Some(tgtd)
}

/// Destroys a domain (by virsh) before the daemon goes away.
struct Running<'a>(&'a Virsh<'a>, &'static str);

impl Drop for Running<'_> {
    fn drop(&mut self) {
        let _ = self.0.run(&["destroy", self.1]);
    }
}

fn guest() -> Option<GuestImage> {
    if !Path::new(QEMU).exists() {
        eprintln!("SKIP: {QEMU} not installed");
        return None;
    }
    match ensure_guest() {
        Ok(g) => Some(g),
        Err(e) => {
            eprintln!("SKIP: test guest unavailable: {e}");
            None
        }
    }
}

/// The test guest with `disk` as its only disk, a serial console and the agent channel.
fn guest_xml(name: &str, g: &GuestImage, disk: &str) -> String {
    format!(
        "<domain type='qemu'><name>{name}</name><memory unit='MiB'>256</memory><vcpu>1</vcpu>\
         <os><type arch='x86_64' machine='pc'>hvm</type><kernel>{}</kernel><initrd>{}</initrd>\
         <cmdline>console=ttyS0 quiet</cmdline></os>\
         <devices>{disk}\
         <serial type='pty'><target port='0'/></serial>\
         <console type='pty'><target type='serial' port='0'/></console>\
         <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>\
         </devices></domain>",
        g.kernel.display(),
        g.initrd.display()
    )
}

/// One request on the guest agent's socket (after a `guest-sync` that drops stale
/// replies); the reply line without whitespace, or None when the agent does not answer.
fn agent(sock: &Path, request: &str) -> Option<String> {
    use std::io::{BufRead, BufReader, Write};
    let s = std::os::unix::net::UnixStream::connect(sock).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut w = s.try_clone().ok()?;
    let mut r = BufReader::new(s);
    let id = std::process::id();
    writeln!(
        w,
        "{{\"execute\":\"guest-sync\",\"arguments\":{{\"id\":{id}}}}}"
    )
    .ok()?;
    loop {
        let mut line = String::new();
        r.read_line(&mut line).ok()?;
        if line.is_empty() {
            return None;
        }
        let line: String = line.split_whitespace().collect();
        if line.contains(&format!("\"return\":{id}")) {
            break;
        }
    }
    writeln!(w, "{request}").ok()?;
    let mut line = String::new();
    r.read_line(&mut line).ok()?;
    Some(line.split_whitespace().collect())
}

/// The agent socket of a running domain (`<channel><source path>` of its live XML).
fn agent_socket(live: &str) -> std::path::PathBuf {
    let ch = &live[live.find("<channel type='unix'>").unwrap_or_default()..];
    let p = ch
        .split("path='")
        .nth(1)
        .and_then(|s| s.split('\'').next())
        .unwrap_or_default();
    std::path::PathBuf::from(p)
}

/// Runs `busybox ARGV…` in the guest through its agent; Some(stdout) once the agent
/// answers and the command exits 0.
fn guest_output(sock: &Path, argv: &[&str]) -> Option<String> {
    let args: Vec<String> = argv.iter().map(|a| format!("\"{a}\"")).collect();
    let cmd = format!(
        "{{\"execute\":\"guest-exec\",\"arguments\":{{\"path\":\"/bin/busybox\",\"arg\":[{}],\"capture-output\":true}}}}",
        args.join(",")
    );
    let o = agent(sock, &cmd)?;
    let pid: String = o
        .split("\"pid\":")
        .nth(1)?
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    for _ in 0..50 {
        let st = format!("{{\"execute\":\"guest-exec-status\",\"arguments\":{{\"pid\":{pid}}}}}");
        let o = agent(sock, &st)?;
        if o.contains("\"exited\":true") {
            if !o.contains("\"exitcode\":0") {
                return None;
            }
            let data = o
                .split("\"out-data\":\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap_or_default()
                .to_string();
            return Some(sh(&format!("printf %s '{data}' | base64 -d")));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    None
}

/// Waits until the guest's agent reports `/sys/block/vda/size` (512-byte sectors).
fn guest_vda_sectors(v: &Virsh, dom: &str) -> u64 {
    let sock = agent_socket(&v.ok(&["dumpxml", dom]));
    let t = Instant::now();
    loop {
        if let Some(s) = guest_output(&sock, &["cat", "/sys/block/vda/size"]) {
            return s.trim().parse().unwrap_or(0);
        }
        assert!(
            t.elapsed() < Duration::from_secs(180),
            "guest {dom} never reported /dev/vda"
        );
        std::thread::sleep(Duration::from_millis(500));
    }
}

fn qemu_log(d: &TestDaemon, dom: &str) -> String {
    std::fs::read_to_string(d.root().join(format!("var/log/libvirt/qemu/{dom}.log")))
        .unwrap_or_default()
}

/// Two file-backed LUNs (64 and 32 MiB) on a private tgtd, and pool `iscsipool` on them,
/// started; None (skip) without tgt.
fn iscsi_pool(v: &Virsh, scratch: &Path) -> Option<Tgtd> {
    let (a, b) = (scratch.join("lun1.img"), scratch.join("lun2.img"));
    for (p, len) in [(&a, 64 * MIB), (&b, 32 * MIB)] {
        std::fs::File::create(p)
            .and_then(|f| f.set_len(len))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let tgtd = start_target(&[&a, &b])?;
    let pool_xml = scratch.join("pool.xml");
    std::fs::write(
        &pool_xml,
        format!(
            "<pool type='iscsi-direct'><name>iscsipool</name><source>\
             <host name='127.0.0.1' port='{PORT}'/><device path='{TARGET}'/>\
             <initiator><iqn name='{INITIATOR}'/></initiator></source></pool>"
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    v.ok(&["pool-define", pool_xml.to_str().unwrap_or_default()]);
    v.ok(&["pool-start", "iscsipool"]);
    Some(tgtd)
}

#[test]
fn iscsi_direct_pool_lists_the_luns_of_a_local_tgt_target() {
    if !require_tool(
        VIRSH,
        "iscsi_direct_pool_lists_the_luns_of_a_local_tgt_target",
    ) {
        return;
    }
    let scratch = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let d = TestDaemon::start();
    let v = Virsh::new(&d);
    let Some(_tgtd) = iscsi_pool(&v, scratch.path()) else {
        return;
    };
    let list = v.ok(&["vol-list", "iscsipool"]);
    let names: Vec<&str> = list
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(names, ["unit:0:0:1", "unit:0:0:2"], "{list}");
    let info = v.ok(&["vol-info", "--pool", "iscsipool", "unit:0:0:1"]);
    assert!(info.contains("Type:           network"), "{info}");
    assert!(info.contains("Capacity:       64.00 MiB"), "{info}");
    let info = v.ok(&["vol-info", "--pool", "iscsipool", "unit:0:0:2"]);
    assert!(info.contains("Capacity:       32.00 MiB"), "{info}");
    let path = v.ok(&["vol-path", "--pool", "iscsipool", "unit:0:0:2"]);
    assert_eq!(path.trim(), format!("127.0.0.1:{PORT}/{TARGET}/2"));
    // network volumes have no local file to stream or wipe
    let e = v.fails(&[
        "vol-download",
        "--pool",
        "iscsipool",
        "unit:0:0:1",
        "/dev/null",
    ]);
    assert!(e.starts_with("error:"), "{e}");
    v.ok(&["pool-destroy", "iscsipool"]);
    v.ok(&["pool-undefine", "iscsipool"]);
}

#[test]
fn a_guest_boots_from_an_iscsi_direct_lun() {
    if !require_tool(VIRSH, "a_guest_boots_from_an_iscsi_direct_lun") {
        return;
    }
    let Some(g) = guest() else {
        return;
    };
    let scratch = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let d = TestDaemon::start();
    let v = Virsh::new(&d);
    let Some(_tgtd) = iscsi_pool(&v, scratch.path()) else {
        return;
    };
    let xml = guest_xml(
        "iscsiguest",
        &g,
        "<disk type='volume' device='disk'><source pool='iscsipool' volume='unit:0:0:1'/>\
         <target dev='vda' bus='virtio'/></disk>",
    );
    let f = scratch.path().join("iscsiguest.xml");
    std::fs::write(&f, xml).unwrap_or_else(|e| panic!("{e}"));
    v.ok(&["define", f.to_str().unwrap_or_default()]);
    let _running = Running(&v, "iscsiguest");
    v.ok(&["start", "iscsiguest"]);
    let live = v.ok(&["dumpxml", "iscsiguest"]);
    assert!(
        live.contains("<source pool='iscsipool' volume='unit:0:0:1'/>"),
        "{live}"
    );
    // QEMU's libiscsi block driver opens the LUN itself (no kernel initiator)
    let log = qemu_log(&d, "iscsiguest");
    assert!(
        log.contains("\"driver\":\"iscsi\"")
            && log.contains(&format!("\"portal\":\"127.0.0.1:{PORT}\""))
            && log.contains(&format!("\"target\":\"{TARGET}\""))
            && log.contains("\"lun\":1"),
        "{log}"
    );
    // the guest sees the 64 MiB LUN as /dev/vda
    assert_eq!(guest_vda_sectors(&v, "iscsiguest"), 64 * MIB / 512);
    v.ok(&["destroy", "iscsiguest"]);
    v.ok(&["undefine", "iscsiguest"]);
    v.ok(&["pool-destroy", "iscsipool"]);
    v.ok(&["pool-undefine", "iscsipool"]);
}

#[test]
fn a_guest_starts_with_a_dir_pool_volume_disk() {
    if !require_tool(VIRSH, "a_guest_starts_with_a_dir_pool_volume_disk") {
        return;
    }
    let Some(g) = guest() else {
        return;
    };
    let scratch = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let d = TestDaemon::start();
    let v = Virsh::new(&d);
    let pool_dir = scratch.path().join("pool");
    v.ok(&[
        "pool-define-as",
        "gp",
        "dir",
        "--target",
        pool_dir.to_str().unwrap_or_default(),
    ]);
    v.ok(&["pool-build", "gp"]);
    v.ok(&["pool-start", "gp"]);
    v.ok(&[
        "vol-create-as",
        "gp",
        "root.qcow2",
        "48M",
        "--format",
        "qcow2",
    ]);
    let xml = guest_xml(
        "dirguest",
        &g,
        "<disk type='volume' device='disk'><source pool='gp' volume='root.qcow2'/>\
         <target dev='vda' bus='virtio'/></disk>",
    );
    let f = scratch.path().join("dirguest.xml");
    std::fs::write(&f, xml).unwrap_or_else(|e| panic!("{e}"));
    v.ok(&["define", f.to_str().unwrap_or_default()]);
    let _running = Running(&v, "dirguest");
    v.ok(&["start", "dirguest"]);
    let live = v.ok(&["dumpxml", "dirguest"]);
    assert!(
        live.contains("<source pool='gp' volume='root.qcow2'/>"),
        "{live}"
    );
    let log = qemu_log(&d, "dirguest");
    let vol_path = pool_dir.join("root.qcow2").display().to_string();
    assert!(
        log.contains(&format!("\"filename\":\"{vol_path}\""))
            && log.contains("\"driver\":\"qcow2\""),
        "{log}"
    );
    assert_eq!(guest_vda_sectors(&v, "dirguest"), 48 * MIB / 512);
    v.ok(&["destroy", "dirguest"]);
    v.ok(&["undefine", "dirguest"]);
    v.ok(&["vol-delete", "--pool", "gp", "root.qcow2"]);
    v.ok(&["pool-destroy", "gp"]);
    v.ok(&["pool-undefine", "gp"]);
}
