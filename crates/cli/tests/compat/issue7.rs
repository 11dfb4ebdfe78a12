//! Commands and shell features of rvirt issue 7: device shortcuts, IOThreads, tuning setters
//! that persist, object events, node devices, the `*-edit` loop and more, each compared with
//! stock virsh against `test:///default`.

use super::{compat, compat_args, workdir, VIRSH};
use std::path::{Path, PathBuf};
use std::process::Command;

const CD_XML: &str = "<domain type='test'>\n  <name>cd</name>\n  <memory>1048576</memory>\n  \
<vcpu>1</vcpu>\n  <os><type>hvm</type></os>\n  <devices>\n    \
<disk type='file' device='cdrom'>\n      <source file='/tmp/a.iso'/>\n      \
<target dev='hdc' bus='ide'/>\n      <readonly/>\n    </disk>\n    \
<disk type='file' device='floppy'>\n      <target dev='fda'/>\n    </disk>\n  \
</devices>\n</domain>\n";
const CPU_XML: &str = "<cpu><arch>x86_64</arch><model>qemu64</model></cpu>\n";
const ND_XML: &str = "<device>\n  <parent>PARENT</parent>\n  <capability type='scsi_host'>\n    \
<capability type='fc_host'>\n      <wwnn>2000000012341234</wwnn>\n      \
<wwpn>1000000012341234</wwpn>\n    </capability>\n  </capability>\n</device>\n";

/// Extra input files these cases use, written into the shared work directory.
fn files(dir: &Path) {
    std::fs::write(dir.join("cd.xml"), CD_XML).unwrap();
    std::fs::write(dir.join("cpu.xml"), CPU_XML).unwrap();
    std::fs::write(
        dir.join("nd11.xml"),
        ND_XML.replace("PARENT", "scsi_host11"),
    )
    .unwrap();
    std::fs::write(dir.join("nd1.xml"), ND_XML.replace("PARENT", "scsi_host1")).unwrap();
}

/// Like `compat`, with the extra files and environment variables.
fn compat_env(cmd: &str, env: &[(&str, &str)]) {
    if !Path::new(VIRSH).exists() {
        eprintln!("skipping: {VIRSH} not installed");
        return;
    }
    let dir = workdir();
    files(dir.path());
    let go = |bin: &Path| {
        let mut c = Command::new("timeout");
        c.arg("60")
            .arg(bin)
            .current_dir(dir.path())
            .env_remove("LIBVIRT_DEFAULT_URI")
            .env_remove("VISUAL")
            .stdin(std::process::Stdio::null())
            .args(["-c", "test:///default", cmd]);
        for (k, v) in env {
            c.env(k, v);
        }
        let out = c.output().unwrap();
        (
            super::normalise(&String::from_utf8_lossy(&out.stdout)),
            super::normalise(&String::from_utf8_lossy(&out.stderr)),
            out.status.code(),
        )
    };
    let want = go(Path::new(VIRSH));
    let got = go(&PathBuf::from(env!("CARGO_BIN_EXE_rvirsh")));
    assert_eq!(got, want, "differs for {cmd:?} with {env:?}");
}

fn with_files(cmd: &str) {
    compat_env(cmd, &[]);
}

macro_rules! files_cases {
    ($($name:ident => $cmd:expr;)*) => {
        $( #[test] fn $name() { with_files($cmd); } )*
    };
}

mod iothreads_and_setters {
    use super::super::compat;
    cases! {
        iothreadadd_zero => "iothreadadd test 0";
        iothreadadd_negative => "iothreadadd test -1";
        iothreadadd_malformed => "iothreadadd test abc";
        iothreadadd_live_config => "iothreadadd test 3 --live --config";
        iothreadadd_current_live => "iothreadadd test 3 --current --live";
        iothreadadd_config => "iothreadadd test 3 --config; iothreadinfo test --config";
        iothreadadd_twice => "iothreadadd test 2; iothreadadd test 2";
        iothreadadd_missing => "iothreadadd test";
        iothreadpin_unknown => "iothreadpin test 3 0";
        iothreadpin_bad_list => "iothreadadd test 3; iothreadpin test 3 abc";
        iothreaddel_unknown => "iothreaddel test 2";
        iothreadset_nothing => "iothreadadd test 3; iothreadset test 3";
        iothreadset_negative => "iothreadset test 3 --poll-max-ns -5";
        iothreadset_pool => "iothreadadd test 3; iothreadset test 3 --poll-grow 5 --thread-pool-min 1 --thread-pool-max 3";
        iothreadset_poll => "iothreadadd test 3; iothreadset test 3 --poll-max-ns 5 --poll-shrink 2";
        iothread_round_trip => "iothreadadd test 5; iothreadadd test 3; iothreadpin test 5 1; iothreadinfo test; iothreaddel test 3; dumpxml test";
        iothread_del_pinned => "iothreadadd test 2; iothreadpin test 2 0-1; dumpxml test --xpath //cputune; iothreaddel test 2; dumpxml test --xpath //iothreads; dumpxml test --xpath //cputune";
        lifecycle_bad_type => "set-lifecycle-action test bad restart";
        lifecycle_bad_action => "set-lifecycle-action test poweroff bad";
        lifecycle_crash => "set-lifecycle-action test crash coredump-destroy; dumpxml test --xpath //on_crash";
        lifecycle_nosuch => "set-lifecycle-action nosuch reboot restart";
        lifecycle_config => "set-lifecycle-action test reboot preserve --config; dumpxml test --inactive --xpath //on_reboot";
        vcpupin_persists => "vcpupin test 0 1; vcpupin test; dumpxml test --xpath //cputune";
        vcpupin_config_refused => "vcpupin test 1 0,2-3 --config; vcpupin test --config";
        vcpupin_range => "vcpupin test 5 1";
        emulatorpin_persists => "emulatorpin test 1; emulatorpin test; emulatorpin test 0-7; dumpxml test --xpath //cputune";
        emulatorpin_config => "emulatorpin test 1 --config; dumpxml test --inactive --xpath //cputune; dumpxml test --xpath //cputune";
        numatune_persists => "numatune test --nodeset 0 --mode interleave; numatune test; dumpxml test --xpath //numatune";
        numatune_mode_change => "numatune test --nodeset 0-1; numatune test --mode preferred; dumpxml test --xpath //numatune";
        numatune_mode_only => "numatune test --mode preferred";
        memtune_set => "memtune test --hard-limit 1000 --soft-limit 500; memtune test";
        memtune_unlimited => "memtune test --hard-limit -1; memtune test";
        memtune_config => "memtune test --hard-limit 1G --config; memtune test --config";
        memtune_min_guarantee => "memtune test --min-guarantee 5";
        memtune_swap_below_hard => "memtune test --swap-hard-limit 10";
        memtune_malformed => "memtune test --hard-limit abc";
        blkiotune_set => "blkiotune test --weight 500; blkiotune test; dumpxml test --xpath //blkiotune";
        blkiotune_any_weight => "blkiotune test --weight 50; blkiotune test";
        blkiotune_malformed => "blkiotune test --weight abc";
        blkiotune_device => "blkiotune test --device-weights /dev/sda,500; blkiotune test";
        blkiotune_devices_merge => "blkiotune test --weight 300 --device-weights /dev/sda,500,/dev/sdb,200 --device-write-bytes-sec /dev/sda,1000; blkiotune test; dumpxml test --xpath //blkiotune; blkiotune test --device-weights /dev/sda,0; dumpxml test --xpath //blkiotune";
        blkiotune_device_odd => "blkiotune test --device-weights /dev/sda";
        blkiotune_device_malformed => "blkiotune test --device-weights /dev/sda,abc";
        blkiotune_device_config => "blkiotune test --device-read-iops-sec /dev/vda,500 --config; dumpxml test --inactive --xpath //blkiotune; blkiotune test";
        schedinfo_set => "schedinfo test --set weight=100";
        schedinfo_set_unknown => "schedinfo test --set bogus=100";
        schedinfo_set_malformed => "schedinfo test --set weight=abc";
        schedinfo_set_syntax => "schedinfo test --set weight";
        schedinfo_cap => "schedinfo test --cap 5";
        schedinfo_config => "schedinfo test --weight 100 --config";
        schedinfo_current => "schedinfo test --current";
        all_setters_dumpxml => "vcpupin test 0 1; emulatorpin test 1; numatune test --nodeset 0; set-lifecycle-action test reboot destroy; memtune test --hard-limit 1000; blkiotune test --weight 500; iothreadadd test 4; dumpxml test";
    }
}

mod devices {
    use super::with_files;
    files_cases! {
        attach_disk_refused => "attach-disk test /tmp/a.img vdb";
        attach_disk_config => "attach-disk test /tmp/a.img vdb --config";
        attach_disk_persistent => "attach-disk test /tmp/a.img vdb --persistent";
        attach_disk_print_all => "attach-disk test /tmp/a.img vdb --print-xml --targetbus virtio --driver qemu --subdriver qcow2 --cache none --io native --type cdrom --mode readonly --sourcetype file --serial abc --wwn 0x5000c50015ea71ac --alias ua-x --rawio --address pci:0000.00.0a.0 --multifunction --iothread 1";
        attach_disk_print_block => "attach-disk test /dev/sdb vdb --sourcetype block --print-xml";
        attach_disk_print_shareable => "attach-disk test /tmp/a.iso hdc --type cdrom --mode shareable --print-xml";
        attach_disk_print_scsi => "attach-disk test /tmp/a.img sda --address scsi:0.0.1 --print-xml";
        attach_disk_print_usb => "attach-disk test /tmp/a.img sda --address usb:1.2 --print-xml";
        attach_disk_print_network => "attach-disk test pool/vol vdb --sourcetype network --source-protocol rbd --source-host-name mon:6789 --print-xml";
        attach_disk_positional_bus => "attach-disk test /a vdb virtio --print-xml";
        attach_disk_bad_address => "attach-disk test /tmp/a.img vdb --address bogus --print-xml";
        attach_disk_bad_mode => "attach-disk test /tmp/a.img vdb --mode bad --print-xml";
        attach_disk_bad_sourcetype => "attach-disk test /tmp/a.img vdb --sourcetype bad --print-xml";
        attach_disk_nosuch_print => "attach-disk nosuch /a vdb --print-xml";
        attach_disk_nosuch => "attach-disk nosuch /a vdb";
        attach_disk_missing_target => "attach-disk test /a";
        attach_interface_refused => "attach-interface test network default";
        attach_interface_print_all => "attach-interface test network default --print-xml --target vnet0 --mac 52:54:00:11:22:33 --script /bin/true --model virtio --alias ua-n --inbound 100,200,300,400 --outbound 10 --managed";
        attach_interface_hostdev => "attach-interface test hostdev 0000:00:19.0 --managed --print-xml";
        attach_interface_vhostuser => "attach-interface test vhostuser /tmp/s --source-mode server --print-xml";
        attach_interface_vhostuser_no_mode => "attach-interface test vhostuser /tmp/s --print-xml";
        attach_interface_bad_mode => "attach-interface test direct eth0 --source-mode bridge --print-xml";
        attach_interface_bad_type => "attach-interface test bogus x --print-xml";
        attach_interface_zero_inbound => "attach-interface test network default --inbound 0 --print-xml";
        attach_interface_bad_inbound => "attach-interface test network default --inbound abc --print-xml";
        detach_interface_no_type => "detach-interface test bridge";
        detach_interface_no_mac => "detach-interface test network --mac 00:00:00:00:00:01";
        detach_interface_refused => "detach-interface test network";
        detach_interface_print => "detach-interface test network --print-xml";
        detach_interface_print_mac => "detach-interface test network --mac AA:bb:cc:dd:ee:ff --print-xml --config";
        detach_disk_unknown => "detach-disk test vdz";
        detach_disk_refused => "detach-disk test vda";
        detach_disk_print => "detach-disk test /guest/diskimage1 --print-xml";
        detach_disk_persistent_current => "detach-disk test vda --persistent --current";
        change_media_not_removable => "change-media test vda --insert --source /x";
        change_media_exclusive => "change-media test vda --eject --insert";
        change_media_eject_print => "define cd.xml; change-media cd hdc --eject --print-xml";
        change_media_eject_refused => "define cd.xml; change-media cd hdc --eject";
        change_media_update_by_source => "define cd.xml; change-media cd /tmp/a.iso --update /tmp/b.iso --print-xml";
        change_media_insert_floppy => "define cd.xml; change-media cd fda /tmp/f.img --insert --print-xml";
        change_media_no_media => "define cd.xml; change-media cd fda --eject --print-xml";
        change_media_has_media => "define cd.xml; change-media cd hdc --insert /x";
        change_media_block => "define cd.xml; change-media cd fda /dev/sr0 --insert --block --print-xml";
        change_media_no_source => "define cd.xml; change-media cd fda --insert";
        change_media_force_live => "define cd.xml; change-media cd hdc /x --update --force --live";
        domif_getlink => "domif-getlink test testnet0";
        domif_getlink_mac => "domif-getlink test aa:bb:cc:dd:ee:ff";
        domif_getlink_unknown => "domif-getlink test vnet0";
        domif_setlink_refused => "domif-setlink test testnet0 down";
        domif_setlink_bad => "domif-setlink test testnet0 bogus";
        domif_setlink_print => "domif-setlink test testnet0 down --print-xml";
    }
}

mod host_and_objects {
    use super::with_files;
    files_cases! {
        cpu_compare_refused => "cpu-compare cpu.xml";
        cpu_compare_nofile => "cpu-compare nofile";
        cpu_baseline => "cpu-baseline cpu.xml";
        cpu_baseline_migratable => "cpu-baseline cpu.xml --migratable";
        cpu_baseline_domain => "cpu-baseline dom.xml";
        hypervisor_cpu_compare => "hypervisor-cpu-compare cpu.xml";
        hypervisor_cpu_baseline => "hypervisor-cpu-baseline cpu.xml";
        hypervisor_cpu_baseline_model => "hypervisor-cpu-baseline --model qemu64";
        hypervisor_cpu_baseline_nothing => "hypervisor-cpu-baseline";
        domxml_from_native => "domxml-from-native qemu-argv cpu.xml";
        domxml_to_native_xml => "domxml-to-native qemu-argv cpu.xml";
        domxml_to_native_domain => "domxml-to-native qemu-argv --domain test";
        domxml_to_native_nothing => "domxml-to-native qemu-argv";
        pool_create => "pool-create pool.xml; pool-list --all";
        pool_create_build => "pool-create pool.xml --build";
        pool_create_overwrite_both => "pool-create pool.xml --overwrite --no-overwrite";
        pool_name_by_name => "pool-name default-pool";
        pool_name => "pool-name dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566";
        pool_name_nosuch => "pool-name dfcf9d91-7ef2-4b1b-beb3-7e8f6f9c9b55";
        pool_uuid => "pool-uuid default-pool";
        pool_uuid_nosuch => "pool-uuid nosuch";
        vol_create_from_nosuch => "vol-create-from default-pool vol.xml nosuch";
        vol_create_from_no_inputpool => "vol-create-as default-pool v1 1M; vol-create-from default-pool vol.xml v1";
        vol_create_from => "vol-create-as default-pool v1 1M; vol-create-from default-pool vol.xml v1 --inputpool default-pool; vol-list default-pool";
        vol_create_from_prealloc => "vol-create-as default-pool v1 1M; vol-create-from default-pool vol.xml v1 --inputpool default-pool --prealloc-metadata";
        vol_pool => "vol-create-as default-pool v1 1M; vol-pool /default-pool/v1; vol-pool /default-pool/v1 --uuid";
        vol_pool_nosuch => "vol-pool nosuch";
        net_update_bad_command => "net-update default bogus ip-dhcp-host '<host/>'";
        net_update_bad_section => "net-update default add bogus '<host/>'";
        net_update_nofile => "net-update default add ip-dhcp-host nofile.xml";
        net_update_nosuch => "net-update nosuch add ip-dhcp-host '<host/>'";
        nodedev_create_no_vports => "nodedev-create nd11.xml";
        nodedev_create_destroy => "nodedev-create nd1.xml; nodedev-info scsi_host12; nodedev-dumpxml scsi_host12; nodedev-destroy scsi_host12; nodedev-list";
        nodedev_define => "nodedev-define nd1.xml";
        nodedev_undefine => "nodedev-undefine scsi_host11";
        nodedev_start => "nodedev-start scsi_host11";
        nodedev_autostart => "nodedev-autostart scsi_host11; nodedev-autostart scsi_host11 --disable";
        nodedev_info => "nodedev-info scsi_host11; nodedev-info computer";
        nodedev_info_nosuch => "nodedev-info nosuch";
        nodedev_destroy => "nodedev-destroy scsi_host11; nodedev-list";
        nodedev_destroy_nosuch => "nodedev-destroy nosuch";
        nodedev_detach => "nodedev-detach pci_0000_00_02_0";
        nodedev_reattach_reset => "nodedev-reattach scsi_host11; nodedev-reset scsi_host11";
        events_lists => "net-event --list; pool-event --list; nodedev-event --list; secret-event --list";
        event_type_required => "net-event --timeout 1";
        event_unknown_type => "net-event --timeout 1 --event bogus";
        net_event_timeout => "net-event --event lifecycle --timeout 1";
        net_event_nosuch_network => "net-event --event lifecycle --network nosuch --timeout 1";
        pool_event_timeout => "pool-event --event refresh --timeout 1 --pool default-pool";
        pool_event_nosuch_pool => "pool-event --event lifecycle --pool nosuch --timeout 1";
        nodedev_event_nosuch => "nodedev-event --event update --timeout 1 --device nosuch";
        event_zero_timeout => "net-event --event lifecycle --timeout 0";
        echo_words => "echo hello world";
        echo_shell => "echo --shell 'a b' c";
        echo_xml => "echo --xml '<a>' '&'";
        echo_err => "echo --err oops";
        echo_split => "echo --split a,b";
        pwd => "pwd";
        cd_not_interactive => "cd /tmp; pwd";
        save_image_define_missing => "save-image-define /nope dom.xml";
        managedsave_define_refused => "managedsave-define test dom.xml";
        managedsave_define_exclusive => "managedsave-define test dom.xml --running --paused";
        snapshot_create => "snapshot-create test; snapshot-list test --name";
        domfsfreeze_thaw => "domfsfreeze test; domfsthaw test; domfstrim test; domfsfreeze test --mountpoint /";
        setvcpu_refused => "setvcpu test 1 --disable";
        setvcpu_no_state => "setvcpu test 1";
        guestvcpus_refused => "guestvcpus test";
        send_process_signal => "send-process-signal test 1 kill; send-process-signal test 1 sigterm";
        send_process_signal_bad => "send-process-signal test 1 bogus";
        send_process_signal_pid => "send-process-signal test 2 9";
        blockresize_refused => "blockresize test vda 1G";
        iface_transactions => "iface-begin; iface-begin; iface-rollback; iface-rollback; iface-begin; iface-commit; iface-commit";
        find_pool_sources => "find-storage-pool-sources logical; find-storage-pool-sources-as logical";
        find_pool_sources_netfs => "find-storage-pool-sources netfs";
        find_pool_sources_as_host => "find-storage-pool-sources-as netfs host1 2049";
        find_pool_sources_nofile => "find-storage-pool-sources logical --srcSpec nofile";
        detach_device_alias => "detach-device-alias test ua-x --config";
        domblkthreshold => "domblkthreshold test vda 100";
        guest_agent_timeout => "guest-agent-timeout test --timeout 5";
        get_user_sshkeys => "get-user-sshkeys test root";
        set_user_sshkeys_no_file => "set-user-sshkeys test root";
        set_user_sshkeys_reset => "set-user-sshkeys test root --reset";
        help_pool => "help pool";
        help_interface => "help interface";
        console_without_tty => "console test --force";
        console_nosuch => "console nosuch";
        iface_bridge_refused => "iface-bridge eth1 br0 --no-stp --delay 5 --no-start; iface-list --all";
        iface_bridge_nosuch => "iface-bridge nosuch br0";
        iface_unbridge_nosuch => "iface-unbridge br0";
        blockpull => "blockpull test vda; blockpull test vda --base /x";
        blockpull_bad_bandwidth => "blockpull test vda --bandwidth abc";
        blockjob => "blockjob test vda; blockjob test vda --abort; blockjob test vda --bandwidth 10";
        blockcommit => "blockcommit test vda";
        blockcopy => "blockcopy test vda /tmp/x; blockcopy test vda";
        domdirtyrate_calc => "domdirtyrate-calc test; domdirtyrate-calc test --mode bogus";
        xpath_reindents => "numatune test --nodeset 0-1; dumpxml test --xpath //numatune; dumpxml test --xpath //devices";
    }
}

/// The `*-edit` commands with `$EDITOR` set to small sed scripts.
mod edit {
    use super::compat_env;

    fn editor(name: &str, script: &str) -> tempfile::TempPath {
        let mut f = tempfile::Builder::new().prefix(name).tempfile().unwrap();
        std::io::Write::write_all(&mut f, format!("#!/bin/sh\n{script}\n").as_bytes()).unwrap();
        let path = f.into_temp_path();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        path
    }

    fn with_editor(cmd: &str, script: &str) {
        let e = editor("ed", script);
        compat_env(cmd, &[("EDITOR", e.to_str().unwrap())]);
    }

    #[test]
    fn domain_unchanged() {
        with_editor("edit test", "true");
    }

    #[test]
    fn domain_edited_goes_to_next_boot() {
        with_editor(
            "edit test; dumpxml test --xpath //on_reboot; dumpxml test --inactive --xpath //on_reboot",
            "sed -i 's/<on_reboot>restart/<on_reboot>destroy/' \"$1\"",
        );
    }

    #[test]
    fn domain_define_fails_without_terminal() {
        with_editor("edit test", "sed -i 's/<name>test</<name>test2</' \"$1\"");
        with_editor("edit test", "echo '<domain' > \"$1\"");
    }

    #[test]
    fn visual_wins_over_editor() {
        let bad = editor("bad", "exit 3");
        let good = editor("good", "true");
        compat_env(
            "edit test",
            &[
                ("EDITOR", bad.to_str().unwrap()),
                ("VISUAL", good.to_str().unwrap()),
            ],
        );
    }

    #[test]
    fn other_objects() {
        with_editor("net-edit default", "true");
        with_editor("pool-edit default-pool", "true");
        with_editor("iface-edit eth1", "true");
        with_editor("snapshot-edit test --current", "true");
        with_editor("managedsave-edit test", "true");
        with_editor("save-image-edit /nope", "true");
        with_editor("edit nosuch", "true");
        with_editor("managedsave-edit test --running --paused", "true");
    }

    #[test]
    fn running_network_and_pool_keep_live_definition() {
        with_editor(
            "net-edit default; net-dumpxml default; net-destroy default; net-dumpxml default",
            "sed -i \"s/<forward mode='nat'\\/>/<forward mode='route'\\/>/\" \"$1\"",
        );
        with_editor(
            "pool-edit default-pool; pool-dumpxml default-pool",
            "sed -i 's|<path>/default-pool<|<path>/other<|' \"$1\"",
        );
    }

    #[test]
    fn pool_edited() {
        with_editor(
            "pool-edit default-pool; pool-list --all",
            "sed -i 's/<name>default-pool</<name>other-pool</' \"$1\"",
        );
    }
}

mod help_groups {
    use super::super::compat;
    cases! {
        help_virsh => "help virsh";
        help_secret => "help secret";
        help_events => "help events";
        help_nodedev => "help nodedev";
        help_volume => "help volume";
        help_snapshot => "help snapshot";
        help_monitor => "help monitor";
        help_unknown => "help nosuchgroup";
        help_dominfo => "help dominfo";
        help_list => "help list";
        help_iothreadadd => "help iothreadadd";
        help_set_lifecycle_action => "help set-lifecycle-action";
        help_echo => "help echo";
        help_uri => "help uri";
        help_nodedev_info => "help nodedev-info";
    }
}

/// Stock in-process virsh can hang watching the dump job (like save), so this one checks
/// rvirsh's output directly (virsh 9.0's output when it does finish).
#[test]
fn dump_prints_like_virsh() {
    let d = workdir();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_rvirsh"));
    let (out, err, rc) = super::run(&bin, d.path(), &["dump test core.x"]);
    assert_eq!(out, "\nDomain 'test' dumped to core.x\n\n");
    assert_eq!(err, "");
    assert_eq!(rc, 0);
    let (_, err, rc) = super::run(&bin, d.path(), &["dump test core.x --format elf"]);
    assert_eq!(err, "error: --format only works with --memory-only\n");
    assert_eq!(rc, 1);
}

#[test]
fn positional_and_required_options() {
    compat("iothreadadd test");
    compat("setmem");
    compat("vol-create-as");
    compat_args(&["iothreadpin", "test"]);
    compat_args(&["set-lifecycle-action", "test", "poweroff"]);
    compat_args(&["change-media", "test"]);
    compat("net-update default add");
    compat("attach-interface test");
}
