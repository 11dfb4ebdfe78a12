//! Perf events, the compression cache, launch security and a push backup through stock
//! virsh against `rvirtd --root` with the real test guest: the remote driver, the daemon's
//! dispatch and the QEMU driver end to end.

use crate::rvirtd::{virsh_at as virsh, virsh_ok as ok};
use crate::virsh_guest::define_qcow2_guest;
use std::process::Command;
use std::time::{Duration, Instant};

#[test]
fn virsh_perf_compcache_backup() {
    let Some(g) = define_qcow2_guest("bv", "16M") else {
        return;
    };
    let (d, uri, disk) = (&g.daemon, g.uri.as_str(), &g.disk);
    assert_eq!(
        ok(uri, &["perf", "bv", "--enable", "cmt", "--config"]),
        "cmt            : enabled\n\n"
    );
    g.start();
    let perf = ok(uri, &["perf", "bv"]);
    assert!(
        perf.starts_with("cmt            : enabled\nmbmt           : disabled\n"),
        "{perf}"
    );
    assert_eq!(
        perf.lines().filter(|l| l.contains(": ")).count(),
        22,
        "{perf}"
    );
    let (good, out) = virsh(uri, &["perf", "bv", "--enable", "nope"]);
    assert!(!good);
    assert!(
        out.contains("argument unsupported: parameter 'nope' not supported"),
        "{out}"
    );

    assert_eq!(
        ok(uri, &["migrate-compcache", "bv", "--size", "33554432"]),
        "Compression cache: 32.000 MiB\n"
    );
    assert_eq!(ok(uri, &["domlaunchsecinfo", "bv"]), "\n");
    let (good, out) = virsh(uri, &["nodesevinfo"]);
    assert!(!good);
    assert!(out.contains("QEMU does not support SEV guest"), "{out}");

    let target = d.root().join("vdisk.backup");
    let bx = d.root().join("backup.xml");
    std::fs::write(
        &bx,
        format!(
            "<domainbackup><disks><disk name='vda' type='file'><driver type='raw'/>\
             <target file='{}'/></disk></disks></domainbackup>",
            target.display()
        ),
    )
    .unwrap();
    assert_eq!(
        ok(uri, &["backup-begin", "bv", bx.to_str().unwrap()]),
        "Backup started\n\n"
    );
    let t = Instant::now();
    loop {
        let (running, out) = virsh(uri, &["backup-dumpxml", "bv"]);
        if !running {
            assert!(out.contains("no domain backup job present"), "{out}");
            break;
        }
        assert!(out.contains("<domainbackup mode='push'>"), "{out}");
        assert!(
            t.elapsed() < Duration::from_secs(60),
            "backup never finished"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let info = ok(uri, &["domjobinfo", "bv", "--completed"]);
    assert!(info.contains("Backup"), "{info}");
    let cmp = Command::new("qemu-img")
        .args(["compare", "-U", "-f", "qcow2", "-F", "raw"])
        .arg(disk)
        .arg(&target)
        .output()
        .unwrap();
    assert!(
        cmp.status.success(),
        "{}{}",
        String::from_utf8_lossy(&cmp.stdout),
        String::from_utf8_lossy(&cmp.stderr)
    );
    ok(uri, &["destroy", "bv"]);
    ok(uri, &["undefine", "bv"]);
}
