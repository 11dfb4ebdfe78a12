//! Checkpoints with the real test guest and a qcow2 data disk: persistent dirty bitmaps
//! named after each checkpoint appear in `qemu-img info` once QEMU has closed the image,
//! and deleting a checkpoint removes its bitmap.

use crate::common::{guest_xml_with_disk, GuestEnv};
use rvirt_core::driver::checkpoint_flags as cf;
use rvirt_core::driver::{DomainCheckpointDriver, DomainDriver};

fn bitmaps(path: &str) -> Vec<String> {
    let out = std::process::Command::new("qemu-img")
        .args(["info", "-U", "--output=json", path])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut names: Vec<String> = v["format-specific"]["data"]["bitmaps"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|b| b["name"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

async fn body() {
    let Some(env) = GuestEnv::start().await else {
        return;
    };
    let (guest, root, _, _drv, conn) = env.parts();
    let data = root.path().join("data.qcow2");
    let data_s = data.to_str().unwrap().to_string();
    let s = std::process::Command::new("qemu-img")
        .args(["create", "-q", "-f", "qcow2", &data_s, "64M"])
        .status()
        .unwrap();
    assert!(s.success());
    let dom = env
        .boot(&guest_xml_with_disk("chkpt", &guest, "qcow2", &data_s))
        .await;

    let c1 = conn
        .checkpoint_create_xml(
            &dom,
            "<domaincheckpoint><name>c1</name></domaincheckpoint>",
            0,
        )
        .await
        .unwrap();
    let c2 = conn
        .checkpoint_create_xml(
            &dom,
            "<domaincheckpoint><name>c2</name></domaincheckpoint>",
            0,
        )
        .await
        .unwrap();
    assert_eq!(conn.checkpoint_get_parent(&c2, 0).await.unwrap().name, "c1");
    let x = conn
        .checkpoint_get_xml_desc(&c1, cf::XML_NO_DOMAIN | cf::XML_SIZE)
        .await
        .unwrap();
    assert!(
        x.contains("<disk name='vda' checkpoint='bitmap' bitmap='c1' size='"),
        "{x}"
    );
    let full = conn.checkpoint_get_xml_desc(&c1, 0).await.unwrap();
    assert!(full.contains("<domain type='qemu'>"), "{full}");
    let e = conn
        .checkpoint_create_xml(
            &dom,
            "<domaincheckpoint><name>c1</name></domaincheckpoint>",
            0,
        )
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "operation failed: domain moment c1 already exists"
    );
    let names: Vec<String> = conn
        .list_all_checkpoints(&dom, cf::LIST_TOPOLOGICAL)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["c1", "c2"]);

    // destroy closes the image: both persistent bitmaps are stored in the qcow2
    conn.domain_destroy(&dom, 0).await.unwrap();
    assert_eq!(bitmaps(&data_s), ["c1", "c2"]);
    let e = conn
        .checkpoint_create_xml(&dom, "<domaincheckpoint/>", 0)
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "Operation not supported: cannot create checkpoint for inactive domain"
    );
    let e = conn.checkpoint_delete(&c2, 0).await.unwrap_err();
    assert_eq!(
        e.message,
        "Operation not supported: cannot delete checkpoint for inactive domain"
    );

    // metadata survives a restart; deleting c2 on the running domain drops its bitmap
    let dom = conn.domain_create(&dom, 0).await.unwrap();
    env.pids.track(&env.drv, &dom);
    let redef = |n: &str| {
        format!(
            "<domaincheckpoint><name>{n}</name><parent><name>c1</name></parent>\
             <creationTime>5</creationTime><disks><disk name='vda' checkpoint='bitmap'/></disks>\
             </domaincheckpoint>"
        )
    };
    let validate = cf::CREATE_REDEFINE | cf::CREATE_REDEFINE_VALIDATE;
    conn.checkpoint_create_xml(&dom, &redef("c2"), validate)
        .await
        .unwrap();
    let e = conn
        .checkpoint_create_xml(&dom, &redef("zz"), validate)
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "checkpoint inconsistent: missing or broken bitmap 'zz' for disk 'vda'"
    );
    conn.checkpoint_delete(&c2, 0).await.unwrap();
    assert_eq!(conn.list_all_checkpoints(&dom, 0).await.unwrap().len(), 1);
    conn.domain_destroy(&dom, 0).await.unwrap();
    assert_eq!(bitmaps(&data_s), ["c1"]);
    // list filters and undefine see the remaining checkpoint
    let with = conn.list_all_domains(16384).await.unwrap();
    assert_eq!(with.len(), 1);
    assert!(conn.list_all_domains(32768).await.unwrap().is_empty());
    let e = conn.domain_rename(&dom, "chkpt2", 0).await.unwrap_err();
    assert_eq!(
        e.message,
        "Requested operation is not valid: cannot rename domain with checkpoints"
    );
    let e = conn.domain_undefine(&dom, 0).await.unwrap_err();
    assert_eq!(
        e.message,
        "Requested operation is not valid: cannot delete inactive domain with 1 checkpoints"
    );
    conn.checkpoint_delete(&c1, cf::DELETE_METADATA_ONLY)
        .await
        .unwrap();
    assert!(conn.list_all_checkpoints(&dom, 0).await.unwrap().is_empty());
    conn.checkpoint_create_xml(
        &dom,
        "<domaincheckpoint><name>c1</name><creationTime>5</creationTime></domaincheckpoint>",
        cf::CREATE_REDEFINE,
    )
    .await
    .unwrap();
    conn.domain_undefine(&dom, 16).await.unwrap();
    assert!(conn.list_all_domains(0).await.unwrap().is_empty());
}

#[test]
fn checkpoint_bitmaps_in_qcow2() {
    std::thread::Builder::new()
        .stack_size(32 << 20)
        .spawn(|| {
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .thread_stack_size(16 << 20)
                .enable_all()
                .build()
                .unwrap()
                .block_on(async { tokio::spawn(body()).await.unwrap() })
        })
        .unwrap()
        .join()
        .unwrap();
}
