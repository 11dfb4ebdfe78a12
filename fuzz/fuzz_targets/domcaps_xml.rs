//! Fuzz target: `<domainCapabilities>` XML from arbitrary UTF-8 — parse, and on success
//! format and parse the output again; nothing may panic, and formatting what was parsed
//! back must be stable.
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
            // Text with a carriage return cannot survive XML line-end normalisation.
            if !out.contains('\r') {
                assert_eq!(again.format(), out);
            }
        }
    }
});
