//! The public API against the in-process test driver.

use rvirt::{domain_event_id, Connect, DomainEventKind, ErrorCode, Event};

#[tokio::test]
async fn local_open_and_lookup() {
    let conn = Connect::open("test:///default").await.unwrap();
    assert!(conn.remote().is_none());
    let dom = conn.lookup_domain_by_name("test").await.unwrap();
    assert_eq!(dom.name(), "test");
    assert!(dom.is_active().await.unwrap());
    let same = conn.lookup_domain_by_uuid(dom.uuid()).await.unwrap();
    assert_eq!(same.handle(), dom.handle());
    let e = conn.lookup_domain_by_name("nosuch").await.unwrap_err();
    assert_eq!(e.code, ErrorCode::NoDomain);
    // libvirt's test driver raises NO_DOMAIN without detail
    assert_eq!(e.message, "Domain not found");
}

#[tokio::test]
async fn local_events_define() {
    let conn = Connect::open("test:///default").await.unwrap();
    let mut sub = conn
        .domain_event_register_any(domain_event_id::LIFECYCLE, None)
        .await
        .unwrap();
    let xml = "<domain type='test'><name>evlocal</name><memory>1024</memory>\
               <os><type>hvm</type></os></domain>";
    let dom = conn.define_domain_xml(xml).await.unwrap();
    let ev = sub.recv().await.unwrap();
    match ev {
        Event::Domain { dom: d, kind } => {
            assert_eq!(d.name, "evlocal");
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
    sub.deregister().await.unwrap();
    assert_eq!(conn.get_type().await.unwrap(), "TEST");
}

/// `virConnectOpenReadOnly` on the in-process test driver refuses writes before the driver
/// runs, as libvirt's client library does (`virsh -r -c test:///default destroy test`).
#[tokio::test]
async fn local_read_only_refuses_writes() {
    let conn = Connect::open_read_only("test:///default").await.unwrap();
    assert!(conn.is_read_only());
    let dom = conn.lookup_domain_by_name("test").await.unwrap();
    let e = dom.destroy().await.unwrap_err();
    assert_eq!(e.code, ErrorCode::OperationDenied);
    assert_eq!(
        e.message,
        "operation forbidden: read only access prevents virDomainDestroy"
    );
    assert!(dom.is_active().await.unwrap());
    // reads still reach the driver
    assert_eq!(dom.info().await.unwrap().nr_virt_cpu, 2);
}
