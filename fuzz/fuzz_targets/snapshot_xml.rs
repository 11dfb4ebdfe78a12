//! Fuzz target: `<domainsnapshot>` XML from arbitrary UTF-8 — parse as new input and as a
//! redefinition, and on success format and parse the output again; nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rvirt_conf::snapshot::{SnapshotDef, SnapshotFormatFlags, SnapshotParseFlags};

fuzz_target!(|data: &[u8]| {
    let Ok(xml) = std::str::from_utf8(data) else {
        return;
    };
    for redefine in [false, true] {
        let flags = SnapshotParseFlags {
            redefine,
            internal: false,
            now: 1,
        };
        if let Ok(def) = SnapshotDef::parse(xml, flags) {
            let out = def.format(SnapshotFormatFlags { internal: true });
            let back = SnapshotParseFlags {
                internal: true,
                ..flags
            };
            let _ = SnapshotDef::parse(&out, back);
        }
    }
});
