//! Issue 5's "a guest started with a `type='volume'` disk", with stock virsh against
//! rvirtd: dir pool → qcow2 volume → guest with `<disk type='volume'>` → QEMU opens the
//! volume's path as qcow2, the live XML keeps the volume source, the guest sees /dev/vda.

use crate::common::{agent_exec, agent_socket, guest_xml_devices, stock_virsh_guest};
use crate::rvirtd::{temp_root, Rvirtd};
use std::time::{Duration, Instant};

#[test]
fn guest_boots_with_a_volume_disk() {
    let Some(guest) = stock_virsh_guest() else {
        return;
    };
    let root = temp_root("rvirt-guestvol");
    // destroys the guest before the daemon is killed
    let d = Rvirtd::start(root.path()).cleanup(|d| {
        let _ = d.virsh(&["destroy", "volguest"]);
    });
    let pool_dir = root.path().join("pool");
    d.ok(&[
        "pool-define-as",
        "vp",
        "dir",
        "--target",
        pool_dir.to_str().unwrap(),
    ]);
    d.ok(&["pool-build", "vp"]);
    d.ok(&["pool-start", "vp"]);
    d.ok(&[
        "vol-create-as",
        "vp",
        "data.qcow2",
        "64M",
        "--format",
        "qcow2",
    ]);
    let xml = guest_xml_devices(
        "volguest",
        &guest,
        "<disk type='volume' device='disk'><source pool='vp' volume='data.qcow2'/>\
         <target dev='vda' bus='virtio'/></disk>",
    );
    let f = root.path().join("dom.xml");
    std::fs::write(&f, xml).unwrap();
    d.ok(&["define", f.to_str().unwrap()]);
    d.ok(&["start", "volguest"]);
    let live = d.ok(&["dumpxml", "volguest"]);
    assert!(
        live.contains("<disk type='volume' device='disk'>"),
        "{live}"
    );
    assert!(
        live.contains("<source pool='vp' volume='data.qcow2'/>"),
        "{live}"
    );
    assert!(live.contains("type='qcow2'"), "{live}");
    let log =
        std::fs::read_to_string(root.path().join("var/log/libvirt/qemu/volguest.log")).unwrap();
    let vol_path = pool_dir.join("data.qcow2").display().to_string();
    assert!(
        log.contains(&format!("\"filename\":\"{vol_path}\""))
            && log.contains("\"driver\":\"qcow2\""),
        "{log}"
    );
    let agent = agent_socket(&live);
    // the agent answers once the guest is up; /dev/vda is the 64 MiB volume
    let t = Instant::now();
    loop {
        let sock = agent.clone();
        let r = std::thread::spawn(move || {
            std::panic::catch_unwind(|| agent_exec(&sock, &["test", "-b", "/dev/vda"]))
        })
        .join()
        .ok()
        .and_then(|r| r.ok());
        if r == Some(0) {
            break;
        }
        assert!(
            t.elapsed() < Duration::from_secs(90),
            "guest never saw /dev/vda ({r:?})"
        );
        std::thread::sleep(Duration::from_millis(500));
    }
}
