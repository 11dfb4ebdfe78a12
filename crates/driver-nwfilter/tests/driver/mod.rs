//! The nwfilter driver over a temporary root: define, lookups, bindings, persistence.

use std::sync::Arc;

use rvirt_core::driver::NWFilterDriver;
use rvirt_core::error::ErrorCode;
use rvirt_core::NwFilterRef;
use rvirt_driver_nwfilter::{NwFilterDriverImpl, NwFilterPaths};

const UUID_A: &str = "11111111-2222-3333-4444-555555555555";

fn filter(name: &str, uuid: &str, refs: &[&str]) -> String {
    let refs: String = refs
        .iter()
        .map(|r| format!("<filterref filter='{r}'/>"))
        .collect();
    format!(
        "<filter name='{name}' chain='ipv4'><uuid>{uuid}</uuid>\
         <rule action='accept' direction='out'><ip protocol='udp' dstportstart='53'/></rule>{refs}</filter>"
    )
}

fn binding(portdev: &str, filter: &str) -> String {
    format!(
        "<filterbinding><owner><name>vm</name><uuid>d54df46f-1ab5-4a22-8618-4560ef5fac2c</uuid>\
         </owner><portdev name='{portdev}'/><mac address='52:54:00:00:00:01'/>\
         <filterref filter='{filter}'><parameter name='IP' value='10.0.0.5'/></filterref></filterbinding>"
    )
}

fn open(root: &std::path::Path) -> Arc<NwFilterDriverImpl> {
    NwFilterDriverImpl::open_with_runner(
        NwFilterPaths::under_root(root),
        Arc::new(crate::support::FakeNft::default()),
    )
    .unwrap()
}

#[tokio::test]
async fn define_lookup_list_dump_undefine() {
    let dir = tempfile::tempdir().unwrap();
    let d = open(dir.path());
    let f = d
        .nwfilter_define_xml(&filter("a", UUID_A, &[]), 0)
        .await
        .unwrap();
    assert_eq!(f.name, "a");
    assert_eq!(d.nwfilter_lookup_by_name("a").await.unwrap(), f);
    assert_eq!(d.nwfilter_lookup_by_uuid(f.uuid).await.unwrap(), f);
    assert_eq!(d.num_of_nwfilters().await.unwrap(), 1);
    assert_eq!(d.list_nwfilters(10).await.unwrap(), vec!["a".to_string()]);
    assert_eq!(d.list_all_nwfilters(0).await.unwrap(), vec![f.clone()]);
    let xml = d.nwfilter_get_xml_desc(&f, 0).await.unwrap();
    assert!(xml.starts_with("<filter name='a' chain='ipv4' priority='-700'>\n"));
    assert!(xml.contains(&format!("<uuid>{UUID_A}</uuid>")));
    let file = dir.path().join("etc/libvirt/nwfilter/a.xml");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.starts_with("<!--\nWARNING: THIS IS AN AUTO-GENERATED FILE."));
    assert!(saved.ends_with(&xml));

    // update by name + UUID
    let updated = filter("a", UUID_A, &[]).replace("53", "54");
    d.nwfilter_define_xml(&updated, 0).await.unwrap();
    assert!(d
        .nwfilter_get_xml_desc(&f, 0)
        .await
        .unwrap()
        .contains("'54'"));
    assert_eq!(d.num_of_nwfilters().await.unwrap(), 1);

    d.nwfilter_undefine(&f).await.unwrap();
    assert!(!file.exists());
    let e = d.nwfilter_lookup_by_name("a").await.unwrap_err();
    assert_eq!(e.code, ErrorCode::NoNwfilter);
    assert_eq!(
        e.message,
        "Network filter not found: no nwfilter with matching name 'a'"
    );
    let e = d.nwfilter_undefine(&f).await.unwrap_err();
    assert_eq!(
        e.message,
        format!("Network filter not found: no nwfilter with matching uuid '{UUID_A}'")
    );
}

#[tokio::test]
async fn define_conflicts_and_loops() {
    let dir = tempfile::tempdir().unwrap();
    let d = open(dir.path());
    d.nwfilter_define_xml(&filter("a", UUID_A, &[]), 0)
        .await
        .unwrap();
    let e = d
        .nwfilter_define_xml(&filter("b", UUID_A, &[]), 0)
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "operation failed: filter with same UUID but different name ('a') already exists"
    );
    let other = "99999999-2222-3333-4444-555555555555";
    let e = d
        .nwfilter_define_xml(&filter("a", other, &[]), 0)
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        format!("operation failed: filter 'a' already exists with UUID {UUID_A}")
    );
    d.nwfilter_define_xml(&filter("b", other, &["a"]), 0)
        .await
        .unwrap();
    // a -> b -> a
    let e = d
        .nwfilter_define_xml(&filter("a", UUID_A, &["b"]), 0)
        .await
        .unwrap_err();
    assert_eq!(e.message, "operation failed: filter would introduce a loop");
    let e = d
        .nwfilter_define_xml(
            &filter("c", "99999999-0000-3333-4444-555555555555", &["c"]),
            0,
        )
        .await
        .unwrap_err();
    assert_eq!(e.message, "operation failed: filter would introduce a loop");
    let e = d.nwfilter_define_xml("<filter/>", 0).await.unwrap_err();
    assert_eq!(e.message, "internal error: filter has no name");
    let e = d
        .nwfilter_define_xml(&filter("a", UUID_A, &[]), 4)
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "unsupported flags (0x4) in function nwfilterDefineXMLFlags"
    );
}

#[tokio::test]
async fn bindings_block_undefine_and_persist() {
    let dir = tempfile::tempdir().unwrap();
    let d = open(dir.path());
    let a = d
        .nwfilter_define_xml(&filter("a", UUID_A, &[]), 0)
        .await
        .unwrap();
    let other = "99999999-2222-3333-4444-555555555555";
    let top = d
        .nwfilter_define_xml(&filter("top", other, &["a"]), 0)
        .await
        .unwrap();

    let e = d
        .nwfilter_binding_create_xml(&binding("vnet0", "nosuch"), 0)
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "internal error: referenced filter 'nosuch' is missing"
    );

    let b = d
        .nwfilter_binding_create_xml(&binding("vnet0", "top"), 0)
        .await
        .unwrap();
    assert_eq!(
        (b.portdev.as_str(), b.filtername.as_str()),
        ("vnet0", "top")
    );
    let e = d
        .nwfilter_binding_create_xml(&binding("vnet0", "top"), 0)
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "operation failed: binding 'vnet0' already exists"
    );
    assert_eq!(
        d.nwfilter_binding_lookup_by_port_dev("vnet0")
            .await
            .unwrap(),
        b
    );
    assert_eq!(
        d.list_all_nwfilter_bindings(0).await.unwrap(),
        vec![b.clone()]
    );
    let xml = d.nwfilter_binding_get_xml_desc(&b, 0).await.unwrap();
    assert!(xml.contains("<portdev name='vnet0'/>"));
    assert!(xml.contains("<parameter name='IP' value='10.0.0.5'/>"));

    // the bound filter and the filter it references are both in use
    for f in [&a, &top] {
        let e = d.nwfilter_undefine(f).await.unwrap_err();
        assert_eq!(e.code, ErrorCode::OperationInvalid);
        assert_eq!(
            e.message,
            "Requested operation is not valid: nwfilter is in use"
        );
    }

    // a restarted driver finds filters and bindings again
    let status = dir.path().join("run/libvirt/nwfilter-binding/vnet0.xml");
    assert!(std::fs::read_to_string(&status)
        .unwrap()
        .starts_with("<filterbindingstatus>\n  <filterbinding>\n"));
    drop(d);
    let d = open(dir.path());
    assert_eq!(d.num_of_nwfilters().await.unwrap(), 2);
    assert_eq!(d.nwfilter_binding_get_xml_desc(&b, 0).await.unwrap(), xml);
    assert_eq!(
        d.nwfilter_lookup_by_name("top").await.unwrap(),
        NwFilterRef {
            name: "top".into(),
            uuid: top.uuid
        }
    );

    d.nwfilter_binding_delete(&b).await.unwrap();
    assert!(!status.exists());
    let e = d
        .nwfilter_binding_lookup_by_port_dev("vnet0")
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::NoNwfilterBinding);
    assert_eq!(
        e.message,
        "Network filter binding not found: no nwfilter binding for port dev 'vnet0'"
    );
    d.nwfilter_undefine(&top).await.unwrap();
    d.nwfilter_undefine(&a).await.unwrap();
    assert_eq!(d.num_of_nwfilters().await.unwrap(), 0);
}

#[tokio::test]
async fn filters_without_uuid_keep_the_generated_one() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("etc/libvirt/nwfilter");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(cfg.join("x.xml"), "<filter name='x' chain='root'/>").unwrap();
    std::fs::write(cfg.join("broken.xml"), "<filter").unwrap();
    let d = open(dir.path());
    let x = d.nwfilter_lookup_by_name("x").await.unwrap();
    drop(d);
    let d = open(dir.path());
    assert_eq!(d.nwfilter_lookup_by_name("x").await.unwrap(), x);
    assert_eq!(d.num_of_nwfilters().await.unwrap(), 1);
}
