//! Perf events, the migration compression cache and launch security with the real test
//! guest: `<perf>` kept in the persistent and live definitions, `xbzrle-cache-size` read
//! and set over QMP, and libvirt's errors for guests and hosts without SEV.

use crate::common::{guest_xml, GuestEnv};
use rvirt_core::driver::{ConnectDriver, DomainDriver};
use rvirt_core::typed_param::{TypedParam, TypedValue};

fn on(name: &str, v: bool) -> TypedParam {
    TypedParam::new(name, TypedValue::Boolean(v))
}

fn enabled(params: &[TypedParam]) -> Vec<String> {
    params
        .iter()
        .filter(|p| p.value == TypedValue::Boolean(true))
        .map(|p| p.field.clone())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn perf_compcache_and_launch_security() {
    Box::pin(body()).await;
}

async fn body() {
    let Some(env) = GuestEnv::start().await else {
        return;
    };
    let (guest, root, pids, drv, conn) = env.parts();
    let dom = conn
        .domain_define_xml(&guest_xml("perfcc", &guest), 0)
        .await
        .unwrap();

    // inactive: perf goes to the persistent definition, live access is refused
    conn.domain_set_perf_events(&dom, vec![on("cmt", true), on("mbmt", false)], 0)
        .await
        .unwrap();
    let got = conn.domain_get_perf_events(&dom, 0).await.unwrap();
    assert_eq!(got.len(), 22);
    assert_eq!(enabled(&got), ["cmt"]);
    let cfg = std::fs::read_to_string(root.path().join("etc/libvirt/qemu/perfcc.xml")).unwrap();
    assert!(
        cfg.contains("<perf>\n    <event name='cmt' enabled='yes'/>\n    <event name='mbmt' enabled='no'/>\n  </perf>"),
        "{cfg}"
    );
    let e = conn.domain_get_perf_events(&dom, 1).await.unwrap_err();
    assert_eq!(
        e.message,
        "Requested operation is not valid: domain is not running"
    );
    let e = conn.domain_get_perf_events(&dom, 3).await.unwrap_err();
    assert_eq!(
        e.message,
        "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive"
    );
    let e = conn
        .domain_set_perf_events(&dom, vec![on("bogus", true)], 0)
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "argument unsupported: parameter 'bogus' not supported"
    );
    let e = conn
        .domain_migrate_get_compression_cache(&dom, 0)
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "Requested operation is not valid: domain is not running"
    );
    assert!(conn
        .domain_get_launch_security_info(&dom, 4)
        .await
        .unwrap()
        .is_empty());

    let dom = conn.domain_create(&dom, 0).await.unwrap();
    pids.track(&drv, &dom);

    // running: the live definition starts from the persistent one; --config stays apart
    let live = conn.domain_get_perf_events(&dom, 0).await.unwrap();
    assert_eq!(enabled(&live), ["cmt"]);
    conn.domain_set_perf_events(&dom, vec![on("cpu_cycles", true), on("cmt", false)], 1)
        .await
        .unwrap();
    assert_eq!(
        enabled(&conn.domain_get_perf_events(&dom, 0).await.unwrap()),
        ["cpu_cycles"]
    );
    assert_eq!(
        enabled(&conn.domain_get_perf_events(&dom, 2).await.unwrap()),
        ["cmt"]
    );
    let x = conn.domain_get_xml_desc(&dom, 0).await.unwrap();
    assert!(
        x.contains("<event name='cpu_cycles' enabled='yes'/>"),
        "{x}"
    );

    // compression cache: QEMU's default, then a new size read back over QMP
    let before = conn
        .domain_migrate_get_compression_cache(&dom, 0)
        .await
        .unwrap();
    assert!(before > 0);
    conn.domain_migrate_set_compression_cache(&dom, 32 << 20, 0)
        .await
        .unwrap();
    assert_eq!(
        conn.domain_migrate_get_compression_cache(&dom, 0)
            .await
            .unwrap(),
        32 << 20
    );
    // QEMU refuses a cache smaller than a page
    let e = conn
        .domain_migrate_set_compression_cache(&dom, 100, 0)
        .await
        .unwrap_err();
    assert!(e.message.contains("xbzrle"), "{}", e.message);
    let e = conn
        .domain_migrate_set_compression_cache(&dom, 32 << 20, 1)
        .await
        .unwrap_err();
    assert!(
        e.message.starts_with("unsupported flags (0x1)"),
        "{}",
        e.message
    );

    // launch security: no SEV in the definition, none on the host
    assert!(conn
        .domain_get_launch_security_info(&dom, 4)
        .await
        .unwrap()
        .is_empty());
    let e = conn
        .domain_set_launch_security_state(
            &dom,
            vec![
                TypedParam::new("sev-secret-header", TypedValue::String("aGVsbG8=".into())),
                TypedParam::new("sev-secret", TypedValue::String("aGVsbG8=".into())),
            ],
            0,
        )
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "Operation not supported: setting a launch secret is only supported in SEV-enabled domains"
    );
    let e = conn.node_get_sev_info(0).await.unwrap_err();
    assert_eq!(
        e.message,
        "Operation not supported: QEMU does not support SEV guest"
    );
    // backups need disks; this guest boots from a kernel image without any
    let e = conn
        .domain_backup_begin(&dom, "<domainbackup/>", None, 0)
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "unsupported configuration: domain must have at least one disk to perform backup"
    );

    conn.domain_destroy(&dom, 0).await.unwrap();
}
