//! Fuzz target: `<domain>` XML from arbitrary UTF-8 — parse, and on success format and parse
//! the output again; nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(xml) = std::str::from_utf8(data) else {
        return;
    };
    let opts = rvirt_conf::domain::ParseOptions::default();
    if let Ok(def) = rvirt_conf::domain::DomainDef::parse(xml, &opts) {
        for inactive in [true, false] {
            let out = def.format(&rvirt_conf::domain::FormatOptions {
                inactive,
                secure: true,
                ..Default::default()
            });
            let _ = rvirt_conf::domain::DomainDef::parse(&out, &opts);
        }
        let _ = def.disks();
        let _ = def.interfaces();
        let _ = def.disk_views();
        let _ = def.chardev_views();
    }
});
