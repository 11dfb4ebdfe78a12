//! Byte-exact checks against frames quoted in wire-protocol.md.

use rvirt_xdr::{from_bytes, to_bytes, CharArray, Chars, Decode, Encode, XdrError};

use crate::derived::*;

fn hex(s: &str) -> Vec<u8> {
    let s: String = s.chars().filter(|c| c.is_ascii_hexdigit()).collect();
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

fn enc<T: Encode>(v: &T) -> Vec<u8> {
    to_bytes(v)
        .map(|b| b.to_vec())
        .unwrap_or_else(|e| panic!("encode: {e}"))
}

fn dec<T: Decode>(b: &[u8]) -> T {
    from_bytes(b).unwrap_or_else(|e| panic!("decode: {e}"))
}

const UUID: [u8; 16] = [
    0x5c, 0x0b, 0x1d, 0x2e, 0x7a, 0x41, 0x4a, 0x8e, 0x9d, 0x3c, 0x2f, 0x1e, 0x0a, 0x9b, 0x8c, 0x71,
];

#[test]
fn connect_list_all_domains_reply_body() {
    // wire-protocol.md §3.1, body after the 28-byte header
    let body = hex(
        "00000001 00000007 77707274 65737400 5c0b1d2e 7a414a8e 9d3c2f1e 0a9b8c71 ffffffff 00000001",
    );
    let ret = ListAllDomainsRet {
        domains: vec![NonnullDomain {
            name: "wprtest".into(),
            uuid: UUID,
            id: -1,
        }],
        ret: 1,
    };
    assert_eq!(enc(&ret), body);
    assert_eq!(dec::<ListAllDomainsRet>(&body), ret);
    assert_eq!(body.len() + 28, 0x44);
}

#[test]
fn domain_event_lifecycle_body() {
    // wire-protocol.md §11.2: callbackID, dom, event, detail
    #[derive(rvirt_xdr::Xdr, Debug, PartialEq)]
    struct LifecycleMsg {
        callback_id: i32,
        dom: NonnullDomain,
        event: i32,
        detail: i32,
    }
    let body = hex("0000003d 00000007 77707274 65737400 5c0b1d2e 7a414a8e 9d3c2f1e 0a9b8c71 00000008 00000006 00000002");
    let msg = LifecycleMsg {
        callback_id: 61,
        dom: NonnullDomain {
            name: "wprtest".into(),
            uuid: UUID,
            id: 8,
        },
        event: 6,
        detail: 2,
    };
    assert_eq!(dec::<LifecycleMsg>(&body), msg);
    assert_eq!(enc(&msg), body);
}

#[test]
fn node_get_info_ret_is_160_bytes() {
    let ret = NodeGetInfoRet {
        model: CharArray::from_str_truncated("x86_64"),
        memory: 16_000_000,
        cpus: 8,
        mhz: 2600,
        nodes: 1,
        sockets: 1,
        cores: 4,
        threads: 2,
    };
    let b = enc(&ret);
    assert_eq!(b.len(), 160);
    assert_eq!(&b[..8], &[0, 0, 0, b'x', 0, 0, 0, b'8']);
    assert_eq!(dec::<NodeGetInfoRet>(&b), ret);
}

#[test]
fn domain_get_info_ret_is_32_bytes() {
    let ret = DomainGetInfoRet {
        state: 1,
        max_mem: 1 << 20,
        memory: 1 << 19,
        nr_virt_cpu: 2,
        cpu_time: 99,
    };
    let b = enc(&ret);
    assert_eq!(b.len(), 32);
    assert_eq!(&b[..4], &[0, 0, 0, 1]);
    assert_eq!(&b[20..24], &[0, 0, 0, 2]);
    assert_eq!(dec::<DomainGetInfoRet>(&b), ret);
}

#[test]
fn security_model_ret_is_36_bytes() {
    let ret = SecurityModelRet {
        model: Chars(b"none\0".to_vec()),
        doi: Chars(b"0\0".to_vec()),
    };
    let b = enc(&ret);
    assert_eq!(b.len(), 36);
    assert_eq!(dec::<SecurityModelRet>(&b), ret);
}

#[test]
fn typed_param_int() {
    // {"field":"state.state","value":{"type":1,"i":1}}
    let p = TypedParam {
        field: "state.state".into(),
        value: TypedParamValue::Int(1),
    };
    let b = enc(&p);
    assert_eq!(
        b,
        hex("0000000b 73746174 652e7374 61746500 00000001 00000001")
    );
    assert_eq!(dec::<TypedParam>(&b), p);
    let s = TypedParam {
        field: "a".into(),
        value: TypedParamValue::String("xy".into()),
    };
    assert_eq!(enc(&s), hex("00000001 61000000 00000007 00000002 78790000"));
    let d = TypedParam {
        field: "a".into(),
        value: TypedParamValue::Double(1.5),
    };
    assert_eq!(enc(&d), hex("00000001 61000000 00000005 3ff80000 00000000"));
}

#[test]
fn union_unknown_discriminant() {
    let b = hex("00000001 61000000 00000009 00000000");
    assert_eq!(
        from_bytes::<TypedParam>(&b),
        Err(XdrError::BadDiscriminant {
            offset: 8,
            value: 9,
            type_name: "TypedParamValue"
        })
    );
    assert_eq!(dec::<Status>(&hex("0000002a")), Status::Other(42));
    assert_eq!(enc(&Status::Other(-3)), hex("fffffffd"));
    assert_eq!(enc(&Status::Ok), hex("00000000"));
    assert_eq!(enc(&Status::Error(None)), hex("00000001 00000000"));
}

#[test]
fn xdr_enums() {
    assert_eq!(enc(&Lifecycle::Started), hex("00000002"));
    assert_eq!(enc(&Lifecycle::Stopped), hex("00000005"));
    assert_eq!(dec::<Lifecycle>(&hex("00000001")), Lifecycle::Undefined);
    assert_eq!(
        from_bytes::<Lifecycle>(&hex("00000003")),
        Err(XdrError::BadDiscriminant {
            offset: 0,
            value: 3,
            type_name: "Lifecycle"
        })
    );
    assert_eq!(enc(&Event::Shutdown), hex("00000006"));
    assert_eq!(dec::<Event>(&hex("00000002")), Event::Started);
}

#[test]
fn field_bounds_enforced() {
    let too_long = Status::Error(Some("123456789".into()));
    assert!(matches!(
        to_bytes(&too_long),
        Err(XdrError::TooLong { len: 9, max: 8, .. })
    ));
    let b = hex("00000001 00000001 00000009 31323334 35363738 39000000");
    assert!(matches!(
        from_bytes::<Status>(&b),
        Err(XdrError::TooLong {
            offset: 8,
            len: 9,
            max: 8
        })
    ));
    let many = hex("00004001 00000000");
    assert!(matches!(
        from_bytes::<ListAllDomainsRet>(&many),
        Err(XdrError::TooLong {
            len: 16385,
            max: 16384,
            ..
        })
    ));
    let blob = Blob(1, rvirt_xdr::Opaque(vec![0; 65]));
    assert!(to_bytes(&blob).is_err());
}

#[test]
fn trailing_bytes_ignored_and_truncation_is_eof() {
    let body = hex("00000000 00000007 deadbeef");
    assert_eq!(
        dec::<ListAllDomainsRet>(&body),
        ListAllDomainsRet {
            domains: vec![],
            ret: 7
        }
    );
    assert_eq!(
        from_bytes::<ListAllDomainsRet>(&body[..6]),
        Err(XdrError::UnexpectedEof { offset: 4 })
    );
}

#[test]
fn void_and_min_sizes() {
    assert!(enc(&Void).is_empty());
    assert_eq!(<Void as Decode>::XDR_MIN_SIZE, 0);
    assert_eq!(<NonnullDomain as Decode>::XDR_MIN_SIZE, 24);
    assert_eq!(<NodeGetInfoRet as Decode>::XDR_MIN_SIZE, 160);
}
