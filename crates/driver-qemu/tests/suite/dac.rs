//! qemu.conf `user`/`group` under `rvirtd --root`: QEMU runs as that user, its disk image is
//! handed to it at start and back to the previous owner at stop.

use crate::common::{guest_xml_with_disk, stock_virsh_guest, PidGuard};
use crate::rvirtd::{qemu_pids, virsh_ok as ok};
use std::os::unix::fs::{MetadataExt, PermissionsExt};

fn uid_of(pid: i32) -> u32 {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    s.lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap()
}

#[test]
fn qemu_runs_as_qemu_conf_user_and_images_are_relabelled() {
    let Some(mut guest) = stock_virsh_guest() else {
        return;
    };
    if !rustix::process::geteuid().is_root() {
        eprintln!("skipping: needs root to change owners");
        return;
    }
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    let Some(nobody) = passwd
        .lines()
        .find(|l| l.starts_with("nobody:"))
        .and_then(|l| l.split(':').nth(2)?.parse::<u32>().ok())
    else {
        eprintln!("skipping: no 'nobody' user");
        return;
    };
    let d = rvirt_testkit::TestDaemon::start();
    let pids = PidGuard::default();
    let uri = d.uri("qemu:///system");
    let root = d.root();
    // the unprivileged QEMU has to reach its files: a traversable root, a readable kernel
    std::fs::set_permissions(root, std::fs::Permissions::from_mode(0o755)).unwrap();
    for dir in ["run", "run/libvirt", "run/libvirt/qemu"] {
        let p = root.join(dir);
        if p.exists() {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
    }
    for (src, name) in [(&guest.kernel, "vmlinuz"), (&guest.initrd, "initrd.img")] {
        std::fs::copy(src, root.join(name)).unwrap();
    }
    guest.kernel = root.join("vmlinuz");
    guest.initrd = root.join("initrd.img");
    std::fs::write(
        root.join("etc/libvirt/qemu.conf"),
        "# test\nuser = \"nobody\"\ngroup = \"+65534\"\n",
    )
    .unwrap();
    let disk = root.join("dac.img");
    std::fs::write(&disk, vec![0u8; 1 << 20]).unwrap();
    let before = std::fs::metadata(&disk).unwrap();
    let xml = guest_xml_with_disk("dac", &guest, "raw", disk.to_str().unwrap());
    let xf = root.join("dac.xml");
    std::fs::write(&xf, xml).unwrap();
    ok(&uri, &["define", xf.to_str().unwrap()]);
    ok(&uri, &["start", "dac"]);
    for p in qemu_pids(root) {
        pids.add(p);
    }
    let pid = qemu_pids(root)[0];
    assert_eq!(uid_of(pid), nobody);
    let m = std::fs::metadata(&disk).unwrap();
    assert_eq!((m.uid(), m.gid()), (nobody, 65534));
    ok(&uri, &["destroy", "dac"]);
    let m = std::fs::metadata(&disk).unwrap();
    assert_eq!((m.uid(), m.gid()), (before.uid(), before.gid()));
}
