//! The real thing inside a private network namespace: bridge, nftables, dnsmasq, a DHCP
//! client in a second namespace acting as the guest. Nothing touches the host's networking.

use std::future::Future;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use rvirt_core::driver::NetworkDriver;
use rvirt_core::event::{Event, EventBus, NetworkEventKind};
use rvirt_driver_network::{netdev, NetworkDriverImpl, NetworkPaths};

/// Runs `body` on a fresh thread that has unshared its network namespace.
pub fn in_netns<F, Fut>(body: F)
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future<Output = ()>,
{
    let t = std::thread::spawn(move || {
        // SAFETY: unshare(CLONE_NEWNET) affects only this thread.
        let rc = unsafe { libc::unshare(libc::CLONE_NEWNET) };
        assert_eq!(rc, 0, "unshare(CLONE_NEWNET) failed (needs root)");
        sh(&["ip", "link", "set", "lo", "up"]);
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(body());
    });
    if let Err(p) = t.join() {
        std::panic::resume_unwind(p);
    }
}

pub(crate) fn sh(args: &[&str]) -> String {
    let out = Command::new(args[0]).args(&args[1..]).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub(crate) fn ok(args: &[&str]) -> bool {
    Command::new(args[0])
        .args(&args[1..])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

fn alive(pid: i32) -> bool {
    // SAFETY: signal 0 probes only.
    unsafe { libc::kill(pid, 0) == 0 }
}

/// Kills any dnsmasq a failed test left behind (pid files under `root`).
pub(crate) struct Reaper(pub(crate) std::path::PathBuf);

impl Drop for Reaper {
    fn drop(&mut self) {
        let dir = self.0.join("run/libvirt/network");
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            if e.path().extension().is_some_and(|x| x == "pid") {
                if let Some(pid) = std::fs::read_to_string(e.path())
                    .ok()
                    .and_then(|s| s.trim().parse::<i32>().ok())
                {
                    // SAFETY: the pid came from a pid file our own test's dnsmasq wrote.
                    unsafe { libc::kill(pid, libc::SIGTERM) };
                }
            }
        }
    }
}

pub fn paths(root: &Path) -> NetworkPaths {
    NetworkPaths::under_root(root)
}

const NAT_XML: &str = "<network>\
  <name>rvtest</name>\
  <forward mode='nat'/>\
  <ip address='192.168.177.1' netmask='255.255.255.0'>\
    <dhcp><range start='192.168.177.100' end='192.168.177.150'/></dhcp>\
  </ip>\
</network>";

const GUEST_MAC: &str = "52:54:00:12:34:56";

struct Guest(Child);

impl Drop for Guest {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A second namespace with one end of a veth pair whose other end is on `bridge`.
fn guest(bridge: &str) -> Guest {
    let child = Command::new("unshare")
        .args(["-n", "sleep", "120"])
        .spawn()
        .unwrap();
    let g = Guest(child);
    let pid = g.0.id().to_string();
    std::thread::sleep(std::time::Duration::from_millis(200));
    sh(&[
        "ip", "link", "add", "vh0", "type", "veth", "peer", "name", "vg0",
    ]);
    sh(&["ip", "link", "set", "vh0", "master", bridge, "up"]);
    sh(&["ip", "link", "set", "vg0", "netns", &pid]);
    sh(&[
        "nsenter", "-t", &pid, "-n", "ip", "link", "set", "vg0", "address", GUEST_MAC,
    ]);
    sh(&[
        "nsenter", "-t", &pid, "-n", "ip", "link", "set", "vg0", "up",
    ]);
    g
}

fn dhcp(g: &Guest) {
    let pid = g.0.id().to_string();
    sh(&[
        "nsenter",
        "-t",
        &pid,
        "-n",
        "busybox",
        "udhcpc",
        "-i",
        "vg0",
        "-n",
        "-q",
        "-f",
        "-t",
        "20",
        "-T",
        "1",
        "-s",
        "/bin/true",
    ]);
}

pub(crate) fn has_busybox() -> bool {
    ok(&["busybox", "true"])
}

#[test]
fn nat_network_end_to_end() {
    if !has_busybox() {
        panic!("busybox (busybox-static) is required for the DHCP client");
    }
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_path_buf();
    in_netns(move || async move {
        let _reaper = Reaper(root.clone());
        let bus = EventBus::new();
        let mut rx = bus.subscribe();
        let drv = NetworkDriverImpl::open(paths(&root), bus.clone())
            .await
            .unwrap();
        let net = drv.network_define_xml(NAT_XML, 0).await.unwrap();
        let xml = drv.network_get_xml_desc(&net, 0).await.unwrap();
        assert!(
            xml.contains("<bridge name='virbr0' stp='on' delay='0'/>"),
            "{xml}"
        );
        assert!(xml.contains("<mac address='52:54:00:"), "{xml}");
        assert!(root.join("etc/libvirt/qemu/networks/rvtest.xml").exists());
        assert_eq!(drv.network_get_bridge_name(&net).await.unwrap(), "virbr0");

        drv.network_create(&net).await.unwrap();
        assert!(drv.network_is_active(&net).await.unwrap());
        let e = drv.network_create(&net).await.unwrap_err();
        assert_eq!(
            e.message,
            "Requested operation is not valid: network is already active"
        );

        // Bridge with its address, nft table, dnsmasq.
        assert!(netdev::exists("virbr0"));
        let addrs = sh(&["ip", "-o", "addr", "show", "dev", "virbr0"]);
        assert!(addrs.contains("192.168.177.1/24"), "{addrs}");
        let rules = sh(&["nft", "list", "table", "inet", "rvirt_virbr0"]);
        assert!(rules.contains("masquerade"), "{rules}");
        assert!(rules.contains("192.168.177.0/24"), "{rules}");
        let pid: i32 = std::fs::read_to_string(root.join("run/libvirt/network/rvtest.pid"))
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        assert!(alive(pid));
        let conf =
            std::fs::read_to_string(root.join("var/lib/libvirt/dnsmasq/rvtest.conf")).unwrap();
        assert!(conf.contains("interface=virbr0\n"), "{conf}");

        // Live update: a static host for the guest, applied to the running dnsmasq.
        drv.network_update(
            &net,
            4,
            4,
            -1,
            &format!("<host mac='{GUEST_MAC}' name='guest1' ip='192.168.177.42'/>"),
            1 | 2,
        )
        .await
        .unwrap();
        let live = drv.network_get_xml_desc(&net, 0).await.unwrap();
        assert!(live.contains("ip='192.168.177.42'"), "{live}");
        let cfg = drv.network_get_xml_desc(&net, 1).await.unwrap();
        assert!(cfg.contains("ip='192.168.177.42'"), "{cfg}");

        // dnsmasq was restarted with the new host: its pid changed.
        let pid: i32 = std::fs::read_to_string(root.join("run/libvirt/network/rvtest.pid"))
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        assert!(alive(pid));
        let conf =
            std::fs::read_to_string(root.join("var/lib/libvirt/dnsmasq/rvtest.conf")).unwrap();
        assert!(
            conf.contains("dhcp-host=52:54:00:12:34:56,192.168.177.42,guest1\n"),
            "{conf}"
        );

        // A guest gets its lease.
        let g = guest("virbr0");
        dhcp(&g);
        let leases = drv.network_get_dhcp_leases(&net, None, 0).await.unwrap();
        assert_eq!(leases.len(), 1, "{leases:?}");
        assert_eq!(leases[0].mac.as_deref(), Some(GUEST_MAC));
        assert_eq!(leases[0].ipaddr, "192.168.177.42");
        assert_eq!(leases[0].prefix, 24);
        assert_eq!(leases[0].iface, "virbr0");
        let only = drv
            .network_get_dhcp_leases(&net, Some("52:54:00:00:00:01".into()), 0)
            .await
            .unwrap();
        assert!(only.is_empty());

        // Daemon restart: the network is re-adopted with its dnsmasq and leases.
        drop(drv);
        let drv = NetworkDriverImpl::open(paths(&root), bus.clone())
            .await
            .unwrap();
        let net = drv.network_lookup_by_name("rvtest").await.unwrap();
        assert!(drv.network_is_active(&net).await.unwrap());
        assert!(alive(pid));
        let leases = drv.network_get_dhcp_leases(&net, None, 0).await.unwrap();
        assert_eq!(leases.len(), 1);

        // Destroy removes bridge, rules and dnsmasq.
        drv.network_destroy(&net).await.unwrap();
        assert!(!netdev::exists("virbr0"));
        assert!(!ok(&["nft", "list", "table", "inet", "rvirt_virbr0"]));
        for _ in 0..50 {
            if !alive(pid) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        assert!(!alive(pid));
        assert!(!drv.network_is_active(&net).await.unwrap());
        let e = drv.network_destroy(&net).await.unwrap_err();
        assert_eq!(
            e.message,
            "Requested operation is not valid: network 'rvtest' is not active"
        );
        drop(g);

        drv.network_undefine(&net).await.unwrap();
        assert!(!root.join("etc/libvirt/qemu/networks/rvtest.xml").exists());

        let mut seen = Vec::new();
        while let Ok(ev) = rx.try_recv() {
            if let Event::Network {
                kind: NetworkEventKind::Lifecycle { event, .. },
                ..
            } = ev
            {
                seen.push(event);
            }
        }
        assert_eq!(seen, vec![0, 2, 3, 1]);
    });
}

#[test]
fn transient_isolated_network_and_readoption_cleanup() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_path_buf();
    in_netns(move || async move {
        let bus = EventBus::new();
        let drv = NetworkDriverImpl::open(paths(&root), bus.clone())
            .await
            .unwrap();
        let xml = "<network><name>iso</name><bridge name='rvbr7'/>\
                   <ip address='10.77.0.1' prefix='24'><dhcp>\
                   <range start='10.77.0.10' end='10.77.0.20'/></dhcp></ip>\
                   <ip family='ipv6' address='fd00:77::1' prefix='64'/></network>";
        let net = drv.network_create_xml(xml, 0).await.unwrap();
        assert!(!drv.network_is_persistent(&net).await.unwrap());
        assert!(netdev::exists("rvbr7"));
        let rules = sh(&["nft", "list", "table", "inet", "rvirt_rvbr7"]);
        assert!(!rules.contains("masquerade"), "{rules}");
        let addrs = sh(&["ip", "-o", "addr", "show", "dev", "rvbr7"]);
        assert!(addrs.contains("fd00:77::1/64"), "{addrs}");
        let e = drv.network_set_autostart(&net, true).await.unwrap_err();
        assert_eq!(
            e.message,
            "Requested operation is not valid: cannot set autostart for transient network"
        );

        // The bridge vanishes behind our back: the next open cleans up instead of adopting.
        drop(drv);
        sh(&["ip", "link", "del", "rvbr7"]);
        let drv = NetworkDriverImpl::open(paths(&root), bus).await.unwrap();
        assert!(drv.network_lookup_by_name("iso").await.is_err());
        assert!(!ok(&["nft", "list", "table", "inet", "rvirt_rvbr7"]));
        assert!(!root.join("run/libvirt/network/iso.xml").exists());
    });
}
