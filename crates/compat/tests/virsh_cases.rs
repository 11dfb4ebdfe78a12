//! virsh command sequences compared byte for byte. `@D@` is the data directory, `@T@` a
//! scratch directory. Each case runs in one virsh process (`;`-separated), so state built by
//! early commands is seen by later ones, exactly as in libvirt's in-process test driver.
//! A case starting with `[mask-uuid] ` has generated UUIDs masked in both outputs.
//!
//! Not here, because libvirt's own test driver cannot serve as the oracle: secrets and
//! volume upload/download (libvirt 9.0's test driver lacks them; rvirt's has them, see
//! `extensions.rs`), and `save`/`managedsave` (in-process virsh never returns from them: its job-progress
//! watcher waits on an event loop the in-process test driver never drives).

pub const CASES: &[&str] = &[
    // host
    "version",
    "hostname",
    "nodeinfo",
    "capabilities",
    "sysinfo",
    "maxvcpus",
    "freecell",
    "freecell --all",
    "nodememstats",
    "nodecpustats",
    "domcapabilities",
    "cpu-models x86_64",
    // domains: queries
    "list",
    "list --all",
    "list --inactive",
    "list --name",
    "list --uuid",
    "list --all --table --title",
    "list --state-running",
    "list --persistent --autostart",
    "dominfo test",
    "dominfo 1",
    "dominfo 6695eb01-f6a4-8304-79aa-97f2502e193f",
    "dominfo nosuch",
    "domstate test",
    "domstate test --reason",
    "domid test",
    "domname 1",
    "domuuid test",
    "dumpxml test",
    "dumpxml --inactive test",
    "dumpxml --security-info test",
    "dumpxml nosuch",
    "vcpucount test",
    "vcpuinfo test",
    "dommemstat test",
    "domblklist test",
    "domiflist test",
    "schedinfo test",
    "memtune test",
    "blkiotune test",
    "domstats test",
    "domstats --state",
    // domains: lifecycle
    "define @D@/guest.xml; list --all; dominfo compat-guest; dumpxml compat-guest",
    "define @D@/guest.xml; start compat-guest; list --all; domstate compat-guest --reason; dominfo compat-guest",
    "define @D@/guest.xml; start compat-guest; destroy compat-guest; domstate compat-guest --reason",
    "define @D@/guest.xml; start compat-guest; suspend compat-guest; domstate compat-guest --reason; resume compat-guest; domstate compat-guest --reason",
    "define @D@/guest.xml; start compat-guest; shutdown compat-guest; domstate compat-guest --reason",
    "define @D@/guest.xml; start compat-guest; reboot compat-guest; reset compat-guest; domstate compat-guest --reason",
    "define @D@/guest.xml; undefine compat-guest; list --all",
    "create @D@/guest.xml; list --all; destroy compat-guest; list --all",
    "destroy test; domstate test --reason; start test; domstate test --reason; domid test",
    "destroy test; destroy test",
    "start test",
    "suspend test; suspend test",
    "resume test",
    "autostart test; dominfo test; autostart --disable test; dominfo test",
    "setmem test 1048576; dominfo test",
    "setmaxmem test 4194304 --config; dominfo test",
    "setvcpus test 1 --live; vcpucount test",
    "desc test; desc test --title 'a title'; desc test --title; list --title",
    "desc test 'some description'; desc test",
    "domrename test renamed",
    "destroy test; domrename test renamed; list --all",
    "restore /nonexistent",
    // snapshots
    "snapshot-create-as test snap1; snapshot-list test --name; snapshot-current test --name; snapshot-info test snap1",
    "snapshot-create-as test snap1; snapshot-create-as test snap2; snapshot-list test --tree; snapshot-delete test snap2; snapshot-list test --name",
    // networks
    "net-list",
    "net-list --all",
    "net-list --all --name",
    "net-list --uuid",
    "net-info default",
    "net-dumpxml default",
    "net-uuid default",
    "net-info nosuch",
    "net-define @D@/net.xml; net-list --all; net-start compat-net; net-list --all; net-info compat-net; net-destroy compat-net; net-undefine compat-net; net-list --all",
    "net-create @D@/net.xml; net-list --all; net-destroy compat-net; net-list --all",
    "net-destroy default; net-list --all; net-start default; net-list",
    "net-autostart default; net-info default; net-autostart --disable default; net-info default",
    "net-dhcp-leases default",
    // storage
    "pool-list",
    "pool-list --all",
    "pool-list --all --details",
    "pool-info default-pool",
    "pool-dumpxml default-pool",
    "pool-info nosuch",
    "vol-list default-pool",
    "vol-list default-pool --details",
    "[mask-uuid] pool-define-as extra dir --target /extra; pool-list --all; pool-start extra; pool-info extra; pool-destroy extra; pool-undefine extra; pool-list --all",
    "vol-create @D@/vol.xml --pool default-pool; vol-list default-pool; vol-info compat-vol.img --pool default-pool; vol-dumpxml compat-vol.img --pool default-pool; vol-path compat-vol.img --pool default-pool; vol-delete compat-vol.img --pool default-pool; vol-list default-pool",
    "vol-create-as default-pool new.img 10M; vol-info new.img --pool default-pool; vol-key new.img --pool default-pool",
    // interfaces, node devices, secrets
    "iface-list",
    "iface-list --all",
    "nodedev-list",
    "nodedev-list --tree",
    "nodedev-dumpxml computer",
    // read-only connections refuse writes (virCheckReadOnlyGoto) and secure XML
    READ_ONLY_CASES[0],
    READ_ONLY_CASES[1],
];

/// Cases that reconnect read-only first; also run with in-process rvirsh
/// (`rvirsh_matches_virsh.rs`), where the client library, not a daemon, refuses the writes.
pub const READ_ONLY_CASES: &[&str] = &[
    "connect --readonly; destroy test; start test; suspend test; setmem test 1048576; dumpxml --security-info test; domcapabilities; list --all",
    "connect --readonly; net-destroy default; net-autostart default; pool-destroy default-pool; vol-create-as default-pool ro.img 10M; snapshot-create-as test s1; secret-define @D@/secret.xml; autostart test; net-list; pool-list; vol-list default-pool; snapshot-list test --name",
];
