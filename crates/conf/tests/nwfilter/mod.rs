//! Network filter and filter binding models: goldens, libvirt's shipped filters
//! (`/usr/share/libvirt/nwfilter`, read at test time when installed) and schema checks.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use rvirt_conf::nwfilter::{NwFilterBindingDef, NwFilterDef};

fn data(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/nwfilter/data")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// `virt-xml-validate FILE TYPE`, or `None` when the tool is missing.
fn validate(kind: &str, xml: &str) -> Option<(bool, String)> {
    static SEQ: AtomicUsize = AtomicUsize::new(0);
    let n = SEQ.fetch_add(1, Ordering::Relaxed);
    let file = std::env::temp_dir().join(format!("rvirt-nwfilter-{}-{n}.xml", std::process::id()));
    std::fs::write(&file, xml).ok()?;
    let out = Command::new("virt-xml-validate")
        .arg(&file)
        .arg(kind)
        .output();
    let _ = std::fs::remove_file(&file);
    let out = out.ok()?;
    Some((
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    ))
}

#[test]
fn filter_golden() {
    let d = NwFilterDef::parse(&data("rules-mixed.xml")).unwrap();
    let out = d.format();
    assert_eq!(out, data("rules-mixed.out.xml"));
    assert_eq!(NwFilterDef::parse(&out).unwrap(), d);
    if let Some((ok, err)) = validate("nwfilter", &out) {
        assert!(ok, "{err}\n{out}");
    }
}

#[test]
fn binding_golden() {
    let b = NwFilterBindingDef::parse(&data("binding.xml")).unwrap();
    let out = b.format();
    assert_eq!(out, data("binding.out.xml"));
    assert_eq!(NwFilterBindingDef::parse(&out).unwrap(), b);
    if let Some((ok, err)) = validate("nwfilterbinding", &out) {
        assert!(ok, "{err}\n{out}");
    }
}

fn shipped_filters() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["/usr/share/libvirt/nwfilter", "/etc/libvirt/nwfilter"] {
        if let Ok(rd) = std::fs::read_dir(dir) {
            out.extend(
                rd.flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "xml")),
            );
        }
    }
    out.sort();
    out
}

/// libvirt's own filters (installed by `libvirt-daemon-config-nwfilter`) parse, keep every
/// rule and reference, format stably and validate against libvirt's schema.
#[test]
fn libvirt_shipped_filters_round_trip() {
    for path in shipped_filters() {
        let text = std::fs::read_to_string(&path).unwrap();
        let d = NwFilterDef::parse(&text).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        let doc = roxmltree::Document::parse(&text).unwrap();
        let entries = doc
            .root_element()
            .children()
            .filter(|c| matches!(c.tag_name().name(), "rule" | "filterref"))
            .count();
        assert_eq!(d.entries.len(), entries, "{}", path.display());
        let out = d.format();
        let mut again = NwFilterDef::parse(&out).unwrap();
        assert!(again.uuid_specified);
        again.uuid_specified = d.uuid_specified;
        assert_eq!(again, d, "{}", path.display());
        assert_eq!(again.format(), out);
        if let Some((ok, err)) = validate("nwfilter", &out) {
            assert!(ok, "{}: {err}\n{out}", path.display());
        }
    }
}
