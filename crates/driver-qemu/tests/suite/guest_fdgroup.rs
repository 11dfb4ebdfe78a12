//! A guest started with a `<source fdgroup>` disk through rvirtd: stock python3-libvirt
//! opens a raw image and hands it over with `virDomainFDAssociate`, QEMU gets it as
//! `-add-fd` + `/dev/fdset/0`, the guest reads the image's marker from /dev/vda. Before
//! the association, start fails with libvirt's error. A second group hot-plugs as `vdb`
//! (QMP `add-fd`).

use crate::common::{agent_exec, agent_socket, guest_available, guest_xml_devices};
use crate::rvirtd::{output_of, temp_root, Rvirtd};
use std::io::Write;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::{python_libvirt_and_virsh, PY};
const MARKER: &str = "rvirt-fdgroup-marker";
const MARKER2: &str = "rvirt-fdgroup-hotplug";

/// Opens argv[3] read-write, associates it as group argv[4] with domain argv[2], then
/// starts the domain (no argv[5]) or hot-plugs the disk XML argv[5]; prints `DONE` or
/// `ERR:…`.
const SCRIPT: &str = r#"
import libvirt, os, sys
c = libvirt.open(sys.argv[1])
d = c.lookupByName(sys.argv[2])
fd = os.open(sys.argv[3], os.O_RDWR)
try:
    d.FDAssociate(sys.argv[4], [fd], 0)
    os.close(fd)
    if len(sys.argv) > 5:
        d.attachDeviceFlags(sys.argv[5], libvirt.VIR_DOMAIN_AFFECT_LIVE)
    else:
        d.create()
    print('DONE')
except libvirt.libvirtError as e:
    print('ERR:' + str(e))
"#;

/// A raw image of 4 MiB starting with `marker`.
fn image(path: &std::path::Path, marker: &str) {
    let mut f = std::fs::File::create(path).unwrap();
    writeln!(f, "{marker}").unwrap();
    f.set_len(4 << 20).unwrap();
}

/// Waits until the guest agent's `grep -q marker dev` succeeds.
fn guest_reads(agent: &std::path::Path, marker: &'static str, dev: &'static str) {
    let t = Instant::now();
    loop {
        let sock = agent.to_path_buf();
        let r = std::thread::spawn(move || {
            std::panic::catch_unwind(|| agent_exec(&sock, &["grep", "-q", marker, dev]))
        })
        .join()
        .ok()
        .and_then(|r| r.ok());
        if r == Some(0) {
            return;
        }
        assert!(
            t.elapsed() < Duration::from_secs(90),
            "guest never read {marker} from {dev} ({r:?})"
        );
        std::thread::sleep(Duration::from_millis(500));
    }
}

#[test]
fn guest_boots_with_an_fdgroup_disk_associated_by_python() {
    let Some(guest) = guest_available() else {
        return;
    };
    if !python_libvirt_and_virsh() {
        return;
    }
    let root = temp_root("rvirt-fdgroup");
    let d = Rvirtd::start(root.path()).log_on_failure().cleanup(|d| {
        let _ = d.virsh(&["destroy", "fdguest"]);
    });
    // a raw image whose first bytes the guest looks for; its path is not QEMU's to open
    let img = root.path().join("hidden.img");
    image(&img, MARKER);
    let xml = guest_xml_devices(
        "fdguest",
        &guest,
        "<disk type='file' device='disk'><driver name='qemu' type='raw'/>\
         <source file='/nonexistent/fdgroup.img' fdgroup='grp'/>\
         <target dev='vda' bus='virtio'/></disk>",
    );
    let f = root.path().join("dom.xml");
    std::fs::write(&f, xml).unwrap();
    d.ok(&["define", f.to_str().unwrap()]);
    let inactive = d.ok(&["dumpxml", "fdguest"]);
    assert!(inactive.contains("fdgroup='grp'"), "{inactive}");
    // never associated: libvirt's error, and nothing runs
    let (ok, out) = d.virsh(&["start", "fdguest"]);
    assert!(!ok, "{out}");
    assert!(
        out.contains(
            "invalid argument: file descriptor group 'grp' was not associated with the domain"
        ),
        "{out}"
    );
    let (_, out) = output_of(Command::new(PY).args([
        "-c",
        SCRIPT,
        &d.uri(),
        "fdguest",
        img.to_str().unwrap(),
        "grp",
    ]));
    assert_eq!(out.trim(), "DONE", "{}", d.log());
    let log =
        std::fs::read_to_string(root.path().join("var/log/libvirt/qemu/fdguest.log")).unwrap();
    assert!(
        log.contains("-add-fd set=0,fd=700,opaque=libvirt-1-storage0"),
        "{log}"
    );
    assert!(log.contains("\"filename\":\"/dev/fdset/0\""), "{log}");
    let live = d.ok(&["dumpxml", "fdguest"]);
    assert!(
        live.contains("<source file='/nonexistent/fdgroup.img' fdgroup='grp'"),
        "{live}"
    );
    assert!(!live.contains("rvirt-fdset"), "{live}");
    let agent = agent_socket(&live);
    guest_reads(&agent, MARKER, "/dev/vda");

    // hotplug: the group's fd goes to QEMU with QMP `add-fd`, the blockdev opens
    // /dev/fdset/N
    let img2 = root.path().join("hotplug.img");
    image(&img2, MARKER2);
    let disk = "<disk type='file' device='disk'><driver name='qemu' type='raw'/>\
                <source file='/nonexistent/hotplug.img' fdgroup='hp'/>\
                <target dev='vdb' bus='virtio'/></disk>";
    let (_, out) = output_of(Command::new(PY).args([
        "-c",
        SCRIPT,
        &d.uri(),
        "fdguest",
        img2.to_str().unwrap(),
        "hp",
        disk,
    ]));
    assert_eq!(out.trim(), "DONE", "{}", d.log());
    let live = d.ok(&["dumpxml", "fdguest"]);
    assert!(
        live.contains("<source file='/nonexistent/hotplug.img' fdgroup='hp'"),
        "{live}"
    );
    let sets = d.ok(&[
        "qemu-monitor-command",
        "fdguest",
        r#"{"execute":"query-fdsets"}"#,
    ]);
    assert!(sets.contains("-storage0\""), "{sets}");
    guest_reads(&agent, MARKER2, "/dev/vdb");
    assert_eq!(sets.matches("\"fdset-id\"").count(), 2, "{sets}");
    // unplugging it removes its fd set too
    let f3 = root.path().join("vdb.xml");
    std::fs::write(&f3, disk).unwrap();
    d.ok(&["detach-device", "fdguest", f3.to_str().unwrap(), "--live"]);
    let t = Instant::now();
    loop {
        let sets = d.ok(&[
            "qemu-monitor-command",
            "fdguest",
            r#"{"execute":"query-fdsets"}"#,
        ]);
        if sets.matches("\"fdset-id\"").count() == 1 {
            break;
        }
        assert!(t.elapsed() < Duration::from_secs(30), "{sets}");
        std::thread::sleep(Duration::from_millis(200));
    }
    // hot-plugging a disk whose group was never associated fails like start-up
    let f2 = root.path().join("disk.xml");
    std::fs::write(&f2, disk.replace("'hp'", "'nogroup'").replace("vdb", "vdc")).unwrap();
    let (ok, out) = d.virsh(&["attach-device", "fdguest", f2.to_str().unwrap(), "--live"]);
    assert!(!ok, "{out}");
    assert!(
        out.contains("file descriptor group 'nogroup' was not associated with the domain"),
        "{out}"
    );
}
