//! A full lifecycle with the real test guest under TCG.

use crate::common::{guest_xml, read_console_until, wait_for, GuestEnv};
use rvirt_core::driver::{Connection, DomainDriver};
use rvirt_core::event::{lifecycle, DomainEventKind, Event};
use rvirt_core::info::domain_state as st;
use rvirt_driver_qemu::QemuConnection;
use std::time::{Duration, Instant};

async fn state(conn: &QemuConnection, d: &rvirt_core::handle::DomainRef) -> (i32, i32) {
    conn.domain_get_state(d, 0).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn full_lifecycle_with_test_guest() {
    let Some(env) = GuestEnv::start().await else {
        return;
    };
    let (guest, root, pids, drv, conn) = env.parts();
    let mut events = conn.events().subscribe();

    let dom = conn
        .domain_define_xml(&guest_xml("lifecycle", &guest), 0)
        .await
        .unwrap();
    assert!(root.path().join("etc/libvirt/qemu/lifecycle.xml").exists());
    assert_eq!(state(&conn, &dom).await, (st::SHUTOFF, 0));

    let t = Instant::now();
    let dom = conn.domain_create(&dom, 0).await.unwrap();
    println!("start (spawn → QMP → cont): {:?}", t.elapsed());
    pids.track(&drv, &dom);
    assert!(dom.id > 0);
    assert_eq!(state(&conn, &dom).await, (st::RUNNING, 1));
    assert!(root.path().join("run/libvirt/qemu/lifecycle.xml").exists());
    let live = conn.domain_get_xml_desc(&dom, 0).await.unwrap();
    assert!(
        live.contains("<alias name='serial0'/>") && live.contains("tty='/dev/pts/"),
        "{live}"
    );

    let out = read_console_until(
        &conn,
        &dom,
        rvirt_testkit::guest::READY_LINE,
        Duration::from_secs(90),
    )
    .await
    .unwrap();
    println!("ready line on console after {:?}", t.elapsed());
    assert!(out.contains(rvirt_testkit::guest::READY_LINE));

    let ifaces = wait_for(Duration::from_secs(60), || async {
        let v = conn.domain_interface_addresses(&dom, 1, 0).await.ok()?;
        v.iter()
            .any(|i| i.name != "lo" && i.addrs.iter().any(|a| a.addr_type == 0))
            .then_some(v)
    })
    .await
    .expect("agent reports an IPv4 address");
    let eth = ifaces.iter().find(|i| i.name != "lo").unwrap();
    println!(
        "domifaddr --source agent: {} {:?} {:?}",
        eth.name, eth.hwaddr, eth.addrs
    );
    assert!(eth.hwaddr.as_deref().unwrap_or("").starts_with("52:54:00"));

    let info = conn.domain_get_info(&dom).await.unwrap();
    assert_eq!(info.state, st::RUNNING);
    assert_eq!(info.max_mem, 262_144);
    assert!(info.cpu_time > 0);

    conn.domain_suspend(&dom).await.unwrap();
    assert_eq!(state(&conn, &dom).await, (st::PAUSED, 1));
    conn.domain_resume(&dom).await.unwrap();
    assert_eq!(state(&conn, &dom).await, (st::RUNNING, 5));

    let t = Instant::now();
    conn.domain_shutdown(&dom, 0).await.unwrap();
    let off = wait_for(Duration::from_secs(30), || async {
        (state(&conn, &dom).await.0 == st::SHUTOFF).then_some(())
    })
    .await;
    println!("shutdown → shut off: {:?}", t.elapsed());
    assert!(off.is_some(), "guest did not power off");
    assert_eq!(state(&conn, &dom).await, (st::SHUTOFF, 1));
    assert!(!root.path().join("run/libvirt/qemu/lifecycle.xml").exists());

    let dom = conn.domain_create(&dom, 0).await.unwrap();
    pids.track(&drv, &dom);
    let t = Instant::now();
    conn.domain_destroy(&dom, 0).await.unwrap();
    println!("destroy: {:?}", t.elapsed());
    assert_eq!(state(&conn, &dom).await, (st::SHUTOFF, 2));

    conn.domain_undefine(&dom, 0).await.unwrap();
    assert!(conn.domain_lookup_by_name("lifecycle").await.is_err());

    // the lifecycle events in order
    let mut seen = Vec::new();
    while let Ok(ev) = events.try_recv() {
        if let Event::Domain {
            kind: DomainEventKind::Lifecycle { event, detail },
            ..
        } = ev
        {
            seen.push((event, detail));
        }
    }
    let want = [
        (lifecycle::DEFINED, 0),
        (lifecycle::STARTED, 0),
        (lifecycle::SUSPENDED, 0),
        (lifecycle::RESUMED, 0),
        (lifecycle::STOPPED, 0),
        (lifecycle::STARTED, 0),
        (lifecycle::STOPPED, 1),
        (lifecycle::UNDEFINED, 0),
    ];
    let filtered: Vec<(i32, i32)> = seen
        .iter()
        .copied()
        .filter(|(e, _)| *e != lifecycle::SHUTDOWN)
        .collect();
    assert_eq!(filtered, want, "all events: {seen:?}");
    assert!(
        seen.iter().any(|(e, _)| *e == lifecycle::SHUTDOWN),
        "{seen:?}"
    );
}
