//! Building synthetic sysfs trees.

use std::os::unix::fs::symlink;
use std::path::PathBuf;

pub struct Tree {
    pub dir: tempfile::TempDir,
}

impl Tree {
    pub fn new() -> Tree {
        Tree {
            dir: tempfile::tempdir().unwrap(),
        }
    }
    pub fn root(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }
    pub fn file(&self, rel: &str, content: &str) {
        let p = self.dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
    }
    pub fn link(&self, rel: &str, target: &str) {
        let p = self.dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        symlink(target, p).unwrap();
    }
    pub fn mkdir(&self, rel: &str) {
        std::fs::create_dir_all(self.dir.path().join(rel)).unwrap();
    }
    /// A net device under `devpath` (relative to root) linked from class/net.
    pub fn netdev(&self, devpath: &str, name: &str, mac: &str, state: &str, extra_uevent: &str) {
        let d = format!("{devpath}/net/{name}");
        self.file(&format!("{d}/address"), &format!("{mac}\n"));
        self.file(&format!("{d}/operstate"), &format!("{state}\n"));
        self.file(&format!("{d}/mtu"), "1500\n");
        self.file(&format!("{d}/type"), "1\n");
        self.file(&format!("{d}/speed"), "1000\n");
        self.file(
            &format!("{d}/uevent"),
            &format!("{extra_uevent}INTERFACE={name}\nIFINDEX=2\n"),
        );
        self.link(&format!("{d}/subsystem"), &self.abs("class/net"));
        self.mkdir("class/net");
        self.link(&format!("class/net/{name}"), &self.abs(&d));
    }
    pub fn abs(&self, rel: &str) -> String {
        self.dir.path().join(rel).to_string_lossy().into_owned()
    }
}
