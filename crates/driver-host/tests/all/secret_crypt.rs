//! Secrets: encryption at rest, legacy plain values, ephemeral and private secrets, bad keys.

use rvirt_core::driver::SecretDriver;
use rvirt_core::error::ErrorCode;
use rvirt_core::event::EventBus;
use rvirt_driver_host::secret::{base64, cipher, KeySource, SecretKey, SecretPaths};
use rvirt_driver_host::SecretDriverImpl;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

const U1: &str = "6695eb01-f6a4-8304-79aa-97f2502e193f";
const U2: &str = "7795eb01-f6a4-8304-79aa-97f2502e193f";
const VALUE: &[u8] = b"correct horse battery staple";

fn xml(uuid: &str, eph: &str, private: &str, vol: &str) -> String {
    format!("<secret ephemeral='{eph}' private='{private}'><uuid>{uuid}</uuid><usage type='volume'><volume>{vol}</volume></usage></secret>")
}

/// Every file below `dir`, recursively.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// No file under `dir` holds `value` or its base64.
fn assert_not_on_disk(dir: &Path, value: &[u8]) {
    let b64 = base64::encode(value);
    for f in files(dir) {
        let data = std::fs::read(&f).unwrap();
        assert!(!contains(&data, value), "{} holds the value", f.display());
        assert!(
            !contains(&data, b64.as_bytes()),
            "{} holds the base64 value",
            f.display()
        );
    }
}

fn key_paths(dir: &Path, key: &Path) -> SecretPaths {
    SecretPaths {
        config_dir: dir.to_path_buf(),
        key: Some(KeySource::File(key.to_path_buf())),
    }
}

#[tokio::test]
async fn value_is_encrypted_at_rest_and_round_trips() {
    let root = tempfile::tempdir().unwrap();
    let paths = SecretPaths::system(root.path());
    let cfg = root.path().join("etc/libvirt/secrets");
    let key_file = root
        .path()
        .join("var/lib/libvirt/secrets/secrets-encryption-key");
    let d = SecretDriverImpl::open_with(paths.clone(), EventBus::new()).unwrap();
    let r = d
        .secret_define_xml(&xml(U1, "no", "no", "/v/a"), 0)
        .await
        .unwrap();
    d.secret_set_value(&r, VALUE.to_vec(), 0).await.unwrap();
    // the key: generated on first use, 32 bytes, root-only
    let meta = std::fs::metadata(&key_file).unwrap();
    assert_eq!((meta.len(), meta.permissions().mode() & 0o777), (32, 0o600));
    // the value file: libvirt's name and mode, base64(IV || AES-256-CBC) with the key
    let enc = cfg.join(format!("{U1}.aes256cbc"));
    assert_eq!(
        std::fs::metadata(&enc).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(!cfg.join(format!("{U1}.base64")).exists());
    assert_not_on_disk(root.path(), VALUE);
    let key = SecretKey::read(&key_file).unwrap();
    let text = std::fs::read_to_string(&enc).unwrap();
    assert_eq!(cipher::open(&key, &text).unwrap(), VALUE);
    assert_eq!(base64::decode_lenient(&text).unwrap().len(), 16 + 32);
    drop(d);
    // re-open: same key is reused, value decrypts
    let d = SecretDriverImpl::open_with(paths.clone(), EventBus::new()).unwrap();
    assert_eq!(SecretKey::read(&key_file).unwrap(), key);
    assert_eq!(d.secret_get_value(&r, 0).await.unwrap(), VALUE);
    // a new value is re-encrypted with a fresh IV
    d.secret_set_value(&r, b"v2".to_vec(), 0).await.unwrap();
    let text2 = std::fs::read_to_string(&enc).unwrap();
    assert_ne!(text, text2);
    drop(d);
    let d = SecretDriverImpl::open_with(paths, EventBus::new()).unwrap();
    assert_eq!(d.secret_get_value(&r, 0).await.unwrap(), b"v2");
}

#[tokio::test]
async fn legacy_plain_value_is_read_and_re_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(format!("{U1}.xml")),
        xml(U1, "no", "no", "/v/a"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join(format!("{U1}.base64")),
        base64::encode(VALUE),
    )
    .unwrap();
    let d = SecretDriverImpl::open(dir.path().to_path_buf(), EventBus::new()).unwrap();
    let r = d.secret_lookup_by_usage(1, "/v/a").await.unwrap();
    assert_eq!(d.secret_get_value(&r, 0).await.unwrap(), VALUE);
    assert!(!dir.path().join(format!("{U1}.base64")).exists());
    assert!(dir.path().join(format!("{U1}.aes256cbc")).exists());
    assert_not_on_disk(dir.path(), VALUE);
    drop(d);
    let d = SecretDriverImpl::open(dir.path().to_path_buf(), EventBus::new()).unwrap();
    assert_eq!(d.secret_get_value(&r, 0).await.unwrap(), VALUE);
}

#[tokio::test]
async fn encryption_disabled_writes_plain_base64() {
    let dir = tempfile::tempdir().unwrap();
    let paths = SecretPaths {
        config_dir: dir.path().to_path_buf(),
        key: None,
    };
    let d = SecretDriverImpl::open_with(paths.clone(), EventBus::new()).unwrap();
    let r = d
        .secret_define_xml(&xml(U1, "no", "no", "/v/a"), 0)
        .await
        .unwrap();
    d.secret_set_value(&r, b"s3cret".to_vec(), 0).await.unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join(format!("{U1}.base64"))).unwrap(),
        "czNjcmV0"
    );
    assert!(!dir.path().join("secrets-encryption-key").exists());
    drop(d);
    // turning encryption on converts it; turning it off again cannot read the encrypted file
    let d = SecretDriverImpl::open(dir.path().to_path_buf(), EventBus::new()).unwrap();
    assert_eq!(d.secret_get_value(&r, 0).await.unwrap(), b"s3cret");
    assert!(dir.path().join(format!("{U1}.aes256cbc")).exists());
    drop(d);
    let d = SecretDriverImpl::open_with(paths, EventBus::new()).unwrap();
    let e = d.secret_get_value(&r, 0).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidSecret);
    assert!(
        e.message
            .contains("is encrypted but no encryption key is loaded"),
        "{}",
        e.message
    );
}

#[tokio::test]
async fn ephemeral_secrets_never_touch_the_disk() {
    let dir = tempfile::tempdir().unwrap();
    let d = SecretDriverImpl::open(dir.path().to_path_buf(), EventBus::new()).unwrap();
    let before = files(dir.path());
    assert_eq!(before, [dir.path().join("secrets-encryption-key")]);
    let r = d
        .secret_define_xml(&xml(U1, "yes", "no", "/v/a"), 0)
        .await
        .unwrap();
    d.secret_set_value(&r, VALUE.to_vec(), 0).await.unwrap();
    assert_eq!(d.secret_get_value(&r, 0).await.unwrap(), VALUE);
    assert_eq!(files(dir.path()), before);
    // persistent → ephemeral removes what was written
    let p = d
        .secret_define_xml(&xml(U2, "no", "no", "/v/b"), 0)
        .await
        .unwrap();
    d.secret_set_value(&p, b"other".to_vec(), 0).await.unwrap();
    assert_eq!(files(dir.path()).len(), 3);
    d.secret_define_xml(&xml(U2, "yes", "no", "/v/b"), 0)
        .await
        .unwrap();
    assert_eq!(files(dir.path()), before);
    assert_eq!(d.secret_get_value(&p, 0).await.unwrap(), b"other");
    assert_not_on_disk(dir.path(), VALUE);
    drop(d);
    let d = SecretDriverImpl::open(dir.path().to_path_buf(), EventBus::new()).unwrap();
    assert!(d.list_all_secrets(0).await.unwrap().is_empty());
}

#[tokio::test]
async fn private_secrets_are_refused_to_clients_even_after_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let d = SecretDriverImpl::open(dir.path().to_path_buf(), EventBus::new()).unwrap();
    let r = d
        .secret_define_xml(&xml(U1, "no", "yes", "/v/a"), 0)
        .await
        .unwrap();
    d.secret_set_value(&r, VALUE.to_vec(), 0).await.unwrap();
    assert_not_on_disk(dir.path(), VALUE);
    drop(d);
    let d = SecretDriverImpl::open(dir.path().to_path_buf(), EventBus::new()).unwrap();
    let e = d.secret_get_value(&r, 0).await.unwrap_err();
    assert_eq!(
        (e.code, e.message.as_str()),
        (
            ErrorCode::InvalidSecret,
            "Invalid secret: secret is private"
        )
    );
    assert!(!e.message.contains("battery"));
    assert_eq!(d.get_value_internal(r.uuid).unwrap(), VALUE);
}

#[tokio::test]
async fn wrong_or_corrupt_key_and_files_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("secrets");
    let good = dir.path().join("good.key");
    let bad = dir.path().join("bad.key");
    std::fs::write(&good, [1u8; 32]).unwrap();
    std::fs::write(&bad, [2u8; 32]).unwrap();
    std::fs::create_dir(&cfg).unwrap();
    for u in [U1, U2] {
        std::fs::write(cfg.join(format!("{u}.xml")), xml(u, "no", "no", u)).unwrap();
    }
    // U1 sealed with the good key and a fixed IV (deterministic padding failure below)
    let k = SecretKey::read(&good).unwrap();
    std::fs::write(
        cfg.join(format!("{U1}.aes256cbc")),
        cipher::seal_with_iv(&k, &[9; 16], VALUE),
    )
    .unwrap();
    // U2 truncated to less than one block after the IV
    std::fs::write(
        cfg.join(format!("{U2}.aes256cbc")),
        base64::encode(&[0u8; 20]),
    )
    .unwrap();

    let d = SecretDriverImpl::open_with(key_paths(&cfg, &good), EventBus::new()).unwrap();
    let r1 = d.secret_lookup_by_usage(1, U1).await.unwrap();
    let r2 = d.secret_lookup_by_usage(1, U2).await.unwrap();
    assert_eq!(d.secret_get_value(&r1, 0).await.unwrap(), VALUE);
    let e = d.secret_get_value(&r2, 0).await.unwrap_err();
    assert_eq!(
        (e.code, e.message.as_str()),
        (
            ErrorCode::InvalidSecret,
            "Invalid secret: Encrypted secret size '20' is invalid"
        )
    );
    // setting a new value repairs it
    d.secret_set_value(&r2, b"fresh".to_vec(), 0).await.unwrap();
    assert_eq!(d.secret_get_value(&r2, 0).await.unwrap(), b"fresh");
    drop(d);

    // the wrong key: secrets stay listed, their values report the problem
    let d = SecretDriverImpl::open_with(key_paths(&cfg, &bad), EventBus::new()).unwrap();
    assert_eq!(d.list_all_secrets(0).await.unwrap().len(), 2);
    let e = d.secret_get_value(&r1, 0).await.unwrap_err();
    assert_eq!(
        e.message,
        "Invalid secret: cannot decrypt secret value: wrong encryption key or corrupt file"
    );
    assert!(d.get_value_internal(r1.uuid).is_err());
    drop(d);

    // a key file of the wrong size, or a missing one, fails the open
    std::fs::write(&bad, b"not a key").unwrap();
    let e = SecretDriverImpl::open_with(key_paths(&cfg, &bad), EventBus::new())
        .err()
        .unwrap();
    assert_eq!(e.code, ErrorCode::InvalidSecret);
    assert!(
        e.message
            .contains("must hold exactly 32 raw bytes, found 9"),
        "{}",
        e.message
    );
    let missing = dir.path().join("missing.key");
    assert!(SecretDriverImpl::open_with(key_paths(&cfg, &missing), EventBus::new()).is_err());
    assert!(!missing.exists());
    // corrupt base64
    std::fs::write(cfg.join(format!("{U1}.aes256cbc")), "!!!not base64").unwrap();
    let d = SecretDriverImpl::open_with(key_paths(&cfg, &good), EventBus::new()).unwrap();
    let e = d.secret_get_value(&r1, 0).await.unwrap_err();
    assert_eq!(
        e.message,
        "Invalid secret: encrypted secret value is not valid base64"
    );
}
