//! Domain checkpoint procedures (411–417): stock virsh through rvirtd against virsh on
//! libvirt's in-process test driver, raw-frame reply shapes, and read-only refusals.

use super::*;
use rvirt_core::handle::DomainRef;
use rvirt_proto::remote::*;

type Run = (String, String, Option<i32>);

/// Replaces clock-derived values (creation times, dates) so two runs compare.
fn normalise(s: &str) -> String {
    let mut out = String::new();
    let mut digits = String::new();
    for ch in s.chars().chain(std::iter::once('\u{0}')) {
        if ch.is_ascii_digit() {
            digits.push(ch);
            continue;
        }
        if digits.len() >= 9 {
            out.push('N');
        } else {
            out.push_str(&digits);
        }
        digits.clear();
        if ch != '\u{0}' {
            out.push(ch);
        }
    }
    // "YYYY-MM-DD HH:MM:SS" as printed by checkpoint-list
    let mut res = String::new();
    let b: Vec<char> = out.chars().collect();
    let mut i = 0;
    while i < b.len() {
        let is_date = i + 19 <= b.len()
            && b[i..i + 19].iter().enumerate().all(|(k, c)| match k {
                4 | 7 => *c == '-',
                10 => *c == ' ',
                13 | 16 => *c == ':',
                _ => c.is_ascii_digit(),
            });
        if is_date {
            res.push_str("DATE");
            i += 19;
        } else {
            res.push(b[i]);
            i += 1;
        }
    }
    res
}

fn both(uri: &str, script: &str) -> (Run, Run) {
    let n = |r: Run| (normalise(&r.0), normalise(&r.1), r.2);
    (n(virsh(ORACLE, &[script])), n(virsh(uri, &[script])))
}

#[test]
fn stock_virsh_checkpoint_commands_match_the_test_driver() {
    let Some(d) = daemon_for_virsh() else {
        return;
    };
    let script = "checkpoint-create-as test c1 --description hello; \
        checkpoint-create-as test c2; checkpoint-create-as test c3 vda,bitmap=b3; \
        checkpoint-create-as test c1; checkpoint-list test; checkpoint-list test --parent; \
        checkpoint-list test --tree; checkpoint-list test --roots; checkpoint-list test --leaves; \
        checkpoint-list test --no-leaves --name; checkpoint-list test --topological --name; \
        checkpoint-list test --from c1 --descendants; checkpoint-info test c2; \
        checkpoint-parent test c2; checkpoint-parent test c1; checkpoint-dumpxml test c2; \
        checkpoint-dumpxml test c3 --no-domain --security-info; checkpoint-dumpxml test nosuch; \
        list --with-checkpoint; snapshot-create-as test s1; \
        checkpoint-delete test c1 --children --children-only; checkpoint-delete test c2; \
        checkpoint-list test --parent; checkpoint-delete test c1 --children-only; \
        checkpoint-list test --tree; checkpoint-delete test c1 --metadata; checkpoint-list test; \
        destroy test; checkpoint-create-as test c9; start test";
    let (want, got) = both(&d.test_uri(), script);
    assert_eq!(got, want);
    assert!(want.0.contains("Domain checkpoint c3 created"), "{want:?}");
}

#[test]
fn stock_virsh_redefine_matches_the_test_driver() {
    let Some(d) = daemon_for_virsh() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("r.xml");
    std::fs::write(
        &file,
        "<domaincheckpoint><name>r1</name><creationTime>1000</creationTime>\
         <disks><disk name='vda' checkpoint='no'/></disks></domaincheckpoint>",
    )
    .unwrap();
    let f = file.display();
    let script = format!(
        "checkpoint-create test {f} --redefine; checkpoint-create test {f} --redefine --quiesce; \
         checkpoint-create test --redefine; checkpoint-create-as test c2; \
         checkpoint-list test --parent; checkpoint-dumpxml test r1; checkpoint-delete test r1 --children"
    );
    let (want, got) = both(&d.test_uri(), &script);
    assert_eq!(got, want);
}

fn open(d: &Daemon, sock: Option<&std::path::Path>) -> (Raw, DomainRef) {
    let mut c = match sock {
        Some(s) => Raw::connect(s),
        None => d.client(),
    };
    c.handshake("test:///default");
    let r: DomainLookupByNameRet = rvirt_xdr::from_bytes(&c.ok(23, xdr_string("test"))).unwrap();
    (c, r.dom)
}

#[test]
fn procedures_round_trip_on_raw_frames() {
    let d = Daemon::start();
    let (mut c, dom) = open(&d, None);
    let created: DomainCheckpointCreateXmlRet = ok_ret(
        &mut c,
        411,
        &DomainCheckpointCreateXmlArgs {
            dom: dom.clone(),
            xml_desc: "<domaincheckpoint><name>c1</name></domaincheckpoint>".into(),
            flags: 0,
        },
    );
    assert_eq!(created.checkpoint.name, "c1");
    assert_eq!(created.checkpoint.dom.name, "test");
    let c2: DomainCheckpointCreateXmlRet = ok_ret(
        &mut c,
        411,
        &DomainCheckpointCreateXmlArgs {
            dom: dom.clone(),
            xml_desc: "<domaincheckpoint><name>c2</name></domaincheckpoint>".into(),
            flags: 0,
        },
    );
    let xml: DomainCheckpointGetXmlDescRet = ok_ret(
        &mut c,
        412,
        &DomainCheckpointGetXmlDescArgs {
            checkpoint: c2.checkpoint.clone(),
            flags: 2,
        },
    );
    assert!(
        xml.xml.contains("<parent>\n    <name>c1</name>"),
        "{}",
        xml.xml
    );
    // need_results = 0 returns only the count
    let count: DomainListAllCheckpointsRet = ok_ret(
        &mut c,
        413,
        &DomainListAllCheckpointsArgs {
            dom: dom.clone(),
            need_results: 0,
            flags: 0,
        },
    );
    assert_eq!((count.checkpoints.len(), count.ret), (0, 2));
    let roots: DomainListAllCheckpointsRet = ok_ret(
        &mut c,
        413,
        &DomainListAllCheckpointsArgs {
            dom: dom.clone(),
            need_results: 1,
            flags: 1,
        },
    );
    assert_eq!(roots.ret, 1);
    assert_eq!(roots.checkpoints[0].name, "c1");
    let kids: DomainCheckpointListAllChildrenRet = ok_ret(
        &mut c,
        414,
        &DomainCheckpointListAllChildrenArgs {
            checkpoint: roots.checkpoints[0].clone(),
            need_results: 1,
            flags: 0,
        },
    );
    assert_eq!(kids.checkpoints, vec![c2.checkpoint.clone()]);
    let found: DomainCheckpointLookupByNameRet = ok_ret(
        &mut c,
        415,
        &DomainCheckpointLookupByNameArgs {
            dom: dom.clone(),
            name: "c2".into(),
            flags: 0,
        },
    );
    assert_eq!(found.checkpoint, c2.checkpoint);
    let parent: DomainCheckpointGetParentRet = ok_ret(
        &mut c,
        416,
        &DomainCheckpointGetParentArgs {
            checkpoint: c2.checkpoint.clone(),
            flags: 0,
        },
    );
    assert_eq!(parent.parent.name, "c1");
    let e = c.err(
        416,
        rvirt_xdr::to_bytes(&DomainCheckpointGetParentArgs {
            checkpoint: parent.parent.clone(),
            flags: 0,
        })
        .unwrap()
        .to_vec(),
    );
    assert_rpc_error(
        &e,
        103,
        12,
        "Domain checkpoint not found: checkpoint 'c1' does not have a parent",
    );
    // read-only socket: reads pass, writes and SECURE dumps are refused
    let (mut ro, rodom) = open(&d, Some(&d.sock_ro()));
    let listed: DomainListAllCheckpointsRet = ok_ret(
        &mut ro,
        413,
        &DomainListAllCheckpointsArgs {
            dom: rodom.clone(),
            need_results: 1,
            flags: 0,
        },
    );
    assert_eq!(listed.ret, 2);
    let e = ro.err(
        417,
        rvirt_xdr::to_bytes(&DomainCheckpointDeleteArgs {
            checkpoint: c2.checkpoint.clone(),
            flags: 0,
        })
        .unwrap()
        .to_vec(),
    );
    // libvirt reports this from VIR_FROM_DOMAIN_CHECKPOINT (69); the daemon's shared
    // read-only check uses VIR_FROM_DOMAIN, so only code and text are pinned here.
    assert_eq!(e.code, 29);
    assert_eq!(
        e.message.as_deref(),
        Some("operation forbidden: read only access prevents virDomainCheckpointDelete")
    );
    let e = ro.err(
        412,
        rvirt_xdr::to_bytes(&DomainCheckpointGetXmlDescArgs {
            checkpoint: c2.checkpoint.clone(),
            flags: 1,
        })
        .unwrap()
        .to_vec(),
    );
    assert_rpc_error(
        &e,
        29,
        69,
        "operation forbidden: virDomainCheckpointGetXMLDesc with secure flag",
    );
    // delete with CHILDREN clears the tree
    c.ok(
        417,
        rvirt_xdr::to_bytes(&DomainCheckpointDeleteArgs {
            checkpoint: parent.parent,
            flags: 1,
        })
        .unwrap()
        .to_vec(),
    );
    let after: DomainListAllCheckpointsRet = ok_ret(
        &mut c,
        413,
        &DomainListAllCheckpointsArgs {
            dom,
            need_results: 1,
            flags: 0,
        },
    );
    assert_eq!(after.ret, 0);
}
