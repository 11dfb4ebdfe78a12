//! Node-device lifecycle events for network interfaces, for real: a link watch in a private
//! network namespace sees a veth pair appear and disappear. Nothing touches the host's links.

use std::process::Command;
use std::time::Duration;

use rvirt_core::event::{Event, EventBus, NodeDeviceEventKind};
use rvirt_driver_host::nodedev::netwatch::spawn_link_watch;

fn sh(args: &[&str]) {
    let st = Command::new(args[0]).args(&args[1..]).status().unwrap();
    assert!(st.success(), "{args:?}");
}

fn mac_of(dev: &str) -> String {
    let out = Command::new("ip")
        .args(["-o", "link", "show", dev])
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout).into_owned();
    let w: Vec<&str> = s.split_whitespace().collect();
    let i = w.iter().position(|x| *x == "link/ether").unwrap();
    w[i + 1].to_string()
}

#[test]
fn net_device_created_and_deleted_events() {
    let t = std::thread::spawn(|| {
        // SAFETY: unshare(CLONE_NEWNET) affects only this thread.
        let rc = unsafe { libc::unshare(libc::CLONE_NEWNET) };
        assert_eq!(rc, 0, "unshare(CLONE_NEWNET) needs root");
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let bus = EventBus::new();
            let mut rx = bus.subscribe();
            let watch = spawn_link_watch(bus.clone()).unwrap();
            // Let the initial dump (lo) go by silently.
            tokio::time::sleep(Duration::from_millis(200)).await;
            assert!(rx.try_recv().is_err(), "existing links raised events");

            sh(&[
                "ip", "link", "add", "nde0", "type", "veth", "peer", "name", "nde1",
            ]);
            let mac0 = mac_of("nde0").replace(':', "_");
            let mac1 = mac_of("nde1").replace(':', "_");
            let mut created = Vec::new();
            while created.len() < 2 {
                let ev = tokio::time::timeout(Duration::from_secs(5), rx.recv())
                    .await
                    .expect("no event")
                    .unwrap();
                if let Event::NodeDevice {
                    dev,
                    kind: NodeDeviceEventKind::Lifecycle { event: 0, .. },
                } = ev
                {
                    created.push(dev.name);
                }
            }
            created.sort();
            assert_eq!(
                created,
                vec![format!("net_nde0_{mac0}"), format!("net_nde1_{mac1}")]
            );

            // Bringing a link up is not a new device; deleting it is a deletion.
            sh(&["ip", "link", "set", "nde0", "up"]);
            sh(&["ip", "link", "del", "nde0"]);
            let mut deleted = Vec::new();
            while deleted.len() < 2 {
                let ev = tokio::time::timeout(Duration::from_secs(5), rx.recv())
                    .await
                    .expect("no event")
                    .unwrap();
                match ev {
                    Event::NodeDevice {
                        dev,
                        kind: NodeDeviceEventKind::Lifecycle { event: 1, .. },
                    } => deleted.push(dev.name),
                    other => panic!("unexpected {other:?}"),
                }
            }
            deleted.sort();
            assert_eq!(
                deleted,
                vec![format!("net_nde0_{mac0}"), format!("net_nde1_{mac1}")]
            );
            watch.abort();
        });
    });
    if let Err(p) = t.join() {
        std::panic::resume_unwind(p);
    }
}
