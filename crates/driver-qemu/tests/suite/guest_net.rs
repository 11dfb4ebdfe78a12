//! Issue 6's "Done means" for guest NICs, end to end with stock virsh against an rvirtd
//! that runs inside a network namespace this test creates (nothing touches the host's
//! networking; the namespace has no uplink, so no traffic can leave it):
//! net-define NAT → net-start → bridge, nft table, dnsmasq → guest with
//! `<interface type='network'>` → net-dhcp-leases → domifaddr lease == agent → guest pings
//! the gateway (agent guest-exec) → restart rvirtd: network up, lease kept → destroy:
//! tap gone → net-destroy: bridge, table and dnsmasq gone.

use crate::common::guest_available;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BRIDGE: &str = "rvtbr0";
const GW: &str = "192.168.213.1";
const NET: &str = "rvtnat";

/// A network namespace, deleted on drop.
struct NetNs(String);

impl NetNs {
    fn create() -> Option<NetNs> {
        let name = format!("rvirt-guestnet-{}", std::process::id());
        let ok = Command::new("ip")
            .args(["netns", "add", &name])
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        if !ok {
            return None;
        }
        let ns = NetNs(name);
        assert!(ns.exec(&["ip", "link", "set", "lo", "up"]).0);
        Some(ns)
    }

    /// Runs a command inside the namespace: (success, stdout + stderr).
    fn exec(&self, args: &[&str]) -> (bool, String) {
        let o = Command::new("ip")
            .args(["netns", "exec", &self.0])
            .args(args)
            .output()
            .unwrap();
        let mut s = String::from_utf8_lossy(&o.stdout).into_owned();
        s += &String::from_utf8_lossy(&o.stderr);
        (o.status.success(), s)
    }
}

impl Drop for NetNs {
    fn drop(&mut self) {
        let _ = Command::new("ip").args(["netns", "del", &self.0]).status();
    }
}

/// rvirtd inside the namespace on a fixed root; kills its guests and dnsmasq on drop.
struct Daemon<'a> {
    ns: &'a NetNs,
    root: PathBuf,
    child: Option<Child>,
}

impl<'a> Daemon<'a> {
    fn start(ns: &'a NetNs, root: &Path) -> Daemon<'a> {
        let mut d = Daemon {
            ns,
            root: root.to_path_buf(),
            child: None,
        };
        d.spawn();
        d
    }

    fn sock(&self) -> PathBuf {
        self.root.join("run/libvirt/libvirt-sock")
    }

    fn spawn(&mut self) {
        let _ = std::fs::remove_file(self.sock());
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.root.join("rvirtd.log"))
            .unwrap();
        let c = Command::new("ip")
            .args(["netns", "exec", &self.ns.0])
            .arg(rvirt_testkit::binaries::bin_path("rvirtd"))
            .arg("--root")
            .arg(&self.root)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap();
        self.child = Some(c);
        let t = Instant::now();
        while !self.sock().exists() {
            assert!(
                t.elapsed() < Duration::from_secs(20),
                "rvirtd did not start"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn kill9(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
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
        assert!(ok, "virsh {args:?} failed: {out}\nlog:\n{}", self.log());
        out
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.root.join("rvirtd.log")).unwrap_or_default()
    }
}

impl Drop for Daemon<'_> {
    fn drop(&mut self) {
        let _ = self.virsh(&["destroy", "netguest"]);
        let _ = self.virsh(&["net-destroy", NET]);
        self.kill9();
    }
}

/// PIDs of dnsmasq processes whose command line mentions `needle`.
fn dnsmasq_pids(needle: &str) -> Vec<i32> {
    std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .filter(|pid| {
            let cmd = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
            let cmd = String::from_utf8_lossy(&cmd);
            cmd.contains("dnsmasq") && cmd.contains(needle)
        })
        .collect()
}

fn guest_xml(g: &rvirt_testkit::guest::GuestImage) -> String {
    format!(
        "<domain type='qemu'><name>netguest</name><memory unit='MiB'>256</memory><vcpu>1</vcpu>\
         <os><type arch='x86_64' machine='pc'>hvm</type><kernel>{}</kernel><initrd>{}</initrd>\
         <cmdline>console=ttyS0 quiet</cmdline></os>\
         <devices><interface type='network'><mac address='52:54:00:5a:17:01'/>\
         <source network='{NET}'/><model type='virtio'/></interface>\
         <serial type='pty'><target port='0'/></serial>\
         <console type='pty'><target type='serial' port='0'/></console>\
         <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>\
         </devices></domain>",
        g.kernel.display(),
        g.initrd.display()
    )
}

/// The IPv4 address on the line of `out` that mentions `mac`.
fn ipv4_for(out: &str, mac: &str) -> Option<String> {
    out.lines()
        .filter(|l| l.contains(mac) && l.contains("ipv4"))
        .flat_map(|l| l.split_whitespace())
        .find(|w| w.contains('/') && w.starts_with("192.168.213."))
        .map(|w| w.split('/').next().unwrap_or("").to_string())
}

/// `guest-exec` of `/bin/busybox ARGV…` through the agent socket; its exit status.
pub fn agent_exec(sock: &Path, argv: &[&str]) -> i64 {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let a = rvirt_qmp::AgentClient::new(sock);
        let t = Duration::from_secs(20);
        let r = a
            .execute(
                "guest-exec",
                Some(serde_json::json!({"path": "/bin/busybox",
                    "arg": argv, "capture-output": true})),
                t,
            )
            .await
            .unwrap();
        let pid = r["pid"].as_i64().unwrap();
        let start = Instant::now();
        loop {
            let s = a
                .execute(
                    "guest-exec-status",
                    Some(serde_json::json!({ "pid": pid })),
                    t,
                )
                .await
                .unwrap();
            if s["exited"].as_bool() == Some(true) {
                return s["exitcode"].as_i64().unwrap_or(-1);
            }
            assert!(start.elapsed() < Duration::from_secs(30), "{argv:?} hangs");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    })
}

#[test]
fn nat_network_guest_nic_done_means() {
    let Some(guest) = guest_available() else {
        return;
    };
    if Command::new("virsh").arg("--version").output().is_err() {
        eprintln!("skipping: virsh not installed");
        return;
    }
    let Some(ns) = NetNs::create() else {
        eprintln!("skipping: cannot create a network namespace (needs root)");
        return;
    };
    let root = tempfile::Builder::new()
        .prefix("rvirt-guestnet")
        .tempdir()
        .unwrap();
    let mut d = Daemon::start(&ns, root.path());
    let rootstr = root.path().display().to_string();

    // network up: bridge, nft table, dnsmasq
    let net_xml = root.path().join("net.xml");
    std::fs::write(
        &net_xml,
        format!(
            "<network><name>{NET}</name><forward mode='nat'/><bridge name='{BRIDGE}'/>\
             <ip address='{GW}' netmask='255.255.255.0'><dhcp>\
             <range start='192.168.213.10' end='192.168.213.50'/></dhcp></ip></network>"
        ),
    )
    .unwrap();
    d.ok(&["net-define", net_xml.to_str().unwrap()]);
    d.ok(&["net-start", NET]);
    assert!(ns.exec(&["ip", "link", "show", BRIDGE]).0, "bridge missing");
    let table = format!("rvirt_{BRIDGE}");
    assert!(ns.exec(&["nft", "list", "table", "inet", &table]).0);
    assert_eq!(dnsmasq_pids(&rootstr).len(), 1, "one dnsmasq");

    // the guest gets a tap on the bridge and a lease
    let dom_xml = root.path().join("dom.xml");
    std::fs::write(&dom_xml, guest_xml(&guest)).unwrap();
    d.ok(&["define", dom_xml.to_str().unwrap()]);
    d.ok(&["start", "netguest"]);
    let live = d.ok(&["dumpxml", "netguest"]);
    assert!(live.contains("<target dev='vnet0'/>"), "{live}");
    let (ok, master) = ns.exec(&["ip", "-o", "link", "show", "vnet0"]);
    assert!(
        ok && master.contains(&format!("master {BRIDGE}")),
        "{master}"
    );
    assert!(master.contains("fe:54:00:5a:17:01"), "{master}");
    let mac = "52:54:00:5a:17:01";
    let t = Instant::now();
    let lease_ip = loop {
        let out = d.ok(&["net-dhcp-leases", NET]);
        if let Some(ip) = ipv4_for(&out, mac) {
            break ip;
        }
        assert!(
            t.elapsed() < Duration::from_secs(120),
            "no lease: {out}\n{}",
            d.log()
        );
        std::thread::sleep(Duration::from_millis(500));
    };

    // reach the gateway through the agent (before rvirtd opens the agent channel itself)
    let agent_sock = {
        let x = d.ok(&["dumpxml", "netguest"]);
        let i = x.find("<source mode='bind' path='").unwrap() + 26;
        PathBuf::from(x[i..].split('\'').next().unwrap())
    };
    assert_eq!(
        agent_exec(&agent_sock, &["ping", "-c", "1", "-W", "5", GW]),
        0,
        "guest cannot ping {GW}"
    );

    let by_lease = d.ok(&["domifaddr", "netguest", "--source", "lease"]);
    assert_eq!(
        ipv4_for(&by_lease, mac).as_deref(),
        Some(lease_ip.as_str()),
        "{by_lease}"
    );
    assert!(by_lease.contains("vnet0"), "{by_lease}");
    let t = Instant::now();
    loop {
        let by_agent = d.virsh(&["domifaddr", "netguest", "--source", "agent"]).1;
        if ipv4_for(&by_agent, mac).as_deref() == Some(lease_ip.as_str()) {
            break;
        }
        assert!(t.elapsed() < Duration::from_secs(60), "{by_agent}");
        std::thread::sleep(Duration::from_millis(300));
    }

    // restart the daemon: the network stays up and the lease is kept
    d.kill9();
    d.spawn();
    let list = d.ok(&["net-list"]);
    assert!(
        list.lines()
            .any(|l| l.contains(NET) && l.contains("active")),
        "{list}"
    );
    assert!(ns.exec(&["ip", "link", "show", BRIDGE]).0);
    assert_eq!(dnsmasq_pids(&rootstr).len(), 1);
    let out = d.ok(&["net-dhcp-leases", NET]);
    assert_eq!(
        ipv4_for(&out, mac).as_deref(),
        Some(lease_ip.as_str()),
        "{out}"
    );
    let by_lease = d.ok(&["domifaddr", "netguest", "--source", "lease"]);
    assert_eq!(ipv4_for(&by_lease, mac).as_deref(), Some(lease_ip.as_str()));

    // stopping the guest removes its tap; destroying the network removes the rest
    d.ok(&["destroy", "netguest"]);
    assert!(
        !ns.exec(&["ip", "link", "show", "vnet0"]).0,
        "tap left behind"
    );
    d.ok(&["net-destroy", NET]);
    assert!(!ns.exec(&["ip", "link", "show", BRIDGE]).0, "bridge left");
    assert!(
        !ns.exec(&["nft", "list", "table", "inet", &table]).0,
        "rules left"
    );
    let t = Instant::now();
    while !dnsmasq_pids(&rootstr).is_empty() {
        assert!(t.elapsed() < Duration::from_secs(5), "dnsmasq left");
        std::thread::sleep(Duration::from_millis(50));
    }
}
