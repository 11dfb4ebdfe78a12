//! The remote driver against a real libvirtd, compared with the in-process test driver.

use std::time::Duration;

use rvirt::prelude::*;
use rvirt::remote::{RemoteConnection, RemoteOpenOptions};
use rvirt::{domain_event_id, Connect, DomainEventKind, ErrorCode, Event};

use crate::harness::Libvirtd;

async fn remote_test(d: &Libvirtd) -> Connect {
    Connect::open(&d.uri("test", "/default")).await.unwrap()
}

#[tokio::test]
async fn remote_matches_local_test_driver() {
    let Some(d) = Libvirtd::start() else { return };
    let remote = remote_test(&d).await;
    assert!(remote.remote().is_some());
    let local = Connect::open("test:///default").await.unwrap();

    assert_eq!(
        remote.get_type().await.unwrap(),
        local.get_type().await.unwrap()
    );
    assert_eq!(
        remote.node_get_info().await.unwrap(),
        local.node_get_info().await.unwrap()
    );

    let names = |v: Vec<rvirt::DomainRef>| {
        let mut n: Vec<String> = v.into_iter().map(|d| d.name).collect();
        n.sort();
        n
    };
    assert_eq!(
        names(remote.list_all_domains(0).await.unwrap()),
        names(local.list_all_domains(0).await.unwrap())
    );
    let rd = remote.lookup_domain_by_name("test").await.unwrap();
    let ld = local.lookup_domain_by_name("test").await.unwrap();
    assert_eq!(rd.uuid(), ld.uuid());
    assert_eq!(rd.handle().id, ld.handle().id);
    let (ri, li) = (rd.info().await.unwrap(), ld.info().await.unwrap());
    assert_eq!(
        (ri.state, ri.max_mem, ri.memory, ri.nr_virt_cpu),
        (li.state, li.max_mem, li.memory, li.nr_virt_cpu)
    );
    assert_eq!(rd.state().await.unwrap(), ld.state().await.unwrap());
    assert_eq!(rd.os_type().await.unwrap(), ld.os_type().await.unwrap());
    assert_eq!(
        rd.is_persistent().await.unwrap(),
        ld.is_persistent().await.unwrap()
    );

    let nets = |v: Vec<rvirt::NetworkRef>| v.into_iter().map(|n| n.name).collect::<Vec<_>>();
    assert_eq!(
        nets(remote.list_all_networks(0).await.unwrap()),
        nets(local.list_all_networks(0).await.unwrap())
    );
    let pools = |v: Vec<rvirt::StoragePoolRef>| v.into_iter().map(|n| n.name).collect::<Vec<_>>();
    assert_eq!(
        pools(remote.list_all_storage_pools(0).await.unwrap()),
        pools(local.list_all_storage_pools(0).await.unwrap())
    );
    remote.close().await.unwrap();
    // after close every call fails cleanly
    let e = remote.get_type().await.unwrap_err();
    assert_eq!(e.code, ErrorCode::InternalError);
}

#[tokio::test]
async fn remote_missing_domain_error_matches_libvirt() {
    let Some(d) = Libvirtd::start() else { return };
    let conn = remote_test(&d).await;
    let e = conn.lookup_domain_by_name("nosuchdom").await.unwrap_err();
    assert_eq!(e.code, ErrorCode::NoDomain);
    assert_eq!(e.code.number(), 42);
    // libvirtd's test driver reports NO_DOMAIN without detail (qemu adds "no domain with …")
    assert_eq!(e.message, "Domain not found");
    let local = Connect::open("test:///default").await.unwrap();
    let le = local.lookup_domain_by_name("nosuchdom").await.unwrap_err();
    assert_eq!((le.code, &le.message), (e.code, &e.message));
    conn.close().await.unwrap();
}

#[tokio::test]
async fn remote_pipelined_concurrent_calls() {
    let Some(d) = Libvirtd::start() else { return };
    let conn = remote_test(&d).await;
    let mut tasks = Vec::new();
    for i in 0..64 {
        let c = conn.clone();
        tasks.push(tokio::spawn(async move {
            if i % 2 == 0 {
                c.lookup_domain_by_name("test")
                    .await
                    .map(|d| d.name().to_string())
            } else {
                c.get_hostname().await
            }
        }));
    }
    let host = conn.get_hostname().await.unwrap();
    for (i, t) in tasks.into_iter().enumerate() {
        let v = t.await.unwrap().unwrap();
        if i % 2 == 0 {
            assert_eq!(v, "test");
        } else {
            assert_eq!(v, host);
        }
    }
    conn.close().await.unwrap();
}

#[tokio::test]
async fn remote_define_emits_defined_event() {
    let Some(d) = Libvirtd::start() else { return };
    let conn = remote_test(&d).await;
    let mut sub = conn
        .domain_event_register_any(domain_event_id::LIFECYCLE, None)
        .await
        .unwrap();
    let xml = "<domain type='test'><name>evremote</name><memory>1024</memory>\
               <os><type>hvm</type></os></domain>";
    let dom = conn.define_domain_xml(xml).await.unwrap();
    let ev = tokio::time::timeout(Duration::from_secs(10), sub.recv())
        .await
        .unwrap()
        .unwrap();
    match ev {
        Event::Domain { dom: d, kind } => {
            assert_eq!(d.name, "evremote");
            assert_eq!(
                kind,
                DomainEventKind::Lifecycle {
                    event: 0,
                    detail: 0
                }
            );
        }
        other => panic!("unexpected {other:?}"),
    }
    dom.undefine().await.unwrap();
    let ev = tokio::time::timeout(Duration::from_secs(10), sub.recv())
        .await
        .unwrap()
        .unwrap();
    assert!(matches!(
        ev,
        Event::Domain {
            kind: DomainEventKind::Lifecycle { event: 1, .. },
            ..
        }
    ));
    sub.deregister().await.unwrap();
    conn.close().await.unwrap();
}

#[tokio::test]
async fn remote_volume_upload_then_download() {
    let Some(d) = Libvirtd::start() else { return };
    let conn = Connect::open(&d.uri("qemu", "/session")).await.unwrap();
    let pool_xml = format!(
        "<pool type='dir'><name>rvirtp</name><target><path>{}</path></target></pool>",
        d.pool_dir().display()
    );
    let pool = rvirt::StoragePool::new(&conn, conn.pool_create_xml(&pool_xml, 0).await.unwrap());
    let vol = pool
        .create_volume_xml(
            "<volume><name>v1</name><capacity>1048576</capacity></volume>",
            0,
        )
        .await
        .unwrap();
    // 600000 bytes: three frames of at most 262120
    let data: Vec<u8> = (0..600_000u32).map(|i| (i % 251) as u8).collect();
    let mut up = vol.upload(0, data.len() as u64, 0).await.unwrap();
    up.send(data.clone()).await.unwrap();
    up.finish().await.unwrap();
    let mut down = vol.download(0, data.len() as u64, 0).await.unwrap();
    let got = down.recv_all().await.unwrap();
    down.finish().await.unwrap();
    assert_eq!(got.len(), data.len());
    assert!(got == data, "downloaded bytes differ");
    vol.delete(0).await.unwrap();
    pool.destroy().await.unwrap();
    conn.close().await.unwrap();
}

#[tokio::test]
async fn remote_keepalive_keeps_idle_connection() {
    let Some(d) = Libvirtd::start() else { return };
    let opts = RemoteOpenOptions {
        read_only: false,
        keepalive: Some((Duration::from_millis(300), 2)),
        ..RemoteOpenOptions::default()
    };
    let conn = Connect::open_with_options(&d.uri("test", "/default"), &opts)
        .await
        .unwrap();
    // idle for several intervals: our pings must be answered by libvirtd
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(conn.get_type().await.unwrap(), "TEST");
    conn.close().await.unwrap();
}

#[tokio::test]
async fn remote_read_only_refuses_writes() {
    let Some(d) = Libvirtd::start() else { return };
    let conn = Connect::open_read_only(&d.uri("test", "/default"))
        .await
        .unwrap();
    assert!(conn.is_read_only());
    let dom = conn.lookup_domain_by_name("test").await.unwrap();
    let e = dom.destroy().await.unwrap_err();
    assert_eq!(e.code, ErrorCode::OperationDenied);
    conn.close().await.unwrap();
}

#[tokio::test]
async fn remote_server_loss_fails_calls_like_libvirt() {
    let Some(mut d) = Libvirtd::start() else {
        return;
    };
    let r = RemoteConnection::open(&d.uri("test", "/default"), &RemoteOpenOptions::default())
        .await
        .unwrap();
    assert_eq!(r.get_type().await.unwrap(), "TEST");
    drop(std::mem::replace(
        &mut d,
        match Libvirtd::start() {
            Some(x) => x,
            None => return,
        },
    ));
    r.client().closed().await;
    let e = r.get_type().await.unwrap_err();
    assert_eq!(e.code.number(), 1);
    let reason = r.client().close_reason().unwrap();
    assert_eq!((reason.code.number(), reason.domain.number()), (38, 7));
    assert_eq!(
        reason.message,
        "End of file while reading data: Input/output error"
    );
}

/// With no daemon, libvirt's remote driver names the socket under `/var/run` (its
/// `LOCALSTATEDIR`), as `virsh -c qemu:///system list` prints.
#[tokio::test]
async fn missing_system_socket_is_named_under_var_run() {
    if std::path::Path::new("/var/run/libvirt/libvirt-sock").exists() {
        return; // a real daemon is listening here
    }
    let e = Connect::open("qemu:///system").await.unwrap_err();
    assert_eq!(e.code, ErrorCode::SystemError);
    assert_eq!(
        e.message,
        "Failed to connect socket to '/var/run/libvirt/libvirt-sock': No such file or directory"
    );
}
