//! `DomainDef::parse` never panics: corpus documents with random byte edits, truncations and
//! attribute mutations must give `Ok` or `Err`, and every `Ok` must format.

use std::path::Path;

use proptest::prelude::*;
use rvirt_conf::domain::{DomainDef, FormatOptions, ParseOptions};

const SEED_DOC: &str = "<domain type='kvm'><name>a</name><memory unit='MiB'>512</memory><vcpu current='1'>2</vcpu>\
<os><type arch='x86_64'>hvm</type></os><devices><disk type='file'><source file='/x'/><target dev='sdb'/></disk>\
<controller type='usb' model='ich9-uhci1'/><interface type='network'><source network='default'/></interface>\
<serial type='tcp'><source host='h' service='1'/></serial><console type='pty'/><graphics type='vnc'/>\
<video><model type='qxl'/></video><hostdev mode='subsystem' type='pci'><source><address domain='0' bus='1' slot='2' function='3'/></source></hostdev>\
</devices></domain>";

fn check(doc: &str) {
    if let Ok(def) = DomainDef::parse(doc, &ParseOptions::default()) {
        let out = def.format(&FormatOptions {
            inactive: true,
            ..Default::default()
        });
        assert!(out.starts_with("<domain "));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn mutated_documents_never_panic(pos in 0usize..2000, len in 0usize..40, junk in "[<>/='a-z0-9 -]{0,12}") {
        let mut doc = SEED_DOC.to_string();
        let start = pos.min(doc.len());
        let end = (start + len).min(doc.len());
        if doc.is_char_boundary(start) && doc.is_char_boundary(end) {
            doc.replace_range(start..end, &junk);
        }
        check(&doc);
    }

    #[test]
    fn attribute_values_never_panic(v in "[-0-9a-zA-Zx:,.^]{0,24}") {
        for attr in ["index", "port", "slot", "bus", "function", "unit", "current", "dev", "address"] {
            let doc = SEED_DOC.replace(&format!("{attr}='"), &format!("{attr}='{v}"));
            check(&doc);
        }
        check(&SEED_DOC.replace("512", &v));
        check(&SEED_DOC.replace(">2</vcpu>", &format!(">{v}</vcpu>")));
    }
}

#[test]
fn truncated_corpus_documents_never_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/testdata/xml/domain");
    let mut docs = vec![SEED_DOC.to_string()];
    if let Ok(rd) = std::fs::read_dir(&dir) {
        for e in rd.filter_map(|e| e.ok()).take(200) {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                docs.push(t);
            }
        }
    }
    let mut checked = 0;
    for d in &docs {
        for cut in (0..d.len()).step_by(97) {
            if d.is_char_boundary(cut) {
                check(&d[..cut]);
                checked += 1;
            }
        }
    }
    assert!(checked > 0);
}

#[test]
fn malformed_xml_is_xml_detail() {
    let e = DomainDef::parse("<domain type='kvm'><name>", &ParseOptions::default()).unwrap_err();
    assert_eq!((e.code.number(), e.domain.number()), (35, 20));
    let e = DomainDef::parse(
        "<domain type='kvm'><name>x</name><memory>1</memory></domain>",
        &ParseOptions::default(),
    )
    .unwrap_err();
    assert_eq!(e.message, "XML error: an os <type> must be specified");
    let e =
        DomainDef::parse("<domain><name>x</name></domain>", &ParseOptions::default()).unwrap_err();
    assert_eq!(e.message, "internal error: missing domain type attribute");
}
