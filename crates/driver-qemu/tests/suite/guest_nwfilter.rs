//! `<interface><filterref>` through stock virsh and rvirtd: starting a guest binds its
//! NIC's filter to the tap (owner = the domain, as `virsh nwfilter-binding-dumpxml` shows),
//! the filter cannot be undefined while bound, a missing filter fails the start without
//! leaving a tap, hot-plug binds too, the rules reach the kernel (nftables) and stopping
//! the guest removes the bindings and their rules.

use crate::netns::NetNs;
use crate::rvirtd::{temp_root, Rvirtd};
use std::time::{Duration, Instant};

const DOM: &str = "nwfguest";
const BRIDGE: &str = "rvtnwf0";

fn nic(mac: &str, filter: &str) -> String {
    format!(
        "<interface type='bridge'><mac address='{mac}'/><source bridge='{BRIDGE}'/>\
         <model type='virtio'/><filterref filter='{filter}'>\
         <parameter name='IP' value='10.9.8.7'/></filterref></interface>"
    )
}

/// Polls `nwfilter-binding-list` until `pred` holds on it.
fn wait_bindings(d: &Rvirtd, pred: impl Fn(&str) -> bool) -> String {
    let t = Instant::now();
    loop {
        let out = d.ok(&["nwfilter-binding-list"]);
        if pred(&out) || t.elapsed() > Duration::from_secs(10) {
            return out;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn guest_nic_filterref_binds_and_unbinds() {
    let Some(guest) = crate::common::stock_virsh_guest() else {
        return;
    };
    let Some(ns) = NetNs::create("rvirt-nwf") else {
        eprintln!("skipping: cannot create a network namespace (needs root)");
        return;
    };
    assert!(ns.exec(&["ip", "link", "add", BRIDGE, "type", "bridge"]).0);
    assert!(ns.exec(&["ip", "link", "set", BRIDGE, "up"]).0);
    let root = temp_root("rvirt-nwf");
    let d = Rvirtd::start_under(&ns.prefix(), root.path())
        .log_on_failure()
        .cleanup(|d| {
            let _ = d.virsh(&["destroy", DOM]);
        });
    let filter = root.path().join("filter.xml");
    std::fs::write(
        &filter,
        "<filter name='rvt-allow' chain='root'>\
         <rule action='accept' direction='inout' priority='500'><all/></rule></filter>",
    )
    .unwrap();
    d.ok(&["nwfilter-define", filter.to_str().unwrap()]);

    // a NIC naming a filter that does not exist: the start fails, no tap is left behind
    let write = |name: &str, devices: &str| {
        let p = root.path().join(format!("{name}.xml"));
        std::fs::write(&p, crate::common::guest_xml_devices(name, &guest, devices)).unwrap();
        p
    };
    let bad = write("nwfbad", &nic("52:54:00:6e:00:09", "no-such-filter"));
    d.ok(&["define", bad.to_str().unwrap()]);
    let (ok, out) = d.virsh(&["start", "nwfbad"]);
    assert!(!ok, "{out}");
    let (_, links) = ns.exec(&["ip", "-o", "link", "show", "type", "tun"]);
    assert!(!links.contains("vnet"), "{links}");

    let good = write(DOM, &nic("52:54:00:6e:00:01", "rvt-allow"));
    d.ok(&["define", good.to_str().unwrap()]);
    d.ok(&["start", DOM]);
    let tap = d.ok(&["domiflist", DOM]);
    let tap = tap
        .lines()
        .find(|l| l.contains("52:54:00:6e:00:01"))
        .and_then(|l| l.split_whitespace().next())
        .unwrap()
        .to_string();
    let list = wait_bindings(&d, |l| l.contains(&tap));
    assert!(list.contains(&tap) && list.contains("rvt-allow"), "{list}");
    let x = d.ok(&["nwfilter-binding-dumpxml", &tap]);
    assert!(x.contains(&format!("<name>{DOM}</name>")), "{x}");
    assert!(x.contains("<mac address='52:54:00:6e:00:01'/>"), "{x}");
    assert!(x.contains("<parameter name='IP' value='10.9.8.7'/>"), "{x}");
    let (ok, out) = d.virsh(&["nwfilter-undefine", "rvt-allow"]);
    assert!(!ok && out.contains("in use"), "{out}");
    // the rules are in the kernel (nftables, in the daemon's namespace): the tap's chains
    // hold the filter's accept-all rule
    let (_, table) = ns.exec(&["nft", "list", "table", "bridge", "rvirt_nwfilter"]);
    assert!(table.contains(&format!("{tap}/out")), "{table}");
    assert!(table.contains(&format!("{tap}/in")), "{table}");

    // hot-plug binds the new tap too; detach unbinds it
    let extra = root.path().join("nic2.xml");
    std::fs::write(&extra, nic("52:54:00:6e:00:02", "rvt-allow")).unwrap();
    d.ok(&["attach-device", DOM, extra.to_str().unwrap(), "--live"]);
    let list = wait_bindings(&d, |l| l.matches("rvt-allow").count() == 2);
    assert_eq!(list.matches("rvt-allow").count(), 2, "{list}");

    d.ok(&["destroy", DOM]);
    let list = wait_bindings(&d, |l| !l.contains("rvt-allow"));
    assert!(!list.contains("rvt-allow"), "{list}");
    let (_, table) = ns.exec(&["nft", "list", "table", "bridge", "rvirt_nwfilter"]);
    assert!(!table.contains(&format!("{tap}/")), "{table}");
    d.ok(&["nwfilter-undefine", "rvt-allow"]);
}
