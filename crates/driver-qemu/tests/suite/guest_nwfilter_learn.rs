//! A real guest behind a network filter that needs its IP address, without giving one:
//! rvirtd learns it from the guest's DHCP exchange (`CTRL_IP_LEARNING='dhcp'`), then
//! enforces it in the kernel: the guest reaches the gateway from its leased address and
//! is dropped when it uses another one. Everything runs inside a network namespace this
//! test creates (NAT network with dnsmasq, no uplink).

use crate::common::{agent_exec, agent_socket, guest_xml_devices, stock_virsh_guest};
use crate::netns::NetNs;
use crate::rvirtd::{temp_root, Rvirtd};
use std::time::{Duration, Instant};

const BRIDGE: &str = "rvtbr1";
const GW: &str = "192.168.214.1";
const NET: &str = "rvtlearn";
const DOM: &str = "learnguest";
const MAC: &str = "52:54:00:5a:18:01";
const GUEST_IP: &str = "192.168.214.5";

/// IPv4 from the guest only from `$IP` (everything else passes).
const FILTER: &str = "<filter name='rvt-ipguard' chain='root'>\
    <rule action='accept' direction='out' priority='100'><ip srcipaddr='$IP'/></rule>\
    <rule action='drop' direction='out' priority='200'><ip/></rule></filter>";

#[test]
fn guest_ip_is_learned_from_dhcp_and_enforced() {
    let Some(guest) = stock_virsh_guest() else {
        return;
    };
    let Some(ns) = NetNs::create("rvirt-nwflearn") else {
        eprintln!("skipping: cannot create a network namespace (needs root)");
        return;
    };
    let root = temp_root("rvirt-nwflearn");
    let d = Rvirtd::start_under(&ns.prefix(), root.path())
        .log_on_failure()
        .cleanup(|d| {
            let _ = d.virsh(&["destroy", DOM]);
            let _ = d.virsh(&["net-destroy", NET]);
        });
    let file = |name: &str, text: &str| {
        let p = root.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.display().to_string()
    };
    let net = file(
        "net.xml",
        &format!(
            "<network><name>{NET}</name><forward mode='nat'/><bridge name='{BRIDGE}'/>\
             <ip address='{GW}' netmask='255.255.255.0'><dhcp>\
             <range start='192.168.214.10' end='192.168.214.50'/>\
             <host mac='{MAC}' ip='{GUEST_IP}'/></dhcp></ip></network>"
        ),
    );
    d.ok(&["net-define", &net]);
    d.ok(&["net-start", NET]);
    d.ok(&["nwfilter-define", &file("filter.xml", FILTER)]);
    let nic = format!(
        "<interface type='network'><mac address='{MAC}'/><source network='{NET}'/>\
         <model type='virtio'/><filterref filter='rvt-ipguard'>\
         <parameter name='CTRL_IP_LEARNING' value='dhcp'/></filterref></interface>"
    );
    let dom = file("dom.xml", &guest_xml_devices(DOM, &guest, &nic));
    d.ok(&["define", &dom]);
    d.ok(&["start", DOM]);

    // learning first (no $IP yet), then the full rules with the acknowledged address
    let t = Instant::now();
    let table = loop {
        let (_, table) = ns.exec(&["nft", "list", "table", "bridge", "rvirt_nwfilter"]);
        if table.contains(GUEST_IP) {
            break table;
        }
        assert!(
            t.elapsed() < Duration::from_secs(120),
            "address never learned:\n{table}\n{}",
            d.log()
        );
        std::thread::sleep(Duration::from_millis(300));
    };
    println!("learned {GUEST_IP} after {:?}", t.elapsed());
    assert!(table.contains(&format!("ip saddr {GUEST_IP}")), "{table}");
    // the binding itself is unchanged: the learned address lives in the driver only
    let x = d.ok(&["nwfilter-binding-dumpxml", "vnet0"]);
    assert!(!x.contains(GUEST_IP), "{x}");

    let agent = agent_socket(&d.ok(&["dumpxml", DOM]));
    assert_eq!(
        agent_exec(&agent, &["ping", "-c", "1", "-W", "5", GW]),
        0,
        "the guest cannot reach {GW} from its leased address"
    );
    // another source address on the same NIC is dropped by the filter
    assert_eq!(
        agent_exec(
            &agent,
            &["ip", "addr", "add", "192.168.214.99/24", "dev", "eth0"]
        ),
        0
    );
    assert_ne!(
        agent_exec(
            &agent,
            &["ping", "-c", "2", "-W", "2", "-I", "192.168.214.99", GW]
        ),
        0,
        "a spoofed source address got through"
    );
    assert_eq!(
        agent_exec(&agent, &["ping", "-c", "1", "-W", "5", GW]),
        0,
        "the leased address stopped working"
    );

    // the binding and its rules go with the tap
    d.ok(&["destroy", DOM]);
    let t = Instant::now();
    loop {
        let (_, table) = ns.exec(&["nft", "list", "table", "bridge", "rvirt_nwfilter"]);
        if !table.contains("vnet0/") {
            break;
        }
        assert!(t.elapsed() < Duration::from_secs(10), "{table}");
        std::thread::sleep(Duration::from_millis(100));
    }
}
