//! libvirt's QEMU hook script under `rvirtd --root`: `<root>/etc/libvirt/hooks/qemu` runs
//! with `NAME prepare begin -` … `release end -` and the domain XML on stdin; a failing
//! prepare hook aborts the start with libvirt's error.

use crate::common::{guest_xml, stock_virsh_guest, PidGuard};
use crate::rvirtd::{qemu_pids, virsh_at as virsh, virsh_ok as ok};
use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

#[test]
fn virsh_start_and_destroy_run_the_qemu_hook() {
    let Some(guest) = stock_virsh_guest() else {
        return;
    };
    let d = rvirt_testkit::TestDaemon::start();
    let pids = PidGuard::default();
    let uri = d.uri("qemu:///system");
    let hooks = d.root().join("etc/libvirt/hooks");
    std::fs::create_dir_all(&hooks).unwrap();
    let log = hooks.join("calls.log");
    let deny = hooks.join("deny");
    let script = hooks.join("qemu");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nxml=$(cat)\necho \"$* $(echo \"$xml\" | grep -c '<name>hk</name>')\" >> {}\n\
             if [ \"$2\" = prepare ] && [ -e {} ]; then echo 'denied by policy' >&2; exit 1; fi\n",
            log.display(),
            deny.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let xf = d.root().join("hk.xml");
    std::fs::write(&xf, guest_xml("hk", &guest)).unwrap();
    ok(&uri, &["define", xf.to_str().unwrap()]);
    ok(&uri, &["start", "hk"]);
    for p in qemu_pids(d.root()) {
        pids.add(p);
    }
    ok(&uri, &["destroy", "hk"]);
    let want = "hk prepare begin - 1\nhk start begin - 1\nhk started begin - 1\n\
                hk stopped end - 1\nhk release end - 1\n";
    let t = Instant::now();
    let mut calls = String::new();
    while t.elapsed() < Duration::from_secs(20) {
        calls = std::fs::read_to_string(&log).unwrap_or_default();
        if calls == want {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(calls, want);

    std::fs::write(&deny, "").unwrap();
    let (good, out) = virsh(&uri, &["start", "hk"]);
    assert!(!good);
    assert!(
        out.contains("Hook script execution failed: internal error: Child process"),
        "{out}"
    );
    assert!(
        out.contains("hk prepare begin -) unexpected exit status 1: denied by policy"),
        "{out}"
    );
    assert_eq!(virsh(&uri, &["domstate", "hk"]).1.trim(), "shut off");
}

/// Writes an executable shell script.
fn script(path: &std::path::Path, body: &str) {
    std::fs::write(path, format!("#!/bin/sh\n{body}")).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hook_dir_scripts_and_failing_start_and_started_hooks() {
    Box::pin(hook_dir_body()).await;
}

async fn hook_dir_body() {
    use rvirt_core::driver::{Connection, DomainDriver};
    let Some(env) = crate::common::GuestEnv::start().await else {
        return;
    };
    let (guest, root, pids, drv, conn) = env.parts();
    let hooks = root.path().join("etc/libvirt/hooks");
    let dir = hooks.join("qemu.d");
    std::fs::create_dir_all(&dir).unwrap();
    let log = hooks.join("calls.log");
    // the main script and three qemu.d scripts, run in name order with the same args
    script(
        &hooks.join("qemu"),
        &format!("echo \"main $*\" >> {}\n", log.display()),
    );
    script(
        &dir.join("10-log"),
        &format!(
            "echo \"10 $* $(grep -c '<name>hd</name>')\" >> {}\n",
            log.display()
        ),
    );
    script(
        &dir.join("20-deny-start"),
        &format!(
            "if [ \"$2\" = start ] && [ -e {0}/deny-start ]; then echo 'no start' >&2; exit 1; fi\n",
            hooks.display()
        ),
    );
    script(
        &dir.join("30-deny-started"),
        &format!(
            "if [ \"$2\" = started ] && [ -e {0}/deny-started ]; then echo 'no started' >&2; exit 4; fi\n",
            hooks.display()
        ),
    );
    let dom = conn
        .domain_define_xml(&crate::common::guest_xml("hd", &guest), 0)
        .await
        .unwrap();
    let d = conn.domain_create(&dom, 0).await.unwrap();
    pids.track(&drv, &d);
    conn.domain_destroy(&d, 0).await.unwrap();
    let want = "main hd prepare begin -\n10 hd prepare begin - 1\n\
                main hd start begin -\n10 hd start begin - 1\n\
                main hd started begin -\n10 hd started begin - 1\n\
                main hd stopped end -\n10 hd stopped end - 1\n\
                main hd release end -\n10 hd release end - 1\n";
    let got = crate::common::wait_for(Duration::from_secs(20), || async {
        let c = std::fs::read_to_string(&log).unwrap_or_default();
        (c == want).then_some(c)
    })
    .await;
    assert!(
        got.is_some(),
        "{}",
        std::fs::read_to_string(&log).unwrap_or_default()
    );

    // a failing `start` hook fails the start with libvirt's error; release still runs
    std::fs::write(&log, "").unwrap();
    std::fs::write(hooks.join("deny-start"), "").unwrap();
    let e = conn.domain_create(&dom, 0).await.unwrap_err();
    assert!(
        e.message
            .starts_with("Hook script execution failed: internal error: Child process")
            && e.message
                .ends_with("20-deny-start hd start begin -) unexpected exit status 1: no start"),
        "{}",
        e.message
    );
    assert_eq!(conn.domain_get_state(&dom, 0).await.unwrap().0, 5);
    let calls = std::fs::read_to_string(&log).unwrap();
    assert!(calls.ends_with("10 hd release end - 1\n"), "{calls}");
    assert!(!calls.contains("started"), "{calls}");
    std::fs::remove_file(hooks.join("deny-start")).unwrap();

    // a failing `started` hook: QEMU ran, but the start fails and the domain is stopped
    // (reason failed) after the stopped/release hooks
    std::fs::write(&log, "").unwrap();
    std::fs::write(hooks.join("deny-started"), "").unwrap();
    let mut events = conn.events().subscribe();
    let e = conn.domain_create(&dom, 0).await.unwrap_err();
    assert!(
        e.message.starts_with("Hook script execution failed: ")
            && e.message.ends_with(
                "30-deny-started hd started begin -) unexpected exit status 4: no started"
            ),
        "{}",
        e.message
    );
    assert_eq!(conn.domain_get_state(&dom, 0).await.unwrap(), (5, 6));
    let got = crate::common::wait_for(Duration::from_secs(20), || async {
        let c = std::fs::read_to_string(&log).unwrap_or_default();
        c.ends_with("10 hd release end - 1\n").then_some(c)
    })
    .await;
    let calls = got.unwrap_or_else(|| std::fs::read_to_string(&log).unwrap_or_default());
    assert!(
        calls.contains("10 hd started begin - 1\nmain hd stopped end -\n"),
        "{calls}"
    );
    // no STARTED (nor STOPPED) lifecycle event for a start that failed
    let mut lifecycle = Vec::new();
    while let Ok(ev) = events.try_recv() {
        lifecycle.push(format!("{ev:?}"));
    }
    assert!(
        !lifecycle.iter().any(|e| e.contains("Lifecycle")),
        "{lifecycle:?}"
    );
    assert!(qemu_pids(root.path()).is_empty());
}

/// After a kill -9 of rvirtd, re-attaching runs `NAME reconnect begin -` with the live XML;
/// when that hook fails the guest is killed off and shut off (failed), as in libvirt.
#[test]
fn reconnect_hook_runs_on_reattach_and_a_failing_one_kills_the_guest() {
    let Some(guest) = stock_virsh_guest() else {
        return;
    };
    let root = crate::rvirtd::temp_root("rvirt-hook-reconnect-");
    let hooks = root.path().join("etc/libvirt/hooks");
    std::fs::create_dir_all(&hooks).unwrap();
    let log = hooks.join("calls.log");
    let deny = hooks.join("deny");
    script(
        &hooks.join("qemu"),
        &format!(
            "xml=$(cat)\necho \"$* $(echo \"$xml\" | grep -c \"<domain type='qemu' id=\")\" >> {}\n\
             if [ \"$2\" = reconnect ] && [ -e {} ]; then echo no >&2; exit 1; fi\n",
            log.display(),
            deny.display()
        ),
    );
    let mut d = crate::rvirtd::Rvirtd::start(root.path()).log_on_failure();
    let pids = PidGuard::default();
    let xf = root.path().join("rh.xml");
    std::fs::write(&xf, guest_xml("rh", &guest)).unwrap();
    d.ok(&["define", xf.to_str().unwrap()]);
    d.ok(&["start", "rh"]);
    let pid = d.qemu_pid("rh").unwrap();
    pids.add(pid);

    // a passing reconnect hook: same QEMU, still running, hook saw the live XML
    d.kill9();
    d.spawn();
    assert_eq!(d.ok(&["domstate", "rh"]).trim(), "running");
    assert_eq!(d.qemu_pid("rh"), Some(pid));
    let t = Instant::now();
    let mut calls = String::new();
    while t.elapsed() < Duration::from_secs(20) && !calls.ends_with("reconnect begin - 1\n") {
        std::thread::sleep(Duration::from_millis(50));
        calls = std::fs::read_to_string(&log).unwrap();
    }
    assert!(calls.ends_with("rh reconnect begin - 1\n"), "{calls}");

    // a failing one: the guest is killed off
    std::fs::write(&deny, "").unwrap();
    d.kill9();
    d.spawn();
    let took = d.wait_state("rh", "shut off", Duration::from_secs(20));
    assert!(took.is_some(), "{}", d.ok(&["domstate", "rh", "--reason"]));
    assert_eq!(
        d.ok(&["domstate", "rh", "--reason"]).trim(),
        "shut off (failed)"
    );
    let t = Instant::now();
    while running(pid) && t.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!running(pid), "QEMU {pid} still running");
    let calls = std::fs::read_to_string(&log).unwrap();
    assert!(
        calls.contains("rh reconnect begin - 1\nrh stopped end - 0\n")
            || calls.contains("rh reconnect begin - 1\nrh stopped end - 1\n"),
        "{calls}"
    );
}

/// Whether `pid` exists and is not a zombie waiting for PID 1 to reap it.
fn running(pid: i32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|st| st.rsplit(") ").next().map(|r| !r.starts_with('Z')))
        .unwrap_or(false)
}

/// `NAME restore begin -` gets the saved XML and may print a replacement (here it adds a
/// `<description>`); a failing restore hook aborts the restore.
#[test]
fn restore_hook_rewrites_the_xml_or_refuses() {
    let Some(guest) = stock_virsh_guest() else {
        return;
    };
    let d = rvirt_testkit::TestDaemon::start();
    let pids = PidGuard::default();
    let uri = d.uri("qemu:///system");
    let hooks = d.root().join("etc/libvirt/hooks");
    std::fs::create_dir_all(&hooks).unwrap();
    let deny = hooks.join("deny");
    script(
        &hooks.join("qemu"),
        &format!(
            "xml=$(cat)\n[ \"$2\" = restore ] || exit 0\n\
             if [ -e {} ]; then echo 'restore not allowed' >&2; exit 1; fi\n\
             echo \"$xml\" | sed 's|</name>|</name><description>via hook</description>|'\n",
            deny.display()
        ),
    );
    let xf = d.root().join("rs.xml");
    std::fs::write(&xf, guest_xml("rs", &guest)).unwrap();
    ok(&uri, &["define", xf.to_str().unwrap()]);
    ok(&uri, &["start", "rs"]);
    for p in qemu_pids(d.root()) {
        pids.add(p);
    }
    let img = d.root().join("rs.save");
    ok(&uri, &["save", "rs", img.to_str().unwrap()]);
    std::fs::write(&deny, "").unwrap();
    let (good, out) = virsh(&uri, &["restore", img.to_str().unwrap()]);
    assert!(!good, "{out}");
    assert!(
        out.contains("rs restore begin -) unexpected exit status 1: restore not allowed"),
        "{out}"
    );
    assert_eq!(virsh(&uri, &["domstate", "rs"]).1.trim(), "shut off");
    std::fs::remove_file(&deny).unwrap();
    ok(&uri, &["restore", img.to_str().unwrap()]);
    for p in qemu_pids(d.root()) {
        pids.add(p);
    }
    assert_eq!(ok(&uri, &["domstate", "rs"]).trim(), "running");
    let x = ok(&uri, &["dumpxml", "rs"]);
    assert!(x.contains("<description>via hook</description>"), "{x}");
    ok(&uri, &["destroy", "rs"]);
}
