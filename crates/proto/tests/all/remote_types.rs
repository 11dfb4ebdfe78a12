//! REMOTE/QEMU program body types: byte-exact layouts, bounds, the procedure table, and a
//! decode → re-encode replay of every typed CALL/REPLY/MESSAGE body in the recorded traces
//! (`/work/shared/spec/traces/*.hex`, read at test time, never copied).

// Test helpers panic on malformed fixtures by design.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::path::PathBuf;

use rvirt_core::typed_param::{TypedParam, TypedValue};
use rvirt_core::{DomainRef, Uuid};
use rvirt_proto::qemu_program::*;
use rvirt_proto::remote::procs::{self, Procedure};
use rvirt_proto::remote::*;
use rvirt_xdr::{from_bytes, to_bytes, CharArray, Chars, XdrError};

const WPRTEST_UUID: [u8; 16] = [
    0x5c, 0x0b, 0x1d, 0x2e, 0x7a, 0x41, 0x4a, 0x8e, 0x9d, 0x3c, 0x2f, 0x1e, 0x0a, 0x9b, 0x8c, 0x71,
];

fn wprtest(id: i32) -> DomainRef {
    DomainRef {
        name: "wprtest".into(),
        uuid: Uuid(WPRTEST_UUID),
        id,
    }
}

fn hex(s: &str) -> Vec<u8> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

fn words(b: &[u8]) -> Vec<u32> {
    b.chunks(4)
        .map(|c| u32::from_be_bytes(c.try_into().unwrap()))
        .collect()
}

fn traces_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("RVIRT_SHARED_DIR") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    }
    .join("spec/traces");
    dir.is_dir().then_some(dir)
}

// ---------------------------------------------------------------- procedure table

#[test]
fn table_has_443_procedures_numbered_1_to_443_with_unique_names() {
    assert_eq!(PROCEDURES.len(), 443);
    assert_eq!(REMOTE_PROCEDURE_COUNT, 443);
    let mut names = HashSet::new();
    for (i, p) in PROCEDURES.iter().enumerate() {
        assert_eq!(p.number as usize, i + 1);
        assert!(names.insert(p.name), "duplicate name {}", p.name);
        assert!(
            !p.name.is_empty()
                && p.name
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        );
        assert_eq!(procedure_info(p.number), Some(p));
        assert_eq!(procedure_by_name(p.name), Some(p));
        assert_eq!(procedure_by_name(&p.full_name()), Some(p));
    }
    assert_eq!(procedure_info(0), None);
    assert_eq!(procedure_info(-1), None);
    assert_eq!(procedure_info(444), None);
    assert_eq!(procedure_info(i32::MIN), None);
    assert_eq!(procedure_by_name("NO_SUCH_PROC"), None);
}

#[test]
fn markers_match_the_table() {
    assert_eq!(procs::MARKERS.len(), 443);
    for (i, (num, name)) in procs::MARKERS.iter().enumerate() {
        assert_eq!(*num as usize, i + 1);
        assert_eq!(PROCEDURES[i].name, *name);
    }
    assert_eq!(
        procs::DomainLookupByName::NUMBER,
        REMOTE_PROC_DOMAIN_LOOKUP_BY_NAME
    );
    assert_eq!(procs::DomainLookupByName::NAME, "DOMAIN_LOOKUP_BY_NAME");
    assert_eq!(
        procs::DomainLookupByName::PROGRAM,
        rvirt_proto::REMOTE_PROGRAM
    );
    assert_eq!(procs::DomainFdAssociate::NUMBER, 443);
    assert_eq!(REMOTE_PROC_CONNECT_OPEN, 1);
    assert_eq!(REMOTE_PROC_AUTH_LIST, 66);
    assert_eq!(REMOTE_PROC_CONNECT_LIST_ALL_DOMAINS, 273);
    assert_eq!(REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE, 318);
    assert_eq!(REMOTE_PROC_DOMAIN_FD_ASSOCIATE, 443);
}

#[test]
fn table_metadata() {
    let info = |n| procedure_info(n).unwrap();
    // streams (wire-protocol.md §10.1)
    let streams: Vec<(i32, StreamDir)> = PROCEDURES
        .iter()
        .filter(|p| p.stream != StreamDir::None)
        .map(|p| (p.number, p.stream))
        .collect();
    assert_eq!(
        streams,
        vec![
            (148, StreamDir::Write),
            (201, StreamDir::Both),
            (208, StreamDir::Write),
            (209, StreamDir::Read),
            (211, StreamDir::Read),
            (215, StreamDir::Write),
            (296, StreamDir::Both),
            (304, StreamDir::Write),
        ]
    );
    let fds: Vec<i32> = PROCEDURES
        .iter()
        .filter(|p| p.fds)
        .map(|p| p.number)
        .collect();
    assert_eq!(fds, vec![249, 309, 310, 343, 443]);
    // events: 51 MESSAGE procedures, none of them writes, none has a priority
    let events: Vec<&ProcedureInfo> = PROCEDURES.iter().filter(|p| p.event).collect();
    assert_eq!(events.len(), 51);
    assert!(events.iter().all(|p| !p.writes && !p.priority));
    for n in [107, 315, 318, 339, 362, 370, 373, 376, 377, 382, 383, 438] {
        assert!(info(n).event, "{n}");
    }
    // priority column
    assert_eq!(PROCEDURES.iter().filter(|p| p.priority).count(), 184);
    for n in [1, 2, 11, 12, 23, 60, 66, 212, 273, 316, 360] {
        assert!(info(n).priority, "{n}");
    }
    for n in [7, 9, 14, 16, 27, 342] {
        assert!(!info(n).priority, "{n}");
    }
    // read-only refusal
    for n in [
        8, 9, 10, 11, 12, 27, 29, 33, 35, 54, 55, 58, 145, 160, 182, 201, 208, 209, 231, 235, 342,
        424,
    ] {
        assert!(info(n).writes, "{} should write", info(n).name);
    }
    for n in [
        1, 2, 3, 4, 6, 7, 14, 16, 19, 22, 23, 24, 60, 66, 121, 122, 150, 151, 157, 183, 187, 212,
        273, 281, 283, 316, 317, 344, 360, 361, 426,
    ] {
        assert!(!info(n).writes, "{} should be read-only safe", info(n).name);
    }
}

// ---------------------------------------------------------------- explicit layouts

#[test]
fn node_get_info_ret_is_160_bytes() {
    let ret = NodeGetInfoRet {
        model: CharArray::from_str_truncated("x86_64"),
        memory: 8_388_608,
        cpus: 4,
        mhz: 2400,
        nodes: 1,
        sockets: 1,
        cores: 2,
        threads: 2,
    };
    let b = to_bytes(&ret).unwrap();
    assert_eq!(b.len(), 160);
    let w = words(&b);
    // char model[32]: one word per character, NUL-filled
    assert_eq!(&w[..7], &[0x78, 0x38, 0x36, 0x5f, 0x36, 0x34, 0]);
    assert!(w[6..32].iter().all(|x| *x == 0));
    assert_eq!(&w[32..], &[0, 8_388_608, 4, 2400, 1, 1, 2, 2]);
    let back: NodeGetInfoRet = from_bytes(&b).unwrap();
    assert_eq!(back, ret);
    assert_eq!(back.model.to_string_lossy(), "x86_64");
}

#[test]
fn domain_get_info_ret_is_32_bytes() {
    // dominfo-running.txt: {"state":1,"maxMem":65536,"memory":65536,"nrVirtCpu":1,"cpuTime":290000000}, len=60
    let ret = DomainGetInfoRet {
        state: 1,
        max_mem: 65536,
        memory: 65536,
        nr_virt_cpu: 1,
        cpu_time: 290_000_000,
    };
    let b = to_bytes(&ret).unwrap();
    assert_eq!(b.len() + 28, 60);
    assert_eq!(
        b.as_ref(),
        hex("00000001 00000000 00010000 00000000 00010000 00000001 00000000 11490c80").as_slice()
    );
    assert_eq!(from_bytes::<DomainGetInfoRet>(&b).unwrap(), ret);
}

#[test]
fn node_get_security_model_uses_a_word_per_char() {
    // dominfo-running.txt: {"model":[110,111,110,101,0],"doi":[48,0]}, len=64
    let ret = NodeGetSecurityModelRet {
        model: Chars(b"none\0".to_vec()),
        doi: Chars(b"0\0".to_vec()),
    };
    let b = to_bytes(&ret).unwrap();
    assert_eq!(b.len() + 28, 64);
    assert_eq!(words(&b), vec![5, 110, 111, 110, 101, 0, 2, 48, 0]);
}

#[test]
fn lifecycle_event_message_matches_wire_protocol_11_2() {
    let msg = DomainEventCallbackLifecycleMsg {
        callback_id: 61,
        msg: DomainEventLifecycleMsg {
            dom: wprtest(8),
            event: 6,
            detail: 2,
        },
    };
    let expect = hex(
        "0000003d 00000007 77707274 65737400 5c0b1d2e 7a414a8e 9d3c2f1e 0a9b8c71 00000008
         00000006 00000002",
    );
    assert_eq!(to_bytes(&msg).unwrap().as_ref(), expect.as_slice());
    assert_eq!(
        from_bytes::<DomainEventCallbackLifecycleMsg>(&expect).unwrap(),
        msg
    );
}

#[test]
fn list_all_domains_reply_matches_wire_protocol_3_1() {
    let ret = ConnectListAllDomainsRet {
        domains: vec![wprtest(-1)],
        ret: 1,
    };
    let expect = hex(
        "00000001 00000007 77707274 65737400 5c0b1d2e 7a414a8e 9d3c2f1e 0a9b8c71 ffffffff 00000001",
    );
    assert_eq!(to_bytes(&ret).unwrap().as_ref(), expect.as_slice());
}

#[test]
fn optional_handles_and_strings() {
    let all = ConnectDomainEventCallbackRegisterAnyArgs {
        event_id: 0,
        dom: None,
    };
    assert_eq!(to_bytes(&all).unwrap().as_ref(), &[0u8; 8][..]);
    let one = ConnectDomainEventCallbackRegisterAnyArgs {
        event_id: 5,
        dom: Some(wprtest(3)),
    };
    let b = to_bytes(&one).unwrap();
    assert_eq!(&b[..8], &hex("00000005 00000001")[..]);
    assert_eq!(
        from_bytes::<ConnectDomainEventCallbackRegisterAnyArgs>(&b).unwrap(),
        one
    );
    // go-libvirt sends 0x01000000 as the "present" flag of CONNECT_OPEN's name (§7.4)
    let go = hex("01000000 00000001 78000000 00000000");
    let open: ConnectOpenArgs = from_bytes(&go).unwrap();
    assert_eq!(open.name.as_deref(), Some("x"));
    assert_eq!(open.flags, 0);
}

#[test]
fn typed_param_list_round_trip() {
    let params = vec![
        TypedParam::new("state.state", TypedValue::Int(1)),
        TypedParam::new("cpu.count", TypedValue::UInt(4)),
        TypedParam::new("balloon.delta", TypedValue::LLong(-5)),
        TypedParam::new("cpu.time", TypedValue::ULLong(290_000_000)),
        TypedParam::new("ratio", TypedValue::Double(0.5)),
        TypedParam::new("vcpu.0.halted", TypedValue::Boolean(true)),
        TypedParam::new("block.0.name", TypedValue::String("vda".into())),
    ];
    let ret = ConnectGetAllDomainStatsRet {
        ret_stats: vec![DomainStatsRecord {
            dom: wprtest(8),
            params: params.clone(),
        }],
    };
    let b = to_bytes(&ret).unwrap();
    let back: ConnectGetAllDomainStatsRet = from_bytes(&b).unwrap();
    assert_eq!(back, ret);

    // one parameter, byte for byte: field string, i32 discriminant, value
    let one = to_bytes(&params[0]).unwrap();
    assert_eq!(
        one.as_ref(),
        hex("0000000b 73746174 652e7374 61746500 00000001 00000001").as_slice()
    );
    // BOOLEAN is an int on the wire
    let b = to_bytes(&TypedValue::Boolean(true)).unwrap();
    assert_eq!(b.as_ref(), hex("00000006 00000001").as_slice());
    // unknown discriminant is an error, not a panic
    let bad = hex("00000001 61000000 00000009 00000000");
    assert!(matches!(
        from_bytes::<TypedParam>(&bad),
        Err(XdrError::BadDiscriminant { value: 9, .. })
    ));

    let args = DomainSetSchedulerParametersFlagsArgs {
        dom: wprtest(8),
        params: params[..2].to_vec(),
        flags: 0,
    };
    let b = to_bytes(&args).unwrap();
    assert_eq!(
        from_bytes::<DomainSetSchedulerParametersFlagsArgs>(&b).unwrap(),
        args
    );
}

#[test]
fn bounds_are_enforced_both_ways() {
    let too_many = AuthListRet {
        types: vec![AuthType::None; 21],
    };
    assert!(matches!(to_bytes(&too_many), Err(XdrError::TooLong { .. })));
    let ok = AuthListRet {
        types: vec![AuthType::Polkit],
    };
    assert_eq!(
        to_bytes(&ok).unwrap().as_ref(),
        hex("00000001 00000002").as_slice()
    );

    let cells = NodeGetCellsFreeMemoryRet {
        cells: vec![0; 1025],
    };
    assert!(to_bytes(&cells).is_err());
    // a count word over the bound is refused before anything is allocated
    assert!(matches!(
        from_bytes::<NodeGetCellsFreeMemoryRet>(&hex("00000401")),
        Err(XdrError::TooLong { .. })
    ));
    let label = DomainGetSecurityLabelRet {
        label: Chars(vec![b'a'; 4098]),
        enforcing: 0,
    };
    assert!(to_bytes(&label).is_err());
    let keys = DomainSendKeyArgs {
        dom: wprtest(1),
        codeset: 0,
        holdtime: 0,
        keycodes: vec![1; 17],
        flags: 0,
    };
    assert!(to_bytes(&keys).is_err());
    let secret = SecretSetValueArgs {
        secret: rvirt_core::SecretRef {
            uuid: Uuid([1; 16]),
            usage_type: 0,
            usage_id: String::new(),
        },
        value: vec![0; 65537],
        flags: 0,
    };
    assert!(to_bytes(&secret).is_err());
}

#[test]
fn every_procedure_survives_garbage_and_truncation() {
    let valid = to_bytes(&DomainEventCallbackLifecycleMsg {
        callback_id: 1,
        msg: DomainEventLifecycleMsg {
            dom: wprtest(1),
            event: 0,
            detail: 0,
        },
    })
    .unwrap();
    let inputs: Vec<Vec<u8>> = vec![
        vec![],
        vec![0xff; 3],
        vec![0xff; 64],
        vec![0x7f; 40],
        vec![0; 200],
        valid[..valid.len() - 1].to_vec(),
        valid.to_vec(),
    ];
    for num in 1..=443 {
        for part in [BodyPart::Args, BodyPart::Ret] {
            for input in &inputs {
                let r = reencode_body(num, part, input).expect("known procedure");
                if let Ok(out) = r {
                    // whatever decodes is canonical after one pass (padding is not checked
                    // on decode, so the first pass may differ from the input)
                    let again = reencode_body(num, part, &out)
                        .expect("known")
                        .expect("valid");
                    assert_eq!(again, out, "proc {num} {part:?}");
                    assert!(out.len() <= input.len(), "proc {num} {part:?}");
                }
            }
        }
    }
    assert!(reencode_body(0, BodyPart::Args, &[]).is_none());
    assert!(reencode_body(444, BodyPart::Ret, &[]).is_none());
}

// ---------------------------------------------------------------- QEMU program

#[test]
fn qemu_program_types() {
    assert_eq!(QEMU_PROCEDURES.len(), 7);
    for (i, p) in QEMU_PROCEDURES.iter().enumerate() {
        assert_eq!(p.number as usize, i + 1);
        assert_eq!(qemu_procedure_info(p.number), Some(p));
    }
    assert!(qemu_procedure_info(6).unwrap().event);
    assert!(qemu_procedure_info(7).unwrap().fds);
    assert_eq!(QemuDomainMonitorCommand::PROGRAM, rvirt_proto::QEMU_PROGRAM);
    assert_eq!(
        QemuDomainMonitorEvent::NUMBER,
        QEMU_PROC_DOMAIN_MONITOR_EVENT
    );

    let args = QemuDomainMonitorCommandArgs {
        dom: wprtest(8),
        cmd: r#"{"execute":"query-status"}"#.into(),
        flags: 0,
    };
    let b = to_bytes(&args).unwrap();
    assert_eq!(b.len(), 32 + 4 + 28 + 4);
    assert_eq!(
        from_bytes::<QemuDomainMonitorCommandArgs>(&b).unwrap(),
        args
    );

    let msg = QemuDomainMonitorEventMsg {
        callback_id: 3,
        dom: wprtest(8),
        event: "STOP".into(),
        seconds: 1_700_000_000,
        micros: 250,
        details: None,
    };
    let b = to_bytes(&msg).unwrap();
    let w = words(&b);
    assert_eq!(w[0], 3);
    assert_eq!(
        &w[w.len() - 6..],
        &[4, u32::from_be_bytes(*b"STOP"), 0, 1_700_000_000, 250, 0]
    );
    let again = qemu_reencode_body(6, BodyPart::Args, &b).unwrap().unwrap();
    assert_eq!(again, b);

    let reg = QemuConnectDomainMonitorEventRegisterArgs {
        dom: None,
        event: Some("STOP".into()),
        flags: 0,
    };
    assert_eq!(
        to_bytes(&reg).unwrap().as_ref(),
        hex("00000000 00000001 00000004 53544f50 00000000").as_slice()
    );
    assert!(qemu_reencode_body(8, BodyPart::Args, &[]).is_none());
    let agent = QemuDomainAgentCommandRet { result: None };
    assert_eq!(to_bytes(&agent).unwrap().as_ref(), &[0u8; 4][..]);
}

// ---------------------------------------------------------------- trace replay

#[test]
fn trace_bodies_reencode_byte_for_byte() {
    let Some(dir) = traces_dir() else {
        println!("skipping: trace directory ../shared/spec/traces not present");
        return;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "hex"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut checked = 0usize;
    let mut seen = HashSet::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let data = line.split('#').next().unwrap();
            let frame = hex(data.split_whitespace().nth(1).unwrap());
            let w = words(&frame[..28]);
            let (prog, proc_, kind, status) = (w[1], w[3] as i32, w[4], w[6]);
            assert_eq!(w[0] as usize, frame.len(), "{}: {line}", file.display());
            if status != 0 {
                continue; // errors and stream continuations are not procedure bodies
            }
            let part = match kind {
                0 | 2 => BodyPart::Args,
                1 => BodyPart::Ret,
                _ => continue,
            };
            let body = &frame[28..];
            let out = match prog {
                0x2000_8086 => reencode_body(proc_, part, body),
                0x2000_8087 => qemu_reencode_body(proc_, part, body),
                _ => continue,
            };
            let out = out
                .unwrap_or_else(|| panic!("untyped procedure {proc_}"))
                .unwrap_or_else(|e| panic!("{}: proc {proc_} {part:?}: {e}", file.display()));
            assert_eq!(
                out.as_ref(),
                body,
                "{}: proc {proc_} {part:?}",
                file.display()
            );
            checked += 1;
            seen.insert((proc_, kind));
        }
    }
    println!(
        "re-encoded {checked} trace bodies ({} distinct procedure/type pairs)",
        seen.len()
    );
    assert!(checked >= 30, "only {checked} bodies checked");
    for must in [
        (66, 1),
        (1, 0),
        (60, 0),
        (273, 1),
        (212, 1),
        (316, 1),
        (318, 2),
        (7, 1),
    ] {
        assert!(seen.contains(&must), "{must:?} not in traces");
    }
}

/// Every CALL/REPLY/MESSAGE in the decoded traces (`traces/*.txt`) has an empty body exactly
/// when our type for that body is void: cross-checks the args/ret/msg mapping of every
/// procedure seen in real traffic (953 calls).
#[test]
fn trace_body_presence_matches_void_types() {
    let Some(dir) = traces_dir() else {
        println!("skipping: trace directory ../shared/spec/traces not present");
        return;
    };
    let mut checked = 0usize;
    let mut procs_seen = HashSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for line in text.lines() {
            let f: Vec<&str> = line.split_whitespace().collect();
            if f.len() < 10 || !f[1].starts_with("conn") || f[4] != "REMOTE" {
                continue;
            }
            let part = match f[3] {
                "CALL" | "MESSAGE" => BodyPart::Args,
                "REPLY" => BodyPart::Ret,
                _ => continue,
            };
            if f[8] != "OK" {
                continue;
            }
            let num: i32 = f[5].trim_start_matches("proc=").parse().unwrap();
            let len: usize = f[9].trim_start_matches("len=").parse().unwrap();
            assert_eq!(procedure_info(num).unwrap().full_name(), f[6], "{line}");
            let void = reencode_body(num, part, &[]).unwrap().is_ok();
            assert_eq!(len == 28, void, "{}: {line}", path.display());
            checked += 1;
            procs_seen.insert(num);
        }
    }
    println!(
        "checked {checked} frames of {} procedures",
        procs_seen.len()
    );
    assert!(checked > 1000, "only {checked} frames");
}

#[test]
fn event_ids_map_to_message_procedures() {
    // wire-protocol.md §11.2
    let p = domain_event_procs(0).unwrap();
    assert_eq!((p.callback, p.legacy), (318, Some(107)));
    assert_eq!(domain_event_procs(7).unwrap().legacy, Some(224));
    assert_eq!(domain_event_procs(15).unwrap().callback, 333);
    assert_eq!(
        domain_event_procs(16).unwrap(),
        DomainEventProcs {
            callback: 339,
            legacy: None
        }
    );
    assert_eq!(domain_event_procs(26).unwrap().callback, 438);
    assert_eq!(domain_event_procs(27), None);
    assert_eq!(domain_event_procs(-1), None);
    for id in 0..DOMAIN_EVENT_ID_LAST {
        let p = domain_event_procs(id).unwrap();
        assert!(procedure_info(p.callback).unwrap().event);
        assert!(p.legacy.is_none_or(|l| procedure_info(l).unwrap().event));
    }
    assert_eq!(network_event_proc(0), Some(315));
    assert_eq!(network_event_proc(1), None);
    assert_eq!(storage_pool_event_proc(1), Some(373));
    assert_eq!(node_device_event_proc(1), Some(377));
    assert_eq!(secret_event_proc(1), Some(383));
    assert_eq!(secret_event_proc(2), None);
}
