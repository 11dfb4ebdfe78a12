//! Typed calls over the raw client: encode the arguments, decode the reply or error.

use super::{xdr_string, Daemon, Raw};
use rvirt_core::handle::DomainRef;
use rvirt_proto::remote::DomainLookupByNameRet;
use rvirt_proto::RemoteError;

/// A call that must succeed, its reply decoded.
pub fn ok_ret<A: rvirt_xdr::Encode, R: rvirt_xdr::Decode>(c: &mut Raw, p: i32, a: &A) -> R {
    let body = c.ok(p, rvirt_xdr::to_bytes(a).unwrap().to_vec());
    rvirt_xdr::from_bytes(&body).unwrap()
}

/// A call that must fail: its error.
pub fn err_of<A: rvirt_xdr::Encode>(c: &mut Raw, p: i32, a: &A) -> RemoteError {
    c.err(p, rvirt_xdr::to_bytes(a).unwrap().to_vec())
}

/// A client of `d` after virsh's handshake on `test:///default`, with the `test` domain.
pub fn open_test_domain(d: &Daemon) -> (Raw, DomainRef) {
    let mut c = d.client();
    c.handshake("test:///default");
    let r: DomainLookupByNameRet = rvirt_xdr::from_bytes(&c.ok(23, xdr_string("test"))).unwrap();
    (c, r.dom)
}
