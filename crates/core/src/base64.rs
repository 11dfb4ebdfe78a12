//! Standard base64 (RFC 4648 §4, padded): secret values on the wire and at rest, SCRAM
//! attributes. One implementation for every crate.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Encodes bytes as padded base64.
pub fn encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn value(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u32)
}

/// Decodes padded base64 exactly (no whitespace); `None` on any malformed input.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    decode_bytes(text.as_bytes())
}

/// Decodes padded base64 ignoring ASCII whitespace (line-wrapped files); `None` on any
/// other malformed input.
pub fn decode_lenient(text: &str) -> Option<Vec<u8>> {
    let chars: Vec<u8> = text.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    decode_bytes(&chars)
}

fn decode_bytes(chars: &[u8]) -> Option<Vec<u8>> {
    if !chars.len().is_multiple_of(4) {
        return None;
    }
    let groups = chars.len() / 4;
    let mut out = Vec::with_capacity(groups * 3);
    for (i, quad) in chars.chunks(4).enumerate() {
        let pad = quad.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && i + 1 != groups) {
            return None;
        }
        let mut n = 0u32;
        for &c in &quad[..4 - pad] {
            n = (n << 6) | value(c)?;
        }
        n <<= 6 * pad as u32;
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4648_vectors() {
        for (plain, enc) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain.as_bytes()), enc);
            assert_eq!(decode(enc).as_deref(), Some(plain.as_bytes()));
        }
        assert_eq!(decode("Zm9v!"), None);
        assert_eq!(decode("Zm9"), None);
        assert_eq!(decode("Z=9v"), None);
        assert_eq!(decode("Zg==Zg=="), None);
        assert_eq!(decode("Zm9v\n"), None);
        assert_eq!(decode_lenient("Zm9v\n").as_deref(), Some(&b"foo"[..]));
    }
}
