//! Save / restore / managed save with the real test guest.

use crate::common::{connection, guest_xml, wait_for, GuestEnv};
use rvirt_core::driver::{Connection, DomainDriver};
use rvirt_core::event::{DomainEventKind, Event};
use rvirt_core::info::domain_state as st;
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn save_restore_and_managed_save() {
    let Some(env) = GuestEnv::start().await else {
        return;
    };
    let (guest, root, pids, drv, conn) = env.parts();
    let mut events = conn.events().subscribe();
    let dom = env.boot(&guest_xml("saver", &guest)).await;

    // save while polling job info from another task
    let img = root.path().join("saver.img");
    let poller = {
        let conn = connection(&drv);
        let dom = dom.clone();
        tokio::spawn(async move {
            let mut seen_active = false;
            for _ in 0..400 {
                if let Ok(j) = conn.domain_get_job_info(&dom).await {
                    if j.job_type == 2 {
                        seen_active = true;
                    }
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            seen_active
        })
    };
    let t = Instant::now();
    conn.domain_save(&dom, img.to_str().unwrap(), None, 0)
        .await
        .unwrap();
    println!("save: {:?}", t.elapsed());
    assert_eq!(
        conn.domain_get_state(&dom, 0).await.unwrap(),
        (st::SHUTOFF, 5)
    );
    let (jt, params) = conn.domain_get_job_stats(&dom, 1).await.unwrap();
    assert_eq!(jt, 3, "{params:?}");
    assert!(
        poller.await.unwrap(),
        "job info never reported the save as active"
    );

    let x = conn
        .domain_save_image_get_xml_desc(img.to_str().unwrap(), 0)
        .await
        .unwrap();
    assert!(x.contains("<name>saver</name>"), "{x}");
    let x2 = x.replace(
        "<on_crash>destroy</on_crash>",
        "<on_crash>restart</on_crash>",
    );
    assert_ne!(x, x2, "{x}");
    conn.domain_save_image_define_xml(img.to_str().unwrap(), &x2, 0)
        .await
        .unwrap();
    let x3 = conn
        .domain_save_image_get_xml_desc(img.to_str().unwrap(), 0)
        .await
        .unwrap();
    assert!(x3.contains("<on_crash>restart</on_crash>"), "{x3}");

    let t = Instant::now();
    conn.domain_restore(img.to_str().unwrap(), None, 0)
        .await
        .unwrap();
    println!("restore: {:?}", t.elapsed());
    let dom = conn.domain_lookup_by_name("saver").await.unwrap();
    pids.track(&drv, &dom);
    assert_eq!(
        conn.domain_get_state(&dom, 0).await.unwrap(),
        (st::RUNNING, 3)
    );
    // the guest still answers through its agent after the restore
    let h = wait_for(Duration::from_secs(30), || async {
        conn.domain_get_hostname(&dom, 0).await.ok()
    })
    .await;
    assert!(h.is_some(), "agent did not answer after restore");

    // managed save: the next start resumes
    assert!(!conn.domain_has_managed_save_image(&dom, 0).await.unwrap());
    if let Err(e) = conn.domain_managed_save(&dom, 0).await {
        let log = std::fs::read_to_string(root.path().join("var/log/libvirt/qemu/saver.log"));
        panic!("managed save: {e:?}\nlog: {log:?}");
    }
    assert!(conn.domain_has_managed_save_image(&dom, 0).await.unwrap());
    assert_eq!(
        conn.domain_get_state(&dom, 0).await.unwrap(),
        (st::SHUTOFF, 5)
    );
    let listed = conn.list_all_domains(256).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert!(conn.domain_undefine(&dom, 0).await.is_err());
    let x = conn
        .domain_managed_save_get_xml_desc(&dom, 0)
        .await
        .unwrap();
    assert!(x.contains("<name>saver</name>"));
    let dom = conn.domain_create(&dom, 0).await.unwrap();
    pids.track(&drv, &dom);
    assert_eq!(
        conn.domain_get_state(&dom, 0).await.unwrap(),
        (st::RUNNING, 3)
    );
    assert!(!conn.domain_has_managed_save_image(&dom, 0).await.unwrap());
    let h = wait_for(Duration::from_secs(30), || async {
        conn.domain_get_hostname(&dom, 0).await.ok()
    })
    .await;
    assert!(
        h.is_some(),
        "agent did not answer after managed-save resume"
    );

    // managedsave-remove discards the image
    conn.domain_managed_save(&dom, 0).await.unwrap();
    conn.domain_managed_save_remove(&dom, 0).await.unwrap();
    assert!(!conn.domain_has_managed_save_image(&dom, 0).await.unwrap());
    let dom = conn.domain_create(&dom, 0).await.unwrap();
    pids.track(&drv, &dom);
    assert_eq!(
        conn.domain_get_state(&dom, 0).await.unwrap(),
        (st::RUNNING, 1)
    );
    conn.domain_destroy(&dom, 0).await.unwrap();

    let mut completed = 0;
    while let Ok(ev) = events.try_recv() {
        if let Event::Domain {
            kind: DomainEventKind::JobCompleted { .. },
            ..
        } = ev
        {
            completed += 1;
        }
    }
    assert_eq!(completed, 3);
}
