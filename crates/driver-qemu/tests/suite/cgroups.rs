//! Resource control through cgroups with stock virsh against rvirtd: the guest's group
//! `machine/qemu-embed-TAG-ID-NAME.libvirt-qemu`, schedinfo / memtune / blkiotune applied
//! live (read back from the cgroup files) and persisted, and the tunable event.

use crate::common::{guest_xml, stock_virsh_guest, PidGuard};
use crate::rvirtd::{qemu_pids, virsh_at as virsh, virsh_ok as ok};
use rvirt_driver_qemu::cgroup::{machine_group, placement, root_tag};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// The v1 directory of `group` in `controller`, as rvirtd (our child) places it.
fn v1_dir(controller: &str, group: &str) -> PathBuf {
    let me = std::fs::read_to_string("/proc/self/cgroup").unwrap();
    Path::new("/sys/fs/cgroup")
        .join(controller)
        .join(placement(&me, Some(controller)))
        .join(group)
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p)
        .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        .trim()
        .to_string()
}

#[test]
fn virsh_schedinfo_memtune_blkiotune_through_cgroup_v1() {
    if !Path::new("/sys/fs/cgroup/cpu/cpu.shares").exists()
        || !Path::new("/sys/fs/cgroup/memory/memory.limit_in_bytes").exists()
    {
        eprintln!("skipping: no cgroup v1 cpu/memory controllers");
        return;
    }
    let Some(guest) = stock_virsh_guest() else {
        return;
    };
    let d = rvirt_testkit::TestDaemon::start();
    let _pids = PidGuard::default();
    let uri = d.uri("qemu:///system");
    let xml = guest_xml("cg", &guest).replace(
        "<vcpu>1</vcpu>",
        "<vcpu>1</vcpu><cputune><shares>2048</shares></cputune>\
         <memtune><hard_limit unit='KiB'>1048576</hard_limit></memtune>",
    );
    let xf = d.root().join("cg.xml");
    std::fs::write(&xf, xml).unwrap();
    ok(&uri, &["define", xf.to_str().unwrap()]);
    ok(&uri, &["start", "cg"]);
    for p in qemu_pids(d.root()) {
        _pids.add(p);
    }
    let tag = root_tag(&d.root().join("etc/libvirt/qemu"));
    let group = machine_group(1, "cg", Some(&tag));
    let cpu = v1_dir("cpu", &group);
    let mem = v1_dir("memory", &group);
    // the QEMU process sits in the group; start applied the definition's tunables
    let pid = qemu_pids(d.root())[0];
    assert!(
        read(&mem.join("cgroup.procs"))
            .lines()
            .any(|l| l == pid.to_string()),
        "QEMU {pid} not in {}",
        mem.display()
    );
    assert_eq!(read(&cpu.join("cpu.shares")), "2048");
    assert_eq!(read(&mem.join("memory.limit_in_bytes")), "1073741824");
    assert!(cpu.join("vcpu0/cpu.cfs_quota_us").exists());

    // tunable event while changing schedinfo live
    let ev = Command::new("virsh")
        .args([
            "-c",
            &uri,
            "event",
            "cg",
            "--event",
            "tunable",
            "--timeout",
            "20",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_secs(2));
    let out = ok(&uri, &["schedinfo", "cg", "--live", "cpu_shares=512"]);
    assert!(out.contains("cpu_shares     : 512"), "{out}");
    assert_eq!(read(&cpu.join("cpu.shares")), "512");
    let out = ev.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("event 'tunable' for domain 'cg'"), "{text}");
    assert!(text.contains("cputune.cpu_shares: 512"), "{text}");

    ok(
        &uri,
        &[
            "schedinfo",
            "cg",
            "--live",
            "vcpu_period=50000",
            "vcpu_quota=25000",
        ],
    );
    assert_eq!(read(&cpu.join("vcpu0/cpu.cfs_period_us")), "50000");
    assert_eq!(read(&cpu.join("vcpu0/cpu.cfs_quota_us")), "25000");
    let out = ok(&uri, &["schedinfo", "cg"]);
    assert!(out.contains("Scheduler      : posix"), "{out}");
    assert!(out.contains("vcpu_quota     : 25000"), "{out}");
    let (good, out) = virsh(&uri, &["schedinfo", "cg", "--live", "vcpu_period=10"]);
    assert!(!good);
    assert!(out.contains("out of range [1000, 1000000]"), "{out}");

    // persistent changes land in the inactive XML
    ok(&uri, &["schedinfo", "cg", "--config", "cpu_shares=300"]);
    let x = ok(&uri, &["dumpxml", "cg", "--inactive"]);
    assert!(x.contains("<shares>300</shares>"), "{x}");
    assert_eq!(
        read(&cpu.join("cpu.shares")),
        "512",
        "--config left the live value"
    );

    // memtune
    ok(&uri, &["memtune", "cg", "--hard-limit", "900000", "--live"]);
    assert_eq!(read(&mem.join("memory.limit_in_bytes")), "921600000");
    let out = ok(&uri, &["memtune", "cg"]);
    assert!(out.contains("hard_limit     : 900000"), "{out}");
    ok(
        &uri,
        &["memtune", "cg", "--soft-limit", "500000", "--config"],
    );
    let x = ok(&uri, &["dumpxml", "cg", "--inactive"]);
    assert!(
        x.contains("<soft_limit unit='KiB'>500000</soft_limit>"),
        "{x}"
    );

    // blkiotune: applied where the host's blkio controller has a weight file
    let blk = v1_dir("blkio", &group);
    let has_weight = blk.join("blkio.bfq.weight").exists() || blk.join("blkio.weight").exists();
    let (good, out) = virsh(&uri, &["blkiotune", "cg", "--weight", "500", "--live"]);
    assert_eq!(good, has_weight, "{out}");
    ok(&uri, &["blkiotune", "cg", "--weight", "600", "--config"]);
    let x = ok(&uri, &["dumpxml", "cg", "--inactive"]);
    assert!(x.contains("<weight>600</weight>"), "{x}");

    // pinning: thread affinity (and the vCPU's cpuset group), live and persistent
    if std::thread::available_parallelism().map_or(1, |n| n.get()) >= 2 {
        let q = ok(
            &uri,
            &[
                "qemu-monitor-command",
                "cg",
                r#"{"execute":"query-cpus-fast"}"#,
            ],
        );
        let v: serde_json::Value = serde_json::from_str(q.trim()).unwrap();
        let tid = v["return"][0]["thread-id"].as_i64().unwrap();
        let allowed = |t: i64| {
            read(Path::new(&format!("/proc/{t}/status")))
                .lines()
                .find_map(|l| {
                    l.strip_prefix("Cpus_allowed_list:")
                        .map(|x| x.trim().to_string())
                })
                .unwrap()
        };
        ok(&uri, &["vcpupin", "cg", "0", "1", "--live"]);
        assert_eq!(allowed(tid), "1");
        assert_eq!(
            read(&v1_dir("cpuset", &group).join("vcpu0/cpuset.cpus")),
            "1"
        );
        let out = ok(&uri, &["vcpupin", "cg", "--live"]);
        assert!(
            out.lines()
                .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["0", "1"]),
            "{out}"
        );
        ok(&uri, &["emulatorpin", "cg", "0", "--live"]);
        assert_eq!(allowed(i64::from(pid)), "0");
        assert_eq!(allowed(tid), "1", "emulatorpin leaves vCPU threads alone");
        let out = ok(&uri, &["emulatorpin", "cg", "--live"]);
        assert!(out.contains("*: 0"), "{out}");
        ok(&uri, &["vcpupin", "cg", "0", "0-1", "--config"]);
        let x = ok(&uri, &["dumpxml", "cg", "--inactive"]);
        assert!(x.contains("<vcpupin vcpu='0' cpuset='0-1'/>"), "{x}");
    }

    ok(&uri, &["destroy", "cg"]);
    assert!(!cpu.exists(), "group {} left behind", cpu.display());
    assert!(!mem.exists(), "group {} left behind", mem.display());
}

/// The first block device node of the host (`/dev/vda`, `/dev/loop0`, …) and its `MAJ:MIN`.
fn some_block_device() -> Option<(String, String)> {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let mut names: Vec<String> = std::fs::read_dir("/sys/block")
        .ok()?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names.into_iter().find_map(|n| {
        let p = format!("/dev/{n}");
        let m = std::fs::metadata(&p).ok()?;
        m.file_type().is_block_device().then(|| {
            let r = m.rdev();
            (p, format!("{}:{}", libc::major(r), libc::minor(r)))
        })
    })
}

#[test]
fn virsh_blkiotune_per_device_through_cgroup_v1() {
    if !Path::new("/sys/fs/cgroup/blkio/blkio.throttle.read_bps_device").exists() {
        eprintln!("skipping: no cgroup v1 blkio throttling");
        return;
    }
    let Some((dev, majmin)) = some_block_device() else {
        eprintln!("skipping: no block device");
        return;
    };
    let Some(guest) = stock_virsh_guest() else {
        return;
    };
    let d = rvirt_testkit::TestDaemon::start();
    let _pids = PidGuard::default();
    let uri = d.uri("qemu:///system");
    // a throttle in the definition is applied at start
    let xml = guest_xml("bd", &guest).replace(
        "<vcpu>1</vcpu>",
        &format!(
            "<vcpu>1</vcpu><blkiotune><device><path>{dev}</path>\
             <write_iops_sec>300</write_iops_sec></device></blkiotune>"
        ),
    );
    let xf = d.root().join("bd.xml");
    std::fs::write(&xf, xml).unwrap();
    ok(&uri, &["define", xf.to_str().unwrap()]);
    ok(&uri, &["start", "bd"]);
    for p in qemu_pids(d.root()) {
        _pids.add(p);
    }
    let tag = root_tag(&d.root().join("etc/libvirt/qemu"));
    let blk = v1_dir("blkio", &machine_group(1, "bd", Some(&tag)));
    let line = |f: &str| -> String {
        read(&blk.join(f))
            .lines()
            .find(|l| l.starts_with(&format!("{majmin} ")))
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(
        line("blkio.throttle.write_iops_device"),
        format!("{majmin} 300")
    );

    // live and persistent per-device throttles
    let arg = format!("{dev},1048576");
    ok(
        &uri,
        &[
            "blkiotune",
            "bd",
            "--device-read-bytes-sec",
            &arg,
            "--live",
            "--config",
        ],
    );
    assert_eq!(
        line("blkio.throttle.read_bps_device"),
        format!("{majmin} 1048576")
    );
    let out = ok(&uri, &["blkiotune", "bd"]);
    assert!(
        out.contains(&format!("device_read_bytes_sec: {dev},1048576")),
        "{out}"
    );
    assert!(
        out.contains(&format!("device_write_iops_sec: {dev},300")),
        "{out}"
    );
    let want = format!(
        "<blkiotune>\n    <device>\n      <path>{dev}</path>\n      \
         <write_iops_sec>300</write_iops_sec>\n      <read_bytes_sec>1048576</read_bytes_sec>\n    \
         </device>\n  </blkiotune>"
    );
    let x = ok(&uri, &["dumpxml", "bd"]);
    assert!(x.contains(&want), "{x}");
    let x = ok(&uri, &["dumpxml", "bd", "--inactive"]);
    assert!(x.contains(&want), "{x}");
    // --config only: the live cgroup keeps its value
    ok(
        &uri,
        &[
            "blkiotune",
            "bd",
            "--device-write-bytes-sec",
            &format!("{dev},4096"),
            "--config",
        ],
    );
    assert_eq!(line("blkio.throttle.write_bps_device"), "");
    let out = ok(&uri, &["blkiotune", "bd", "--config"]);
    assert!(
        out.contains(&format!("device_write_bytes_sec: {dev},4096")),
        "{out}"
    );

    // libvirt's refusals
    let (good, out) = virsh(
        &uri,
        &[
            "blkiotune",
            "bd",
            "--device-read-iops-sec",
            "/dev/null,5",
            "--live",
        ],
    );
    assert!(!good);
    assert!(
        out.contains("Path '/dev/null' must be a block device"),
        "{out}"
    );
    let (good, out) = virsh(
        &uri,
        &[
            "blkiotune",
            "bd",
            "--device-read-iops-sec",
            "/dev/x,y",
            "--live",
        ],
    );
    assert!(!good);
    assert!(
        out.contains("invalid value 'y' for parameter 'device_read_iops_sec' of device '/dev/x'"),
        "{out}"
    );
    // device weights need a weight file and a BFQ/CFQ-scheduled device
    let (good, out) = virsh(
        &uri,
        &[
            "blkiotune",
            "bd",
            "--device-weights",
            &format!("{dev},500"),
            "--live",
        ],
    );
    if good {
        let f = ["blkio.bfq.weight_device", "blkio.weight_device"]
            .into_iter()
            .find(|f| blk.join(f).exists())
            .unwrap();
        assert_eq!(line(f), format!("{majmin} 500"));
    } else {
        assert!(out.contains("valid only for cfq/bfq scheduler"), "{out}");
    }

    // 0 removes a setting (and the cgroup rule)
    ok(
        &uri,
        &[
            "blkiotune",
            "bd",
            "--device-read-bytes-sec",
            &format!("{dev},0"),
            "--live",
        ],
    );
    assert_eq!(line("blkio.throttle.read_bps_device"), "");
    let x = ok(&uri, &["dumpxml", "bd"]);
    assert!(!x.contains("<read_bytes_sec>"), "{x}");
    assert!(x.contains("<write_iops_sec>300</write_iops_sec>"), "{x}");
    ok(&uri, &["destroy", "bd"]);
}
