//! Live migration "done means" beyond the basics: a guest that keeps writing its disk
//! while `virsh migrate --live --copy-storage-all` runs (the destination image matches what
//! the guest reads), the serial console session surviving the move (same shell, same
//! uptime), post-copy through stock virsh and rvirsh, rvirsh's `--verbose` progress,
//! `--timeout` and `--persistent-xml`, and downtime / total time idle and under load.

use crate::common::{stock_virsh_guest, PidGuard};
use crate::migrate::{agent, disk_guest_file, guest_exec, migrate, state, uptime, wait_agent};
use crate::rvirtd::{console_session, qemu_pids, virsh_at as virsh, virsh_ok as ok};
use rvirt_testkit::TestDaemon;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The guest's disk writer: 64 KiB × 16 random blocks per round over the first 4 MiB,
/// each round fsynced; its pid and round counter live in /tmp.
const WRITER: &str = "echo $$ > /tmp/writer.pid; i=0; while true; do \
    dd if=/dev/urandom of=/dev/vda bs=64k count=16 seek=$((i%64)) conv=fsync 2>/dev/null; \
    i=$((i+1)); echo $i > /tmp/writer.count; done";

/// Starts `sh -c script` in the guest through the agent without waiting for it.
fn spawn_guest(uri: &str, dom: &str, script: &str) {
    let cmd = serde_json::json!({"execute": "guest-exec", "arguments": {
        "path": "/bin/busybox", "arg": ["sh", "-c", script]}});
    let r = agent(uri, dom, &cmd.to_string()).expect("guest-exec");
    assert!(r["return"]["pid"].as_i64().is_some(), "{r}");
}

/// Rounds the disk writer finished so far.
fn writer_rounds(uri: &str, dom: &str) -> u64 {
    let (_, out) = guest_exec(uri, dom, &["cat", "/tmp/writer.count"]);
    out.trim().parse().unwrap_or(0)
}

fn md5_host(p: &Path) -> String {
    let o = Command::new("md5sum").arg(p).output().unwrap();
    String::from_utf8_lossy(&o.stdout)
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_string()
}

/// "Total downtime" and "Time elapsed" of `domjobinfo --completed`.
fn timings(job: &str) -> (String, String) {
    let field = |k: &str| {
        job.lines()
            .find(|l| l.starts_with(k))
            .and_then(|l| l.split_once(':'))
            .map(|(_, v)| v.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    };
    (field("Total downtime"), field("Time elapsed"))
}

/// `dumpxml --migratable` of `dom` on `uri` with its disk moved from `from` to `to`.
fn dest_xml(uri: &str, dom: &str, from: &Path, to: &Path, file: &Path) {
    let live = ok(uri, &["dumpxml", "--migratable", dom]);
    let x = live.replace(from.to_str().unwrap(), to.to_str().unwrap());
    std::fs::write(file, x).unwrap();
}

#[test]
fn migration_under_disk_load_keeps_console_and_data() {
    let Some(guest) = stock_virsh_guest() else {
        return;
    };
    let a = TestDaemon::start();
    let b = TestDaemon::start();
    let pids = PidGuard::default();
    let (ua, ub) = (a.uri("qemu:///system"), b.uri("qemu:///system"));
    let disk_a = a.root().join("disk.raw");
    let disk_b = b.root().join("disk.raw");
    let disk_a2 = a.root().join("disk2.raw");
    let xf = disk_guest_file(a.root(), "ld", &guest, &disk_a);
    ok(&ua, &["define", xf.to_str().unwrap()]);
    ok(&ua, &["start", "ld"]);
    for p in qemu_pids(a.root()) {
        pids.add(p);
    }
    wait_agent(&ua, "ld");

    // state only the running system knows: a shell variable in the console's shell
    let out = console_session(
        &ua,
        "console ld",
        "\nexport MIGMARK=m$((6*7))x; echo SET:$MIGMARK:END\n",
        "SET:m42x:END",
        Duration::from_secs(30),
    );
    assert!(
        out.contains("SET:m42x:END"),
        "console before migration: {out}"
    );
    let (rc, _) = guest_exec(&ua, "ld", &["sh", "-c", "echo agent-mark > /tmp/mark"]);
    assert_eq!(rc, 0);

    // 1. idle: A → B with storage copy
    let df = a.root().join("ld-b.xml");
    dest_xml(&ua, "ld", &disk_a, &disk_b, &df);
    let up0 = uptime(&ua, "ld");
    migrate(
        &ua,
        &[
            "--live",
            "--persistent",
            "--copy-storage-all",
            "--xml",
            df.to_str().unwrap(),
            "ld",
            &ub,
        ],
    );
    for p in qemu_pids(b.root()) {
        pids.add(p);
    }
    assert_eq!(state(&ub, "ld"), "running (migrated)");
    let idle = ok(&ua, &["domjobinfo", "ld", "--completed"]);
    let (idle_down, idle_total) = timings(&idle);
    println!("idle 128 MiB guest + 16 MiB disk:\n{idle}");

    // 2. under load: the guest rewrites its disk continuously while it moves B → A
    spawn_guest(&ub, "ld", WRITER);
    let t = Instant::now();
    while writer_rounds(&ub, "ld") < 3 {
        assert!(
            t.elapsed() < Duration::from_secs(60),
            "the writer never ran"
        );
        std::thread::sleep(Duration::from_millis(300));
    }
    let r0 = writer_rounds(&ub, "ld");
    let df2 = b.root().join("ld-a.xml");
    dest_xml(&ub, "ld", &disk_b, &disk_a2, &df2);
    let up1 = uptime(&ub, "ld");
    assert!(up1 > up0, "uptime went back: {up0} -> {up1}");
    migrate(
        &ub,
        &[
            "--live",
            "--copy-storage-all",
            "--verbose",
            "--xml",
            df2.to_str().unwrap(),
            "ld",
            &ua,
        ],
    );
    for p in qemu_pids(a.root()) {
        pids.add(p);
    }
    assert_eq!(state(&ua, "ld"), "running (migrated)");
    let loaded = ok(&ub, &["domjobinfo", "ld", "--completed"]);
    let (load_down, load_total) = timings(&loaded);
    println!("128 MiB guest + 16 MiB disk under write load:\n{loaded}");
    // the writer kept going through the migration and still runs on A
    let r1 = writer_rounds(&ua, "ld");
    std::thread::sleep(Duration::from_secs(2));
    let r2 = writer_rounds(&ua, "ld");
    println!("writer rounds: {r0} before, {r1} right after, {r2} two seconds later");
    assert!(r1 > r0 && r2 > r1, "writer stalled: {r0} {r1} {r2}");

    // same running system: uptime grew, agent file and console shell variable survive
    let up2 = uptime(&ua, "ld");
    assert!(up2 > up1, "uptime went back: {up1} -> {up2}");
    let (_, mark) = guest_exec(&ua, "ld", &["cat", "/tmp/mark"]);
    assert_eq!(mark.trim(), "agent-mark");
    let out = console_session(
        &ua,
        "console ld",
        "\necho GOT:$MIGMARK:END\n",
        "GOT:m42x:END",
        Duration::from_secs(30),
    );
    assert!(
        out.contains("GOT:m42x:END"),
        "console after migration: {out}"
    );

    // stop the writer, flush, and compare what the guest reads with the image on A
    let (rc, out) = guest_exec(
        &ua,
        "ld",
        &[
            "sh",
            "-c",
            "kill $(cat /tmp/writer.pid); sleep 1; sync; echo 3 > /proc/sys/vm/drop_caches; \
             md5sum /dev/vda",
        ],
    );
    assert_eq!(rc, 0, "{out}");
    let guest_md5 = out.split_whitespace().next().unwrap_or("").to_string();
    ok(&ua, &["destroy", "ld"]);
    let host_md5 = md5_host(&disk_a2);
    println!("guest md5sum /dev/vda {guest_md5}, host md5sum of A's image {host_md5}");
    assert_eq!(guest_md5.len(), 32, "{out}");
    assert_eq!(guest_md5, host_md5);
    assert_ne!(
        host_md5,
        md5_host(&disk_a),
        "the load never reached the disk"
    );
    println!(
        "MIGRATION TIMES (128 MiB TCG guest, 16 MiB disk copied): idle downtime {idle_down}, \
         total {idle_total}; under disk load downtime {load_down}, total {load_total}"
    );
}

/// Waits (a post-copy destination turns "running (post-copy)" into "running (migrated)"
/// once the last page arrived).
fn wait_state(uri: &str, dom: &str, want: &str) {
    let t = Instant::now();
    loop {
        let s = state(uri, dom);
        if s == want {
            return;
        }
        assert!(t.elapsed() < Duration::from_secs(60), "{dom} stays {s}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// `virsh event --all --loop` on `uri` for `secs` seconds.
fn watch_events(uri: &str, secs: u32) -> std::process::Child {
    Command::new("stdbuf")
        .args([
            "-oL",
            "virsh",
            "-c",
            uri,
            "event",
            "--all",
            "--loop",
            "--timeout",
            &secs.to_string(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn postcopy_progress_timeout_and_persistent_xml() {
    let Some(guest) = stock_virsh_guest() else {
        return;
    };
    let pair = crate::migrate::MigrationPair::start("pc", &guest);
    pair.create_on_a("pc");
    let crate::migrate::MigrationPair {
        a,
        b,
        pids,
        ua,
        ub,
        xml,
    } = pair;
    // dirty memory all the time so pre-copy has work left when the timeout fires
    spawn_guest(
        &ua,
        "pc",
        "while true; do dd if=/dev/urandom of=/tmp/churn bs=1M count=16 2>/dev/null; done",
    );
    let up0 = uptime(&ua, "pc");

    // 1. stock virsh: slow pre-copy, after 1 s switch to post-copy
    ok(&ua, &["migrate-setspeed", "pc", "1"]);
    let ev = watch_events(&ua, 25);
    let ev_b = watch_events(&ub, 25);
    std::thread::sleep(Duration::from_millis(1500));
    let t = Instant::now();
    let out = migrate(
        &ua,
        &[
            "--live",
            "--postcopy",
            "--timeout",
            "1",
            "--timeout-postcopy",
            "--verbose",
            "pc",
            &ub,
        ],
    );
    println!("virsh post-copy migration: {:?}\n{out}", t.elapsed());
    for p in qemu_pids(b.root()) {
        pids.add(p);
    }
    let _ = Command::new("kill").arg(ev.id().to_string()).status();
    let ev = String::from_utf8_lossy(&ev.wait_with_output().unwrap().stdout).into_owned();
    let _ = Command::new("kill").arg(ev_b.id().to_string()).status();
    let ev_b = String::from_utf8_lossy(&ev_b.wait_with_output().unwrap().stdout).into_owned();
    println!("source events:\n{ev}destination events:\n{ev_b}");
    assert!(
        ev.contains("event 'lifecycle' for domain 'pc': Suspended Post-copy"),
        "never switched to post-copy: {ev}"
    );
    // the guest ran on B while the last pages were still coming
    assert!(
        ev_b.contains("event 'lifecycle' for domain 'pc': Resumed Post-copy"),
        "{ev_b}"
    );
    wait_state(&ub, "pc", "running (migrated)");
    let up1 = uptime(&ub, "pc");
    assert!(up1 > up0, "uptime went back: {up0} -> {up1}");

    // 2. rvirsh back to A: post-copy via --timeout-postcopy, progress lines on a pipe,
    // --persistent-xml becomes A's definition
    let rvirsh = rvirt_testkit::binaries::bin_path("rvirsh");
    ok(&ub, &["migrate-setspeed", "pc", "1"]);
    let uuid = ok(&ub, &["domuuid", "pc"]).trim().to_string();
    let pxml = xml.replace(
        "<vcpu>",
        &format!("<uuid>{uuid}</uuid><description>persistent-xml-marker</description><vcpu>"),
    );
    let pf = b.root().join("persist.xml");
    std::fs::write(&pf, pxml).unwrap();
    let ev = watch_events(&ub, 25);
    std::thread::sleep(Duration::from_millis(1500));
    let t = Instant::now();
    let o = Command::new(&rvirsh)
        .args([
            "-c",
            &ub,
            "migrate",
            "--live",
            "--verbose",
            "--postcopy",
            "--timeout",
            "2",
            "--timeout-postcopy",
            "--persistent",
            "--persistent-xml",
            pf.to_str().unwrap(),
            "pc",
            &ua,
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    println!(
        "rvirsh post-copy migration: {:?}\nstdout: {}\nstderr:\n{err}",
        t.elapsed(),
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(o.status.success(), "{err}");
    for p in qemu_pids(a.root()) {
        pids.add(p);
    }
    let _ = Command::new("kill").arg(ev.id().to_string()).status();
    let ev = String::from_utf8_lossy(&ev.wait_with_output().unwrap().stdout).into_owned();
    assert!(
        ev.contains("event 'lifecycle' for domain 'pc': Suspended Post-copy"),
        "rvirsh --timeout-postcopy never switched: {ev}"
    );
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("Migration: ["))
        .collect();
    assert!(lines.len() >= 2, "no progress while the job ran: {err}");
    assert!(!lines[0].contains("100 %"), "{err}");
    assert_eq!(lines.last().copied(), Some("Migration: [100 %]"));
    wait_state(&ua, "pc", "running (migrated)");
    let inactive = ok(&ua, &["dumpxml", "--inactive", "pc"]);
    assert!(inactive.contains("persistent-xml-marker"), "{inactive}");
    let up2 = uptime(&ua, "pc");
    assert!(up2 > up1);

    // 3. virsh migrate-postcopy while a slow migration runs, A → B
    ok(&ua, &["migrate-setspeed", "pc", "1"]);
    let child = Command::new("virsh")
        .args(["-c", &ua, "migrate", "--live", "--postcopy", "pc", &ub])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let t = Instant::now();
    loop {
        let (_, j) = virsh(&ua, &["domjobinfo", "pc"]);
        if j.contains("Unbounded") && j.contains("Memory processed") {
            break;
        }
        assert!(t.elapsed() < Duration::from_secs(60), "no job: {j}");
        std::thread::sleep(Duration::from_millis(200));
    }
    ok(&ua, &["migrate-postcopy", "pc"]);
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    println!(
        "virsh migrate-postcopy: migration done {:?} after start",
        t.elapsed()
    );
    for p in qemu_pids(b.root()) {
        pids.add(p);
    }
    wait_state(&ub, "pc", "running (migrated)");
    let up3 = uptime(&ub, "pc");
    assert!(up3 > up2);

    // 4. rvirsh's option checks, then its progress bar on a terminal, B → A
    let rv = |args: &[&str]| {
        let o = Command::new(&rvirsh)
            .args(["-c", &ub])
            .args(args)
            .output()
            .unwrap();
        let text =
            String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
        (o.status.success(), text)
    };
    for (args, msg) in [
        (
            &["--live", "--timeout", "1", "--timeout-postcopy"][..],
            "Option --postcopy is required by option --timeout-postcopy",
        ),
        (
            &["--timeout", "1"][..],
            "Unexpected timeout for offline migration",
        ),
        (
            &["--live", "--timeout-suspend"][..],
            "Unexpected --timeout-* option without --timeout",
        ),
    ] {
        let mut a = vec!["migrate"];
        a.extend_from_slice(args);
        a.extend_from_slice(&["pc", &ua]);
        let (good, text) = rv(&a);
        assert!(!good && text.contains(msg), "{a:?}: {text}");
    }
    ok(&ub, &["migrate-setspeed", "pc", "1"]);
    let o = Command::new("script")
        .args([
            "-qfec",
            &format!(
                "{} -c '{ub}' migrate --live --verbose --postcopy --timeout 2 \
                 --timeout-postcopy pc '{ua}'",
                rvirsh.display()
            ),
            "/dev/null",
        ])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let tty = String::from_utf8_lossy(&o.stdout).into_owned();
    println!("rvirsh --verbose on a terminal: {tty:?}");
    assert!(o.status.success(), "{tty}");
    assert!(
        tty.contains(&format!("\rMigration: [100 %] [{}]", "#".repeat(30))),
        "{tty:?}"
    );
    assert!(tty.matches("\rMigration: [").count() >= 2, "{tty:?}");
    for p in qemu_pids(a.root()) {
        pids.add(p);
    }
    wait_state(&ua, "pc", "running (migrated)");
    let up4 = uptime(&ua, "pc");
    assert!(up4 > up3);

    // a tunnel has no return path for post-copy's page requests: refused, guest stays
    let (good, out) = virsh(
        &ua,
        &[
            "migrate",
            "--live",
            "--p2p",
            "--tunnelled",
            "--postcopy",
            "pc",
            &ub,
        ],
    );
    assert!(!good, "{out}");
    assert!(
        out.contains("post-copy is not supported with tunnelled migration"),
        "{out}"
    );
    assert_eq!(state(&ua, "pc").split(' ').next(), Some("running"));

    // 5. peer-to-peer post-copy, A → B
    ok(&ua, &["migrate-setspeed", "pc", "1"]);
    let ev_b = watch_events(&ub, 20);
    std::thread::sleep(Duration::from_millis(1500));
    migrate(
        &ua,
        &[
            "--live",
            "--p2p",
            "--postcopy",
            "--timeout",
            "1",
            "--timeout-postcopy",
            "pc",
            &ub,
        ],
    );
    for p in qemu_pids(b.root()) {
        pids.add(p);
    }
    let _ = Command::new("kill").arg(ev_b.id().to_string()).status();
    let ev_b = String::from_utf8_lossy(&ev_b.wait_with_output().unwrap().stdout).into_owned();
    assert!(
        ev_b.contains("event 'lifecycle' for domain 'pc': Resumed Post-copy"),
        "p2p post-copy: {ev_b}"
    );
    wait_state(&ub, "pc", "running (migrated)");
    assert!(uptime(&ub, "pc") > up4);
    // A keeps the definition --persistent-xml gave it, now shut off
    assert_eq!(state(&ua, "pc"), "shut off (migrated)");
    ok(&ub, &["destroy", "pc"]);
}
