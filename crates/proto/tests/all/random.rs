//! Random-input robustness: the fuzz targets' decode functions over seeded random bytes.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rvirt_proto::fuzzing::{packet_decode, xdr_decode};
use rvirt_proto::REMOTE_PROGRAM;

fn random_input(rng: &mut StdRng) -> Vec<u8> {
    let len = rng.random_range(0..512);
    let mut v: Vec<u8> = (0..len).map(|_| rng.random()).collect();
    // Half the time make it look like a real frame so the decoders get past the length check.
    if rng.random_bool(0.5) && v.len() >= 28 {
        let frame_len = rng.random_range(28..=v.len()) as u32;
        v[..4].copy_from_slice(&frame_len.to_be_bytes());
        v[4..8].copy_from_slice(&REMOTE_PROGRAM.to_be_bytes());
        v[24..28].copy_from_slice(&rng.random_range(0u32..4).to_be_bytes());
        // small counts/lengths in the body make nested decoders go deeper
        for w in v[28..].chunks_mut(4).filter(|w| w.len() == 4) {
            if rng.random_bool(0.5) {
                w.copy_from_slice(&rng.random_range(0u32..6).to_be_bytes());
            }
        }
    }
    v
}

#[test]
fn packet_decode_survives_random_input() {
    let mut rng = StdRng::seed_from_u64(0x6b656570);
    let mut frames = 0;
    for _ in 0..5000 {
        let input = random_input(&mut rng);
        frames += packet_decode(&input).unwrap_or_else(|e| panic!("{e} on {input:02x?}"));
    }
    assert!(frames > 100, "random inputs produced only {frames} frames");
}

#[test]
fn xdr_decode_survives_random_input() {
    let mut rng = StdRng::seed_from_u64(42);
    let mut decoded = 0;
    for _ in 0..5000 {
        let input = random_input(&mut rng);
        decoded += xdr_decode(&input[input.len().min(28)..])
            .unwrap_or_else(|e| panic!("{e} on {input:02x?}"));
    }
    assert!(decoded > 1000, "only {decoded} successful decodes");
}
