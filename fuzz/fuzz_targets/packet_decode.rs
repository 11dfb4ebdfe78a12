//! Fuzz target: `PacketCodec` over arbitrary bytes, then `remote_error` decoding of each
//! body; decoded frames must re-encode to the same bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = rvirt_proto::fuzzing::packet_decode(data) {
        panic!("{e}");
    }
});
