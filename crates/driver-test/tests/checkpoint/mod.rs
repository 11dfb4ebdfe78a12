//! Checkpoints as libvirt 9.0's test driver keeps them (observed with
//! `virsh -c test:///default checkpoint-*`).

use super::*;
use rvirt_core::driver::checkpoint_flags as cf;
use rvirt_core::handle::DomainCheckpointRef;

const DOM_XML: &str = "<domain type='test'><name>cpdom</name>\
    <uuid>11111111-2222-3333-4444-555555555555</uuid><memory>1024</memory>\
    <os><type>hvm</type></os><devices>\
    <disk type='file' device='disk'><source file='/guest/a.img'/><target dev='vda' bus='virtio'/></disk>\
    <disk type='file' device='cdrom'><target dev='hdc' bus='ide'/><readonly/></disk>\
    </devices></domain>";

fn cp(name: &str) -> String {
    format!("<domaincheckpoint><name>{name}</name></domaincheckpoint>")
}

fn names(v: &[DomainCheckpointRef]) -> Vec<&str> {
    v.iter().map(|c| c.name.as_str()).collect()
}

#[tokio::test]
async fn create_list_parent_delete() {
    let _g = serial();
    let c = open();
    let d = c.domain_create_xml(DOM_XML, 0).await.unwrap();
    for n in ["c1", "c2", "c3"] {
        c.checkpoint_create_xml(&d, &cp(n), 0).await.unwrap();
    }
    let e = c.checkpoint_create_xml(&d, &cp("c1"), 0).await.unwrap_err();
    assert_eq!(
        e.message,
        "operation failed: domain moment c1 already exists"
    );

    let c2 = c.checkpoint_lookup_by_name(&d, "c2", 0).await.unwrap();
    assert_eq!(c.checkpoint_get_parent(&c2, 0).await.unwrap().name, "c1");
    let c1 = c.checkpoint_get_parent(&c2, 0).await.unwrap();
    let e = c.checkpoint_get_parent(&c1, 0).await.unwrap_err();
    assert_eq!(
        e.message,
        "Domain checkpoint not found: checkpoint 'c1' does not have a parent"
    );
    let e = c
        .checkpoint_lookup_by_name(&d, "nope", 0)
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "Domain checkpoint not found: no domain checkpoint with matching name 'nope'"
    );

    let all = c
        .list_all_checkpoints(&d, cf::LIST_TOPOLOGICAL)
        .await
        .unwrap();
    assert_eq!(names(&all), ["c1", "c2", "c3"]);
    let roots = c.list_all_checkpoints(&d, cf::LIST_ROOTS).await.unwrap();
    assert_eq!(names(&roots), ["c1"]);
    let leaves = c.list_all_checkpoints(&d, cf::LIST_LEAVES).await.unwrap();
    assert_eq!(names(&leaves), ["c3"]);
    let kids = c.checkpoint_list_all_children(&c1, 0).await.unwrap();
    assert_eq!(names(&kids), ["c2"]);
    let desc = c
        .checkpoint_list_all_children(&c1, cf::LIST_DESCENDANTS | cf::LIST_NO_LEAVES)
        .await
        .unwrap();
    assert_eq!(names(&desc), ["c2"]);

    let xml = c
        .checkpoint_get_xml_desc(&c2, cf::XML_NO_DOMAIN)
        .await
        .unwrap();
    assert!(
        xml.contains("<parent>\n    <name>c1</name>\n  </parent>"),
        "{xml}"
    );
    assert!(xml.contains("<disk name='vda' checkpoint='bitmap' bitmap='c2'/>"));
    assert!(xml.contains("<disk name='hdc' checkpoint='no'/>"));
    assert!(!xml.contains("<domain "));
    let full = c.checkpoint_get_xml_desc(&c2, 0).await.unwrap();
    assert!(full.contains("  <domain type='test'>\n    <name>cpdom</name>"));

    // a snapshot cannot join checkpoints
    let e = c
        .snapshot_create_xml(&d, "<domainsnapshot/>", 0)
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "Operation not supported: cannot create snapshot while checkpoint exists"
    );

    // delete reparents children; the current moves to the parent
    c.checkpoint_delete(&c2, 0).await.unwrap();
    let c3 = c.checkpoint_lookup_by_name(&d, "c3", 0).await.unwrap();
    assert_eq!(c.checkpoint_get_parent(&c3, 0).await.unwrap().name, "c1");
    c.checkpoint_create_xml(&d, &cp("c4"), 0).await.unwrap();
    let c4 = c.checkpoint_lookup_by_name(&d, "c4", 0).await.unwrap();
    assert_eq!(c.checkpoint_get_parent(&c4, 0).await.unwrap().name, "c3");

    c.checkpoint_delete(&c1, cf::DELETE_CHILDREN_ONLY)
        .await
        .unwrap();
    assert_eq!(names(&c.list_all_checkpoints(&d, 0).await.unwrap()), ["c1"]);
    c.checkpoint_delete(&c1, cf::DELETE_METADATA_ONLY)
        .await
        .unwrap();
    assert!(c.list_all_checkpoints(&d, 0).await.unwrap().is_empty());
    c.domain_destroy(&d, 0).await.unwrap();
}

#[tokio::test]
async fn redefine_and_errors() {
    let _g = serial();
    let c = open();
    let d = c.domain_create_xml(DOM_XML, 0).await.unwrap();
    let e = c
        .checkpoint_create_xml(
            &d,
            "<domaincheckpoint><name>r1</name><creationTime>5</creationTime>\
             <parent><name>zz</name></parent></domaincheckpoint>",
            cf::CREATE_REDEFINE,
        )
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "invalid argument: parent zz for moment r1 not found"
    );
    let e = c
        .checkpoint_create_xml(
            &d,
            "<domaincheckpoint><name>r1</name><creationTime>5</creationTime>\
             <parent><name>r1</name></parent></domaincheckpoint>",
            cf::CREATE_REDEFINE,
        )
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "invalid argument: cannot set moment r1 as its own parent"
    );
    let r1 = c
        .checkpoint_create_xml(
            &d,
            "<domaincheckpoint><name>r1</name><creationTime>5</creationTime>\
             <disks><disk name='vda'/></disks></domaincheckpoint>",
            cf::CREATE_REDEFINE,
        )
        .await
        .unwrap();
    assert_eq!(
        c.checkpoint_get_xml_desc(&r1, 0).await.unwrap(),
        "<domaincheckpoint>\n  <name>r1</name>\n  <creationTime>5</creationTime>\n  <disks>\n    \
         <disk name='vda' checkpoint='bitmap' bitmap='r1'/>\n  </disks>\n</domaincheckpoint>\n"
    );
    // first redefinition became current: a new checkpoint hangs below it
    let c2 = c.checkpoint_create_xml(&d, &cp("c2"), 0).await.unwrap();
    assert_eq!(c.checkpoint_get_parent(&c2, 0).await.unwrap().name, "r1");
    let e = c
        .checkpoint_create_xml(
            &d,
            "<domaincheckpoint><name>r1</name><creationTime>5</creationTime>\
             <parent><name>c2</name></parent></domaincheckpoint>",
            cf::CREATE_REDEFINE,
        )
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "invalid argument: parent c2 would create cycle to r1"
    );
    let e = c
        .checkpoint_create_xml(
            &d,
            "<domaincheckpoint><disks><disk name='vdq'/></disks></domaincheckpoint>",
            0,
        )
        .await
        .unwrap_err();
    assert_eq!(e.message, "unsupported configuration: no disk named 'vdq'");
    let e = c.checkpoint_create_xml(&d, "", 8).await.unwrap_err();
    assert_eq!(
        e.message,
        "unsupported flags (0x8) in function testDomainCheckpointCreateXML"
    );
    c.checkpoint_delete(&r1, cf::DELETE_CHILDREN).await.unwrap();
    assert!(c.list_all_checkpoints(&d, 0).await.unwrap().is_empty());
    c.domain_destroy(&d, 0).await.unwrap();

    // inactive domains take no checkpoints, and dumpxml --size needs a running domain
    let t = test_dom(&c).await;
    let chk = c.checkpoint_create_xml(&t, &cp("t1"), 0).await.unwrap();
    c.domain_destroy(&t, 0).await.unwrap();
    let e = c.checkpoint_create_xml(&t, &cp("t2"), 0).await.unwrap_err();
    assert_eq!(
        e.message,
        "Operation not supported: cannot create checkpoint for inactive domain"
    );
    let e = c
        .checkpoint_get_xml_desc(&chk, cf::XML_SIZE)
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "Requested operation is not valid: domain is not running"
    );
    c.checkpoint_delete(&chk, 0).await.unwrap();
    c.domain_create(&t, 0).await.unwrap();
}
