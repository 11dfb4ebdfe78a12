//! Fuzz target: `<domainCapabilities>` XML from arbitrary UTF-8 — parse, and on success
//! format and parse the output again; nothing may panic, and formatting must reach a fixed
//! point after one round trip. (Like libvirt, the formatter writes tabs, newlines and
//! carriage returns in attribute values raw, which XML attribute-value normalisation turns
//! into spaces on the next parse, so the first round trip may change them.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use rvirt_conf::domcaps::DomainCapsDef;

fuzz_target!(|data: &[u8]| {
    let Ok(xml) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(def) = DomainCapsDef::parse(xml) {
        let out = def.format();
        if let Ok(again) = DomainCapsDef::parse(&out) {
            let second = again.format();
            if let Ok(third) = DomainCapsDef::parse(&second) {
                assert_eq!(third.format(), second);
            }
        }
    }
});
