//! `virDomainMigrateStartPostCopy` asked for before QEMU's migration runs (virsh's
//! `--timeout-postcopy` clock starts before Prepare on the destination, which can take
//! longer than the timeout): the request is kept and honoured as soon as the migration
//! starts, instead of being lost with a QEMU error. The migration phases are driven one by
//! one with the rvirt client, as virsh drives them.

use crate::common::stock_virsh_guest;
use crate::migrate::{agent, state};
use crate::rvirtd::{qemu_pids, virsh_ok as ok};
use rvirt_core::driver::{
    migrate_flags as mf, migrate_param, set_param_str, DomainMigrationDriver,
};
use std::time::{Duration, Instant};

#[test]
fn post_copy_requested_during_begin_switches_when_migration_starts() {
    let Some(guest) = stock_virsh_guest() else {
        return;
    };
    let pair = crate::migrate::MigrationPair::start("pe", &guest);
    pair.create_on_a("pe");
    let crate::migrate::MigrationPair {
        a: _a,
        b,
        pids,
        ua,
        ub,
        ..
    } = pair;
    // memory dirtied all the time and 1 MiB/s: pre-copy alone would never converge
    let churn = serde_json::json!({"execute": "guest-exec", "arguments": {
        "path": "/bin/busybox", "arg": ["sh", "-c",
        "while true; do dd if=/dev/urandom of=/tmp/churn bs=1M count=16 2>/dev/null; done"]}});
    assert!(agent(&ua, "pe", &churn.to_string()).is_some());
    ok(&ua, &["migrate-setspeed", "pe", "1"]);

    let rt = tokio::runtime::Runtime::new().unwrap();
    let t = Instant::now();
    rt.block_on(async {
        let ca = rvirt::Connect::open(&ua).await.unwrap();
        let cb = rvirt::Connect::open(&ub).await.unwrap();
        let (ra, rb) = (ca.remote().unwrap(), cb.remote().unwrap());
        let d = ca.lookup_domain_by_name("pe").await.unwrap();
        let dom = d.handle();
        let e = ra.migrate_start_post_copy(dom, 0).await.unwrap_err();
        assert_eq!(
            e.message,
            "Requested operation is not valid: post-copy can only be started while \
             outgoing migration is in progress"
        );
        let mut events = ca
            .domain_event_register_any(rvirt::domain_event_id::LIFECYCLE, None)
            .await
            .unwrap();
        let flags = mf::LIVE | mf::POSTCOPY;
        let mut params = Vec::new();
        let (cookie, dxml) = ra.migrate_begin3_params(dom, &params, flags).await.unwrap();
        // the timeout fires here, before the destination even exists
        ra.migrate_start_post_copy(dom, 0).await.unwrap();
        set_param_str(&mut params, migrate_param::DEST_XML, &dxml);
        let (pc, uri) = rb
            .migrate_prepare3_params(&params, &cookie, flags)
            .await
            .unwrap();
        set_param_str(&mut params, migrate_param::URI, &uri.unwrap());
        let c = ra
            .migrate_perform3_params(dom, None, &params, &pc, flags)
            .await
            .unwrap();
        let (_, fc) = rb
            .migrate_finish3_params(&params, &c, flags, false)
            .await
            .unwrap();
        ra.migrate_confirm3_params(dom, &params, &fc, flags, false)
            .await
            .unwrap();
        // the source switched to post-copy: SUSPENDED (3) / POSTCOPY (7)
        let mut seen = Vec::new();
        while let Ok(Some(ev)) = tokio::time::timeout(Duration::from_secs(5), events.recv()).await {
            if let rvirt::Event::Domain {
                kind: rvirt::DomainEventKind::Lifecycle { event, detail },
                ..
            } = ev
            {
                seen.push((event, detail));
                if (event, detail) == (3, 7) {
                    break;
                }
            }
        }
        assert!(seen.contains(&(3, 7)), "source lifecycle events: {seen:?}");
    });
    println!(
        "migration with an early post-copy request: {:?}",
        t.elapsed()
    );
    for p in qemu_pids(b.root()) {
        pids.add(p);
    }
    // the destination runs the guest, through post-copy
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let s = state(&ub, "pe");
        if s == "running (migrated)" {
            break;
        }
        assert!(
            s == "running (post-copy)" && Instant::now() < deadline,
            "destination: {s}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(!ok(&ua, &["list", "--name"]).contains("pe"));
}
