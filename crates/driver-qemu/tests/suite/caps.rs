//! Capabilities: probing the installed QEMU, the cache, the XML shape, and a fast open.

use crate::common::QEMU;
use rvirt_core::driver::{DriverFactory, OpenContext};
use rvirt_core::uri::ConnectUri;
use rvirt_driver_qemu::caps::{load_cached, load_or_probe};
use rvirt_driver_qemu::{QemuDriverFactory, QemuPaths};
use std::path::Path;
use std::time::Instant;

#[tokio::test]
async fn probe_cache_and_capabilities_xml() {
    if !Path::new(QEMU).exists() {
        eprintln!("skipping: no QEMU");
        return;
    }
    let root = tempfile::tempdir().unwrap();
    let factory = QemuDriverFactory::new(QemuPaths::under(root.path()));
    let uri = ConnectUri::parse(&format!("qemu:///embed?root={}", root.path().display())).unwrap();
    let cache_dir = QemuPaths::under(root.path()).cache_dir;
    let t = Instant::now();
    let conn = factory.open(&uri, &OpenContext::default()).await.unwrap();
    println!("open with cold cache: {:?}", t.elapsed());
    // open never waits for the probe (which starts QEMU, seconds under TCG): right after
    // it returns there is no cache yet (the latency itself is measured in bench/)
    assert!(
        load_cached(&cache_dir, Path::new(QEMU)).is_none(),
        "open waited for the capabilities probe"
    );
    let t = Instant::now();
    let xml = conn.get_capabilities().await.unwrap();
    println!("capabilities (cold probe): {:?}", t.elapsed());
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let guest = doc.descendants().find(|n| n.has_tag_name("guest")).unwrap();
    let arch = guest
        .descendants()
        .find(|n| n.has_tag_name("arch"))
        .unwrap();
    assert_eq!(arch.attribute("name"), Some("x86_64"));
    let machines: Vec<&str> = arch
        .children()
        .filter(|n| n.has_tag_name("machine"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        machines.contains(&"pc") && machines.contains(&"q35"),
        "{machines:?}"
    );
    let types: Vec<&str> = arch
        .children()
        .filter(|n| n.has_tag_name("domain"))
        .filter_map(|n| n.attribute("type"))
        .collect();
    assert!(types.contains(&"qemu"));
    let cached = load_cached(&cache_dir, Path::new(QEMU)).expect("cache written");
    // kvm is listed exactly when the honest probe says so
    assert_eq!(types.contains(&"kvm"), cached.kvm_usable);
    println!(
        "kvm present={} usable={}",
        cached.kvm_present, cached.kvm_usable
    );
    assert_eq!(cached.version.0, 7);
    // a cache hit leaves the file alone (a probe would replace it: new inode)
    let cache_ino = || {
        let dir = cache_dir.join("capabilities");
        let f = std::fs::read_dir(&dir).unwrap().next().unwrap().unwrap();
        std::os::unix::fs::MetadataExt::ino(&f.metadata().unwrap())
    };
    let before = cache_ino();
    let again = load_or_probe(&cache_dir, Path::new(QEMU)).await.unwrap();
    assert_eq!(cache_ino(), before, "cache not used");
    assert_eq!(again, cached);
    let dc = conn
        .get_domain_capabilities(None, None, Some("q35".into()), Some("qemu".into()), 0)
        .await
        .unwrap();
    assert!(
        dc.contains("<domain>qemu</domain>") && dc.contains("<machine>pc-q35-7.2</machine>"),
        "{dc}"
    );
    assert_eq!(conn.get_type().await.unwrap(), "QEMU");
    assert_eq!(conn.get_version().await.unwrap() / 1_000_000, 7);
}

/// A failed probe is not remembered: once the binary works, the next caller gets
/// capabilities (a slow QEMU on a loaded host must not break the daemon until restart).
#[tokio::test]
async fn a_failed_probe_is_retried() {
    if !Path::new(QEMU).exists() {
        eprintln!("skipping: no QEMU");
        return;
    }
    let root = tempfile::tempdir().unwrap();
    let bin = root.path().join("qemu-system-x86_64");
    let caps = rvirt_driver_qemu::caps::LazyCaps::new(bin.clone(), root.path().join("cache"));
    let e = caps.get().await.unwrap_err();
    assert!(
        e.message
            .starts_with("internal error: Failed to probe capabilities for"),
        "{}",
        e.message
    );
    std::os::unix::fs::symlink(QEMU, &bin).unwrap();
    let got = caps.get().await.unwrap();
    assert_eq!(got.version.0, 7);
}
