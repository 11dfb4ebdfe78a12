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
