//! SCRAM-SHA-256 primitives (RFC 5802 §3, RFC 7677): keys, proofs and message attributes.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use super::{err, SaslError};

/// Length of SHA-256 outputs, and so of every SCRAM key.
pub const KEY_LEN: usize = 32;
pub type Key = [u8; KEY_LEN];

/// `HMAC(key, msg)` with SHA-256.
pub fn hmac(key: &[u8], msg: &[u8]) -> Key {
    // HMAC accepts keys of any length, so `new_from_slice` cannot fail.
    let mut out = [0u8; KEY_LEN];
    if let Ok(mut m) = Hmac::<Sha256>::new_from_slice(key) {
        m.update(msg);
        out.copy_from_slice(&m.finalize().into_bytes());
    }
    out
}

/// `H(msg)`: SHA-256.
pub fn h(msg: &[u8]) -> Key {
    let mut out = [0u8; KEY_LEN];
    out.copy_from_slice(&Sha256::digest(msg));
    out
}

/// `SaltedPassword := Hi(password, salt, i)` (PBKDF2-HMAC-SHA-256).
pub fn salted_password(password: &[u8], salt: &[u8], iterations: u32) -> Key {
    let mut out = [0u8; KEY_LEN];
    pbkdf2::pbkdf2_hmac::<Sha256>(password, salt, iterations, &mut out);
    out
}

/// `ClientKey := HMAC(SaltedPassword, "Client Key")`.
pub fn client_key(salted: &Key) -> Key {
    hmac(salted, b"Client Key")
}

/// `ServerKey := HMAC(SaltedPassword, "Server Key")`.
pub fn server_key(salted: &Key) -> Key {
    hmac(salted, b"Server Key")
}

pub fn xor(a: &Key, b: &Key) -> Key {
    let mut out = [0u8; KEY_LEN];
    for (o, (x, y)) in out.iter_mut().zip(a.iter().zip(b.iter())) {
        *o = x ^ y;
    }
    out
}

/// Constant-time comparison of two keys.
pub fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A fresh printable nonce (base64 of 18 random bytes: no `,`).
pub fn nonce() -> String {
    let bytes: [u8; 18] = rand::random();
    super::b64::encode(&bytes)
}

/// `saslname` encoding of a user name: `=` → `=3D`, `,` → `=2C`.
pub fn encode_name(name: &str) -> String {
    name.replace('=', "=3D").replace(',', "=2C")
}

/// Reverses [`encode_name`]; any other `=` escape is an error.
pub fn decode_name(s: &str) -> Result<String, SaslError> {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('=') {
        out.push_str(&rest[..i]);
        match rest.get(i..i + 3) {
            Some("=3D") => out.push('='),
            Some("=2C") => out.push(','),
            _ => return err("invalid escape in SCRAM user name"),
        }
        rest = &rest[i + 3..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Splits `a=1,b=2` into (letter, value) pairs; every attribute must be `x=...`.
pub fn attributes(msg: &str) -> Result<Vec<(char, &str)>, SaslError> {
    msg.split(',')
        .map(|part| {
            let mut cs = part.chars();
            match (cs.next(), cs.next()) {
                (Some(c), Some('=')) if c.is_ascii_alphabetic() => Ok((c, &part[2..])),
                _ => err(format!("malformed SCRAM attribute '{part}'")),
            }
        })
        .collect()
}

/// Looks up one attribute.
pub fn attr<'a>(attrs: &[(char, &'a str)], c: char) -> Option<&'a str> {
    attrs.iter().find(|(k, _)| *k == c).map(|(_, v)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sasl::b64;

    /// RFC 7677 §3's example exchange (user "user", password "pencil").
    #[test]
    fn rfc7677_example_keys() {
        let salt = b64::decode("W22ZaJ0SNY7soEsUEjb6gQ==").unwrap();
        let salted = salted_password(b"pencil", &salt, 4096);
        let auth = "n=user,r=rOprNGfwEbeRWgbNEkqO,\
            r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,\
            c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
        let ck = client_key(&salted);
        let proof = xor(&ck, &hmac(&h(&ck), auth.as_bytes()));
        assert_eq!(
            b64::encode(&proof),
            "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="
        );
        let sig = hmac(&server_key(&salted), auth.as_bytes());
        assert_eq!(
            b64::encode(&sig),
            "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="
        );
    }

    #[test]
    fn names_and_attributes() {
        assert_eq!(encode_name("a=b,c"), "a=3Db=2Cc");
        assert_eq!(decode_name("a=3Db=2Cc").unwrap(), "a=b,c");
        assert!(decode_name("a=4").is_err());
        let a = attributes("r=abc,s=xy==,i=4096").unwrap();
        assert_eq!(attr(&a, 's'), Some("xy=="));
        assert_eq!(attr(&a, 'i'), Some("4096"));
        assert!(attributes("bogus").is_err());
        assert!(!nonce().contains(','));
    }
}
