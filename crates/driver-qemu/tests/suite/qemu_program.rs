//! The QEMU program (`libvirt-qemu`) through rvirtd with stock virsh on a real guest:
//! qemu-monitor-command (QMP and --hmp), qemu-agent-command, qemu-monitor-event, the
//! read-only refusal and the custom-monitor taint; then shutdown --mode agent/acpi, and
//! live vCPU hotplug with setvcpus --live.

use crate::common::{guest_xml, stock_virsh_guest, PidGuard};
use crate::rvirtd::{qemu_pids, virsh_at as virsh, virsh_ok as ok};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Polls `virsh args` until it succeeds; its output, or None after `timeout`.
fn poll_ok(uri: &str, args: &[&str], timeout: Duration) -> Option<String> {
    let t = Instant::now();
    while t.elapsed() < timeout {
        let (good, out) = virsh(uri, args);
        if good {
            return Some(out);
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    None
}

/// Polls `virsh domstate name` until it prints `want`.
fn wait_state(uri: &str, name: &str, want: &str, timeout: Duration) -> bool {
    let t = Instant::now();
    while t.elapsed() < timeout {
        if virsh(uri, &["domstate", name]).1.trim() == want {
            return true;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    false
}

/// Starts `xml` as a defined domain on a fresh rvirtd; its URI and the daemon.
fn start_guest(name: &str, xml: &str) -> (rvirt_testkit::TestDaemon, String, PidGuard) {
    let d = rvirt_testkit::TestDaemon::start();
    let pids = PidGuard::default();
    let uri = d.uri("qemu:///system");
    let xf = d.root().join(format!("{name}.xml"));
    std::fs::write(&xf, xml).unwrap();
    ok(&uri, &["define", xf.to_str().unwrap()]);
    ok(&uri, &["start", name]);
    for p in qemu_pids(d.root()) {
        pids.add(p);
    }
    (d, uri, pids)
}

#[test]
fn virsh_qemu_monitor_agent_event_and_shutdown_modes() {
    let Some(guest) = stock_virsh_guest() else {
        return;
    };
    let (d, uri, _pids) = start_guest("qp", &guest_xml("qp", &guest));

    let out = ok(
        &uri,
        &[
            "qemu-monitor-command",
            "qp",
            r#"{"execute":"query-status"}"#,
        ],
    );
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["return"]["status"], "running", "{out}");
    assert!(v["id"].as_str().unwrap().starts_with("libvirt-"), "{out}");
    let out = ok(
        &uri,
        &[
            "qemu-monitor-command",
            "qp",
            "--pretty",
            r#"{"execute":"query-name"}"#,
        ],
    );
    assert!(out.contains("\"name\": \"qp\""), "{out}");
    let out = ok(
        &uri,
        &["qemu-monitor-command", "qp", "--hmp", "info status"],
    );
    assert!(out.contains("VM status: running"), "{out}");
    let out = ok(
        &uri,
        &["qemu-monitor-command", "qp", r#"{"execute":"no-such-cmd"}"#],
    );
    assert!(out.contains("CommandNotFound"), "{out}");
    let log = std::fs::read_to_string(d.root().join("var/log/libvirt/qemu/qp.log")).unwrap();
    assert_eq!(
        log.matches("is tainted: custom-monitor").count(),
        1,
        "tainted once per run: {log}"
    );

    // read-only connections are refused
    let (good, out) = crate::rvirtd::output_of(
        Command::new("virsh")
            .args(["-r", "-c", &uri, "qemu-monitor-command", "qp"])
            .arg(r#"{"execute":"query-status"}"#),
    );
    assert!(!good);
    assert!(
        out.contains("read only access prevents virDomainQemuMonitorCommand"),
        "{out}"
    );

    // the guest agent: wait for qemu-ga, then guest-info with an explicit timeout
    let info = poll_ok(
        &uri,
        &[
            "qemu-agent-command",
            "qp",
            "--timeout",
            "10",
            r#"{"execute":"guest-info"}"#,
        ],
        Duration::from_secs(240),
    )
    .expect("guest agent never answered");
    let v: serde_json::Value = serde_json::from_str(info.trim()).unwrap();
    assert!(v["return"]["version"].is_string(), "{info}");
    assert!(v["return"]["supported_commands"].is_array(), "{info}");

    // monitor events: STOP and RESUME caused by suspend/resume
    let ev = Command::new("virsh")
        .args([
            "-c",
            &uri,
            "qemu-monitor-event",
            "--domain",
            "qp",
            "--loop",
            "--timeout",
            "20",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_secs(3));
    ok(&uri, &["suspend", "qp"]);
    ok(&uri, &["resume", "qp"]);
    let out = ev.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("event STOP") && text.contains("event RESUME"),
        "{text}"
    );
    assert!(text.contains("for domain 'qp'"), "{text}");
    // an event filter by name
    let (_, out) = virsh(
        &uri,
        &["qemu-monitor-event", "--event", "NOPE", "--timeout", "2"],
    );
    assert!(out.contains("events received: 0"), "{out}");

    // shutdown --mode agent uses guest-shutdown: the busybox guest has no /sbin/shutdown,
    // so the agent reports the failure and the guest keeps running (no ACPI fallback)
    let (good, out) = virsh(&uri, &["shutdown", "qp", "--mode", "agent"]);
    if !good {
        assert!(out.contains("agent"), "{out}");
        assert_eq!(virsh(&uri, &["domstate", "qp"]).1.trim(), "running");
        ok(&uri, &["shutdown", "qp", "--mode", "acpi"]);
    }
    assert!(
        wait_state(&uri, "qp", "shut off", Duration::from_secs(120)),
        "guest did not power off"
    );
}

#[test]
fn virsh_shutdown_mode_agent_without_agent_channel() {
    let Some(guest) = stock_virsh_guest() else {
        return;
    };
    let xml = guest_xml("na", &guest).replace(
        "<channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>",
        "",
    );
    let (_d, uri, _pids) = start_guest("na", &xml);
    let (good, out) = virsh(&uri, &["shutdown", "na", "--mode", "agent"]);
    assert!(!good);
    assert!(out.contains("QEMU guest agent is not configured"), "{out}");
    let (good, out) = virsh(&uri, &["reboot", "na", "--mode", "agent"]);
    assert!(!good);
    assert!(out.contains("QEMU guest agent is not configured"), "{out}");
    let (good, out) = virsh(
        &uri,
        &["qemu-agent-command", "na", r#"{"execute":"guest-ping"}"#],
    );
    assert!(!good);
    assert!(out.contains("QEMU guest agent is not configured"), "{out}");
    ok(&uri, &["destroy", "na"]);
}

#[test]
fn virsh_setvcpus_live_hotplug_and_unplug() {
    let Some(guest) = stock_virsh_guest() else {
        return;
    };
    let xml = guest_xml("hv", &guest).replace(
        "<vcpu>1</vcpu>",
        "<maxMemory slots='4' unit='MiB'>1024</maxMemory>\
         <vcpu placement='static' current='1'>2</vcpu>",
    );
    let (_d, uri, _pids) = start_guest("hv", &xml);
    let count = ok(&uri, &["vcpucount", "hv", "--live", "--active"]);
    assert_eq!(count.trim(), "1");
    let guest_vcpus = || {
        poll_ok(
            &uri,
            &[
                "qemu-agent-command",
                "hv",
                "--timeout",
                "10",
                r#"{"execute":"guest-get-vcpus"}"#,
            ],
            Duration::from_secs(240),
        )
        .map(|o| {
            let v: serde_json::Value = serde_json::from_str(o.trim()).unwrap();
            v["return"].as_array().map(Vec::len).unwrap_or(0)
        })
    };
    assert_eq!(guest_vcpus(), Some(1));
    ok(&uri, &["setvcpus", "hv", "2", "--live"]);
    assert_eq!(
        ok(&uri, &["vcpucount", "hv", "--live", "--active"]).trim(),
        "2"
    );
    let qmp = ok(
        &uri,
        &[
            "qemu-monitor-command",
            "hv",
            r#"{"execute":"query-cpus-fast"}"#,
        ],
    );
    let v: serde_json::Value = serde_json::from_str(qmp.trim()).unwrap();
    assert_eq!(v["return"].as_array().unwrap().len(), 2, "{qmp}");
    // the guest kernel sees the new CPU (online or not)
    let t = Instant::now();
    let mut seen = 0;
    while t.elapsed() < Duration::from_secs(60) {
        seen = guest_vcpus().unwrap_or(0);
        if seen == 2 {
            break;
        }
        std::thread::sleep(Duration::from_secs(1));
    }
    assert_eq!(seen, 2, "guest-get-vcpus never listed the hotplugged vCPU");
    let (good, out) = virsh(&uri, &["setvcpus", "hv", "3", "--live"]);
    assert!(!good);
    assert!(
        out.contains(
            "requested vcpus is greater than max allowable vcpus for the live domain: 3 > 2"
        ),
        "{out}"
    );
    // unplug (ACPI eject handled by the guest kernel)
    let (good, out) = virsh(&uri, &["setvcpus", "hv", "1", "--live"]);
    if good {
        assert_eq!(
            ok(&uri, &["vcpucount", "hv", "--live", "--active"]).trim(),
            "1"
        );
    } else {
        assert!(out.contains("vcpu unplug request timed out"), "{out}");
    }

    ok(&uri, &["destroy", "hv"]);
}

#[test]
fn virsh_memory_dimm_attach_detach_live() {
    let Some(guest) = stock_virsh_guest() else {
        return;
    };
    let xml = guest_xml("hv", &guest).replace(
        "<vcpu>1</vcpu>",
        "<maxMemory slots='4' unit='MiB'>1024</maxMemory><vcpu>1</vcpu>",
    );
    let (_d, uri, _pids) = start_guest("hv", &xml);
    assert!(ok(&uri, &["dumpxml", "hv"])
        .contains("<maxMemory slots='4' unit='KiB'>1048576</maxMemory>"));
    // memory hotplug: a 128 MiB pc-dimm in slot 0, seen by QEMU and the guest kernel
    let blocks = || {
        poll_ok(
            &uri,
            &[
                "qemu-agent-command",
                "hv",
                "--timeout",
                "10",
                r#"{"execute":"guest-get-memory-blocks"}"#,
            ],
            Duration::from_secs(240),
        )
        .map(|o| {
            let v: serde_json::Value = serde_json::from_str(o.trim()).unwrap();
            v["return"].as_array().map(Vec::len).unwrap_or(0)
        })
        .unwrap_or(0)
    };
    let before = blocks();
    let dimm =
        "<memory model='dimm'><target><size unit='MiB'>128</size><node>0</node></target></memory>";
    let df = _d.root().join("dimm.xml");
    std::fs::write(&df, dimm).unwrap();
    ok(
        &uri,
        &["attach-device", "hv", df.to_str().unwrap(), "--live"],
    );
    let x = ok(&uri, &["dumpxml", "hv"]);
    assert!(x.contains("<alias name='dimm0'/>"), "{x}");
    assert!(x.contains("<address type='dimm' slot='0' base='0x"), "{x}");
    assert!(x.contains("<memory unit='KiB'>393216</memory>"), "{x}");
    let q = ok(
        &uri,
        &[
            "qemu-monitor-command",
            "hv",
            r#"{"execute":"query-memory-devices"}"#,
        ],
    );
    assert!(q.contains("\"id\":\"dimm0\"") || q.contains("dimm0"), "{q}");
    let t = Instant::now();
    let mut after = before;
    while t.elapsed() < Duration::from_secs(60) && after <= before {
        after = blocks();
        std::thread::sleep(Duration::from_secs(1));
    }
    assert!(after > before, "guest memory blocks {before} -> {after}");
    // too big for maxMemory
    let big = _d.root().join("big.xml");
    std::fs::write(
        &big,
        "<memory model='dimm'><target><size unit='MiB'>900</size><node>0</node></target></memory>",
    )
    .unwrap();
    let (good, out) = virsh(
        &uri,
        &["attach-device", "hv", big.to_str().unwrap(), "--live"],
    );
    assert!(!good);
    assert!(
        out.contains("would exceed domain's maxMemory config size"),
        "{out}"
    );
    // unplug: the guest kernel has to release the memory; either it goes or libvirt's
    // timeout error comes back
    let (good, out) = virsh(
        &uri,
        &["detach-device", "hv", df.to_str().unwrap(), "--live"],
    );
    if good {
        let x = ok(&uri, &["dumpxml", "hv"]);
        assert!(!x.contains("dimm0"), "{x}");
    } else {
        assert!(out.contains("memory unplug request timed out"), "{out}");
    }
    ok(&uri, &["destroy", "hv"]);
}
