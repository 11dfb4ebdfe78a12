//! Hand-encoded XDR pieces of request bodies, and the error-shape assertion.

use rvirt_proto::RemoteError;

/// Big-endian 32-bit words.
pub fn be(words: &[u32]) -> Vec<u8> {
    words.iter().flat_map(|w| w.to_be_bytes()).collect()
}

/// An XDR string: length, bytes, padding to four.
pub fn xdr_string(s: &str) -> Vec<u8> {
    let mut v = (s.len() as u32).to_be_bytes().to_vec();
    v.extend_from_slice(s.as_bytes());
    while !v.len().is_multiple_of(4) {
        v.push(0);
    }
    v
}

/// CONNECT_OPEN's arguments: a present `name` and `flags`.
pub fn open_args(uri: &str, flags: u32) -> Vec<u8> {
    let mut v = be(&[1]);
    v.extend(xdr_string(uri));
    v.extend(be(&[flags]));
    v
}

pub fn assert_rpc_error(e: &RemoteError, code: i32, domain: i32, msg: &str) {
    assert_eq!((e.code, e.domain, e.level), (code, domain, 2), "{e:?}");
    assert_eq!(e.message.as_deref(), Some(msg));
}
