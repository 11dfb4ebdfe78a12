//! Live migration between two `rvirtd --root` daemons (two "hosts" on one machine), driven
//! with stock virsh: direct, peer-to-peer, tunnelled, storage copy over NBD, offline, and a
//! refused migration that leaves the guest running on the source.

use crate::common::{guest_xml, guest_xml_with_disk, stock_virsh_guest, PidGuard};
use crate::rvirtd::{qemu_pids, virsh_at as virsh, virsh_ok as ok};
use rvirt_testkit::guest::GuestImage;
use rvirt_testkit::TestDaemon;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// `virsh qemu-agent-command` and its parsed reply.
pub(crate) fn agent(uri: &str, dom: &str, cmd: &str) -> Option<serde_json::Value> {
    let (good, out) = virsh(uri, &["qemu-agent-command", dom, cmd, "--timeout", "10"]);
    if !good {
        return None;
    }
    serde_json::from_str(out.trim()).ok()
}

/// Waits until the guest agent answers.
pub(crate) fn wait_agent(uri: &str, dom: &str) {
    let start = Instant::now();
    while agent(uri, dom, r#"{"execute":"guest-ping"}"#).is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "guest agent of {dom} never answered"
        );
        std::thread::sleep(Duration::from_millis(500));
    }
}

/// Runs `/bin/busybox ARGV…` in the guest through the agent; (exit code, stdout).
pub(crate) fn guest_exec(uri: &str, dom: &str, argv: &[&str]) -> (i64, String) {
    let cmd = serde_json::json!({"execute": "guest-exec", "arguments": {
        "path": "/bin/busybox", "arg": argv, "capture-output": true}});
    let r = agent(uri, dom, &cmd.to_string()).expect("guest-exec");
    let pid = r["return"]["pid"].as_i64().unwrap();
    let start = Instant::now();
    loop {
        let q = serde_json::json!({"execute": "guest-exec-status", "arguments": {"pid": pid}});
        let s = agent(uri, dom, &q.to_string()).expect("guest-exec-status");
        if s["return"]["exited"].as_bool() == Some(true) {
            let out = s["return"]["out-data"].as_str().unwrap_or("");
            let text = base64_decode(out);
            return (s["return"]["exitcode"].as_i64().unwrap_or(-1), text);
        }
        assert!(start.elapsed() < Duration::from_secs(60), "{argv:?} hangs");
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn base64_decode(s: &str) -> String {
    let raw = rvirt_core::base64::decode_lenient(s).unwrap_or_default();
    String::from_utf8_lossy(&raw).into_owned()
}

/// The guest's uptime in seconds (`/proc/uptime`).
pub(crate) fn uptime(uri: &str, dom: &str) -> f64 {
    let (rc, out) = guest_exec(uri, dom, &["cat", "/proc/uptime"]);
    assert_eq!(rc, 0, "{out}");
    out.split_whitespace().next().unwrap().parse().unwrap()
}

fn pid_alive(pid: i32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

pub(crate) fn state(uri: &str, dom: &str) -> String {
    let (_, s) = virsh(uri, &["domstate", dom, "--reason"]);
    s.trim().to_string()
}

pub(crate) fn sha256(p: &Path) -> String {
    let o = std::process::Command::new("sha256sum")
        .arg(p)
        .output()
        .unwrap();
    String::from_utf8_lossy(&o.stdout)
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_string()
}

/// One `virsh migrate`, timed; its output.
pub(crate) fn migrate(src: &str, args: &[&str]) -> String {
    let t = Instant::now();
    let mut a = vec!["migrate"];
    a.extend_from_slice(args);
    let out = ok(src, &a);
    println!("virsh migrate {}: {:?}", args.join(" "), t.elapsed());
    out
}

/// Two daemons for a migration, their URIs, a PID guard and the XML of a 128 MiB guest
/// `name` (not defined anywhere yet).
pub(crate) struct MigrationPair {
    pub a: TestDaemon,
    pub b: TestDaemon,
    pub pids: PidGuard,
    pub ua: String,
    pub ub: String,
    pub xml: String,
}

impl MigrationPair {
    pub(crate) fn start(name: &str, guest: &rvirt_testkit::guest::GuestImage) -> MigrationPair {
        let a = TestDaemon::start();
        let b = TestDaemon::start();
        let (ua, ub) = (a.uri("qemu:///system"), b.uri("qemu:///system"));
        let xml = guest_xml(name, guest).replace(
            "<memory unit='MiB'>256</memory>",
            "<memory unit='MiB'>128</memory>",
        );
        MigrationPair {
            a,
            b,
            pids: PidGuard::default(),
            ua,
            ub,
            xml,
        }
    }

    /// `virsh create` of the guest `name` on A (transient), its QEMU tracked, agent up.
    pub(crate) fn create_on_a(&self, name: &str) {
        let xf = self.a.root().join(format!("{name}.xml"));
        std::fs::write(&xf, &self.xml).unwrap();
        ok(&self.ua, &["create", xf.to_str().unwrap()]);
        for p in qemu_pids(self.a.root()) {
            self.pids.add(p);
        }
        wait_agent(&self.ua, name);
    }
}

#[test]
fn virsh_live_migration_between_two_daemons() {
    let Some(guest) = stock_virsh_guest() else {
        return;
    };
    let MigrationPair {
        a,
        b,
        pids,
        ua,
        ub,
        xml,
    } = MigrationPair::start("mig", &guest);
    let xf = a.root().join("mig.xml");
    std::fs::write(&xf, &xml).unwrap();
    ok(&ua, &["define", xf.to_str().unwrap()]);
    ok(&ua, &["start", "mig"]);
    for p in qemu_pids(a.root()) {
        pids.add(p);
    }
    let src_pids = qemu_pids(a.root());
    assert_eq!(src_pids.len(), 1);
    wait_agent(&ua, "mig");
    let up0 = uptime(&ua, "mig");

    // 1. direct (client-driven v3 params) live migration, A → B, watching events on both
    let watch = |uri: &str| {
        std::process::Command::new("virsh")
            .args(["-c", uri, "event", "--all", "--loop", "--timeout", "8"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    // B's `migrate begin` hook sees the incoming XML and rewrites it (libvirt's filter)
    let hooks = b.root().join("etc/libvirt/hooks");
    std::fs::create_dir_all(&hooks).unwrap();
    let hook = hooks.join("qemu");
    std::fs::write(
        &hook,
        "#!/bin/sh\nxml=$(cat)\n[ \"$2\" = migrate ] || exit 0\n\
         echo \"$xml\" | sed 's|</name>|</name><description>migrated in</description>|'\n",
    )
    .unwrap();
    std::fs::set_permissions(&hook, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let (ev_a, ev_b) = (watch(&ua), watch(&ub));
    std::thread::sleep(Duration::from_millis(1500));
    let out = migrate(&ua, &["--live", "--verbose", "mig", &ub]);
    let bx = ok(&ub, &["dumpxml", "mig"]);
    assert!(
        bx.contains("<description>migrated in</description>"),
        "{bx}"
    );
    std::fs::remove_file(&hook).unwrap();
    let ev_a = String::from_utf8_lossy(&ev_a.wait_with_output().unwrap().stdout).into_owned();
    let ev_b = String::from_utf8_lossy(&ev_b.wait_with_output().unwrap().stdout).into_owned();
    println!("source events:\n{ev_a}destination events:\n{ev_b}");
    for e in [
        "event 'lifecycle' for domain 'mig': Suspended Migrated",
        "event 'lifecycle' for domain 'mig': Stopped Migrated",
        "event 'job-completed' for domain 'mig'",
    ] {
        assert!(ev_a.contains(e), "{e} missing in {ev_a}");
    }
    for e in [
        "event 'lifecycle' for domain 'mig': Started Migrated",
        "event 'lifecycle' for domain 'mig': Resumed Migrated",
    ] {
        assert!(ev_b.contains(e), "{e} missing in {ev_b}");
    }
    assert!(out.contains("Migration: [100 %]"), "{out}");
    for p in qemu_pids(b.root()) {
        pids.add(p);
    }
    assert_eq!(state(&ub, "mig"), "running (migrated)");
    assert_eq!(state(&ua, "mig"), "shut off (migrated)");
    assert!(!pid_alive(src_pids[0]), "source QEMU still runs");
    let up1 = uptime(&ub, "mig");
    assert!(up1 >= up0, "uptime went back: {up0} -> {up1}");
    let job = ok(&ua, &["domjobinfo", "mig", "--completed"]);
    println!("source domjobinfo --completed after 128 MiB live migration:\n{job}");
    assert!(job.contains("Completed"), "{job}");
    // the source still has its persistent definition; drop it for the way back
    ok(&ua, &["undefine", "mig"]);

    // 2. peer-to-peer, B → A
    let b_pid = qemu_pids(b.root());
    migrate(&ub, &["--live", "--p2p", "mig", &ua]);
    for p in qemu_pids(a.root()) {
        pids.add(p);
    }
    assert_eq!(state(&ua, "mig"), "running (migrated)");
    assert!(b_pid.iter().all(|p| !pid_alive(*p)));
    let (good, _) = virsh(&ub, &["domstate", "mig"]);
    assert!(!good, "transient source domain must be gone from B");
    let up2 = uptime(&ua, "mig");
    assert!(up2 >= up1, "uptime went back: {up1} -> {up2}");

    // 3. peer-to-peer tunnelled, A → B
    migrate(&ua, &["--live", "--p2p", "--tunnelled", "mig", &ub]);
    for p in qemu_pids(b.root()) {
        pids.add(p);
    }
    assert_eq!(state(&ub, "mig"), "running (migrated)");
    let up3 = uptime(&ub, "mig");
    assert!(up3 >= up2, "uptime went back: {up2} -> {up3}");

    // 4. refused: A already has another domain named "mig" → the guest stays on B
    let other = xml.replace(
        "<name>mig</name>",
        "<name>mig</name><uuid>11111111-2222-3333-4444-555555555555</uuid>",
    );
    let of = a.root().join("other.xml");
    std::fs::write(&of, other).unwrap();
    ok(&ua, &["define", of.to_str().unwrap()]);
    let (good, out) = virsh(&ub, &["migrate", "--live", "mig", &ua]);
    assert!(!good, "migration onto a clashing domain must fail: {out}");
    println!("refused migration: {}", out.trim());
    assert_eq!(state(&ub, "mig").split(' ').next(), Some("running"));
    let up4 = uptime(&ub, "mig");
    assert!(up4 >= up3);
    ok(&ua, &["undefine", "mig"]);

    // 5. offline: only the definition moves
    let off = guest_xml("offl", &guest);
    let off_f = a.root().join("offl.xml");
    std::fs::write(&off_f, off).unwrap();
    ok(&ua, &["define", off_f.to_str().unwrap()]);
    migrate(
        &ua,
        &["--offline", "--persistent", "--undefinesource", "offl", &ub],
    );
    assert_eq!(state(&ub, "offl"), "shut off (unknown)");
    let (good, _) = virsh(&ua, &["domstate", "offl"]);
    assert!(!good, "--undefinesource must remove the source definition");

    // 6. python3-libvirt: dom.migrate3 (client-driven) B → A, then migrateToURI3 (p2p) back
    let py = Path::new("/usr/bin/python3");
    let has_binding = py.exists()
        && std::process::Command::new(py)
            .args(["-c", "import libvirt"])
            .status()
            .is_ok_and(|s| s.success());
    if has_binding {
        let script = r#"
import sys, time, libvirt
a, b = sys.argv[1], sys.argv[2]
ca, cb = libvirt.open(a), libvirt.open(b)
dom = cb.lookupByName('mig')
t = time.time()
nd = dom.migrate3(ca, {}, libvirt.VIR_MIGRATE_LIVE)
print('migrate3: %.3f s, state on A: %s' % (time.time() - t, nd.state()))
assert nd.state()[0] == libvirt.VIR_DOMAIN_RUNNING
t = time.time()
nd.migrateToURI3(b, {}, libvirt.VIR_MIGRATE_LIVE | libvirt.VIR_MIGRATE_PEER2PEER)
print('migrateToURI3 p2p: %.3f s' % (time.time() - t))
assert cb.lookupByName('mig').state()[0] == libvirt.VIR_DOMAIN_RUNNING
"#;
        let o = std::process::Command::new(py)
            .args(["-c", script, &ua, &ub])
            .output()
            .unwrap();
        let out =
            String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
        println!("python3-libvirt: {out}");
        assert!(o.status.success(), "{out}");
        for p in qemu_pids(b.root()) {
            pids.add(p);
        }
        assert_eq!(state(&ub, "mig"), "running (migrated)");
    } else {
        eprintln!("python3-libvirt not installed: skipping its part");
    }
    ok(&ub, &["destroy", "mig"]);
}

/// A 128 MiB guest `name` with an empty 16 MiB raw disk at `disk`, written as a domain XML
/// file under `root`; returns the file.
pub(crate) fn disk_guest_file(root: &Path, name: &str, guest: &GuestImage, disk: &Path) -> PathBuf {
    std::fs::File::create(disk)
        .unwrap()
        .set_len(16 << 20)
        .unwrap();
    let xml = guest_xml_with_disk(name, guest, "raw", disk.to_str().unwrap()).replace(
        "<memory unit='MiB'>256</memory>",
        "<memory unit='MiB'>128</memory>",
    );
    let xf = root.join(format!("{name}.xml"));
    std::fs::write(&xf, &xml).unwrap();
    xf
}

#[test]
fn virsh_migration_copies_storage_over_nbd() {
    let Some(guest) = stock_virsh_guest() else {
        return;
    };
    let a = TestDaemon::start();
    let b = TestDaemon::start();
    let pids = PidGuard::default();
    let (ua, ub) = (a.uri("qemu:///system"), b.uri("qemu:///system"));
    let src_disk = a.root().join("disk.raw");
    let dst_disk = b.root().join("disk.raw");
    let xf = disk_guest_file(a.root(), "cs", &guest, &src_disk);
    ok(&ua, &["create", xf.to_str().unwrap()]);
    for p in qemu_pids(a.root()) {
        pids.add(p);
    }
    wait_agent(&ua, "cs");
    let (rc, out) = guest_exec(
        &ua,
        "cs",
        &[
            "sh",
            "-c",
            "echo migrated-disk-pattern | dd of=/dev/vda conv=fsync 2>&1",
        ],
    );
    assert_eq!(rc, 0, "{out}");
    // tuning knobs through stock virsh
    ok(&ua, &["migrate-setmaxdowntime", "cs", "400"]);
    assert_eq!(ok(&ua, &["migrate-getmaxdowntime", "cs"]).trim(), "400");
    ok(&ua, &["migrate-setspeed", "cs", "500"]);
    assert_eq!(ok(&ua, &["migrate-getspeed", "cs"]).trim(), "500");
    let live = ok(&ua, &["dumpxml", "--migratable", "cs"]);
    let dxml = live.replace(src_disk.to_str().unwrap(), dst_disk.to_str().unwrap());
    let df = a.root().join("cs-dest.xml");
    std::fs::write(&df, dxml).unwrap();
    assert!(!dst_disk.exists());
    migrate(
        &ua,
        &[
            "--live",
            "--copy-storage-all",
            "--xml",
            df.to_str().unwrap(),
            "cs",
            &ub,
        ],
    );
    for p in qemu_pids(b.root()) {
        pids.add(p);
    }
    assert_eq!(state(&ub, "cs"), "running (migrated)");
    let (rc, out) = guest_exec(&ub, "cs", &["head", "-c", "21", "/dev/vda"]);
    assert_eq!((rc, out.as_str()), (0, "migrated-disk-pattern"));
    let dumped = ok(&ub, &["domblklist", "cs"]);
    assert!(dumped.contains(dst_disk.to_str().unwrap()), "{dumped}");

    // rvirsh: client-driven back to A (shared storage now), then peer-to-peer to B again
    let rvirsh = rvirt_testkit::binaries::bin_path("rvirsh");
    let run = |uri: &str, args: &[&str]| {
        let t = Instant::now();
        let o = std::process::Command::new(&rvirsh)
            .arg("-c")
            .arg(uri)
            .args(args)
            .output()
            .unwrap();
        let out =
            String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "rvirsh {args:?}: {out}");
        println!("rvirsh {}: {:?}", args.join(" "), t.elapsed());
        out
    };
    let out = run(&ub, &["migrate", "--live", "--verbose", "cs", &ua]);
    assert!(out.contains("Migration: [100 %]"), "{out}");
    for p in qemu_pids(a.root()) {
        pids.add(p);
    }
    assert_eq!(state(&ua, "cs"), "running (migrated)");
    assert_eq!(run(&ua, &["migrate-getmaxdowntime", "cs"]).trim(), "300");
    run(&ua, &["migrate-setspeed", "cs", "1000"]);
    assert_eq!(run(&ua, &["migrate-getspeed", "cs"]).trim(), "1000");
    run(&ua, &["migrate", "--live", "--p2p", "cs", &ub]);
    for p in qemu_pids(b.root()) {
        pids.add(p);
    }
    assert_eq!(state(&ub, "cs"), "running (migrated)");
    let (rc, out) = guest_exec(&ub, "cs", &["head", "-c", "21", "/dev/vda"]);
    assert_eq!((rc, out.as_str()), (0, "migrated-disk-pattern"));

    // a slow migration: job info while it runs, then domjobabort; the guest stays on B
    ok(&ub, &["migrate-setspeed", "cs", "1"]);
    let child = std::process::Command::new("virsh")
        .args(["-c", &ub, "migrate", "--live", "cs", &ua])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let info = loop {
        let (_, j) = virsh(&ub, &["domjobinfo", "cs"]);
        if j.contains("Unbounded") && j.contains("Memory processed") {
            break j;
        }
        assert!(start.elapsed() < Duration::from_secs(60), "no job: {j}");
        std::thread::sleep(Duration::from_millis(200));
    };
    println!("domjobinfo during migration:\n{info}");
    ok(&ub, &["domjobabort", "cs"]);
    let o = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(!o.status.success(), "aborted migration succeeded");
    println!("aborted migration: {}", err.trim());
    assert_eq!(state(&ub, "cs").split(' ').next(), Some("running"));
    let (good, _) = virsh(&ua, &["domstate", "cs"]);
    assert!(!good, "the destination must not keep the aborted domain");
    let (rc, _) = guest_exec(&ub, "cs", &["true"]);
    assert_eq!(rc, 0);
    ok(&ub, &["destroy", "cs"]);
    assert_eq!(sha256(&src_disk), sha256(&dst_disk));
    let head = std::fs::read(&dst_disk).unwrap();
    assert!(head.starts_with(b"migrated-disk-pattern"));
}
