//! The `UUID.aes256cbc` value format of libvirt ≥ 12.1 (`virSecretObjSaveData`): the file
//! holds standard base64 of `IV (16 random bytes) || AES-256-CBC(value, PKCS#7 padding)`.

use super::base64;
use super::key::{random_bytes, SecretKey};
use aes::cipher::block_padding::Pkcs7;
use aes::cipher::{BlockDecryptMut, BlockEncryptMut, KeyIvInit};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

const DOM: ErrorDomain = ErrorDomain::Secret;
/// Length of the CBC initialisation vector stored in front of the ciphertext.
pub const IV_LEN: usize = 16;
const BLOCK: usize = 16;

type Enc = cbc::Encryptor<aes::Aes256>;
type Dec = cbc::Decryptor<aes::Aes256>;

fn invalid(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::InvalidSecret, DOM, detail)
}

/// Encrypts `value` with a fresh random IV and returns the file contents (base64 text).
pub fn seal(key: &SecretKey, value: &[u8]) -> VirResult<String> {
    let mut iv = [0u8; IV_LEN];
    random_bytes(&mut iv)?;
    Ok(seal_with_iv(key, &iv, value))
}

/// [`seal`] with a caller-chosen IV (deterministic; for tests and known-answer checks).
pub fn seal_with_iv(key: &SecretKey, iv: &[u8; IV_LEN], value: &[u8]) -> String {
    let ct = Enc::new(key.bytes().into(), iv.into()).encrypt_padded_vec_mut::<Pkcs7>(value);
    let mut raw = Vec::with_capacity(IV_LEN + ct.len());
    raw.extend_from_slice(iv);
    raw.extend_from_slice(&ct);
    base64::encode(&raw)
}

/// Decrypts the contents of a `UUID.aes256cbc` file. A wrong key is detected by the padding
/// check (CBC carries no authentication tag, so, as in libvirt, about 1 in 256 wrong keys
/// yields garbage instead of an error).
pub fn open(key: &SecretKey, text: &str) -> VirResult<Vec<u8>> {
    let mut raw = base64::decode_lenient(text)
        .ok_or_else(|| invalid("encrypted secret value is not valid base64"))?;
    let result = if raw.len() < IV_LEN + BLOCK || !(raw.len() - IV_LEN).is_multiple_of(BLOCK) {
        Err(invalid(format!(
            "Encrypted secret size '{}' is invalid",
            raw.len()
        )))
    } else {
        let (iv, ct) = raw.split_at(IV_LEN);
        Dec::new(key.bytes().into(), iv.into())
            .decrypt_padded_vec_mut::<Pkcs7>(ct)
            .map_err(|_| {
                invalid("cannot decrypt secret value: wrong encryption key or corrupt file")
            })
    };
    raw.fill(0);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(b: u8) -> SecretKey {
        SecretKey::from_bytes(&[b; 32]).unwrap()
    }

    #[test]
    fn round_trips_and_pads_like_libvirt() {
        let k = key(7);
        for len in [0usize, 1, 15, 16, 17, 100] {
            let v: Vec<u8> = (0..len as u8).collect();
            let text = seal(&k, &v).unwrap();
            let raw = base64::decode_lenient(&text).unwrap();
            // always at least one byte of padding: round_up(len + 1, 16)
            assert_eq!(raw.len(), IV_LEN + (len + 1).div_ceil(16) * 16);
            assert_eq!(open(&k, &text).unwrap(), v);
        }
        // fresh IV every time
        assert_ne!(seal(&k, b"x").unwrap(), seal(&k, b"x").unwrap());
    }

    #[test]
    fn known_answer_aes256_cbc() {
        // NIST SP 800-38A F.2.5 CBC-AES256.Encrypt, first block (padding block follows).
        let k = SecretKey::from_bytes(&[
            0x60, 0x3d, 0xeb, 0x10, 0x15, 0xca, 0x71, 0xbe, 0x2b, 0x73, 0xae, 0xf0, 0x85, 0x7d,
            0x77, 0x81, 0x1f, 0x35, 0x2c, 0x07, 0x3b, 0x61, 0x08, 0xd7, 0x2d, 0x98, 0x10, 0xa3,
            0x09, 0x14, 0xdf, 0xf4,
        ])
        .unwrap();
        let iv: [u8; 16] = core::array::from_fn(|i| i as u8);
        let pt = [
            0x6b, 0xc1, 0xbe, 0xe2, 0x2e, 0x40, 0x9f, 0x96, 0xe9, 0x3d, 0x7e, 0x11, 0x73, 0x93,
            0x17, 0x2a,
        ];
        let raw = base64::decode_lenient(&seal_with_iv(&k, &iv, &pt)).unwrap();
        assert_eq!(
            &raw[16..32],
            &[
                0xf5, 0x8c, 0x4c, 0x04, 0xd6, 0xe5, 0xf1, 0xba, 0x77, 0x9e, 0xab, 0xfb, 0x5f, 0x7b,
                0xfb, 0xd6
            ]
        );
    }

    #[test]
    fn wrong_key_and_corruption_are_errors() {
        let text = seal_with_iv(&key(1), &[9; 16], b"top secret");
        let e = open(&key(2), &text).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidSecret);
        assert_eq!(
            e.message,
            "Invalid secret: cannot decrypt secret value: wrong encryption key or corrupt file"
        );
        assert!(open(&key(1), "%%%").is_err());
        let e = open(&key(1), &base64::encode(&[0; 20])).unwrap_err();
        assert_eq!(
            e.message,
            "Invalid secret: Encrypted secret size '20' is invalid"
        );
        assert!(open(&key(1), &base64::encode(&[0; 8])).is_err());
    }
}
