//! QoS (`<bandwidth>`): the tc command lines as goldens, then for real on a veth and on a
//! network's bridge inside a private namespace.

use std::path::Path;

use rvirt_conf::network::{Bandwidth, BandwidthRate, NetworkDef};
use rvirt_core::driver::NetworkDriver;
use rvirt_core::event::EventBus;
use rvirt_driver_network::{qos, NetworkDriverImpl};

use crate::netns::{in_netns, paths, sh, Reaper};

fn rate(average: u64, peak: Option<u64>, burst: Option<u64>) -> BandwidthRate {
    BandwidthRate {
        average: Some(average),
        peak,
        floor: None,
        burst,
    }
}

fn render(cmds: &qos::TcCommands) -> String {
    cmds.iter()
        .map(|c| format!("tc {}\n", c.join(" ")))
        .collect()
}

fn check(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/goldens/{name}"));
    if std::env::var_os("RVIRT_UPDATE_GOLDENS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    assert_eq!(actual, expected, "golden mismatch: {}", path.display());
}

fn both() -> Bandwidth {
    Bandwidth {
        inbound: Some(rate(1000, Some(5000), Some(1024))),
        outbound: Some(rate(128, Some(256), Some(256))),
    }
}

#[test]
fn tc_command_goldens() {
    // A guest tap: swapped (guest inbound = tap transmit), flat class.
    check(
        "qos-tap.tc",
        &render(&qos::set_commands("vnet0", &both(), false, true)),
    );
    // A network bridge: hierarchical, not swapped.
    let xml = "<network><name>q</name><bridge name='virbr9'/><bandwidth>\
               <inbound average='2000' peak='4000'/><outbound average='300'/></bandwidth></network>";
    let def = NetworkDef::parse(xml).unwrap();
    check(
        "qos-bridge.tc",
        &render(&qos::set_commands(
            "virbr9",
            def.bandwidth.as_ref().unwrap(),
            true,
            true,
        )),
    );
    // Tiny rate: quantum never drops below 1; outbound burst defaults to average.
    let tiny = Bandwidth {
        inbound: Some(rate(1, None, None)),
        outbound: Some(rate(8, None, None)),
    };
    check(
        "qos-tiny.tc",
        &render(&qos::set_commands("vnet1", &tiny, false, false)),
    );
    assert_eq!(
        render(&qos::clear_commands("vnet0")),
        "tc qdisc del dev vnet0 root\ntc qdisc del dev vnet0 ingress\n"
    );
    assert!(qos::set_commands("vnet0", &Bandwidth::default(), false, true).is_empty());
}

#[test]
fn qos_on_a_veth_and_a_network_bridge() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_path_buf();
    in_netns(move || async move {
        let _reaper = Reaper(root.clone());
        sh(&[
            "ip", "link", "add", "vq0", "type", "veth", "peer", "name", "vq1",
        ]);
        sh(&["ip", "link", "set", "vq0", "up"]);
        // Outbound (ingress policing) needs act_police: applied where the kernel has it,
        // else reported (never silently dropped) and the device left clean.
        match qos::apply("vq0", Some(&both()), false, true).await {
            Ok(()) => {
                let filters = sh(&["tc", "filter", "show", "dev", "vq0", "parent", "ffff:"]);
                assert!(filters.contains("police"), "{filters}");
            }
            Err(e) => {
                assert!(e.message.contains("police rate 128kbps"), "{}", e.message);
                let qdiscs = sh(&["tc", "qdisc", "show", "dev", "vq0"]);
                assert!(!qdiscs.contains("htb"), "{qdiscs}");
            }
        }
        let inbound = Bandwidth {
            inbound: both().inbound,
            outbound: None,
        };
        qos::apply("vq0", Some(&inbound), false, true)
            .await
            .unwrap();
        let classes = sh(&["tc", "-s", "class", "show", "dev", "vq0"]);
        assert!(classes.contains("class htb 1:1 root"), "{classes}");
        assert!(classes.contains("rate 8Mbit ceil 40Mbit"), "{classes}");
        assert!(classes.contains("Sent "), "{classes}");
        let qdiscs = sh(&["tc", "qdisc", "show", "dev", "vq0"]);
        assert!(qdiscs.contains("qdisc htb 1: root"), "{qdiscs}");

        // Live change (domiftune's path): replaced, not added to.
        let slower = Bandwidth {
            inbound: Some(rate(500, None, None)),
            outbound: None,
        };
        qos::apply("vq0", Some(&slower), false, true).await.unwrap();
        let classes = sh(&["tc", "class", "show", "dev", "vq0"]);
        assert!(classes.contains("rate 4Mbit"), "{classes}");
        let qdiscs = sh(&["tc", "qdisc", "show", "dev", "vq0"]);
        assert!(!qdiscs.contains("ingress"), "{qdiscs}");

        // The QEMU driver's path: the NIC's <bandwidth> as XML.
        qos::apply_to_tap(
            "vq0",
            Some("<bandwidth><inbound average='2000' burst='64'/></bandwidth>"),
            true,
        )
        .await
        .unwrap();
        let classes = sh(&["tc", "class", "show", "dev", "vq0"]);
        assert!(classes.contains("rate 16Mbit"), "{classes}");
        assert!(qos::apply_to_tap("vq0", Some("<bandwidth>"), true)
            .await
            .is_err());

        // Removed.
        qos::apply_to_tap("vq0", None, true).await.unwrap();
        let qdiscs = sh(&["tc", "qdisc", "show", "dev", "vq0"]);
        assert!(!qdiscs.contains("htb"), "{qdiscs}");
        qos::apply("vq0", None, false, true).await.unwrap();
        let qdiscs = sh(&["tc", "qdisc", "show", "dev", "vq0"]);
        assert!(!qdiscs.contains("htb"), "{qdiscs}");

        // A network with <bandwidth>: its bridge gets the hierarchical classes.
        let drv = NetworkDriverImpl::open(paths(&root), EventBus::new())
            .await
            .unwrap();
        let net = drv
            .network_create_xml(
                "<network><name>qnet</name><bridge name='rvqbr0'/>\
                 <bandwidth><inbound average='2000' peak='4000'/></bandwidth>\
                 <ip address='10.92.0.1' prefix='24'/></network>",
                0,
            )
            .await
            .unwrap();
        let classes = sh(&["tc", "class", "show", "dev", "rvqbr0"]);
        assert!(classes.contains("class htb 1:1 root"), "{classes}");
        assert!(classes.contains("class htb 1:2 parent 1:1"), "{classes}");
        drv.network_destroy(&net).await.unwrap();
    });
}
