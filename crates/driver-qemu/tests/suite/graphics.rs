//! VNC and screenshots with the real test guest: autoport in the live XML, the RFB banner
//! on TCP and on a unix socket, passwords (hidden without SECURE), `virDomainScreenshot`,
//! and stock `virsh vncdisplay` / `domdisplay` / `screenshot` against rvirtd.

use crate::common::{guest_available, guest_xml_devices, GuestEnv, PidGuard};
use crate::rvirtd::{qemu_pids, virsh_ok as ok};
use rvirt_core::driver::DomainDriver;
use rvirt_core::stream::StreamChunk;
use std::io::{Read, Write};
use std::time::Duration;

/// `<graphics type='vnc' autoport='yes' listen='127.0.0.1'/>` and a VGA.
const VNC_TCP: &str = "<graphics type='vnc' autoport='yes' listen='127.0.0.1'/>\
                       <video><model type='vga'/></video>";

/// The value of `attr='…'` on the first `<graphics` of an XML document.
fn graphics_attr(xml: &str, attr: &str) -> Option<String> {
    let g = &xml[xml.find("<graphics ")?..];
    let g = &g[..g.find('>')?];
    let i = g.find(&format!(" {attr}='"))? + attr.len() + 3;
    Some(g[i..].split('\'').next()?.to_string())
}

/// Reads the RFB banner, answers 3.8 and returns (banner, offered security types).
fn rfb_handshake<S: Read + Write>(s: &mut S) -> (String, Vec<u8>) {
    let mut banner = [0u8; 12];
    s.read_exact(&mut banner).unwrap();
    s.write_all(b"RFB 003.008\n").unwrap();
    let mut n = [0u8; 1];
    s.read_exact(&mut n).unwrap();
    let mut types = vec![0u8; n[0] as usize];
    s.read_exact(&mut types).unwrap();
    (String::from_utf8_lossy(&banner).into_owned(), types)
}

/// A PPM's (width, height), from its `P6 W H MAX` header.
fn ppm_size(data: &[u8]) -> (u32, u32) {
    assert!(data.starts_with(b"P6"), "not a binary PPM");
    let head = String::from_utf8_lossy(&data[..data.len().min(64)]).into_owned();
    let mut it = head.split_ascii_whitespace().skip(1);
    let w = it.next().unwrap().parse().unwrap();
    let h = it.next().unwrap().parse().unwrap();
    (w, h)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn vnc_autoport_password_socket_and_screenshot() {
    let Some(env) = GuestEnv::start().await else {
        return;
    };
    let (guest, root, pids, drv, conn) = env.parts();

    // 1. TCP with autoport: port in the live XML, RFB banner, screenshot
    let xml = guest_xml_devices("vnc1", &guest, VNC_TCP);
    let dom = conn.domain_define_xml(&xml, 0).await.unwrap();
    let dom = conn.domain_create(&dom, 0).await.unwrap();
    pids.track(&drv, &dom);
    let live = conn.domain_get_xml_desc(&dom, 0).await.unwrap();
    let port: u16 = graphics_attr(&live, "port").unwrap().parse().unwrap();
    assert!(port >= 5900, "{live}");
    assert_eq!(graphics_attr(&live, "autoport").as_deref(), Some("yes"));
    assert_eq!(graphics_attr(&live, "listen").as_deref(), Some("127.0.0.1"));
    assert!(
        live.contains("<listen type='address' address='127.0.0.1'/>"),
        "{live}"
    );
    let inactive = conn.domain_get_xml_desc(&dom, 2).await.unwrap();
    assert_eq!(
        graphics_attr(&inactive, "port").as_deref(),
        Some("-1"),
        "{inactive}"
    );
    let mut tcp = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    tcp.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let (banner, types) = rfb_handshake(&mut tcp);
    assert_eq!(banner, "RFB 003.008\n");
    assert_eq!(types, vec![1], "no password: security type None only");
    drop(tcp);

    let (mime, mut st) = conn.domain_screenshot(&dom, 0, 0).await.unwrap();
    assert_eq!(mime.as_deref(), Some("image/x-portable-pixmap"));
    let src = st.source.as_mut().unwrap();
    let mut data = Vec::new();
    while let Some(StreamChunk::Data(b)) = src.next_chunk().await.unwrap() {
        data.extend_from_slice(&b);
    }
    let (w, h) = ppm_size(&data);
    assert!(w >= 320 && h >= 200, "{w}x{h}");
    assert!(data.len() as u64 >= u64::from(w) * u64::from(h) * 3);
    let leftovers: Vec<_> = std::fs::read_dir(root.path().join("run/libvirt/qemu"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .flat_map(|e| std::fs::read_dir(e.path()).unwrap().flatten())
        .filter(|e| e.file_name().to_string_lossy().contains("screendump"))
        .collect();
    assert!(leftovers.is_empty(), "screendump file left behind");
    let e = conn.domain_screenshot(&dom, 1, 0).await.unwrap_err();
    assert_eq!(
        e.message,
        "invalid argument: Screen ID 1 too big. The domain has 1 screens."
    );

    // 2. a second domain (paused: no CPU time) on a unix socket with a password; autoport
    //    is not involved
    let xml = guest_xml_devices(
        "vnc2",
        &guest,
        "<graphics type='vnc' passwd='s3cret'><listen type='socket'/></graphics>",
    );
    let dom2 = conn.domain_define_xml(&xml, 0).await.unwrap();
    let dom2 = conn.domain_create(&dom2, 1).await.unwrap();
    pids.track(&drv, &dom2);
    let live2 = conn.domain_get_xml_desc(&dom2, 0).await.unwrap();
    assert!(!live2.contains("s3cret"), "{live2}");
    let secure = conn.domain_get_xml_desc(&dom2, 1).await.unwrap();
    assert_eq!(graphics_attr(&secure, "passwd").as_deref(), Some("s3cret"));
    let sock = graphics_attr(&live2, "socket").unwrap();
    assert!(sock.ends_with("/vnc.sock"), "{live2}");
    assert!(live2.contains(&format!("<listen type='socket' socket='{sock}'/>")));
    let mut us = std::os::unix::net::UnixStream::connect(&sock).unwrap();
    us.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let (banner, types) = rfb_handshake(&mut us);
    assert_eq!(banner, "RFB 003.008\n");
    assert_eq!(types, vec![2], "password: VNC authentication");
    drop(us);

    // 3. a new password on the running server (update-device), live only
    let upd = format!("<graphics type='vnc' socket='{sock}' passwd='n3w'/>");
    conn.domain_update_device(&dom2, &upd, 1).await.unwrap();
    let secure = conn.domain_get_xml_desc(&dom2, 1).await.unwrap();
    assert_eq!(graphics_attr(&secure, "passwd").as_deref(), Some("n3w"));
    let inactive = conn.domain_get_xml_desc(&dom2, 1 | 2).await.unwrap();
    assert_eq!(
        graphics_attr(&inactive, "passwd").as_deref(),
        Some("s3cret")
    );
    let moved = "<graphics type='vnc' port='5999' autoport='no'/>";
    let e = conn.domain_update_device(&dom, moved, 1).await.unwrap_err();
    assert!(
        e.message.contains("cannot change port settings"),
        "{}",
        e.message
    );

    conn.domain_destroy(&dom2, 0).await.unwrap();
    conn.domain_destroy(&dom, 0).await.unwrap();
}

#[test]
fn virsh_vncdisplay_domdisplay_screenshot() {
    let Some(guest) = guest_available() else {
        return;
    };
    if !std::path::Path::new("/usr/bin/virsh").exists() {
        eprintln!("skipping: virsh not installed");
        return;
    }
    let d = rvirt_testkit::TestDaemon::start();
    let pids = PidGuard::default();
    let uri = d.uri("qemu:///system");
    let xf = d.root().join("vv.xml");
    std::fs::write(&xf, guest_xml_devices("vv", &guest, VNC_TCP)).unwrap();
    ok(&uri, &["define", xf.to_str().unwrap()]);
    ok(&uri, &["start", "vv", "--paused"]);
    for p in qemu_pids(d.root()) {
        pids.add(p);
    }
    let live = ok(&uri, &["dumpxml", "vv"]);
    let port: u16 = graphics_attr(&live, "port").unwrap().parse().unwrap();
    let disp = ok(&uri, &["vncdisplay", "vv"]);
    assert_eq!(disp.trim(), format!("127.0.0.1:{}", port - 5900));
    let disp = ok(&uri, &["domdisplay", "vv"]);
    assert_eq!(disp.trim(), format!("vnc://127.0.0.1:{}", port - 5900));
    let shot = d.root().join("shot.ppm");
    let out = ok(&uri, &["screenshot", "vv", shot.to_str().unwrap()]);
    assert!(out.contains("Screenshot saved to"), "{out}");
    let data = std::fs::read(&shot).unwrap();
    let (w, h) = ppm_size(&data);
    assert!(w >= 320 && h >= 200, "{w}x{h}");
    ok(&uri, &["destroy", "vv"]);
}
