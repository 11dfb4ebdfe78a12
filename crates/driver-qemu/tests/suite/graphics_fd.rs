//! Fd passing end to end against rvirtd on its unix socket: `virDomainOpenGraphicsFD`
//! (REPLY_WITH_FDS: a socket already speaking RFB) and `virDomainOpenGraphics` (CALL_WITH_FDS:
//! the client's own socket) with stock python3-libvirt and the rvirt client,
//! `virDomainFDAssociate`, and libvirt's errors for `virDomainCreateXMLWithFiles` (not a
//! QEMU driver API) and for any fd passing over TCP.

use crate::common::{guest_available, guest_xml_devices, PidGuard};
use crate::rvirtd::{output_of, qemu_pids, temp_root, virsh_ok as ok};
use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{python_libvirt_and_virsh, PY};

/// Reads the first 12 bytes of the graphics socket, then tries a bad index, printing
/// `BANNER:…` and `ERR:…`.
const SCRIPT: &str = r#"
import libvirt, os, sys
c = libvirt.open(sys.argv[1])
d = c.lookupByName('gfd')
try:
    fd = d.openGraphicsFD(0, 0)
    data = b''
    while len(data) < 12:
        chunk = os.read(fd, 12 - len(data))
        if not chunk:
            break
        data += chunk
    os.close(fd)
    print('BANNER:' + data.decode().strip())
except libvirt.libvirtError as e:
    print('ERR0:' + str(e))
try:
    d.openGraphicsFD(5, 0)
    print('ERR5:none')
except libvirt.libvirtError as e:
    print('ERR5:' + str(e))
import socket
try:
    ours, theirs = socket.socketpair()
    d.openGraphics(0, theirs.fileno(), 0)
    theirs.close()
    ours.settimeout(20)
    data = b''
    while len(data) < 12:
        chunk = ours.recv(12 - len(data))
        if not chunk:
            break
        data += chunk
    print('OG:' + data.decode().strip())
except libvirt.libvirtError as e:
    print('OG:' + str(e))
null = os.open('/dev/null', os.O_RDONLY)
try:
    c.createXMLWithFiles('<domain/>', [null], 0)
    print('CWF:none')
except libvirt.libvirtError as e:
    print('CWF:' + str(e))
try:
    d.FDAssociate('grp', [null], 4)
    print('ASSOCF:none')
except libvirt.libvirtError as e:
    print('ASSOCF:' + str(e))
try:
    d.FDAssociate('grp', [null], 0)
    print('ASSOC:ok')
except libvirt.libvirtError as e:
    print('ASSOC:' + str(e))
"#;

struct Daemon(Child);

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn open_graphics_fd_stock_python_rvirt_client_and_tcp() {
    let Some(guest) = guest_available() else {
        return;
    };
    if !python_libvirt_and_virsh() {
        return;
    }
    let root = temp_root("rvirt-gfd");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    std::fs::create_dir_all(root.path().join("etc/libvirt")).unwrap();
    std::fs::write(
        root.path().join("etc/libvirt/libvirtd.conf"),
        format!(
            "listen_tls = 0\nlisten_tcp = 1\nauth_tcp = \"none\"\nlisten_addr = \"127.0.0.1\"\n\
             tcp_port = \"{port}\"\n"
        ),
    )
    .unwrap();
    let sock = root.path().join("run/libvirt/libvirt-sock");
    let _d = Daemon(
        Command::new(rvirt_testkit::binaries::bin_path("rvirtd"))
            .arg("--root")
            .arg(root.path())
            .arg("--listen")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(root.path().join("rvirtd.log")).unwrap())
            .spawn()
            .unwrap(),
    );
    let t = Instant::now();
    while !sock.exists() || std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            t.elapsed() < Duration::from_secs(20),
            "rvirtd did not start"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let uri = format!("qemu+unix:///system?socket={}", sock.display());
    let pids = PidGuard::default();
    let xf = root.path().join("gfd.xml");
    std::fs::write(
        &xf,
        guest_xml_devices(
            "gfd",
            &guest,
            "<graphics type='vnc'/><video><model type='vga'/></video>",
        ),
    )
    .unwrap();
    ok(&uri, &["define", xf.to_str().unwrap()]);
    ok(&uri, &["start", "gfd", "--paused"]);
    for p in qemu_pids(root.path()) {
        pids.add(p);
    }

    // 1. stock python3-libvirt over the unix socket
    let (ran, out) = output_of(Command::new(PY).args(["-c", SCRIPT, &uri]));
    assert!(ran, "{out}");
    assert!(out.contains("BANNER:RFB 003.008"), "{out}");
    assert!(
        out.contains("ERR5:internal error: No graphics backend with index 5"),
        "{out}"
    );
    assert!(out.contains("OG:RFB 003.008"), "{out}");
    // fds to the daemon: CREATE_XML_WITH_FILES is not a QEMU driver API (libvirt: LXC
    // only); FD_ASSOCIATE keeps them
    assert!(
        out.contains(
            "CWF:this function is not supported by the connection driver: \
             virDomainCreateXMLWithFiles"
        ),
        "{out}"
    );
    assert!(
        out.contains("ASSOCF:unsupported flags (0x4) in function qemuDomainFDAssociate"),
        "{out}"
    );
    assert!(out.contains("ASSOC:ok"), "{out}");

    // 2. the rvirt client
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let conn = rvirt::Connect::open(&uri).await.unwrap();
        let dom = conn.lookup_domain_by_name("gfd").await.unwrap();
        let fd = dom.open_graphics_fd(0, 0).await.unwrap();
        let mut s = std::fs::File::from(fd);
        let mut banner = [0u8; 12];
        s.read_exact(&mut banner).unwrap();
        assert_eq!(&banner, b"RFB 003.008\n");
        let e = dom.open_graphics_fd(0, 7).await.unwrap_err();
        assert!(
            e.message.contains("unsupported flags (0x6)"),
            "{}",
            e.message
        );
        let (a, _b) = std::os::unix::net::UnixStream::pair().unwrap();
        dom.fd_associate("grp", vec![a.into()], 0).await.unwrap();
        let (mut ours, theirs) = std::os::unix::net::UnixStream::pair().unwrap();
        dom.open_graphics(0, theirs.into(), 0).await.unwrap();
        ours.set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        let mut banner = [0u8; 12];
        ours.read_exact(&mut banner).unwrap();
        assert_eq!(&banner, b"RFB 003.008\n");
        let e = dom
            .open_graphics(0, tempfile::tempfile().unwrap().into(), 0)
            .await
            .unwrap_err();
        assert!(e.message.contains("must be a socket"), "{}", e.message);
        let (a, _b) = std::os::unix::net::UnixStream::pair().unwrap();
        let e = conn
            .create_domain_xml_with_files("<domain/>", vec![a.into()], 0)
            .await
            .unwrap_err();
        assert_eq!(
            e.message,
            "this function is not supported by the connection driver: \
             virDomainCreateXMLWithFiles"
        );
    });

    // 3. over TCP the daemon cannot pass the fd: libvirt's error, the connection lives on
    let tcp = format!("qemu+tcp://127.0.0.1:{port}/system");
    // the rvirt client: the daemon refuses to reply with an fd, the client refuses to send
    // one; both keep the connection usable
    rt.block_on(async {
        let conn = rvirt::Connect::open(&tcp).await.unwrap();
        let dom = conn.lookup_domain_by_name("gfd").await.unwrap();
        let want = "internal error: Sending file descriptors is not supported on this socket";
        assert_eq!(dom.open_graphics_fd(0, 0).await.unwrap_err().message, want);
        let (a, _b) = std::os::unix::net::UnixStream::pair().unwrap();
        let e = dom
            .fd_associate("grp", vec![a.into()], 0)
            .await
            .unwrap_err();
        assert_eq!(e.message, want);
        assert_eq!(dom.name(), "gfd");
        assert!(conn.lookup_domain_by_name("gfd").await.is_ok());
    });
    let (ran, out) = output_of(Command::new(PY).args(["-c", SCRIPT, &tcp]));
    assert!(ran, "{out}");
    assert!(
        out.contains(
            "ERR0:internal error: Sending file descriptors is not supported on this socket"
        ),
        "{out}"
    );
    assert!(
        out.contains("ERR5:internal error: No graphics backend"),
        "{out}"
    );
    // libvirt's client cannot send fds over TCP either (and then drops the connection)
    assert!(
        out.contains("OG:internal error: Sending file descriptors is not supported on this socket"),
        "{out}"
    );

    ok(&uri, &["destroy", "gfd"]);
}
