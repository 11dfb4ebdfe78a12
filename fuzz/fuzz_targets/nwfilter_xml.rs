//! Fuzz target: `<filter>` and `<filterbinding>` XML from arbitrary UTF-8 — parse, and on
//! success format and parse the output again; nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rvirt_conf::nwfilter::{NwFilterBindingDef, NwFilterDef};

fuzz_target!(|data: &[u8]| {
    let Ok(xml) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(def) = NwFilterDef::parse(xml) {
        let _ = NwFilterDef::parse(&def.format());
    }
    if let Ok(def) = NwFilterBindingDef::parse(xml) {
        let _ = NwFilterBindingDef::parse(&def.format());
    }
});
