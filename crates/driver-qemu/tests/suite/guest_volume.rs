//! Issue 5's "a guest started with a `type='volume'` disk", with stock virsh against
//! rvirtd: dir pool → qcow2 volume → guest with `<disk type='volume'>` → QEMU opens the
//! volume's path as qcow2, the live XML keeps the volume source, the guest sees /dev/vda.

use crate::common::guest_available;
use crate::guest_net::agent_exec;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Daemon {
    root: PathBuf,
    child: Child,
}

impl Daemon {
    fn sock(&self) -> PathBuf {
        self.root.join("run/libvirt/libvirt-sock")
    }

    fn virsh(&self, args: &[&str]) -> (bool, String) {
        let uri = format!("qemu+unix:///system?socket={}", self.sock().display());
        let o = Command::new("virsh")
            .arg("-c")
            .arg(uri)
            .args(args)
            .output()
            .unwrap();
        let mut s = String::from_utf8_lossy(&o.stdout).into_owned();
        s += &String::from_utf8_lossy(&o.stderr);
        (o.status.success(), s)
    }

    fn ok(&self, args: &[&str]) -> String {
        let (ok, out) = self.virsh(args);
        assert!(ok, "virsh {args:?} failed: {out}");
        out
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.virsh(&["destroy", "volguest"]);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn guest_boots_with_a_volume_disk() {
    let Some(guest) = guest_available() else {
        return;
    };
    if Command::new("virsh").arg("--version").output().is_err() {
        eprintln!("skipping: virsh not installed");
        return;
    }
    let root = tempfile::Builder::new()
        .prefix("rvirt-guestvol")
        .tempdir()
        .unwrap();
    let child = Command::new(rvirt_testkit::binaries::bin_path("rvirtd"))
        .arg("--root")
        .arg(root.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let d = Daemon {
        root: root.path().to_path_buf(),
        child,
    };
    let t = Instant::now();
    while !d.sock().exists() {
        assert!(t.elapsed() < Duration::from_secs(20));
        std::thread::sleep(Duration::from_millis(10));
    }
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
    let xml = format!(
        "<domain type='qemu'><name>volguest</name><memory unit='MiB'>256</memory><vcpu>1</vcpu>\
         <os><type arch='x86_64' machine='pc'>hvm</type><kernel>{}</kernel><initrd>{}</initrd>\
         <cmdline>console=ttyS0 quiet</cmdline></os>\
         <devices><disk type='volume' device='disk'><source pool='vp' volume='data.qcow2'/>\
         <target dev='vda' bus='virtio'/></disk>\
         <serial type='pty'><target port='0'/></serial>\
         <console type='pty'><target type='serial' port='0'/></console>\
         <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>\
         </devices></domain>",
        guest.kernel.display(),
        guest.initrd.display()
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
    let agent = {
        let i = live.find("<source mode='bind' path='").unwrap() + 26;
        PathBuf::from(live[i..].split('\'').next().unwrap())
    };
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
