//! Issue 5's "done means" for the storage driver, with stock virsh against rvirtd's
//! qemu:///system: a dir pool's whole volume life (sparse 1 GiB upload/download, clone,
//! resize, wipe, delete) and its security rules, an fs pool on a loop device, an
//! iscsi-direct pool on a local tgt target, and guests whose disks are pool volumes.
//!
//! Needs root (losetup, mount); the iscsi and guest parts skip without tgt/libiscsi-bin,
//! QEMU or the test guest.

use rvirt_testkit::{require_tool, run, Output, TestDaemon};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const VIRSH: &str = "/usr/bin/virsh";
const QEMU: &str = "/usr/bin/qemu-system-x86_64";
const MIB: u64 = 1 << 20;
const GIB: u64 = 1 << 30;

/// Stock virsh on one rvirtd's qemu:///system.
struct Virsh<'a> {
    d: &'a TestDaemon,
    uri: String,
}

impl<'a> Virsh<'a> {
    fn new(d: &'a TestDaemon) -> Self {
        let uri = format!("qemu+unix:///system?socket={}", d.socket().display());
        Virsh { d, uri }
    }

    fn run(&self, args: &[&str]) -> Output {
        let mut argv = vec!["-q", "-c", &self.uri];
        argv.extend_from_slice(args);
        run(
            Path::new(VIRSH),
            &argv,
            &[("LC_ALL", "C")],
            Duration::from_secs(300),
        )
    }

    /// Runs a command that must succeed; returns its stdout.
    fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert_eq!(
            o.status,
            0,
            "virsh {args:?} failed:\n{}{}\nrvirtd log:\n{}",
            o.stdout,
            o.stderr,
            self.d.log()
        );
        o.stdout
    }

    /// Runs a command that must fail; returns its stderr.
    fn fails(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert_ne!(o.status, 0, "virsh {args:?} succeeded:\n{}", o.stdout);
        o.stderr
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn sh(cmd: &str) -> String {
    let o = Command::new("sh")
        .args(["-c", cmd])
        .output()
        .unwrap_or_else(|e| panic!("{cmd}: {e}"));
    assert!(
        o.status.success(),
        "{cmd}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn sha256(p: &Path) -> String {
    sh(&format!("sha256sum '{}'", p.display()))
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string()
}

/// xorshift64: incompressible test bytes without a random-number crate.
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed | 1;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.truncate(len);
    out
}

/// A sparse file of `len` bytes with 1 MiB of noise at each of `offsets`.
fn sparse_with_data(path: &Path, len: u64, offsets: &[u64]) {
    use std::io::{Seek, SeekFrom, Write};
    let mut f = std::fs::File::create(path).unwrap_or_else(|e| panic!("{e}"));
    f.set_len(len).unwrap_or_else(|e| panic!("{e}"));
    for (i, off) in offsets.iter().enumerate() {
        f.seek(SeekFrom::Start(*off))
            .unwrap_or_else(|e| panic!("{e}"));
        f.write_all(&noise(i as u64 + 7, MIB as usize))
            .unwrap_or_else(|e| panic!("{e}"));
    }
}

/// `Capacity:` of `vol-info`, in bytes (virsh prints it scaled; compared as text).
fn capacity(v: &Virsh, pool: &str, vol: &str) -> String {
    let info = v.ok(&["vol-info", "--pool", pool, vol]);
    info.lines()
        .find_map(|l| l.strip_prefix("Capacity:"))
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|| panic!("no capacity in {info}"))
}

#[test]
fn dir_pool_volume_life_with_stock_virsh() {
    if !require_tool(VIRSH, "dir_pool_volume_life_with_stock_virsh") {
        return;
    }
    let d = TestDaemon::start();
    let v = Virsh::new(&d);
    let scratch = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pool_dir = scratch.path().join("pool");
    let target = pool_dir.to_str().unwrap_or_default();
    v.ok(&["pool-define-as", "dp", "dir", "--target", target]);
    v.ok(&["pool-build", "dp"]);
    assert!(pool_dir.is_dir());
    v.ok(&["pool-start", "dp"]);

    // qcow2 volume: created 0600 (never world-readable) and really qcow2
    v.ok(&[
        "vol-create-as",
        "dp",
        "disk.qcow2",
        "64M",
        "--format",
        "qcow2",
    ]);
    let qcow = pool_dir.join("disk.qcow2");
    let mode = std::fs::metadata(&qcow)
        .unwrap_or_else(|e| panic!("{e}"))
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    // like libvirtd 9.0: no preallocation unless --prealloc-metadata (~200 KiB file)
    let qlen = std::fs::metadata(&qcow).map(|m| m.len()).unwrap_or(0);
    assert!(qlen < MIB, "qcow2 preallocated: {qlen} bytes");
    let xml = v.ok(&["vol-dumpxml", "--pool", "dp", "disk.qcow2"]);
    assert!(xml.contains("<format type='qcow2'/>"), "{xml}");
    assert!(sh(&format!("qemu-img info -U '{}'", qcow.display())).contains("file format: qcow2"));

    // 1 GiB sparse upload/download: same bytes, and the download is sparse too
    let src = scratch.path().join("in.img");
    let back = scratch.path().join("out.img");
    let offsets = [0, 100 * MIB, 513 * MIB, 700 * MIB + 4096, GIB - MIB];
    sparse_with_data(&src, GIB, &offsets);
    v.ok(&[
        "vol-create-as",
        "dp",
        "data.raw",
        "1G",
        "--allocation",
        "0",
        "--format",
        "raw",
    ]);
    let t = Instant::now();
    let srcs = src.to_str().unwrap_or_default();
    let backs = back.to_str().unwrap_or_default();
    v.ok(&["vol-upload", "--sparse", "--pool", "dp", "data.raw", srcs]);
    let vol_md = std::fs::metadata(pool_dir.join("data.raw")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(vol_md.len(), GIB);
    assert!(
        vol_md.blocks() * 512 < 64 * MIB,
        "upload filled the holes: {} bytes allocated",
        vol_md.blocks() * 512
    );
    v.ok(&[
        "vol-download",
        "--sparse",
        "--pool",
        "dp",
        "data.raw",
        backs,
    ]);
    assert!(
        t.elapsed() < Duration::from_secs(60),
        "sparse 1 GiB round trip took {:?}",
        t.elapsed()
    );
    let md = std::fs::metadata(&back).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(md.len(), GIB);
    assert!(
        md.blocks() * 512 < 64 * MIB,
        "download is not sparse: {} bytes allocated",
        md.blocks() * 512
    );
    assert_eq!(sha256(&src), sha256(&back));
    std::fs::remove_file(&back).unwrap_or_else(|e| panic!("{e}"));

    // vol-upload stores bytes as they come (libvirt converts nothing): a qcow2 image of the
    // same data uploaded into a qcow2 volume reads back as that data through qemu-img
    let img = scratch.path().join("in.qcow2");
    sh(&format!(
        "qemu-img convert -f raw -O qcow2 '{}' '{}'",
        src.display(),
        img.display()
    ));
    v.ok(&[
        "vol-create-as",
        "dp",
        "img.qcow2",
        "64M",
        "--format",
        "qcow2",
    ]);
    let imgs = img.to_str().unwrap_or_default();
    v.ok(&["vol-upload", "--pool", "dp", "img.qcow2", imgs]);
    v.ok(&["pool-refresh", "dp"]);
    assert_eq!(capacity(&v, "dp", "img.qcow2"), "1.00 GiB");
    sh(&format!(
        "qemu-img compare -f raw -F qcow2 '{}' '{}'",
        src.display(),
        pool_dir.join("img.qcow2").display()
    ));
    v.ok(&["vol-delete", "--pool", "dp", "img.qcow2"]);
    std::fs::remove_file(&img).unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_file(&src).unwrap_or_else(|e| panic!("{e}"));

    // clone keeps format and size
    v.ok(&["vol-clone", "--pool", "dp", "disk.qcow2", "clone.qcow2"]);
    let cxml = v.ok(&["vol-dumpxml", "--pool", "dp", "clone.qcow2"]);
    assert!(cxml.contains("<format type='qcow2'/>"), "{cxml}");
    assert_eq!(capacity(&v, "dp", "clone.qcow2"), "64.00 MiB");
    let cmode = std::fs::metadata(pool_dir.join("clone.qcow2"))
        .unwrap_or_else(|e| panic!("{e}"))
        .permissions()
        .mode();
    assert_eq!(cmode & 0o777, 0o600, "{cmode:o}");

    // resize: grow, grow by --delta, shrink only with --shrink
    v.ok(&["vol-resize", "--pool", "dp", "clone.qcow2", "128M"]);
    assert_eq!(capacity(&v, "dp", "clone.qcow2"), "128.00 MiB");
    v.ok(&[
        "vol-resize",
        "--pool",
        "dp",
        "clone.qcow2",
        "64M",
        "--delta",
    ]);
    assert_eq!(capacity(&v, "dp", "clone.qcow2"), "192.00 MiB");
    let e = v.fails(&["vol-resize", "--pool", "dp", "clone.qcow2", "32M"]);
    assert!(e.contains("unless shrink flag explicitly specified"), "{e}");
    v.ok(&[
        "vol-resize",
        "--pool",
        "dp",
        "clone.qcow2",
        "32M",
        "--shrink",
    ]);
    assert_eq!(capacity(&v, "dp", "clone.qcow2"), "32.00 MiB");
    let qi = sh(&format!(
        "qemu-img info -U '{}'",
        pool_dir.join("clone.qcow2").display()
    ));
    assert!(qi.contains("(33554432 bytes)"), "{qi}");

    // wipe: zero, then libvirt's nnsa algorithm (scrub) on a small volume
    v.ok(&["vol-create-as", "dp", "wipe.raw", "2M", "--format", "raw"]);
    let noise_file = scratch.path().join("noise.bin");
    std::fs::write(&noise_file, noise(3, 2 * MIB as usize)).unwrap_or_else(|e| panic!("{e}"));
    let nf = noise_file.to_str().unwrap_or_default();
    v.ok(&["vol-upload", "--pool", "dp", "wipe.raw", nf]);
    let wipe_path = pool_dir.join("wipe.raw");
    v.ok(&["vol-wipe", "--pool", "dp", "wipe.raw"]);
    let zeroed = std::fs::read(&wipe_path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(zeroed.len() as u64, 2 * MIB);
    assert!(zeroed.iter().all(|b| *b == 0), "zero wipe left data");
    std::fs::write(&wipe_path, noise(4, 2 * MIB as usize)).unwrap_or_else(|e| panic!("{e}"));
    if have("scrub") {
        v.ok(&[
            "vol-wipe",
            "--pool",
            "dp",
            "wipe.raw",
            "--algorithm",
            "nnsa",
        ]);
        let scrubbed = std::fs::read(&wipe_path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(scrubbed.len() as u64, 2 * MIB);
        assert!(
            scrubbed != noise(4, 2 * MIB as usize),
            "nnsa wipe left the data"
        );
    }

    // security: names that would escape the pool, with libvirt's error
    for bad in ["../escape.raw", "a/b.raw"] {
        let e = v.fails(&["vol-create-as", "dp", bad, "1M"]);
        assert!(
            e.contains(&format!(
                "error: Requested operation is not valid: volume name '{bad}' cannot contain '/'"
            )),
            "{e}"
        );
    }
    let e = v.fails(&["vol-create-as", "dp", "..", "1M"]);
    assert!(e.contains("volume name '..' is not allowed"), "{e}");
    assert!(!scratch.path().join("escape.raw").exists());

    // security: a symlink planted in the pool is never followed (create, chown, upload)
    let victim = scratch.path().join("victim");
    std::fs::write(&victim, b"precious").unwrap_or_else(|e| panic!("{e}"));
    std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o644))
        .unwrap_or_else(|e| panic!("{e}"));
    let victim_md = std::fs::metadata(&victim).unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(&victim, pool_dir.join("planted.raw"))
        .unwrap_or_else(|e| panic!("{e}"));
    v.ok(&["pool-refresh", "dp"]);
    let listed = v.ok(&["vol-list", "dp"]);
    assert!(!listed.contains("planted.raw"), "{listed}");
    let vol_xml = scratch.path().join("planted.xml");
    std::fs::write(
        &vol_xml,
        "<volume><name>planted.raw</name><capacity>1048576</capacity>\
         <target><format type='raw'/><permissions><mode>0666</mode><owner>65534</owner>\
         <group>65534</group></permissions></target></volume>",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    v.fails(&["vol-create", "dp", vol_xml.to_str().unwrap_or_default()]);
    v.ok(&[
        "vol-create-as",
        "dp",
        "swapped.raw",
        "1M",
        "--format",
        "raw",
    ]);
    std::fs::remove_file(pool_dir.join("swapped.raw")).unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(&victim, pool_dir.join("swapped.raw"))
        .unwrap_or_else(|e| panic!("{e}"));
    v.fails(&["vol-upload", "--pool", "dp", "swapped.raw", nf]);
    let after = std::fs::metadata(&victim).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (after.uid(), after.gid(), after.mode() & 0o777),
        (victim_md.uid(), victim_md.gid(), 0o644)
    );
    assert_eq!(
        std::fs::read(&victim).unwrap_or_else(|e| panic!("{e}")),
        b"precious"
    );

    // security: pool-build never chowns through a symlinked target directory
    let victim_dir = scratch.path().join("victim-dir");
    std::fs::create_dir(&victim_dir).unwrap_or_else(|e| panic!("{e}"));
    std::fs::set_permissions(&victim_dir, std::fs::Permissions::from_mode(0o755))
        .unwrap_or_else(|e| panic!("{e}"));
    let before = std::fs::metadata(&victim_dir).unwrap_or_else(|e| panic!("{e}"));
    let link_dir = scratch.path().join("linked-pool");
    std::os::unix::fs::symlink(&victim_dir, &link_dir).unwrap_or_else(|e| panic!("{e}"));
    let pool_xml = scratch.path().join("linked.xml");
    std::fs::write(
        &pool_xml,
        format!(
            "<pool type='dir'><name>linked</name><target><path>{}</path><permissions>\
             <mode>0777</mode><owner>65534</owner><group>65534</group></permissions>\
             </target></pool>",
            link_dir.display()
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    v.ok(&["pool-define", pool_xml.to_str().unwrap_or_default()]);
    let e = v.fails(&["pool-build", "linked"]);
    assert!(e.contains("is not a directory"), "{e}");
    let after = std::fs::metadata(&victim_dir).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (after.uid(), after.gid(), after.mode() & 0o777),
        (before.uid(), before.gid(), 0o755)
    );
    v.ok(&["pool-undefine", "linked"]);

    // delete
    for vol in ["disk.qcow2", "clone.qcow2", "data.raw", "wipe.raw"] {
        v.ok(&["vol-delete", "--pool", "dp", vol]);
        assert!(!pool_dir.join(vol).exists(), "{vol} still there");
    }
    // vol-delete of the swapped volume unlinks the symlink, never its target
    v.ok(&["vol-delete", "--pool", "dp", "swapped.raw"]);
    assert!(victim.exists());
    v.ok(&["pool-destroy", "dp"]);
    v.ok(&["pool-undefine", "dp"]);
}

/// A loop device on an image file, detached on drop.
struct Loop(String);

impl Drop for Loop {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
        let _ = Command::new("losetup").args(["-d", &self.0]).status();
    }
}

fn findmnt(target: &Path) -> Option<String> {
    let o = Command::new("findmnt")
        .args(["-n", "-o", "SOURCE,FSTYPE", "--mountpoint"])
        .arg(target)
        .output()
        .ok()?;
    o.status
        .success()
        .then(|| String::from_utf8_lossy(&o.stdout).trim().to_string())
}

#[test]
fn fs_pool_on_a_loop_device_with_stock_virsh() {
    if !require_tool(VIRSH, "fs_pool_on_a_loop_device_with_stock_virsh") {
        return;
    }
    if !is_root() || !have("losetup") || !have("mkfs.ext4") || !have("findmnt") {
        eprintln!("SKIP fs_pool_on_a_loop_device_with_stock_virsh: needs root, losetup, mkfs.ext4, findmnt");
        return;
    }
    let scratch = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let img = scratch.path().join("fs.img");
    std::fs::File::create(&img)
        .and_then(|f| f.set_len(64 * MIB))
        .unwrap_or_else(|e| panic!("{e}"));
    let dev = match Command::new("losetup")
        .args(["-f", "--show"])
        .arg(&img)
        .output()
    {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).trim().to_string(),
        _ => {
            eprintln!("SKIP fs_pool_on_a_loop_device_with_stock_virsh: no loop device");
            return;
        }
    };
    let lo = Loop(dev);
    let mnt = scratch.path().join("mnt");
    let d = TestDaemon::start();
    let v = Virsh::new(&d);
    v.ok(&[
        "pool-define-as",
        "fsp",
        "fs",
        "--source-dev",
        &lo.0,
        "--source-format",
        "ext4",
        "--target",
        mnt.to_str().unwrap_or_default(),
    ]);
    v.ok(&["pool-build", "fsp"]);
    assert!(
        sh(&format!("blkid -o value -s TYPE {}", lo.0)).trim() == "ext4",
        "pool-build did not make ext4"
    );
    assert_eq!(findmnt(&mnt), None, "mounted before pool-start");
    v.ok(&["pool-start", "fsp"]);
    let m = findmnt(&mnt).unwrap_or_else(|| panic!("pool-start did not mount {}", lo.0));
    assert_eq!(
        m.split_whitespace().collect::<Vec<_>>(),
        [&lo.0[..], "ext4"]
    );
    v.ok(&["vol-create-as", "fsp", "v.qcow2", "8M", "--format", "qcow2"]);
    assert!(mnt.join("v.qcow2").exists());
    let list = v.ok(&["vol-list", "fsp"]);
    assert!(list.contains("v.qcow2"), "{list}");
    let info = v.ok(&["pool-info", "fsp"]);
    assert!(info.contains("State:          running"), "{info}");
    v.ok(&["pool-destroy", "fsp"]);
    assert_eq!(findmnt(&mnt), None, "pool-destroy did not unmount");
    // the volume lives on the filesystem, not in the mount-point directory
    assert!(!mnt.join("v.qcow2").exists());
    v.ok(&["pool-start", "fsp"]);
    let list = v.ok(&["vol-list", "fsp"]);
    assert!(list.contains("v.qcow2"), "{list}");
    v.ok(&["pool-destroy", "fsp"]);
    v.ok(&["pool-undefine", "fsp"]);
    assert_eq!(findmnt(&mnt), None);
}

mod iscsi;
