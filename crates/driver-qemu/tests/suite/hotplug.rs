//! Live disk and interface hotplug with the real test guest; the guest sees the disk.

use crate::common::{guest_xml, sparse_file, wait_for, GuestEnv};
use rvirt_core::driver::{Connection, DomainDriver};
use rvirt_core::event::{DomainEventKind, Event};
use rvirt_driver_qemu::QemuDriver;
use std::time::Duration;

/// Block devices the guest agent reports (`guest-get-disks`), e.g. `["/dev/vda"]`.
pub async fn guest_disks(
    drv: &QemuDriver,
    dom: &rvirt_core::handle::DomainRef,
) -> Option<Vec<String>> {
    let r = drv
        .agent_command(dom, r#"{"execute":"guest-get-disks"}"#, 5)
        .await
        .ok()?;
    let v: serde_json::Value = serde_json::from_str(&r).ok()?;
    Some(
        v["return"]
            .as_array()?
            .iter()
            .filter_map(|d| d["name"].as_str().map(str::to_string))
            .collect(),
    )
}

async fn debug_guest(drv: &QemuDriver, dom: &rvirt_core::handle::DomainRef) -> String {
    let cmd = r#"{"execute":"guest-exec","arguments":{"path":"/bin/sh","arg":["-c","ls /sys/block; dmesg | tail -5"],"capture-output":true}}"#;
    let r = drv.agent_command(dom, cmd, 5).await;
    let pid = r
        .as_ref()
        .ok()
        .and_then(|r| serde_json::from_str::<serde_json::Value>(r).ok())
        .and_then(|v| v["return"]["pid"].as_i64());
    tokio::time::sleep(Duration::from_secs(1)).await;
    let st = match pid {
        Some(p) => drv
            .agent_command(
                dom,
                &format!(r#"{{"execute":"guest-exec-status","arguments":{{"pid":{p}}}}}"#),
                5,
            )
            .await
            .map_err(|e| e.message),
        None => Err(format!("{r:?}")),
    };
    format!("{:?} / {st:?}", guest_disks(drv, dom).await)
}

#[test]
fn disk_and_nic_hotplug() {
    // the debug-build async frames of the whole start path outgrow libtest's 2 MiB stack
    let run = || {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap()
            .block_on(Box::pin(disk_and_nic_hotplug_body()))
    };
    std::thread::Builder::new()
        .stack_size(16 << 20)
        .spawn(run)
        .unwrap()
        .join()
        .unwrap();
}

async fn disk_and_nic_hotplug_body() {
    let Some(env) = GuestEnv::start().await else {
        return;
    };
    let (guest, root, _, drv, conn) = env.parts();
    let mut events = conn.events().subscribe();
    let dom = env.boot(&guest_xml("plug", &guest)).await;
    let before = wait_for(Duration::from_secs(30), || guest_disks(&drv, &dom))
        .await
        .expect("guest-get-disks answers");
    // the guest names disks itself (the first virtio disk is its vda): look for a new one

    let img = root.path().join("extra.img");
    sparse_file(&img, 8 << 20);
    let disk = format!(
        "<disk type='file' device='disk'><driver name='qemu' type='raw'/>\
         <source file='{}'/><target dev='vdb' bus='virtio'/></disk>",
        img.display()
    );
    // --live --config
    conn.domain_attach_device(&dom, &disk, 3).await.unwrap();
    let live = conn.domain_get_xml_desc(&dom, 0).await.unwrap();
    assert!(live.contains("<target dev='vdb' bus='virtio'/>"), "{live}");
    assert!(live.contains("virtio-disk1"), "{live}");
    let inactive = conn.domain_get_xml_desc(&dom, 2).await.unwrap();
    assert!(inactive.contains("dev='vdb'"), "{inactive}");
    assert!(conn.domain_attach_device(&dom, &disk, 1).await.is_err());
    let seen = wait_for(Duration::from_secs(30), || async {
        guest_disks(&drv, &dom)
            .await
            .filter(|d| d.len() == before.len() + 1)
    })
    .await;
    if seen.is_none() {
        let why = Box::pin(debug_guest(&drv, &dom)).await;
        panic!("the guest never saw the new disk: {why}");
    }

    // --live detach completes on DEVICE_DELETED
    conn.domain_detach_device(&dom, &disk, 1).await.unwrap();
    let live = conn.domain_get_xml_desc(&dom, 0).await.unwrap();
    assert!(!live.contains("dev='vdb'"), "{live}");
    let inactive = conn.domain_get_xml_desc(&dom, 2).await.unwrap();
    assert!(
        inactive.contains("dev='vdb'"),
        "config keeps it: {inactive}"
    );
    let gone = wait_for(Duration::from_secs(30), || async {
        guest_disks(&drv, &dom)
            .await
            .filter(|d| d.len() == before.len())
    })
    .await;
    assert!(gone.is_some(), "the guest still has the disk");
    // and from the config only
    conn.domain_detach_device(&dom, &disk, 2).await.unwrap();
    assert!(!conn
        .domain_get_xml_desc(&dom, 2)
        .await
        .unwrap()
        .contains("dev='vdb'"));
    // re-attach works (node names and slot are free again)
    conn.domain_attach_device(&dom, &disk, 0).await.unwrap();
    conn.domain_detach_device_alias(&dom, "virtio-disk1", 0)
        .await
        .unwrap();

    // a user-mode NIC
    let nic = "<interface type='user'><mac address='52:54:00:aa:bb:cc'/><model type='virtio'/></interface>";
    conn.domain_attach_device(&dom, nic, 0).await.unwrap();
    let live = conn.domain_get_xml_desc(&dom, 0).await.unwrap();
    assert!(
        live.contains("52:54:00:aa:bb:cc") && live.contains("net1"),
        "{live}"
    );
    let up = wait_for(Duration::from_secs(30), || async {
        let v = conn.domain_interface_addresses(&dom, 1, 0).await.ok()?;
        v.iter()
            .any(|i| i.hwaddr.as_deref() == Some("52:54:00:aa:bb:cc"))
            .then_some(())
    })
    .await;
    assert!(up.is_some(), "the guest never reported the new NIC");
    conn.domain_detach_device(&dom, nic, 0).await.unwrap();
    assert!(!conn
        .domain_get_xml_desc(&dom, 0)
        .await
        .unwrap()
        .contains("52:54:00:aa:bb:cc"));

    let mut removed = Vec::new();
    while let Ok(ev) = events.try_recv() {
        if let Event::Domain {
            kind: DomainEventKind::DeviceRemoved { dev_alias },
            ..
        } = ev
        {
            removed.push(dev_alias);
        }
    }
    assert_eq!(removed, ["virtio-disk1", "virtio-disk1", "net1"]);
    conn.domain_destroy(&dom, 0).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cdrom_media_change() {
    let Some(env) = GuestEnv::start().await else {
        return;
    };
    let (guest, root, pids, drv, conn) = env.parts();
    let xml = guest_xml("cd", &guest).replace(
        "<devices>",
        "<devices><disk type='file' device='cdrom'><target dev='hdc' bus='ide'/><readonly/></disk>",
    );
    let dom = conn.domain_define_xml(&xml, 0).await.unwrap();
    let dom = conn.domain_create(&dom, 0).await.unwrap();
    pids.track(&drv, &dom);
    let iso = root.path().join("media.iso");
    sparse_file(&iso, 1 << 20);
    let cd = format!(
        "<disk type='file' device='cdrom'><driver name='qemu' type='raw'/><source file='{}'/>\
         <target dev='hdc' bus='ide'/><readonly/></disk>",
        iso.display()
    );
    conn.domain_update_device(&dom, &cd, 0).await.unwrap();
    let live = conn.domain_get_xml_desc(&dom, 0).await.unwrap();
    assert!(
        live.contains(&format!("<source file='{}'", iso.display())),
        "{live}"
    );
    let eject = "<disk type='file' device='cdrom'><target dev='hdc' bus='ide'/><readonly/></disk>";
    conn.domain_update_device(&dom, eject, 0).await.unwrap();
    let live = conn.domain_get_xml_desc(&dom, 0).await.unwrap();
    assert!(!live.contains("media.iso"), "{live}");
    conn.domain_destroy(&dom, 0).await.unwrap();
}
