//! Schema check: every document our models format in the golden runs (domain, network, pool,
//! volume, interface, plus capabilities/secret/node-device samples) is written to a temp dir
//! and validated with libvirt's `virt-xml-validate FILE TYPE`. Skipped when it is missing.

use std::path::{Path, PathBuf};
use std::process::Command;

use rvirt_conf::capabilities::Capabilities;
use rvirt_conf::domain::{DomainDef, FormatOptions, ParseOptions};
use rvirt_conf::interface::InterfaceDef;
use rvirt_conf::network::{NetworkDef, NetworkFormatOptions};
use rvirt_conf::nodedev::{NodeDeviceDef, TEST_DRIVER_DEVICES};
use rvirt_conf::secret::SecretDef;
use rvirt_conf::storage::{PoolDef, VolumeDef};

const DEFAULT_POOL: &str = "<pool type='dir'><name>default-pool</name>\
    <uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566</uuid><target><path>/default-pool</path></target></pool>";

fn corpus(kind: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/testdata/xml")
        .join(kind);
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return out;
    };
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        if name.ends_with(".xml") && !name.ends_with(".out.xml") {
            if let Ok(text) = std::fs::read_to_string(e.path()) {
                out.push((name.trim_end_matches(".xml").to_string(), text));
            }
        }
    }
    out.sort();
    out
}

/// (schema type, file name, formatted document) for every document we can produce.
fn documents() -> Vec<(&'static str, String, String)> {
    let mut docs = Vec::new();
    for (name, xml) in corpus("domain") {
        if let Ok(d) = DomainDef::parse(&xml, &ParseOptions::default()) {
            let inactive = FormatOptions {
                inactive: true,
                ..Default::default()
            };
            docs.push(("domain", format!("domain-{name}.xml"), d.format(&inactive)));
        }
    }
    for (name, xml) in corpus("network") {
        if let Ok(d) = NetworkDef::parse(&xml) {
            let out = d.format(&NetworkFormatOptions { inactive: false });
            docs.push(("network", format!("network-{name}.xml"), out));
        }
    }
    for (name, xml) in corpus("pool") {
        if let Ok(mut d) = PoolDef::parse(&xml) {
            d.apply_test_driver_sizes();
            docs.push(("storagepool", format!("pool-{name}.xml"), d.format()));
        }
    }
    if let Ok(mut pool) = PoolDef::parse(DEFAULT_POOL) {
        pool.apply_test_driver_sizes();
        for (name, xml) in corpus("volume") {
            if let Ok(mut v) = VolumeDef::parse(&xml, &pool) {
                v.apply_test_driver_placement(&pool);
                docs.push(("storagevol", format!("volume-{name}.xml"), v.format()));
            }
        }
    }
    for (name, xml) in corpus("interface") {
        if let Ok(d) = InterfaceDef::parse(&xml) {
            docs.push(("interface", format!("interface-{name}.xml"), d.format()));
        }
    }
    docs.push((
        "capability",
        "capabilities-test.xml".into(),
        Capabilities::test_driver_default().format(),
    ));
    for (name, xml) in TEST_DRIVER_DEVICES {
        if let Ok(d) = NodeDeviceDef::parse(xml) {
            docs.push(("nodedev", format!("nodedev-{name}.xml"), d.format()));
        }
    }
    let secret = "<secret ephemeral='no' private='yes'>\n  <uuid>f81ff6e0-b7c4-4a3c-8e5b-2a1c7e4e6b3a</uuid>\n  \
        <description>s</description>\n  <usage type='volume'>\n    <volume>/var/lib/x.img</volume>\n  </usage>\n</secret>\n";
    if let Ok(s) = SecretDef::parse(secret) {
        docs.push(("secret", "secret-volume.xml".into(), s.format()));
    }
    docs
}

fn validate(path: &Path, schema: &str) -> Option<String> {
    let out = Command::new("virt-xml-validate")
        .arg(path)
        .arg(schema)
        .output()
        .ok()?;
    (!out.status.success()).then(|| {
        let mut msg = String::from_utf8_lossy(&out.stderr).to_string();
        msg.push_str(&String::from_utf8_lossy(&out.stdout));
        msg
    })
}

/// Cases whose formatted output libvirt's own schema rejects (libvirt's output for them is
/// rejected too, or the schema lags the parser); listed so new failures stand out.
const KNOWN_INVALID: &str = include_str!("golden/schema-known-invalid.txt");

#[test]
fn formatted_documents_validate_against_libvirt_schemas() {
    if Command::new("virt-xml-validate")
        .arg("--help")
        .output()
        .is_err()
    {
        println!("schema check: SKIPPED, virt-xml-validate not installed");
        return;
    }
    let dir: PathBuf =
        std::env::temp_dir().join(format!("rvirt-conf-schema-{}", std::process::id()));
    if std::fs::create_dir_all(&dir).is_err() {
        println!("schema check: SKIPPED, no temp dir");
        return;
    }
    let docs = documents();
    let known: Vec<&str> = KNOWN_INVALID
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let chunks: Vec<Vec<&(&str, String, String)>> = {
        let mut c = vec![Vec::new(), Vec::new()];
        for (i, d) in docs.iter().enumerate() {
            c[i % 2].push(d);
        }
        c
    };
    let failures: Vec<(String, String)> = std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| {
                let dir = &dir;
                s.spawn(move || {
                    let mut bad = Vec::new();
                    for (schema, file, text) in chunk {
                        let path = dir.join(file);
                        if std::fs::write(&path, text).is_err() {
                            continue;
                        }
                        if let Some(msg) = validate(&path, schema) {
                            bad.push((file.clone(), msg));
                        }
                    }
                    bad
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "schema check: {}/{} documents validate",
        docs.len() - failures.len(),
        docs.len()
    );
    let unexpected: Vec<&(String, String)> = failures
        .iter()
        .filter(|(f, _)| !known.contains(&f.as_str()))
        .collect();
    for (f, msg) in &unexpected {
        println!(
            "INVALID {f}:\n{}",
            msg.lines().take(4).collect::<Vec<_>>().join("\n")
        );
    }
    assert!(
        unexpected.is_empty(),
        "{} documents fail the schema",
        unexpected.len()
    );
    assert!(docs.len() > 100, "too few documents were produced");
}
