//! Fuzz target: `<device>` (node devices) XML from arbitrary UTF-8 — parse, and on success format and parse
//! the output again; nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(xml) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(def) = rvirt_conf::nodedev::NodeDeviceDef::parse(xml) {
        let _ = rvirt_conf::nodedev::NodeDeviceDef::parse(&def.format());
    }
});
