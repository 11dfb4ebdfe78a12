//! Fuzz target: `<volume>` (in a fixed `dir` pool) XML from arbitrary UTF-8 — parse, and on success format and parse
//! the output again; nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(xml) = std::str::from_utf8(data) else {
        return;
    };
    const POOL: &str = "<pool type='dir'><name>p</name><target><path>/p</path></target></pool>";
    let Ok(pool) = rvirt_conf::storage::PoolDef::parse(POOL) else {
        return;
    };
    if let Ok(vol) = rvirt_conf::storage::VolumeDef::parse(xml, &pool) {
        let _ = rvirt_conf::storage::VolumeDef::parse(&vol.format(), &pool);
    }
});
