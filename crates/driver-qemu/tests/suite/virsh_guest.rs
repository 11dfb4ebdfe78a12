//! The fixture of the stock-virsh guest tests: an `rvirtd --root` with the test guest
//! defined on a fresh qcow2 disk, started on demand with its QEMU tracked for clean-up.

use crate::common::{guest_xml_with_disk, stock_virsh_guest, PidGuard};
use crate::rvirtd::{qemu_pids, virsh_ok};
use std::path::PathBuf;
use std::process::Command;

/// A daemon with one defined guest (see [`define_qcow2_guest`]).
pub struct VirshGuest {
    pub daemon: rvirt_testkit::TestDaemon,
    pub uri: String,
    pub name: String,
    /// The guest's qcow2 disk (`vda`).
    pub disk: PathBuf,
    pids: PidGuard,
}

/// Starts rvirtd and defines guest `name` with a new qcow2 disk of `size` (qemu-img
/// syntax); `None` (the test skips) without the test guest or stock virsh.
pub fn define_qcow2_guest(name: &str, size: &str) -> Option<VirshGuest> {
    let guest = stock_virsh_guest()?;
    let daemon = rvirt_testkit::TestDaemon::start();
    let uri = daemon.uri("qemu:///system");
    let disk = daemon.root().join(format!("{name}-disk.qcow2"));
    let st = Command::new("qemu-img")
        .args(["create", "-q", "-f", "qcow2"])
        .arg(&disk)
        .arg(size)
        .status()
        .unwrap();
    assert!(st.success());
    let xml = guest_xml_with_disk(name, &guest, "qcow2", disk.to_str().unwrap());
    let xf = daemon.root().join(format!("{name}.xml"));
    std::fs::write(&xf, xml).unwrap();
    virsh_ok(&uri, &["define", xf.to_str().unwrap()]);
    Some(VirshGuest {
        daemon,
        uri,
        name: name.to_string(),
        disk,
        pids: PidGuard::default(),
    })
}

impl VirshGuest {
    /// `virsh start NAME`, tracking the new QEMU so a failing test still kills it.
    pub fn start(&self) {
        virsh_ok(&self.uri, &["start", &self.name]);
        for p in qemu_pids(self.daemon.root()) {
            self.pids.add(p);
        }
    }
}
