//! The "Done means", end to end with stock virsh through `rvirtd --root`:
//! define → start → console shows the readiness line → domifaddr --source agent →
//! attach-disk (the guest sees it) → detach → save → restore → managedsave → start (resumes)
//! → shutdown < 5 s → 5 guests, kill -9 rvirtd, restart: same PIDs, console and agent work.

use crate::common::{guest_xml, sparse_file, stock_virsh_guest};
use crate::rvirtd::{console_session, temp_root, Rvirtd};
use std::process::Command;
use std::time::{Duration, Instant};

/// rvirtd on a fixed root that can be killed and restarted; kills every QEMU it left on drop.
fn start_daemon(root: &std::path::Path) -> Rvirtd {
    Rvirtd::start(root).cleanup(|d| {
        let pids = d.qemu_pids();
        d.kill9();
        for p in pids {
            let _ = Command::new("kill").args(["-9", &p.to_string()]).status();
        }
    })
}

fn wait_agent_ipv4(d: &Rvirtd, name: &str) -> String {
    let t = Instant::now();
    loop {
        let (ok, out) = d.virsh(&["domifaddr", name, "--source", "agent"]);
        if ok
            && out
                .lines()
                .any(|l| l.contains("ipv4") && !l.contains("127.0.0.1"))
        {
            return out;
        }
        assert!(
            t.elapsed() < Duration::from_secs(60),
            "no agent address: {out}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn done_means_with_stock_virsh() {
    let Some(guest) = stock_virsh_guest() else {
        return;
    };
    let root = temp_root("rvirt-e2e");
    let mut d = start_daemon(root.path());
    let xmlf = root.path().join("g1.xml");
    std::fs::write(&xmlf, guest_xml("g1", &guest)).unwrap();
    d.ok(&["define", xmlf.to_str().unwrap()]);

    // start with the console attached: the readiness line shows up on it
    let t = Instant::now();
    let out = console_session(
        &d.uri(),
        "start g1 --console",
        "",
        rvirt_testkit::guest::READY_LINE,
        Duration::from_secs(90),
    );
    assert!(out.contains(rvirt_testkit::guest::READY_LINE), "{out}");
    println!("start → readiness line on the console: {:?}", t.elapsed());
    let mut start_lat = Vec::new();

    let ifaddr = wait_agent_ipv4(&d, "g1");
    println!("domifaddr --source agent:\n{ifaddr}");

    // attach a disk; the guest sees a new block device (its own name for it is vda)
    let img = root.path().join("extra.img");
    sparse_file(&img, 8 << 20);
    d.ok(&[
        "attach-disk",
        "g1",
        img.to_str().unwrap(),
        "vdb",
        "--targetbus",
        "virtio",
        "--live",
    ]);
    assert!(d.ok(&["domblklist", "g1"]).contains("vdb"));
    let out = console_session(
        &d.uri(),
        "console g1",
        "\necho BLK:$(ls /sys/block | tr '\\n' ,):END\n",
        "vda,:END",
        Duration::from_secs(20),
    );
    assert!(
        out.contains("vda,:END"),
        "guest does not see the disk: {out}"
    );
    d.ok(&["detach-disk", "g1", "vdb", "--live"]);
    assert!(!d.ok(&["domblklist", "g1"]).contains("vdb"));

    // save → restore
    let saved = root.path().join("g1.save");
    let t = Instant::now();
    d.ok(&["save", "g1", saved.to_str().unwrap()]);
    println!("save: {:?}", t.elapsed());
    assert_eq!(
        d.ok(&["domstate", "g1", "--reason"]).trim(),
        "shut off (saved)"
    );
    assert!(d
        .ok(&["save-image-dumpxml", saved.to_str().unwrap()])
        .contains("<name>g1</name>"));
    let t = Instant::now();
    d.ok(&["restore", saved.to_str().unwrap()]);
    println!("restore: {:?}", t.elapsed());
    assert_eq!(
        d.ok(&["domstate", "g1", "--reason"]).trim(),
        "running (restored)"
    );

    // managedsave → start resumes
    d.ok(&["managedsave", "g1"]);
    assert!(d.ok(&["dominfo", "g1"]).contains("Managed save:   yes"));
    let t = Instant::now();
    d.ok(&["start", "g1"]);
    println!("start from managed save: {:?}", t.elapsed());
    assert_eq!(
        d.ok(&["domstate", "g1", "--reason"]).trim(),
        "running (restored)"
    );
    assert!(d.ok(&["dominfo", "g1"]).contains("Managed save:   no"));
    wait_agent_ipv4(&d, "g1");

    // shutdown reaches shut off in under 5 s
    let t = Instant::now();
    d.ok(&["shutdown", "g1"]);
    let off = d.wait_state("g1", "shut off", Duration::from_secs(5));
    let shutdown_lat = t.elapsed();
    assert!(off.is_some(), "shutdown took longer than 5 s");
    println!("shutdown → shut off: {shutdown_lat:?}");

    // five guests, kill -9 rvirtd, restart
    for i in 2..=5 {
        let f = root.path().join(format!("g{i}.xml"));
        std::fs::write(&f, guest_xml(&format!("g{i}"), &guest)).unwrap();
        d.ok(&["define", f.to_str().unwrap()]);
    }
    for i in 1..=5 {
        let t = Instant::now();
        d.ok(&["start", &format!("g{i}")]);
        start_lat.push(t.elapsed());
    }
    println!("start latencies (virsh start → running): {start_lat:?}");
    let pids: Vec<i32> = (1..=5)
        .map(|i| d.qemu_pid(&format!("g{i}")).unwrap())
        .collect();
    wait_agent_ipv4(&d, "g3");
    d.kill9();
    d.spawn();
    let t = Instant::now();
    let list = d.ok(&["list"]);
    println!("first list after restart ({:?}):\n{list}", t.elapsed());
    for i in 1..=5 {
        assert!(
            list.lines()
                .any(|l| l.contains(&format!(" g{i} ")) && l.contains("running")),
            "{list}"
        );
    }
    let after: Vec<i32> = (1..=5)
        .map(|i| d.qemu_pid(&format!("g{i}")).unwrap())
        .collect();
    assert_eq!(pids, after);
    let out = console_session(
        &d.uri(),
        "console g3",
        "\necho ALIVE$((40+2))\n",
        "ALIVE42",
        Duration::from_secs(20),
    );
    assert!(out.contains("ALIVE42"), "console after restart: {out}");
    wait_agent_ipv4(&d, "g3");
    assert!(!d.ok(&["domhostname", "g3"]).trim().is_empty());

    let mut destroy_lat = Vec::new();
    for i in 1..=5 {
        let t = Instant::now();
        d.ok(&["destroy", &format!("g{i}")]);
        destroy_lat.push(t.elapsed());
    }
    println!("destroy latencies: {destroy_lat:?}");
    for p in pids {
        assert!(
            !rvirt_driver_qemu::process::pid_alive(p),
            "QEMU {p} survived destroy"
        );
    }
}
