//! `DomainCheckpoint` (`virDomainCheckpointPtr`) through the public API: the in-process
//! test driver, and the remote driver against a real libvirtd's test driver, which must
//! answer alike (procedures 411–417 on the wire).

use rvirt::{Connect, DomainCheckpoint, ErrorCode};

use crate::harness::Libvirtd;

const DOM_XML: &str = "<domain type='test'><name>NAME</name><memory>1024</memory>\
    <os><type>hvm</type></os><devices><disk type='file' device='disk'>\
    <source file='/guest/a.img'/><target dev='vda' bus='virtio'/></disk></devices></domain>";

fn names(v: &[DomainCheckpoint]) -> Vec<String> {
    let mut n: Vec<String> = v.iter().map(|c| c.name().to_string()).collect();
    n.sort();
    n
}

/// Creates c1 → c2 → c3 on a fresh transient domain and checks what every API returns;
/// the observations are returned for comparing two connections.
async fn exercise(conn: &Connect, dom_name: &str) -> Vec<String> {
    let dom = conn
        .create_domain_xml(&DOM_XML.replace("NAME", dom_name), 0)
        .await
        .unwrap();
    let mut seen = Vec::new();
    for n in ["c1", "c2", "c3"] {
        let c = dom
            .checkpoint_create_xml(
                &format!("<domaincheckpoint><name>{n}</name></domaincheckpoint>"),
                0,
            )
            .await
            .unwrap();
        assert_eq!(c.name(), n);
        assert_eq!(c.domain().name(), dom_name);
    }
    let c2 = dom.checkpoint_lookup_by_name("c2", 0).await.unwrap();
    seen.push(c2.parent(0).await.unwrap().name().to_string());
    seen.push(names(&dom.list_all_checkpoints(0).await.unwrap()).join(","));
    seen.push(names(&dom.list_all_checkpoints(1).await.unwrap()).join(","));
    seen.push(names(&dom.list_all_checkpoints(4).await.unwrap()).join(","));
    let c1 = c2.parent(0).await.unwrap();
    seen.push(names(&c1.list_all_children(0).await.unwrap()).join(","));
    seen.push(names(&c1.list_all_children(1).await.unwrap()).join(","));
    let xml = c2.xml_desc(2).await.unwrap();
    let xml: String = xml
        .lines()
        .filter(|l| !l.contains("creationTime"))
        .collect::<Vec<_>>()
        .join("\n");
    seen.push(xml);
    let e = c1.parent(0).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::NoDomainCheckpoint);
    seen.push(e.message);
    let e = dom.checkpoint_lookup_by_name("nope", 0).await.unwrap_err();
    seen.push(e.message);
    let e = c1.delete(1 | 4).await.unwrap_err();
    seen.push(e.message);
    c2.delete(0).await.unwrap();
    seen.push(names(&c1.list_all_children(0).await.unwrap()).join(","));
    c1.delete(1).await.unwrap();
    assert!(dom.list_all_checkpoints(0).await.unwrap().is_empty());
    dom.destroy().await.unwrap();
    seen
}

#[tokio::test]
async fn local_checkpoint_objects() {
    let conn = Connect::open("test:///default").await.unwrap();
    let seen = exercise(&conn, "chklocal").await;
    assert_eq!(seen[0], "c1");
    assert_eq!(seen[1], "c1,c2,c3");
    assert_eq!(seen[2], "c1");
    assert_eq!(seen[3], "c3");
    assert_eq!(seen[4], "c2");
    assert_eq!(seen[5], "c2,c3");
    assert!(seen[6].contains("<disk name='vda' checkpoint='bitmap' bitmap='c2'/>"));
    assert_eq!(
        seen[7],
        "Domain checkpoint not found: checkpoint 'c1' does not have a parent"
    );
    assert_eq!(seen[10], "c3");
}

#[tokio::test]
async fn remote_checkpoints_match_local_test_driver() {
    let Some(d) = Libvirtd::start() else { return };
    let remote = Connect::open(&d.uri("test", "/default")).await.unwrap();
    let local = Connect::open("test:///default").await.unwrap();
    let want = exercise(&remote, "chkremote").await;
    let got = exercise(&local, "chkremote").await;
    assert_eq!(got, want);

    // read-only: listing works, creating and SECURE dumps are refused
    let ro = Connect::open_read_only(&d.uri("test", "/default"))
        .await
        .unwrap();
    let dom = ro.lookup_domain_by_name("test").await.unwrap();
    assert!(dom.list_all_checkpoints(0).await.unwrap().is_empty());
    let e = dom
        .checkpoint_create_xml("<domaincheckpoint/>", 0)
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::OperationDenied);
    remote.close().await.unwrap();
    ro.close().await.unwrap();
}
