//! Secrets: persistence, events, errors.

use rvirt_core::driver::SecretDriver;
use rvirt_core::error::ErrorCode;
use rvirt_core::event::{Event, EventBus, SecretEventKind};
use rvirt_core::handle::Uuid;
use rvirt_driver_host::SecretDriverImpl;
use std::os::unix::fs::PermissionsExt;

const U1: &str = "6695eb01-f6a4-8304-79aa-97f2502e193f";
const U2: &str = "7795eb01-f6a4-8304-79aa-97f2502e193f";

fn xml(uuid: &str, eph: &str, private: &str, vol: &str) -> String {
    format!("<secret ephemeral='{eph}' private='{private}'><uuid>{uuid}</uuid><usage type='volume'><volume>{vol}</volume></usage></secret>")
}

#[tokio::test]
async fn persists_across_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("etc/libvirt/secrets");
    let d = SecretDriverImpl::open(cfg.clone(), EventBus::new()).unwrap();
    let r = d
        .secret_define_xml(&xml(U1, "no", "no", "/v/a"), 0)
        .await
        .unwrap();
    assert_eq!((r.usage_type, r.usage_id.as_str()), (1, "/v/a"));
    d.secret_set_value(&r, b"s3cret".to_vec(), 0).await.unwrap();
    let eph = d
        .secret_define_xml(&xml(U2, "yes", "no", "/v/b"), 0)
        .await
        .unwrap();
    d.secret_set_value(&eph, b"x".to_vec(), 0).await.unwrap();
    // encrypted at rest: no plain file, and neither the value nor its base64 on disk
    assert!(!cfg.join(format!("{U1}.base64")).exists());
    let stored = std::fs::read_to_string(cfg.join(format!("{U1}.aes256cbc"))).unwrap();
    assert!(!stored.contains("s3cret") && !stored.contains("czNjcmV0"));
    let mode = std::fs::metadata(cfg.join(format!("{U1}.xml")))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    assert!(!cfg.join(format!("{U2}.xml")).exists());
    drop(d);
    let d = SecretDriverImpl::open(cfg.clone(), EventBus::new()).unwrap();
    let all = d.list_all_secrets(0).await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(d.secret_get_value(&all[0], 0).await.unwrap(), b"s3cret");
    assert_eq!(
        d.secret_get_xml_desc(&all[0], 0).await.unwrap(),
        format!("<secret ephemeral='no' private='no'>\n  <uuid>{U1}</uuid>\n  <usage type='volume'>\n    <volume>/v/a</volume>\n  </usage>\n</secret>\n")
    );
    let r = d.secret_lookup_by_usage(1, "/v/a").await.unwrap();
    d.secret_undefine(&r).await.unwrap();
    assert!(!cfg.join(format!("{U1}.xml")).exists());
    assert!(!cfg.join(format!("{U1}.aes256cbc")).exists());
    // garbage files in the directory are skipped
    std::fs::write(cfg.join("junk.xml"), "<secret").unwrap();
    let d = SecretDriverImpl::open(cfg, EventBus::new()).unwrap();
    assert!(d.list_all_secrets(0).await.unwrap().is_empty());
}

#[tokio::test]
async fn private_filters_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let d = SecretDriverImpl::open(dir.path().to_path_buf(), EventBus::new()).unwrap();
    let p = d
        .secret_define_xml(&xml(U1, "no", "yes", "/v/a"), 0)
        .await
        .unwrap();
    d.secret_set_value(&p, b"v".to_vec(), 0).await.unwrap();
    let e = d.secret_get_value(&p, 0).await.unwrap_err();
    assert_eq!(
        (e.code, e.message.as_str()),
        (
            ErrorCode::InvalidSecret,
            "Invalid secret: secret is private"
        )
    );
    assert_eq!(d.get_value_internal(p.uuid).unwrap(), b"v");
    // private → public is refused; usage change on same uuid refused
    let e = d
        .secret_define_xml(&xml(U1, "no", "no", "/v/a"), 0)
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "internal error: cannot change private flag on existing secret"
    );
    let e = d
        .secret_define_xml(&xml(U1, "no", "yes", "/v/z"), 0)
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        format!("internal error: a secret with UUID {U1} is already defined for use with /v/a")
    );
    let e = d
        .secret_define_xml(&xml(U2, "no", "no", "/v/a"), 0)
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        format!("internal error: a secret with UUID {U1} already defined for use with /v/a")
    );
    let q = d
        .secret_define_xml(&xml(U2, "yes", "no", "/v/b"), 0)
        .await
        .unwrap();
    let e = d.secret_get_value(&q, 0).await.unwrap_err();
    assert_eq!(
        e.message,
        format!("Secret not found: secret '{U2}' does not have a value")
    );
    let n = |f: u32| {
        let d = d.clone();
        async move { d.list_all_secrets(f).await.unwrap().len() }
    };
    assert_eq!(
        (
            n(0).await,
            n(1).await,
            n(2).await,
            n(4).await,
            n(8).await,
            n(3).await
        ),
        (2, 1, 1, 1, 1, 2)
    );
    let e = d.secret_lookup_by_uuid(Uuid([1; 16])).await.unwrap_err();
    assert_eq!(
        e.message,
        "Secret not found: no secret with matching uuid '01010101-0101-0101-0101-010101010101'"
    );
    let e = d.secret_lookup_by_usage(1, "/nope").await.unwrap_err();
    assert_eq!(
        e.message,
        "Secret not found: no secret with matching usage '/nope'"
    );
    let e = d.secret_get_value(&p, 2).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArg);
    assert!(d.secret_define_xml("<secret", 0).await.is_err());
}

#[tokio::test]
async fn publishes_events() {
    let dir = tempfile::tempdir().unwrap();
    let bus = EventBus::new();
    let mut rx = bus.subscribe();
    let d = SecretDriverImpl::open(dir.path().to_path_buf(), bus).unwrap();
    let r = d
        .secret_define_xml(&xml(U1, "no", "no", "/v/a"), 0)
        .await
        .unwrap();
    d.secret_set_value(&r, vec![1], 0).await.unwrap();
    d.secret_undefine(&r).await.unwrap();
    let kinds: Vec<SecretEventKind> = (0..3)
        .map(|_| match rx.try_recv().unwrap() {
            Event::Secret { secret, kind } => {
                assert_eq!(secret, r);
                kind
            }
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            SecretEventKind::Lifecycle {
                event: 0,
                detail: 0
            },
            SecretEventKind::ValueChanged,
            SecretEventKind::Lifecycle {
                event: 1,
                detail: 0
            },
        ]
    );
}
