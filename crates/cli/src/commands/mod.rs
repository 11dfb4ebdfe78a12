//! Command implementations, grouped as `virsh help` groups them.

mod backup;
mod blockjob;
mod checkpoint;
mod checkpoint_edit;
pub mod complete;
mod console;
mod domain;
mod domain_dev;
mod domain_extra;
mod domain_misc;
mod domain_monitor;
mod domain_set;
mod domain_tune;
mod edit;
mod event;
mod event_obj;
mod extra;
mod fd_associate;
mod host;
mod iface;
mod iface_bridge;
pub(crate) mod migrate;
mod misc;
mod misc_more;
mod net_update;
mod netport;
mod network;
mod nodedev;
mod nodedev_ops;
mod nwfilter;
mod perf;
mod pool;
mod qemu;
mod qemu_json;
mod qemu_wrap;
mod screenshot;
mod secret;
mod snapshot;
mod update_memory;
mod util;
mod virsh;
mod volume;
mod xml_input;
mod xpath;

use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

/// Runs one parsed command.
pub async fn dispatch(ctl: &mut Ctl, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "help" => virsh::help(ctl, cmd),
        "complete" => complete::run(ctl, cmd).await,
        "echo" => misc::echo(ctl, cmd),
        "pwd" => misc::pwd(ctl),
        "cd" => misc::cd(ctl, cmd),
        "connect" => virsh::connect(ctl, cmd).await,
        "uri" | "version" | "hostname" | "nodeinfo" | "capabilities" | "sysinfo" | "freecell"
        | "nodememstats" | "nodecpustats" | "nodecpumap" | "maxvcpus" | "domcapabilities"
        | "cpu-models" => {
            let conn = ctl.conn().await?;
            host::run(ctl, &conn, cmd).await
        }
        "list" | "dominfo" | "domstate" | "domid" | "domname" | "domuuid" | "vcpucount"
        | "vcpuinfo" | "dommemstat" | "domblkstat" | "domifstat" | "domstats" | "schedinfo"
        | "memtune" | "blkiotune" | "domblklist" | "domiflist" => {
            let conn = ctl.conn().await?;
            domain_monitor::run(ctl, &conn, cmd).await
        }
        "domhostname" | "domblkinfo" | "domblkerror" | "domtime" | "domifaddr" | "domcontrol"
        | "domjobabort" | "domjobinfo" | "inject-nmi" | "dompmsuspend" | "dompmwakeup"
        | "domfsinfo" | "iothreadinfo" | "set-user-password" | "attach-device"
        | "detach-device" | "update-device" => {
            let conn = ctl.conn().await?;
            domain_extra::run(ctl, &conn, cmd).await
        }
        "vcpupin" | "emulatorpin" | "numatune" | "domiftune" | "blkdeviotune" | "cpu-stats"
        | "send-key" => {
            let conn = ctl.conn().await?;
            domain_tune::run(ctl, &conn, cmd).await
        }
        "freepages"
        | "allocpages"
        | "nodesuspend"
        | "node-memory-tune"
        | "iface-define"
        | "iface-undefine"
        | "iface-start"
        | "iface-destroy"
        | "pool-delete"
        | "pool-capabilities"
        | "vol-clone"
        | "managedsave-dumpxml"
        | "save-image-dumpxml"
        | "ttyconsole"
        | "domdisplay"
        | "vncdisplay"
        | "guestinfo" => {
            let conn = ctl.conn().await?;
            extra::run(ctl, &conn, cmd).await
        }
        "iothreadadd" | "iothreaddel" | "iothreadpin" | "iothreadset" | "set-lifecycle-action" => {
            let conn = ctl.conn().await?;
            domain_set::run(ctl, &conn, cmd).await
        }
        "attach-disk" | "detach-disk" | "attach-interface" | "detach-interface"
        | "change-media" => {
            let conn = ctl.conn().await?;
            domain_dev::run(ctl, &conn, cmd).await
        }
        "cpu-compare"
        | "cpu-baseline"
        | "hypervisor-cpu-compare"
        | "hypervisor-cpu-baseline"
        | "domxml-from-native"
        | "domxml-to-native"
        | "pool-name"
        | "pool-uuid"
        | "vol-create-from"
        | "vol-pool" => {
            let conn = ctl.conn().await?;
            misc::run(ctl, &conn, cmd).await
        }
        "save-image-define"
        | "managedsave-define"
        | "snapshot-create"
        | "domif-getlink"
        | "domif-setlink"
        | "domfsfreeze"
        | "domfsthaw"
        | "domfstrim"
        | "setvcpu"
        | "guestvcpus"
        | "send-process-signal"
        | "dump"
        | "blockresize" => {
            let conn = ctl.conn().await?;
            domain_misc::run(ctl, &conn, cmd).await
        }
        "edit" | "net-edit" | "pool-edit" | "iface-edit" | "snapshot-edit" | "managedsave-edit"
        | "save-image-edit" => {
            let conn = ctl.conn().await?;
            edit::run(ctl, &conn, cmd).await
        }
        "iface-begin"
        | "iface-commit"
        | "iface-rollback"
        | "find-storage-pool-sources"
        | "find-storage-pool-sources-as"
        | "detach-device-alias"
        | "domblkthreshold"
        | "guest-agent-timeout"
        | "get-user-sshkeys"
        | "set-user-sshkeys" => {
            let conn = ctl.conn().await?;
            misc_more::run(ctl, &conn, cmd).await
        }
        "blockpull" | "blockcommit" | "blockcopy" | "blockjob" | "domdirtyrate-calc" => {
            let conn = ctl.conn().await?;
            blockjob::run(ctl, &conn, cmd).await
        }
        "iface-bridge" | "iface-unbridge" => {
            let conn = ctl.conn().await?;
            iface_bridge::run(ctl, &conn, cmd).await
        }
        "console" => {
            let conn = ctl.conn().await?;
            console::run(ctl, &conn, cmd).await
        }
        "net-port-list" | "net-port-create" | "net-port-dumpxml" | "net-port-delete" => {
            let conn = ctl.conn().await?;
            netport::run(ctl, &conn, cmd).await
        }
        "qemu-monitor-command" | "qemu-agent-command" | "qemu-monitor-event" | "qemu-attach" => {
            let conn = ctl.conn().await?;
            qemu::run(ctl, &conn, cmd).await
        }
        "net-update" => {
            let conn = ctl.conn().await?;
            net_update::run(ctl, &conn, cmd).await
        }
        "net-event" | "pool-event" | "nodedev-event" | "secret-event" => {
            let conn = ctl.conn().await?;
            event_obj::run(ctl, &conn, cmd).await
        }
        "nodedev-create" | "nodedev-destroy" | "nodedev-define" | "nodedev-undefine"
        | "nodedev-start" | "nodedev-autostart" | "nodedev-info" | "nodedev-detach"
        | "nodedev-reattach" | "nodedev-reset" => {
            let conn = ctl.conn().await?;
            nodedev_ops::run(ctl, &conn, cmd).await
        }
        "event" => {
            let conn = ctl.conn().await?;
            event::run(ctl, &conn, cmd).await
        }
        "perf" | "domlaunchsecinfo" | "domsetlaunchsecstate" | "nodesevinfo" => {
            let conn = ctl.conn().await?;
            perf::run(ctl, &conn, cmd).await
        }
        "backup-begin" | "backup-dumpxml" | "migrate-compcache" | "lxc-enter-namespace" => {
            let conn = ctl.conn().await?;
            backup::run(ctl, &conn, cmd).await
        }
        "dom-fd-associate" => {
            let conn = ctl.conn().await?;
            fd_associate::run(&conn, cmd).await
        }
        "screenshot" => {
            let conn = ctl.conn().await?;
            screenshot::run(ctl, &conn, cmd).await
        }
        "update-memory-device" => {
            let conn = ctl.conn().await?;
            update_memory::run(ctl, &conn, cmd).await
        }
        n if n.starts_with("migrate") => {
            let conn = ctl.conn().await?;
            migrate::run(ctl, &conn, cmd).await
        }
        n if n.starts_with("checkpoint-") => {
            let conn = ctl.conn().await?;
            checkpoint::run(ctl, &conn, cmd).await
        }
        n if n.starts_with("snapshot-") => {
            let conn = ctl.conn().await?;
            snapshot::run(ctl, &conn, cmd).await
        }
        n if n.starts_with("net-") => {
            let conn = ctl.conn().await?;
            network::run(ctl, &conn, cmd).await
        }
        n if n.starts_with("pool-") => {
            let conn = ctl.conn().await?;
            pool::run(ctl, &conn, cmd).await
        }
        n if n.starts_with("vol-") => {
            let conn = ctl.conn().await?;
            volume::run(ctl, &conn, cmd).await
        }
        n if n.starts_with("iface-") => {
            let conn = ctl.conn().await?;
            iface::run(ctl, &conn, cmd).await
        }
        n if n.starts_with("nodedev-") => {
            let conn = ctl.conn().await?;
            nodedev::run(ctl, &conn, cmd).await
        }
        n if n.starts_with("nwfilter-") => {
            let conn = ctl.conn().await?;
            nwfilter::run(ctl, &conn, cmd).await
        }
        n if n.starts_with("secret-") => {
            let conn = ctl.conn().await?;
            secret::run(ctl, &conn, cmd).await
        }
        _ => {
            let conn = ctl.conn().await?;
            domain::run(ctl, &conn, cmd).await
        }
    }
}

/// A command the table knows but no module handles.
pub(crate) fn unhandled(cmd: &Cmd) -> CmdResult {
    Err(Failure::msg(format!("unknown command: '{}'", cmd.def.name)))
}
