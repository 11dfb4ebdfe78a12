//! Guest-agent, IOThread, block-job and host procedures plus the test driver's tuning
//! setters: stock virsh through rvirtd prints exactly what virsh prints with libvirt's own
//! in-process test driver.

use super::*;

#[test]
fn stock_virsh_agent_iothread_blockjob_node_commands_match() {
    let Some(d) = daemon_for_virsh() else {
        return;
    };
    let uri = d.test_uri();
    let cmds: &[&[&str]] = &[
        &["vcpupin", "test", "0", "0"],
        &["emulatorpin", "test", "0"],
        &["numatune", "test", "--mode", "strict", "--nodeset", "0"],
        &["domiftune", "test", "testnet0", "--inbound", "100"],
        &["blkdeviotune", "test", "vda", "--total-bytes-sec", "1000"],
        &["blkdeviotune", "test", "vda"],
        &["cpu-stats", "test"],
        &["save-image-dumpxml", "/nonexistent"],
        &["domfsinfo", "test"],
        &["iothreadinfo", "test"],
        &["iothreadadd", "test", "5"],
        &["iothreaddel", "test", "1"],
        &["iothreadpin", "test", "1", "0"],
        &["iothreadset", "test", "1", "--poll-max-ns", "100"],
        &["guestvcpus", "test"],
        &["guestvcpus", "test", "--cpulist", "0", "--disable"],
        &["setvcpu", "test", "0", "--disable"],
        &["set-user-password", "test", "user", "pw"],
        &["domblkerror", "test"],
        &["blockjob", "test", "vda"],
        &["blockjob", "test", "vda", "--abort"],
        &["blockresize", "test", "vda", "1G"],
        &["blockcopy", "test", "vda", "/tmp/x"],
        &["blockcommit", "test", "vda"],
        &["blockpull", "test", "vda"],
        &["blockjob", "test", "vda", "--bandwidth", "10"],
        &["domfstrim", "test"],
        &["domblkthreshold", "test", "vda", "100"],
        &["send-process-signal", "test", "1", "9"],
        &["get-user-sshkeys", "test", "root"],
        &["guest-agent-timeout", "test", "--timeout", "5"],
        &["domdirtyrate-calc", "test"],
        &["nodesuspend", "mem", "60"],
        &["allocpages", "2M", "1"],
        &["domxml-from-native", "qemu-argv", "/dev/null"],
        &["domxml-to-native", "qemu-argv", "--domain", "test"],
        &["nodesevinfo"],
        &["domfstrim", "test", "--mountpoint", "/"],
        &["send-process-signal", "test", "2", "9"],
        &["send-process-signal", "test", "1", "100"],
        &["set-user-password", "test", "u", "p", "--encrypted"],
        &["blkdeviotune", "test", "vdb"],
        &[
            "blkdeviotune",
            "test",
            "vda",
            "--read-bytes-sec",
            "5",
            "--total-bytes-sec",
            "3",
        ],
        &["cpu-stats", "test", "--total"],
        &["cpu-stats", "test", "--start", "1", "--count", "1"],
    ];
    assert_virsh_matches(&uri, &[], cmds, " want ", " got  ");
}

/// The setters and agent commands change nothing on an inactive domain's live state:
/// the same "domain is not running" answers as libvirt's driver.
#[test]
fn stock_virsh_inactive_domain_errors_match() {
    let Some(d) = daemon_for_virsh() else {
        return;
    };
    let uri = d.test_uri();
    let script = "destroy test; domfsinfo test; domblkerror test; set-user-password test u p; \
                  send-process-signal test 1 9; domfstrim test; cpu-stats test; iothreadinfo test";
    let want = virsh(ORACLE, &[script]);
    let got = virsh(&uri, &[script]);
    assert_eq!(want, got);
}
