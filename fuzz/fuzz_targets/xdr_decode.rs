//! Fuzz target: XDR decoding of protocol types (header, remote_error, handles, arrays,
//! opaques, char arrays) from arbitrary bytes, with encode/decode round-trip checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = rvirt_proto::fuzzing::xdr_decode(data) {
        panic!("{e}");
    }
});
