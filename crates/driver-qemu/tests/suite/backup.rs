//! Push-mode backups with the real test guest: `blockdev-backup` of a data disk to a new
//! qcow2 file, the running backup's XML, and the errors around it.

use crate::common::{guest_xml_with_disk, wait_for, GuestEnv};
use rvirt_core::driver::DomainDriver;
use rvirt_core::typed_param::TypedValue;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn push_backup_copies_the_disk() {
    Box::pin(body()).await;
}

async fn body() {
    let Some(env) = GuestEnv::start().await else {
        return;
    };
    let (guest, root, pids, drv, conn) = env.parts();
    let img = root.path().join("data.img");
    let pattern: Vec<u8> = (0..4u32 << 20).map(|i| (i % 251) as u8).collect();
    std::fs::write(&img, &pattern).unwrap();
    let xml = guest_xml_with_disk("bk", &guest, "raw", &img.display().to_string());
    let dom = conn.domain_define_xml(&xml, 0).await.unwrap();

    let e = conn
        .domain_backup_begin(&dom, "<domainbackup/>", None, 0)
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "Operation not supported: cannot perform disk backup for inactive domain"
    );

    let dom = conn.domain_create(&dom, 0).await.unwrap();
    pids.track(&drv, &dom);
    let e = conn.domain_backup_get_xml_desc(&dom, 0).await.unwrap_err();
    assert_eq!(
        e.message,
        "Domain backup job id not found: no domain backup job present"
    );
    let e = conn
        .domain_backup_begin(&dom, "<domainbackup mode='bogus'/>", None, 0)
        .await
        .unwrap_err();
    assert!(e.message.contains("unknown backup mode"), "{}", e.message);
    let e = conn
        .domain_backup_begin(
            &dom,
            "<domainbackup><disks><disk name='sdz'/></disks></domainbackup>",
            None,
            0,
        )
        .await
        .unwrap_err();
    assert_eq!(e.message, "unsupported configuration: no disk named 'sdz'");

    let target = root.path().join("data.backup.qcow2");
    let bxml = format!(
        "<domainbackup mode='push'><disks><disk name='vda' type='file'>\
         <driver type='qcow2'/><target file='{}'/></disk></disks></domainbackup>",
        target.display()
    );
    conn.domain_backup_begin(&dom, &bxml, None, 0)
        .await
        .unwrap();
    // the definition is readable while the job runs (it may also have finished already)
    if let Ok(x) = conn.domain_backup_get_xml_desc(&dom, 0).await {
        assert!(
            x.contains("<disk name='vda' backup='yes' type='file' backupmode='full'>"),
            "{x}"
        );
        assert!(
            x.contains(&format!("<target file='{}'/>", target.display())),
            "{x}"
        );
    }
    let done = wait_for(Duration::from_secs(60), || async {
        conn.domain_backup_get_xml_desc(&dom, 0).await.err()
    })
    .await;
    assert!(done.is_some(), "backup never finished");
    // the finished backup is the domain's last job, and was announced
    let (kind, params) = conn.domain_get_job_stats(&dom, 1).await.unwrap();
    assert_eq!(kind, 3, "{params:?}");
    assert!(params
        .iter()
        .any(|p| p.field == "operation" && p.value == TypedValue::Int(9)));
    assert_eq!(conn.domain_get_job_info(&dom).await.unwrap().job_type, 0);
    let out = std::process::Command::new("qemu-img")
        .args(["compare", "-U", "-f", "raw", "-F", "qcow2"])
        .arg(&img)
        .arg(&target)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // a second backup may start once the first is gone
    let again = root.path().join("again.qcow2");
    let bxml2 = bxml.replace(&target.display().to_string(), &again.display().to_string());
    conn.domain_backup_begin(&dom, &bxml2, None, 0)
        .await
        .unwrap();
    let e = conn
        .domain_backup_begin(&dom, &bxml2, None, 0)
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "Requested operation is not valid: another backup job is already running"
    );
    let e = conn
        .domain_backup_begin(&dom, &bxml2, Some("<domaincheckpoint/>".into()), 0)
        .await
        .unwrap_err();
    assert!(e.message.contains("checkpoint"), "{}", e.message);
    // domjobabort cancels it; the domain job then ends as failed
    // (a backup that finished meanwhile leaves no job to abort)
    if let Err(e) = conn.domain_abort_job(&dom, 0).await {
        assert!(e.message.contains("no job is active"), "{}", e.message);
    }
    let ended = wait_for(Duration::from_secs(60), || async {
        conn.domain_backup_get_xml_desc(&dom, 0).await.err()
    })
    .await;
    assert!(ended.is_some(), "aborted backup never ended");
    let (kind, _) = conn.domain_get_job_stats(&dom, 1).await.unwrap();
    assert!(kind == 3 || kind == 4, "{kind}");

    // pull mode: the disk as it was at the start, exported over NBD until aborted
    let sock = root.path().join("nbd.sock");
    let scratch = root.path().join("scratch.qcow2");
    let pxml = format!(
        "<domainbackup mode='pull'><server transport='unix' socket='{}'/><disks>\
         <disk name='vda' type='file'><scratch file='{}'/></disk></disks></domainbackup>",
        sock.display(),
        scratch.display()
    );
    conn.domain_backup_begin(&dom, &pxml, None, 0)
        .await
        .unwrap();
    let x = conn.domain_backup_get_xml_desc(&dom, 0).await.unwrap();
    assert!(
        x.starts_with("<domainbackup mode='pull'>\n  <server transport='unix' socket="),
        "{x}"
    );
    assert!(x.contains("backupmode='full' exportname='vda'>"), "{x}");
    assert!(
        x.contains(&format!("<scratch file='{}'/>", scratch.display())),
        "{x}"
    );
    let uri = format!("nbd+unix:///vda?socket={}", sock.display());
    let out = std::process::Command::new("qemu-img")
        .args(["compare", "-f", "raw", "-F", "raw"])
        .arg(&img)
        .arg(&uri)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    conn.domain_abort_job(&dom, 0).await.unwrap();
    let ended = wait_for(Duration::from_secs(60), || async {
        conn.domain_backup_get_xml_desc(&dom, 0).await.err()
    })
    .await;
    assert!(ended.is_some(), "pull backup never ended");
    let (kind, _) = conn.domain_get_job_stats(&dom, 1).await.unwrap();
    assert_eq!(kind, 3);
    // the server is gone with the job
    assert!(std::os::unix::net::UnixStream::connect(&sock).is_err());

    conn.domain_destroy(&dom, 0).await.unwrap();
    let e = conn.domain_backup_get_xml_desc(&dom, 0).await.unwrap_err();
    assert_eq!(
        e.message,
        "Domain backup job id not found: no domain backup job present"
    );
}
