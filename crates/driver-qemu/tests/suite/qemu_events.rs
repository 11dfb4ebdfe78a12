//! QEMU monitor events through rvirtd with the rvirt client
//! (`virConnectDomainQemuMonitorEventRegister`/`Deregister`, QEMU program procedures 4/5
//! and the event message 6) on a real guest.

use crate::common::{guest_xml, stock_virsh_guest, PidGuard};
use crate::rvirtd::{qemu_pids, virsh_ok as ok};
use std::time::Duration;

/// A started guest on a fresh rvirtd; (daemon, URI, QEMU guard).
fn started(name: &str) -> Option<(rvirt_testkit::TestDaemon, String, PidGuard)> {
    let guest = stock_virsh_guest()?;
    let d = rvirt_testkit::TestDaemon::start();
    let pids = PidGuard::default();
    let uri = d.uri("qemu:///system");
    let xf = d.root().join(format!("{name}.xml"));
    std::fs::write(&xf, guest_xml(name, &guest)).unwrap();
    ok(&uri, &["define", xf.to_str().unwrap()]);
    ok(&uri, &["start", name]);
    for p in qemu_pids(d.root()) {
        pids.add(p);
    }
    Some((d, uri, pids))
}

#[test]
fn client_registers_and_deregisters_monitor_events() {
    let Some((_d, uri, _pids)) = started("qe") else {
        return;
    };
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let conn = rvirt::Connect::open(&uri).await.unwrap();
        let remote = conn.remote().unwrap();
        let dom = conn.lookup_domain_by_name("qe").await.unwrap();
        let (a, _rx_a) = remote
            .qemu_monitor_event_register(Some(dom.handle()), Some("STOP"), 0)
            .await
            .unwrap();
        let (b, _rx_b) = remote
            .qemu_monitor_event_register(None, Some("resume"), 2)
            .await
            .unwrap();
        assert_ne!(a, b);
        // libvirt's refusal of unknown flags, then of regular expressions here
        let e = remote
            .qemu_monitor_event_register(None, None, 8)
            .await
            .unwrap_err();
        assert!(
            e.message.contains("unsupported flags (0x8)"),
            "{}",
            e.message
        );
        remote.qemu_monitor_event_deregister(a).await.unwrap();
        let e = remote.qemu_monitor_event_deregister(a).await.unwrap_err();
        assert!(e.message.contains(&a.to_string()), "{}", e.message);
        remote.qemu_monitor_event_deregister(b).await.unwrap();
    });
    ok(&uri, &["destroy", "qe"]);
}

#[test]
fn client_receives_monitor_events_of_a_real_guest() {
    let Some((_d, uri, _pids)) = started("qr") else {
        return;
    };
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let conn = rvirt::Connect::open(&uri).await.unwrap();
        let remote = conn.remote().unwrap();
        let dom = conn.lookup_domain_by_name("qr").await.unwrap();
        let (_, mut stops) = remote
            .qemu_monitor_event_register(Some(dom.handle()), Some("STOP"), 0)
            .await
            .unwrap();
        let (_, mut resumes) = remote
            .qemu_monitor_event_register(None, Some("resume"), 2)
            .await
            .unwrap();
        let mut all = rvirt_core::driver::QemuExtDriver::qemu_monitor_events(remote).unwrap();
        tokio::time::sleep(Duration::from_millis(500)).await;
        dom.suspend().await.unwrap();
        let ev = tokio::time::timeout(Duration::from_secs(20), stops.recv())
            .await
            .expect("STOP within 20 s")
            .unwrap();
        assert_eq!(ev.event, "STOP");
        assert_eq!(ev.dom.name, "qr");
        assert!(ev.seconds > 0);
        let any = tokio::time::timeout(Duration::from_secs(20), all.recv())
            .await
            .expect("an event on the connection-wide stream")
            .unwrap();
        assert_eq!(any.event, "STOP");
        dom.resume().await.unwrap();
        let ev = tokio::time::timeout(Duration::from_secs(20), resumes.recv())
            .await
            .expect("RESUME within 20 s")
            .unwrap();
        assert_eq!(ev.event, "RESUME");
        assert!(
            stops.try_recv().is_err(),
            "only STOP on the filtered stream"
        );
    });
    ok(&uri, &["destroy", "qr"]);
}
