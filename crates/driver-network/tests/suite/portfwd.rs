//! rvirt's port-forward extension for real, inside private network namespaces: a NAT network
//! forwarding host port 8080 to a listener on port 80 in a "guest" namespace, reached from the
//! host namespace itself and from an "outside" namespace. No traffic leaves the machine.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use rvirt_core::driver::NetworkDriver;
use rvirt_core::event::EventBus;
use rvirt_driver_network::NetworkDriverImpl;

use crate::netns::{has_busybox, in_netns, ok, paths, sh, Reaper};

const PF_XML: &str = "<network xmlns:rvirt='http://rvirt.org/schemas/network/1.0'>\
  <name>rvpf</name>\
  <forward mode='nat'/>\
  <bridge name='rvpf0'/>\
  <ip address='192.168.150.1' netmask='255.255.255.0'/>\
  <rvirt:portforward proto='tcp' hostport='8080' address='192.168.150.10' port='80'/>\
</network>";

/// Processes killed (and reaped) when the test ends, passing or not.
struct Kids(Vec<Child>);

impl Drop for Kids {
    fn drop(&mut self) {
        for c in &mut self.0 {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// An empty network namespace held open by a `sleep`.
fn namespace(kids: &mut Kids) -> String {
    let child = Command::new("unshare")
        .args(["-n", "sleep", "120"])
        .spawn()
        .unwrap();
    let pid = child.id().to_string();
    kids.0.push(child);
    std::thread::sleep(Duration::from_millis(200));
    pid
}

fn in_ns(pid: &str, args: &[&str]) -> String {
    let mut v = vec!["nsenter", "-t", pid, "-n"];
    v.extend_from_slice(args);
    sh(&v)
}

/// `busybox nc` to `addr:port` from namespace `pid` (`None`: this one); what came back.
fn fetch(pid: Option<&str>, addr: &str, port: &str) -> String {
    let mut cmd = match pid {
        Some(p) => {
            let mut c = Command::new("nsenter");
            c.args(["-t", p, "-n", "busybox"]);
            c
        }
        None => Command::new("busybox"),
    };
    let out = cmd
        .args(["nc", "-w", "3", addr, port])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn port_forward_reaches_guest_listener() {
    assert!(has_busybox(), "busybox is required (nc)");
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_path_buf();
    in_netns(move || async move {
        let _reaper = Reaper(root.clone());
        let mut kids = Kids(Vec::new());
        let drv = NetworkDriverImpl::open(paths(&root), EventBus::new())
            .await
            .unwrap();
        let net = drv.network_define_xml(PF_XML, 0).await.unwrap();

        // define + dumpxml keep the extension: namespace on the root, element last.
        let xml = drv.network_get_xml_desc(&net, 0).await.unwrap();
        assert!(
            xml.starts_with("<network xmlns:rvirt='http://rvirt.org/schemas/network/1.0'>\n"),
            "{xml}"
        );
        assert!(
            xml.ends_with(
                "  <rvirt:portforward proto='tcp' hostport='8080' address='192.168.150.10' port='80'/>\n</network>\n"
            ),
            "{xml}"
        );
        let saved =
            std::fs::read_to_string(root.join("etc/libvirt/qemu/networks/rvpf.xml")).unwrap();
        assert!(saved.contains("<rvirt:portforward proto='tcp'"), "{saved}");

        drv.network_create(&net).await.unwrap();
        let rules = sh(&["nft", "list", "table", "inet", "rvirt_rvpf0"]);
        assert!(
            rules.contains("tcp dport 8080 dnat ip to 192.168.150.10:80"),
            "{rules}"
        );

        // The guest: veth on the bridge at the forwarded address, listening on port 80.
        let guest = namespace(&mut kids);
        sh(&[
            "ip", "link", "add", "vpf0", "type", "veth", "peer", "name", "vpg0",
        ]);
        sh(&["ip", "link", "set", "vpf0", "master", "rvpf0", "up"]);
        sh(&["ip", "link", "set", "vpg0", "netns", &guest]);
        in_ns(&guest, &["ip", "link", "set", "lo", "up"]);
        in_ns(
            &guest,
            &["ip", "addr", "add", "192.168.150.10/24", "dev", "vpg0"],
        );
        in_ns(&guest, &["ip", "link", "set", "vpg0", "up"]);
        in_ns(
            &guest,
            &["ip", "route", "add", "default", "via", "192.168.150.1"],
        );
        let listener = Command::new("nsenter")
            .args(["-t", &guest, "-n", "busybox", "nc", "-ll", "-p", "80"])
            .args(["-e", "/bin/echo", "hello-from-guest"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        kids.0.push(listener);

        // An outside client on a separate link to the host.
        let outside = namespace(&mut kids);
        sh(&[
            "ip", "link", "add", "vpo0", "type", "veth", "peer", "name", "vpx0",
        ]);
        sh(&["ip", "addr", "add", "198.51.100.1/24", "dev", "vpo0"]);
        sh(&["ip", "link", "set", "vpo0", "up"]);
        sh(&["ip", "link", "set", "vpx0", "netns", &outside]);
        in_ns(
            &outside,
            &["ip", "addr", "add", "198.51.100.2/24", "dev", "vpx0"],
        );
        in_ns(&outside, &["ip", "link", "set", "vpx0", "up"]);

        // Wait for the listener (and for the bridge port to forward) via the guest address.
        let mut direct = String::new();
        for _ in 0..50 {
            direct = fetch(None, "192.168.150.10", "80");
            if !direct.is_empty() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        assert_eq!(direct, "hello-from-guest\n");

        // Locally generated: host → its own bridge address:8080 (nat output chain).
        assert_eq!(fetch(None, "192.168.150.1", "8080"), "hello-from-guest\n");
        // From outside: → host's address on that link:8080 (prerouting DNAT + forward accept).
        assert_eq!(
            fetch(Some(&outside), "198.51.100.1", "8080"),
            "hello-from-guest\n"
        );
        // Hairpin: another guest on the bridge through the host's address (masqueraded).
        let guest2 = namespace(&mut kids);
        sh(&[
            "ip", "link", "add", "vpf1", "type", "veth", "peer", "name", "vpg1",
        ]);
        sh(&["ip", "link", "set", "vpf1", "master", "rvpf0", "up"]);
        sh(&["ip", "link", "set", "vpg1", "netns", &guest2]);
        in_ns(
            &guest2,
            &["ip", "addr", "add", "192.168.150.20/24", "dev", "vpg1"],
        );
        in_ns(&guest2, &["ip", "link", "set", "vpg1", "up"]);
        in_ns(
            &guest2,
            &["ip", "route", "add", "default", "via", "192.168.150.1"],
        );
        let mut hairpin = String::new();
        for _ in 0..20 {
            hairpin = fetch(Some(&guest2), "198.51.100.1", "8080");
            if !hairpin.is_empty() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        assert_eq!(hairpin, "hello-from-guest\n");
        // The unforwarded port stays closed.
        assert_eq!(fetch(Some(&outside), "198.51.100.1", "8081"), "");

        // Destroy removes the forward with the table.
        drv.network_destroy(&net).await.unwrap();
        assert!(!ok(&["nft", "list", "table", "inet", "rvirt_rvpf0"]));
        assert_eq!(fetch(Some(&outside), "198.51.100.1", "8080"), "");
        drv.network_undefine(&net).await.unwrap();
    });
}
