//! Re-attach: a guest started by one driver instance is picked up, running with the same
//! PID and a working monitor, by a new instance on the same root.

use crate::common::{connection, guest_available, guest_xml, PidGuard};
use rvirt_core::driver::DomainDriver;
use rvirt_core::info::domain_state as st;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reattach_after_driver_restart() {
    let Some(guest) = guest_available() else {
        return;
    };
    let root = tempfile::tempdir().unwrap();
    let pids = PidGuard::default();
    let (pid, id) = {
        let drv = crate::common::driver_on(root.path()).await;
        let conn = connection(&drv);
        let dom = conn
            .domain_create_xml(&guest_xml("reattach", &guest), 0)
            .await
            .unwrap();
        let pid = drv.domain_pid(&dom).unwrap();
        pids.add(pid);
        drv.detach();
        (pid, dom.id)
    };
    // the old instance is gone; its QEMU keeps running
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(rvirt_driver_qemu::process::pid_alive(pid));

    let drv = crate::common::driver_on(root.path()).await;
    let conn = connection(&drv);
    let dom = conn.domain_lookup_by_name("reattach").await.unwrap();
    assert_eq!(dom.id, id);
    assert_eq!(drv.domain_pid(&dom).unwrap(), pid);
    assert_eq!(conn.domain_get_state(&dom, 0).await.unwrap().0, st::RUNNING);
    assert!(!conn.domain_is_persistent(&dom).await.unwrap());
    // QMP works: suspend/resume go through the re-attached monitor
    conn.domain_suspend(&dom).await.unwrap();
    assert_eq!(
        conn.domain_get_state(&dom, 0).await.unwrap(),
        (st::PAUSED, 1)
    );
    conn.domain_resume(&dom).await.unwrap();
    let listed = conn.list_all_domains(1).await.unwrap();
    assert_eq!(listed.len(), 1);
    conn.domain_destroy(&dom, 0).await.unwrap();
    // transient: gone after destroy
    assert!(conn.domain_lookup_by_name("reattach").await.is_err());
    assert!(!rvirt_driver_qemu::process::pid_alive(pid));

    // a status file whose QEMU died is cleaned up at the next start
    let drv2 = crate::common::driver_on(root.path()).await;
    assert!(drv2.active_pids().is_empty());
}
