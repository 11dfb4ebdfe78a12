//! Balloon, config changes, metadata, rename and statistics with the real test guest.

use crate::common::{guest_xml_with_disk, sparse_file, wait_for, GuestEnv};
use rvirt_core::driver::DomainDriver;
use rvirt_core::typed_param::TypedValue;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn setmem_config_changes_and_stats() {
    Box::pin(body()).await;
}

async fn body() {
    let Some(env) = GuestEnv::start().await else {
        return;
    };
    let (guest, root, pids, drv, conn) = env.parts();
    let img = root.path().join("d.img");
    sparse_file(&img, 4 << 20);
    let xml = guest_xml_with_disk("tune", &guest, "raw", &img.display().to_string());
    let dom = conn.domain_define_xml(&xml, 0).await.unwrap();

    // inactive: setmaxmem, setvcpus --config, metadata, lifecycle action, rename
    conn.domain_set_max_memory(&dom, 300 * 1024).await.unwrap();
    conn.domain_set_vcpus_flags(&dom, 2, 2 | 4).await.unwrap();
    assert_eq!(conn.domain_get_vcpus_flags(&dom, 2 | 4).await.unwrap(), 2);
    conn.domain_set_vcpus_flags(&dom, 1, 2).await.unwrap();
    conn.domain_set_metadata(&dom, 1, Some("A title".into()), None, None, 0)
        .await
        .unwrap();
    assert_eq!(
        conn.domain_get_metadata(&dom, 1, None, 0).await.unwrap(),
        "A title"
    );
    conn.domain_set_lifecycle_action(&dom, 0, 1, 0)
        .await
        .unwrap();
    let x = conn.domain_get_xml_desc(&dom, 0).await.unwrap();
    assert!(x.contains("<on_poweroff>restart</on_poweroff>"), "{x}");
    assert!(
        x.contains("<vcpu placement='static' current='1'>2</vcpu>"),
        "{x}"
    );
    conn.domain_set_lifecycle_action(&dom, 0, 0, 0)
        .await
        .unwrap();
    conn.domain_rename(&dom, "tuned", 0).await.unwrap();
    assert!(root.path().join("etc/libvirt/qemu/tuned.xml").exists());
    assert!(!root.path().join("etc/libvirt/qemu/tune.xml").exists());
    let dom = conn.domain_lookup_by_name("tuned").await.unwrap();

    let dom = conn.domain_create(&dom, 0).await.unwrap();
    pids.track(&drv, &dom);
    assert!(conn.domain_rename(&dom, "x", 0).await.is_err());
    // balloon down; QEMU's BALLOON_CHANGE follows once the guest gives the memory back
    conn.domain_set_memory_flags(&dom, 200 * 1024, 1)
        .await
        .unwrap();
    assert_eq!(conn.domain_get_info(&dom).await.unwrap().memory, 200 * 1024);
    let actual = wait_for(Duration::from_secs(60), || async {
        let m = conn.domain_memory_stats(&dom, 16, 0).await.ok()?;
        m.iter()
            .find(|s| s.tag == 6 && s.val <= 200 * 1024)
            .map(|s| s.val)
    })
    .await;
    assert!(actual.is_some(), "balloon never reached the target");

    let blk = conn.domain_block_stats(&dom, "vda").await.unwrap();
    assert!(blk.rd_req > 0 || blk.rd_bytes >= 0);
    let recs = conn.get_all_domain_stats(vec![], 0, 0).await.unwrap();
    assert_eq!(recs.len(), 1);
    let p = &recs[0].params;
    let get = |k: &str| p.iter().find(|x| x.field == k).map(|x| x.value.clone());
    assert_eq!(get("state.state"), Some(TypedValue::Int(1)));
    assert!(matches!(get("cpu.time"), Some(TypedValue::ULLong(t)) if t > 0));
    assert_eq!(get("balloon.current"), Some(TypedValue::ULLong(200 * 1024)));
    assert_eq!(get("vcpu.current"), Some(TypedValue::UInt(1)));
    assert_eq!(get("block.count"), Some(TypedValue::UInt(1)));
    assert_eq!(get("block.0.name"), Some(TypedValue::String("vda".into())));
    assert!(get("block.0.rd.reqs").is_some(), "{p:?}");
    assert_eq!(get("net.count"), Some(TypedValue::UInt(1)));
    assert!(conn.domain_get_info(&dom).await.unwrap().cpu_time > 0);
    conn.domain_destroy(&dom, 0).await.unwrap();
}
