//! Fuzz target: `<domaincheckpoint>` XML from arbitrary UTF-8 — parse as new input and as a
//! redefinition, and on success format (with and without sizes) and parse the output
//! again; nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rvirt_conf::checkpoint::CheckpointDef;

fuzz_target!(|data: &[u8]| {
    let Ok(xml) = std::str::from_utf8(data) else {
        return;
    };
    for def in [CheckpointDef::parse(xml, 1), CheckpointDef::parse_redefine(xml)]
        .into_iter()
        .flatten()
    {
        let _ = CheckpointDef::parse_redefine(&def.format());
        let _ = CheckpointDef::parse_redefine(&def.format_with(true));
    }
});
