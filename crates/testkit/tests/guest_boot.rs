//! The test guest boots under TCG, prints its readiness line, answers the guest agent and
//! powers off on the ACPI power button.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rvirt_testkit::guest::{ensure_guest, READY_LINE};
use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn test_guest_boots_answers_agent_and_powers_off() {
    if !std::path::Path::new("/usr/bin/qemu-system-x86_64").exists() {
        eprintln!(
            "SKIP test_guest_boots_answers_agent_and_powers_off: qemu-system-x86 is not installed"
        );
        return;
    }
    let img = ensure_guest().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let serial = dir.path().join("serial.log");
    let qga = dir.path().join("qga.sock");
    let qmp = dir.path().join("qmp.sock");
    let start = Instant::now();
    let mut child = Command::new("/usr/bin/qemu-system-x86_64")
        .args([
            "-machine",
            "pc,accel=tcg",
            "-m",
            "256",
            "-nodefaults",
            "-display",
            "none",
            "-kernel",
        ])
        .arg(&img.kernel)
        .arg("-initrd")
        .arg(&img.initrd)
        .args(["-append", "console=ttyS0 quiet"])
        .arg("-serial")
        .arg(format!("file:{}", serial.display()))
        .arg("-qmp")
        .arg(format!("unix:{},server=on,wait=off", qmp.display()))
        .args(["-device", "virtio-serial-pci", "-chardev"])
        .arg(format!(
            "socket,id=qga,path={},server=on,wait=off",
            qga.display()
        ))
        .args([
            "-device",
            "virtserialport,chardev=qga,name=org.qemu.guest_agent.0",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    while !std::fs::read_to_string(&serial)
        .unwrap_or_default()
        .contains(READY_LINE)
    {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "guest not ready in 60 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    println!("guest ready after {:?}", start.elapsed());

    let mut agent = UnixStream::connect(&qga).unwrap();
    agent
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    agent
        .write_all(b"\xff{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":4242}}\n")
        .unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&got).contains("4242") {
        let n = agent.read(&mut buf).unwrap();
        assert!(n > 0, "agent closed");
        got.extend_from_slice(&buf[..n]);
    }

    let mut mon = UnixStream::connect(&qmp).unwrap();
    mon.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let _ = mon.read(&mut buf).unwrap();
    mon.write_all(b"{\"execute\":\"qmp_capabilities\"}\n")
        .unwrap();
    let _ = mon.read(&mut buf).unwrap();
    let pressed = Instant::now();
    mon.write_all(b"{\"execute\":\"system_powerdown\"}\n")
        .unwrap();
    loop {
        if let Some(st) = child.try_wait().unwrap() {
            assert!(st.success());
            break;
        }
        assert!(
            pressed.elapsed() < Duration::from_secs(10),
            "guest did not power off"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    println!("powered off {:?} after the power button", pressed.elapsed());
}
