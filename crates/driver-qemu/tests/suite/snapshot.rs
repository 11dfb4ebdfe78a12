//! Snapshots and block jobs with the real test guest and a qcow2 data disk: internal snapshot
//! tree + revert (a marker file disappears), disk-only external snapshot, active blockcommit
//! with pivot, blockcopy with pivot, blockpull, blockresize, BLOCK_JOB events.

use crate::common::{guest_xml_with_disk, wait_for, GuestEnv};
use rvirt_core::driver::{Connection, DomainDriver, DomainSnapshotDriver};
use rvirt_core::event::{DomainEventKind, Event};
use rvirt_core::handle::DomainRef;
use rvirt_core::info::domain_state as st;
use rvirt_driver_qemu::QemuDriver;
use serde_json::Value;
use std::time::{Duration, Instant};

/// Runs `sh -c cmd` in the guest through the agent; returns (exit code, stdout).
async fn guest_sh(drv: &QemuDriver, dom: &DomainRef, cmd: &str) -> Option<(i64, String)> {
    let req = serde_json::json!({"execute": "guest-exec", "arguments": {
        "path": "/bin/sh", "arg": ["-c", cmd], "capture-output": true}});
    let r = drv.agent_command(dom, &req.to_string(), 5).await.ok()?;
    let pid = serde_json::from_str::<Value>(&r).ok()?["return"]["pid"].as_i64()?;
    for _ in 0..100 {
        let s = drv
            .agent_command(
                dom,
                &format!(r#"{{"execute":"guest-exec-status","arguments":{{"pid":{pid}}}}}"#),
                5,
            )
            .await
            .ok()?;
        let v: Value = serde_json::from_str(&s).ok()?;
        if v["return"]["exited"].as_bool() == Some(true) {
            let out = v["return"]["out-data"].as_str().unwrap_or("");
            let out = decode_b64(out);
            return Some((v["return"]["exitcode"].as_i64().unwrap_or(-1), out));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    None
}

fn decode_b64(s: &str) -> String {
    let tbl = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for c in s.bytes().filter_map(tbl) {
        acc = (acc << 6) | c;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn qemu_img(args: &[&str]) {
    let s = std::process::Command::new("qemu-img")
        .args(args)
        .output()
        .unwrap();
    assert!(s.status.success(), "{}", String::from_utf8_lossy(&s.stderr));
}

async fn wait_block_event(
    events: &mut tokio::sync::broadcast::Receiver<Event>,
    status: i32,
    secs: u64,
) -> Option<(String, i32)> {
    let end = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < end {
        match tokio::time::timeout(Duration::from_millis(200), events.recv()).await {
            Ok(Ok(Event::Domain {
                kind:
                    DomainEventKind::BlockJob {
                        disk,
                        job_type,
                        status: s,
                        by_path: false,
                    },
                ..
            })) if s == status => return Some((disk, job_type)),
            Ok(Err(tokio::sync::broadcast::error::RecvError::Closed)) => return None,
            _ => {}
        }
    }
    None
}

fn source_of(xml: &str) -> String {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .find(|n| n.has_tag_name("disk"))
        .and_then(|d| d.children().find(|c| c.has_tag_name("source")))
        .and_then(|s| s.attribute("file"))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn snapshots_and_block_jobs() {
    // the body's future is large: run it on a thread with a roomy stack
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

async fn body() {
    let Some(env) = GuestEnv::start().await else {
        return;
    };
    let (guest, root, _, drv, conn) = env.parts();
    let data = root.path().join("data.qcow2");
    let data_s = data.to_str().unwrap().to_string();
    qemu_img(&["create", "-q", "-f", "qcow2", &data_s, "64M"]);
    let mut events = conn.events().subscribe();
    let dom = env
        .boot(&guest_xml_with_disk("snapper", &guest, "qcow2", &data_s))
        .await;
    let ok = wait_for(Duration::from_secs(30), || guest_sh(&drv, &dom, "true")).await;
    assert_eq!(ok.map(|o| o.0), Some(0), "agent exec does not work");

    // internal snapshot of the running guest (memory + disk)
    let t = Instant::now();
    let s1 = conn
        .snapshot_create_xml(
            &dom,
            "<domainsnapshot><name>s1</name><description>first</description></domainsnapshot>",
            0,
        )
        .await
        .unwrap();
    println!("snapshot-create (internal, running): {:?}", t.elapsed());
    assert_eq!(conn.domain_get_state(&dom, 0).await.unwrap().0, st::RUNNING);
    let x = conn.snapshot_get_xml_desc(&s1, 0).await.unwrap();
    assert!(x.contains("<state>running</state>"), "{x}");
    assert!(x.contains("<memory snapshot='internal'/>"), "{x}");
    assert!(x.contains("<disk name='vda' snapshot='internal'/>"), "{x}");
    assert_eq!(conn.snapshot_current(&dom, 0).await.unwrap().name, "s1");
    let (jt, _) = conn.domain_get_job_stats(&dom, 1).await.unwrap();
    assert_eq!(jt, 3);

    // marker in guest RAM (/tmp) and on the data disk
    let (rc, _) = guest_sh(&drv, &dom, "echo hello > /tmp/marker && echo DISKMARK | dd of=/dev/vda bs=512 count=1 conv=fsync 2>/dev/null")
        .await
        .unwrap();
    assert_eq!(rc, 0);
    let s2 = conn
        .snapshot_create_xml(&dom, "<domainsnapshot><name>s2</name></domainsnapshot>", 0)
        .await
        .unwrap();
    assert_eq!(conn.snapshot_get_parent(&s2, 0).await.unwrap().name, "s1");
    let kids = conn.snapshot_list_all_children(&s1, 0).await.unwrap();
    assert_eq!(kids.len(), 1);
    assert_eq!(conn.list_all_snapshots(&dom, 1).await.unwrap().len(), 1); // roots
    assert_eq!(
        conn.list_all_snapshots(&dom, 4).await.unwrap()[0].name,
        "s2"
    ); // leaves

    let t = Instant::now();
    conn.revert_to_snapshot(&s1, 0).await.unwrap();
    println!("snapshot-revert (internal, running): {:?}", t.elapsed());
    assert_eq!(
        conn.domain_get_state(&dom, 0).await.unwrap(),
        (st::RUNNING, 4)
    );
    assert_eq!(conn.snapshot_current(&dom, 0).await.unwrap().name, "s1");
    let r = wait_for(Duration::from_secs(30), || {
        guest_sh(
            &drv,
            &dom,
            "test -f /tmp/marker; echo $?; head -c 8 /dev/vda",
        )
    })
    .await
    .unwrap();
    assert!(r.1.starts_with("1\n"), "marker survived the revert: {r:?}");
    assert!(
        !r.1.contains("DISKMARK"),
        "disk marker survived the revert: {r:?}"
    );
    // and back to s2: both markers are there
    conn.revert_to_snapshot(&s2, 0).await.unwrap();
    let r = wait_for(Duration::from_secs(30), || {
        guest_sh(&drv, &dom, "cat /tmp/marker; head -c 8 /dev/vda")
    })
    .await
    .unwrap();
    assert!(r.1.contains("hello") && r.1.contains("DISKMARK"), "{r:?}");

    // delete s2 (internal, running): s1 becomes current
    conn.snapshot_delete(&s2, 0).await.unwrap();
    assert_eq!(conn.snapshot_current(&dom, 0).await.unwrap().name, "s1");
    assert_eq!(conn.list_all_snapshots(&dom, 0).await.unwrap().len(), 1);

    // disk-only external snapshot: overlay, guest keeps running
    let t = Instant::now();
    let s3 = conn
        .snapshot_create_xml(&dom, "<domainsnapshot><name>s3</name></domainsnapshot>", 16)
        .await
        .unwrap();
    println!("snapshot-create --disk-only: {:?}", t.elapsed());
    let overlay = root.path().join("data.s3");
    assert!(overlay.exists());
    let live = conn.domain_get_xml_desc(&dom, 0).await.unwrap();
    assert_eq!(source_of(&live), overlay.to_str().unwrap(), "{live}");
    assert!(live.contains("<backingStore type='file'>"), "{live}");
    let x = conn.snapshot_get_xml_desc(&s3, 0).await.unwrap();
    assert!(x.contains("<state>disk-snapshot</state>"), "{x}");
    assert_eq!(conn.list_all_snapshots(&dom, 512).await.unwrap().len(), 1); // external
    let r = guest_sh(
        &drv,
        &dom,
        "echo AFTERSNAP | dd of=/dev/vda bs=512 seek=8 count=1 conv=fsync 2>/dev/null",
    )
    .await
    .unwrap();
    assert_eq!(r.0, 0);
    assert_eq!(conn.domain_get_state(&dom, 0).await.unwrap().0, st::RUNNING);

    // active blockcommit back into data.qcow2 with pivot
    let t = Instant::now();
    conn.domain_block_commit(&dom, "vda", None, None, 0, 4)
        .await
        .unwrap();
    let ready = wait_block_event(&mut events, 3, 60).await;
    assert_eq!(ready, Some(("vda".to_string(), 4)));
    let info = conn
        .domain_get_block_job_info(&dom, "vda", 0)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(info.job_type, 4);
    assert_eq!(info.cur, info.end);
    conn.domain_block_job_abort(&dom, "vda", 2).await.unwrap();
    println!("blockcommit --active --pivot: {:?}", t.elapsed());
    assert!(wait_block_event(&mut events, 0, 30).await.is_some());
    let live = conn.domain_get_xml_desc(&dom, 0).await.unwrap();
    assert_eq!(source_of(&live), data_s, "{live}");
    assert!(!live.contains("<backingStore type='file'>"), "{live}");
    assert!(conn
        .domain_get_block_job_info(&dom, "vda", 0)
        .await
        .unwrap()
        .is_none());

    // blockcopy to a new file with pivot
    let copy = root.path().join("copy.qcow2");
    let t = Instant::now();
    conn.domain_block_copy(
        &dom,
        "vda",
        &format!(
            "<disk type='file'><driver type='qcow2'/><source file='{}'/></disk>",
            copy.display()
        ),
        Vec::new(),
        0,
    )
    .await
    .unwrap();
    assert_eq!(
        wait_block_event(&mut events, 3, 60).await,
        Some(("vda".into(), 2))
    );
    conn.domain_block_job_abort(&dom, "vda", 2).await.unwrap();
    println!("blockcopy --pivot: {:?}", t.elapsed());
    assert_eq!(
        wait_block_event(&mut events, 0, 30).await,
        Some(("vda".into(), 2))
    );
    let live = conn.domain_get_xml_desc(&dom, 0).await.unwrap();
    assert_eq!(source_of(&live), copy.to_str().unwrap(), "{live}");
    let r = guest_sh(
        &drv,
        &dom,
        "head -c 8 /dev/vda; dd if=/dev/vda bs=512 skip=8 count=1 2>/dev/null | head -c 9",
    )
    .await
    .unwrap();
    assert!(
        r.1.contains("DISKMARK") && r.1.contains("AFTERSNAP"),
        "{r:?}"
    );

    // blockpull: a new overlay, then pull the backing data into it
    let s4 = conn
        .snapshot_create_xml(&dom, "<domainsnapshot><name>s4</name></domainsnapshot>", 16)
        .await
        .unwrap();
    let live = conn.domain_get_xml_desc(&dom, 0).await.unwrap();
    assert!(live.contains("<backingStore type='file'>"), "{live}");
    let t = Instant::now();
    conn.domain_block_pull(&dom, "vda", 0, 0).await.unwrap();
    assert_eq!(
        wait_block_event(&mut events, 0, 60).await,
        Some(("vda".into(), 1))
    );
    println!("blockpull: {:?}", t.elapsed());
    let live = conn.domain_get_xml_desc(&dom, 0).await.unwrap();
    assert!(!live.contains("<backingStore type='file'>"), "{live}");

    // blockresize
    conn.domain_block_resize(&dom, "vda", 128 << 20, 1)
        .await
        .unwrap();
    let r = guest_sh(&drv, &dom, "cat /sys/block/vda/size")
        .await
        .unwrap();
    assert_eq!(r.1.trim(), "262144", "{r:?}");

    // external snapshots: metadata-only delete; undefine refuses while snapshots exist
    assert!(conn.snapshot_delete(&s4, 0).await.is_err());
    conn.snapshot_delete(&s4, 2).await.unwrap();
    conn.snapshot_delete(&s3, 2).await.unwrap();
    assert_eq!(conn.list_all_snapshots(&dom, 0).await.unwrap().len(), 1);
    conn.domain_destroy(&dom, 0).await.unwrap();
    assert!(conn.domain_undefine(&dom, 0).await.is_err());
    conn.domain_undefine(&dom, 2).await.unwrap();
    assert!(!root
        .path()
        .join("var/lib/libvirt/qemu/snapshot/snapper")
        .exists());
}
