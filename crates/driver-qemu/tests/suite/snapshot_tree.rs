//! Snapshot trees through stock virsh against `rvirtd --root`:
//! - a shut-off guest whose data disk is written with qemu-io between snapshots: internal
//!   snapshot + revert, external disk-only snapshot + revert (changes after it are discarded),
//!   then deleting both (the external one merged back by `qemu-img commit`);
//! - a running guest written through the agent (guest-exec): internal snapshot with memory,
//!   external disk-only snapshot (--atomic), external snapshot with memory (--memspec);
//!   revert to each with the disk contents checked, delete all, check the backing chain.

use crate::common::{guest_available, guest_xml_with_disk, PidGuard};
use crate::rvirtd::{qemu_pids, temp_root, virsh_at as virsh, virsh_ok as ok, Rvirtd};
use serde_json::Value;
use std::process::Command;
use std::time::{Duration, Instant};

fn qemu_io(img: &str, cmd: &str) -> String {
    let out = Command::new("qemu-io")
        .args(["-f", "qcow2", "-c", cmd, img])
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "qemu-io {cmd} {img}: {text}");
    text
}

/// Whether the first 4 KiB of `img` (through its backing chain) hold `byte`.
fn holds(img: &str, byte: u8) -> bool {
    !qemu_io(img, &format!("read -P {byte:#x} 0 4096")).contains("verification failed")
}

/// The source file of `vda` as `virsh domblklist` reports it.
fn top(uri: &str) -> String {
    top_of(uri, "st")
}

fn top_of(uri: &str, dom: &str) -> String {
    let out = ok(uri, &["domblklist", dom]);
    out.lines()
        .find_map(|l| l.trim().strip_prefix("vda").map(|p| p.trim().to_string()))
        .unwrap_or_else(|| panic!("no vda in {out}"))
}

#[test]
fn virsh_snapshot_tree_internal_and_external() {
    let Some(guest) = guest_available() else {
        return;
    };
    if !std::path::Path::new("/usr/bin/virsh").exists() {
        eprintln!("skipping: virsh not installed");
        return;
    }
    let tmp = temp_root("rvirt-snaptree");
    let mut d = Rvirtd::start(tmp.path());
    let uri = d.uri();
    let disk = tmp.path().join("data.qcow2");
    let disk_s = disk.to_str().unwrap().to_string();
    let st = Command::new("qemu-img")
        .args(["create", "-q", "-f", "qcow2", &disk_s, "16M"])
        .status()
        .unwrap();
    assert!(st.success());
    let xf = tmp.path().join("st.xml");
    std::fs::write(&xf, guest_xml_with_disk("st", &guest, "qcow2", &disk_s)).unwrap();
    ok(&uri, &["define", xf.to_str().unwrap()]);

    // internal snapshot of the shut-off guest, then revert discards the later write
    qemu_io(&disk_s, "write -P 0x41 0 4096");
    ok(&uri, &["snapshot-create-as", "st", "int1"]);
    qemu_io(&disk_s, "write -P 0x42 0 4096");
    assert!(holds(&disk_s, 0x42));
    ok(&uri, &["snapshot-revert", "st", "int1"]);
    assert!(holds(&disk_s, 0x41), "internal revert did not restore A");

    // external disk-only snapshot: an overlay becomes the disk's top
    qemu_io(&disk_s, "write -P 0x42 0 4096");
    ok(&uri, &["snapshot-create-as", "st", "ext1", "--disk-only"]);
    let overlay = top(&uri);
    assert_ne!(overlay, disk_s);
    let x = ok(&uri, &["snapshot-dumpxml", "st", "ext1"]);
    assert!(x.contains("<state>disk-snapshot</state>"), "{x}");
    assert!(x.contains("<parent>\n    <name>int1</name>"), "{x}");
    assert!(
        x.contains(&format!("snapshot='external' type='file'>\n      <driver type='qcow2'/>\n      <source file='{overlay}'/>")),
        "{x}"
    );
    qemu_io(&overlay, "write -P 0x43 0 4096");
    assert!(holds(&overlay, 0x43));
    ok(&uri, &["snapshot-revert", "st", "ext1"]);
    assert_eq!(top(&uri), overlay);
    assert!(holds(&overlay, 0x42), "external revert did not restore B");
    assert_eq!(
        ok(&uri, &["snapshot-current", "st", "--name"]).trim(),
        "ext1"
    );

    // --redefine: drop the metadata only, then define it again from its own XML
    let saved = tmp.path().join("ext1.snap.xml");
    std::fs::write(&saved, ok(&uri, &["snapshot-dumpxml", "st", "ext1"])).unwrap();
    ok(&uri, &["snapshot-delete", "st", "ext1", "--metadata"]);
    assert!(!ok(&uri, &["snapshot-list", "st", "--name"]).contains("ext1"));
    assert!(std::path::Path::new(&overlay).exists());
    ok(
        &uri,
        &[
            "snapshot-create",
            "st",
            saved.to_str().unwrap(),
            "--redefine",
            "--current",
        ],
    );
    assert_eq!(ok(&uri, &["snapshot-dumpxml", "st", "ext1"]), x);
    assert_eq!(
        ok(&uri, &["snapshot-current", "st", "--name"]).trim(),
        "ext1"
    );
    let list = ok(&uri, &["snapshot-list", "st", "--external", "--name"]);
    assert_eq!(list.trim(), "ext1");

    // the metadata survives a daemon restart
    let before = ok(&uri, &["snapshot-list", "st", "--tree"]);
    d.kill9();
    d.spawn();
    assert_eq!(ok(&uri, &["snapshot-list", "st", "--tree"]), before);
    assert_eq!(ok(&uri, &["snapshot-dumpxml", "st", "ext1"]), x);
    assert_eq!(
        ok(&uri, &["snapshot-current", "st", "--name"]).trim(),
        "ext1"
    );
    let all = ok(&uri, &["snapshot-list", "st", "--name"]);
    assert!(all.contains("int1") && all.contains("ext1"), "{all}");

    // delete the external snapshot: its overlay is merged into data.qcow2
    qemu_io(&overlay, "write -P 0x44 0 4096");
    ok(&uri, &["snapshot-delete", "st", "ext1"]);
    assert_eq!(top(&uri), disk_s);
    assert!(!std::path::Path::new(&overlay).exists());
    assert!(holds(&disk_s, 0x44), "commit lost the overlay's data");
    let info = Command::new("qemu-img")
        .args(["info", "--backing-chain", "-U", &disk_s])
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout).to_string();
    assert!(!info.contains("backing file:"), "{info}");
    assert!(info.contains("int1"), "internal snapshot lost: {info}");

    // delete the internal one: gone from the image and from the tree
    ok(&uri, &["snapshot-delete", "st", "int1"]);
    let info = Command::new("qemu-img")
        .args(["snapshot", "-l", "-U", &disk_s])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&info.stdout).contains("int1"));
    assert_eq!(ok(&uri, &["snapshot-list", "st", "--name"]).trim(), "");
    let (has, _) = virsh(&uri, &["snapshot-current", "st", "--name"]);
    assert!(!has, "a current snapshot is left");
    ok(&uri, &["undefine", "st"]);
}

fn b64(s: &str) -> Vec<u8> {
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let (mut acc, mut bits, mut out) = (0u32, 0, Vec::new());
    for v in s.bytes().filter_map(val) {
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// `sh -c cmd` in the guest through `virsh qemu-agent-command` (guest-exec); (rc, stdout).
fn agent_sh(uri: &str, dom: &str, cmd: &str) -> Option<(i64, String)> {
    let req = serde_json::json!({"execute": "guest-exec", "arguments": {
        "path": "/bin/sh", "arg": ["-c", cmd], "capture-output": true}});
    let (good, out) = virsh(
        uri,
        &[
            "qemu-agent-command",
            dom,
            &req.to_string(),
            "--timeout",
            "10",
        ],
    );
    if !good {
        return None;
    }
    let pid = serde_json::from_str::<Value>(out.trim()).ok()?["return"]["pid"].as_i64()?;
    for _ in 0..200 {
        let q = format!(r#"{{"execute":"guest-exec-status","arguments":{{"pid":{pid}}}}}"#);
        let (good, out) = virsh(uri, &["qemu-agent-command", dom, &q, "--timeout", "10"]);
        if !good {
            return None;
        }
        let v: Value = serde_json::from_str(out.trim()).ok()?;
        if v["return"]["exited"].as_bool() == Some(true) {
            let data = b64(v["return"]["out-data"].as_str().unwrap_or(""));
            return Some((
                v["return"]["exitcode"].as_i64().unwrap_or(-1),
                String::from_utf8_lossy(&data).into_owned(),
            ));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    None
}

fn wait_agent(uri: &str, dom: &str) {
    let t = Instant::now();
    while t.elapsed() < Duration::from_secs(300) {
        if agent_sh(uri, dom, "true").map(|r| r.0) == Some(0) {
            return;
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    panic!("guest agent of {dom} never answered");
}

/// Writes `MARK<c>` to sector 8 of the guest's /dev/vda (synchronously).
fn guest_mark(uri: &str, dom: &str, c: char) {
    let cmd = format!("echo MARK{c} | dd of=/dev/vda bs=512 seek=8 count=1 conv=fsync 2>/dev/null");
    let r = agent_sh(uri, dom, &cmd).expect("guest-exec");
    assert_eq!(r.0, 0, "{r:?}");
}

/// The mark the guest reads from sector 8 of /dev/vda (page cache dropped first).
fn guest_read(uri: &str, dom: &str) -> String {
    let cmd = "echo 3 > /proc/sys/vm/drop_caches; dd if=/dev/vda bs=512 skip=8 count=1 2>/dev/null | head -c 5";
    agent_sh(uri, dom, cmd).expect("guest-exec").1
}

/// The mark in sector 8 of `img` read on the host (guest shut off).
fn host_read(img: &str) -> String {
    let out = qemu_io(img, "read -v 4096 5");
    // "00001000:  4d 41 52 4b 42  MARKB" — the ASCII column is the last field
    out.lines()
        .find(|l| l.starts_with("00001000:"))
        .and_then(|l| l.split_whitespace().last())
        .unwrap_or("")
        .to_string()
}

fn state_of(uri: &str, dom: &str) -> String {
    ok(uri, &["domstate", dom]).trim().to_string()
}

#[test]
fn virsh_snapshot_tree_running_guest() {
    let Some(guest) = guest_available() else {
        return;
    };
    if !std::path::Path::new("/usr/bin/virsh").exists() {
        eprintln!("skipping: virsh not installed");
        return;
    }
    let d = rvirt_testkit::TestDaemon::start();
    let pids = PidGuard::default();
    let track = || qemu_pids(d.root()).into_iter().for_each(|p| pids.add(p));
    let uri = d.uri("qemu:///system");
    let disk = d.root().join("data.qcow2");
    let disk_s = disk.to_str().unwrap().to_string();
    let st = Command::new("qemu-img")
        .args(["create", "-q", "-f", "qcow2", &disk_s, "32M"])
        .status()
        .unwrap();
    assert!(st.success());
    let xf = d.root().join("sm.xml");
    std::fs::write(&xf, guest_xml_with_disk("sm", &guest, "qcow2", &disk_s)).unwrap();
    ok(&uri, &["define", xf.to_str().unwrap()]);
    ok(&uri, &["start", "sm"]);
    track();
    wait_agent(&uri, "sm");

    // int1: internal, with memory
    guest_mark(&uri, "sm", 'A');
    let t = Instant::now();
    ok(&uri, &["snapshot-create-as", "sm", "int1"]);
    println!("int1 (internal+memory): {:?}", t.elapsed());
    let x = ok(&uri, &["snapshot-dumpxml", "sm", "int1"]);
    assert!(
        x.contains("<state>running</state>") && x.contains("<memory snapshot='internal'/>"),
        "{x}"
    );

    // ext1: external, disk-only, atomic
    guest_mark(&uri, "sm", 'B');
    let t = Instant::now();
    ok(
        &uri,
        &[
            "snapshot-create-as",
            "sm",
            "ext1",
            "--disk-only",
            "--atomic",
        ],
    );
    println!("ext1 (external disk-only): {:?}", t.elapsed());
    let ext1_overlay = top_of(&uri, "sm");
    assert_ne!(ext1_overlay, disk_s);
    assert_eq!(state_of(&uri, "sm"), "running");

    // ext2: external with memory
    guest_mark(&uri, "sm", 'C');
    let mem = d.root().join("ext2.mem");
    let memspec = format!("file={},snapshot=external", mem.display());
    let t = Instant::now();
    ok(
        &uri,
        &["snapshot-create-as", "sm", "ext2", "--memspec", &memspec],
    );
    println!("ext2 (external+memory): {:?}", t.elapsed());
    assert!(mem.exists());
    assert_eq!(state_of(&uri, "sm"), "running");
    let x = ok(&uri, &["snapshot-dumpxml", "sm", "ext2"]);
    assert!(x.contains("<state>running</state>"), "{x}");
    assert!(
        x.contains(&format!(
            "<memory snapshot='external' file='{}'/>",
            mem.display()
        )),
        "{x}"
    );
    assert!(x.contains("<parent>\n    <name>ext1</name>"), "{x}");
    let ext2_overlay = top_of(&uri, "sm");
    assert_ne!(ext2_overlay, ext1_overlay);
    guest_mark(&uri, "sm", 'D');
    assert_eq!(guest_read(&uri, "sm"), "MARKD");

    // revert to ext2: running again from the memory file, disk as at ext2
    let t = Instant::now();
    let (good, out) = virsh(&uri, &["snapshot-revert", "sm", "ext2"]);
    assert!(good, "revert ext2: {out}\n{}", d.log());
    println!("revert ext2: {:?}", t.elapsed());
    track();
    assert_eq!(state_of(&uri, "sm"), "running");
    wait_agent(&uri, "sm");
    assert_eq!(guest_read(&uri, "sm"), "MARKC");
    assert_eq!(top_of(&uri, "sm"), ext2_overlay);

    // revert to ext1 (disk-only): shut off, disk as at ext1
    ok(&uri, &["snapshot-revert", "sm", "ext1"]);
    assert_eq!(state_of(&uri, "sm"), "shut off");
    let top1 = top_of(&uri, "sm");
    assert!(top1.starts_with(&ext1_overlay), "{top1}");
    assert_eq!(host_read(&top1), "MARKB");

    // delete ext2 (not in the chain any more: metadata only) and ext1 (merged)
    let (bad, _) = virsh(&uri, &["snapshot-delete", "sm", "ext2"]);
    assert!(
        !bad,
        "deleting an external snapshot outside the chain must fail"
    );
    ok(&uri, &["snapshot-delete", "sm", "ext2", "--metadata"]);
    ok(&uri, &["snapshot-delete", "sm", "ext1"]);
    assert_eq!(top_of(&uri, "sm"), disk_s);
    assert_eq!(host_read(&disk_s), "MARKB");
    let info = Command::new("qemu-img")
        .args(["info", "--backing-chain", &disk_s])
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout).to_string();
    assert!(!info.contains("backing file:"), "{info}");

    // revert to int1: running, memory and disk as at int1
    let t = Instant::now();
    ok(&uri, &["snapshot-revert", "sm", "int1"]);
    println!("revert int1: {:?}", t.elapsed());
    track();
    assert_eq!(state_of(&uri, "sm"), "running");
    wait_agent(&uri, "sm");
    assert_eq!(guest_read(&uri, "sm"), "MARKA");

    // ext3: disk-only with --quiesce (agent fsfreeze), deleted while running (active
    // block-commit + pivot back into data.qcow2)
    ok(
        &uri,
        &[
            "snapshot-create-as",
            "sm",
            "ext3",
            "--disk-only",
            "--quiesce",
        ],
    );
    let ext3_overlay = top_of(&uri, "sm");
    assert_ne!(ext3_overlay, disk_s);
    guest_mark(&uri, "sm", 'E');
    let t = Instant::now();
    ok(&uri, &["snapshot-delete", "sm", "ext3"]);
    println!("delete ext3 (running, block-commit): {:?}", t.elapsed());
    assert_eq!(top_of(&uri, "sm"), disk_s);
    assert!(!std::path::Path::new(&ext3_overlay).exists());
    assert_eq!(guest_read(&uri, "sm"), "MARKE");
    assert_eq!(
        ok(&uri, &["snapshot-current", "sm", "--name"]).trim(),
        "int1"
    );

    ok(&uri, &["snapshot-delete", "sm", "int1"]);
    assert_eq!(ok(&uri, &["snapshot-list", "sm", "--name"]).trim(), "");
    let snaps = Command::new("qemu-img")
        .args(["snapshot", "-l", "-U", &disk_s])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&snaps.stdout).contains("int1"));
    ok(&uri, &["destroy", "sm"]);
    ok(&uri, &["undefine", "sm"]);
}
