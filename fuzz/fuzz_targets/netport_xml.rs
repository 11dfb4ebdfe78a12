//! Fuzz target: `<networkport>` XML from arbitrary UTF-8 — parse, and on success format and
//! parse the output again; nothing may panic, and formatting must reach a fixed point after
//! one round trip (like libvirt, attribute values keep raw newlines and tabs, which the next
//! parse normalises to spaces, so the first round trip may change them).
#![no_main]

use libfuzzer_sys::fuzz_target;
use rvirt_conf::netport::NetworkPortDef;

fuzz_target!(|data: &[u8]| {
    let Ok(xml) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(def) = NetworkPortDef::parse(xml) {
        if let Ok(again) = NetworkPortDef::parse(&def.format()) {
            let second = again.format();
            if let Ok(third) = NetworkPortDef::parse(&second) {
                assert_eq!(third.format(), second, "not a fixed point");
            }
        }
    }
});
